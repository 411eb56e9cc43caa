import { CardFactory } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { answerCard } from '../../cards/answerCard';
import type { GuidanceRecord } from '../../guidance/schema';
import { answerView } from '../../guidance/view';
import type { BotDeps } from '../deps';

export const SEARCH_COMMAND = 'searchGuidance';
const QueryParameters = z.object({ query: z.string().max(2000).optional() }).passthrough();

/** The compose-box search: the same answerer and cards, inserted into any chat. */
export function registerMessageExtension(app: Application<TurnState>, deps: BotDeps): void {
  app.messageExtensions.query(SEARCH_COMMAND, async (_context, _state, query) => {
    const params = QueryParameters.safeParse(query.parameters ?? {});
    const text = params.success ? (params.data.query ?? '').trim() : '';
    if (text === '') return { type: 'message', text: 'Type a question about the JTAI, for example "draft report" or "ESN 28".' };
    const answer = deps.guidance.answerer.answer(text);
    const records: GuidanceRecord[] =
      answer.status === 'answered' ? [answer.record, ...answer.related] : answer.status === 'ambiguous' ? answer.choices : [];
    if (records.length === 0) return { type: 'message', text: answerView(answer).paragraphs[0] ?? 'Nothing found in the guidance.' };
    deps.logger.info('search.answered', { results: records.length });
    return {
      type: 'result',
      attachmentLayout: 'list',
      attachments: records.slice(0, query.count || 5).map((record) => {
        const view = answerView({ status: 'answered', record, related: [], differs: [] });
        return { ...answerCard(view, { withFollowUps: false }), preview: CardFactory.thumbnailCard(record.title, view.paragraphs[0]?.slice(0, 140) ?? '') };
      }),
    };
  });
}
