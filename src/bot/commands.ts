import type { CommandHelp } from '../cards/welcomeCard';

/** The commands the help card lists; each is handled by a route in routes/. */
export const COMMANDS: CommandHelp[] = [
  { name: 'any question', description: 'Ask about the JTAI process, criteria, Annex A lists and deadlines, e.g. "when is the draft report?"' },
  { name: 'help', description: 'Show this card' },
];
