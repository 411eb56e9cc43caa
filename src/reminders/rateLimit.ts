/**
 * Teams' proactive limits as pure bookkeeping: at most 7 messages a second in one
 * conversation and 50 a second per app in one tenant. `reserve` says when the next message to
 * a conversation may go, given the time now, and books that slot; the caller waits until then.
 * Slots per conversation and per tenant are handed out in order, so "the k-th last slot must
 * be a window ago" is the whole rule.
 */
export interface RateWindow {
  readonly limit: number;
  readonly ms: number;
}

export interface RateLimits {
  readonly conversation: readonly RateWindow[];
  readonly tenant: readonly RateWindow[];
}

export const TEAMS_RATE_LIMITS: RateLimits = Object.freeze({
  conversation: [{ limit: 7, ms: 1_000 }],
  tenant: [{ limit: 50, ms: 1_000 }],
});

export class RateLimiter {
  private readonly conversations = new Map<string, number[]>();
  private readonly tenants = new Map<string, number[]>();

  constructor(private readonly limits: RateLimits = TEAMS_RATE_LIMITS) {}

  /** The earliest time (ms) a message to this conversation may be sent; the slot is booked. */
  reserve(conversationId: string, tenantId: string | undefined, nowMs: number): number {
    const conv = slots(this.conversations, conversationId);
    const tenant = slots(this.tenants, tenantId ?? '');
    const at = Math.max(nowMs, earliest(conv, this.limits.conversation), earliest(tenant, this.limits.tenant));
    book(conv, at, this.limits.conversation);
    book(tenant, at, this.limits.tenant);
    return at;
  }

  /** Forgets slots older than any window, so memory stays bounded over a long run. */
  prune(nowMs: number): void {
    const longest = Math.max(...this.limits.conversation.map((w) => w.ms), ...this.limits.tenant.map((w) => w.ms), 0);
    for (const map of [this.conversations, this.tenants]) {
      for (const [key, times] of map) if ((times.at(-1) ?? 0) <= nowMs - longest) map.delete(key);
    }
  }
}

function slots(map: Map<string, number[]>, key: string): number[] {
  let times = map.get(key);
  if (!times) {
    times = [];
    map.set(key, times);
  }
  return times;
}

/** Not before the last booked slot (order), and each window holds at most `limit` slots. */
function earliest(times: readonly number[], windows: readonly RateWindow[]): number {
  let at = times.at(-1) ?? -Infinity;
  for (const w of windows) {
    const kth = times[times.length - w.limit];
    if (kth !== undefined) at = Math.max(at, kth + w.ms);
  }
  return at;
}

function book(times: number[], at: number, windows: readonly RateWindow[]): void {
  times.push(at);
  const keep = Math.max(1, ...windows.map((w) => w.limit));
  if (times.length > keep) times.splice(0, times.length - keep);
}
