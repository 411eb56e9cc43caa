import { z } from 'zod';
import { EXAMPLE_QUESTIONS } from '../guidance/view';
import { type CardAttachment, renderCard } from './render';

export const WelcomeCardData = z
  .object({
    heading: z.string().min(1),
    paragraphs: z.array(z.string()),
    commands: z.array(z.object({ name: z.string().min(1), description: z.string().min(1) })),
    privacy: z.string(),
    examples: z.array(z.string().min(1)).max(5),
  })
  .strict();

export interface CommandHelp {
  name: string;
  description: string;
}

/** The welcome card on install and the answer to `help`; the command list comes from the bot's routes. */
export function welcomeCard(commands: CommandHelp[], options: { greeting: boolean }): CardAttachment {
  return renderCard('welcome', WelcomeCardData, {
    heading: options.greeting ? 'Hello, I am the JTAI assistant' : 'What I can do',
    paragraphs: [
      'I help your partnership through a joint targeted area inspection (JTAI) on children living with domestic abuse.',
      'Ask me anything about the inspection process, the evaluation criteria, the information inspectors ask for and when it is due. I answer from the inspection guidance and say where each answer comes from.',
      'Coordinators: tell me the date you were notified ("set inspection 1 June 2026") and I work out the timetable in working days, remind each return\'s owner before its deadline, and keep track of what is done for everyone in the team.',
      'In a channel, @mention me. In a chat, just type.',
    ],
    commands,
    privacy: 'Please do not type children\'s names or dates of birth: refer to a child only by your local authority\'s unique ID.',
    examples: EXAMPLE_QUESTIONS.slice(0, 4),
  });
}
