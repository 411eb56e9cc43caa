import { parseArgs } from 'node:util';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import type { GuidanceRecord } from '../guidance/schema';
import { formatTimetableText, timetableToJson } from '../calendar/format';
import { timetableToIcs } from '../calendar/ics';
import { TIMETABLE_EDITIONS, computeTimetable } from '../calendar/timetable';

/** `jtai timeline`: the inspection timetable for a notification date, as text, JSON or .ics. */

export const TIMELINE_USAGE = [
  'Usage: jtai timeline --notified YYYY-MM-DD [--edition 2024|2018] [--json | --ics]',
  '',
  '  --notified   the day the area was (or will be) notified of the inspection',
  '  --edition    2024 (round from September 2024, the default) or 2018 (2016-18 programme)',
  '  --json       print the timetable as JSON',
  '  --ics        print the timetable as an iCalendar (.ics) file',
].join('\n');

export interface TimelineIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const TimelineArgs = z
  .object({
    notified: z
      .string({ required_error: '--notified is required' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, '--notified takes a date as YYYY-MM-DD, for example 2026-06-01'),
    edition: z.enum(TIMETABLE_EDITIONS, { errorMap: () => ({ message: '--edition is 2024 or 2018' }) }).default('2024'),
    json: z.boolean().default(false),
    ics: z.boolean().default(false),
  })
  .refine((a) => !(a.json && a.ics), { message: 'choose one of --json and --ics' });

const OPTIONS = {
  notified: { type: 'string' },
  edition: { type: 'string' },
  json: { type: 'boolean' },
  ics: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readOptions(args: string[]) {
  return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
}

const EXIT_OK = 0;
const EXIT_INVALID_TIMETABLE = 1;
const EXIT_USAGE = 2;

export async function runTimeline(
  args: string[],
  io: TimelineIo,
  now: DateTime,
  deadlines: readonly GuidanceRecord[],
): Promise<number> {
  let values: ReturnType<typeof readOptions>;
  try {
    values = readOptions(args);
  } catch (error) {
    // parseArgs throws a TypeError naming the unknown option or the missing value.
    io.err(`${(error as Error).message}\n\n${TIMELINE_USAGE}`);
    return EXIT_USAGE;
  }
  if (values.help === true) {
    io.out(TIMELINE_USAGE);
    return EXIT_OK;
  }
  const parsed = TimelineArgs.safeParse(values);
  if (!parsed.success) {
    io.err(`${parsed.error.issues.map((i) => i.message).join('\n')}\n\n${TIMELINE_USAGE}`);
    return EXIT_USAGE;
  }
  const options = parsed.data;

  const result = computeTimetable({ deadlines, edition: options.edition, notified: options.notified, now });
  if (result.status === 'invalid') {
    io.err(result.message);
    return EXIT_INVALID_TIMETABLE;
  }
  const { timetable } = result;
  if (options.json) io.out(JSON.stringify(timetableToJson(timetable), null, 2));
  else if (options.ics) io.out(timetableToIcs(timetable, { now }));
  else io.out(formatTimetableText(timetable));
  return EXIT_OK;
}
