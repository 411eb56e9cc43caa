import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { CardAttachment } from '../cards/render';
import type { Logger } from '../log';

/**
 * Answers to Action.Execute (Universal Actions). The returned card replaces the one clicked for
 * the person who clicked; `updateForEveryone` also replaces the message itself, so everyone in
 * the conversation sees the new state.
 */
export async function respondToInvoke(context: TurnContext, result: CardAttachment | string): Promise<void> {
  const body =
    typeof result === 'string'
      ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result }
      : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.content };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** True when Teams asked for the card because someone looked at it (refresh), not a click. */
export function isAutomaticRefresh(context: TurnContext): boolean {
  const value: unknown = context.activity.value;
  return !!value && typeof value === 'object' && 'trigger' in value && (value as { trigger: unknown }).trigger === 'automatic';
}

export async function updateForEveryone(context: TurnContext, card: CardAttachment, logger: Logger): Promise<void> {
  const id = context.activity.replyToId;
  if (!id || isAutomaticRefresh(context)) return;
  try {
    await context.updateActivity({ id, type: ActivityTypes.Message, attachments: [card] });
  } catch (err) {
    logger.warn('card.update-failed', { error: err instanceof Error ? err.name : 'unknown', status: statusOf(err) });
  }
}

export function statusOf(err: unknown): number | undefined {
  const status = err && typeof err === 'object' && 'statusCode' in err ? (err as { statusCode: unknown }).statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
}
