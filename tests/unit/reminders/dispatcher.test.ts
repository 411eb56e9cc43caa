import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { silentLogger } from '../../../src/log';
import {
  type ContentResult,
  type Destination,
  Dispatcher,
  type ReminderMessage,
  type ReminderQueue,
} from '../../../src/reminders/dispatcher';
import { RateLimiter } from '../../../src/reminders/rateLimit';
import type { SendOutcome } from '../../../src/reminders/retry';
import type { ClaimedReminder, NewReminder, Reminder } from '../../../src/reminders/types';
import { pendingReminder } from '../../helpers/reminders';

/** An in-memory twin of the reminder table, with the same claim rules as the SQL. */
class MemoryQueue implements ReminderQueue {
  rows = new Map<string, Reminder & { token?: string }>();
  add(r: NewReminder): void {
    this.rows.set(r.id, pendingReminder(r, r.dueAt));
  }
  async claim(now: DateTime, limit: number, leaseMs: number): Promise<ClaimedReminder[]> {
    const token = `t${Math.random()}`;
    const due = [...this.rows.values()]
      .filter((r) => (r.status === 'pending' && r.dueAt <= now && r.nextAttemptAt <= now) || (r.status === 'claimed' && (r.leaseUntil ?? now) < now))
      .sort((a, b) => a.dueAt.toMillis() - b.dueAt.toMillis())
      .slice(0, limit);
    return due.map((r) => {
      const claimed = { ...r, status: 'claimed' as const, attempts: r.attempts + 1, leaseUntil: now.plus({ milliseconds: leaseMs }), token };
      this.rows.set(r.id, claimed);
      return { reminder: claimed, token };
    });
  }
  private update(c: ClaimedReminder, change: Partial<Reminder>): boolean {
    const row = this.rows.get(c.reminder.id);
    if (!row || row.token !== c.token) return false;
    this.rows.set(row.id, { ...row, ...change });
    return true;
  }
  async markSent(c: ClaimedReminder, s: { at: DateTime; late: boolean; conversationId: string; activityId: string | undefined }) {
    return this.update(c, { status: 'sent', sentAt: s.at, late: s.late, sentConversationId: s.conversationId, activityId: s.activityId });
  }
  async reschedule(c: ClaimedReminder, at: DateTime, reason: string) {
    this.update(c, { status: 'pending', nextAttemptAt: at, lastError: reason });
  }
  async finish(c: ClaimedReminder, status: 'cancelled' | 'failed' | 'retired' | 'expired', reason: string) {
    this.update(c, { status, lastError: reason });
  }
  async release(c: ClaimedReminder) {
    this.update(c, { status: 'pending' });
  }
}

const T0 = DateTime.fromISO('2026-06-12T09:00', { zone: 'Europe/London' });
const alex = { id: 'aad-alex', name: 'Alex Coordinator', teamsId: '29:alex' };

function deadline(id: string, target: NewReminder['target'], dueAt = T0, deadlineAt = T0.plus({ days: 3 })): NewReminder {
  return { id, subject: { kind: 'deadline', inspectionId: 'i1', milestoneId: 'fieldwork-start', deadlineAt }, target, tenantId: 'tenant-1', dueAt, createdBy: undefined };
}

