// The engine's public surface: pure and isomorphic (no fs, no network).
export { Engine, analyze, getDefaultEngine, type AnalyzeOptions } from './engine.js';
export { parseConfig, DEFAULT_THRESHOLDS, type EngineConfig, type Thresholds, type RuleSetting } from './config.js';
export { parsePhraseFile, parsePhraseList, parseGlossary, parseYaml, DataError, type PhraseList, type GlossaryTerm, type LoadError } from './phrases/load.js';
export { checkListExamples } from './phrases/check.js';
export { Doc } from './text/doc.js';
export { registerModels } from './learned/index.js';
export { normalizeConversation } from './input.js';
export { RULES } from './rules/index.js';
export type { AnyRule, ConversationContext, ConversationExample, ConversationRule, Rule, RuleContext, RuleDocs, RuleExample, Report } from './rule.js';
export { BusinessCalendar, type CalendarConfig } from './time/calendar.js';
export { DEFAULT_CHANNELS, type ChannelTiming } from './time/timing.js';
export * from './types.js';
