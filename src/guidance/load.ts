import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { GuidanceRecord } from './schema';

export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(readonly problems: string[]) {
    super(`The guidance content is invalid:\n  ${problems.join('\n  ')}`);
  }
}

export interface KnowledgeBase {
  readonly records: readonly GuidanceRecord[];
  readonly byId: ReadonlyMap<string, GuidanceRecord>;
}

/** The content shipped with the app: `content/` beside this module (in src/ and dist/ alike). */
export const CONTENT_DIR = path.join(__dirname, 'content');

/** Parses content files already read into memory: `{ 'file.yaml': 'yaml text' }`. */
export function parseKnowledgeBase(files: Record<string, string>): KnowledgeBase {
  const problems: string[] = [];
  const records: GuidanceRecord[] = [];
  const fileOf = new Map<GuidanceRecord, string>();
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    let doc: unknown;
    try {
      doc = YAML.parse(text);
    } catch (err) {
      problems.push(`${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
      continue;
    }
    if (!Array.isArray(doc)) {
      problems.push(`${file}: expected a list of records`);
      continue;
    }
    doc.forEach((raw: unknown, i) => {
      const label = describe(file, i, raw);
      const parsed = GuidanceRecord.safeParse(raw);
      if (parsed.success) {
        records.push(parsed.data);
        fileOf.set(parsed.data, file);
      }
      else for (const issue of parsed.error.issues) problems.push(`${label}: ${issue.path.join('.') || '(record)'}: ${issue.message}`);
    });
  }
  const byId = new Map<string, GuidanceRecord>();
  for (const r of records) {
    const first = byId.get(r.id);
    if (first) problems.push(`${fileOf.get(r)}: record "${r.id}" is defined twice (first in ${fileOf.get(first)})`);
    byId.set(r.id, r);
  }
  for (const r of records) {
    for (const field of ['related', 'differs', 'includes'] as const) {
      for (const ref of r[field]) if (!byId.has(ref)) problems.push(`${fileOf.get(r)}: record "${r.id}": ${field} names unknown record "${ref}"`);
    }
    const due = r.due;
    if (due?.rule === 'working-days-after' && due.from !== 'notification') {
      const from = records.find((o) => o.milestone === due.from && o.edition === r.edition);
      if (!from) problems.push(`${fileOf.get(r)}: record "${r.id}": due.from names no milestone "${due.from}" of edition ${r.edition}`);
    }
  }
  const milestones = new Set<string>();
  for (const r of records) {
    if (r.milestone === undefined) continue;
    const key = `${r.edition}/${r.milestone}`;
    if (milestones.has(key)) problems.push(`milestone "${r.milestone}" is defined twice in edition ${r.edition}`);
    milestones.add(key);
  }
  if (problems.length > 0) throw new ContentError(problems);
  return { records, byId };
}

export function loadKnowledgeBase(dir: string = CONTENT_DIR): KnowledgeBase {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir)) {
    if (name.endsWith('.yaml') || name.endsWith('.yml')) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  }
  return parseKnowledgeBase(files);
}

function describe(file: string, index: number, raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String((raw as { id: unknown }).id) : undefined;
  return `${file} record ${index + 1}${id ? ` ("${id}")` : ''}`;
}
