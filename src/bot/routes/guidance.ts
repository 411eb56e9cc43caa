import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { answerCard } from '../../cards/answerCard';
import type { CardAttachment } from '../../cards/render';
import type { Answer } from '../../guidance/answerer';
import { welcomeCard } from '../../cards/welcomeCard';
import { answerView } from '../../guidance/view';
import type { BotDeps } from '../deps';
import { onlyCarriesInsertedCard } from '../insertedCards';
import { isAddressedToBot } from '../mentions';
import { COMMANDS, type TextCommand } from '../commands';

const AskSubmit = z.object({
  verb: z.literal('ask'),
  question: z.string().min(1).max(2000),
  recordId: z.string().max(100).optional(),
});

/** Answers are cached and never change, so neither does their card: render each one once. */
const cards = new WeakMap<Answer, { status: string; card: CardAttachment }>();

function cardFor(answer: Answer): { status: string; card: CardAttachment } {
  let rendered = cards.get(answer);
  if (!rendered) {
    const view = answerView(answer);
    // frozen: one cached card is sent many times, so nothing on the way may change it
    rendered = { status: view.status, card: deepFreeze(answerCard(view)) };
    cards.set(answer, rendered);
  }
  return rendered;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export async function replyWithAnswer(context: TurnContext, deps: BotDeps, question: string, recordId?: string): Promise<void> {
  // a button names its record; the card's data is only a hint, so an unknown id falls back to the question
  const answer = (recordId ? deps.guidance.answerer.answerRecord(recordId) : undefined) ?? deps.guidance.answerer.answer(question);
  const { status, card } = cardFor(answer);
  deps.logger.info('question.answered', { status, length: question.length });
  await context.sendActivity(MessageFactory.attachment({ ...card }));
}

const HELP = /^\s*(help|\?|what can you do\??)\s*$/i;

export const helpCommand: TextCommand = (text) => {
  if (!HELP.test(text)) return undefined;
  return async (context) => {
    await context.sendActivity(MessageFactory.attachment(welcomeCard(COMMANDS, { greeting: false })));
  };
};

export function registerGuidanceRoutes(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionSubmit('ask', async (context, _state, data) => {
    const parsed = AskSubmit.safeParse(data);
    if (!parsed.success) {
      await context.sendActivity('Sorry, I could not read that button. Please type your question instead.');
      return;
    }
    await replyWithAnswer(context, deps, parsed.data.question, parsed.data.recordId);
  });
}

/**
 * Every message no card-action route took: the first command its text is, else a question.
 * Registered last. In a channel the bot only acts when @mentioned, commands included.
 */
export function registerMessageRoute(app: Application<TurnState>, deps: BotDeps, commands: readonly TextCommand[]): void {
  app.activity(ActivityTypes.Message, async (context) => {
    if (!isAddressedToBot(context)) return;
    const text = context.activity.text ?? '';
    if (text) {
      for (const command of commands) {
        const run = command(text);
        if (run) return run(context);
      }
    }
    if (onlyCarriesInsertedCard(context.activity)) return;
    if (context.activity.value !== undefined && !text) {
      await context.sendActivity('Sorry, I could not read that button. Please type your question instead.');
      return;
    }
    await replyWithAnswer(context, deps, text);
  });
}

