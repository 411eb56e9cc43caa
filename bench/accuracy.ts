import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { loadGuidance } from '../src/guidance';
import { answerJson } from '../src/cli/ask';
import { answerView } from '../src/guidance/view';

/** The question set, as practitioners wrote it (copied from ../shared/questions/dev.json). */
export interface Question {
  id?: string;
  q: string;
  answerable: boolean;
  must_include: Array<string | string[]>;
}

interface Scorer {
  score(questions: Question[], answers: Array<{ status: string; answer: string }>, log?: (s: string) => void): { okA: number; nA: number; okD: number; nD: number };
}

export function loadQuestions(): Question[] {
  const shared = path.resolve(__dirname, '../../shared/questions/dev.json');
  const file = fs.existsSync(shared) ? shared : path.join(__dirname, 'questions/dev.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Question[];
}

/** The scorer's own rules: ../shared/tools/score-answers.mjs when present, else the copy beside this file. */
async function loadScorer(): Promise<Scorer> {
  const shared = path.resolve(__dirname, '../../shared/tools/score-answers.mjs');
  const file = fs.existsSync(shared) ? shared : path.join(__dirname, 'score-answers.mjs');
  return (await import(file)) as Scorer;
}

/** Plain BM25: MiniSearch with its defaults over the raw seed paragraphs; the top paragraph is the answer. */
function baselineAnswers(questions: Question[]): Array<{ status: string; answer: string }> {
  const seeds = path.resolve(__dirname, '../../shared/seeds');
  const paragraphs: Array<{ id: number; text: string }> = [];
  for (const f of fs.readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
    for (const p of fs.readFileSync(path.join(seeds, f), 'utf8').split(/\n\s*\n/)) {
      if (p.trim().length > 0) paragraphs.push({ id: paragraphs.length, text: p.trim() });
    }
  }
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(paragraphs);
  return questions.map((q) => {
    const top = index.search(q.q)[0];
    return top ? { status: 'answered', answer: paragraphs[Number(top.id)]?.text ?? '' } : { status: 'declined', answer: '' };
  });
}

export interface AccuracyResult {
  answerable: string;
  declined: string;
  baselineAnswerable: string;
  baselineDeclined: string;
  misses: string[];
}

export async function benchAccuracy(verbose = false): Promise<AccuracyResult> {
  const questions = loadQuestions();
  const scorer = await loadScorer();
  const { answerer } = loadGuidance();
  const ours = questions.map((q) => JSON.parse(answerJson(answerView(answerer.answer(q.q)))) as { status: string; answer: string });
  const misses: string[] = [];
  const r = scorer.score(questions, ours, (s) => misses.push(s));
  const b = scorer.score(questions, baselineAnswers(questions));
  const pct = (ok: number, n: number): string => `${ok}/${n} (${((100 * ok) / Math.max(1, n)).toFixed(1)}%)`;
  if (verbose) for (const m of misses) console.log(m);
  return {
    answerable: pct(r.okA, r.nA),
    declined: pct(r.okD, r.nD),
    baselineAnswerable: pct(b.okA, b.nA),
    baselineDeclined: pct(b.okD, b.nD),
    misses,
  };
}
