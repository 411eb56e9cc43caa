import type { KnowledgeBase } from './load';
import { exactBoosts } from './lookups';
import { type ScopeRule, outOfScope } from './scope';
import type { GuidanceRecord } from './schema';
import { GuidanceIndex, type SearchHit } from './search';
import { buildThesaurus, glossaryGroups, type Thesaurus } from './synonyms';
import { contentStems, isStopWord, normalise, spokenFrequency, stemWord, words } from './text';

export type DeclineReason = 'empty' | 'too-long' | 'out-of-scope' | 'not-in-guidance';

export type Answer =
  | { status: 'answered'; record: GuidanceRecord; related: GuidanceRecord[]; differs: GuidanceRecord[] }
  | { status: 'ambiguous'; choices: GuidanceRecord[] }
  | { status: 'declined'; reason: DeclineReason; detail?: string; unknownTerms?: string[] };

export const MAX_QUESTION_LENGTH = 1000;

/** Tuning of the confidence decision, in one place. */
const CONFIDENCE = {
  /** Share of the question's weighted content words the best record must contain to be an answer. */
  answer: 0.55,
  /** Below this the guidance has nothing on the question. */
  decline: 0.3,
  /** A runner-up this close (score ratio) and as well covered makes the question ambiguous. */
  tie: 0.85,
  /** Everyday words (SUBTLEX count) below this that the guidance never uses mark a topic it does not cover. */
  rareWord: 100,
};

export interface AnswererOptions {
  synonymGroups: string[][];
  scopeRules: ScopeRule[];
}

export class Answerer {
  private readonly index: GuidanceIndex;
  private readonly thesaurus: Thesaurus;
  /** Stems of every phrase the thesaurus knows: words people use that the index may not hold. */
  private readonly knownStems: Set<string>;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly options: AnswererOptions,
  ) {
    this.thesaurus = buildThesaurus([...options.synonymGroups, ...glossaryGroups(kb.records)]);
    this.index = new GuidanceIndex(kb.records, this.thesaurus);
    this.knownStems = new Set(this.thesaurus.groups.flat().flatMap((p) => words(p).map(stemWord)));
  }

  get records(): readonly GuidanceRecord[] {
    return this.kb.records;
  }

  answer(raw: string): Answer {
    const question = normalise(raw);
    if (words(question).length === 0) return { status: 'declined', reason: 'empty' };
    if (question.length > MAX_QUESTION_LENGTH) return { status: 'declined', reason: 'too-long' };

    const scope = outOfScope(question, this.options.scopeRules);
    if (scope) return { status: 'declined', reason: 'out-of-scope', detail: scope.advice };

    const unknownTerms = this.unknownTerms(question);
    if (unknownTerms.length > 0) return { status: 'declined', reason: 'not-in-guidance', unknownTerms };

    const hits = this.index.search(question, exactBoosts(question, this.kb.records));
    const top = hits[0];
    if (!top) return { status: 'declined', reason: 'not-in-guidance' };

    const concepts = this.concepts(question);
    const coverage = (hit: SearchHit): number => this.coverage(concepts, hit.record);
    const topCoverage = coverage(top);
    if (topCoverage < CONFIDENCE.decline) return { status: 'declined', reason: 'not-in-guidance' };

    const rivals = hits
      .slice(1, 4)
      .filter((h) => h.score >= top.score * CONFIDENCE.tie && coverage(h) >= topCoverage && !this.sameTopic(top.record, h.record));
    if (topCoverage < CONFIDENCE.answer || rivals.length > 0) {
      const choices = [top, ...hits.slice(1).filter((h) => h.score >= top.score * 0.5)].slice(0, 3).map((h) => h.record);
      if (choices.length > 1) return { status: 'ambiguous', choices };
      if (topCoverage < CONFIDENCE.answer) return { status: 'declined', reason: 'not-in-guidance' };
    }
    return this.answered(top.record, hits);
  }

  private answered(record: GuidanceRecord, hits: SearchHit[]): Answer {
    const differs = record.differs.map((id) => this.kb.byId.get(id)).filter((r): r is GuidanceRecord => r !== undefined);
    const seen = new Set([record.id, ...record.differs]);
    const related: GuidanceRecord[] = [];
    const add = (r: GuidanceRecord | undefined): void => {
      if (r && !seen.has(r.id) && related.length < 3) {
        seen.add(r.id);
        related.push(r);
      }
    };
    for (const id of record.related) add(this.kb.byId.get(id));
    for (const h of hits.slice(1, 6)) add(h.record);
    return { status: 'answered', record, related, differs };
  }

  /** Records linked to each other are one topic: a choice between them is no real ambiguity. */
  private sameTopic(a: GuidanceRecord, b: GuidanceRecord): boolean {
    return a.related.includes(b.id) || b.related.includes(a.id) || a.differs.includes(b.id) || b.differs.includes(a.id);
  }

  /**
   * The question's content words, each with the stems that would satisfy it (itself, its
   * synonyms, the nearest known spelling) and a weight (rarer in the guidance weighs more).
   */
  private concepts(question: string): Array<{ accept: Set<string>; weight: number }> {
    const groups = this.thesaurus.expand(question);
    return [...new Set(contentStems(question))].map((stem) => {
      const accept = new Set([stem]);
      const near = this.index.has(stem) ? undefined : this.index.nearest(stem);
      if (near) accept.add(near);
      for (const g of groups) {
        const groupStems = g.flatMap((p) => words(p).filter((w) => !isStopWord(w)).map(stemWord));
        if (groupStems.includes(stem)) for (const s of groupStems) accept.add(s);
      }
      const weight = Math.max(...[...accept].map((s) => (this.index.has(s) ? this.index.idf(s) : 0)));
      return { accept, weight };
    });
  }

  private coverage(concepts: Array<{ accept: Set<string>; weight: number }>, record: GuidanceRecord): number {
    const stems = this.index.stemsOf.get(record.id) ?? new Set<string>();
    let total = 0;
    let found = 0;
    for (const c of concepts) {
      if (c.weight === 0) continue; // a word the guidance never uses: everyday filler ("book rooms")
      total += c.weight;
      if ([...c.accept].some((s) => stems.has(s))) found += c.weight;
    }
    return total === 0 ? 0 : found / total;
  }

  /**
   * Words that name something the guidance never mentions: acronyms and unusual words with no
   * match in the guidance or the thesaurus, even allowing for a typo ("ILACS", "DASH", "vlookup").
   */
  private unknownTerms(question: string): string[] {
    const unknown: string[] = [];
    for (const token of question.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []) {
      const word = token.replace(/['’].*$/, '').replace(/[.-]+$/, '');
      const lower = word.toLowerCase();
      if (lower.length < 2 || /\d/.test(lower) || isStopWord(lower)) continue;
      const parts = words(lower);
      if (parts.every((p) => this.isKnown(p))) continue;
      const acronym = /^[A-Z]{2,6}s?$/.test(word);
      const rare = spokenFrequency(lower) < CONFIDENCE.rareWord && lower.length >= 4;
      if (acronym || rare) unknown.push(word);
    }
    return unknown;
  }

  private isKnown(word: string): boolean {
    if (isStopWord(word)) return true;
    const stem = stemWord(word);
    if (this.index.has(stem) || this.knownStems.has(stem)) return true;
    const singular = word.replace(/s$/, '');
    if (this.index.has(stemWord(singular)) || this.knownStems.has(stemWord(singular))) return true;
    return this.index.nearest(stem) !== undefined;
  }
}
