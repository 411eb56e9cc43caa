import { DateTime } from 'luxon';
import { loadKnowledgeBase } from '../../../src/guidance/load';
import { GuidanceRecord, type GuidanceRecordInput } from '../../../src/guidance/schema';
import {
  computeTimetable,
  type Milestone,
  type Timetable,
  type TimetableRequest,
} from '../../../src/calendar/timetable';

/** The real deadline records, through the same loader and validation the app uses. */
let cached: GuidanceRecord[] | undefined;
export function realDeadlines(): GuidanceRecord[] {
  cached ??= loadKnowledgeBase().records.filter((r) => r.kind === 'deadline');
  return cached;
}

/** A fake clock: the calendar never reads the real one. */
export const NOW = DateTime.fromISO('2026-05-01T10:00:00', { zone: 'Europe/London' });

/** Computes a timetable from the real records and fails the test unless it is 'ok'. */
export function timetableFor(
  edition: TimetableRequest['edition'],
  notified: string,
  extra: Partial<Pick<TimetableRequest, 'times' | 'now' | 'deadlines'>> = {},
): Timetable {
  const result = computeTimetable({
    deadlines: extra.deadlines ?? realDeadlines(),
    edition,
    notified,
    now: extra.now ?? NOW,
    ...(extra.times ? { times: extra.times } : {}),
  });
  if (result.status !== 'ok') throw new Error(`expected a timetable, got ${result.reason}: ${result.message}`);
  return result.timetable;
}

export function milestone(timetable: Timetable, id: string): Milestone {
  const found = timetable.milestones.find((m) => m.id === id);
  if (!found) throw new Error(`no milestone "${id}" in ${timetable.milestones.map((m) => m.id).join(', ')}`);
  return found;
}

/** "2026-06-15T09:00:00+01:00": the instant as London reads it, with its offset. */
export function dueOf(timetable: Timetable, id: string): string {
  return milestone(timetable, id).due.setZone('Europe/London').toISO({ suppressMilliseconds: true }) ?? '';
}

/** The due dates of every milestone, 'YYYY-MM-DD' by milestone id. */
export function dueDates(timetable: Timetable): Record<string, string> {
  return Object.fromEntries(timetable.milestones.map((m) => [m.id, m.due.toFormat('yyyy-MM-dd')]));
}

/** An invented deadline record for rule tests, validated like the real ones. */
export function deadlineRecord(
  input: Partial<GuidanceRecordInput> & Pick<GuidanceRecordInput, 'id' | 'milestone' | 'due'>,
): GuidanceRecord {
  return GuidanceRecord.parse({
    kind: 'deadline',
    edition: '2024',
    title: `Invented milestone ${input.milestone}`,
    text: 'An invented deadline for a test.',
    who: ['local authority'],
    sources: [{ seed: '003_d0033c1fea1300a3.txt', ref: 'test', publisher: 'Test' }],
    ...input,
  });
}
