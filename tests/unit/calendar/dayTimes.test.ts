import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  DEFAULT_DAY_TIMES,
  DayTimesError,
  DayTimesOverrides,
  atTimeOfDay,
  clockTimeOf,
  resolveDayTimes,
} from '../../../src/calendar/dayTimes';

describe('named times of day', () => {
  it('means 09:00, 12:00, 15:00 and 17:00 unless configured', () => {
    assert.deepEqual(resolveDayTimes(), {
      'start-of-day': '09:00',
      midday: '12:00',
      'mid-afternoon': '15:00',
      'end-of-day': '17:00',
    });
    assert.equal(clockTimeOf('mid-afternoon'), '15:00');
    assert.equal(clockTimeOf('10:00'), '10:00');
  });

  it('lets a partnership change what a named time means', () => {
    const times = resolveDayTimes({ 'end-of-day': '16:30' });
    assert.equal(times['end-of-day'], '16:30');
    assert.equal(times.midday, DEFAULT_DAY_TIMES.midday);
  });

  it('rejects a time that is not HH:MM', () => {
    assert.throws(() => resolveDayTimes({ 'end-of-day': '5pm' }), DayTimesError);
    assert.throws(() => resolveDayTimes({ midday: '24:00' }), DayTimesError);
    assert.equal(DayTimesOverrides.safeParse({ 'end-of-day': '17:60' }).success, false);
    assert.equal(DayTimesOverrides.safeParse({ teatime: '16:00' }).success, false, 'unknown names are refused');
  });

  it('puts a time on a London day, in BST or GMT as the date requires', () => {
    const summer = DateTime.fromISO('2026-06-10', { zone: 'Europe/London' });
    const winter = DateTime.fromISO('2026-12-10', { zone: 'Europe/London' });
    assert.equal(
      atTimeOfDay(summer, 'mid-afternoon').toISO({ suppressMilliseconds: true }),
      '2026-06-10T15:00:00+01:00',
    );
    assert.equal(atTimeOfDay(winter, 'end-of-day').toISO({ suppressMilliseconds: true }), '2026-12-10T17:00:00+00:00');
  });
});
