import { z } from 'zod';
import { alsoHeading, type AnswerView, sourceText } from '../guidance/view';
import { type CardAttachment, renderCard } from './render';

const text = z.string().max(8000);
export const AnswerCardData = z
  .object({
    heading: z.string().min(1).max(300),
    edition: z.string().max(200),
    paragraphs: z.array(text).max(40),
    differences: z.array(text).max(10),
    sources: z.array(z.string().max(500)).max(10),
    /** The second part of a two-part answer, shown after the first with its own sources; empty when there is none. */
    alsoHeading: z.string().max(320).default(''),
    alsoEdition: z.string().max(200).default(''),
    alsoParagraphs: z.array(text).max(40).default([]),
    alsoDifferences: z.array(text).max(10).default([]),
    alsoSources: z.array(z.string().max(500)).max(10).default([]),
    /** What to do about the part of a two-part question the guidance cannot answer; empty when there is none. */
    notCovered: z.string().max(1000).default(''),
    followUps: z.array(z.object({ label: z.string().min(1).max(120), question: z.string().min(1).max(500), recordId: z.string().max(100) })).max(5),
  })
  .strict();

/**
 * Teams clips button titles at about 48 characters; the full title is still what the button asks.
 * Three dots rather than the ellipsis character: the guidance text is all Latin-1, and one
 * character beyond it makes every reply carrying the card a two-byte string to serialise.
 */
const BUTTON_LABEL = 45;
function shorten(label: string): string {
  if (label.length <= BUTTON_LABEL) return label;
  const cut = label.slice(0, BUTTON_LABEL - 3);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), BUTTON_LABEL - 14)).trimEnd()}...`;
}

/** `withFollowUps: false` where the card is posted into a chat the bot may not be in (message extension). */
export function answerCard(view: AnswerView, options: { withFollowUps: boolean } = { withFollowUps: true }): CardAttachment {
  return renderCard('answer', AnswerCardData, {
    heading: view.heading,
    edition: view.edition,
    paragraphs: view.paragraphs,
    differences: view.differences,
    sources: view.sources.map(sourceText),
    alsoHeading: view.also ? alsoHeading(view.also) : '',
    alsoEdition: view.also?.edition ?? '',
    alsoParagraphs: view.also?.paragraphs ?? [],
    alsoDifferences: view.also?.differences ?? [],
    alsoSources: view.also?.sources.map(sourceText) ?? [],
    notCovered: view.notCovered ?? '',
    followUps: options.withFollowUps ? view.followUps.map((f) => ({ label: shorten(f.label), question: f.question, recordId: f.recordId ?? '' })) : [],
  });
}
