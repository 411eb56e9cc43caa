import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  addWorkingDays,
  bankHolidaysBetween,
  bankHolidaysIn,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  rollForwardToWorkingDay,
} from '../../../src/calendar/workingDays';

const day = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'Europe/London' });
const iso = (d: DateTime): string => d.toFormat('yyyy-MM-dd');

describe('working days in England and Wales', () => {
  it('lists the 2026 bank holidays, with the Monday substitute for a Saturday Boxing Day', () => {
    assert.deepEqual(
      bankHolidaysIn(2026).map((h) => h.date),
      ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
    );
    assert.equal(bankHolidaysIn(2026).find((h) => h.date === '2026-12-28')?.name, 'Boxing Day (substitute day)');
  });

  it('lists the 2027 bank holidays, dropping the weekend Christmas Day and Boxing Day', () => {
    assert.deepEqual(
      bankHolidaysIn(2027).map((h) => h.date),
      ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
    );
  });

  it('treats weekends and bank holidays as non-working days', () => {
    assert.equal(isWorkingDay(day('2026-06-01')), true);
    assert.equal(isWorkingDay(day('2026-06-06')), false, 'Saturday');
    assert.equal(isWorkingDay(day('2026-06-07')), false, 'Sunday');
    assert.equal(isWorkingDay(day('2026-05-25')), false, 'Spring bank holiday');
    assert.equal(isWorkingDay(day('2026-12-26')), false, 'Saturday Boxing Day');
    assert.equal(isWorkingDay(day('2026-12-28')), false, 'its Monday substitute');
  });

  it('reads an instant given in UTC as the London day it falls in', () => {
    // 23:30 UTC on Sunday 24 May is 00:30 BST on the Spring bank holiday.
    assert.equal(isWorkingDay(DateTime.fromISO('2026-05-24T23:30:00Z', { zone: 'utc' })), false);
    // 23:30 UTC on Friday 22 May is already Saturday in London (00:30 BST).
    assert.equal(isWorkingDay(DateTime.fromISO('2026-05-22T23:30:00Z', { zone: 'utc' })), false);
  });

  it('counts working days over a weekend and a bank holiday, keeping the time of day', () => {
    const from = DateTime.fromISO('2026-05-22T17:00', { zone: 'Europe/London' });
    const to = addWorkingDays(from, 1);
    assert.equal(to.toISO({ suppressMilliseconds: true }), '2026-05-26T17:00:00+01:00');
    assert.equal(iso(addWorkingDays(day('2026-06-01'), 0)), '2026-06-01');
    assert.equal(iso(addWorkingDays(day('2026-06-01'), 10)), '2026-06-15');
  });

  it('counts backwards with a negative number of days', () => {
    assert.equal(iso(addWorkingDays(day('2026-04-07'), -1)), '2026-04-02');
  });

  it('finds the next and previous working days around Christmas and New Year', () => {
    assert.equal(iso(nextWorkingDay(day('2026-12-24'))), '2026-12-29');
    assert.equal(iso(previousWorkingDay(day('2027-01-04'))), '2026-12-31');
    assert.equal(iso(nextWorkingDay(day('2026-12-31'))), '2027-01-04');
  });

  it('rolls a bank holiday forward to the next working day and says which holidays it passed', () => {
    const rolled = rollForwardToWorkingDay(day('2026-04-03'));
    assert.equal(iso(rolled.day), '2026-04-07');
    assert.deepEqual(
      rolled.skipped.map((h) => h.name),
      ['Good Friday', 'Easter Monday'],
    );
    assert.equal(iso(rollForwardToWorkingDay(day('2026-04-08')).day), '2026-04-08');
  });

  it('lists the bank holidays between two dates, both included, across a new year', () => {
    assert.deepEqual(bankHolidaysBetween(day('2026-12-25'), day('2027-01-01')), [
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
      { date: '2027-01-01', name: "New Year's Day" },
    ]);
    assert.deepEqual(bankHolidaysBetween(day('2026-06-01'), day('2026-08-30')), []);
  });
});
