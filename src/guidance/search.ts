import MiniSearch, { type Query } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { type GuidanceRecord, WORKING_TOGETHER } from './schema';
import type { Thesaurus } from './synonyms';
import { isStopWord, SPOKEN_TOTAL, spokenFrequency, spokenStemFrequency, stemWord, words } from './text';

/**
 * Ranked full-text search over the records: fielded BM25 (MiniSearch) on stemmed words, with
 * field boosts, fuzzy matching for typos and query expansion from the thesaurus.
 */
export interface SearchHit {
  record: GuidanceRecord;
  score: number;
}

/** Everyday words (SUBTLEX count) at or above this are never treated as typos. */
const COMMON_WORD = 50;
/** A phrase in this share of records or more is common enough: its synonyms add only noise. */
const COMMON_PHRASE = 0.2;
/** What a synonym phrase found in a record is worth against a word the person typed. */
const SYNONYM_WEIGHT = 0.6;

const FIELD_BOOST = { title: 3, aliases: 3, term: 4, keywords: 2, text: 1, summary: 1, extra: 1 } as const;
type Field = keyof typeof FIELD_BOOST;
const FIELDS = Object.keys(FIELD_BOOST) as Field[];

/** Words a record is known by beyond its text: its kind, numbers and codes in the forms people type them. */
function extraTerms(r: GuidanceRecord): string {
  const parts: string[] = [];
  if (r.esn !== undefined) parts.push(`esn ${r.esn} criterion criteria evaluation`);
  if (r.esns) parts.push(r.esns.map((n) => `esn ${n}`).join(' '), 'tracking tool question');
  if (r.code) parts.push(`${r.code} document request annex`);
  if (r.weeks) parts.push(r.weeks.map((w) => `week ${w}`).join(' '), 'timeline');
  if (r.fields) parts.push(r.fields.join(' '), 'list fields annex');
  // "what period does the referrals list cover": a list's months before the inspection are its look-back
  if (r.fields && /\bmonths? before\b/.test(r.text)) parts.push('lookback');
  if (r.nominal) parts.push(r.nominal, 'deadline due');
  if (r.who) parts.push(r.who.join(' '));
  // "the NY guidance", "the Leeds page", "Working Together": people name the source they read
  parts.push(...r.sources.map((s) => `${s.publisher} ${s.seed === WORKING_TOGETHER ? s.seed : ''}`));
  // "what does the footnote say about...": the records that carry one of the 2018 guidance's footnotes
  if (r.sources.some((s) => /\bfootnotes?\b/i.test(s.ref))) parts.push('footnote');
  return parts.join(' ');
}

export function tokenize(text: string): string[] {
  return [...words(text)];
}

export function processTerm(term: string): string | null {
  return isStopWord(term) ? null : stemWord(term);
}

export class GuidanceIndex {
  private readonly index: MiniSearch<{ id: string } & Record<Field, string>>;
  /** Every stem each record contains, for coverage checks. */
  readonly stemsOf: Map<string, Set<string>>;
  /** In how many records each stem appears. */
  readonly documentFrequency: Map<string, number>;
  readonly size: number;
  /** How often each stem occurs in all the records, and in total: the guidance's own word frequencies. */
  private readonly stemCount = new Map<string, number>();
  private totalStems = 0;
  /** The stems as a radix tree, for fast fuzzy look-up of typos. */
  private readonly vocabulary = new SearchableMap<true>();
  private readonly nearestCache = new Map<string, string>();

  constructor(
    readonly records: readonly GuidanceRecord[],
    private readonly thesaurus: Thesaurus,
  ) {
    this.ordinal = new Map(records.map((r, i) => [r.id, i]));
    this.totalScore = new Float64Array(records.length);
    this.totalMask = new Int32Array(records.length);
    this.stamp = new Uint32Array(records.length);
    this.index = new MiniSearch({ fields: FIELDS, storeFields: [], tokenize, processTerm, searchOptions: { tokenize, processTerm } });
    const docs = records.map((r) => ({
      id: r.id,
      title: r.title,
      aliases: r.aliases.join(' ; '),
      term: r.term ?? '',
      keywords: r.keywords.join(' ; '),
      text: r.text,
      summary: r.summary ?? '',
      extra: extraTerms(r),
    }));
    this.index.addAll(docs);
    this.stemsOf = new Map();
    this.documentFrequency = new Map();
    for (const d of docs) {
      const all = (['title', 'text', 'summary'] as const).flatMap((f) => tokenize(d[f]).map(processTerm).filter((t): t is string => t !== null));
      for (const st of all) this.stemCount.set(st, (this.stemCount.get(st) ?? 0) + 1);
      this.totalStems += all.length;
      const stems = new Set(FIELDS.flatMap((f) => tokenize(d[f]).map(processTerm).filter((t): t is string => t !== null)));
      this.stemsOf.set(d.id, stems);
      for (const s of stems) this.documentFrequency.set(s, (this.documentFrequency.get(s) ?? 0) + 1);
    }
    this.size = records.length;
    for (const st of this.documentFrequency.keys()) this.vocabulary.set(st, true);
  }

