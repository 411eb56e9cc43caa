import type { GuidanceRecord } from './schema';
import { editionsCued, isStopWord, stemWord, words } from './text';

const COUNTED = new WeakMap<GuidanceRecord, Set<string>>();
const COUNT_WORD = /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)$/;

/** Stems a record gives a number of: "3 inspectors from CQC", "10 cases", "20 children" (one word may come between), "number of referrals". */
export function countedStems(r: GuidanceRecord): Set<string> {
  const known = COUNTED.get(r);
  if (known) return known;
  const ws = words(r.text);
  const found = new Set<string>();
  ws.forEach((w, i) => {
    // "Number of ICPCs in the last 12 months" gives a number as surely as "3 inspectors"
    const counts = COUNT_WORD.test(w) || (w === 'number' && ws[i + 1] === 'of');
    if (!counts) return;
    for (const next of ws.slice(w === 'number' ? i + 2 : i + 1, w === 'number' ? i + 4 : i + 3)) if (!isStopWord(next) && !/\d/.test(next)) found.add(stemWord(next));
  });
  COUNTED.set(r, found);
  return found;
}

/**
 * Exact look-ups: an ESN number, an Annex A document code, a week or a day of the timeline,
 * an acronym asked about by name. They do not answer on their own; they lift the records they
 * name so that ranked search puts them first when the rest of the question agrees.
 */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};

function toNumber(s: string): number | undefined {
  const n = /^\d+$/.test(s) ? Number(s) : NUMBER_WORDS[s.toLowerCase()];
  return n === undefined || Number.isNaN(n) ? undefined : n;
}

