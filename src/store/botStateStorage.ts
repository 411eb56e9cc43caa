import type { Database } from './database';

/**
 * botbuilder's `Storage` (read / write / delete of JSON documents with optimistic eTags),
 * kept in the `bot_state` table. Typed structurally so this folder need not import botbuilder.
 */
export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}
export type StoreItems = Record<string, StoreItem | undefined>;

export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

export class SqlStorage {
  /**
   * Documents as last read or written, `null` for known-absent keys. Only when this process is
   * the database's one writer (embedded PGlite): with a shared PostgreSQL server another
   * instance may have written since, so every read goes to the database.
   */
  private readonly cache: Map<string, StoreItem | null> | undefined;

  constructor(
    private readonly db: Database,
    options: { cache?: boolean } = { cache: db.engine === 'pglite' },
  ) {
    this.cache = options.cache ? new Map() : undefined;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const cache = this.cache;
    if (cache && keys.every((k) => cache.has(k))) {
      const items: StoreItems = {};
      for (const k of keys) {
        const item = cache.get(k);
        if (item) items[k] = structuredClone(item);
      }
      return items;
    }
    const found = await this.readFromDatabase(keys);
    if (cache) for (const k of keys) cache.set(k, found[k] ? structuredClone(found[k]) : null);
    return found;
  }

  private async readFromDatabase(keys: string[]): Promise<StoreItems> {
    const { rows } = await this.db.query<{ key: string; doc: Record<string, unknown>; etag: string | number }>(
      'SELECT key, doc, etag FROM bot_state WHERE key = ANY($1::text[])',
      [keys],
    );
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.doc, eTag: String(row.etag) };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      if (item === undefined) continue;
      const { eTag, ...doc } = item;
      const json = JSON.stringify(doc);
      if (eTag === undefined || eTag === '*' || eTag === '') {
        const { rows } = await this.db.query<{ etag: string | number }>(
          `INSERT INTO bot_state (key, doc) VALUES ($1, $2::jsonb)
           ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, etag = bot_state.etag + 1, updated_at = now()
           RETURNING etag`,
          [key, json],
        );
        this.remember(key, json, rows[0]?.etag);
        continue;
      }
      const expected = Number(eTag);
      const updated = Number.isSafeInteger(expected)
        ? await this.db.query<{ etag: string | number }>(
            'UPDATE bot_state SET doc = $2::jsonb, etag = etag + 1, updated_at = now() WHERE key = $1 AND etag = $3 RETURNING etag',
            [key, json, expected],
          )
        : { rowCount: 0, rows: [] };
      if (updated.rowCount > 0) {
        this.remember(key, json, updated.rows[0]?.etag);
        continue;
      }
      // An eTag for a document that no longer exists: write it afresh, as botbuilder's MemoryStorage does.
      const inserted = await this.db.query<{ etag: string | number }>(
        'INSERT INTO bot_state (key, doc) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING RETURNING etag',
        [key, json],
      );
      if (inserted.rowCount === 0) {
        this.cache?.delete(key);
        throw new ETagConflictError(key);
      }
      this.remember(key, json, inserted.rows[0]?.etag);
    }
  }

  /** Keeps what was written as a read would return it (the JSON, not the objects passed in). */
  private remember(key: string, json: string, etag: string | number | undefined): void {
    if (!this.cache) return;
    if (etag === undefined) this.cache.delete(key);
    else this.cache.set(key, { ...(JSON.parse(json) as Record<string, unknown>), eTag: String(etag) });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    for (const k of keys) this.cache?.set(k, null);
    await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }
}
