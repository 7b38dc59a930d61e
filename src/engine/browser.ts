// The engine's surface in the agent's browser (scripts/build-browser.ts bundles
// it): the same engine as src/engine/index.ts, without the YAML readers a page
// has no use for (a team's settings reach it as JSON). The learned weights come
// as a second file and are added with registerModels once it has loaded.
export { Engine, analyze, getDefaultEngine, type AnalyzeOptions } from './engine.js';
export { parseConfig, DEFAULT_THRESHOLDS, type EngineConfig, type Thresholds, type RuleSetting } from './config.js';
export { registerModels } from './learned/index.js';
export { normalizeConversation } from './input.js';
export { RULES } from './rules/index.js';
export type { AnyRule, ConversationRule, Rule, RuleDocs, RuleExample } from './rule.js';
export * from './types.js';
