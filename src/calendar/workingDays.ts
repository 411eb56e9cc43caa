import Holidays from 'date-holidays';
import type { DateTime } from 'luxon';
import { LONDON, londonDay, toIsoDate, type IsoDate } from './london';

/** A bank holiday in England and Wales, as gov.uk names it ("Boxing Day (substitute day)"). */
export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

/**
 * Which days count as working days. England is the real calendar; `WEEKENDS_ONLY` ignores
 * bank holidays, which is how the timetable tells a reader that a bank holiday moved a date.
 */
export interface WorkingWeek {
  /** The bank holiday on this London day, if this calendar counts bank holidays. */
  bankHolidayOn(day: DateTime): BankHoliday | undefined;
}

// One date-holidays instance, built on first use; each year is computed once and kept.
let holidaysSource: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlyMap<IsoDate, BankHoliday>>();

/** England and Wales bank holidays in a year, computed once per year. */
export function bankHolidaysIn(year: number): readonly BankHoliday[] {
  return [...holidaysOf(year).values()];
}

function holidaysOf(year: number): ReadonlyMap<IsoDate, BankHoliday> {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  holidaysSource ??= new Holidays('GB', 'ENG');
  const byDate = new Map<IsoDate, BankHoliday>();
  for (const h of holidaysSource.getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    // The list holds a weekend original (Saturday Boxing Day) beside its Monday substitute:
    // only the substitute is a day off work.
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    byDate.set(date, { date, name: h.name });
  }
  holidaysByYear.set(year, byDate);
  return byDate;
}

export const ENGLAND: WorkingWeek = {
  bankHolidayOn: (day) => {
    const london = day.setZone(LONDON);
    return holidaysOf(london.year).get(toIsoDate(london));
  },
};

export const WEEKENDS_ONLY: WorkingWeek = { bankHolidayOn: () => undefined };

export function isWeekend(date: DateTime): boolean {
  return date.setZone(LONDON).weekday > 5;
}

export function isWorkingDay(date: DateTime, week: WorkingWeek = ENGLAND): boolean {
  return !isWeekend(date) && week.bankHolidayOn(date) === undefined;
}

/** A date reached by counting or rolling over days, with the bank holidays passed over on the way. */
export interface CountedDay {
  readonly day: DateTime;
  readonly skipped: readonly BankHoliday[];
}

/**
 * Counts `n` working days from `date` (day 0), backwards when `n` is negative, keeping the
 * London wall-clock time. The bank holidays stepped over are returned so callers can say why.
 */
export function countWorkingDays(date: DateTime, n: number, week: WorkingWeek = ENGLAND): CountedDay {
  if (!Number.isInteger(n)) throw new RangeError(`working days are whole days, not ${n}`);
  const step = n < 0 ? -1 : 1;
  const skipped: BankHoliday[] = [];
  let day = date.setZone(LONDON);
  for (let left = Math.abs(n); left > 0;) {
    day = day.plus({ days: step });
    if (isWeekend(day)) continue;
    const holiday = week.bankHolidayOn(day);
    if (holiday) skipped.push(holiday);
    else left -= 1;
  }
  return { day, skipped };
}

export function addWorkingDays(date: DateTime, n: number, week: WorkingWeek = ENGLAND): DateTime {
  return countWorkingDays(date, n, week).day;
}

/** The first working day after `date` (never `date` itself). */
export function nextWorkingDay(date: DateTime, week: WorkingWeek = ENGLAND): DateTime {
  return addWorkingDays(date, 1, week);
}

/** The last working day before `date` (never `date` itself). */
export function previousWorkingDay(date: DateTime, week: WorkingWeek = ENGLAND): DateTime {
  return addWorkingDays(date, -1, week);
}

/** `date` when it is a working day, else the next one; with the bank holidays rolled over. */
export function rollForwardToWorkingDay(date: DateTime, week: WorkingWeek = ENGLAND): CountedDay {
  const skipped: BankHoliday[] = [];
  let day = date.setZone(LONDON);
  while (!isWorkingDay(day, week)) {
    const holiday = week.bankHolidayOn(day);
    if (holiday) skipped.push(holiday);
    day = day.plus({ days: 1 });
  }
  return { day, skipped };
}

/** Bank holidays from `from` to `to`, both London days included, in date order. */
export function bankHolidaysBetween(from: DateTime, to: DateTime): BankHoliday[] {
  const first = toIsoDate(from);
  const last = toIsoDate(to);
  const result: BankHoliday[] = [];
  for (let year = londonDay(from).year; year <= londonDay(to).year; year += 1) {
    for (const h of holidaysOf(year).values()) if (h.date >= first && h.date <= last) result.push(h);
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}
