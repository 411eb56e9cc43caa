import type { DateTime } from 'luxon';
import type { Timetable } from '../calendar/timetable';
import type { InspectionRepository, ReminderRepository } from './ports';
import type { Inspection } from './types';

/**
 * Stored inspection data is kept only as long as the partnership needs it: an inspection goes
 * (with its marks, owners and reminders) `days` after its last milestone (the report's
 * publication in the round from 2024), or `days` after it was replaced by another; sent,
 * cancelled and abandoned reminders go `days` after they finished, as their text is the
 * coordinator's own words.
 */
export interface RetentionDeps {
  readonly inspections: Pick<InspectionRepository, 'all' | 'remove'>;
  readonly reminders: Pick<ReminderRepository, 'removeFinished'>;
  readonly timetableOf: (inspection: Pick<Inspection, 'edition' | 'notified'>) => Timetable;
}

export interface PurgeReport {
  readonly inspections: number;
  readonly reminders: number;
}

/** When an inspection's data stops being needed: its last milestone, or its replacement. */
export function retainedFrom(inspection: Inspection, timetable: Timetable): DateTime {
  if (!inspection.live) return inspection.updatedAt;
  return timetable.milestones.map((m) => m.due).reduce((a, b) => (b > a ? b : a), inspection.createdAt);
}

export async function purgeExpired(deps: RetentionDeps, now: DateTime, days: number): Promise<PurgeReport> {
  const cutoff = now.minus({ days });
  const expired = (await deps.inspections.all()).filter((i) => retainedFrom(i, deps.timetableOf(i)) < cutoff).map((i) => i.id);
  const inspections = await deps.inspections.remove(expired);
  const reminders = await deps.reminders.removeFinished(cutoff);
  return { inspections, reminders };
}