  /** How much a stem tells records apart: rare stems weigh more. Unknown stems weigh like the rarest. */
  idf(stem: string): number {
    const df = this.documentFrequency.get(stem) ?? 1;
    return Math.log(1 + this.size / df);
  }

  /**
   * How much more often the guidance uses a stem than everyday English does: "fieldwork",
   * "police" and "children" are the guidance's words; "good", "place" and "office" are anyone's.
   */
  keyness(stem: string): number {
    if (/\d/.test(stem)) return Infinity;
    const here = (this.stemCount.get(stem) ?? 0) / Math.max(1, this.totalStems);
    const everyday = (spokenStemFrequency(stem) + 1) / SPOKEN_TOTAL;
    return here / everyday;
  }

  has(stem: string): boolean {
    return this.documentFrequency.has(stem);
  }

  /** The closest stem in the vocabulary within a small edit distance (typos), if any. */
  nearest(stem: string, word: string = stem): string | undefined {
    // Only unusual words are taken for typos: "book" is a word in its own right, not "look" misspelt.
    if (stem.length < 5 || /\d/.test(stem) || spokenFrequency(word) >= COMMON_WORD) return undefined;
    const cached = this.nearestCache.get(stem);
    if (cached !== undefined) return cached || undefined;
    let best: string | undefined;
    let bestDistance = Infinity;
    const allowed = stem.length >= 7 ? 2 : 1;
    // the radix tree finds candidates fast; the distance that counts a swapped pair of letters as one typo picks among them
    for (const known of this.vocabulary.fuzzyGet(stem, 2).keys()) {
      const distance = typoDistance(stem, known);
      if (distance > allowed) continue;
      // ties go to the stem more records use: the likelier word
      if (distance < bestDistance || (distance === bestDistance && (this.documentFrequency.get(known) ?? 0) > (this.documentFrequency.get(best ?? '') ?? 0))) {
        best = known;
        bestDistance = distance;
      }
    }
    if (this.nearestCache.size > 10_000) this.nearestCache.clear();
    this.nearestCache.set(stem, best ?? '');
    return best;
  }

  /**
   * The guidance's stem a word is derived from, when the word itself is not used: "reduction" from
   * "reduce", "safeguarder" from "safeguard". The known stem must be at least five letters and the
   * word at most three letters longer.
   */
  derivedFrom(stem: string): string | undefined {
    if (/\d/.test(stem)) return undefined;
    for (let n = stem.length - 1; n >= Math.max(5, stem.length - 3); n--) {
      const prefix = stem.slice(0, n);
      if (this.documentFrequency.has(prefix)) return prefix;
    }
    return undefined;
  }

  private readonly commonPhrases = new Map<string, boolean>();

  /** Whether every content stem of the phrase is in a large share of the records. */
  private isCommonPhrase(phrase: string): boolean {
    let common = this.commonPhrases.get(phrase);
    if (common === undefined) {
      const stems = words(phrase).filter((w) => !isStopWord(w)).map(stemWord);
      common = stems.length > 0 && stems.every((st) => (this.documentFrequency.get(st) ?? 0) >= this.size * COMMON_PHRASE);
      this.commonPhrases.set(phrase, common);
    }
    return common;
  }

  /**
   * What one part of a query (a typed word, with its typo matches, or a whole synonym phrase)
   * scores in each record, before any boost. The index never changes, and questions share most
   * of their words, so each part is scored once. Cleared when it grows past a bound.
   */
  private readonly partCache = new Map<string, readonly PartScore[]>();

  private part(key: string, query: Query): readonly PartScore[] {
    let scores = this.partCache.get(key);
    if (!scores) {
      const found: PartScore[] = [];
      for (const r of this.index.search(query, { boost: { ...FIELD_BOOST } })) {
        const ordinal = this.ordinal.get(String(r.id));
        if (ordinal === undefined) continue;
        // MiniSearch multiplies by the number of query terms matched: undone here, redone over the whole query
        const terms = r.queryTerms;
        found.push({ ordinal, score: r.score / Math.max(1, terms.length), terms });
      }
      if (this.partCache.size >= 5_000) this.partCache.clear();
      this.partCache.set(key, found);
      scores = found;
    }
    return scores;
  }

