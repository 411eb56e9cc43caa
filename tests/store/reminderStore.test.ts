import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { silentLogger } from '../../src/log';
import { Dispatcher } from '../../src/reminders/dispatcher';
import { RateLimiter } from '../../src/reminders/rateLimit';
import type { NewReminder } from '../../src/reminders/types';
import { type Database, openPostgres } from '../../src/store/database';
import { ReminderStore } from '../../src/store/reminderStore';
import { ENGINE, resetDatabase, testDatabase } from '../helpers/db';

const T0 = DateTime.fromISO('2026-06-12T09:00', { zone: 'Europe/London' });

export function adhoc(id: string, dueAt: DateTime, conversationId = 'a:conv-1'): NewReminder {
  return {
    id,
    subject: { kind: 'adhoc', text: `reminder ${id}`, audience: 'us' },
    target: { kind: 'conversation', conversationId },
    tenantId: 'tenant-1',
    dueAt,
    createdBy: { id: 'aad-alex', name: 'Alex Coordinator', teamsId: '29:alex' },
  };
}

async function statuses(db: Database): Promise<Record<string, string>> {
  const { rows } = await db.query<{ id: string; status: string }>('SELECT id, status FROM reminders ORDER BY id');
  return Object.fromEntries(rows.map((r) => [r.id, r.status]));
}

