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
