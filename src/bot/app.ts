import { Application, type TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { SqlStorage } from '../store/botStateStorage';
import { rememberConversation } from './conversationReferences';
import type { BotDeps } from './deps';
import { registerGuidanceRoutes, registerQuestionRoute } from './routes/guidance';
import { registerInspectionRoutes } from './routes/inspection';
import { registerInstallRoutes } from './routes/installs';
import { registerMessageExtension } from './routes/messageExtension';
import { registerReminderRoutes } from './routes/reminders';

export interface BotOptions {
  adapter: TeamsAdapter;
  storage: SqlStorage;
  botAppId: string | undefined;
}

/** Builds the Teams application: routes only, each delegating to the domain through `deps`. */
export function createBotApp(deps: BotDeps, options: BotOptions): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter: options.adapter,
    storage: options.storage,
    ...(options.botAppId ? { botAppId: options.botAppId } : {}),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    turnStateFactory: () => new TurnState(),
  });

  app.turn('beforeTurn', async (context) => {
    await rememberConversation(context, deps);
    return true;
  });

  registerInstallRoutes(app, deps);
  registerMessageExtension(app, deps);
  registerGuidanceRoutes(app, deps);
  // Commands before the catch-all question route: they match precisely, questions fall through.
  registerInspectionRoutes(app, deps);
  registerReminderRoutes(app, deps);
  registerQuestionRoute(app, deps);
  return app;
}
