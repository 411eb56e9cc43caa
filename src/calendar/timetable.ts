import type { DateTime, WeekdayNumbers } from 'luxon';
import { z } from 'zod';
import { WEEKDAYS, type Agency, type GuidanceRecord, type Source, type Timing } from '../guidance/schema';
import { atTimeOfDay, resolveDayTimes, type DayTimes } from './dayTimes';
import { londonDay, londonDayFromIso, longDate, toIsoDate, type IsoDate } from './london';
import {
  ENGLAND,
  WEEKENDS_ONLY,
  bankHolidaysBetween,
  countWorkingDays,
  isWeekend,
  nextWorkingDay,
  previousWorkingDay,
  rollForwardToWorkingDay,
  type BankHoliday,
  type WorkingWeek,
} from './workingDays';

/**
 * The inspection timetable: every deadline record of an edition turned into a date and time,
 * counted from the day the area is notified. The rules live in the records (deadlines.yaml);
 * this module only knows how to read a `Timing`.
 */

export const TIMETABLE_EDITIONS = ['2018', '2024'] as const;
export const TimetableEdition = z.enum(TIMETABLE_EDITIONS);
export type TimetableEdition = z.infer<typeof TimetableEdition>;

/** `from: notification` in a record means the notification day itself (day 0). */
export const NOTIFICATION = 'notification';

export interface Milestone {
  /** The record's stable milestone id, e.g. "key-documents". */
  readonly id: string;
  readonly recordId: string;
  readonly title: string;
  /** Zone Europe/London. */
  readonly due: DateTime;
  readonly who: readonly Agency[];
  readonly source: Source;
  /** How the guidance states it, e.g. "Friday of week 6". */
  readonly nominal?: string;
  /** Why a bank holiday put it later than a week without bank holidays would. */
  readonly moved?: string;
}

export interface Timetable {
  readonly edition: TimetableEdition;
  readonly notified: IsoDate;
  /** Sorted by due; deadlines due at the same moment keep the order of the records. */
  readonly milestones: readonly Milestone[];
  /** Bank holidays from notification to the last milestone. */
  readonly bankHolidays: readonly BankHoliday[];
  readonly notes: readonly string[];
}

export type InvalidTimetableReason = 'unparseable-date' | 'not-a-working-day' | 'too-far' | 'unknown-edition';

export type TimetableResult =
  | { readonly status: 'ok'; readonly timetable: Timetable }
  | { readonly status: 'invalid'; readonly reason: InvalidTimetableReason; readonly message: string };

export interface TimetableRequest {
  /** All the knowledge-base records; the deadlines of the edition are picked out here. */
  readonly deadlines: readonly GuidanceRecord[];
  readonly edition: TimetableEdition;
  /** The notification date, 'YYYY-MM-DD'. */
  readonly notified: string;
  readonly now: DateTime;
  /** The partnership's meaning of the named times; defaults from DESIGN.md. */
  readonly times?: Partial<DayTimes>;
}

/** A deadline record the timetable cannot use: a content mistake, not something a user did. */
export class DeadlineRuleError extends Error {
  override readonly name = 'DeadlineRuleError';
}

/** Notification too far from today is almost certainly a typo in the year. */
const FURTHEST = { years: 2 } as const;

/** The weekday each edition's guidance expects notification on (1 = Monday). */
const EXPECTED_NOTIFICATION: Record<TimetableEdition, { weekday: WeekdayNumbers; programme: string }> = {
  '2018': { weekday: 2, programme: '2016-18 programme' },
  '2024': { weekday: 1, programme: 'round from September 2024' },
};

/**
 * A user's mistake (a date that is not a working day, a year typed wrong) comes back as
 * `{ status: 'invalid' }` with a message to show. Content and configuration mistakes throw:
 * DeadlineRuleError for a record the timetable cannot read, DayTimesError for a bad time.
 */
