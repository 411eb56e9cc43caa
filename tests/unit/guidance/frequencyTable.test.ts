import assert from 'node:assert/strict';
import { FrequencyTable } from '../../../src/guidance/frequencyTable';
import { spokenFrequency, spokenStemFrequency } from '../../../src/guidance/text';

describe('the compact word-count table', () => {
  it('gives back every count it was built from, and 0 for words it does not hold', () => {
    const counts = new Map<string, number>([
      ['abuse', 120],
      ['ab', 3],
      ['abused', 7],
      ['zebra', 1],
      ['école', 5],
      ['a', 9000],
      ['marac', 0.5],
    ]);
    const table = new FrequencyTable(counts);
    assert.equal(table.size, counts.size);
    for (const [word, count] of counts) assert.equal(table.get(word), count, word);
    for (const absent of ['', 'abus', 'abusee', 'b', 'zebras', 'ecole', 'ABUSE']) assert.equal(table.get(absent), 0, absent);
  });

  it('holds nothing when built from nothing', () => {
    const table = new FrequencyTable(new Map());
    assert.equal(table.size, 0);
    assert.equal(table.get('anything'), 0);
  });

  it('answers for the SUBTLEX list as it is used: everyday words common, guidance jargon rare', () => {
    assert.ok(spokenFrequency('house') > 10_000, 'house');
    assert.ok(spokenFrequency('Houses') >= spokenFrequency('house'), 'counts all forms, whatever the case');
    assert.ok(spokenFrequency('marac') < 5, 'marac');
    assert.equal(spokenStemFrequency('no-such-stem-xyz'), 0);
  });
});
