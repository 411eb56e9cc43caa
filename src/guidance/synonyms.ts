import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { GuidanceRecord } from './schema';
import { words } from './text';

const SynonymFile = z.array(z.array(z.string().min(1)).min(1));

/** Groups of phrases that mean the same thing, each phrase as its lower-case words. */
export interface Thesaurus {
  /** The groups whose phrases occur in `text`, with every phrase of each group. */
  expand(text: string): string[][];
  readonly groups: readonly (readonly string[])[];
}

export const SYNONYMS_FILE = path.join(__dirname, 'synonyms.yaml');

export function loadSynonymGroups(file: string = SYNONYMS_FILE): string[][] {
  const parsed = SynonymFile.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${path.basename(file)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Glossary terms and their aliases are synonyms too: "MARAC" finds "multi-agency risk assessment conference". */
export function glossaryGroups(records: readonly GuidanceRecord[]): string[][] {
  return records.filter((r) => r.kind === 'glossary' && r.term !== undefined).map((r) => [r.term as string, ...r.aliases]);
}

export function buildThesaurus(groups: readonly (readonly string[])[]): Thesaurus {
  const normalised = groups.map((g) => [...new Set(g.map((p) => words(p).join(' ')).filter((p) => p.length > 0))]);
  // phrase -> indexes of the groups it belongs to; a phrase can sit in several groups
  const byPhrase = new Map<string, number[]>();
  normalised.forEach((g, i) => {
    for (const p of g) byPhrase.set(p, [...(byPhrase.get(p) ?? []), i]);
  });
  // the longest phrase that starts with each word: a question word that starts none is passed over
  const longestFrom = new Map<string, number>();
  for (const p of byPhrase.keys()) {
    const ws = p.split(' ');
    const first = ws[0] ?? '';
    longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, ws.length));
  }
  // one question is expanded several times while it is answered
  const recent = new Map<string, string[][]>();
  return {
    groups: normalised,
    expand(text) {
      const known = recent.get(text);
      if (known) return known;
      const ws = words(text);
      const hit = new Set<number>();
      for (let i = 0; i < ws.length; i++) {
        const longest = longestFrom.get(ws[i] ?? '') ?? 0;
        for (let n = 1; n <= longest && i + n <= ws.length; n++) {
          for (const g of byPhrase.get(ws.slice(i, i + n).join(' ')) ?? []) hit.add(g);
        }
      }
      const groups = [...hit].map((g) => normalised[g] ?? []);
      if (recent.size >= 16) recent.clear();
      recent.set(text, groups);
      return groups;
    },
  };
}
