import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { ReminderQueue } from '../reminders/dispatcher';
import type { ReminderRepository, Replan } from '../reminders/ports';
import type { ClaimedReminder, NewReminder, Person, Reminder, ReminderStatus, ReminderSubject, ReminderTarget } from '../reminders/types';
import type { Database, Queryable } from './database';
import { fromOptionalSqlTime, fromSqlTime, toSqlTime } from './sqlTime';

/**
 * Reminder jobs as rows with a due time. A due row is claimed atomically with a lease
 * (`FOR UPDATE SKIP LOCKED`), so two bot processes never take the same one; a process that
 * dies holding a lease loses it when it runs out, and the reminder is claimed again: sent at
 * most once more, never lost. `now` is always a parameter, so tests control time.
 */

export interface ReminderRow {
  id: string;
  kind: 'deadline' | 'adhoc';
  inspection_id: string | null;
  milestone_id: string | null;
  deadline_at: unknown;
  text: string | null;
  audience: 'me' | 'us' | null;
  target_conversation_id: string | null;
  target_user_id: string | null;
  tenant_id: string;
  created_by_id: string | null;
  created_by_name: string | null;
  created_by_teams_id: string | null;
  due_at: unknown;
  status: ReminderStatus;
  lease_until: unknown;
  claim_token: string | null;
  attempts: number;
  next_attempt_at: unknown;
  late: boolean;
  sent_at: unknown;
  sent_conversation_id: string | null;
  activity_id: string | null;
  last_error: string | null;
  created_at: unknown;
}

/** The one place a reminder row becomes a domain Reminder. */
export function toReminder(row: ReminderRow): Reminder {
  const subject: ReminderSubject =
    row.kind === 'deadline'
      ? { kind: 'deadline', inspectionId: row.inspection_id ?? '', milestoneId: row.milestone_id ?? '', deadlineAt: fromSqlTime(row.deadline_at) }
      : { kind: 'adhoc', text: row.text ?? '', audience: row.audience ?? 'me' };
  const target: ReminderTarget =
    row.target_conversation_id !== null ? { kind: 'conversation', conversationId: row.target_conversation_id } : { kind: 'user', userId: row.target_user_id ?? '' };
  const createdBy: Person | undefined =
    row.created_by_id !== null ? { id: row.created_by_id, name: row.created_by_name ?? '', teamsId: row.created_by_teams_id ?? undefined } : undefined;
  return {
    id: row.id,
    subject,
    target,
    tenantId: row.tenant_id,
    dueAt: fromSqlTime(row.due_at),
    createdBy,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: fromSqlTime(row.next_attempt_at),
    leaseUntil: fromOptionalSqlTime(row.lease_until),
    late: row.late,
    sentAt: fromOptionalSqlTime(row.sent_at),
    sentConversationId: row.sent_conversation_id ?? undefined,
    activityId: row.activity_id ?? undefined,
    lastError: row.last_error ?? undefined,
    createdAt: fromSqlTime(row.created_at),
  };
}

const COLUMNS = [
  'id',
  'kind',
  'inspection_id',
  'milestone_id',
  'deadline_at',
  'text',
  'audience',
  'target_conversation_id',
  'target_user_id',
  'tenant_id',
  'created_by_id',
  'created_by_name',
  'created_by_teams_id',
  'due_at',
  'next_attempt_at',
] as const;
const TYPES = ['text', 'text', 'text', 'text', 'timestamptz', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'timestamptz'];

function values(r: NewReminder): Array<string | null> {
  const s = r.subject;
  const due = toSqlTime(r.dueAt);
  return [
    r.id,
    s.kind,
    s.kind === 'deadline' ? s.inspectionId : null,
    s.kind === 'deadline' ? s.milestoneId : null,
    s.kind === 'deadline' ? toSqlTime(s.deadlineAt) : null,
    s.kind === 'adhoc' ? s.text : null,
    s.kind === 'adhoc' ? s.audience : null,
    r.target.kind === 'conversation' ? r.target.conversationId : null,
    r.target.kind === 'user' ? r.target.userId : null,
    r.tenantId,
    r.createdBy?.id ?? null,
    r.createdBy?.name ?? null,
    r.createdBy?.teamsId ?? null,
    due,
    due,
  ];
}

/** Inserts many reminders in one statement per thousand (arrays, not a statement each). */
export async function insertReminders(q: Queryable, reminders: readonly NewReminder[]): Promise<void> {
  for (let i = 0; i < reminders.length; i += 1000) {
    const chunk = reminders.slice(i, i + 1000).map(values);
    const columns = COLUMNS.map((_, c) => chunk.map((row) => row[c] ?? null));
    const unnest = TYPES.map((t, c) => `$${c + 1}::${t}[]`).join(', ');
    await q.query(`INSERT INTO reminders (${COLUMNS.join(', ')}) SELECT * FROM unnest(${unnest})`, columns);
  }
}

