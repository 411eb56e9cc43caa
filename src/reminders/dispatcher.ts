import type { DateTime } from 'luxon';
import type { Logger } from '../log';
import type { RateLimiter } from './rateLimit';
import { type RetryPolicy, type SendOutcome, decide } from './retry';
import type { ItemStatus } from './status';
import type { ClaimedReminder, MilestoneOwner, Person, Reminder } from './types';

/**
 * The reminder loop, free of Teams and SQL: claim due reminders (a lease, so a crash costs at
 * most one resend, never a lost reminder), decide whether each still matters, pace the sends
 * to Teams' limits, send, and record the outcome. Time comes in as `now`; pacing uses `clock`.
 */

export interface ReminderQueue {
  claim(now: DateTime, limit: number, leaseMs: number): Promise<ClaimedReminder[]>;
  /** False when the lease was lost (another process re-claimed it): nothing is changed then. */
  markSent(claim: ClaimedReminder, sent: { at: DateTime; late: boolean; conversationId: string; activityId: string | undefined }): Promise<boolean>;
  reschedule(claim: ClaimedReminder, at: DateTime, reason: string): Promise<void>;
  finish(claim: ClaimedReminder, status: 'cancelled' | 'failed' | 'retired' | 'expired', reason: string): Promise<void>;
  /** Gives a claimed reminder back without an outcome (the lease is about to run out). */
  release(claim: ClaimedReminder): Promise<void>;
}

/** A conversation the bot can write to: the stored reference is opaque here. */
export interface Destination {
  readonly conversationId: string;
  readonly tenantId: string | undefined;
  readonly reference: Record<string, unknown>;
  readonly active: boolean;
}

export interface Destinations {
  conversation(conversationId: string): Promise<Destination | undefined>;
  /** The person's personal chat with the bot; `tenantId` lets an implementation open one. */
  personalChat(userId: string, tenantId?: string): Promise<Destination | undefined>;
  retire(conversationId: string, reason: string): Promise<void>;
}

export interface DeadlineReminderContent {
  readonly kind: 'deadline';
  readonly inspectionId: string;
  readonly milestoneId: string;
  readonly title: string;
  readonly due: DateTime;
  readonly who: readonly string[];
  readonly owner: MilestoneOwner | undefined;
  readonly status: ItemStatus;
  readonly moved: string | undefined;
}

export interface AdhocReminderContent {
  readonly kind: 'adhoc';
  readonly text: string;
  readonly audience: 'me' | 'us';
  readonly setBy: Person | undefined;
}

export type ReminderContent = DeadlineReminderContent | AdhocReminderContent;

export type ContentResult = { readonly status: 'send'; readonly content: ReminderContent } | { readonly status: 'cancel'; readonly reason: string };

export interface ContentSource {
  contentFor(reminder: Reminder, now: DateTime): Promise<ContentResult>;
}

export interface ReminderMessage {
  readonly reminderId: string;
  /** When it was meant to go. */
  readonly scheduledFor: DateTime;
  readonly now: DateTime;
  /** It went later than planned (the bot was offline): the card says so. */
  readonly late: boolean;
  readonly content: ReminderContent;
}

export interface ReminderSender {
  /** Never throws: failures come back as an outcome for the retry policy. */
  send(destination: Destination, message: ReminderMessage): Promise<SendOutcome>;
}

