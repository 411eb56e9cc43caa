import type { DateTime } from 'luxon';
import type { NewReminder, Reminder } from '../../src/reminders/types';

/** A reminder as it stands right after it is stored: pending, never tried. */
export function pendingReminder(r: NewReminder, createdAt: DateTime): Reminder {
  return {
    ...r,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: r.dueAt,
    leaseUntil: undefined,
    late: false,
    sentAt: undefined,
    sentConversationId: undefined,
    activityId: undefined,
    lastError: undefined,
    createdAt,
  };
}
