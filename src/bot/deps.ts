import type { DateTime } from 'luxon';
import type { Guidance } from '../guidance';
import type { Logger } from '../log';
import type { ConversationStore } from '../store/conversationStore';

/** What the bot's routes need from the rest of the app; index.ts provides it. */
export interface BotDeps {
  guidance: Guidance;
  conversations: ConversationStore;
  logger: Logger;
  /** The current time, Europe/London; a parameter so tests can fix it. */
  now: () => DateTime;
}