function setup(options: { outcomes?: SendOutcome[]; content?: (r: Reminder) => ContentResult | undefined; destinations?: Record<string, Destination> } = {}) {
  const queue = new MemoryQueue();
  const sent: Array<{ to: string; message: ReminderMessage }> = [];
  const retired: string[] = [];
  const outcomes = [...(options.outcomes ?? [])];
  let fakeNow = 0;
  const slept: number[] = [];
  const dest = (id: string, active = true): Destination => ({ conversationId: id, tenantId: 'tenant-1', reference: {}, active });
  const destinations = options.destinations ?? { channel: dest('channel'), 'personal-alex': dest('personal-alex') };
  const dispatcher = new Dispatcher({
    queue,
    destinations: {
      conversation: async (id) => destinations[id],
      personalChat: async (userId) => (userId === 'aad-alex' ? destinations['personal-alex'] : undefined),
      retire: async (id) => void retired.push(id),
    },
    content: {
      contentFor: async (r) =>
        options.content?.(r) ?? {
          status: 'send',
          content: r.subject.kind === 'adhoc'
            ? { kind: 'adhoc', text: r.subject.text, audience: r.subject.audience, setBy: r.createdBy }
            : { kind: 'deadline', inspectionId: 'i1', milestoneId: 'fieldwork-start', title: 'Fieldwork starts', due: r.subject.deadlineAt, who: ['inspectors'], owner: undefined, status: { status: 'due' }, moved: undefined },
        },
    },
    sender: {
      send: async (d, message) => {
        const outcome = outcomes.shift() ?? { status: 'sent', activityId: `act-${sent.length + 1}` };
        if (outcome.status === 'sent') sent.push({ to: d.conversationId, message });
        return outcome;
      },
    },
    limiter: new RateLimiter(),
    policy: { maxAttempts: 3, baseDelayMs: 2_000, maxDelayMs: 60_000 },
    clock: { nowMs: () => fakeNow, sleep: async (ms) => void (slept.push(ms), (fakeNow += ms)) },
    random: () => 0.5,
    logger: silentLogger,
    options: { lateAfterMs: 120_000 },
  });
  return { queue, sent, retired, slept, dispatcher };
}

