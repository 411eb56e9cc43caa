import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { z } from 'zod';

/**
 * Adaptive Card templates (JSON files under templates/) expanded with adaptivecards-templating.
 * Each template's data is checked against a zod schema before expansion, so a card is never
 * rendered from data of the wrong shape. Returns a plain attachment object; bot/ sends it.
 */
export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: Record<string, unknown>;
}

export const TEMPLATE_DIR = path.join(__dirname, 'templates');
const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(fs.readFileSync(path.join(TEMPLATE_DIR, `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t;
}

export function renderCard<S extends z.ZodTypeAny>(name: string, schema: S, data: z.input<S>): CardAttachment {
  const parsed = schema.parse(data) as z.output<S>;
  const content = template(name).expand({ $root: parsed }) as Record<string, unknown>;
  return { contentType: 'application/vnd.microsoft.card.adaptive', content };
}

/** Teams drops messages over about 80 KB; cards are kept well under that. */
export const MAX_CARD_BYTES = 28 * 1024;

export function cardSize(card: CardAttachment): number {
  return Buffer.byteLength(JSON.stringify(card.content), 'utf8');
}
