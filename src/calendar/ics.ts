import { createEvents, type EventAttributes } from 'ics';
import type { DateTime } from 'luxon';
import { EDITION_LABEL } from '../guidance/schema';
import { describeSource, describeWho } from './format';
import type { Milestone, Timetable } from './timetable';

/** Calendar export: one 30-minute event per milestone, importable into Outlook or Teams. */

export interface IcsOptions {
  /** The calendar's name; defaults to the edition and notification date. */
  readonly title?: string;
  /** Stamps the events (DTSTAMP): the library would otherwise read the clock. */
  readonly now: DateTime;
}

export class IcsExportError extends Error {
  override readonly name = 'IcsExportError';
}

const EVENT_MINUTES = 30;

/**
 * UIDs are stable for the same edition, notification day and milestone, so importing a
 * recomputed timetable updates the events instead of duplicating them.
 */
export function milestoneUid(timetable: Pick<Timetable, 'edition' | 'notified'>, milestoneId: string): string {
  return `${timetable.edition}-${timetable.notified}-${milestoneId}@jtai-assistant`;
}

export function timetableToIcs(timetable: Timetable, options: IcsOptions): string {
  const events = timetable.milestones.map((m) => toEvent(timetable, m, options.now));
  const { error, value } = createEvents(events, {
    productId: 'jtai-assistant',
    calName: options.title ?? `JTAI timetable (${EDITION_LABEL[timetable.edition]}), notified ${timetable.notified}`,
  });
  if (error || value === null)
    throw new IcsExportError(`could not write the calendar: ${error?.message ?? 'no output'}`);
  return value;
}

// `timestamp` is accepted by the ics package (it sets DTSTAMP) but missing from its types.
type EventWithTimestamp = EventAttributes & { timestamp: number };

function toEvent(timetable: Timetable, m: Milestone, now: DateTime): EventWithTimestamp {
  const description = [
    `Who: ${describeWho(m)}`,
    ...(m.nominal !== undefined ? [`The guidance says: ${m.nominal}`] : []),
    ...(m.moved !== undefined ? [m.moved] : []),
    `Source: ${describeSource(m.source)}`,
  ].join('\n');
  return {
    uid: milestoneUid(timetable, m.id),
    title: m.title,
    description,
    // An instant in milliseconds is written as UTC (DTSTART:...Z): unambiguous in any client.
    start: m.due.toMillis(),
    duration: { minutes: EVENT_MINUTES },
    timestamp: now.toMillis(),
    busyStatus: 'FREE',
    categories: ['JTAI'],
  };
}
