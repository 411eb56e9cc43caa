import type { DateTime } from 'luxon';
import type { MilestoneMark, Person } from './types';

/** Where a return stands: done (by whom, when), overdue, or still due. */
export type ItemStatus =
  | { readonly status: 'done'; readonly by: Person; readonly at: DateTime }
  | { readonly status: 'overdue' }
  | { readonly status: 'due' };

export function itemStatus(due: DateTime, now: DateTime, mark: MilestoneMark | undefined): ItemStatus {
  if (mark?.done) return { status: 'done', by: mark.by, at: mark.at };
  return now.toMillis() >= due.toMillis() ? { status: 'overdue' } : { status: 'due' };
}
