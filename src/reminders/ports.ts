import type { DateTime } from 'luxon';
import type { ReminderRule } from './plan';
import type { Inspection, MilestoneMark, MilestoneOwner, NewReminder, Person, Reminder } from './types';

/**
 * What the reminders domain needs from storage. The store implements these over SQL; each
 * method that changes several things does so in one transaction.
 */

/** An inspection as it is first stored: what the coordinator gave, at the moment they gave it. */
export type NewInspection = Omit<Inspection, 'cardActivityId' | 'live' | 'createdAt' | 'updatedAt'> & { readonly at: DateTime };

/** Cancel the pending deadline reminders of these milestones, then add these. */
export interface Replan {
  readonly milestoneIds: readonly string[];
  readonly reminders: readonly NewReminder[];
}

export interface InspectionRepository {
  live(tenantId: string, partnershipKey: string): Promise<Inspection | undefined>;
  get(id: string): Promise<Inspection | undefined>;
  byCalendarToken(token: string): Promise<Inspection | undefined>;
  /**
   * Makes `inspection` the live one for its partnership, with its reminders. The live one it
   * replaces (if any) must be `replacing`, else nothing changes and 'conflict' comes back;
   * the replaced inspection stops being live and its pending reminders are cancelled.
   */
  create(inspection: NewInspection, reminders: readonly NewReminder[], replacing: string | undefined): Promise<Inspection | 'conflict'>;
  marks(inspectionId: string): Promise<MilestoneMark[]>;
  owners(inspectionId: string): Promise<MilestoneOwner[]>;
  /** Records done/undone (history kept) and replans that milestone; 'unchanged' when already so. */
  mark(change: { inspectionId: string; milestoneId: string; done: boolean; by: Person; at: DateTime }, replan: Replan): Promise<'marked' | 'unchanged'>;
  assign(owner: MilestoneOwner & { inspectionId: string }, replan: Replan): Promise<void>;
  setRules(inspectionId: string, rules: readonly ReminderRule[], replan: Replan, at: DateTime): Promise<void>;
  setCardActivity(inspectionId: string, activityId: string): Promise<void>;
  /** Every inspection, live or replaced, for the retention sweep. */
  all(): Promise<Inspection[]>;
  /** Deletes these inspections with their marks, owners and reminders; how many went. */
  remove(ids: readonly string[]): Promise<number>;
}

export interface ReminderRepository {
  add(reminder: NewReminder): Promise<void>;
  get(id: string): Promise<Reminder | undefined>;
  /** Pending ad hoc reminders this person set, and those for this conversation. */
  pendingAdhoc(query: { userId: string; conversationId: string }): Promise<Reminder[]>;
  /** How many deadline reminders are still to go for an inspection. */
  pendingDeadlineCount(inspectionId: string): Promise<number>;
  /** Cancels a pending reminder; false when it was not pending any more. */
  cancel(id: string, reason: string): Promise<boolean>;
  /** Deletes reminders that were sent, cancelled or given up before `before`; how many went. */
  removeFinished(before: DateTime): Promise<number>;
}
