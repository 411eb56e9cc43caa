import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';
import type { Logger } from '../log';

/**
 * The Bot Framework adapter. Without an app id it runs unauthenticated, as the Agents
 * Playground needs locally; with one it validates incoming tokens and signs outgoing calls.
 */
export function createAdapter(config: Config, logger: Logger): TeamsAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  });
  const adapter = new TeamsAdapter({}, credentials);
  adapter.onTurnError = (context, error) => onTurnError(context, error, logger);
  return adapter;
}

/** The one error boundary: log what happened (never the message text) and answer politely. */
export async function onTurnError(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  logger.error('turn.failed', {
    error: error.name,
    reason: error.message.slice(0, 200),
    activityType: context.activity.type,
    conversationType: context.activity.conversation?.conversationType,
  });
  try {
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on my side and I could not finish that. Please try again in a moment.');
    }
  } catch {
    // The conversation may be gone; the failure is already logged.
  }
}
