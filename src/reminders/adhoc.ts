import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { LONDON } from '../calendar/london';
import { cardDateTime } from './format';
import type { ReminderRule } from './plan';

/**
 * "remind me in 20 minutes to call the LADO", "remind us at 14:30 to ...", "remind me on
 * Friday at 10 to ...", "remind me to send the lists tomorrow at 9". Times are London's.
 */
export type AdhocParse =
  | {
      readonly status: 'ok';
      readonly audience: 'me' | 'us';
      readonly at: DateTime;
      readonly text: string;
      /** No time of day was given: the start of the day was assumed. */
      readonly assumedTime: boolean;
    }
  | { readonly status: 'invalid'; readonly message: string };

export const ADHOC_PATTERN = /^\s*remind\s+(me|us)\b/i;

export const ADHOC_EXAMPLES = '"remind me in 20 minutes to call the LADO", "remind us at 14:30 to send the lists" or "remind me on Friday at 10 to check the evaluations"';

const MAX_TEXT = 500;
const FURTHEST = { days: 366 } as const;
const RELATIVE = /^(?:in|within)\s+(\d+|an?|one|two|three|four|five|ten|half an?)\s+(minutes?|mins?|hours?|hrs?|days?|weeks?)$/i;
const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10 };

export interface AdhocOptions {
  /** The time assumed when only a day is given ("on Friday"): the partnership's start of day. */
  readonly startOfDay: string;
}

export function parseAdhocReminder(input: string, now: DateTime, options: AdhocOptions = { startOfDay: '09:00' }): AdhocParse {
  const head = ADHOC_PATTERN.exec(input);
  if (!head) return invalid(`Start with "remind me" or "remind us", for example ${ADHOC_EXAMPLES}.`);
  const audience = (head[1] ?? 'me').toLowerCase() === 'us' ? 'us' : 'me';
  const rest = input.slice(head[0].length).replace(/\s+/g, ' ').trim();
  if (rest === '') return invalid(`Tell me when and what, for example ${ADHOC_EXAMPLES}.`);

  const london = now.setZone(LONDON);
  // chrono reads the reference's local fields; hand it London's wall clock as local fields.
  const reference = new Date(london.year, london.month - 1, london.day, london.hour, london.minute, london.second);
  const results = chrono.en.GB.parse(rest, reference);
  const found = results.sort((a, b) => a.index - b.index)[0];
  if (!found) return invalid(`I could not find a time in that. Try ${ADHOC_EXAMPLES}.`);

  const text = cleanText(rest.slice(0, found.index) + ' ' + rest.slice(found.index + found.text.length));
  if (text === '') return invalid(`What should I remind ${audience === 'me' ? 'you' : 'everyone here'} about? Try ${ADHOC_EXAMPLES}.`);
  if (text.length > MAX_TEXT) return invalid(`Please keep the reminder under ${MAX_TEXT} characters.`);

  let at: DateTime;
  let assumedTime = false;
  const relative = RELATIVE.exec(found.text.trim());
  if (relative) {
    at = london.plus(duration(relative[1] ?? '1', relative[2] ?? 'minutes'));
  } else {
    const c = found.start;
    const hourGiven = c.isCertain('hour');
    assumedTime = !hourGiven;
    const [defaultHour, defaultMinute] = options.startOfDay.split(':').map(Number);
    const fields = (component: chrono.ParsedComponents) => ({
      year: component.get('year') ?? london.year,
      month: component.get('month') ?? london.month,
      day: component.get('day') ?? london.day,
      hour: hourGiven ? (component.get('hour') ?? 0) : (defaultHour ?? 9),
      minute: hourGiven ? (component.get('minute') ?? 0) : (defaultMinute ?? 0),
    });
    at = DateTime.fromObject(fields(c), { zone: LONDON });
    // "on Friday at 10" said on Friday afternoon means next Friday.
    if (at <= london && c.isCertain('weekday') && !c.isCertain('day')) {
      const forward = chrono.en.GB.parse(found.text, reference, { forwardDate: true })[0];
      if (forward) at = DateTime.fromObject(fields(forward.start), { zone: LONDON });
    }
  }
  if (!at.isValid) return invalid(`"${found.text}" is not a time I can use. Try ${ADHOC_EXAMPLES}.`);
  if (at <= london) {
    return invalid(
      `${cardDateTime(at)} has already passed (it is ${cardDateTime(london)} now). Give a time in the future, for example "tomorrow at ${at.toFormat('HH:mm')}".`,
    );
  }
  if (at > london.plus(FURTHEST)) return invalid(`${cardDateTime(at)} is more than a year away: I keep reminders for up to a year.`);
  return { status: 'ok', audience, at, text, assumedTime };
}