export interface Clock {
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface DispatcherOptions {
  readonly batchSize: number;
  readonly leaseMs: number;
  /** Sent more than this after its time counts as late. */
  readonly lateAfterMs: number;
  /** Sends in flight at once (across conversations; each conversation is still paced). */
  readonly concurrency: number;
  /** A safety stop for one run. */
  readonly maxBatches: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = Object.freeze({
  batchSize: 100,
  leaseMs: 60_000,
  lateAfterMs: 2 * 60_000,
  concurrency: 16,
  maxBatches: 1_000,
});

export interface DispatcherDeps {
  readonly queue: ReminderQueue;
  readonly destinations: Destinations;
  readonly content: ContentSource;
  readonly sender: ReminderSender;
  readonly limiter: RateLimiter;
  readonly policy: RetryPolicy;
  readonly clock: Clock;
  readonly random: () => number;
  readonly logger: Logger;
  readonly options?: Partial<DispatcherOptions>;
}

export interface DispatchReport {
  claimed: number;
  sent: number;
  late: number;
  retried: number;
  failed: number;
  retired: number;
  expired: number;
  cancelled: number;
  released: number;
  errors: number;
}

export function emptyReport(): DispatchReport {
  return { claimed: 0, sent: 0, late: 0, retried: 0, failed: 0, retired: 0, expired: 0, cancelled: 0, released: 0, errors: 0 };
}

export class Dispatcher {
  private readonly options: DispatcherOptions;
  private readonly destinations = new Map<string, Promise<Destination | undefined>>();

  constructor(private readonly deps: DispatcherDeps) {
    this.options = { ...DEFAULT_DISPATCHER_OPTIONS, ...deps.options };
  }

  /** Sends everything due at `now`, batch by batch, until nothing due is left. */
  async runOnce(now: DateTime): Promise<DispatchReport> {
    const report = emptyReport();
    // Within one run a conversation is looked up once (a backlog often has many for one chat).
    this.destinations.clear();
    for (let batch = 0; batch < this.options.maxBatches; batch++) {
      const claimed = await this.deps.queue.claim(now, this.options.batchSize, this.options.leaseMs);
      if (claimed.length === 0) break;
      report.claimed += claimed.length;
      const claimedAtMs = this.deps.clock.nowMs();
      await this.pool(claimed, (c) => this.handle(c, now, claimedAtMs, report));
      if (claimed.length < this.options.batchSize) break;
    }
    this.deps.limiter.prune(this.deps.clock.nowMs());
    if (report.claimed > 0) this.deps.logger.info('reminders.dispatched', { ...report });
    return report;
  }

  private async pool(items: readonly ClaimedReminder[], work: (c: ClaimedReminder) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const item = items[next++];
        if (item) await work(item);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, items.length) }, worker));
  }

  private destination(r: Reminder): Promise<Destination | undefined> {
    const key = r.target.kind === 'conversation' ? `c:${r.target.conversationId}` : `u:${r.target.userId}`;
    let found = this.destinations.get(key);
    if (!found) {
      found =
        r.target.kind === 'conversation'
          ? this.deps.destinations.conversation(r.target.conversationId)
          : this.deps.destinations.personalChat(r.target.userId, r.tenantId);
      this.destinations.set(key, found);
      found.catch(() => this.destinations.delete(key));
    }
    return found;
  }

  private async handle(claim: ClaimedReminder, now: DateTime, claimedAtMs: number, report: DispatchReport): Promise<void> {
    const { queue, logger } = this.deps;
    const r = claim.reminder;
    try {
      // Past half the lease another process may soon take it over: give it back untouched.
      if (this.deps.clock.nowMs() - claimedAtMs > this.options.leaseMs / 2) {
        await queue.release(claim);
        report.released++;
        return;
      }
      if (r.subject.kind === 'deadline' && r.subject.deadlineAt.toMillis() <= now.toMillis()) {
        await queue.finish(claim, 'expired', 'the deadline passed before it could be sent');
        report.expired++;
        return;
      }
      const content = await this.deps.content.contentFor(r, now);
      if (content.status === 'cancel') {
        await queue.finish(claim, 'cancelled', content.reason);
        report.cancelled++;
        return;
      }
      const destination = await this.destination(r);
      if (!destination) {
        const why = r.target.kind === 'user' ? 'no personal chat with this person' : 'unknown conversation';
        await queue.finish(claim, r.target.kind === 'user' ? 'cancelled' : 'failed', why);
        if (r.target.kind === 'user') report.cancelled++;
        else report.failed++;
        return;
      }
      if (!destination.active) {
        await queue.finish(claim, 'retired', 'the bot was removed from that conversation');
        report.retired++;
        return;
      }

      const late = now.toMillis() - r.dueAt.toMillis() > this.options.lateAfterMs;
      const slot = this.deps.limiter.reserve(destination.conversationId, destination.tenantId ?? r.tenantId, this.deps.clock.nowMs());
      const wait = slot - this.deps.clock.nowMs();
      if (wait > 0) await this.deps.clock.sleep(wait);

      const outcome = await this.deps.sender.send(destination, { reminderId: r.id, scheduledFor: r.dueAt, now, late, content: content.content });
      const decision = decide(outcome, r.attempts, this.deps.policy, this.deps.random());
      switch (decision.action) {
        case 'done': {
          const marked = await queue.markSent(claim, {
            at: now,
            late,
            conversationId: destination.conversationId,
            activityId: outcome.status === 'sent' ? outcome.activityId : undefined,
          });
          if (!marked) logger.warn('reminder.lease-lost', { kind: r.subject.kind });
          report.sent++;
          if (late) report.late++;
          return;
        }
        case 'retry':
          await queue.reschedule(claim, now.plus({ milliseconds: decision.delayMs }), decision.reason);
          logger.info('reminder.retry', { reason: decision.reason, attempt: r.attempts, delayMs: decision.delayMs });
          report.retried++;
          return;
        case 'retire':
          await this.deps.destinations.retire(destination.conversationId, `proactive send: ${decision.reason}`);
          this.destinations.clear();
          await queue.finish(claim, 'retired', decision.reason);
          logger.info('conversation.retired', { reason: decision.reason });
          report.retired++;
          return;
        case 'give-up':
          await queue.finish(claim, 'failed', decision.reason);
          logger.warn('reminder.failed', { reason: decision.reason, attempt: r.attempts });
          report.failed++;
          return;
      }
    } catch (err) {
      // Left claimed: when the lease runs out it is claimed again, so nothing is lost.
      report.errors++;
      logger.error('reminder.error', { error: err instanceof Error ? err.name : 'unknown', code: errorCode(err) });
    }
  }
}

/** A database or network error code ("40001", "ECONNRESET"), never a message that could hold text. */
function errorCode(err: unknown): string | undefined {
  const code = err && typeof err === 'object' && 'code' in err ? (err as { code: unknown }).code : undefined;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}
