import { TurnContext } from 'botbuilder';
import type { BotDeps } from './deps';

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
    reference: JSON.parse(JSON.stringify(TurnContext.getConversationReference(a))) as Record<string, unknown>,
  });
}
