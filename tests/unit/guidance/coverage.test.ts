import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase } from '../../../src/guidance/load';
import { SEED_FILES, type GuidanceRecord } from '../../../src/guidance/schema';
import {
  checkCoverage,
  describeUnits,
  isExcluded,
  normalise,
  parseExclusions,
  splitUnits,
  type Unit,
} from './seed-coverage';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(__dirname, '../../../../shared/seeds');
const EXCLUSIONS_FILE = path.resolve(__dirname, '../../../src/guidance/coverage-exclusions.yaml');

function record(seed: GuidanceRecord['sources'][number]['seed'], text: string): GuidanceRecord {
  return {
    id: 'made-up',
    kind: 'overview',
    edition: '2018',
    title: 'A record made up for the test',
    text,
    aliases: [],
    keywords: [],
    related: [],
    differs: [],
    includes: [],
    sources: [{ seed, ref: 'paragraph 1', publisher: 'Ofsted' }],
  };
}

describe('seed coverage', () => {
  const kb = loadKnowledgeBase();
  const exclusions = parseExclusions(fs.readFileSync(EXCLUSIONS_FILE, 'utf8'));

  it('finds the seed documents', () => {
    for (const seed of SEED_FILES) {
      assert.ok(fs.existsSync(path.join(SEEDS_DIR, seed)), `seed ${seed} not found in ${SEEDS_DIR} (set SEEDS_DIR)`);
    }
  });

  it('carries every substantive line of every seed in some record that cites that seed', () => {
    const units = SEED_FILES.flatMap((seed) => splitUnits(seed, fs.readFileSync(path.join(SEEDS_DIR, seed), 'utf8')));
    assert.ok(units.length > 400, `expected the seeds to split into many units, got ${units.length}`);
    const report = checkCoverage(units, kb.records, exclusions);
    assert.equal(
      report.uncovered.length,
      0,
      `uncovered seed units (add them to a record):\n${describeUnits(report.uncovered)}`,
    );
  });

  it('has no stale exclusions, and every exclusion names a seed and a reason', () => {
    const units = SEED_FILES.flatMap((seed) => splitUnits(seed, fs.readFileSync(path.join(SEEDS_DIR, seed), 'utf8')));
    for (const seed of Object.keys(exclusions))
      assert.ok((SEED_FILES as readonly string[]).includes(seed), `unknown seed ${seed} in exclusions`);
    const report = checkCoverage(units, kb.records, exclusions);
    const stale = report.unusedExclusions.map((u) => `${u.seed}: ${u.exclusion.text ?? u.exclusion.pattern}`);
    assert.deepEqual(stale, []);
  });

  it('reports a made-up unit as uncovered, with its seed and line', () => {
    const seed = '004_0f37f550dc5e673b.txt';
    const units = splitUnits(
      seed,
      '\n\u00b7 Inspectors will bring a brass band to the Wednesday conference of week nine.\n',
    );
    assert.deepEqual(units, [
      { seed, line: 2, text: 'Inspectors will bring a brass band to the Wednesday conference of week nine.' },
    ]);
    const report = checkCoverage(units, kb.records, exclusions);
    assert.deepEqual(report.uncovered, units);
    assert.match(describeUnits(report.uncovered), /^004_0f37f550dc5e673b\.txt:2: Inspectors will bring/);
  });

  it('counts a unit covered only by a record that cites the same seed, at 80% of its words', () => {
    const unit: Unit = {
      seed: '000_59f143c84949ec4f.txt',
      line: 1,
      text: 'one two three four five six seven eight nine ten',
    };
    const eight = 'one two three four five six seven eight';
    const seven = 'one two three four five six seven';
    assert.equal(checkCoverage([unit], [record('000_59f143c84949ec4f.txt', eight)], {}).uncovered.length, 0);
    assert.equal(checkCoverage([unit], [record('000_59f143c84949ec4f.txt', seven)], {}).uncovered.length, 1);
    assert.equal(checkCoverage([unit], [record('002_2a3d57443ca408a3.txt', eight)], {}).uncovered.length, 1);
  });

  it('normalises curly quotes, apostrophes, dashes and bullet markers', () => {
    assert.equal(normalise('Children\u2019s \u2018deep dive\u2019 \u2013 Ofsted'), 'childrens deep dive ofsted');
    const [unit] = splitUnits('003_d0033c1fea1300a3.txt', '\t\u2022 Speak with children, young people and families');
    assert.equal(unit?.text, 'Speak with children, young people and families');
  });

  it('matches exclusions exactly after normalisation, or by pattern', () => {
    const unit: Unit = { seed: '003_d0033c1fea1300a3.txt', line: 3, text: 'Worried about a child?' };
    assert.ok(isExcluded(unit, { text: 'worried about a CHILD', reason: 'page chrome, for the test' }));
    assert.ok(!isExcluded(unit, { text: 'worried about a child today', reason: 'page chrome, for the test' }));
    assert.ok(isExcluded(unit, { pattern: '^worried', reason: 'page chrome, for the test' }));
  });
});
