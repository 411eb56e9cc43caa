import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { LONDON, londonDayFromIso, toIsoDate, type IsoDate } from './london';

/** A strict 'YYYY-MM-DD' that names a real day ("2026-02-30" is not one). */
export function parseIsoDate(text: string): IsoDate | undefined {
  const day = londonDayFromIso(text.trim());
  return day ? toIsoDate(day) : undefined;
}

/**
 * A date as people type it in England: "1 June 2026", "01/06/2026" (day first), "today",
 * "yesterday", "last Monday", "next Tuesday". Relative words are read against `now` in London.
 * Returns the first date found in the text, as 'YYYY-MM-DD'.
 */
export function parseNaturalDate(text: string, now: DateTime): IsoDate | undefined {
  const iso = parseIsoDate(text);
  if (iso !== undefined) return iso;

  // chrono computes "today" and "last Monday" with the process's local calendar, whatever
  // reference timezone it is given; so hand it a Date whose local fields are London's date.
  // Noon keeps clear of any daylight-saving gap in the process's own zone.
  const london = now.setZone(LONDON);
  const reference = new Date(london.year, london.month - 1, london.day, 12, 0, 0);
  const found = chrono.en.GB.parse(text, reference)[0]?.start;
  if (!found) return undefined;

  const year = found.get('year');
  const month = found.get('month');
  const day = found.get('day');
  if (year === null || month === null || day === null) return undefined;
  const date = DateTime.fromObject({ year, month, day }, { zone: LONDON });
  return date.isValid ? toIsoDate(date) : undefined;
}
