import assert from 'node:assert/strict';
import { type SendOutcome, decide, parseRetryAfter, retryDelayMs } from '../../../src/reminders/retry';

const policy = { maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 60_000 };
const error = (httpStatus: number | undefined, retryAfterMs?: number): SendOutcome => ({ status: 'error', httpStatus, retryAfterMs, code: 'x' });

describe('the retry policy for proactive sends', () => {
  it('retries 429, 412, 502, 503, 504 and network failures', () => {
    for (const status of [429, 412, 502, 503, 504, undefined]) assert.equal(decide(error(status), 1, policy, 0.5).action, 'retry', String(status));
  });

  it('waits as long as Retry-After says, plus under a second of jitter', () => {
    for (const random of [0, 0.5, 0.99]) {
      const d = decide(error(429, 30_000), 1, policy, random);
      assert.ok(d.action === 'retry' && d.delayMs >= 30_000 && d.delayMs < 31_000, JSON.stringify(d));
    }
  });

  it('backs off exponentially with jitter, up to a cap', () => {
    assert.deepEqual([0, 0.999999].map((r) => retryDelayMs(1, undefined, policy, r)), [1_000, 2_000]);
    assert.deepEqual([0, 0.999999].map((r) => retryDelayMs(3, undefined, policy, r)), [4_000, 8_000]);
    assert.equal(retryDelayMs(20, undefined, policy, 0.999999), 60_000);
  });

  it('retires the conversation on 403 and 404, and gives up on other errors or after the last attempt', () => {
    assert.equal(decide(error(403), 1, policy, 0).action, 'retire');
    assert.equal(decide(error(404), 1, policy, 0).action, 'retire');
    assert.equal(decide(error(400), 1, policy, 0).action, 'give-up');
    assert.deepEqual(decide(error(503), 5, policy, 0), { action: 'give-up', reason: 'HTTP 503 after 5 attempts' });
    assert.deepEqual(decide({ status: 'sent', activityId: 'a' }, 5, policy, 0), { action: 'done' });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-06-05T14:00:00Z');
    assert.equal(parseRetryAfter('7', now), 7_000);
    assert.equal(parseRetryAfter('Fri, 05 Jun 2026 14:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});
