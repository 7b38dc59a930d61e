// Phrase lists and the glossary are data a team lead edits. This module turns
// their YAML (or JSON, which is YAML too) into checked objects, and every error
// names the file and the line. It is pure: callers read the files.

import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { isCategory, SEVERITIES, type Category, type Severity } from '../types.js';
import { expandPattern, PatternError, sequenceKey } from './pattern.js';

export interface LoadError {
  file: string;
  line: number;
  message: string;
}

export class DataError extends Error {
  readonly errors: LoadError[];
  constructor(errors: LoadError[]) {
    super(errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
    this.errors = errors;
  }
}

export interface PhraseEntry {
  pattern: string;
  /** A better wording to offer when this phrase is found. */
  suggest?: string;
  note?: string;
  line?: number;
}

export interface PhraseList {
  id: string;
  /**
   * `list`: words a rule module uses; `existence`: a rule by itself, reporting every
   * match as a finding of `category` (how a team adds its own checks without code).
   */
  kind: 'list' | 'existence';
  /** Adds these phrases to an existing list instead of defining a new one. */
  extends?: string;
  category?: Category;
  description?: string;
  message?: string;
  why?: string;
  instead?: string;
  severity?: Severity;
  entries: PhraseEntry[];
  examples?: { match: string[]; nomatch: string[] };
  file?: string;
  line?: number;
}

export type TermLevel = 'common' | 'technical' | 'expert';

export interface GlossaryTerm {
  term: string;
  aliases: string[];
  plain: string;
  level: TermLevel;
  topic: string;
  caseSensitive?: boolean;
  context?: string[];
  file?: string;
  line?: number;
}

export interface ParsedYaml {
  value: unknown;
  lineOf: (path: Array<string | number>) => number;
  errors: LoadError[];
}

/** Parses YAML (or JSON) keeping line numbers: `lineOf(path)` gives the line of a key or item. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: LoadError[] = doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line, message: e.message.split('\n')[0]! }));
  const lineOf = (path: Array<string | number>): number => {
    let node: unknown = doc.contents;
    let best = 1;
    const pos = (n: unknown): number | undefined => {
      const r = (n as YamlNode | undefined)?.range;
      return r ? lineCounter.linePos(r[0]).line : undefined;
    };
    best = pos(node) ?? best;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        best = pos(pair.key) ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        best = pos(node) ?? best;
      } else break;
    }
    return best;
  };
  return { value: errors.length ? undefined : doc.toJS(), lineOf, errors };
}

const ID = /^[a-z0-9][a-z0-9._/-]{0,80}$/;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStrArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Parses one phrase file. A file holds one list, or `lists: [...]` for several. */
export function parsePhraseFile(text: string, file: string): { lists: PhraseList[]; errors: LoadError[] } {
  const { value, lineOf, errors } = parseYaml(text, file);
  if (errors.length) return { lists: [], errors };
  const lists: PhraseList[] = [];
  if (isObj(value) && Array.isArray(value.lists)) {
    value.lists.forEach((v, i) => {
      const r = parsePhraseList(v, file, (p) => lineOf(['lists', i, ...p]));
      if (r.list) lists.push(r.list);
      errors.push(...r.errors);
    });
  } else {
    const r = parsePhraseList(value, file, lineOf);
    if (r.list) lists.push(r.list);
    errors.push(...r.errors);
  }
  return { lists, errors };
}

export function parsePhraseList(
  value: unknown,
  file: string,
  lineOf: (path: Array<string | number>) => number = () => 1,
): { list?: PhraseList; errors: LoadError[] } {
  const errors: LoadError[] = [];
  const err = (path: Array<string | number>, message: string): void => {
    errors.push({ file, line: lineOf(path), message });
  };
  if (!isObj(value)) {
    err([], 'a phrase list must be a mapping with at least "id" and "phrases"');
    return { errors };
  }
  const known = new Set(['id', 'kind', 'extends', 'category', 'description', 'message', 'why', 'instead', 'severity', 'phrases', 'examples', 'level']);
  for (const k of Object.keys(value)) if (!known.has(k)) err([k], `unknown key "${k}" (expected one of: ${[...known].join(', ')})`);
  const id = value.id;
  if (typeof id !== 'string' || !ID.test(id)) err(['id'], '"id" must be lower-case letters, digits, ".", "-", "_" or "/"');
  const kind = value.kind ?? 'list';
  if (kind !== 'list' && kind !== 'existence') err(['kind'], '"kind" must be "list" or "existence"');
  const category = value.category;
  if (category !== undefined && (typeof category !== 'string' || !isCategory(category))) err(['category'], `unknown category "${String(category)}" (see shared/TAXONOMY.md)`);
  if (kind === 'existence' && category === undefined && value.extends === undefined) err(['kind'], 'an "existence" list needs a "category"');
  if (kind === 'existence' && value.extends === undefined && typeof value.message !== 'string') err(['kind'], 'an "existence" list needs a "message" shown with each finding');
  const severity = value.severity ?? value.level;
  if (severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(severity)) err(['severity'], '"severity" must be error, warning or info');
  for (const k of ['extends', 'description', 'message', 'why', 'instead'] as const) {
    if (value[k] !== undefined && typeof value[k] !== 'string') err([k], `"${k}" must be text`);
  }
  const entries: PhraseEntry[] = [];
  if (!Array.isArray(value.phrases) || value.phrases.length === 0) err(['phrases'], '"phrases" must be a non-empty list');
  else {
    const seen = new Map<string, number>();
    value.phrases.forEach((p: unknown, i: number) => {
      const line = lineOf(['phrases', i]);
      let entry: PhraseEntry | undefined;
      if (typeof p === 'string') entry = { pattern: p, line };
      else if (isObj(p) && typeof p.phrase === 'string') {
        entry = { pattern: p.phrase, line };
        if (typeof p.suggest === 'string') entry.suggest = p.suggest;
        if (typeof p.note === 'string') entry.note = p.note;
        for (const k of Object.keys(p)) if (!['phrase', 'suggest', 'note'].includes(k)) err(['phrases', i], `unknown key "${k}" in a phrase (expected phrase, suggest, note)`);
      } else {
        err(['phrases', i], 'a phrase is text, or a mapping with "phrase" (and optional "suggest", "note")');
        return;
      }
      try {
        expandPattern(entry.pattern, { sets: true });
        // Duplicates are looked for phrase by phrase when the pattern is small enough
        // to list, and by its shape otherwise.
        let seqs;
        try {
          seqs = expandPattern(entry.pattern, { limit: 5000 });
        } catch {
          seqs = expandPattern(entry.pattern, { sets: true });
        }
        for (const seq of seqs) {
          const key = sequenceKey(seq);
          const prev = seen.get(key);
          if (prev !== undefined && prev !== line) {
            err(['phrases', i], `"${entry.pattern}" repeats "${key}" already listed on line ${prev}`);
            break;
          }
          seen.set(key, line);
        }
      } catch (e) {
        err(['phrases', i], e instanceof PatternError ? e.message : String(e));
        return;
      }
      entries.push(entry);
    });
  }
  let examples: PhraseList['examples'];
  if (value.examples !== undefined) {
    const ex = value.examples;
    if (!isObj(ex)) err(['examples'], '"examples" must be a mapping with "invalid" and/or "valid" lists');
    else {
      const match = ex.invalid ?? ex.match ?? [];
      const nomatch = ex.valid ?? ex.nomatch ?? [];
      if (!isStrArray(match) || !isStrArray(nomatch)) err(['examples'], 'examples must be lists of text');
      else examples = { match, nomatch };
    }
  }
  if (errors.length) return { errors };
  const list: PhraseList = { id: id as string, kind: kind as PhraseList['kind'], entries, file, line: lineOf([]) };
  if (typeof value.extends === 'string') list.extends = value.extends;
  if (category !== undefined) list.category = category as Category;
  for (const k of ['description', 'message', 'why', 'instead'] as const) if (typeof value[k] === 'string') list[k] = value[k] as string;
  if (severity !== undefined) list.severity = severity as Severity;
  if (examples) list.examples = examples;
  return { list, errors };
}

const LEVELS: readonly TermLevel[] = ['common', 'technical', 'expert'];

/** Parses a glossary: `terms: [...]` or a bare list of terms. */
export function parseGlossary(text: string, file: string): { terms: GlossaryTerm[]; errors: LoadError[] } {
  const { value, lineOf, errors } = parseYaml(text, file);
  if (errors.length) return { terms: [], errors };
  const items = isObj(value) ? value.terms : value;
  const base: Array<string | number> = isObj(value) ? ['terms'] : [];
  if (!Array.isArray(items)) return { terms: [], errors: [{ file, line: 1, message: 'a glossary is a list of terms, or a mapping with "terms:"' }] };
  return parseGlossaryTerms(items, file, (p) => lineOf([...base, ...p]));
}

export function parseGlossaryTerms(
  items: unknown[],
  file: string,
  lineOf: (path: Array<string | number>) => number = () => 1,
): { terms: GlossaryTerm[]; errors: LoadError[] } {
  const errors: LoadError[] = [];
  const terms: GlossaryTerm[] = [];
  const seen = new Map<string, number>();
  items.forEach((t, i) => {
    const line = lineOf([i]);
    const err = (message: string): void => {
      errors.push({ file, line, message });
    };
    if (!isObj(t)) return err('a term is a mapping with "term", "plain" and "level"');
    if (typeof t.term !== 'string' || !t.term.trim()) return err('"term" must be text');
    if (typeof t.plain !== 'string' || !t.plain.trim()) return err(`"${t.term}": "plain" (the everyday explanation) must be text`);
    const level = t.level ?? 'technical';
    if (!LEVELS.includes(level as TermLevel)) return err(`"${t.term}": "level" must be common, technical or expert`);
    const aliases = t.aliases ?? [];
    if (!isStrArray(aliases)) return err(`"${t.term}": "aliases" must be a list of text`);
    if (t.context !== undefined && !isStrArray(t.context)) return err(`"${t.term}": "context" must be a list of words`);
    if (t.case !== undefined && t.case !== 'sensitive' && t.case !== 'insensitive') return err(`"${t.term}": "case" must be "sensitive" or "insensitive"`);
    const caseSensitive = t.case === 'sensitive';
    for (const form of [t.term, ...aliases]) {
      const key = caseSensitive ? form : form.toLowerCase();
      const prev = seen.get(key);
      if (prev !== undefined) return err(`"${form}" is already in the glossary (line ${prev})`);
      seen.set(key, line);
      try {
        expandPattern(form.replace(/[()[\]|*]/g, ' '));
      } catch (e) {
        return err(`"${form}": ${(e as Error).message}`);
      }
    }
    const term: GlossaryTerm = { term: t.term, aliases, plain: t.plain.trim(), level: level as TermLevel, topic: typeof t.topic === 'string' ? t.topic : 'general', file, line };
    if (caseSensitive) term.caseSensitive = true;
    if (Array.isArray(t.context)) term.context = (t.context as string[]).map((c) => c.toLowerCase());
    terms.push(term);
  });
  return { terms, errors };
}
