import { type ConversationReference, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { CardAttachment } from '../cards/render';
import { reminderCard } from '../cards/reminderCard';
import type { Logger } from '../log';
import type { Destination, ReminderMessage, ReminderSender } from '../reminders/dispatcher';
import { type SendOutcome, parseRetryAfter } from '../reminders/retry';
import { statusOf } from './invoke';

/**
 * Proactive messages over stored conversation references. The Bot Framework client would
 * retry 429/5xx by itself, blocking the sender; its retry policy is removed here so the
 * reminders' own policy (backoff, Retry-After, retire on 403/404, rate limits) decides.
 */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

const StoredReference = z
  .object({
    serviceUrl: z.string().url(),
    channelId: z.string().min(1),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
  })
  .passthrough();

export class ProactiveSender implements ReminderSender {
  constructor(
    private readonly adapter: ProactiveAdapter,
    private readonly appId: string,
    private readonly logger: Logger,
  ) {}

  send(destination: Destination, message: ReminderMessage): Promise<SendOutcome> {
    // A new message, not a reply to whatever activity the stored reference last saw.
    const reference = { ...destination.reference };
    delete reference.activityId;
    return this.deliver(reference, async (context) => {
      const sent = await context.sendActivity(MessageFactory.attachment(reminderCard(message)));
      return sent?.id;
    });
  }

  /** Replaces a card the bot posted earlier (the timetable card after someone marks an item elsewhere). */
  async updateCard(reference: Record<string, unknown>, activityId: string, card: CardAttachment): Promise<SendOutcome> {
    const outcome = await this.deliver(reference, async (context) => {
      await context.updateActivity({ id: activityId, type: 'message', attachments: [card] });
      return activityId;
    });
    if (outcome.status === 'error') this.logger.warn('card.update-failed', { status: outcome.httpStatus, code: outcome.code });
    return outcome;
  }

  private async deliver(stored: Record<string, unknown>, logic: (context: TurnContext) => Promise<string | undefined>): Promise<SendOutcome> {
    const reference = StoredReference.safeParse(stored);
    if (!reference.success) return { status: 'error', httpStatus: 400, retryAfterMs: undefined, code: 'bad-reference' };
    let outcome: SendOutcome = { status: 'error', httpStatus: undefined, retryAfterMs: undefined, code: 'not-run' };
    try {
      // Checked above; the rest of the stored reference is what botbuilder wrote.
      await this.adapter.continueConversationAsync(this.appId, stored as Partial<ConversationReference>, async (context) => {
        withoutSdkRetries(context);
        try {
          outcome = { status: 'sent', activityId: await logic(context) };
        } catch (err) {
          outcome = toOutcome(err);
        }
      });
    } catch (err) {
      outcome = toOutcome(err);
    }
    return outcome;
  }
}

/** The connector's HTTP status and Retry-After, as the retry policy reads them. */
export function toOutcome(err: unknown): SendOutcome {
  const headers = err && typeof err === 'object' && 'response' in err ? (err as { response: unknown }).response : undefined;
  const get = headers && typeof headers === 'object' && 'headers' in headers ? (headers as { headers: unknown }).headers : undefined;
  let retryAfter: string | undefined;
  if (get && typeof get === 'object' && 'get' in get && typeof (get as { get: unknown }).get === 'function') {
    const value: unknown = (get as { get: (name: string) => unknown }).get('retry-after');
    if (typeof value === 'string') retryAfter = value;
  }
  const code = err && typeof err === 'object' && 'code' in err ? (err as { code: unknown }).code : undefined;
  return {
    status: 'error',
    httpStatus: statusOf(err),
    retryAfterMs: parseRetryAfter(retryAfter, Date.now()),
    code: typeof code === 'string' ? code.slice(0, 60) : err instanceof Error ? err.name : 'unknown',
  };
}

interface PipelineOwner {
  client: { pipeline: { removePolicy(options: { phase: string }): unknown } };
}

function isPipelineOwner(x: unknown): x is PipelineOwner {
  if (!x || typeof x !== 'object' || !('client' in x)) return false;
  const client: unknown = (x as { client: unknown }).client;
  if (!client || typeof client !== 'object' || !('pipeline' in client)) return false;
  const pipeline: unknown = (client as { pipeline: unknown }).pipeline;
  return !!pipeline && typeof pipeline === 'object' && 'removePolicy' in pipeline && typeof (pipeline as { removePolicy: unknown }).removePolicy === 'function';
}

function withoutSdkRetries(context: TurnContext): void {
  const client: unknown = context.turnState.get(context.adapter.ConnectorClientKey);
  if (isPipelineOwner(client)) client.client.pipeline.removePolicy({ phase: 'Retry' });
}
