// Every registered rule: it has docs and examples, its invalid examples produce
// a finding of that rule (on the excerpt, when one is given) and its valid
// examples produce none. The examples are the rule's documentation too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../engine.js';
import { RULES } from './index.js';
import { prepareExample } from './examples.js';
import { isCategory, type Finding } from '../types.js';

const engine = new Engine();

test('the registry is sorted, ids are unique, categories are from the taxonomy', () => {
  const ids = RULES.map((r) => r.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULES) assert.ok(isCategory(r.category), `${r.id}: unknown category ${r.category}`);
});

test('every rule file under rules/ is registered', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.ts') && !e.endsWith('.test.ts') && e !== 'index.ts' && !['util.ts', 'examples.ts', 'existence.ts'].includes(e)) files.push(p);
    }
  };
  walk(dir);
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    if (!/:\s*(Conversation)?Rule\s*=/.test(src)) continue;
    const names = [...src.matchAll(/export const (\w+)\s*:\s*(?:Conversation)?Rule\s*=/g)].map((m) => m[1]);
    const idx = readFileSync(join(f, '..', 'index.ts'), 'utf8');
    for (const n of names) assert.ok(idx.includes(n!), `${f}: rule ${n} is not in ${join(f, '..', 'index.ts')}`);
  }
});

for (const rule of RULES) {
  test(`${rule.id} has docs and examples`, () => {
    assert.ok(rule.docs.summary.trim().length > 10, 'summary');
    assert.ok(rule.docs.why.trim().length > 20, 'why');
    assert.ok(rule.docs.instead.trim().length > 10, 'instead');
    assert.ok(rule.examples.invalid.length >= 2, 'at least two invalid examples');
    assert.ok(rule.examples.valid.length >= 2, 'at least two valid examples');
  });
  rule.examples.invalid.forEach((ex, i) => {
    test(`${rule.id}: invalid example ${i + 1} is reported`, () => {
      const { conversation, target, excerpt, transcript } = prepareExample(rule, ex);
      assert.ok(target !== null, 'an invalid example names the message its finding belongs on');
      const result = engine.analyze(conversation);
      assert.deepEqual(result.diagnostics.filter((d) => d.text.includes('failed')).map((d) => d.text), []);
      const mine = result.findings.filter((f: Finding) => f.rule === rule.id && f.message === target);
      assert.ok(mine.length > 0, `expected ${rule.id} on: ${transcript.join(' | ')}\n got: ${JSON.stringify(result.findings.map((f) => [f.rule, f.message, f.excerpt]))}`);
      const text = conversation.messages[target]!.text;
      for (const f of mine) assert.equal(text.slice(f.start, f.end), f.excerpt);
      if (excerpt) assert.ok(mine.some((f) => f.excerpt === excerpt), `excerpt ${JSON.stringify(excerpt)} not among ${JSON.stringify(mine.map((f) => f.excerpt))}`);
      if (mine[0]!.kind === 'problem') assert.ok(mine.every((f) => f.explanation.length > 10), 'problems explain themselves');
    });
  });
  rule.examples.valid.forEach((ex, i) => {
    test(`${rule.id}: valid example ${i + 1} is not reported`, () => {
      const { conversation, target, transcript } = prepareExample(rule, ex);
      const result = engine.analyze(conversation);
      // A conversation rule's valid example must hold no finding of the rule anywhere.
      const mine = result.findings.filter((f: Finding) => f.rule === rule.id && (target === null || rule.on === 'conversation' || f.message === target));
      assert.deepEqual(mine.map((f) => f.excerpt), [], `${rule.id} should not fire on: ${transcript.join(' | ')}`);
      // A rule that threw would also report nothing: that must not pass as "not reported".
      assert.deepEqual(result.diagnostics.filter((d) => d.text.includes('failed')).map((d) => d.text), []);
    });
  });
}
