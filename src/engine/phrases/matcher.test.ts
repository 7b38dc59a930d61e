// The phrase automaton: what it finds, and that the minimised graph it matches
// on finds exactly what a brute-force reading of the patterns finds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Doc } from '../text/doc.js';
import { PhraseMatcher } from './matcher.js';
import { expandPattern } from './pattern.js';
import type { Token } from '../text/tokenize.js';

function found(m: PhraseMatcher, text: string): string[] {
  const doc = new Doc(text);
  return m.matchDoc(doc).map((x) => `${x.list}#${x.entry}:${text.slice(x.start, x.end)}`).sort();
}

test('alternatives, optional words, * and ** — each match once, never across sentences', () => {
  const m = new PhraseMatcher();
  m.add('(sorry|apologies) for any inconvenience', { list: 'a', entry: 0 });
  m.add('[so] sorry for the (trouble|wait)', { list: 'a', entry: 1 });
  m.add('you * have', { list: 'b', entry: 0 });
  m.add('as i ** said', { list: 'b', entry: 1 });
  m.add('(a|a b) c', { list: 'c', entry: 0 });
  assert.deepEqual(found(m, 'Apologies for any inconvenience. So sorry for the wait!'), ['a#0:Apologies for any inconvenience', 'a#1:So sorry for the wait', 'a#1:sorry for the wait'].sort());
  assert.deepEqual(found(m, 'You should have. As I have already said.'), ['b#0:You should have', 'b#1:As I have already said'].sort());
  assert.deepEqual(found(m, 'a b c'), ['c#0:a b c']);
  assert.deepEqual(found(m, 'a c'), ['c#0:a c']);
  assert.deepEqual(found(m, 'as i said. the end'), ['b#1:as i said']);
  assert.deepEqual(found(m, 'as i. said'), [], 'not across a sentence end');
});

test('the minimised graph is much smaller than the trie it came from', () => {
  const m = new PhraseMatcher();
  // Multi-word alternatives multiply the prefixes; the endings they share are kept once.
  m.add('(i will|we will|i am going to|we are going to) (look into|check on|go over|dig into) (it|this) (later today|by tomorrow|first thing)', { list: 'x', entry: 0 });
  m.matchDoc(new Doc('x'));
  assert.ok(m.size.graph < m.size.trie / 2, JSON.stringify(m.size));
  assert.deepEqual(m.matchDoc(new Doc('We are going to dig into it first thing.')).map((x) => [x.first, x.last]), [[0, 9]]);
});

/** Brute force: every expansion of every pattern tried at every start, on the tokens of each sentence. */
function naive(patterns: string[], doc: Doc): string[] {
  const out = new Set<string>();
  patterns.forEach((p, entry) => {
    for (const seq of expandPattern(p)) {
      for (const s of doc.sentences) {
        for (let i = s.first; i < s.last; i++) {
          let k = i;
          let ok = true;
          for (const item of seq) {
            const t: Token | undefined = k < s.last ? doc.tokens[k] : undefined;
            if (!t) { ok = false; break; }
            if ('any' in item) { if (t.kind === 'punct') { ok = false; break; } }
            else if ('lit' in item) { if (t.norm !== item.lit) { ok = false; break; } }
            else if (!item.set.includes(t.norm)) { ok = false; break; }
            k++;
          }
          if (ok && seq.length) out.add(`p#${entry}:${doc.tokens[i]!.start}-${doc.tokens[k - 1]!.end}`);
        }
      }
    }
  });
  return [...out].sort();
}

test('property: the automaton finds exactly the matches a brute-force reading finds', () => {
  const word = fc.constantFrom('a', 'b', 'c', 'd', 'e');
  const part = fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 1, arbitrary: fc.constantFrom('*', '**') },
    { weight: 2, arbitrary: fc.array(fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')), { minLength: 2, maxLength: 3 }).map((alts) => `(${alts.join('|')})`) },
    { weight: 1, arbitrary: word.map((w) => `[${w}]`) },
  );
  const pattern = fc.array(part, { minLength: 1, maxLength: 4 })
    .map((ps) => ps.join(' '))
    .filter((p) => !/^\*|\*$/.test(p) && !/^\[|\]$/.test(p));
  // 'z' and ';' are in no pattern: words and punctuation the automaton has never seen.
  const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'z', '.', ',', ';'), { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' '));
  // Several texts per matcher, and a tiny state budget on some: states built for one text are reused, or dropped and rebuilt, on the next.
  fc.assert(fc.property(fc.array(pattern, { minLength: 1, maxLength: 6 }), fc.array(text, { minLength: 1, maxLength: 3 }), fc.constantFrom(undefined, 2, 5), (patterns, texts, maxStates) => {
    const m = new PhraseMatcher({ maxStates });
    patterns.forEach((p, entry) => m.add(p, { list: 'p', entry }));
    for (const t of texts) {
      const doc = new Doc(t);
      const got = m.matchDoc(doc).map((x) => `p#${x.entry}:${x.start}-${x.end}`);
      assert.equal(new Set(got).size, got.length, 'no match twice');
      assert.deepEqual(got.sort(), naive(patterns, doc));
    }
  }), { numRuns: 600, seed: 7 });
});
