// Team configuration for the command line: find the file (--config, or walk up
// from the working directory), parse it (YAML or JSON) keeping line numbers,
// load the phrase files and glossary it points at, run each team list's own
// examples, and build the engine. Every error names the file and the line.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  CONVERSATION_PROBLEMS, DataError, Engine, MESSAGE_PROBLEMS, SIGNALS, STRENGTHS, checkListExamples, isCategory, getDefaultEngine, parseConfig, parseGlossary, parsePhraseFile, parseYaml,
  type EngineConfig, type LoadError, type PhraseList,
} from '../engine/index.js';

export const CONFIG_NAMES = ['rapport.config.json', 'rapport.config.yaml', 'rapport.config.yml', '.rapportrc.json'] as const;

export interface LoadedConfig {
  engine: Engine;
  config: EngineConfig;
  /** The config file used, or undefined for the built-in defaults. */
  file?: string;
}

/** The nearest config file in `start` or a folder above it. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p) && statSync(p).isFile()) return p;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Loads the config named by --config, or the one found above `cwd`, or none; throws DataError. */
export function loadConfig(options: { configPath?: string; cwd?: string } = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const path = options.configPath ? resolve(cwd, options.configPath) : findConfigFile(cwd);
  // The built-in engine is made on first use: `rapport audit --workers N` never needs one in this thread.
  if (!path) return { get engine() { return getDefaultEngine(); }, config: {} };
  const display = displayPath(path, cwd);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new DataError([{ file: display, line: 1, message: `cannot read the config: ${why}` }]);
  }
  const config = parseConfigText(text, display, dirname(path), cwd);
  return { engine: buildEngine(config, display), config, file: path };
}

/** Parses a config file's text; phrase and glossary paths are resolved against `baseDir`. Throws DataError. */
export function parseConfigText(text: string, display: string, baseDir: string, cwd = process.cwd()): EngineConfig {
  const { value, lineOf, errors } = parseYaml(text, display);
  if (errors.length) throw new DataError(errors);

  // `phrases` may mix inline lists with paths to phrase files; `glossary` may be a path.
  const fileLists: PhraseList[] = [];
  let fileGlossary: EngineConfig['glossary'];
  let forEngine: unknown = value;
  let phraseIndex: number[] = [];
  if (isObject(value)) {
    const copy: Record<string, unknown> = { ...value };
    if (Array.isArray(value.phrases)) {
      const inline: unknown[] = [];
      value.phrases.forEach((p, i) => {
        if (typeof p !== 'string') {
          phraseIndex.push(i);
          inline.push(p);
          return;
        }
        const r = readDataFile(p, baseDir, cwd, display, lineOf(['phrases', i]), errors);
        if (r === undefined) return;
        const parsed = parsePhraseFile(r.text, r.display);
        errors.push(...parsed.errors);
        fileLists.push(...parsed.lists);
      });
      copy.phrases = inline;
    }
    if (typeof value.glossary === 'string') {
      const r = readDataFile(value.glossary, baseDir, cwd, display, lineOf(['glossary']), errors);
      if (r !== undefined) {
        const parsed = parseGlossary(r.text, r.display);
        errors.push(...parsed.errors);
        fileGlossary = parsed.terms;
      }
      delete copy.glossary;
    }
    forEngine = copy;
  } else phraseIndex = [];

  const mappedLineOf = (path: Array<string | number>): number => {
    if (path[0] === 'phrases' && typeof path[1] === 'number') return lineOf(['phrases', phraseIndex[path[1]] ?? path[1], ...path.slice(2)]);
    return lineOf(path);
  };
  const parsed = parseConfig(forEngine, display, mappedLineOf);
  errors.push(...parsed.errors);
  const config = parsed.config;
  if (fileLists.length) config.phrases = [...fileLists, ...(config.phrases ?? [])];
  if (fileGlossary) config.glossary = [...fileGlossary, ...(config.glossary ?? [])];

  // Each team list runs its own examples, so a list that misses its own example is caught where it is written.
  const builtin = getDefaultEngine().lists;
  for (const list of config.phrases ?? []) {
    const target = list.extends ? builtin.get(list.extends) : undefined;
    errors.push(...checkListExamples(list, target?.entries ?? []));
  }

  // Rule settings: check the names here, where the line is known (the engine only knows "config").
  // A taxonomy category no rule implements yet is accepted and has no effect (the engine
  // would reject it), so a team config does not break when rules come and go.
  if (config.rules) {
    const known = new Set<string>();
    for (const r of getDefaultEngine().rules) known.add(r.id).add(r.category);
    for (const l of config.phrases ?? []) if (l.kind === 'existence' && !l.extends && l.category) known.add(`phrases/${l.id}`).add(l.category);
    for (const id of Object.keys(config.rules)) {
      if (known.has(id)) continue;
      if (isCategory(id)) delete config.rules[id];
      else errors.push({ file: display, line: lineOf(['rules', id]), message: `"rules": no rule or category is called "${id}"${didYouMean(id, [...known, ...ALL_CATEGORIES])} (see \`rapport rules\`)` });
    }
  }
  if (errors.length) throw new DataError(errors);
  return config;
}

/** Builds the engine; errors the engine finds without a file are put on the config file. */
export function buildEngine(config: EngineConfig, display: string): Engine {
  try {
    return new Engine(config);
  } catch (e) {
    if (e instanceof DataError) throw new DataError(e.errors.map((x) => (x.file === 'config' ? { ...x, file: display } : x)));
    throw e;
  }
}

function readDataFile(
  p: string, baseDir: string, cwd: string, configDisplay: string, line: number, errors: LoadError[],
): { text: string; display: string } | undefined {
  const full = isAbsolute(p) ? p : resolve(baseDir, p);
  try {
    return { text: readFileSync(full, 'utf8'), display: displayPath(full, cwd) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    errors.push({ file: configDisplay, line, message: `cannot read "${p}" (${code === 'ENOENT' ? `no such file: ${displayPath(full, cwd)}` : (e as Error).message})` });
    return undefined;
  }
}

export function displayPath(p: string, cwd = process.cwd()): string {
  const rel = relative(cwd, p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

const ALL_CATEGORIES: string[] = [...MESSAGE_PROBLEMS, ...CONVERSATION_PROBLEMS, ...STRENGTHS, ...SIGNALS];

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** ", did you mean "x"?" for a close name, else "". */
export function didYouMean(name: string, candidates: string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 4)) ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