describe(`ReminderStore: claiming due reminders (${ENGINE})`, () => {
  let db: Database;
  let store: ReminderStore;
  before(async () => {
    db = await testDatabase();
    store = new ReminderStore(db);
  });
  beforeEach(() => resetDatabase(db));

  it('claims only what is due, oldest first, with a lease and an attempt counted', async () => {
    await store.addMany([adhoc('b', T0.minus({ minutes: 1 })), adhoc('a', T0.minus({ hours: 1 })), adhoc('future', T0.plus({ seconds: 1 }))]);
    const claimed = await store.claim(T0, 10, 60_000);
    assert.deepEqual(claimed.map((c) => c.reminder.id), ['a', 'b']);
    for (const c of claimed) {
      assert.equal(c.reminder.status, 'claimed');
      assert.equal(c.reminder.attempts, 1);
      assert.equal(c.reminder.leaseUntil?.toMillis(), T0.plus({ minutes: 1 }).toMillis());
    }
    assert.deepEqual(await store.claim(T0, 10, 60_000), []);
    assert.equal((await store.get('future'))?.status, 'pending');
  });

  it('gives two claimers at the same moment disjoint sets that cover everything due', async () => {
    await store.addMany(Array.from({ length: 120 }, (_, i) => adhoc(`r${String(i).padStart(3, '0')}`, T0.minus({ seconds: i }))));
    // On PostgreSQL the second claimer is another connection pool, as a second bot process would be.
    const other = ENGINE === 'postgres' && process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : db;
    try {
      const a = new ReminderStore(db);
      const b = new ReminderStore(other);
      const batches = await Promise.all([...Array.from({ length: 6 }, () => a.claim(T0, 15, 60_000)), ...Array.from({ length: 6 }, () => b.claim(T0, 15, 60_000))]);
      const ids = batches.flat().map((c) => c.reminder.id);
      assert.equal(ids.length, 120);
      assert.equal(new Set(ids).size, 120, 'no reminder claimed twice');
    } finally {
      if (other !== db) await other.close();
    }
  });

  it('claims again a reminder whose lease ran out, and only the new holder can mark it sent', async () => {
    await store.add(adhoc('r1', T0));
    const [first] = await store.claim(T0, 10, 60_000);
    assert.ok(first);
    assert.deepEqual(await store.claim(T0.plus({ seconds: 59 }), 10, 60_000), []);
    const [second] = await store.claim(T0.plus({ seconds: 61 }), 10, 60_000);
    assert.ok(second);
    assert.notEqual(second.token, first.token);
    assert.equal(second.reminder.attempts, 2);
    const sent = { at: T0.plus({ seconds: 62 }), late: false, conversationId: 'a:conv-1', activityId: 'act-1' };
    assert.equal(await store.markSent(first, sent), false, 'the expired lease no longer counts');
    assert.equal(await store.markSent(second, sent), true);
    const row = await store.get('r1');
    assert.equal(row?.status, 'sent');
    assert.equal(row?.activityId, 'act-1');
    assert.equal(row?.sentAt?.toMillis(), sent.at.toMillis());
  });

  it('never claims a reminder again once it is sent', async () => {
    await store.add(adhoc('r1', T0));
    const [c] = await store.claim(T0, 10, 1_000);
    assert.ok(c);
    await store.markSent(c, { at: T0, late: false, conversationId: 'a:conv-1', activityId: undefined });
    for (const later of [{ seconds: 2 }, { days: 1 }, { days: 400 }]) assert.deepEqual(await store.claim(T0.plus(later), 10, 1_000), []);
  });

  it('waits for next_attempt_at after a retry, and forgets the attempt when a lease is given back', async () => {
    await store.addMany([adhoc('retry', T0), adhoc('back', T0)]);
    const claimed = await store.claim(T0, 10, 60_000);
    const retry = claimed.find((c) => c.reminder.id === 'retry');
    const back = claimed.find((c) => c.reminder.id === 'back');
    assert.ok(retry && back);
    await store.reschedule(retry, T0.plus({ seconds: 30 }), 'HTTP 429');
    await store.release(back);
    assert.deepEqual((await store.claim(T0.plus({ seconds: 10 }), 10, 60_000)).map((c) => [c.reminder.id, c.reminder.attempts]), [['back', 1]]);
    const again = await store.claim(T0.plus({ seconds: 30 }), 10, 60_000);
    assert.deepEqual(again.map((c) => [c.reminder.id, c.reminder.attempts, c.reminder.lastError]), [['retry', 2, 'HTTP 429']]);
  });

  it('lists a person\'s pending ad hoc reminders and cancels one', async () => {
    await store.addMany([adhoc('mine', T0, 'a:elsewhere'), { ...adhoc('theirs', T0, 'a:elsewhere'), createdBy: { id: 'aad-sam', name: 'Sam', teamsId: undefined } }, adhoc('here', T0, 'a:conv-1')]);
    const listed = await store.pendingAdhoc({ userId: 'aad-alex', conversationId: 'a:conv-1' });
    assert.deepEqual(listed.map((r) => r.id).sort(), ['here', 'mine']);
    assert.equal(await store.cancel('mine', 'cancelled by a person'), true);
    assert.equal(await store.cancel('mine', 'cancelled by a person'), false);
    assert.deepEqual(await statuses(db), { here: 'pending', mine: 'cancelled', theirs: 'pending' });
  });

  it('sends each reminder once when two dispatchers run at the same time', async () => {
    await store.addMany(Array.from({ length: 60 }, (_, i) => adhoc(`r${i}`, T0, `a:conv-${i % 6}`)));
    const other = ENGINE === 'postgres' && process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : db;
    const sends = new Map<string, number>();
    const dispatcher = (d: Database) =>
      new Dispatcher({
        queue: new ReminderStore(d),
        destinations: {
          conversation: async (id) => ({ conversationId: id, tenantId: 'tenant-1', reference: {}, active: true }),
          personalChat: async () => undefined,
          retire: async () => undefined,
        },
        content: { contentFor: async (r) => ({ status: 'send', content: { kind: 'adhoc', text: 'x', audience: 'us', setBy: r.createdBy } }) },
        sender: {
          send: async (_d, m) => {
            sends.set(m.reminderId, (sends.get(m.reminderId) ?? 0) + 1);
            await new Promise((resolve) => setImmediate(resolve));
            return { status: 'sent', activityId: undefined };
          },
        },
        limiter: new RateLimiter({ conversation: [{ limit: 1000, ms: 1000 }], tenant: [{ limit: 1000, ms: 1000 }] }),
        policy: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 1000 },
        clock: { nowMs: () => Date.now(), sleep: async () => undefined },
        random: () => 0,
        logger: silentLogger,
        options: { batchSize: 7, concurrency: 3 },
      });
    try {
      const [a, b] = await Promise.all([dispatcher(db).runOnce(T0), dispatcher(other).runOnce(T0)]);
      assert.equal((a?.sent ?? 0) + (b?.sent ?? 0), 60);
      assert.equal(sends.size, 60);
      assert.ok([...sends.values()].every((n) => n === 1), 'each sent exactly once');
      assert.ok(Object.values(await statuses(db)).every((s) => s === 'sent'));
    } finally {
      if (other !== db) await other.close();
    }
  });
});