function duration(amount: string, unit: string): { minutes: number } {
  const a = amount.toLowerCase();
  const n = a.startsWith('half') ? 0.5 : (WORD_NUMBERS[a] ?? Number(a));
  const u = unit.toLowerCase();
  const perUnit = u.startsWith('w') ? 7 * 24 * 60 : u.startsWith('d') ? 24 * 60 : u.startsWith('h') ? 60 : 1;
  return { minutes: Math.round(n * perUnit) };
}

/** What is left once the time is taken out: "to call the LADO" -> "call the LADO". */
function cleanText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:,|-|:)\s*/, '')
    .replace(/^(?:to|that|about|of)(?:\s+|$)/i, '')
    .replace(/\s+(?:on|at|in|by)$/i, '')
    .trim();
}

function invalid(message: string): AdhocParse {
  return { status: 'invalid', message };
}

/**
 * A reminder relative to an item of the live inspection: "remind me 2 days before the key
 * documents", "remind us at 9am on the day the evaluations are due", "remind us the day before
 * the draft report is due to book the room". Days are working days, at the start of the day
 * unless a time is given.
 */
export interface RelativeReminder {
  readonly audience: 'me' | 'us';
  readonly when: ReminderRule | { readonly kind: 'on-the-day'; readonly at: string };
  /** The words naming the item, e.g. "key documents". */
  readonly item: string;
  /** What to say, when given ("to book the room"). */
  readonly text: string | undefined;
}

const TIME_OF_DAY = String.raw`(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?`;
const AT_TIME = String.raw`(?:at\s+${TIME_OF_DAY}\s+)?`;
const ITEM_TAIL = String.raw`(?:the\s+)?(.+?)(?:\s+(?:is|are)\s+due|\s+deadline|\s+due)?(?:\s+to\s+(.+))?`;
const BEFORE = new RegExp(
  String.raw`^${AT_TIME}(?:(\d+|an?|one|two|three|four|five)\s+(working\s+days?|days?|hours?|hrs?|minutes?|mins?)|the\s+(?:working\s+)?day)\s+before\s+${ITEM_TAIL}$`,
  'i',
);
const ON_THE_DAY = new RegExp(String.raw`^${AT_TIME}on\s+the\s+day\s+${ITEM_TAIL}$`, 'i');

export function parseRelativeReminder(input: string, options: AdhocOptions = { startOfDay: '09:00' }): RelativeReminder | undefined {
  const head = ADHOC_PATTERN.exec(input);
  if (!head) return undefined;
  const audience = (head[1] ?? 'me').toLowerCase() === 'us' ? 'us' : 'me';
  const rest = input.slice(head[0].length).replace(/\s+/g, ' ').trim().replace(/[.!?]+$/, '');
  const before = BEFORE.exec(rest);
  const onDay = before ? undefined : ON_THE_DAY.exec(rest);
  const m = before ?? onDay;
  if (!m) return undefined;
  const at = m[1] !== undefined ? clockOf(m[1], m[2], m[3]) : options.startOfDay;
  if (at === undefined) return undefined;
  const item = (before ? m[6] : m[4])?.trim() ?? '';
  const text = (before ? m[7] : m[5])?.trim() || undefined;
  if (item === '') return undefined;
  if (onDay) return { audience, when: { kind: 'on-the-day', at }, item, text };
  const n = m[4] === undefined ? 1 : (WORD_NUMBERS[m[4].toLowerCase()] ?? Number(m[4]));
  const unit = (m[5] ?? 'day').toLowerCase();
  if (!Number.isInteger(n) || n < 1) return undefined;
  if (unit.startsWith('h') || unit.startsWith('m')) {
    const minutes = unit.startsWith('h') ? n * 60 : n;
    return { audience, when: { kind: 'before', minutes }, item, text };
  }
  if (n > 10) return undefined;
  return { audience, when: { kind: 'working-days-before', days: n, at }, item, text };
}

function clockOf(hour: string, minute: string | undefined, meridiem: string | undefined): string | undefined {
  let h = Number(hour);
  const min = minute === undefined ? 0 : Number(minute);
  if (min > 59) return undefined;
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (h > 23) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
