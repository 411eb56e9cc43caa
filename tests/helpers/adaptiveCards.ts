import type { CardAttachment } from '../../src/cards/render';

/**
 * Validates a card with the official `adaptivecards` package, as Teams' renderer would read it
 * (its lib/ build needs a DOM; dist/ loads in Node). Returns the problems found, empty when valid.
 */
interface ValidationEvent {
  phase: number;
  event: number;
  message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ValidationEvent[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ValidationEvent };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

export function cardProblems(card: CardAttachment): string[] {
  const problems: string[] = [];
  const content = card.content;
  if (card.contentType !== 'application/vnd.microsoft.card.adaptive') problems.push(`contentType is ${card.contentType}`);
  if (content.type !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  if (typeof content.version !== 'string' || Number(content.version) > 1.5) problems.push(`version ${String(content.version)} is above 1.5`);
  const json = JSON.stringify(content);
  if (json.includes('${')) problems.push('unexpanded template expression left in the card');
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(content, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  // What the package does not check: every TextBlock needs text, every action a title.
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && (typeof o.text !== 'string' || o.text.trim() === '')) problems.push('a TextBlock has no text');
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && (typeof o.title !== 'string' || o.title.trim() === '')) problems.push(`${o.type} without a title`);
    if (o.type === 'Action.OpenUrl' && typeof o.url !== 'string') problems.push('Action.OpenUrl without a url');
    Object.values(o).forEach(walk);
  };
  walk(content);
  return problems;
}
