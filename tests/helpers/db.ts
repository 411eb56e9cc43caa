import { type Database, openPglite, openPostgres } from '../../src/store/database';
import { migrate } from '../../src/store/migrations';

/**
 * One database for the whole test run: an in-memory PGlite (about 2-4 s to start, so it is
 * shared), or the PostgreSQL server named by DATABASE_URL when set. Tests truncate what they use.
 */
let shared: Promise<Database> | undefined;

export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    const url = process.env.DATABASE_URL;
    const db = url ? await openPostgres(url) : await openPglite(undefined);
    await migrate(db);
    return db;
  })();
  return shared;
}

export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** Empties every application table (not the migrations record). */
export async function resetDatabase(db: Database): Promise<void> {
  const { rows } = await db.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'",
  );
  if (rows.length > 0) await db.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
