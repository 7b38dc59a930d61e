// Hostile input: nothing crashes, offsets stay valid, no regular expression in
// the engine can backtrack super-linearly, and the work done grows linearly
// with the input (counted in steps, never timed).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import ts from 'typescript';
import { checkSync } from 'recheck';
import { Engine } from './engine.js';
import { work } from './work.js';

const engine = new Engine();

function checkInvariants(text: string): void {
  const result = engine.analyze({ messages: [{ role: 'customer', text }, { role: 'agent', text }] });
  for (const f of result.findings) {
    const t = text;
    assert.ok(f.start >= 0 && f.end <= t.length && f.start < f.end, `bad span ${f.start}-${f.end}`);
    assert.equal(t.slice(f.start, f.end), f.excerpt);
  }
  for (const v of Object.values(result.scores)) assert.ok(v === null || (v >= 0 && v <= 100));
  // A rule that throws loses its findings silently (the engine carries on): none may.
  assert.deepEqual(result.diagnostics.filter((d) => d.text.includes('failed')).map((d) => d.text), [], JSON.stringify(text));
}

test('random text never breaks the engine and offsets stay valid', () => {
  const chunk = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('Restart it. ', 'We apologize for any inconvenience. ', '> quoted line\n', '```\nkill -9 1\n```\n', 'Thanks,\nSam\n', '1. Open Settings\n', '!!!', '😊😊', '"quoted words" ', 'DNS ', 'http://x.y/z ', 'a@b.co ', '\u0000\u0001\ufffd', '\r\n', 'ERROR: boom\n', "don't ", 'On Mon, Dana wrote:\n'),
  );
  fc.assert(fc.property(fc.array(chunk, { maxLength: 30 }).map((a) => a.join('')), (text) => checkInvariants(text)), { numRuns: 300, seed: 42 });
});

test('word salad from the words rules look around never makes a rule read past a sentence or the text', () => {
  // Rules look one or two tokens back and ahead of a cue ("need to", "please", "don't know what"):
  // cues at the very start or end of a message or sentence are where an index runs off the edge.
  const words = ['need', 'needs', 'to', 'please', 'kindly', 'he', 'she', 'you', "you're", 'i', "i'm", 'we', 'can', 'could', 'should', 'have', 'not', "don't", 'know', 'what', 'is', 'a',
    'the', 'sorry', 'thanks', 'worried', 'so', 'that', 'it', 'will', "i'll", 'call', 'back', 'by', 'friday', 'hour', 'fucking', 'love', 'no', 'idea', 'why', 'how', 'just', 'restart',
    'step', '1', 'be', 'done', 'try', 'again', 'still', 'again?', 'hello?', 'what?', 'huh'];
  const piece = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: fc.constantFrom('.', '?', '!', ',', '\n', '\n\n', ':', '"', '(', ')') });
  fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }).map((a) => a.join(' ')), (text) => checkInvariants(text)), { numRuns: 3000, seed: 7 });
});

test('words that name JavaScript object internals are just words ("constructor", "__proto__", "toString")', () => {
  const words = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__'];
  const text = `The ${words.join(' and the ')} are broken since Monday, order 123. I'll call you back within the hour about the constructor.`;
  const r = engine.analyze({ channel: 'chat', messages: [
    { role: 'customer', text, at: '2026-03-02T10:00:00Z' },
    { role: 'agent', text, at: '2026-03-02T10:01:00Z' },
    { role: 'customer', text: 'constructor', at: '2026-03-02T12:00:00Z' },
  ] });
  assert.deepEqual(r.diagnostics, []);
  for (const f of r.findings) assert.equal(typeof f.suggestion === 'string' && /function|\[native code\]/.test(f.suggestion), false, f.suggestion ?? '');
  checkInvariants(text);
});

test('empty, whitespace, binary and lone surrogate text is analysed without error', () => {
  for (const text of ['', '   \n\t  ', '\u0000'.repeat(1000), '\ud800abc\udc00', String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))]) checkInvariants(text);
});

const ADVERSARIAL: Record<string, (n: number) => string> = {
  'one character': (n) => 'a'.repeat(n),
  spaces: (n) => ' '.repeat(n) + 'x',
  'nested quotes': (n) => '> '.repeat(n) + 'hello',
  'quote lines': (n) => '> you idiot\n'.repeat(n / 12),
  'list markers': (n) => '1. - * '.repeat(n / 7),
  exclamations: (n) => '!'.repeat(n),
  'at signs': (n) => 'a@'.repeat(n / 2),
  backticks: (n) => '`a'.repeat(n / 2),
  'url markers': (n) => 'http://'.repeat(n / 7),
  slashes: (n) => ' /a'.repeat(n / 3),
  'open parens': (n) => '(['.repeat(n / 2),
  'quote marks': (n) => '"a '.repeat(n / 3),
  'apology phrase': (n) => 'we apologize for any '.repeat(n / 21),
  'many findings': (n) => 'Sorry for the inconvenience. Restart it. '.repeat(n / 41),
  'long line of words': (n) => 'restart the router please '.repeat(n / 26),
  'wrote lines': (n) => 'On Monday Dana wrote something\n'.repeat(n / 32),
  'log lines': (n) => '2026-01-01 10:00 ERROR x\n'.repeat(n / 25),
  digits: (n) => '1.'.repeat(n / 2),
  emoji: (n) => '😊'.repeat(n / 2),
};

for (const [name, make] of Object.entries(ADVERSARIAL)) {
  test(`work grows linearly: ${name}`, () => {
    const steps = (n: number): number => {
      const before = work.steps;
      checkInvariants(make(n));
      return work.steps - before;
    };
    const small = steps(4000);
    const large = steps(32000);
    // 8× the input may cost at most ~8× the steps (plus slack for constant overheads).
    assert.ok(large <= small * 8 * 1.5 + 1000, `${name}: ${small} steps for 4k chars but ${large} for 32k`);
  });
}

test('no regular expression in the engine can backtrack super-linearly', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.ts') && !e.endsWith('.test.ts') && !e.endsWith('.generated.ts')) files.push(p);
    }
  };
  walk(dir);
  const bad: string[] = [];
  let count = 0;
  for (const f of files) {
    const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = node.getText(src);
        const slash = lit.lastIndexOf('/');
        const source = lit.slice(1, slash);
        const flags = lit.slice(slash + 1).replace(/[gy]/g, '');
        count++;
        const r = checkSync(source, flags, { timeout: 10000 });
        if (r.status === 'vulnerable') {
          bad.push(`${f}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}: /${source}/${flags} (${r.complexity.type === 'exponential' ? 'exponential' : r.complexity.summary})`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  assert.ok(count > 10, 'found the engine regexes');
  assert.deepEqual(bad, []);
});
