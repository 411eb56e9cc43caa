import type { DateTime } from 'luxon';
import type { TimetableEdition } from '../calendar/timetable';
import type { ReminderRule } from './plan';

/**
 * The reminders domain: a partnership's live inspection, who owns each return, which returns
 * are done, and the reminder jobs that fire before each deadline. Plain data; the store maps
 * its rows to these types and nothing else.
 */

/** Someone in Teams. `id` is the Entra object id where Teams gives one, else the Teams user id. */
export interface Person {
  readonly id: string;
  readonly name: string;
  /** The Teams user id ("29:..."), used for card refresh; undefined when not known. */
  readonly teamsId: string | undefined;
}

export interface Inspection {
  readonly id: string;
  readonly tenantId: string;
  /** The team where it was set, or the chat: one live inspection per tenant and partnership key. */
  readonly partnershipKey: string;
  /** The conversation (channel or chat) where it was set; deadline cards go there too. */
  readonly conversationId: string;
  /** 'personal', 'groupChat' or 'channel'. */
  readonly conversationType: string;
  readonly notified: string;
  readonly edition: TimetableEdition;
  readonly coordinator: Person;
  readonly rules: readonly ReminderRule[];
  /** Unguessable; names the calendar (.ics) link. */
  readonly calendarToken: string;
  /** The timetable card last posted where the inspection was set, so it can be updated. */
  readonly cardActivityId: string | undefined;
  readonly live: boolean;
  readonly createdAt: DateTime;
  readonly updatedAt: DateTime;
}

/** The current state of a milestone that has ever been marked (the store keeps the history). */
export interface MilestoneMark {
  readonly milestoneId: string;
  readonly done: boolean;
  readonly by: Person;
  readonly at: DateTime;
}

export interface MilestoneOwner {
  readonly milestoneId: string;
  readonly agency: string | undefined;
  readonly person: Person | undefined;
  readonly assignedBy: Person;
  readonly at: DateTime;
}

export type ReminderTarget =
  | { readonly kind: 'conversation'; readonly conversationId: string }
  | { readonly kind: 'user'; readonly userId: string };

export const REMINDER_STATUSES = ['pending', 'claimed', 'sent', 'cancelled', 'failed', 'retired', 'expired'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

export type ReminderSubject =
  | {
      readonly kind: 'deadline';
      readonly inspectionId: string;
      readonly milestoneId: string;
      /** When the milestone itself is due: a reminder found after this is not sent. */
      readonly deadlineAt: DateTime;
    }
  | { readonly kind: 'adhoc'; readonly text: string; readonly audience: 'me' | 'us' };

/** What is inserted: a reminder job before it has a status. */
export interface NewReminder {
  readonly id: string;
  readonly subject: ReminderSubject;
  readonly target: ReminderTarget;
  readonly tenantId: string;
  readonly dueAt: DateTime;
  readonly createdBy: Person | undefined;
}

export interface Reminder extends NewReminder {
  readonly status: ReminderStatus;
  readonly attempts: number;
  readonly nextAttemptAt: DateTime;
  readonly leaseUntil: DateTime | undefined;
  readonly late: boolean;
  readonly sentAt: DateTime | undefined;
  readonly sentConversationId: string | undefined;
  readonly activityId: string | undefined;
  readonly lastError: string | undefined;
  readonly createdAt: DateTime;
}

/** A reminder this process holds the lease on; the token proves it when marking the outcome. */
export interface ClaimedReminder {
  readonly reminder: Reminder;
  readonly token: string;
}
