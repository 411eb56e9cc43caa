import assert from 'node:assert/strict';
import { loadGuidance } from '../../../src/guidance';
import type { Answer } from '../../../src/guidance/answerer';
import { answerView, viewToText } from '../../../src/guidance/view';

/** Asks the real answerer, and checks what a person would read. */
export function asking() {
  const { answerer } = loadGuidance();
  const answer = (q: string): Answer => answerer.answer(q);
  const text = (q: string): string => viewToText(answerView(answer(q)));
  const answeredWith = (q: string, pattern: RegExp): void => {
    const a = answer(q);
    assert.equal(a.status, 'answered', `${q} -> ${a.status}${a.status === 'ambiguous' ? `: ${a.choices.map((c) => c.id).join(', ')}` : ''}`);
    assert.match(text(q), pattern, q);
  };
  const declined = (q: string): void => {
    const a = answer(q);
    assert.notEqual(a.status, 'answered', `${q} was answered with ${a.status === 'answered' ? a.record.id : ''}`);
  };
  return { answerer, answer, text, answeredWith, declined };
}
