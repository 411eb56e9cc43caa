import { Answerer } from './answerer';
import { CONTENT_DIR, type KnowledgeBase, loadKnowledgeBase } from './load';
import { loadScopeRules } from './scope';
import { loadSynonymGroups } from './synonyms';

export type { Answer, DeclineReason } from './answerer';
export { Answerer } from './answerer';
export type { KnowledgeBase } from './load';
export { answerView, viewToText, type AnswerView } from './view';

export interface Guidance {
  kb: KnowledgeBase;
  answerer: Answerer;
}

/** Loads and validates the knowledge base and builds the answerer: done once, at start-up. */
export function loadGuidance(contentDir: string = CONTENT_DIR): Guidance {
  const kb = loadKnowledgeBase(contentDir);
  const answerer = new Answerer(kb, { synonymGroups: loadSynonymGroups(), scopeRules: loadScopeRules() });
  return { kb, answerer };
}