/** The words after "how many": what is counted. */
export const HOW_MANY = /\bhow many\s+((?:[\p{L}\p{N}'-]+\s*){1,3})/iu;

const NUM = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)';
const WEEK = new RegExp(`\\bweeks?\\s*${NUM}\\b`, 'g');
const DAY = new RegExp(`\\bday\\s*${NUM}\\b`, 'g');

/** "ESN 23": the term followed by a number, one pattern per glossary term, built once. */
const NUMBERED = new Map<string, RegExp>();
function numberedAfter(term: string): RegExp {
  let re = NUMBERED.get(term);
  if (!re) {
    re = new RegExp(`\\b${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\s*\\d`);
    NUMBERED.set(term, re);
  }
  return re;
}
const DEFINITION = /\b(stand for|stands for|short for|mean|means|meaning|definition|define|acronym|abbreviation)\b|^\s*(what|who)('s| is| are)\b/i;

/** What exactBoosts looks up in, worked out once per set of records (they never change while the app runs). */
interface Prepared {
  byId: Map<string, GuidanceRecord>;
  /** Records by the numbered paragraphs of the source they come from ("paragraph 8", "paragraphs 6-7"). */
  byParagraph: Map<number, GuidanceRecord[]>;
  /** Glossary records with their term as words joined by spaces. */
  terms: Array<{ record: GuidanceRecord; term: string }>;
}
const PREPARED = new WeakMap<readonly GuidanceRecord[], Prepared>();

function prepared(records: readonly GuidanceRecord[]): Prepared {
  let p = PREPARED.get(records);
  if (!p) {
    const byParagraph = new Map<number, GuidanceRecord[]>();
    for (const r of records) {
      for (const n of paragraphsOf(r)) byParagraph.set(n, [...(byParagraph.get(n) ?? []), r]);
    }
    for (const cited of byParagraph.values()) cited.sort((a, b) => paragraphsOf(a).size - paragraphsOf(b).size);
    p = {
      byId: new Map(records.map((r) => [r.id, r])),
      byParagraph,
      terms: records.flatMap((r) => (r.kind === 'glossary' && r.term ? [{ record: r, term: words(r.term).join(' ') }] : [])),
    };
    PREPARED.set(records, p);
  }
  return p;
}

/** The paragraph numbers a record's sources cite: "paragraph 12, ESN 23", "paragraphs 6-7", "paragraphs 14 and 17". */
function paragraphsOf(r: GuidanceRecord): Set<number> {
  const found = new Set<number>();
  for (const s of r.sources) {
    for (const m of s.ref.matchAll(/\bparagraphs?\s+(\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:\s*(?:,|and)\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?)*)/gi)) {
      for (const item of (m[1] ?? '').split(/\s*(?:,|and)\s*/)) {
        const [from, to = from] = item.split(/\s*[-–]\s*/).map(Number);
        if (from === undefined || to === undefined) continue;
        for (let n = from; n <= to && n - from < 30; n++) found.add(n);
      }
    }
  }
  return found;
}

/** The records that cite paragraph `n` of their source, those citing fewest other paragraphs first. */
export function recordsAtParagraph(records: readonly GuidanceRecord[], n: number): GuidanceRecord[] {
  return prepared(records).byParagraph.get(n) ?? [];
}

/** "para 8", "paragraph 24", "point 12" (the Leeds page's word for paragraph 12). */
export const PARAGRAPH = /\b(?:para(?:graph)?s?|point)\s*(\d{1,2})\b/g;

/** A record containing a quoted passage is "about" it when it is no more than this many times longer than the shortest one. */
const QUOTE_SPECIFIC = 2;

/** A quoted passage: quote marks at word boundaries (an apostrophe inside a word, "children's", is not one). */
const QUOTE = /(?:^|[\s(])['"]([^'"]*?[\p{L}\p{N}][^"]*?)['"](?![\p{L}\p{N}])/gu;

/** The passages a question quotes, as their words joined by spaces, when they have two words or more. */
export function quotedPassages(question: string): string[] {
  if (!/['"]/.test(question)) return [];
  const found: string[] = [];
  for (const m of question.matchAll(QUOTE)) {
    const ws = words(m[1] ?? '');
    if (ws.length >= 2) found.push(` ${ws.join(' ')} `);
  }
  return found;
}

/** Each record's title and text as words joined by spaces, for quoted look-ups, and its length in words. */
const RECORD_WORDS = new WeakMap<readonly GuidanceRecord[], Map<GuidanceRecord, { text: string; length: number }>>();

function recordWords(records: readonly GuidanceRecord[]): Map<GuidanceRecord, { text: string; length: number }> {
  let texts = RECORD_WORDS.get(records);
  if (!texts) {
    texts = new Map(
      records.map((r) => {
        const ws = [...words(r.title), ...words(r.text)];
        return [r, { text: ` ${ws.join(' ')} `, length: ws.length }];
      }),
    );
    RECORD_WORDS.set(records, texts);
  }
  return texts;
}

/**
 * The first two words of every alias phrase (each has two or more): two question words that open
 * none can open no match, so most phrases are never built to be looked up.
 */
const OPENING_PAIRS = new WeakMap<ReadonlyMap<string, string[]>, Set<string>>();

function openingPairs(aliasPhrases: ReadonlyMap<string, string[]>): Set<string> {
  let pairs = OPENING_PAIRS.get(aliasPhrases);
  if (!pairs) {
    pairs = new Set([...aliasPhrases.keys()].map((k) => k.split(' ').slice(0, 2).join(' ')));
    OPENING_PAIRS.set(aliasPhrases, pairs);
  }
  return pairs;
}

export function exactBoosts(question: string, records: readonly GuidanceRecord[], aliasPhrases: ReadonlyMap<string, string[]> = new Map()): Map<string, number> {
  const boosts = new Map<string, number>();
  const lift = (r: GuidanceRecord, factor: number): void => {
    boosts.set(r.id, Math.max(boosts.get(r.id) ?? 1, factor));
  };
  const q = question.toLowerCase();
  const { byId, terms, byParagraph } = prepared(records);
  const opens = openingPairs(aliasPhrases);

  // A record's own name for itself, said word for word ("how many inspectors", "10am call").
  const ws = words(question);
  const defining = DEFINITION.test(question);
  for (let i = 0; i < ws.length; i++) {
    // "what does 'living with domestic abuse' mean": the record that defines the phrase asked about
    if (defining) {
      for (let n = 1; n <= 5 && i + n <= ws.length; n++) {
        for (const id of aliasPhrases.get(`definition of ${ws.slice(i, i + n).join(' ')}`) ?? []) {
          const r = byId.get(id);
          if (r) lift(r, 2.5);
        }
      }
    }
    const whole = opens.has(`${ws[i]} ${ws[i + 1]}`);
    const skipping = opens.has(`${ws[i]} ${ws[i + 2]}`);
    if (!whole && !skipping) continue;
    for (let n = 2; n <= 6 && i + n <= ws.length; n++) {
      // a longer name said whole is the more particular: "meetings in the fieldwork week" over "fieldwork week"
      if (whole) {
        for (const id of aliasPhrases.get(ws.slice(i, i + n).join(' ')) ?? []) {
          const r = byId.get(id);
          if (r) lift(r, 2 + n / 4);
        }
      }
      // ...or with one word put in the middle: "how many CQC inspectors", "the first set up meeting"
      if (i + n >= ws.length) continue;
      for (let skip = i + 1; skip < i + n; skip++) {
        // the phrase opens with the second word unless that is the one left out
        if (!(skip === i + 1 ? skipping : whole)) continue;
        const phrase = [...ws.slice(i, skip), ...ws.slice(skip + 1, i + n + 1)].join(' ');
        for (const id of aliasPhrases.get(phrase) ?? []) {
          const r = byId.get(id);
          if (r) lift(r, 2);
        }
      }
    }
  }

  // "'Is there a plan?'": a quoted passage is looked up word for word; the record about it, not a longer one
  // that repeats it among much else, is lifted most
  const quoted = quotedPassages(question);
  if (quoted.length > 0) {
    const texts = recordWords(records);
    for (const quote of quoted) {
      const having = records.filter((r) => texts.get(r)?.text.includes(quote));
      const shortest = Math.min(...having.map((r) => texts.get(r)?.length ?? Infinity));
      for (const r of having) lift(r, (texts.get(r)?.length ?? Infinity) <= shortest * QUOTE_SPECIFIC ? 3 : 1.5);
    }
  }

  for (const m of q.matchAll(/\besns?\s*0?(\d{1,2})\b/g)) {
    const n = Number(m[1]);
    for (const r of records) {
      if (r.esn === n) lift(r, 4);
      else if (r.esns?.includes(n)) lift(r, 1.5);
    }
  }
  for (const m of q.matchAll(PARAGRAPH)) {
    for (const r of byParagraph.get(Number(m[1])) ?? []) lift(r, 3);
  }
  for (const m of q.matchAll(/(?<![\d.])([1-6]\.[1-9])(?![\d.])/g)) {
    for (const r of records) if (r.code === m[1]) lift(r, 4);
  }
  // "3.x", "the 3s", "3.1-3.9": every item of one agency's section, as the record that lists them all
  for (const m of q.matchAll(/(?<![\d.])([1-6])(?:\.(?:x|\*|s)\b|\.1\s*(?:-|to)\s*\1\.\d\b|s\b)/g)) {
    for (const r of records) if (r.text.includes(`${m[1]}.1 `) && r.text.includes(`${m[1]}.2 `)) lift(r, 4);
  }
  // "how many CQC inspectors": the records that give a number of the thing counted
  const counted = HOW_MANY.exec(question)?.[1];
  if (counted) {
    const nouns = words(counted).filter((w) => !isStopWord(w)).map(stemWord);
    for (const r of records) {
      // a glossary entry says what a term means, not how many there are
      if (r.kind === 'glossary') boosts.set(r.id, Math.min(boosts.get(r.id) ?? 0.1, 0.1));
      else if (nouns.some((n) => countedStems(r).has(n))) boosts.set(r.id, (boosts.get(r.id) ?? 1) * 2);
    }
  }
  for (const m of q.matchAll(WEEK)) {
    const n = toNumber(m[1] ?? '');
    if (n !== undefined) for (const r of records) if (r.weeks?.includes(n)) lift(r, 2);
  }
  for (const m of q.matchAll(DAY)) {
    const n = toNumber(m[1] ?? '');
    if (n === undefined) continue;
    for (const r of records) {
      if (r.due?.rule === 'working-days-after' && r.due.from === 'notification' && r.due.days === n && r.edition === '2018') lift(r, 1.5);
    }
  }
  if (defining) {
    const said = new Set(ws);
    const asked = ` ${ws.join(' ')} `;
    for (const { record, term } of terms) {
      // "what is ESN 23" asks about the numbered item, not what the acronym stands for
      if (numberedAfter(term).test(q)) continue;
      if (said.has(term) || said.has(`${term}s`) || (term.includes(' ') && asked.includes(` ${term} `))) lift(record, 3);
    }
  }
  const cued = editionsCued(q);
  if (/\b(2024|2025|new|newer|latest|current|this round|from september)\b/.test(q) || cued.has('2024')) for (const r of records) if (r.edition === '2024') lift(r, 1.5);
  if (/\b(2016|2017|2018|old|older|earlier|previous|last round|first round)\b/.test(q) || cued.has('2018')) for (const r of records) if (r.edition === '2018') lift(r, 1.5);
  return boosts;
}
