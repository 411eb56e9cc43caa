import type { ConversationParameters, TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { z } from 'zod';
import type { Logger } from '../log';
import type { Destination, Destinations } from '../reminders/dispatcher';
import type { ConversationStore } from '../store/conversationStore';
import { referenceFor } from './conversationReferences';
import { statusOf } from './invoke';

export interface ConversationCreator {
  createConversationAsync(
    botAppId: string,
    channelId: string,
    serviceUrl: string,
    audience: string,
    parameters: ConversationParameters,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

const SeedReference = z
  .object({
    serviceUrl: z.string().url(),
    channelId: z.string().min(1),
    bot: z.object({ id: z.string().min(1), name: z.string().optional() }),
  })
  .passthrough();

/**
 * An owner assigned by @mention, or a coordinator who set the inspection in a channel, may never
 * have opened a personal chat with the bot. Teams lets a bot start one with a member of a team
 * (or anyone who has the app) in the same tenant: this opens it, stores its reference like any
 * other, and from then on it is just a stored personal chat. When Teams refuses (the app is not
 * available to that person), there is no personal chat, as before.
 */
export class PersonalChatOpener implements Destinations {
  /** People Teams would not open a chat with in this process: asked again after a restart. */
  private readonly refused = new Set<string>();

  constructor(
    private readonly stored: Destinations,
    private readonly conversations: Pick<ConversationStore, 'latestInTenant' | 'save'>,
    private readonly adapter: ConversationCreator,
    private readonly appId: string,
    private readonly logger: Logger,
  ) {}

  conversation(conversationId: string): Promise<Destination | undefined> {
    return this.stored.conversation(conversationId);
  }

  retire(conversationId: string, reason: string): Promise<void> {
    return this.stored.retire(conversationId, reason);
  }

  async personalChat(userId: string, tenantId?: string): Promise<Destination | undefined> {
    const known = await this.stored.personalChat(userId, tenantId);
    if (known || tenantId === undefined || this.refused.has(`${tenantId}|${userId}`)) return known;
    const seed = SeedReference.safeParse((await this.conversations.latestInTenant(tenantId))?.reference);
    if (!seed.success) return undefined;
    const { serviceUrl, channelId, bot } = seed.data;
    const parameters: ConversationParameters = {
      isGroup: false,
      bot: { id: bot.id, name: bot.name ?? '' },
      // A Teams user id ("29:...") or an Entra object id: Teams takes either.
      members: [{ id: userId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    };
    let reference: Record<string, unknown> | undefined;
    try {
      await this.adapter.createConversationAsync(
        this.appId,
        channelId,
        serviceUrl,
        AuthenticationConstants.ToChannelFromBotOAuthScope,
        parameters,
        async (context) => {
          reference = referenceFor(context.activity);
        },
      );
    } catch (err) {
      this.refused.add(`${tenantId}|${userId}`);
      this.logger.info('personal-chat.not-opened', { status: statusOf(err) });
      return undefined;
    }
    const conversationId = (reference?.conversation as { id?: unknown } | undefined)?.id;
    if (!reference || typeof conversationId !== 'string' || conversationId === '') return undefined;
    reference.conversation = { ...(reference.conversation as object), conversationType: 'personal', tenantId };
    await this.conversations.save({ conversationId, conversationType: 'personal', tenantId, userId, reference });
    this.logger.info('personal-chat.opened', {});
    return { conversationId, tenantId, reference, active: true };
  }
}
