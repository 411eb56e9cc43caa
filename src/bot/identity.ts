import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Actor } from '../reminders/service';
import type { Person } from '../reminders/types';

/**
 * Who is acting and where, read from the activity Teams sent (never from card data): the
 * person, their tenant, and the partnership key (the team for a channel, else the chat).
 */
const ChannelData = z
  .object({
    tenant: z.object({ id: z.string().min(1).optional() }).passthrough().optional(),
    team: z.object({ id: z.string().min(1).optional() }).passthrough().optional(),
  })
  .passthrough();

export function personFrom(account: { id: string; name?: string; aadObjectId?: string } | undefined): Person {
  const id = account?.id ?? 'unknown';
  return { id: account?.aadObjectId || id, name: (account?.name ?? '').trim().slice(0, 200), teamsId: id };
}

export function actorFrom(context: TurnContext): Actor {
  const a = context.activity;
  const channelData = ChannelData.safeParse(a.channelData ?? {});
  const data = channelData.success ? channelData.data : {};
  const conversationId = a.conversation?.id ?? '';
  return {
    person: personFrom(a.from),
    tenantId: a.conversation?.tenantId ?? data.tenant?.id ?? '',
    // Replies in a channel thread carry ";messageid=..." on the conversation id; the team is the partnership.
    partnershipKey: data.team?.id ?? conversationId.split(';')[0] ?? conversationId,
    conversationId,
    conversationType: a.conversation?.conversationType ?? 'personal',
  };
}

/** People @mentioned in the message (other than the bot), by the text Teams shows for them. */
export function mentionedPeople(context: TurnContext): Array<{ text: string; person: Person }> {
  const botId = context.activity.recipient?.id;
  const Mention = z.object({
    type: z.literal('mention'),
    text: z.string().optional(),
    mentioned: z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() }).passthrough(),
  });
  const people: Array<{ text: string; person: Person }> = [];
  for (const entity of context.activity.entities ?? []) {
    const m = Mention.safeParse(entity);
    if (!m.success || m.data.mentioned.id === botId) continue;
    const mentioned = m.data.mentioned;
    people.push({
      text: m.data.text ?? `<at>${mentioned.name ?? ''}</at>`,
      person: personFrom({ id: mentioned.id, ...(mentioned.name !== undefined ? { name: mentioned.name } : {}), ...(mentioned.aadObjectId !== undefined ? { aadObjectId: mentioned.aadObjectId } : {}) }),
    });
  }
  return people;
}
