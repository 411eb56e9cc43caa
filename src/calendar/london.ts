import { DateTime } from 'luxon';

/**
 * Calendar dates as England reads them. Every date in this module is a day in Europe/London,
 * whatever zone the server runs in, so a deadline computed in a UTC container is the same
 * deadline a coordinator in Leeds sees.
 */
export const LONDON = 'Europe/London';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** The start of the London day that contains `date` (an instant in any zone). */
export function londonDay(date: DateTime): DateTime {
  return date.setZone(LONDON).startOf('day');
}

/** The start of a London day given as 'YYYY-MM-DD'; undefined when it is not a real date. */
export function londonDayFromIso(date: IsoDate): DateTime | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const day = DateTime.fromISO(date, { zone: LONDON });
  return day.isValid ? day.startOf('day') : undefined;
}

/** 'YYYY-MM-DD' of the London day containing `date`. */
export function toIsoDate(date: DateTime): IsoDate {
  return date.setZone(LONDON).toFormat('yyyy-MM-dd');
}

/** "Monday 1 June 2026", or "Monday 1 June" when the reader already knows the year. */
export function longDate(date: DateTime, withYear = true): string {
  return date.setZone(LONDON).toFormat(withYear ? 'cccc d LLLL yyyy' : 'cccc d LLLL', { locale: 'en-GB' });
}
