import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { answerCard } from '../../cards/answerCard';
import { welcomeCard } from '../../cards/welcomeCard';
import { answerView } from '../../guidance/view';
import type { BotDeps } from '../deps';
import { isAddressedToBot } from '../mentions';
import { COMMANDS } from '../commands';

const AskSubmit = z.object({ verb: z.literal('ask'), question: z.string().min(1).max(2000) });

export async function replyWithAnswer(context: TurnContext, deps: BotDeps, question: string): Promise<void> {
  const view = answerView(deps.guidance.answerer.answer(question));
  deps.logger.info('question.answered', { status: view.status, length: question.length });
  await context.sendActivity(MessageFactory.attachment(answerCard(view)));
}

export function registerGuidanceRoutes(app: Application<TurnState>, deps: BotDeps): void {
  app.message(/^\s*(help|\?|what can you do\??)\s*$/i, async (context) => {
    if (!isAddressedToBot(context)) return;
    await context.sendActivity(MessageFactory.attachment(welcomeCard(COMMANDS, { greeting: false })));
  });

  app.adaptiveCards.actionSubmit('ask', async (context, _state, data) => {
    const parsed = AskSubmit.safeParse(data);
    if (!parsed.success) {
      await context.sendActivity('Sorry, I could not read that button. Please type your question instead.');
      return;
    }
    await replyWithAnswer(context, deps, parsed.data.question);
  });
}

/** The catch-all: any other message is a question. Registered last, after every command. */
export function registerQuestionRoute(app: Application<TurnState>, deps: BotDeps): void {
  app.activity(ActivityTypes.Message, async (context) => {
    if (!isAddressedToBot(context)) return;
    if (context.activity.value !== undefined && !context.activity.text) {
      await context.sendActivity('Sorry, I could not read that button. Please type your question instead.');
      return;
    }
    await replyWithAnswer(context, deps, context.activity.text ?? '');
  });
}

