import type { Database } from './database';

/** Append only: a migration that has run is never edited, a new one is added after it. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'bot state and conversation references',
    sql: `
      CREATE TABLE bot_state (
        key text PRIMARY KEY,
        doc jsonb NOT NULL,
        etag bigint NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE conversations (
        conversation_id text PRIMARY KEY,
        conversation_type text NOT NULL,
        tenant_id text,
        user_id text,
        reference jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        retired_reason text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX conversations_user ON conversations (user_id) WHERE conversation_type = 'personal';
    `,
  },
  {
    id: 2,
    name: 'inspections, milestone marks and owners, reminders',
    sql: `
      CREATE TABLE inspections (
        id text PRIMARY KEY,
        tenant_id text NOT NULL,
        partnership_key text NOT NULL,
        conversation_id text NOT NULL,
        conversation_type text NOT NULL,
        notified text NOT NULL CHECK (notified ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        edition text NOT NULL CHECK (edition IN ('2018', '2024')),
        coordinator_id text NOT NULL,
        coordinator_name text NOT NULL,
        coordinator_teams_id text,
        reminder_rules jsonb NOT NULL,
        calendar_token text NOT NULL UNIQUE,
        card_activity_id text,
        live boolean NOT NULL DEFAULT true,
        replaced_by text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX inspections_one_live ON inspections (tenant_id, partnership_key) WHERE live;
      CREATE TABLE milestone_marks (
        id bigserial PRIMARY KEY,
        inspection_id text NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
        milestone_id text NOT NULL,
        done boolean NOT NULL,
        by_id text NOT NULL,
        by_name text NOT NULL,
        by_teams_id text,
        at timestamptz NOT NULL
      );
      CREATE INDEX milestone_marks_item ON milestone_marks (inspection_id, milestone_id, id DESC);
      CREATE TABLE milestone_owners (
        inspection_id text NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
        milestone_id text NOT NULL,
        agency text,
        person_id text,
        person_name text,
        person_teams_id text,
        assigned_by_id text NOT NULL,
        assigned_by_name text NOT NULL,
        assigned_by_teams_id text,
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (inspection_id, milestone_id),
        CHECK (agency IS NOT NULL OR person_id IS NOT NULL)
      );
      CREATE TABLE reminders (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('deadline', 'adhoc')),
        inspection_id text REFERENCES inspections (id) ON DELETE CASCADE,
        milestone_id text,
        deadline_at timestamptz,
        text text,
        audience text CHECK (audience IN ('me', 'us')),
        target_conversation_id text,
        target_user_id text,
        tenant_id text NOT NULL,
        created_by_id text,
        created_by_name text,
        created_by_teams_id text,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'claimed', 'sent', 'cancelled', 'failed', 'retired', 'expired')),
        lease_until timestamptz,
        claim_token text,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        late boolean NOT NULL DEFAULT false,
        sent_at timestamptz,
        sent_conversation_id text,
        activity_id text,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((target_conversation_id IS NULL) <> (target_user_id IS NULL)),
        CHECK (kind = 'adhoc' OR (inspection_id IS NOT NULL AND milestone_id IS NOT NULL AND deadline_at IS NOT NULL)),
        CHECK (kind = 'deadline' OR (text IS NOT NULL AND audience IS NOT NULL))
      );
      CREATE INDEX reminders_due ON reminders (due_at) WHERE status IN ('pending', 'claimed');
      CREATE INDEX reminders_milestone ON reminders (inspection_id, milestone_id) WHERE status = 'pending';
      CREATE INDEX reminders_creator ON reminders (created_by_id) WHERE status = 'pending' AND kind = 'adhoc';
      CREATE INDEX reminders_target_conversation ON reminders (target_conversation_id) WHERE status = 'pending' AND kind = 'adhoc';
    `,
  },
];

/** A fixed key: two processes starting together on one PostgreSQL migrate one after the other. */
const MIGRATION_LOCK = 7314_2024;

export async function migrate(db: Database, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(m.id)) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
    }
    return applied;
  });
}

/** Migrations hold plain DDL without semicolons inside literals, so a split on ';' is enough. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
