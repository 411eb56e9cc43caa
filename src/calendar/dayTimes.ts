import type { DateTime } from 'luxon';
import { z } from 'zod';
import { NAMED_TIMES, type TimeOfDay } from '../guidance/schema';
import { LONDON } from './london';

/**
 * What the guidance's named times mean on the clock. "End of the day" is 17:00 unless the
 * partnership says otherwise (DESIGN.md, "Time"), so the meanings are configuration, not code.
 */
export type NamedTime = (typeof NAMED_TIMES)[number];

export const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM, e.g. 17:00');

export const DayTimes = z
  .object({
    'start-of-day': HhMm,
    midday: HhMm,
    'mid-afternoon': HhMm,
    'end-of-day': HhMm,
  })
  .strict() satisfies z.ZodType<Record<NamedTime, string>>;
export type DayTimes = z.infer<typeof DayTimes>;

/** A partnership's configuration: any named time it wants to change. */
export const DayTimesOverrides = DayTimes.partial();
export type DayTimesOverrides = z.infer<typeof DayTimesOverrides>;

export const DEFAULT_DAY_TIMES: Readonly<DayTimes> = Object.freeze({
  'start-of-day': '09:00',
  midday: '12:00',
  'mid-afternoon': '15:00',
  'end-of-day': '17:00',
});

export class DayTimesError extends Error {
  override readonly name = 'DayTimesError';
  constructor(
    message: string,
    override readonly cause: z.ZodError,
  ) {
    super(message);
  }
}

/** The defaults with a partnership's overrides applied; throws DayTimesError on a malformed time. */
export function resolveDayTimes(overrides: Partial<DayTimes> = {}): DayTimes {
  const parsed = DayTimesOverrides.safeParse(overrides);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DayTimesError(`The configured times of day are invalid (${detail})`, parsed.error);
  }
  const resolved: DayTimes = { ...DEFAULT_DAY_TIMES };
  for (const name of NAMED_TIMES) {
    const value = parsed.data[name];
    if (value !== undefined) resolved[name] = value;
  }
  return resolved;
}

function isNamedTime(time: TimeOfDay): time is NamedTime {
  return (NAMED_TIMES as readonly string[]).includes(time);
}

/** "HH:MM" for a named time or a literal time from a deadline record. */
export function clockTimeOf(time: TimeOfDay, times: DayTimes = DEFAULT_DAY_TIMES): string {
  return isNamedTime(time) ? times[time] : time;
}

/** The instant at that time of day on the London day `day`. */
export function atTimeOfDay(day: DateTime, time: TimeOfDay, times: DayTimes = DEFAULT_DAY_TIMES): DateTime {
  const [hour, minute] = clockTimeOf(time, times).split(':').map(Number);
  return day.setZone(LONDON).set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
}
