/**
 * What to do after a proactive send, as Teams asks: retry 429, 412, 502, 503 and 504 (and
 * network failures) with exponential backoff and jitter, waiting at least as long as
 * Retry-After says; stop writing to a conversation the bot was removed from (403, 404);
 * give up after a number of attempts.
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxAttempts: 8, baseDelayMs: 2_000, maxDelayMs: 10 * 60_000 });

export type SendOutcome =
  | { readonly status: 'sent'; readonly activityId: string | undefined }
  | {
      readonly status: 'error';
      /** The HTTP status the Bot Connector answered; undefined for a network failure. */
      readonly httpStatus: number | undefined;
      readonly retryAfterMs: number | undefined;
      /** A short, non-identifying name for the log (an error code, never message text). */
      readonly code: string;
    };

export type Decision =
  | { readonly action: 'done' }
  | { readonly action: 'retry'; readonly delayMs: number; readonly reason: string }
  | { readonly action: 'retire'; readonly reason: string }
  | { readonly action: 'give-up'; readonly reason: string };

const RETRYABLE = new Set([412, 429, 502, 503, 504]);
const GONE = new Set([403, 404]);

/**
 * `attempt` counts this one (1 for the first send). `random` in [0, 1) spreads retries out
 * so many reminders failing together do not come back together.
 */
export function decide(outcome: SendOutcome, attempt: number, policy: RetryPolicy, random: number): Decision {
  if (outcome.status === 'sent') return { action: 'done' };
  const status = outcome.httpStatus;
  const reason = status === undefined ? `network ${outcome.code}` : `HTTP ${status}`;
  if (status !== undefined && GONE.has(status)) return { action: 'retire', reason };
  const retryable = status === undefined || RETRYABLE.has(status);
  if (!retryable) return { action: 'give-up', reason };
  if (attempt >= policy.maxAttempts) return { action: 'give-up', reason: `${reason} after ${attempt} attempts` };
  return { action: 'retry', delayMs: retryDelayMs(attempt, outcome.retryAfterMs, policy, random), reason };
}

/** Exponential backoff with jitter (half to all of the step), never sooner than Retry-After. */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, policy: RetryPolicy, random: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const backoff = Math.round(step / 2 + (step / 2) * clamp01(random));
  if (retryAfterMs === undefined) return backoff;
  // Honour Retry-After exactly, plus a little jitter so a burst does not return at once.
  return Math.max(retryAfterMs, 0) + Math.round(Math.min(1_000, policy.baseDelayMs / 2) * clamp01(random));
}

/** Retry-After is either seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), 0.999999) : 0;
}
