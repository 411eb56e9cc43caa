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
  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
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
        await this.db.query(
          `INSERT INTO bot_state (key, doc) VALUES ($1, $2::jsonb)
           ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, etag = bot_state.etag + 1, updated_at = now()`,
          [key, json],
        );
        continue;
      }
      const expected = Number(eTag);
      const updated = Number.isSafeInteger(expected)
        ? await this.db.query('UPDATE bot_state SET doc = $2::jsonb, etag = etag + 1, updated_at = now() WHERE key = $1 AND etag = $3', [key, json, expected])
        : { rowCount: 0 };
      if (updated.rowCount > 0) continue;
      // An eTag for a document that no longer exists: write it afresh, as botbuilder's MemoryStorage does.
      const inserted = await this.db.query('INSERT INTO bot_state (key, doc) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING', [key, json]);
      if (inserted.rowCount === 0) throw new ETagConflictError(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }
}
