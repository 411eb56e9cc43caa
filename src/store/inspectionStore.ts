import type { DateTime } from 'luxon';
import { TimetableEdition } from '../calendar/timetable';
import { ReminderRules, type ReminderRule } from '../reminders/plan';
import type { InspectionRepository, NewInspection, Replan } from '../reminders/ports';
import type { Inspection, MilestoneMark, MilestoneOwner, NewReminder, Person } from '../reminders/types';
import type { Database, Queryable } from './database';
import { applyReplan, insertReminders } from './reminderStore';
import { fromSqlTime, isUniqueViolation, toSqlTime } from './sqlTime';

/**
 * A partnership's live inspection (one per tenant and team or chat), the marks on its
 * milestones (done and undone, with the history kept) and the owner of each milestone.
 */

interface InspectionRow {
  id: string;
  tenant_id: string;
  partnership_key: string;
  conversation_id: string;
  conversation_type: string;
  notified: string;
  edition: string;
  coordinator_id: string;
  coordinator_name: string;
  coordinator_teams_id: string | null;
  reminder_rules: unknown;
  calendar_token: string;
  card_activity_id: string | null;
  live: boolean;
  created_at: unknown;
  updated_at: unknown;
}

interface MarkRow {
  milestone_id: string;
  done: boolean;
  by_id: string;
  by_name: string;
  by_teams_id: string | null;
  at: unknown;
}

interface OwnerRow {
  milestone_id: string;
  agency: string | null;
  person_id: string | null;
  person_name: string | null;
  person_teams_id: string | null;
  assigned_by_id: string;
  assigned_by_name: string;
  assigned_by_teams_id: string | null;
  assigned_at: unknown;
}

function person(id: string, name: string | null, teamsId: string | null): Person {
  return { id, name: name ?? '', teamsId: teamsId ?? undefined };
}

/** The one place an inspection row becomes a domain Inspection. */
function toInspection(row: InspectionRow): Inspection {
  const rules = ReminderRules.safeParse(row.reminder_rules);
  return {
    id: row.id,
    tenantId: row.tenant_id,
    partnershipKey: row.partnership_key,
    conversationId: row.conversation_id,
    conversationType: row.conversation_type,
    notified: row.notified,
    edition: TimetableEdition.parse(row.edition),
    coordinator: person(row.coordinator_id, row.coordinator_name, row.coordinator_teams_id),
    rules: rules.success ? rules.data : [],
    calendarToken: row.calendar_token,
    cardActivityId: row.card_activity_id ?? undefined,
    live: row.live,
    createdAt: fromSqlTime(row.created_at),
    updatedAt: fromSqlTime(row.updated_at),
  };
}

function toMark(row: MarkRow): MilestoneMark {
  return { milestoneId: row.milestone_id, done: row.done, by: person(row.by_id, row.by_name, row.by_teams_id), at: fromSqlTime(row.at) };
}

function toOwner(row: OwnerRow): MilestoneOwner {
  return {
    milestoneId: row.milestone_id,
    agency: row.agency ?? undefined,
    person: row.person_id !== null ? person(row.person_id, row.person_name, row.person_teams_id) : undefined,
    assignedBy: person(row.assigned_by_id, row.assigned_by_name, row.assigned_by_teams_id),
    at: fromSqlTime(row.assigned_at),
  };
}

export class InspectionStore implements InspectionRepository {
  constructor(private readonly db: Database) {}

  async live(tenantId: string, partnershipKey: string): Promise<Inspection | undefined> {
    const { rows } = await this.db.query<InspectionRow>('SELECT * FROM inspections WHERE tenant_id = $1 AND partnership_key = $2 AND live', [tenantId, partnershipKey]);
    return rows[0] ? toInspection(rows[0]) : undefined;
  }

  async get(id: string): Promise<Inspection | undefined> {
    const { rows } = await this.db.query<InspectionRow>('SELECT * FROM inspections WHERE id = $1', [id]);
    return rows[0] ? toInspection(rows[0]) : undefined;
  }

  async byCalendarToken(token: string): Promise<Inspection | undefined> {
    const { rows } = await this.db.query<InspectionRow>('SELECT * FROM inspections WHERE calendar_token = $1', [token]);
    return rows[0] ? toInspection(rows[0]) : undefined;
  }

  async all(): Promise<Inspection[]> {
    const { rows } = await this.db.query<InspectionRow>('SELECT * FROM inspections ORDER BY created_at');
    return rows.map(toInspection);
  }

  async remove(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    // marks, owners and reminders go with it (ON DELETE CASCADE), in the same statement
    const { rowCount } = await this.db.query('DELETE FROM inspections WHERE id = ANY($1::text[])', [[...ids]]);
    return rowCount;
  }

