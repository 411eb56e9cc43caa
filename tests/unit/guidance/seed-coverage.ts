/**
 * Seed coverage: every substantive line of every seed document must be carried by some knowledge-base record
 * that cites that seed. A seed is split into units (its non-empty lines, bullet markers stripped); a unit is
 * covered when one record citing the seed contains at least THRESHOLD of the unit's distinct normalised word
 * tokens in its title, text, summary, fields and aliases. Units deliberately left out (page chrome, boilerplate,
 * hyperlink-only footnotes) are listed with a reason in src/guidance/coverage-exclusions.yaml.
 */
import YAML from 'yaml';
import { z } from 'zod';
import type { GuidanceRecord } from '../../../src/guidance/schema';

export const THRESHOLD = 0.8;

export interface Unit {
  readonly seed: string;
  /** 1-based line number in the seed file. */
  readonly line: number;
  readonly text: string;
}

const Exclusion = z
  .object({
    text: z.string().min(1).optional(),
    pattern: z.string().min(1).optional(),
    reason: z.string().min(10),
  })
  .strict()
  .refine((e) => (e.text === undefined) !== (e.pattern === undefined), 'an exclusion has either "text" or "pattern"');
export type Exclusion = z.infer<typeof Exclusion>;
export const Exclusions = z.record(z.string(), z.array(Exclusion));
export type Exclusions = z.infer<typeof Exclusions>;

export function parseExclusions(yamlText: string): Exclusions {
  return Exclusions.parse(YAML.parse(yamlText) ?? {});
}

/** Lower-case words: curly quotes straightened, apostrophes dropped, other punctuation a word break. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`']/g, '')
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function tokens(text: string): string[] {
  const n = normalise(text);
  return n === '' ? [] : n.split(' ');
}

/** Bullet markers and leading/trailing blanks removed. */
export function stripBullet(line: string): string {
  return line
    .replace(/\uFFFD/g, ' ')
    .replace(/^[\s\u00b7\u2022\u25aa\u25cf\-\u2013\u2014*]+/u, '')
    .trim();
}

export function splitUnits(seed: string, content: string): Unit[] {
  const units: Unit[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const text = stripBullet(raw);
    if (tokens(text).length > 0) units.push({ seed, line: i + 1, text });
  });
  return units;
}

/** The words of a record that count for coverage. */
export function recordTokens(r: GuidanceRecord): Set<string> {
  const parts = [r.title, r.text, r.summary ?? '', ...(r.fields ?? []), ...r.aliases];
  return new Set(tokens(parts.join(' ')));
}

export function coverage(unit: Unit, words: ReadonlySet<string>): number {
  const wanted = new Set(tokens(unit.text));
  let found = 0;
  for (const w of wanted) if (words.has(w)) found += 1;
  return found / wanted.size;
}

export function isExcluded(unit: Unit, exclusion: Exclusion): boolean {
  if (exclusion.text !== undefined) return normalise(exclusion.text) === normalise(unit.text);
  return new RegExp(exclusion.pattern ?? '(?!)', 'iu').test(unit.text);
}

export interface CoverageReport {
  readonly uncovered: Unit[];
  /** Exclusions that matched no unit: stale entries to delete. */
  readonly unusedExclusions: { seed: string; exclusion: Exclusion }[];
}

export function checkCoverage(
  units: readonly Unit[],
  records: readonly GuidanceRecord[],
  exclusions: Exclusions,
  threshold: number = THRESHOLD,
): CoverageReport {
  const bySeed = new Map<string, Set<string>[]>();
  for (const r of records) {
    const words = recordTokens(r);
    for (const seed of new Set(r.sources.map((s) => s.seed))) {
      const list = bySeed.get(seed) ?? [];
      list.push(words);
      bySeed.set(seed, list);
    }
  }
  const used = new Set<Exclusion>();
  const uncovered: Unit[] = [];
  for (const unit of units) {
    const excluded = (exclusions[unit.seed] ?? []).filter((e) => isExcluded(unit, e));
    if (excluded.length > 0) {
      excluded.forEach((e) => used.add(e));
      continue;
    }
    const candidates = bySeed.get(unit.seed) ?? [];
    if (!candidates.some((words) => coverage(unit, words) >= threshold)) uncovered.push(unit);
  }
  const seeds = new Set(units.map((u) => u.seed));
  const unusedExclusions = Object.entries(exclusions)
    .filter(([seed]) => seeds.has(seed))
    .flatMap(([seed, list]) => list.filter((e) => !used.has(e)).map((exclusion) => ({ seed, exclusion })));
  return { uncovered, unusedExclusions };
}

export function describeUnits(units: readonly Unit[]): string {
  return units.map((u) => `${u.seed}:${u.line}: ${u.text}`).join('\n');
}