/** Cancels the still-pending deadline reminders of some milestones and adds the new plan. */
export async function applyReplan(q: Queryable, inspectionId: string, replan: Replan, reason: string): Promise<void> {
  if (replan.milestoneIds.length > 0) {
    await q.query(
      `UPDATE reminders SET status = 'cancelled', last_error = $3, updated_at = now()
       WHERE inspection_id = $1 AND milestone_id = ANY($2::text[]) AND kind = 'deadline' AND status = 'pending'`,
      [inspectionId, [...replan.milestoneIds], reason],
    );
  }
  await insertReminders(q, replan.reminders);
}

export class ReminderStore implements ReminderQueue, ReminderRepository {
  constructor(private readonly db: Database) {}

  async add(reminder: NewReminder): Promise<void> {
    await insertReminders(this.db, [reminder]);
  }

  addMany(reminders: readonly NewReminder[]): Promise<void> {
    return insertReminders(this.db, reminders);
  }

  async get(id: string): Promise<Reminder | undefined> {
    const { rows } = await this.db.query<ReminderRow>('SELECT * FROM reminders WHERE id = $1', [id]);
    return rows[0] ? toReminder(rows[0]) : undefined;
  }

  /** Due and pending (and not waiting to retry), or claimed by someone whose lease ran out. */
  async claim(now: DateTime, limit: number, leaseMs: number): Promise<ClaimedReminder[]> {
    const token = randomUUID();
    const { rows } = await this.db.query<ReminderRow>(
      `UPDATE reminders SET status = 'claimed', lease_until = $2::timestamptz, claim_token = $3,
         attempts = attempts + 1, updated_at = now()
       WHERE id IN (
         SELECT id FROM reminders
         WHERE (status = 'pending' AND due_at <= $1::timestamptz AND next_attempt_at <= $1::timestamptz)
            OR (status = 'claimed' AND lease_until < $1::timestamptz)
         ORDER BY due_at
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [toSqlTime(now), toSqlTime(now.plus({ milliseconds: leaseMs })), token, limit],
    );
    return rows.map(toReminder).sort((a, b) => a.dueAt.toMillis() - b.dueAt.toMillis()).map((reminder) => ({ reminder, token }));
  }

  async markSent(claim: ClaimedReminder, sent: { at: DateTime; late: boolean; conversationId: string; activityId: string | undefined }): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE reminders SET status = 'sent', sent_at = $3::timestamptz, late = $4, sent_conversation_id = $5, activity_id = $6,
         lease_until = NULL, last_error = NULL, updated_at = now()
       WHERE id = $1 AND claim_token = $2`,
      [claim.reminder.id, claim.token, toSqlTime(sent.at), sent.late, sent.conversationId, sent.activityId ?? null],
    );
    return rowCount > 0;
  }

  async reschedule(claim: ClaimedReminder, at: DateTime, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE reminders SET status = 'pending', next_attempt_at = $3::timestamptz, lease_until = NULL, last_error = $4, updated_at = now()
       WHERE id = $1 AND claim_token = $2 AND status = 'claimed'`,
      [claim.reminder.id, claim.token, toSqlTime(at), reason],
    );
  }

  async finish(claim: ClaimedReminder, status: 'cancelled' | 'failed' | 'retired' | 'expired', reason: string): Promise<void> {
    await this.db.query(
      `UPDATE reminders SET status = $3, lease_until = NULL, last_error = $4, updated_at = now()
       WHERE id = $1 AND claim_token = $2 AND status = 'claimed'`,
      [claim.reminder.id, claim.token, status, reason],
    );
  }

  async release(claim: ClaimedReminder): Promise<void> {
    await this.db.query(
      `UPDATE reminders SET status = 'pending', lease_until = NULL, attempts = GREATEST(attempts - 1, 0), updated_at = now()
       WHERE id = $1 AND claim_token = $2 AND status = 'claimed'`,
      [claim.reminder.id, claim.token],
    );
  }

  async pendingAdhoc(query: { userId: string; conversationId: string }): Promise<Reminder[]> {
    const { rows } = await this.db.query<ReminderRow>(
      `SELECT * FROM reminders
       WHERE kind = 'adhoc' AND status = 'pending' AND (created_by_id = $1 OR target_conversation_id = $2)
       ORDER BY due_at LIMIT 50`,
      [query.userId, query.conversationId],
    );
    return rows.map(toReminder);
  }

  async pendingDeadlineCount(inspectionId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM reminders WHERE inspection_id = $1 AND kind = 'deadline' AND status IN ('pending', 'claimed')`,
      [inspectionId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async cancel(id: string, reason: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE reminders SET status = 'cancelled', last_error = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [id, reason],
    );
    return rowCount > 0;
  }

  async removeFinished(before: DateTime): Promise<number> {
    const { rowCount } = await this.db.query(
      `DELETE FROM reminders WHERE status IN ('sent', 'cancelled', 'failed', 'retired', 'expired') AND updated_at < $1::timestamptz`,
      [toSqlTime(before)],
    );
    return rowCount;
  }
}