export function computeTimetable(request: TimetableRequest): TimetableResult {
  const { now } = request;
  if (!now.isValid) throw new RangeError(`now is not a valid time (${now.invalidExplanation ?? 'invalid'})`);

  const edition = TimetableEdition.safeParse(request.edition);
  const records = edition.success
    ? request.deadlines.filter((r) => r.kind === 'deadline' && r.edition === edition.data)
    : [];
  if (!edition.success || records.length === 0) {
    return invalid(
      'unknown-edition',
      `"${String(request.edition)}" is not an inspection edition with a timetable: use 2024 (round from September 2024) or 2018 (2016-18 programme).`,
    );
  }

  const notified = londonDayFromIso(request.notified.trim());
  if (!notified) {
    return invalid(
      'unparseable-date',
      `"${request.notified}" is not a date: give the notification date as YYYY-MM-DD, for example 2026-06-01.`,
    );
  }
  const notifiedIso = toIsoDate(notified);

  const today = londonDay(now);
  if (notified < today.minus(FURTHEST) || notified > today.plus(FURTHEST)) {
    const side = notified < today ? 'before' : 'after';
    return invalid(
      'too-far',
      `${notifiedIso} is more than two years ${side} today (${longDate(today)}): check the year of the notification date.`,
    );
  }

  const notWorking = whyNotAWorkingDay(notified);
  if (notWorking) {
    return invalid(
      'not-a-working-day',
      `${notifiedIso} is ${notWorking}: inspectors notify on a working day. Did you mean ${suggestWorkingDays(notified)}?`,
    );
  }

  const times = resolveDayTimes(request.times);
  const actual = placeMilestones(records, notified, ENGLAND, edition.data);
  const withoutBankHolidays = placeMilestones(records, notified, WEEKENDS_ONLY, edition.data);

  const milestones = records
    .map((record): Milestone => {
      const id = milestoneIdOf(record);
      const placed = actual.get(id);
      const nominalDay = withoutBankHolidays.get(id);
      if (!placed || !nominalDay) throw new DeadlineRuleError(`milestone "${id}" was not placed`);
      const due = atTimeOfDay(placed.day, dueOf(record).time, times);
      const moved =
        toIsoDate(placed.day) !== toIsoDate(nominalDay.day) ? movedSentence(nominalDay.day, placed) : undefined;
      return {
        id,
        recordId: record.id,
        title: record.title,
        due,
        who: record.who ?? [],
        source: firstSourceOf(record),
        ...(record.nominal !== undefined ? { nominal: record.nominal } : {}),
        ...(moved !== undefined ? { moved } : {}),
      };
    })
    .sort((a, b) => a.due.toMillis() - b.due.toMillis());

  const notes: string[] = [];
  const expected = EXPECTED_NOTIFICATION[edition.data];
  if (notified.weekday !== expected.weekday) {
    const expectedName = notified.set({ weekday: expected.weekday }).toFormat('cccc', { locale: 'en-GB' });
    notes.push(
      `The guidance expects notification on a ${expectedName} (${expected.programme}), but ${notifiedIso} is a ` +
        `${notified.toFormat('cccc', { locale: 'en-GB' })}: day counts start from that day and week 1 is the week ` +
        `beginning ${longDate(notified.startOf('week'))}.`,
    );
  }
  for (const m of milestones) if (m.moved !== undefined) notes.push(`${m.title}: ${lowerFirst(m.moved)}`);

  const last = milestones.at(-1)?.due ?? notified;
  return {
    status: 'ok',
    timetable: {
      edition: edition.data,
      notified: notifiedIso,
      milestones,
      bankHolidays: bankHolidaysBetween(notified, last),
      notes,
    },
  };
}

function invalid(reason: InvalidTimetableReason, message: string): TimetableResult {
  return { status: 'invalid', reason, message };
}

/** A day a milestone falls on, and the bank holidays that pushed it there. */
interface Placed {
  readonly day: DateTime;
  readonly because: readonly BankHoliday[];
}

/**
 * Places every milestone of one edition on a day, resolving `from` references in dependency
 * order (whatever order the records are written in) and refusing circular references.
 */
