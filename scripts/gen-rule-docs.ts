// `npm run docs`: writes docs/rules/README.md (an index by skill) and one page
// per rule (docs/rules/<id with / as ->.md) from each rule's own docs and
// examples, with what the engine reports on the incorrect ones. Pages of rules
// that no longer exist are removed. gen-rule-docs.test.ts fails when the folder
// is out of date.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../src/engine/index.js';
import { renderRuleDocs } from '../src/formats/rule-docs.js';

export const DOCS_DIR = fileURLToPath(new URL('../docs/rules/', import.meta.url));

/** The folder's expected contents, by file name, from the built-in rules (no team config). */
export function expectedDocs(): Map<string, string> {
  return renderRuleDocs(new Engine());
}

/** Differences between docs/rules/ on disk and the registry: missing, stale and changed files. */
export function docsDrift(expected = expectedDocs(), dir = DOCS_DIR): string[] {
  const problems: string[] = [];
  const onDisk = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
  for (const [name, text] of expected) {
    if (!onDisk.includes(name)) problems.push(`missing: docs/rules/${name}`);
    else if (readFileSync(join(dir, name), 'utf8') !== text) problems.push(`out of date: docs/rules/${name}`);
  }
  for (const name of onDisk) if (!expected.has(name)) problems.push(`no such rule any more: docs/rules/${name}`);
  return problems;
}

export function writeDocs(expected = expectedDocs(), dir = DOCS_DIR): { written: number; removed: number } {
  mkdirSync(dir, { recursive: true });
  let written = 0;
  let removed = 0;
  for (const [name, text] of expected) {
    const path = join(dir, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    written++;
  }
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.md') && !expected.has(name)) {
      rmSync(join(dir, name));
      removed++;
    }
  }
  return { written, removed };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const expected = expectedDocs();
  const { written, removed } = writeDocs(expected);
  console.log(`docs/rules: ${expected.size - 1} rules; ${written} file(s) written, ${removed} removed`);
}
