import type { DateTime } from 'luxon';
import { z } from 'zod';
import { atTimeOfDay } from '../calendar/dayTimes';
import { LONDON } from '../calendar/london';
import { ENGLAND, countWorkingDays } from '../calendar/workingDays';

/**
 * When deadline reminders fire. Each rule gives one instant per milestone: "09:00 on the
 * working day before" (bank holidays and weekends skipped) or "2 hours before". An inspection
 * keeps its own list of rules; the defaults are the issue's.
 */

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM');

export const ReminderRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('working-days-before'), days: z.number().int().min(1).max(10), at: HhMm }).strict(),
  z.object({ kind: z.literal('before'), minutes: z.number().int().min(5).max(7 * 24 * 60) }).strict(),
]);
export type ReminderRule = z.infer<typeof ReminderRule>;
export const ReminderRules = z.array(ReminderRule).max(5);

export const DEFAULT_REMINDER_RULES: readonly ReminderRule[] = Object.freeze([
  { kind: 'working-days-before', days: 1, at: '09:00' },
  { kind: 'before', minutes: 120 },
]);

export interface MilestoneDue {
  readonly id: string;
  readonly due: DateTime;
}

export interface PlannedInstant {
  readonly milestoneId: string;
  /** When the reminder fires. */
  readonly at: DateTime;
  /** When the milestone is due. */
  readonly deadlineAt: DateTime;
  readonly rule: ReminderRule;
}

/** The instant a rule gives for a milestone due at `due` (London time). */
export function reminderInstant(due: DateTime, rule: ReminderRule): DateTime {
  switch (rule.kind) {
    case 'working-days-before':
      return atTimeOfDay(countWorkingDays(due.setZone(LONDON).startOf('day'), -rule.days, ENGLAND).day, rule.at);
    case 'before':
      return due.minus({ minutes: rule.minutes }).setZone(LONDON);
  }
}

/**
 * Every reminder instant for the milestones not yet done: never in the past at planning
 * time, never at or after the deadline itself, and one per instant when two rules coincide.
 */
export function planReminderInstants(input: {
  readonly milestones: readonly MilestoneDue[];
  readonly rules: readonly ReminderRule[];
  readonly now: DateTime;
  readonly done?: ReadonlySet<string>;
}): PlannedInstant[] {
  const planned: PlannedInstant[] = [];
  const nowMs = input.now.toMillis();
  for (const m of input.milestones) {
    if (input.done?.has(m.id)) continue;
    const seen = new Set<number>();
    for (const rule of input.rules) {
      const at = reminderInstant(m.due, rule);
      const ms = at.toMillis();
      if (ms <= nowMs || ms >= m.due.toMillis() || seen.has(ms)) continue;
      seen.add(ms);
      planned.push({ milestoneId: m.id, at, deadlineAt: m.due, rule });
    }
  }
  return planned.sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.milestoneId.localeCompare(b.milestoneId));
}

/** "09:00 on the working day before", "2 hours before". */
export function describeRule(rule: ReminderRule): string {
  switch (rule.kind) {
    case 'working-days-before':
      return rule.days === 1 ? `${rule.at} on the working day before` : `${rule.at} ${rule.days} working days before`;
    case 'before':
      return `${describeMinutes(rule.minutes)} before`;
  }
}

export function describeRules(rules: readonly ReminderRule[]): string {
  if (rules.length === 0) return 'no deadline reminders';
  const parts = rules.map(describeRule);
  return parts.length === 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

function describeMinutes(minutes: number): string {
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export type RulesParse =
  | { readonly status: 'ok'; readonly rules: readonly ReminderRule[] }
  | { readonly status: 'invalid'; readonly message: string };

const RULES_HELP =
  'Say for example "reminders 09:00 the working day before and 2 hours before", "reminders 30 minutes before", ' +
  '"reminders default" or "reminders off".';

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10 };

function count(word: string | undefined, fallback: number): number | undefined {
  if (word === undefined) return fallback;
  const n = NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
  return Number.isInteger(n) ? n : undefined;
}

/** "9", "9am", "09:00", "2:30pm" -> "HH:MM". */
function clock(hour: string, minute: string | undefined, meridiem: string | undefined): string | undefined {
  let h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  if (!Number.isInteger(h) || !Number.isInteger(m) || m > 59) return undefined;
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (h > 23) return undefined;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const TIME = String.raw`(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?`;
const DAYS = String.raw`(?:the\s+)?(?:(\d+|an?|one|two|three|four|five)\s+)?(?:working\s+)?days?\s+before`;
const TIME_THEN_DAYS = new RegExp(String.raw`^(?:at\s+)?${TIME}\s+(?:on\s+)?${DAYS}$`, 'i');
const DAYS_THEN_TIME = new RegExp(String.raw`^${DAYS}\s+at\s+${TIME}$`, 'i');
const DURATION = /^(\d+|an?|one|two|three|four|five|six|ten)\s*(minutes?|mins?|m|hours?|hrs?|h|days?)\s+before$/i;

/** Parses a partnership's reminder times, e.g. "09:00 the working day before and 2 hours before". */
export function parseReminderRules(text: string): RulesParse {
  const cleaned = text.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
  if (/^(off|none|no reminders|never)$/i.test(cleaned)) return { status: 'ok', rules: [] };
  if (/^(default|defaults|the defaults?)$/i.test(cleaned)) return { status: 'ok', rules: DEFAULT_REMINDER_RULES };
  const parts = cleaned
    .split(/\s*(?:,|;|\band\b)\s*/i)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return { status: 'invalid', message: `Tell me when to remind you. ${RULES_HELP}` };
  const rules: ReminderRule[] = [];
  for (const part of parts) {
    const rule = parseOneRule(part);
    if (!rule) return { status: 'invalid', message: `I could not read "${part}" as a reminder time. ${RULES_HELP}` };
    rules.push(rule);
  }
  const checked = ReminderRules.safeParse(rules);
  if (!checked.success) {
    return {
      status: 'invalid',
      message: `At most 5 reminder times, working days from 1 to 10 and durations from 5 minutes to 7 days. ${RULES_HELP}`,
    };
  }
  return { status: 'ok', rules: checked.data };
}

function parseOneRule(part: string): ReminderRule | undefined {
  const a = TIME_THEN_DAYS.exec(part);
  const b = a ? undefined : DAYS_THEN_TIME.exec(part);
  if (a || b) {
    const [days, hour, minute, meridiem] = a ? [a[4], a[1], a[2], a[3]] : [b?.[1], b?.[2], b?.[3], b?.[4]];
    const n = count(days, 1);
    const at = hour === undefined ? undefined : clock(hour, minute, meridiem);
    return n === undefined || at === undefined ? undefined : { kind: 'working-days-before', days: n, at };
  }
  const d = DURATION.exec(part);
  if (d) {
    const n = count(d[1], 1);
    const unit = (d[2] ?? '').toLowerCase();
    if (n === undefined) return undefined;
    const minutes = unit.startsWith('d') ? n * 24 * 60 : unit.startsWith('h') ? n * 60 : n;
    return { kind: 'before', minutes };
  }
  return undefined;
}
