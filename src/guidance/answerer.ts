import type { KnowledgeBase } from './load';
import { countedStems, exactBoosts, HOW_MANY, PARAGRAPH, recordsAtParagraph } from './lookups';
import { type ScopeRule, outOfScope } from './scope';
import type { Edition, GuidanceRecord } from './schema';
import { GuidanceIndex, type SearchHit } from './search';
import { buildThesaurus, glossaryGroups, type Thesaurus } from './synonyms';
import { editionsCued, isFunctionWord, isStopWord, normalise, splitRemarks, spokenFrequency, stemWord, withoutEditionCues, withoutGuidanceFraming, withoutHedges, withoutSourceName, withoutSubject, words } from './text';

export type DeclineReason = 'empty' | 'too-long' | 'out-of-scope' | 'not-in-guidance';

export type Answer =
  | {
      status: 'answered';
      record: GuidanceRecord;
      related: GuidanceRecord[];
      differs: GuidanceRecord[];
      /** The record that answers the part of a two-part question the first does not cover, with its own differences. */
      also?: { record: GuidanceRecord; differs: GuidanceRecord[] };
      /** Of a two-part question whose other part the guidance cannot answer, what to do about that part instead. */
      notCovered?: string;
    }
  | { status: 'ambiguous'; choices: GuidanceRecord[] }
  | { status: 'declined'; reason: DeclineReason; detail?: string; unknownTerms?: string[] };

export const MAX_QUESTION_LENGTH = 1000;
/** Distinct questions whose answers are kept; a partnership asks far fewer than this. */
const ANSWER_CACHE_SIZE = 2000;

interface Concept {
  /** The word as asked. */
  word: string;
  /** Alternatives, each a set of stems that must all be present. */
  accept: string[][];
  weight: number;
  /** A word of everyday talk more than of the guidance ("coming", "office"). */
  everyday: boolean;
}

/** Words of a timescale's title that do not tell one event from another ("child protection", "first", "later"). */
const TIMED_EVENT_FILLER = new Set(['child', 'protection', 'first', 'later', 'initial', 'further'].map(stemWord));

/** How strongly ranking prefers the record that covers the whole question over one that repeats a word. */
const COVERAGE_EXPONENT = 5;

