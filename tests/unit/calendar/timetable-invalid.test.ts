import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { computeTimetable, type TimetableResult } from '../../../src/calendar/timetable';
import { NOW, realDeadlines } from './realDeadlines';

function compute(notified: string, edition = '2024', now = NOW): TimetableResult {
  return computeTimetable({ deadlines: realDeadlines(), edition: edition as '2024', notified, now });
}

function invalid(result: TimetableResult): { reason: string; message: string } {
  if (result.status !== 'invalid') throw new Error('expected an invalid result');
  return { reason: result.reason, message: result.message };
}

describe('timetable, refusing notification dates it cannot use', () => {
  it('refuses text that is not a YYYY-MM-DD date, or a day that does not exist', () => {
    assert.deepEqual(invalid(compute('next Monday')), {
      reason: 'unparseable-date',
      message: '"next Monday" is not a date: give the notification date as YYYY-MM-DD, for example 2026-06-01.',
    });
    assert.equal(invalid(compute('2026-02-30')).reason, 'unparseable-date');
    assert.equal(invalid(compute('01/06/2026')).reason, 'unparseable-date');
  });

  it('refuses a weekend and suggests the working days either side', () => {
    assert.deepEqual(invalid(compute('2026-06-06')), {
      reason: 'not-a-working-day',
      message:
        '2026-06-06 is a Saturday: inspectors notify on a working day. Did you mean Friday 5 June or Monday 8 June 2026?',
    });
  });

  it('refuses a bank holiday and names it', () => {
    assert.deepEqual(invalid(compute('2026-12-25')), {
      reason: 'not-a-working-day',
      message:
        '2026-12-25 is Christmas Day, a bank holiday: inspectors notify on a working day. Did you mean Thursday 24 December or Tuesday 29 December 2026?',
    });
    assert.equal(
      invalid(compute('2026-05-25')).message,
      '2026-05-25 is the Spring bank holiday: inspectors notify on a working day. Did you mean Friday 22 May or Tuesday 26 May 2026?',
    );
    assert.match(
      invalid(compute('2027-01-01')).message,
      /Did you mean Thursday 31 December 2026 or Monday 4 January 2027\?$/,
    );
  });

  it('refuses a date more than two years before or after today', () => {
    const now = DateTime.fromISO('2026-06-01T10:00', { zone: 'Europe/London' });
    assert.deepEqual(invalid(compute('2028-06-05', '2024', now)), {
      reason: 'too-far',
      message:
        '2028-06-05 is more than two years after today (Monday 1 June 2026): check the year of the notification date.',
    });
    assert.equal(invalid(compute('2024-05-31', '2024', now)).reason, 'too-far');
    assert.equal(compute('2028-06-01', '2024', now).status, 'ok', 'exactly two years ahead is allowed');
    assert.equal(compute('2024-06-03', '2024', now).status, 'ok');
  });

  it('refuses an edition without deadline records', () => {
    assert.deepEqual(invalid(compute('2026-06-01', '2019')), {
      reason: 'unknown-edition',
      message:
        '"2019" is not an inspection edition with a timetable: use 2024 (round from September 2024) or 2018 (2016-18 programme).',
    });
    assert.equal(
      invalid(computeTimetable({ deadlines: [], edition: '2024', notified: '2026-06-01', now: NOW })).reason,
      'unknown-edition',
    );
  });
});
