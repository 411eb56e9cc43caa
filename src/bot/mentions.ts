import type { TurnContext } from 'botbuilder';

/** In a channel the bot answers only when @mentioned; in chats it answers everything. */
export function isAddressedToBot(context: TurnContext): boolean {
  const activity = context.activity;
  if (activity.conversation?.conversationType !== 'channel') return true;
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
}
