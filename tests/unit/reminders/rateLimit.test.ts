import assert from 'node:assert/strict';
import { RateLimiter } from '../../../src/reminders/rateLimit';

describe('the proactive rate limiter (7 a second per conversation, 50 per tenant)', () => {
  it('lets 7 messages into a conversation in a second and holds the 8th for a second', () => {
    const limiter = new RateLimiter();
    const slots = Array.from({ length: 15 }, () => limiter.reserve('c1', 't1', 0));
    assert.deepEqual(slots, [0, 0, 0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 2000]);
  });

  it('counts every conversation of a tenant towards 50 a second, and tenants apart', () => {
    const limiter = new RateLimiter();
    const slots: number[] = [];
    for (let c = 0; c < 10; c++) for (let i = 0; i < 6; i++) slots.push(limiter.reserve(`c${c}`, 't1', 0));
    assert.equal(slots.filter((s) => s === 0).length, 50);
    assert.equal(slots.filter((s) => s === 1000).length, 10);
    assert.equal(limiter.reserve('other', 't2', 0), 0);
  });

  it('frees slots as time passes, and keeps each conversation in order', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 7; i++) limiter.reserve('c1', 't1', 100);
    assert.equal(limiter.reserve('c1', 't1', 1_050), 1_100);
    assert.equal(limiter.reserve('c1', 't1', 5_000), 5_000);
    limiter.prune(10_000);
    assert.equal(limiter.reserve('c1', 't1', 10_000), 10_000);
  });
});
