import { TurnContext } from 'botbuilder';
import type { BotDeps } from './deps';

/**
 * The reference without the id of the message that happened to arrive last: a proactive message
 * starts a new post, and leaving it out means an unchanged conversation costs no write.
 */
export function referenceFor(activity: TurnContext['activity']): Record<string, unknown> {
  // undefined rather than deleted (JSON leaves both out): deleting a key turns the object into a
  // slow dictionary, and this one is stringified on every turn
  const reference: Record<string, unknown> = TurnContext.getConversationReference(activity);
  reference.activityId = undefined;
  return reference;
}

/** Keeps the stored reference for this conversation fresh, so later proactive messages reach it. */
export async function rememberConversation(context: TurnContext, deps: Pick<BotDeps, 'conversations'>): Promise<void> {
  const a = context.activity;
  if (!a.conversation?.id || !a.serviceUrl) return;
  const conversationType = a.conversation.conversationType ?? 'personal';
  await deps.conversations.save({
    conversationId: a.conversation.id,
    conversationType,
    tenantId: a.conversation.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
    userId: conversationType === 'personal' ? (a.from?.aadObjectId ?? a.from?.id) : undefined,
    reference: referenceFor(a),
  });
}
