import { Application, type TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { SqlStorage } from '../store/botStateStorage';
import { rememberConversation } from './conversationReferences';
import type { BotDeps } from './deps';
import { helpCommand, registerGuidanceRoutes, registerMessageRoute } from './routes/guidance';
import { inspectionCommands, registerInspectionRoutes } from './routes/inspection';
import { registerInstallRoutes } from './routes/installs';
import { registerMessageExtension } from './routes/messageExtension';
import { registerReminderRoutes, reminderCommands } from './routes/reminders';

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
  registerInspectionRoutes(app, deps);
  registerReminderRoutes(app, deps);
  // Last, for any message the card actions did not take: commands match precisely, questions fall through.
  registerMessageRoute(app, deps, [helpCommand, ...inspectionCommands(deps), ...reminderCommands(deps)]);
  return app;
}
