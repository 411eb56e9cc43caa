import assert from 'node:assert/strict';
import { loadGuidance } from '../../../src/guidance';
import { GuidanceIndex } from '../../../src/guidance/search';
import { buildThesaurus } from '../../../src/guidance/synonyms';

describe('ranked search over the guidance', () => {
  const { kb } = loadGuidance();
  const fresh = (): GuidanceIndex => new GuidanceIndex(kb.records, buildThesaurus([['strategy discussion', 'strat meeting']]));
  const ranking = (index: GuidanceIndex, question: string): string[] => index.search(question).map((h) => `${h.record.id} ${h.score.toFixed(6)}`);

  it('scores each question on its own, whatever was searched before it', () => {
    const questions = ['when is the draft report sent?', 'what does ESN 28 say?', 'strat meeting within how many days', 'MARAC'];
    const expected = questions.map((q) => ranking(fresh(), q));
    const reused = fresh();
    for (let round = 0; round < 3; round++) {
      questions.forEach((q, i) => assert.deepEqual(ranking(reused, q), expected[i], `"${q}" after ${round * questions.length + i} other searches`));
    }
    assert.ok(expected.every((e) => e.length > 0));
  });
});
