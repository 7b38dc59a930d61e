// Phrase patterns, as a team lead writes them in a phrase file:
//   we apologi(ze|se)? …    — no: words only, matched on whole tokens, case-insensitive
//   (sorry|apologies) for any inconvenience   — alternatives, each may be several words
//   [so] sorry for the trouble                — optional words
//   you * have                                — * is exactly one word
//   as i ** said                              — ** is up to three words
// Patterns are expanded into token sequences at load time and compiled into one
// automaton (see matcher.ts), so adding phrases costs nothing per message.

import { tokenize } from '../text/tokenize.js';

export type Item = { lit: string } | { any: true } | { set: string[] };
export type Sequence = Item[];

/** How many token sequences one pattern may expand into before it is rejected. */
export const MAX_EXPANSIONS = 20000;

export class PatternError extends Error {}

type Node = { type: 'seq'; parts: Node[] } | { type: 'alt'; options: Node[] } | { type: 'opt'; body: Node } | { type: 'lit'; text: string } | { type: 'any'; min: number; max: number };

export function parsePattern(pattern: string): Node {
  let i = 0;
  const s = pattern;
  const parseSeq = (closers: string): Node => {
    const parts: Node[] = [];
    let word = '';
    const flush = (): void => {
      if (word) parts.push(word === '**' ? { type: 'any', min: 0, max: 3 } : word === '*' ? { type: 'any', min: 1, max: 1 } : { type: 'lit', text: word });
      word = '';
    };
    while (i < s.length) {
      const c = s[i]!;
      if (closers.includes(c)) break;
      if (c === '(') {
        flush();
        i++;
        const options: Node[] = [parseSeq('|)')];
        while (s[i] === '|') {
          i++;
          options.push(parseSeq('|)'));
        }
        if (s[i] !== ')') throw new PatternError(`unclosed "(" in "${pattern}"`);
        i++;
        if (s[i] === '?' || s[i] === '*' || s[i] === '+') throw new PatternError(`"${s[i]}" after ")" is not pattern syntax in "${pattern}"; write optional words in [brackets]`);
        parts.push({ type: 'alt', options });
      } else if (c === '[') {
        flush();
        i++;
        const options: Node[] = [parseSeq('|]')];
        while (s[i] === '|') {
          i++;
          options.push(parseSeq('|]'));
        }
        if (s[i] !== ']') throw new PatternError(`unclosed "[" in "${pattern}"`);
        i++;
        parts.push({ type: 'opt', body: options.length === 1 ? options[0]! : { type: 'alt', options } });
      } else if (c === ')' || c === ']' || c === '|') {
        throw new PatternError(`unexpected "${c}" in "${pattern}"`);
      } else if (/\s/.test(c)) {
        flush();
        i++;
      } else {
        word += c;
        i++;
      }
    }
    flush();
    return { type: 'seq', parts };
  };
  const node = parseSeq('');
  if (i < s.length) throw new PatternError(`unexpected "${s[i]}" in "${pattern}"`);
  return node;
}

export interface ExpandOptions {
  /**
   * Keep alternatives of single words as one set item instead of one sequence
   * each: "(your|the) (laptop|pc|phone) (is|was) dead" stays one sequence of
   * sets rather than 12 sequences, which keeps the automaton small.
   */
  sets?: boolean;
  /** Expansion limit (default MAX_EXPANSIONS). */
  limit?: number;
}

/** Expands a pattern into the token sequences it stands for. */
export function expandPattern(pattern: string, options: ExpandOptions = {}): Sequence[] {
  const node = parsePattern(pattern);
  const out = expand(node, pattern, options.sets ?? false, options.limit ?? MAX_EXPANSIONS);
  const nonEmpty = out.filter((seq) => seq.some((it) => !('any' in it)));
  if (nonEmpty.length === 0) throw new PatternError(`"${pattern}" has no words`);
  for (const seq of nonEmpty) {
    if ('any' in seq[0]! || 'any' in seq[seq.length - 1]!) throw new PatternError(`"${pattern}" may not start or end with * or **`);
  }
  return nonEmpty;
}

/** A readable key for a sequence: words, "*" for any word, "{a|b}" for a set. */
export function sequenceKey(seq: Sequence): string {
  return seq.map((it) => ('lit' in it ? it.lit : 'any' in it ? '*' : `{${it.set.join('|')}}`)).join(' ');
}

function expand(node: Node, pattern: string, sets: boolean, limit: number): Sequence[] {
  switch (node.type) {
    case 'lit': {
      const toks = tokenize(node.text);
      return [toks.map((t) => ({ lit: t.norm }))];
    }
    case 'any': {
      const out: Sequence[] = [];
      for (let n = node.min; n <= node.max; n++) out.push(Array.from({ length: n }, () => ({ any: true as const })));
      return out;
    }
    case 'opt':
      return [[], ...expand(node.body, pattern, sets, limit)];
    case 'alt': {
      const out: Sequence[] = [];
      const words = new Set<string>();
      for (const o of node.options) {
        for (const seq of expand(o, pattern, sets, limit)) {
          const only = seq.length === 1 ? seq[0]! : undefined;
          if (sets && only && 'lit' in only) words.add(only.lit);
          else if (sets && only && 'set' in only) for (const w of only.set) words.add(w);
          else out.push(seq);
        }
      }
      if (words.size === 1) out.push([{ lit: [...words][0]! }]);
      else if (words.size > 1) out.push([{ set: [...words].sort() }]);
      if (out.length > limit) throw new PatternError(`"${pattern}" expands to too many phrases`);
      return out;
    }
    case 'seq': {
      let acc: Sequence[] = [[]];
      for (const p of node.parts) {
        const next: Sequence[] = [];
        const options = expand(p, pattern, sets, limit);
        for (const a of acc) for (const b of options) next.push([...a, ...b]);
        if (next.length > limit) throw new PatternError(`"${pattern}" expands to too many phrases`);
        acc = next;
      }
      return acc;
    }
  }
}