describe('the reminder dispatcher (fake clock, in-memory queue)', () => {
  it('sends what is due to the conversation and the coordinator\'s personal chat, once', async () => {
    const { queue, sent, dispatcher } = setup();
    queue.add(deadline('r1', { kind: 'conversation', conversationId: 'channel' }));
    queue.add(deadline('r2', { kind: 'user', userId: 'aad-alex' }));
    queue.add(deadline('later', { kind: 'conversation', conversationId: 'channel' }, T0.plus({ hours: 1 })));
    const report = await dispatcher.runOnce(T0.plus({ seconds: 10 }));
    assert.deepEqual(sent.map((s) => s.to).sort(), ['channel', 'personal-alex']);
    assert.equal(report.sent, 2);
    assert.equal(sent[0]?.message.late, false);
    assert.equal(queue.rows.get('r1')?.status, 'sent');
    assert.equal(queue.rows.get('later')?.status, 'pending');
    assert.equal((await dispatcher.runOnce(T0.plus({ seconds: 20 }))).claimed, 0);
  });

  it('marks a reminder late when the bot was down at its time, and drops one whose deadline has passed', async () => {
    const { queue, sent, dispatcher } = setup();
    queue.add(deadline('missed', { kind: 'conversation', conversationId: 'channel' }));
    queue.add(deadline('too-late', { kind: 'conversation', conversationId: 'channel' }, T0, T0.plus({ hours: 2 })));
    const report = await dispatcher.runOnce(T0.plus({ hours: 3 }));
    assert.deepEqual(sent.map((s) => s.message.reminderId), ['missed']);
    assert.equal(sent[0]?.message.late, true);
    assert.equal(queue.rows.get('missed')?.late, true);
    assert.equal(queue.rows.get('too-late')?.status, 'expired');
    assert.deepEqual([report.sent, report.late, report.expired], [1, 1, 1]);
  });

  it('cancels reminders for work already done, and for people the bot has no chat with', async () => {
    const { queue, sent, dispatcher } = setup({ content: (r) => (r.id === 'done' ? { status: 'cancel', reason: 'already done' } : undefined) });
    queue.add(deadline('done', { kind: 'conversation', conversationId: 'channel' }));
    queue.add(deadline('nobody', { kind: 'user', userId: 'aad-stranger' }));
    await dispatcher.runOnce(T0);
    assert.equal(sent.length, 0);
    assert.equal(queue.rows.get('done')?.status, 'cancelled');
    assert.deepEqual([queue.rows.get('nobody')?.status, queue.rows.get('nobody')?.lastError], ['cancelled', 'no personal chat with this person']);
  });

  it('retries a 429 after Retry-After, and then sends it', async () => {
    const { queue, sent, dispatcher } = setup({ outcomes: [{ status: 'error', httpStatus: 429, retryAfterMs: 30_000, code: 'Throttled' }] });
    queue.add(deadline('r1', { kind: 'conversation', conversationId: 'channel' }));
    assert.equal((await dispatcher.runOnce(T0)).retried, 1);
    const row = queue.rows.get('r1');
    assert.equal(row?.status, 'pending');
    assert.equal(row?.nextAttemptAt.diff(T0, 'milliseconds').milliseconds, 30_500);
    assert.equal((await dispatcher.runOnce(T0.plus({ seconds: 20 }))).claimed, 0);
    assert.equal((await dispatcher.runOnce(T0.plus({ seconds: 31 }))).sent, 1);
    assert.equal(sent.length, 1);
    assert.equal(queue.rows.get('r1')?.attempts, 2);
  });

  it('retires the conversation and the reminder on 403, and gives up after the last attempt', async () => {
    const { queue, retired, dispatcher } = setup({
      outcomes: [
        { status: 'error', httpStatus: 403, retryAfterMs: undefined, code: 'Forbidden' },
        ...Array.from({ length: 3 }, () => ({ status: 'error' as const, httpStatus: 503, retryAfterMs: undefined, code: 'Unavailable' })),
      ],
    });
    queue.add(deadline('gone', { kind: 'conversation', conversationId: 'channel' }));
    await dispatcher.runOnce(T0);
    assert.deepEqual(retired, ['channel']);
    assert.equal(queue.rows.get('gone')?.status, 'retired');
    queue.add(deadline('flaky', { kind: 'user', userId: 'aad-alex' }));
    let at = T0;
    for (let i = 0; i < 3; i++) {
      at = at.plus({ minutes: 5 });
      await dispatcher.runOnce(at);
    }
    assert.deepEqual([queue.rows.get('flaky')?.status, queue.rows.get('flaky')?.lastError], ['failed', 'HTTP 503 after 3 attempts']);
  });

  it('does not write to a conversation already retired', async () => {
    const { queue, sent, dispatcher } = setup({ destinations: { channel: { conversationId: 'channel', tenantId: 'tenant-1', reference: {}, active: false } } });
    queue.add(deadline('r1', { kind: 'conversation', conversationId: 'channel' }));
    assert.equal((await dispatcher.runOnce(T0)).retired, 1);
    assert.equal(sent.length, 0);
  });

  it('paces a burst into one conversation at 7 a second', async () => {
    const { queue, sent, slept, dispatcher } = setup();
    for (let i = 0; i < 15; i++) queue.add({ ...deadline(`r${i}`, { kind: 'conversation', conversationId: 'channel' }), subject: { kind: 'adhoc', text: `n${i}`, audience: 'us' } });
    await dispatcher.runOnce(T0);
    assert.equal(sent.length, 15);
    assert.deepEqual(slept, [1000, 1000]);
  });

  it('gives reminders back untouched when its lease is half gone', async () => {
    const queue = new MemoryQueue();
    let now = 0;
    const dispatcher = new Dispatcher({
      queue,
      destinations: { conversation: async () => ({ conversationId: 'c', tenantId: 't', reference: {}, active: true }), personalChat: async () => undefined, retire: async () => undefined },
      content: { contentFor: async () => ({ status: 'send', content: { kind: 'adhoc', text: 'x', audience: 'us', setBy: alex } }) },
      sender: { send: async () => ((now += 40_000), { status: 'sent', activityId: 'a' }) },
      limiter: new RateLimiter(),
      policy: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 1_000 },
      clock: { nowMs: () => now, sleep: async () => undefined },
      random: () => 0,
      logger: silentLogger,
      options: { leaseMs: 60_000, concurrency: 1, batchSize: 2, maxBatches: 1 },
    });
    queue.add({ ...deadline('a', { kind: 'conversation', conversationId: 'c' }), subject: { kind: 'adhoc', text: 'a', audience: 'us' } });
    queue.add({ ...deadline('b', { kind: 'conversation', conversationId: 'c' }), subject: { kind: 'adhoc', text: 'b', audience: 'us' } });
    const report = await dispatcher.runOnce(T0);
    assert.deepEqual([report.sent, report.released], [1, 1]);
    assert.deepEqual([queue.rows.get('a')?.status, queue.rows.get('b')?.status], ['sent', 'pending']);
  });
});