  async create(inspection: NewInspection, reminders: readonly NewReminder[], replacing: string | undefined): Promise<Inspection | 'conflict'> {
    try {
      return await this.db.transaction(async (tx) => {
        const current = await tx.query<{ id: string }>(
          'SELECT id FROM inspections WHERE tenant_id = $1 AND partnership_key = $2 AND live FOR UPDATE',
          [inspection.tenantId, inspection.partnershipKey],
        );
        const currentId = current.rows[0]?.id;
        if (currentId !== undefined && currentId !== replacing) return 'conflict' as const;
        const at = toSqlTime(inspection.at);
        if (currentId !== undefined) {
          await tx.query('UPDATE inspections SET live = false, replaced_by = $2, updated_at = $3::timestamptz WHERE id = $1', [currentId, inspection.id, at]);
          await tx.query(
            `UPDATE reminders SET status = 'cancelled', last_error = 'the inspection was replaced', updated_at = now()
             WHERE inspection_id = $1 AND status = 'pending'`,
            [currentId],
          );
        }
        const { rows } = await tx.query<InspectionRow>(
          `INSERT INTO inspections (id, tenant_id, partnership_key, conversation_id, conversation_type, notified, edition,
             coordinator_id, coordinator_name, coordinator_teams_id, reminder_rules, calendar_token, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13::timestamptz, $13::timestamptz)
           RETURNING *`,
          [
            inspection.id,
            inspection.tenantId,
            inspection.partnershipKey,
            inspection.conversationId,
            inspection.conversationType,
            inspection.notified,
            inspection.edition,
            inspection.coordinator.id,
            inspection.coordinator.name,
            inspection.coordinator.teamsId ?? null,
            JSON.stringify(inspection.rules),
            inspection.calendarToken,
            at,
          ],
        );
        await insertReminders(tx, reminders);
        const row = rows[0];
        if (!row) throw new Error('the inspection was not stored');
        return toInspection(row);
      });
    } catch (err) {
      // Two people setting an inspection at the same moment: the second one is told.
      if (isUniqueViolation(err)) return 'conflict';
      throw err;
    }
  }

  async marks(inspectionId: string): Promise<MilestoneMark[]> {
    const { rows } = await this.db.query<MarkRow>(
      `SELECT DISTINCT ON (milestone_id) milestone_id, done, by_id, by_name, by_teams_id, at
       FROM milestone_marks WHERE inspection_id = $1 ORDER BY milestone_id, id DESC`,
      [inspectionId],
    );
    return rows.map(toMark);
  }

  /** Every mark ever made on one milestone, oldest first (undo keeps the history). */
  async history(inspectionId: string, milestoneId: string): Promise<MilestoneMark[]> {
    const { rows } = await this.db.query<MarkRow>(
      'SELECT milestone_id, done, by_id, by_name, by_teams_id, at FROM milestone_marks WHERE inspection_id = $1 AND milestone_id = $2 ORDER BY id',
      [inspectionId, milestoneId],
    );
    return rows.map(toMark);
  }

  async owners(inspectionId: string): Promise<MilestoneOwner[]> {
    const { rows } = await this.db.query<OwnerRow>('SELECT * FROM milestone_owners WHERE inspection_id = $1 ORDER BY milestone_id', [inspectionId]);
    return rows.map(toOwner);
  }

  mark(change: { inspectionId: string; milestoneId: string; done: boolean; by: Person; at: DateTime }, replan: Replan): Promise<'marked' | 'unchanged'> {
    return this.db.transaction(async (tx) => {
      await lockInspection(tx, change.inspectionId);
      const latest = await tx.query<{ done: boolean }>(
        'SELECT done FROM milestone_marks WHERE inspection_id = $1 AND milestone_id = $2 ORDER BY id DESC LIMIT 1',
        [change.inspectionId, change.milestoneId],
      );
      if ((latest.rows[0]?.done ?? false) === change.done) return 'unchanged' as const;
      await tx.query(
        `INSERT INTO milestone_marks (inspection_id, milestone_id, done, by_id, by_name, by_teams_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)`,
        [change.inspectionId, change.milestoneId, change.done, change.by.id, change.by.name, change.by.teamsId ?? null, toSqlTime(change.at)],
      );
      await applyReplan(tx, change.inspectionId, replan, change.done ? 'the item was marked done' : 'replanned after undo');
      return 'marked' as const;
    });
  }

  assign(owner: MilestoneOwner & { inspectionId: string }, replan: Replan): Promise<void> {
    return this.db.transaction(async (tx) => {
      await lockInspection(tx, owner.inspectionId);
      await tx.query(
        `INSERT INTO milestone_owners (inspection_id, milestone_id, agency, person_id, person_name, person_teams_id,
           assigned_by_id, assigned_by_name, assigned_by_teams_id, assigned_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz)
         ON CONFLICT (inspection_id, milestone_id) DO UPDATE SET agency = EXCLUDED.agency, person_id = EXCLUDED.person_id,
           person_name = EXCLUDED.person_name, person_teams_id = EXCLUDED.person_teams_id, assigned_by_id = EXCLUDED.assigned_by_id,
           assigned_by_name = EXCLUDED.assigned_by_name, assigned_by_teams_id = EXCLUDED.assigned_by_teams_id, assigned_at = EXCLUDED.assigned_at`,
        [
          owner.inspectionId,
          owner.milestoneId,
          owner.agency ?? null,
          owner.person?.id ?? null,
          owner.person?.name ?? null,
          owner.person?.teamsId ?? null,
          owner.assignedBy.id,
          owner.assignedBy.name,
          owner.assignedBy.teamsId ?? null,
          toSqlTime(owner.at),
        ],
      );
      await applyReplan(tx, owner.inspectionId, replan, 'replanned for a new owner');
    });
  }

  setRules(inspectionId: string, rules: readonly ReminderRule[], replan: Replan, at: DateTime): Promise<void> {
    return this.db.transaction(async (tx) => {
      await lockInspection(tx, inspectionId);
      await tx.query('UPDATE inspections SET reminder_rules = $2::jsonb, updated_at = $3::timestamptz WHERE id = $1', [inspectionId, JSON.stringify(rules), toSqlTime(at)]);
      await applyReplan(tx, inspectionId, replan, 'replanned for new reminder times');
    });
  }

  async setCardActivity(inspectionId: string, activityId: string): Promise<void> {
    await this.db.query('UPDATE inspections SET card_activity_id = $2 WHERE id = $1', [inspectionId, activityId]);
  }
}

/** Changes to one inspection happen one at a time (two people clicking "Mark done" together). */
async function lockInspection(tx: Queryable, inspectionId: string): Promise<void> {
  await tx.query('SELECT id FROM inspections WHERE id = $1 FOR UPDATE', [inspectionId]);
}
