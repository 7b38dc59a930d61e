// Team configuration as the engine sees it: already read and parsed by the
// caller (the CLI reads rapport.config.json / .yaml; the web app its database).
// Pure: this module checks shape and merges, it never touches the file system.

import type { GlossaryTerm, LoadError, PhraseList } from './phrases/load.js';
import { parseGlossaryTerms, parsePhraseList } from './phrases/load.js';
import { SEVERITIES, type Channel, type Severity } from './types.js';
import type { CalendarConfig } from './time/calendar.js';
import { parseCalendar, parseChannels, type ChannelTiming } from './time/timing.js';

export interface Thresholds {
  /** A paragraph of at least this many words with several ideas is a wall of text. */
  wallOfTextWords: number;
  /** How many sentences (or instructions) make a dense paragraph a wall. */
  wallOfTextSentences: number;
  /** Exclamation marks in one reply before it reads as gushing. */
  overfriendlyExclamations: number;
  /** Emoji in one reply before it reads as gushing. */
  overfriendlyEmoji: number;
  /** A reply of at most this many words that shuts the exchange is blunt. */
  bluntShortReplyWords: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  wallOfTextWords: 80,
  wallOfTextSentences: 4,
  overfriendlyExclamations: 3,
  overfriendlyEmoji: 2,
  bluntShortReplyWords: 4,
};

export type RuleSetting = 'off' | Severity;

export interface EngineConfig {
  /** By rule id or category: "off" or a severity. */
  rules?: Record<string, RuleSetting>;
  thresholds?: Partial<Thresholds>;
  /** Extra phrase lists (new existence rules, or `extends` of a built-in list). */
  phrases?: PhraseList[];
  /** Extra glossary terms. */
  glossary?: GlossaryTerm[];
  /** The business calendar email and ticket waits are counted in. */
  calendar?: Partial<CalendarConfig>;
  /** Per channel: how long a customer may wait, and what a vague promise means. */
  channels?: Partial<Record<Channel, Partial<ChannelTiming>>>;
}

/**
 * Checks a config object as read from a file (JSON or YAML), returning the
 * engine config and errors that name the file (and line, when known).
 */
export function parseConfig(
  value: unknown,
  file: string,
  lineOf: (path: Array<string | number>) => number = () => 1,
): { config: EngineConfig; errors: LoadError[] } {
  const errors: LoadError[] = [];
  const config: EngineConfig = {};
  const err = (path: Array<string | number>, message: string): void => {
    errors.push({ file, line: lineOf(path), message });
  };
  if (value === null || value === undefined) return { config, errors };
  if (typeof value !== 'object' || Array.isArray(value)) {
    err([], 'the config must be a mapping (rules, thresholds, phrases, glossary)');
    return { config, errors };
  }
  const v = value as Record<string, unknown>;
  const known = ['rules', 'thresholds', 'phrases', 'glossary', 'extends', '$schema', 'channels', 'calendar'];
  for (const k of Object.keys(v)) if (!known.includes(k)) err([k], `unknown key "${k}" (expected one of: ${known.join(', ')})`);
  if (v.rules !== undefined) {
    if (typeof v.rules !== 'object' || v.rules === null || Array.isArray(v.rules)) err(['rules'], '"rules" maps a rule id or category to "off", "info", "warning" or "error"');
    else {
      config.rules = {};
      for (const [id, s] of Object.entries(v.rules as Record<string, unknown>)) {
        const setting = s === false ? 'off' : s;
        if (setting !== 'off' && !(SEVERITIES as readonly unknown[]).includes(setting)) err(['rules', id], `rule "${id}": expected "off", "info", "warning" or "error"`);
        else config.rules[id] = setting as RuleSetting;
      }
    }
  }
  if (v.thresholds !== undefined) {
    const t = v.thresholds as Record<string, unknown>;
    config.thresholds = {};
    for (const [k, n] of Object.entries(t ?? {})) {
      if (!Object.hasOwn(DEFAULT_THRESHOLDS, k)) err(['thresholds', k], `unknown threshold "${k}" (known: ${Object.keys(DEFAULT_THRESHOLDS).join(', ')})`);
      else if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) err(['thresholds', k], `threshold "${k}" must be a non-negative number`);
      else (config.thresholds as Record<string, number>)[k] = n;
    }
  }
  if (v.phrases !== undefined) {
    if (!Array.isArray(v.phrases)) err(['phrases'], '"phrases" must be a list of phrase lists');
    else {
      config.phrases = [];
      v.phrases.forEach((p, i) => {
        const r = parsePhraseList(p, file, (path) => lineOf(['phrases', i, ...path]));
        errors.push(...r.errors);
        if (r.list) config.phrases!.push(r.list);
      });
    }
  }
  if (v.glossary !== undefined) {
    const items = Array.isArray(v.glossary) ? v.glossary : (v.glossary as { terms?: unknown })?.terms;
    if (!Array.isArray(items)) err(['glossary'], '"glossary" must be a list of terms');
    else {
      const base = Array.isArray(v.glossary) ? ['glossary'] : ['glossary', 'terms'];
      const r = parseGlossaryTerms(items, file, (path) => lineOf([...base, ...path]));
      errors.push(...r.errors);
      config.glossary = r.terms;
    }
  }
  if (v.calendar !== undefined) config.calendar = parseCalendar(v.calendar, err);
  if (v.channels !== undefined) config.channels = parseChannels(v.channels, config.calendar ?? {}, err);
  return { config, errors };
}
