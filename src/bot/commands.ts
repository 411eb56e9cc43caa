import type { TurnContext } from 'botbuilder';
import type { CommandHelp } from '../cards/welcomeCard';

/**
 * A typed command: given a message's text, the work to do when the text is this command, else
 * undefined. Commands are tried in order inside one message route rather than as a route each,
 * so an ordinary question is not awaited through a dozen route selectors on its way to the answerer.
 */
export type TextCommand = (text: string) => ((context: TurnContext) => Promise<void>) | undefined;

/** What the help card lists: questions go to the answerer, each typed command is a TextCommand in routes/. */
export const COMMANDS: CommandHelp[] = [
  { name: 'any question', description: 'Ask about the JTAI process, criteria, Annex A lists and deadlines, e.g. "when is the draft report?"' },
  { name: 'timeline DATE [2018]', description: 'The inspection timetable for a notification date, e.g. "timeline 1 June 2026" (add 2018 for the 2016-18 programme)' },
  { name: 'set inspection DATE [2018]', description: 'Make it this team\'s live inspection: timetable with status, owners and deadline reminders' },
  { name: 'deadlines', description: 'The live inspection\'s timetable: what is due, overdue and done, with Mark done buttons and a calendar file' },
  { name: 'assign ITEM to AGENCY and @person', description: 'Give a return an owner, e.g. "assign key documents to police and me"' },
  { name: 'reminders TIMES', description: 'When deadline reminders go, e.g. "reminders 09:00 the working day before and 2 hours before", or "reminders off"' },
  { name: 'remind me|us ...', description: 'An ad hoc reminder, e.g. "remind me in 20 minutes to call the LADO", "remind us on Friday at 10 to check the evaluations"' },
  { name: 'my reminders', description: 'Your reminders still to go, with Cancel buttons' },
  { name: 'help', description: 'Show this card' },
];