/** Tuning of the confidence decision, in one place. */
const CONFIDENCE = {
  /** Share of the question's weighted content words the best record must contain to be an answer. */
  answer: 0.45,
  /** Below this the guidance has nothing on the question. */
  decline: 0.2,
  /** Runners-up within this score ratio are offered as choices when the best is not clear enough. */
  choice: 0.6,
  /** Glossary entries answer "what does X mean"; elsewhere they only back up the real record. */
  glossaryWeight: 0.35,
  /** Everyday words (SUBTLEX count) below this that the guidance never uses mark a topic it does not cover. */
  rareWord: 100,
  /** Words less common than this carry a topic ("laptop", "password"); more common ones are filler ("book", "rooms"). */
  topicWord: 1000,
  /**
   * Words the guidance never uses that are less common than this name what a question is about
   * ("weather", "outlook"); the everyday verbs and nouns around them ("book", "rooms", "turn up",
   * "stay") are more common and are filler.
   */
  unfamiliarWord: 3000,
  /** A question must use at least one word the guidance uses this many times more often than everyday English. */
  keyness: 5,
  /** A thesaurus word this common ("look") says nothing about the subject on its own. */
  everydayWord: 5000,
  /** A word the guidance uses less often than this, relative to everyday English, is everyday talk ("coming", "made")... */
  everydayKeyness: 2,
  /** ...and weighs this share of its rarity in the guidance. */
  everydayWeight: 0.25,
  /** A statutory timescale answers only a question it covers almost whole: it is about one event. */
  timescale: 0.85,
  /** Words of a remark after the question weigh this share of a word in the question. */
  remarkWeight: 0.25,
  /**
   * A part of a two-part question ("...and when does the CQC ask?") is answered alongside the best
   * record by the record that would answer it asked alone, when that one covers at least `alsoAnswer`
   * of the part and the best record ranks below `alsoBehind` of it for the part.
   */
  alsoAnswer: 0.75,
  alsoBehind: 0.5,
  /** ...and carries at least this share of the question's weight, with a word at least this rare in the records. */
  alsoShare: 0.12,
  alsoWord: 1.5,
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
  /** Record titles' and aliases' phrases of two words or more, for exact phrase look-ups. */
  private readonly aliasPhrases: Map<string, string[]>;
  private readonly byTitle: Map<string, GuidanceRecord>;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly options: AnswererOptions,
  ) {
    this.thesaurus = buildThesaurus([...options.synonymGroups, ...glossaryGroups(kb.records)]);
    this.index = new GuidanceIndex(kb.records, this.thesaurus);
    this.knownStems = new Set(this.thesaurus.groups.flat().flatMap((p) => words(p).map(stemWord)));
    this.byTitle = new Map(kb.records.map((r) => [words(r.title).join(' '), r]));
    this.aliasPhrases = new Map();
    for (const r of kb.records) {
      // a glossary entry's aliases spell out its term; saying the term is not asking what it means (see DEFINITION)
      if (r.kind === 'glossary') continue;
      for (const alias of r.aliases) {
        const phrase = words(alias).join(' ');
        if (phrase.includes(' ')) this.aliasPhrases.set(phrase, [...(this.aliasPhrases.get(phrase) ?? []), r.id]);
      }
    }
  }

  get records(): readonly GuidanceRecord[] {
    return this.kb.records;
  }

  /** Answers by normalised question: the records never change while the app runs, so neither do answers. */
  private readonly recent = new Map<string, Answer>();

  answer(raw: string): Answer {
    const question = normalise(raw);
    const known = this.recent.get(question);
    if (known) {
      // refresh its place so the cache keeps what is asked most
      this.recent.delete(question);
      this.recent.set(question, known);
      return known;
    }
    const answer = this.answerUncached(question);
    if (this.recent.size >= ANSWER_CACHE_SIZE) this.recent.delete(this.recent.keys().next().value as string);
    this.recent.set(question, answer);
    return answer;
  }

  /** The answer for one record, as a button that names it asks for. */
  answerRecord(id: string): Answer | undefined {
    const record = this.kb.byId.get(id);
    return record ? this.answered(record, []) : undefined;
  }

  private answerUncached(question: string): Answer {
    if (words(question).length === 0) return { status: 'declined', reason: 'empty' };
    if (question.length > MAX_QUESTION_LENGTH) return { status: 'declined', reason: 'too-long' };

    // A record's own title, as the follow-up buttons ask it, is that record.
    const titled = this.byTitle.get(words(question).join(' '));
    if (titled) return this.answered(titled, []);

    const scope = outOfScope(question, this.options.scopeRules);
    if (scope) return this.inScopePart(question) ?? { status: 'declined', reason: 'out-of-scope', detail: scope.advice };

    // Remarks after the question ("asking for the rota") say why it is asked, not what about.
    const { core, remarks } = splitRemarks(withoutHedges(question));
    const { unknown, unfamiliar } = this.unknownTerms(core);
    if (unknown.length > 0) return { status: 'declined', reason: 'not-in-guidance', unknownTerms: unknown };
    // "what is the password for the secure site", "what colour coding does the tool use": the thing asked for is
    // one the guidance never speaks of, however well it knows the rest
    const wanted = this.unfamiliarWanted(core);
    if (wanted.length > 0) return { status: 'declined', reason: 'not-in-guidance', unknownTerms: wanted };

    // "the scope, para 8": a citation is a look-up (exactBoosts lifts the records cited there), not words to cover
    // "in the current round", "the original programme": the cue picks the edition (exactBoosts), it is not the subject
    const focus = withoutCitations(withoutSubject(withoutEditionCues(this.withoutSourceName(withoutGuidanceFraming(core)))));
    // "what does para 9 say": nothing but a citation is a look-up of what that paragraph holds
    const cited = onlyCitation(focus);
    if (cited !== undefined) {
      const at = recordsAtParagraph(this.kb.records, cited);
      if (at.length === 1 && at[0]) return this.answered(at[0], []);
      if (at.length > 1) return { status: 'ambiguous', choices: at.slice(0, 3) };
    }
    const boosts = this.boostsFor(question);
    const concepts = this.concepts(focus);
    const asked = new Set(concepts.map((c) => stemWord(c.word)));
    for (const c of this.concepts(remarks)) if (!asked.has(stemWord(c.word))) concepts.push({ ...c, weight: c.weight * CONFIDENCE.remarkWeight });
    const hits = this.rank(focus, boosts, concepts);
    const top = hits[0];
    if (!top) return { status: 'declined', reason: 'not-in-guidance' };
    const topCoverage = top.coverage;
    // Mostly about things the guidance never mentions ("reset my laptop password"): the few words it does know prove little.
    const familiar = concepts.filter((c) => c.weight > 0 && !c.everyday && asked.has(stemWord(c.word))).length;
    if (unfamiliar.length > 0 && unfamiliar.length >= familiar) return { status: 'declined', reason: 'not-in-guidance', unknownTerms: unfamiliar };
    // Everyday words only ("a good place near the office"): whatever matched, it was not the guidance's subject.
    if (!this.isAboutTheSubject(core)) {
      return { status: 'declined', reason: 'not-in-guidance' };
    }
    if (topCoverage < CONFIDENCE.decline) return { status: 'declined', reason: 'not-in-guidance' };
    // "how long should a section 47 enquiry take", "core group after the ICPC": the statutory timescales held are
    // for conferences only, and one of them is no answer to a question about another event's
    if (top.record.kind === 'timescale' && (topCoverage < CONFIDENCE.timescale || !this.namesTimedEvent(concepts, top.record, question))) {
      return { status: 'declined', reason: 'not-in-guidance' };
    }
    // "what time is the feedback meeting", "how many pages can the letter be": the guidance gives no such value
    if (this.asksForMissingValue(question, top.record)) return { status: 'declined', reason: 'not-in-guidance' };
    if (topCoverage < CONFIDENCE.answer) {
      const choices = hits.filter((h) => h.score >= top.score * CONFIDENCE.choice).slice(0, 3).map((h) => h.record);
      return choices.length > 1 ? { status: 'ambiguous', choices } : { status: 'declined', reason: 'not-in-guidance' };
    }
    // "in the first programme how many CQC inspectors": where the editions differ, the one the question names leads
    const named = this.namedEdition(question);
    const lead = named && top.record.edition !== named ? this.differsOf(top.record).find((r) => r.edition === named) : undefined;
    if (lead) return this.answered(lead, hits);
    const { first, second } = this.twoParts(focus, top.record);
    return this.answered(first, first === top.record ? hits : [], second);
  }

  /**
   * "When is the draft report sent, and who is the DCS in Leeds?": a question the guidance answers,
   * followed by a second one of a kind it cannot (out-of-scope.yaml), gets the answer to the first and
   * a word on the second. Only that way round: a part after an out-of-scope question is usually about
   * it ("what grade did Leeds get and when was the letter published?"), and so is one that refers back
   * ("who is the lead inspector and what is their phone number?"); both are declined whole.
   */
  private inScopePart(question: string): Answer | undefined {
    const parts = question.split(TWO_PARTS).filter((p) => p !== undefined && words(p).some((w) => !isStopWord(w)));
    if (parts.length !== 2) return undefined;
    const [asked = '', aside = ''] = parts;
    const rules = this.options.scopeRules;
    const declined = outOfScope(aside, rules);
    if (!declined || outOfScope(asked, rules) || REFERS_BACK.test(aside)) return undefined;
    const answer = this.answerUncached(asked);
    return answer.status === 'answered' ? { ...answer, notCovered: declined.advice } : undefined;
  }

  /**
   * "Who contacts the schools, and when does the CQC ask for health documents?": when one of two
   * questions joined by "and" (or "vs", "compared with") is about something the best record does not
   * cover, the confident record that answers that part on its own, if any.
   */
  private twoParts(focus: string, best: GuidanceRecord): { first: GuidanceRecord; second?: GuidanceRecord } {
    const parts = focus.split(TWO_PARTS).filter((p) => p.trim() !== '');
    if (parts.length < 2) return { first: best };
    const total = this.concepts(focus).reduce((n, c) => n + c.weight, 0);
    const shown = new Set([best.id, ...best.differs]);
    /** The record answering each part the best record does not; whether the best answers one. */
    const own: { record: GuidanceRecord; coverage: number }[] = [];
    let bestAnswers = false;
    for (const [i, said] of parts.entries()) {
      // "...and what will inspectors evaluate about it": a part that refers back is about the part before
      const part = i > 0 && REFERS_BACK.test(said) ? `${parts[i - 1] ?? ''} ${said}` : said;
      const concepts = this.concepts(part).filter((c) => c.weight > 0);
      // "...and by when", "...and in 2024", "...and what days?": a part needs a word of its own, particular enough
      // to say what it asks
      if (!concepts.some((c) => !c.everyday && c.weight >= CONFIDENCE.alsoWord && EDITION_YEARS[c.word] === undefined)) continue;
      // "...and what did the first six look at?" carries enough of the question; much less is a detail of the other part
      if (concepts.reduce((n, c) => n + c.weight, 0) < total * CONFIDENCE.alsoShare) continue;
      // ranked as the question would be if it were asked alone
      const ranked = this.rank(part, this.boostsFor(part), concepts);
      const top = ranked[0];
      if (!top) continue;
      // the best record answers this part, or is not far behind the one that would
      const bestScore = Math.max(0, ...ranked.filter((h) => shown.has(h.record.id)).map((h) => h.score));
      if (bestScore >= top.score * CONFIDENCE.alsoBehind) {
        bestAnswers = true;
        continue;
      }
      const r = top.record;
      if (top.coverage < CONFIDENCE.alsoAnswer || r.kind === 'timescale' || this.asksForMissingValue(part, r)) continue;
      // the same fact in the other edition is already shown where the sources differ
      if (r.differs.includes(best.id) || own.some((o) => o.record.id === r.id || o.record.differs.includes(r.id))) continue;
      own.push({ record: r, coverage: top.coverage });
    }
    const [one, two] = own;
    if (!one) return { first: best };
    // "what happens in week 2 and what happens in week 6": the overview that ranked first answers neither part
    if (!bestAnswers && two) return { first: one.record, second: two.record };
    return { first: best, second: (two && two.coverage > one.coverage ? two : one).record };
  }

  /** BM25 rewards a record that repeats one of the words; people want the one that covers the question. */
  private rank(text: string, boosts: ReadonlyMap<string, number>, concepts: Concept[]): Array<SearchHit & { coverage: number }> {
    return this.index
      .search(text, boosts)
      .slice(0, 15)
      .map((h) => {
        const coverage = this.coverage(concepts, h.record);
        return { record: h.record, coverage, score: h.score * coverage ** COVERAGE_EXPONENT };
      })
      .sort((a, b) => b.score - a.score);
  }

  /** The records shown with this one where the editions or sources differ. */
  private differsOf(r: GuidanceRecord): GuidanceRecord[] {
    return r.differs.map((id) => this.kb.byId.get(id)).filter((d): d is GuidanceRecord => d !== undefined);
  }

  /** Exact look-ups the question makes (an ESN, a code, a record's name), and the glossary's lower weight. */
  private boostsFor(question: string): Map<string, number> {
    const boosts = exactBoosts(question, this.kb.records, this.aliasPhrases);
    for (const r of this.kb.records) {
      if (r.kind !== 'glossary') continue;
      // "what do we need to send" is not about SEND: an acronym that is also a word must be written as one
      if (r.term && this.isWordLikeAcronym(r.term) && !this.writtenAsAcronym(r.term).test(question)) boosts.set(r.id, 0);
      else if (!boosts.has(r.id)) boosts.set(r.id, CONFIDENCE.glossaryWeight);
    }
    return boosts;
  }

  private answered(record: GuidanceRecord, hits: SearchHit[], second?: GuidanceRecord): Answer {
    const differs = this.differsOf(record);
    const seen = new Set([record.id, ...record.differs, ...(second ? [second.id, ...second.differs] : [])]);
    const related: GuidanceRecord[] = [];
    const add = (r: GuidanceRecord | undefined): void => {
      if (r && !seen.has(r.id) && related.length < 3) {
        seen.add(r.id);
        related.push(r);
      }
    };
    for (const id of record.related) add(this.kb.byId.get(id));
    for (const h of hits.slice(1, 6)) add(h.record);
    return second
      ? { status: 'answered', record, related, differs, also: { record: second, differs: this.differsOf(second).filter((d) => d.id !== record.id) } }
      : { status: 'answered', record, related, differs };
  }

  /**
   * Whether the question uses at least one word particular to the guidance: one it uses far
   * more often than everyday English does ("fieldwork", "police"), a term of the thesaurus
   * ("siblings"), or the inspection's own name. "A good place near the office" has none.
   */
  private isAboutTheSubject(question: string): boolean {
    return this.concepts(question).some(
      (c) =>
        c.weight > 0 &&
        (c.accept.some((alt) => alt.some((st) => this.index.keyness(st) >= CONFIDENCE.keyness)) ||
          (this.knownStems.has(stemWord(c.word)) && spokenFrequency(c.word) < CONFIDENCE.everydayWord)),
    );
  }

  /**
   * The words naming what a "what is the X of Y" or "what X does Y..." question asks for, when the
   * guidance never uses them and they are not everyday filler ("sort", "kind").
   */
  private unfamiliarWanted(question: string): string[] {
    const named = (WANTED_OF.exec(question) ?? WANTED_DOES.exec(question))?.[1];
    if (!named) return [];
    return words(named).filter((w) => !isFunctionWord(w) && !this.isKnown(w) && spokenFrequency(w) < CONFIDENCE.unfamiliarWord);
  }

  /** Every stem some record gives a number of ("3 inspectors", "10 cases", "number of referrals"). */
  private countedAnywhere: Set<string> | undefined;

  /**
   * Whether the question asks for a kind of value the guidance does not give: a time of day the
   * best record does not state, or a number of something no record counts ("how many pages").
   */
  private asksForMissingValue(question: string, record: GuidanceRecord): boolean {
    // the record shown with it where the editions differ may give the time ("before 9:30am" in 2018)
    const shown = [record, ...this.differsOf(record)];
    if (WHAT_TIME.test(question) && !shown.some((r) => CLOCK_TIME.test(r.text))) return true;
    const counted = HOW_MANY.exec(question)?.[1];
    if (!counted) return false;
    const ws = words(counted);
    // "how many from HMIP": no noun says what is counted
    if (ws.length === 0 || isFunctionWord(ws[0] ?? '')) return false;
    this.countedAnywhere ??= new Set(this.kb.records.flatMap((r) => [...countedStems(r)]));
    const all = this.countedAnywhere;
    const nouns = ws.filter((w) => !isFunctionWord(w));
    const stems = [...nouns.map(stemWord), ...this.thesaurus.expand(nouns.join(' ')).flatMap((g) => groupStems(g).flat())];
    return !stems.some((st) => all.has(st));
  }

  /**
   * "The Ofsted 2018 guidance says what about probation documents": the document named only says
   * where to look, unless it is what the question is about ("who is the 2018 guidance written for").
   */
  private withoutSourceName(question: string): string {
    const { kept, rest } = withoutSourceName(question);
    return kept !== question && this.isAboutTheSubject(rest) ? kept : question;
  }

  /** The stems that name what each timescale record times ("initial", "conference"), from its title before the colon. */
  private readonly timedEvents = new Map<string, Set<string>>();

  /**
   * Whether the question names the event a statutory timescale is for: the conference, not the
   * strategy discussion or the section 47 enquiry it is counted from. A timescale the records do
   * not hold is not answered with one they do.
   */
  private namesTimedEvent(concepts: Concept[], record: GuidanceRecord, question: string): boolean {
    // the record's own name for itself, said word for word ("3 month review")
    const asked = ` ${words(question).join(' ')} `;
    if (record.aliases.some((a) => asked.includes(` ${words(a).join(' ')} `))) return true;
    let event = this.timedEvents.get(record.id);
    if (!event) {
      const head = record.title.split(':')[0] ?? record.title;
      event = new Set(words(head).filter((w) => !isStopWord(w)).map(stemWord).filter((st) => !TIMED_EVENT_FILLER.has(st)));
      this.timedEvents.set(record.id, event);
    }
    const named = event;
    return concepts.some((c) => c.weight > 0 && c.accept.some((alt) => alt.some((st) => named.has(st))));
  }

  private readonly acronymPatterns = new Map<string, RegExp>();

  /** The acronym as written in capitals ("SEND", "SENDs"), one pattern per term. */
  private writtenAsAcronym(term: string): RegExp {
    let re = this.acronymPatterns.get(term);
    if (!re) {
      re = new RegExp(`\\b${term}s?\\b`);
      this.acronymPatterns.set(term, re);
    }
    return re;
  }

  private wordLikeTerms: string[] | undefined;

  /** The glossary's acronyms spelt like everyday words. */
  private wordLikeAcronyms(): string[] {
    this.wordLikeTerms ??= this.kb.records.flatMap((r) => (r.kind === 'glossary' && r.term && this.isWordLikeAcronym(r.term) ? [r.term] : []));
    return this.wordLikeTerms;
  }

  /** SEND, LA, EH: acronyms spelt like everyday words. */
  private isWordLikeAcronym(term: string): boolean {
    return /^[A-Z]{2,6}$/.test(term) && spokenFrequency(term) >= CONFIDENCE.topicWord;
  }

  /**
   * The question's content words. Each is satisfied by any of its alternatives: itself, the
   * nearest known spelling, or a synonym, where a synonym phrase needs all of its words
   * ("CIN" is satisfied by "children in need", "track" is not by "case" alone). Rarer in the
   * guidance weighs more.
   */
  private concepts(question: string): Concept[] {
    let found = this.conceptCache.get(question);
    if (!found) {
      found = this.conceptsOf(question);
      if (this.conceptCache.size >= 16) this.conceptCache.clear();
      this.conceptCache.set(question, found);
    }
    // a copy: callers add the concepts of remarks to theirs
    return [...found];
  }

  /** The same question's concepts are wanted several times while it is answered (whole, focus, parts). */
  private readonly conceptCache = new Map<string, readonly Concept[]>();

  private conceptsOf(question: string): Concept[] {
    const groups = this.thesaurus.expand(question);
    const seen = new Set<string>();
    const contentWords = words(question).filter((w) => !isStopWord(w) && !seen.has(stemWord(w)) && seen.add(stemWord(w)));

    return contentWords.map((word) => {
      const stem = stemWord(word);
      const accept: string[][] = [[stem]];
      const near = this.index.has(stem) ? undefined : (this.index.nearest(stem, word) ?? this.index.derivedFrom(stem));
      if (near) accept.push([near]);
      for (const g of groups) {
        const phrases = groupStems(g);
        if (phrases.some((p) => p.includes(stem))) accept.push(...phrases);
      }
      const known = accept.filter((alt) => alt.every((s) => this.index.has(s)));
      const idf = known.length === 0 ? 0 : Math.max(...known.map((alt) => Math.max(...alt.map((s) => this.index.idf(s)))));
      // "coming", "made", "office": everyday words the guidance happens to use once say little about which part is meant
      const keyness = Math.max(0, ...known.flat().map((s) => this.index.keyness(s)));
      // "how many inspectors does Ofsted send": an acronym spelt like a word (SEND), written as the word, is the word
      const everyday = keyness < CONFIDENCE.everydayKeyness || this.wordLikeAcronyms().some((t) => t.toLowerCase() === word && !this.writtenAsAcronym(t).test(question));
      return { word, accept, weight: everyday ? idf * CONFIDENCE.everydayWeight : idf, everyday };
    });
  }

  /** The one edition a question names, by its year ("2018") or by a cue ("this round", "the original programme"). */
  private namedEdition(question: string): Edition | undefined {
    const named = new Set<Edition>();
    for (const w of words(question)) {
      const e = EDITION_YEARS[w];
      if (e) named.add(e);
    }
    for (const e of editionsCued(question)) named.add(e);
    return named.size === 1 ? [...named][0] : undefined;
  }

  /** The editions each record's answer speaks for: its own, and those of the records it shows where the editions differ. */
  private readonly editionsShown = new Map<string, Set<Edition>>();

  /** "2018", "2024 vs 2016": a year that names an edition is said by every answer that covers that edition. */
  private namesEdition(word: string, record: GuidanceRecord): boolean {
    const edition = EDITION_YEARS[word];
    if (!edition) return false;
    let shown = this.editionsShown.get(record.id);
    if (!shown) {
      shown = new Set([record, ...this.differsOf(record)].map((r) => r.edition));
      this.editionsShown.set(record.id, shown);
    }
    return shown.has(edition);
  }

  private coverage(concepts: Concept[], record: GuidanceRecord): number {
    const stems = this.index.stemsOf.get(record.id) ?? new Set<string>();
    let total = 0;
    let found = 0;
    for (const c of concepts) {
      if (c.weight === 0) continue; // a word the guidance never uses: everyday filler ("book rooms")
      total += c.weight;
      if (c.accept.some((alt) => alt.every((s) => stems.has(s))) || this.namesEdition(c.word, record)) found += c.weight;
    }
    return total === 0 ? 0 : found / total;
  }

  /**
   * Words that name something the guidance never mentions: acronyms and unusual words with no
   * match in the guidance or the thesaurus, even allowing for a typo ("ILACS", "DASH", "vlookup").
   */
  private unknownTerms(question: string): { unknown: string[]; unfamiliar: string[] } {
    const unknown: string[] = [];
    const unfamiliar: string[] = [];
    for (const token of question.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []) {
      const word = token.replace(/['’].*$/, '').replace(/[.-]+$/, '');
      const lower = word.toLowerCase();
      if (lower.length < 2 || /\d/.test(lower) || isStopWord(lower)) continue;
      const parts = words(lower);
      if (parts.every((p) => this.isKnown(p))) continue;
      const frequency = spokenFrequency(lower);
      if (/^[A-Z]{2,6}s?$/.test(word) || (frequency < CONFIDENCE.rareWord && lower.length >= 4)) unknown.push(word);
      else if (frequency < CONFIDENCE.unfamiliarWord) unfamiliar.push(word);
    }
    return { unknown, unfamiliar };
  }

  private isKnown(word: string): boolean {
    if (isStopWord(word)) return true;
    const stem = stemWord(word);
    if (this.index.has(stem) || this.knownStems.has(stem)) return true;
    const singular = word.replace(/s$/, '');
    if (this.index.has(stemWord(singular)) || this.knownStems.has(stemWord(singular))) return true;
    return this.index.nearest(stem, word) !== undefined || this.index.derivedFrom(stem) !== undefined;
  }
}

/** Asks for a time of day, and what one looks like in the guidance ("9:30am", "3pm", "midday", "end of the day"). */
const WHAT_TIME = /\b(what|which) time\b(?! (?:period|periods|frame|frames|span|scale|scales|limit|limits|window|range|line|lines)\b)|\bwhat hour\b/i;
const CLOCK_TIME = /\b\d{1,2}([:.]\d\d)?\s?(am|pm)\b|\b(midday|mid-day|noon|mid-afternoon|end of the day)\b/i;
/** What a question asks for: "what is the [maximum file size] for...", "what [colour coding] does...". */
const WANTED_OF = /^(?:what|what's|whats|which)(?: is| are| was|'s)? (?:the|a|an) ((?:[\p{L}'-]+ ){0,2}?[\p{L}'-]+) (?:of|for|on|in|at|to|does|do|is|are|should|will|can|must|would)\b/iu;
const WANTED_DOES = /^(?:what|which) ((?:[\p{L}'-]+ ){0,1}?[\p{L}'-]+) (?:does|do|did|should|will|can|is|are|must|would)\b/iu;

/**
 * Words that join two things asked about ("...and what goes in it?", "2018 vs 2024", "between the
 * editions"): a question without one asks one thing, whatever words the best record happens to lack.
 */
const TWO_PARTS =
  /\b(?:and|as well as|plus)\b(?=,? (?:what|when|who|whom|whose|how|which|where|why|whether|is|are|was|were|do|does|did|can|could|must|should|will|would|has|have)\b)|\b(?:vs|versus|compared (?:with|to))\b|;/i;

/** Words that point back to what the question named before ("it", "them", "is that"), or leave it out ("how many from CQC"). */
const REFERS_BACK = /\b(?:it|its|they|them|their|that|this|these|those)\b|\bhow (?:many|much) (?:from|of|in|at|for|by|on)\b/i;

/** The years people name the editions by. */
const EDITION_YEARS: Record<string, Edition> = { '2016': '2018', '2017': '2018', '2018': '2018', '2024': '2024', '2025': '2024' };

/** The question without its paragraph citations ("para 8", "point 12"), unless nothing else is left. */
function withoutCitations(question: string): string {
  if (!/\d/.test(question)) return question;
  const rest = question.replace(PARAGRAPH, ' ');
  return rest !== question && words(rest).some((w) => !isStopWord(w)) ? rest : question;
}

/** The paragraph number when a question is nothing but a citation of it ("para 9?", "what does paragraph 24 say"). */
function onlyCitation(question: string): number | undefined {
  if (!/\d/.test(question)) return undefined;
  const numbers = [...question.matchAll(PARAGRAPH)].map((m) => Number(m[1]));
  const rest = question.replace(PARAGRAPH, ' ');
  return numbers.length === 1 && !words(rest).some((w) => !isStopWord(w)) ? numbers[0] : undefined;
}

/** Each thesaurus group's phrases as their content stems (empty ones left out), worked out once per group. */
const GROUP_STEMS = new WeakMap<readonly string[], string[][]>();

function groupStems(group: readonly string[]): string[][] {
  let stems = GROUP_STEMS.get(group);
  if (!stems) {
    stems = group.map((phrase) => words(phrase).filter((w) => !isStopWord(w)).map(stemWord)).filter((p) => p.length > 0);
    GROUP_STEMS.set(group, stems);
  }
  return stems;
}