  /**
   * Each record's running total while one question is searched, by the record's place in
   * `records`. Reused from question to question rather than a map of new objects for each:
   * that garbage is what made an occasional answer wait for the collector. `stamp` says which
   * search last touched a record, so nothing has to be cleared between searches.
   */
  private readonly ordinal: Map<string, number>;
  private readonly totalScore: Float64Array;
  private readonly totalMask: Int32Array;
  private readonly stamp: Uint32Array;
  private searches = 0;

  search(question: string, boosts: ReadonlyMap<string, number> = new Map()): SearchHit[] {
    const asked = ` ${words(question).join(' ')} `;
    const said = (phrase: string): boolean => asked.includes(` ${phrase} `);
    const phrases = this.thesaurus
      .expand(question)
      .filter((g) => !g.some((phrase) => this.isCommonPhrase(phrase) && said(phrase)))
      .flat()
      .filter((p) => !said(p));
    const fuzzy = (term: string): number | false => (term.length >= 5 && !/\d/.test(term) && spokenFrequency(term) < COMMON_WORD ? 0.2 : false);
    // The same sum MiniSearch makes of an OR query (each word, then each phrase), times the
    // number of distinct terms matched, with the boosts applied to the total.
    const parts: (readonly PartScore[])[] = tokenize(question)
      .filter((w) => processTerm(w) !== null)
      .map((w) => this.part(`w:${w}`, { queries: [w], fuzzy }));
    // A synonym phrase counts only whole, and for less than the words actually typed, however long it is.
    // Phrases with a word no record uses cannot match; phrases with the same stems are one query.
    const seen = new Set<string>();
    for (const phrase of phrases) {
      const stems = words(phrase).filter((w) => !isStopWord(w)).map(stemWord);
      const key = [...new Set(stems)].sort().join(' ');
      if (stems.length === 0 || seen.has(key) || !stems.every((st) => this.documentFrequency.has(st))) continue;
      seen.add(key);
      parts.push(this.part(`p:${phrase}`, { queries: [phrase], combineWith: 'AND', boostTerm: () => SYNONYM_WEIGHT / stems.length }));
    }
    // Distinct terms matched per record, as bits of a number: one Set per record per question costs more than the search.
    const bit = new Map<string, number>();
    const maskOf = (terms: readonly string[]): number => {
      let mask = 0;
      for (const t of terms) {
        let b = bit.get(t);
        if (b === undefined) bit.set(t, (b = bit.size));
        mask |= b < 31 ? 1 << b : 1 << 30;
      }
      return mask;
    };
    const search = this.nextSearch();
    const { totalScore, totalMask, stamp } = this;
    // records in the order they were first matched, as a map's insertion order would keep them
    const matched: number[] = [];
    for (const part of parts) {
      for (const { ordinal, score, terms } of part) {
        if (stamp[ordinal] === search) {
          totalScore[ordinal] = (totalScore[ordinal] ?? 0) + score;
          totalMask[ordinal] = (totalMask[ordinal] ?? 0) | maskOf(terms);
        } else {
          stamp[ordinal] = search;
          totalScore[ordinal] = score;
          totalMask[ordinal] = maskOf(terms);
          matched.push(ordinal);
        }
      }
    }
    const hits: SearchHit[] = [];
    for (const ordinal of matched) {
      const record = this.records[ordinal];
      if (!record) continue;
      const boost = boosts.get(record.id) ?? 1;
      if (boost > 0) hits.push({ record, score: (totalScore[ordinal] ?? 0) * boost * Math.max(1, bitCount(totalMask[ordinal] ?? 0)) });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  private nextSearch(): number {
    this.searches = (this.searches + 1) >>> 0;
    if (this.searches === 0) {
      this.stamp.fill(0);
      this.searches = 1;
    }
    return this.searches;
  }
}

interface PartScore {
  /** The record's place in the index's `records`. */
  readonly ordinal: number;
  readonly score: number;
  readonly terms: readonly string[];
}

function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}

/** Edit distance counting an insertion, deletion, substitution or swap of neighbours as one typo. */
export function typoDistance(a: string, b: string): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      row.push(v);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? Infinity;
}
