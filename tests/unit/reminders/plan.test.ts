import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  DEFAULT_REMINDER_RULES,
  describeRules,
  parseReminderRules,
  planReminderInstants,
  reminderInstant,
} from '../../../src/reminders/plan';

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });
const fmt = (d: DateTime) => d.setZone('Europe/London').toFormat("ccc d LLL yyyy HH:mm");

describe('planning deadline reminders', () => {
  it('reminds at 09:00 on the working day before and 2 hours before, by default', () => {
    const planned = planReminderInstants({
      milestones: [{ id: 'fieldwork-start', due: london('2026-06-15T09:00') }],
      rules: DEFAULT_REMINDER_RULES,
      now: london('2026-06-01T08:30'),
    });
    assert.deepEqual(planned.map((p) => fmt(p.at)), ['Fri 12 Jun 2026 09:00', 'Mon 15 Jun 2026 07:00']);
    assert.ok(planned.every((p) => p.deadlineAt.equals(london('2026-06-15T09:00'))));
  });

  it('skips the Spring bank holiday and the Easter weekend when counting the working day before', () => {
    const rule = { kind: 'working-days-before', days: 1, at: '09:00' } as const;
    assert.equal(fmt(reminderInstant(london('2026-05-26T17:00'), rule)), 'Fri 22 May 2026 09:00');
    assert.equal(fmt(reminderInstant(london('2026-04-07T17:00'), rule)), 'Thu 2 Apr 2026 09:00');
    assert.equal(fmt(reminderInstant(london('2026-12-29T12:00'), rule)), 'Thu 24 Dec 2026 09:00');
  });

  it('keeps London wall-clock times across the change to summer time', () => {
    const [dayBefore, twoHours] = planReminderInstants({
      milestones: [{ id: 'x', due: london('2026-03-30T09:00') }],
      rules: DEFAULT_REMINDER_RULES,
      now: london('2026-03-20T09:00'),
    });
    assert.equal(dayBefore?.at.toUTC().toISO(), '2026-03-27T09:00:00.000Z');
    assert.equal(twoHours?.at.toUTC().toISO(), '2026-03-30T06:00:00.000Z');
  });

  it('never plans a reminder in the past, and none for a milestone already due or done', () => {
    const planned = planReminderInstants({
      milestones: [
        { id: 'soon', due: london('2026-06-15T09:00') },
        { id: 'past', due: london('2026-06-12T09:30') },
        { id: 'done', due: london('2026-06-19T17:00') },
      ],
      rules: DEFAULT_REMINDER_RULES,
      now: london('2026-06-12T10:00'),
      done: new Set(['done']),
    });
    assert.deepEqual(planned.map((p) => `${p.milestoneId} ${fmt(p.at)}`), ['soon Mon 15 Jun 2026 07:00']);
  });

  it('plans one reminder when two rules give the same moment', () => {
    const planned = planReminderInstants({
      milestones: [{ id: 'm', due: london('2026-06-16T11:00') }],
      rules: [
        { kind: 'working-days-before', days: 1, at: '11:00' },
        { kind: 'before', minutes: 24 * 60 },
      ],
      now: london('2026-06-01T09:00'),
    });
    assert.equal(planned.length, 1);
  });
});

describe('reading reminder times', () => {
  it('reads the defaults as people say them', () => {
    const parsed = parseReminderRules('09:00 the working day before and 2 hours before');
    assert.deepEqual(parsed, { status: 'ok', rules: [...DEFAULT_REMINDER_RULES] });
    assert.equal(describeRules(DEFAULT_REMINDER_RULES), '09:00 on the working day before and 2 hours before');
  });

  it('reads other forms, "off" and "default"', () => {
    assert.deepEqual(parseReminderRules('8:30am 2 working days before, 30 minutes before'), {
      status: 'ok',
      rules: [
        { kind: 'working-days-before', days: 2, at: '08:30' },
        { kind: 'before', minutes: 30 },
      ],
    });
    assert.deepEqual(parseReminderRules('the day before at 4pm'), { status: 'ok', rules: [{ kind: 'working-days-before', days: 1, at: '16:00' }] });
    assert.deepEqual(parseReminderRules('off'), { status: 'ok', rules: [] });
    assert.deepEqual(parseReminderRules('default'), { status: 'ok', rules: DEFAULT_REMINDER_RULES });
    assert.equal(describeRules([]), 'no deadline reminders');
  });

  it('says what it could not read', () => {
    const bad = parseReminderRules('2 hours before and sometime soon');
    assert.equal(bad.status, 'invalid');
    assert.match(bad.status === 'invalid' ? bad.message : '', /could not read "sometime soon"/);
    assert.equal(parseReminderRules('1 minute before').status, 'invalid');
    assert.equal(parseReminderRules('25:00 the day before').status, 'invalid');
  });
});
