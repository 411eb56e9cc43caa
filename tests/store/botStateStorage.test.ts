import assert from 'node:assert/strict';
import { ETagConflictError, SqlStorage } from '../../src/store/botStateStorage';
import type { Database } from '../../src/store/database';
import { ENGINE, resetDatabase, testDatabase } from '../helpers/db';

describe(`SqlStorage, the botbuilder Storage over SQL (${ENGINE})`, () => {
  let db: Database;
  let storage: SqlStorage;
  before(async () => {
    db = await testDatabase();
    storage = new SqlStorage(db);
  });
  beforeEach(() => resetDatabase(db));

  it('reads back what it wrote, with an eTag', async () => {
    await storage.write({ 'conv/1': { count: 1, topic: 'deadlines' } });
    const items = await storage.read(['conv/1', 'missing']);
    assert.deepEqual(Object.keys(items), ['conv/1']);
    assert.equal(items['conv/1']?.count, 1);
    assert.equal(items['conv/1']?.topic, 'deadlines');
    assert.equal(items['conv/1']?.eTag, '1');
  });

  it('accepts a write with the current eTag and moves the eTag on', async () => {
    await storage.write({ k: { n: 1 } });
    const { k } = await storage.read(['k']);
    await storage.write({ k: { ...k, n: 2 } });
    const after = await storage.read(['k']);
    assert.equal(after.k?.n, 2);
    assert.equal(after.k?.eTag, '2');
  });

  it('rejects a write with a stale eTag and keeps the stored document', async () => {
    await storage.write({ k: { n: 1 } });
    const { k: first } = await storage.read(['k']);
    await storage.write({ k: { ...first, n: 2 } });
    await assert.rejects(storage.write({ k: { ...first, n: 3 } }), ETagConflictError);
    assert.equal((await storage.read(['k'])).k?.n, 2);
  });

  it('overwrites whatever is stored when the eTag is "*"', async () => {
    await storage.write({ k: { n: 1 } });
    await storage.write({ k: { n: 5, eTag: '*' } });
    assert.equal((await storage.read(['k'])).k?.n, 5);
  });

  it('deletes documents', async () => {
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a']);
    assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
  });

  it('keeps the document in the table, so a new process reads it', async () => {
    await storage.write({ 'user/x': { prefs: { edition: '2024' } } });
    const { rows } = await db.query<{ doc: { prefs: { edition: string } } }>('SELECT doc FROM bot_state WHERE key = $1', ['user/x']);
    assert.equal(rows[0]?.doc.prefs.edition, '2024');
  });

  it('serves repeated reads from memory only when it is the database\'s one writer', async () => {
    const cached = new SqlStorage(db, { cache: true });
    const uncached = new SqlStorage(db, { cache: false });
    await cached.write({ k: { n: 1 } });
    assert.equal((await cached.read(['k'])).k?.n, 1);
    // another process changes the row behind this one's back
    await db.query(`UPDATE bot_state SET doc = '{"n": 9}'::jsonb, etag = etag + 1 WHERE key = 'k'`);
    assert.equal((await cached.read(['k'])).k?.n, 1);
    assert.equal((await uncached.read(['k'])).k?.n, 9);
    // the database still guards the eTag, so the stale copy cannot overwrite the newer row
    await assert.rejects(cached.write({ k: { n: 2, eTag: '1' } }), ETagConflictError);
    assert.equal((await uncached.read(['k'])).k?.n, 9);
    // a miss is remembered too, and a later write is seen
    assert.deepEqual(await cached.read(['absent']), {});
    await cached.write({ absent: { n: 3 } });
    assert.equal((await cached.read(['absent'])).absent?.n, 3);
  });

  it('caches by default on embedded PGlite and never on a PostgreSQL server', async () => {
    const storage = new SqlStorage(db) as unknown as { cache: Map<string, unknown> | undefined };
    assert.equal(storage.cache !== undefined, db.engine === 'pglite');
  });
});
