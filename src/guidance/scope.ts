import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

/** A kind of request the guidance cannot answer (see out-of-scope.yaml). */
export interface ScopeRule {
  id: string;
  label: string;
  patterns: RegExp[];
  advice: string;
}

const RuleFile = z.array(
  z
    .object({
      id: z.string().min(1),
      label: z.string().min(1),
      patterns: z.array(z.string().min(1)).min(1),
      advice: z.string().min(1),
    })
    .strict(),
);

export const SCOPE_FILE = path.join(__dirname, 'out-of-scope.yaml');

export function loadScopeRules(file: string = SCOPE_FILE): ScopeRule[] {
  const parsed = RuleFile.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${path.basename(file)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.map((r) => ({
    ...r,
    patterns: r.patterns.map((p, i) => {
      try {
        return new RegExp(p, 'i');
      } catch (err) {
        throw new Error(`${path.basename(file)}: rule ${r.id} pattern ${i + 1} is not a valid regular expression: ${(err as Error).message}`, { cause: err });
      }
    }),
  }));
}

export function outOfScope(question: string, rules: readonly ScopeRule[]): ScopeRule | undefined {
  const q = question.toLowerCase().replace(/[’‘]/g, "'");
  return rules.find((r) => r.patterns.some((p) => p.test(q)));
}

/** Names the kinds of question the bot declines, for its decline message. */
export function scopeLabels(rules: readonly ScopeRule[]): string[] {
  return rules.map((r) => r.label);
}
