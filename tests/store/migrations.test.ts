import assert from 'node:assert/strict';
import { MIGRATIONS, migrate } from '../../src/store/migrations';
import { ENGINE, testDatabase } from '../helpers/db';

describe(`migrations (${ENGINE})`, () => {
  it('records every migration once and does nothing the second time', async () => {
    const db = await testDatabase();
    const again = await migrate(db);
    assert.deepEqual(again, []);
    const { rows } = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    assert.deepEqual(
      rows.map((r) => r.id),
      MIGRATIONS.map((m) => m.id).sort((a, b) => a - b),
    );
  });

  it('numbers migrations uniquely and in order of the list', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    assert.deepEqual(ids, [...new Set(ids)].sort((a, b) => a - b));
  });
});
