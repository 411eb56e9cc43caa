import type { DateTime } from 'luxon';
import type { Guidance } from '../guidance';
import type { Logger } from '../log';
import type { Destinations } from '../reminders/dispatcher';
import type { InspectionService } from '../reminders/service';
import type { ConversationStore } from '../store/conversationStore';
import type { ProactiveSender } from './proactive';

/** What the bot's routes need from the rest of the app; index.ts provides it. */
export interface BotDeps {
  guidance: Guidance;
  conversations: ConversationStore;
  logger: Logger;
  /** The current time, Europe/London; a parameter so tests can fix it. */
  now: () => DateTime;
  /** The live inspection, its timetable, marks, owners and reminders. */
  inspections: InspectionService;
  /** Where reminders go: stored conversations and personal chats. */
  destinations: Destinations;
  /** Updates cards posted earlier (the timetable card in the channel). */
  proactive: Pick<ProactiveSender, 'updateCard'>;
  /** The bot's public base URL, for links such as the calendar file. */
  publicUrl: string;
  /** The partnership's start of day ("09:00"), assumed when a reminder names only a day. */
  startOfDay: string;
}
