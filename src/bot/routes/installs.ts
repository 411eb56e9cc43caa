import { MessageFactory } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { welcomeCard } from '../../cards/welcomeCard';
import { COMMANDS } from '../commands';
import type { BotDeps } from '../deps';

/** Welcome on install; stop writing to conversations the bot has been removed from. */
export function registerInstallRoutes(app: Application<TurnState>, deps: BotDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient.id;
    const added = context.activity.membersAdded ?? [];
    const personal = context.activity.conversation.conversationType === 'personal';
    // In a personal chat the user is added; in a team or group chat, the bot itself.
    if (added.some((m) => m.id === botId) || (personal && added.length > 0)) {
      await context.sendActivity(MessageFactory.attachment(welcomeCard(COMMANDS, { greeting: true })));
    }
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const botId = context.activity.recipient.id;
    if ((context.activity.membersRemoved ?? []).some((m) => m.id === botId)) {
      await deps.conversations.retire(context.activity.conversation.id, 'bot removed');
      deps.logger.info('conversation.retired', { reason: 'bot removed' });
    }
  });

  app.activity('installationUpdate', async (context) => {
    if (context.activity.action === 'remove' || context.activity.action === 'remove-upgrade') {
      await deps.conversations.retire(context.activity.conversation.id, 'app uninstalled');
      deps.logger.info('conversation.retired', { reason: 'app uninstalled' });
    }
  });
}
