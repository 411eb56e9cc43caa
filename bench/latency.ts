import { loadGuidance } from '../src/guidance';
import { loadQuestions } from './accuracy';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** In-process answer latency over the question set, repeated; the first round warms up. */
export function benchLatency(rounds = 50): { p50ms: number; p99ms: number; maxms: number; answers: number } {
  const { answerer } = loadGuidance();
  const questions = loadQuestions().map((q) => q.q);
  for (const q of questions) answerer.answer(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = process.hrtime.bigint();
      answerer.answer(q);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  return { p50ms: round(percentile(times, 50)), p99ms: round(percentile(times, 99)), maxms: round(times[times.length - 1] ?? NaN), answers: times.length };
}

export function round(n: number, digits = 3): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}
