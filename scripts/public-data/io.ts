// Reading the public evaluation data where it lies (../shared/data/ by default,
// or $RAPPORT_PUBLIC_DATA): it is never copied into this repository.

import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The folder holding the public data sets (one sub-folder each, with its SOURCE.md). */
export function dataDir(): string {
  return process.env.RAPPORT_PUBLIC_DATA ?? join(root, '..', 'shared', 'data');
}

export function dataPath(...parts: string[]): string {
  return join(dataDir(), ...parts);
}

export function hasData(...parts: string[]): boolean {
  return existsSync(dataPath(...parts));
}

/** A text file, gunzipped when its name ends in .gz; a leading byte-order mark is dropped. */
export function readText(...parts: string[]): string {
  const path = dataPath(...parts);
  const buf = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A CSV file with a header row, as records keyed by column name. */
export function readCsv(...parts: string[]): Array<Record<string, string>> {
  return parse(readText(...parts), { columns: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true }) as Array<Record<string, string>>;
}

/** A tab-separated file without a header, as rows of fields (no quoting: GoEmotions' TSVs are raw). */
export function readTsv(...parts: string[]): string[][] {
  return readText(...parts).split('\n').filter((l) => l.length > 0).map((l) => l.replace(/\r$/, '').split('\t'));
}

export function readJsonl<T>(...parts: string[]): T[] {
  return readText(...parts).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}