function placeMilestones(
  records: readonly GuidanceRecord[],
  notified: DateTime,
  calendar: WorkingWeek,
  edition: TimetableEdition,
): Map<string, Placed> {
  const byId = new Map(records.map((r) => [milestoneIdOf(r), r] as const));
  const placed = new Map<string, Placed>();
  const inProgress: string[] = [];

  const place = (id: string, wantedBy: string): Placed => {
    const done = placed.get(id);
    if (done) return done;
    if (inProgress.includes(id)) {
      const circle = [...inProgress.slice(inProgress.indexOf(id)), id].join(' -> ');
      throw new DeadlineRuleError(`the ${edition} deadlines depend on each other in a circle: ${circle}`);
    }
    const record = byId.get(id);
    if (!record)
      throw new DeadlineRuleError(`${wantedBy} counts from milestone "${id}", which edition ${edition} does not have`);
    inProgress.push(id);
    const result = placeOne(dueOf(record), record.id);
    inProgress.pop();
    placed.set(id, result);
    return result;
  };

  const placeOne = (due: Timing, recordId: string): Placed => {
    switch (due.rule) {
      case 'working-days-after': {
        const anchor: Placed =
          due.from === NOTIFICATION ? { day: notified, because: [] } : place(due.from, `record "${recordId}"`);
        const counted = countWorkingDays(anchor.day, due.days, calendar);
        return { day: counted.day, because: [...anchor.because, ...counted.skipped] };
      }
      case 'week-day': {
        // Weeks start on Monday and week 1 is the week of notification.
        const day = notified.startOf('week').plus({ weeks: due.week - 1, days: WEEKDAYS.indexOf(due.weekday) });
        const rolled = rollForwardToWorkingDay(day, calendar);
        return { day: rolled.day, because: rolled.skipped };
      }
    }
  };

  for (const id of byId.keys()) place(id, 'the timetable');
  return placed;
}

function milestoneIdOf(record: GuidanceRecord): string {
  if (record.milestone === undefined) throw new DeadlineRuleError(`deadline record "${record.id}" has no milestone id`);
  return record.milestone;
}

function dueOf(record: GuidanceRecord): Timing {
  if (record.due === undefined)
    throw new DeadlineRuleError(`deadline record "${record.id}" says nothing about when it is due`);
  return record.due;
}

function firstSourceOf(record: GuidanceRecord): Source {
  const source = record.sources[0];
  if (!source) throw new DeadlineRuleError(`deadline record "${record.id}" has no source`);
  return source;
}

function whyNotAWorkingDay(day: DateTime): string | undefined {
  if (isWeekend(day)) return `a ${day.toFormat('cccc', { locale: 'en-GB' })}`;
  const holiday = ENGLAND.bankHolidayOn(day);
  if (!holiday) return undefined;
  return /bank holiday/i.test(holiday.name) ? `the ${holiday.name}` : `${holiday.name}, a bank holiday`;
}

function suggestWorkingDays(day: DateTime): string {
  const before = previousWorkingDay(day);
  const after = nextWorkingDay(day);
  return `${longDate(before, before.year !== after.year)} or ${longDate(after)}`;
}

/** "Moved from Friday 29 May to Monday 1 June 2026 because of the Spring bank holiday on Monday 25 May." */
function movedSentence(withoutBankHolidays: DateTime, placed: Placed): string {
  const to = placed.day;
  const seen = new Set<string>();
  const holidays = placed.because.filter((h) => !seen.has(h.date) && seen.add(h.date));
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  const phrases = holidays.map((h) => {
    const day = londonDayFromIso(h.date) ?? to;
    const name = /bank holiday/i.test(h.name) ? `the ${h.name}` : h.name;
    return `${name} on ${longDate(day, day.year !== to.year)}`;
  });
  const because = phrases.length > 0 ? joinWithAnd(phrases) : 'bank holidays';
  return `Moved from ${longDate(withoutBankHolidays, withoutBankHolidays.year !== to.year)} to ${longDate(to)} because of ${because}.`;
}

function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
