import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { parseAdhocReminder, parseRelativeReminder } from '../../../src/reminders/adhoc';

// Friday 5 June 2026, 15:00 in London (BST, UTC+1).
const now = DateTime.fromISO('2026-06-05T15:00', { zone: 'Europe/London' });
const at = (text: string, when = now) => {
  const r = parseAdhocReminder(text, when);
  if (r.status !== 'ok') throw new Error(`not parsed: ${r.message}`);
  return r;
};
const local = (d: DateTime) => d.setZone('Europe/London').toFormat('ccc d LLL HH:mm');

describe('ad hoc reminders', () => {
  it('reads "in 20 minutes" exactly, and the text after "to"', () => {
    const r = at('remind me in 20 minutes to call the LADO');
    assert.equal(r.audience, 'me');
    assert.equal(r.text, 'call the LADO');
    assert.equal(r.at.toUTC().toISO(), '2026-06-05T14:20:00.000Z');
  });

  it('reads a time today as London time, for "us"', () => {
    const r = at('remind us at 16:30 to send the 10/10/10/6 lists');
    assert.equal(r.audience, 'us');
    assert.equal(r.text, 'send the 10/10/10/6 lists');
    assert.equal(r.at.toUTC().toISO(), '2026-06-05T15:30:00.000Z');
  });

  it('takes "on Friday" said on a Friday afternoon as next Friday', () => {
    assert.equal(local(at('remind me on Friday at 10 to check the evaluations').at), 'Fri 12 Jun 10:00');
    assert.equal(local(at('remind me on Monday at 10am to send the documents').at), 'Mon 8 Jun 10:00');
  });

  it('finds the time after the text too, and assumes the start of the day when only a day is given', () => {
    const r = at('remind me to send the CIN list tomorrow at 9');
    assert.equal(r.text, 'send the CIN list');
    assert.equal(local(r.at), 'Sat 6 Jun 09:00');
    const day = at('remind me next Tuesday to chase health');
    assert.equal(day.assumedTime, true);
    assert.equal(local(day.at), 'Tue 9 Jun 09:00');
  });

  it('counts "in 2 hours" in real time across the clocks going forward', () => {
    const night = DateTime.fromISO('2026-03-28T23:50', { zone: 'Europe/London' });
    const r = at('remind me in 2 hours to check the rota', night);
    assert.equal(r.at.diff(night, 'minutes').minutes, 120);
    assert.equal(local(r.at), 'Sun 29 Mar 02:50');
  });

  it('refuses past times, missing text, missing times and times a year away, saying why', () => {
    const cases: Array<[string, RegExp]> = [
      ['remind me at 14:30 to call the LADO', /already passed .*Fri 5 Jun 2026, 15:00/],
      ['remind me in 20 minutes', /What should I remind you about/],
      ['remind us in 20 minutes', /everyone here/],
      ['remind us at 16:30 to ', /What should I remind everyone here about/],
      ['remind me to call the LADO', /could not find a time/],
      ['remind me in 2 years to renew', /more than a year away/],
      ['remind me', /Tell me when and what/],
    ];
    for (const [text, message] of cases) {
      const r = parseAdhocReminder(text, now);
      assert.equal(r.status, 'invalid', text);
      assert.match(r.status === 'invalid' ? r.message : '', message, text);
    }
  });
});

describe('reminders timed from an item of the live inspection', () => {
  it('reads "N days/hours before <item>", "the day before" and "on the day", with or without a time and a text', () => {
    assert.deepEqual(parseRelativeReminder('remind me 2 days before the Annex A deadline'), {
      audience: 'me',
      when: { kind: 'working-days-before', days: 2, at: '09:00' },
      item: 'Annex A',
      text: undefined,
    });
    assert.deepEqual(parseRelativeReminder('remind us at 3pm the day before the draft report is due to book the room'), {
      audience: 'us',
      when: { kind: 'working-days-before', days: 1, at: '15:00' },
      item: 'draft report',
      text: 'book the room',
    });
    assert.deepEqual(parseRelativeReminder('remind me 2 hours before the key documents to chase the police'), {
      audience: 'me',
      when: { kind: 'before', minutes: 120 },
      item: 'key documents',
      text: 'chase the police',
    });
    assert.deepEqual(parseRelativeReminder('remind us at 9am on the day the evaluations are due', { startOfDay: '08:30' }), {
      audience: 'us',
      when: { kind: 'on-the-day', at: '09:00' },
      item: 'evaluations',
      text: undefined,
    });
  });

  it('leaves ordinary ad hoc reminders alone', () => {
    for (const text of ['remind me in 20 minutes to call the LADO', 'remind me on Friday at 10 to check the evaluations', 'remind us at 16:30 to send the lists']) {
      assert.equal(parseRelativeReminder(text), undefined, text);
    }
  });
});
