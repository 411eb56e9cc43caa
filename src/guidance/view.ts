import type { Answer } from './answerer';
import { EDITION_LABEL, type GuidanceRecord, type Source, WORKING_TOGETHER } from './schema';

/**
 * What a person sees for an answer, in reading order, independent of where it is shown:
 * the card, the command line and the JSON output are all made from this.
 */
export interface FollowUp {
  label: string;
  /** The question the button asks. */
  question: string;
  /** The record it leads to, when it leads to one. */
  recordId?: string;
}

export interface SourceLine {
  title: string;
  seed: string;
  ref: string;
  edition: string;
  publisher: string;
}

export interface AnswerView {
  status: Answer['status'];
  heading: string;
  /** Which edition of the inspection the answer belongs to, when that matters. */
  edition: string;
  paragraphs: string[];
  /** Where another source or edition says something different. */
  differences: string[];
  sources: SourceLine[];
  /** The record answering the other part of a two-part question, shown after the first with its own sources. */
  also?: AnswerPart;
  /** What to do about the part of a two-part question the guidance cannot answer. */
  notCovered?: string;
  followUps: FollowUp[];
}

/** One record's share of an answer: what it says, where the editions differ, and where it comes from. */
export interface AnswerPart {
  heading: string;
  edition: string;
  paragraphs: string[];
  differences: string[];
  sources: SourceLine[];
}

export const EXAMPLE_QUESTIONS = [
  'When is the draft report sent?',
  'What does ESN 28 say?',
  'What are the 3pm lists on day one?',
  'Who is on the inspection team?',
  'What does MARAC stand for?',
];

const COVERS =
  'I answer from the JTAI guidance on children living with domestic abuse: how the inspection works and its timeline, ' +
  'the evaluation criteria (ESN 23-38), the Annex A information requests and their deadlines, the tracking tool, ' +
  'who inspectors meet, acronyms, and the statutory timescales for child protection conferences.';
const LOCAL = 'For local practice and procedures, check your safeguarding partnership procedures or ask your JTAI coordinator.';

function sourceLines(r: GuidanceRecord): SourceLine[] {
  return r.sources.map((s: Source) => ({
    title: r.title,
    seed: s.seed,
    ref: s.ref,
    publisher: s.publisher,
    edition: EDITION_LABEL[r.edition],
  }));
}

export function sourceText(s: SourceLine): string {
  const where = s.seed === WORKING_TOGETHER ? `${s.seed}, ${s.ref}` : `${s.ref} (${s.seed})`;
  return `${s.publisher}, ${where}; edition: ${s.edition}`;
}

/** Splits a record's text into paragraphs; bullet lines stay together as one markdown list. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function followUp(r: GuidanceRecord): FollowUp {
  return { label: r.title, question: r.title, recordId: r.id };
}

function answerPart(r: GuidanceRecord, differs: GuidanceRecord[]): AnswerPart {
  const paragraphs = paragraphsOf(r.text);
  if (r.fields) paragraphs.push(`Fields to include:\n${r.fields.map((f) => `- ${f}`).join('\n')}`);
  if (r.summary) paragraphs.push(`In plain English: ${r.summary}`);
  return {
    heading: r.title,
    edition: r.edition === 'general' ? '' : `Edition: ${EDITION_LABEL[r.edition]}`,
    paragraphs,
    differences: differs.map((d) => `${EDITION_LABEL[d.edition]} (${d.sources[0]?.publisher ?? 'guidance'}): ${d.title}. ${d.text.replace(/\s*\n\s*/g, ' ')}`),
    sources: [r, ...differs].flatMap(sourceLines),
  };
}

export function answerView(answer: Answer): AnswerView {
  switch (answer.status) {
    case 'answered': {
      const view: AnswerView = { status: 'answered', ...answerPart(answer.record, answer.differs), followUps: answer.related.map(followUp) };
      if (answer.also) view.also = answerPart(answer.also.record, answer.also.differs);
      if (answer.notCovered) view.notCovered = notCoveredText(answer.notCovered);
      return view;
    }
    case 'ambiguous':
      return {
        status: 'ambiguous',
        heading: 'Did you mean one of these?',
        edition: '',
        paragraphs: ['Your question matches more than one part of the guidance. Choose one:'],
        differences: [],
        sources: [],
        followUps: answer.choices.map(followUp),
      };
    case 'declined': {
      const first =
        answer.reason === 'empty'
          ? 'Ask me a question about the joint targeted area inspection (JTAI) and I will answer from the inspection guidance.'
          : answer.reason === 'too-long'
            ? 'That message is too long for me to answer. Please ask one question in a sentence or two.'
            : answer.reason === 'out-of-scope'
              ? `I can't answer that from the JTAI inspection guidance. ${answer.detail ?? ''}`.trim()
              : answer.unknownTerms && answer.unknownTerms.length > 0
                ? `I can't answer that from the JTAI inspection guidance: it does not mention ${answer.unknownTerms.map((t) => `"${t}"`).join(', ')}.`
                : "I can't find that in the JTAI inspection guidance, so I won't guess.";
      return {
        status: 'declined',
        heading: answer.reason === 'empty' ? 'Ask me about the JTAI' : 'Not in the inspection guidance',
        edition: '',
        paragraphs: [first, COVERS, LOCAL],
        differences: [],
        sources: [],
        followUps: EXAMPLE_QUESTIONS.slice(0, 3).map((q) => ({ label: q, question: q })),
      };
    }
  }
}

/** The note on the part of a question the guidance cannot answer. */
export function notCoveredText(advice: string): string {
  return `The other part of your question is not in the inspection guidance. ${advice}`;
}

/** The heading the second part of a two-part answer is shown under. */
export function alsoHeading(part: AnswerPart): string {
  return `Also: ${part.heading}`;
}

function partLines(p: AnswerPart, heading: string): string[] {
  const lines = [heading];
  if (p.edition) lines.push(p.edition);
  lines.push('', ...p.paragraphs.flatMap((para) => [para, '']));
  if (p.differences.length > 0) lines.push('Where the sources differ:', ...p.differences.map((d) => `- ${d}`), '');
  for (const s of p.sources) lines.push(`Source: ${sourceText(s)}`);
  return lines;
}

/** All the text the user sees, in reading order, as plain text. */
export function viewToText(v: AnswerView): string {
  const lines = partLines(v, v.heading);
  if (v.also) lines.push('', ...partLines(v.also, alsoHeading(v.also)));
  if (v.notCovered) lines.push('', v.notCovered);
  if (v.followUps.length > 0) {
    lines.push('', v.status === 'answered' ? 'Related:' : v.status === 'ambiguous' ? 'Choices:' : 'Try asking:');
    lines.push(...v.followUps.map((f) => `- ${f.label}`));
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
