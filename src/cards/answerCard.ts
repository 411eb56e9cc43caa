import { z } from 'zod';
import { type AnswerView, sourceText } from '../guidance/view';
import { type CardAttachment, renderCard } from './render';

const text = z.string().max(8000);
export const AnswerCardData = z
  .object({
    heading: z.string().min(1).max(300),
    edition: z.string().max(200),
    paragraphs: z.array(text).max(40),
    differences: z.array(text).max(10),
    sources: z.array(z.string().max(500)).max(10),
    followUps: z.array(z.object({ label: z.string().min(1).max(120), question: z.string().min(1).max(500), recordId: z.string().max(100) })).max(5),
  })
  .strict();

/** Button titles are short in Teams; the full title is still what the button asks. */
function shorten(label: string): string {
  return label.length <= 60 ? label : `${label.slice(0, 57).trimEnd()}...`;
}

/** `withFollowUps: false` where the card is posted into a chat the bot may not be in (message extension). */
export function answerCard(view: AnswerView, options: { withFollowUps: boolean } = { withFollowUps: true }): CardAttachment {
  return renderCard('answer', AnswerCardData, {
    heading: view.heading,
    edition: view.edition,
    paragraphs: view.paragraphs,
    differences: view.differences,
    sources: view.sources.map(sourceText),
    followUps: options.withFollowUps ? view.followUps.map((f) => ({ label: shorten(f.label), question: f.question, recordId: f.recordId ?? '' })) : [],
  });
}
