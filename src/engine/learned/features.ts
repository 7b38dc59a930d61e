// Features for the learned judgments: what a small linear model reads in a
// message. Pure and isomorphic (no fs), computed from the engine's own Doc so
// the text is tokenised once. Every feature is a 32-bit hash:
//
//   - word unigrams, bigrams and (optionally) trigrams (lower-cased `norm`; numbers are
//     `<num>`, URLs and other opaque spans `<url>`…, quoted words `<q>`), with
//     a sentence-start marker so "please" opening a request differs from a
//     "please" inside it;
//   - a word read under negation ("not happy") also as its negated form;
//   - named cues (politeness strategies after Danescu-Niculescu-Mizil et al.
//     2013, and a few of shape: "!!", capitals, a question, length) that keep
//     a name, so an explanation can say what drove a judgment.
//
// A model masks the hash to its own table size. Extraction writes into a
// reusable buffer: no per-feature allocation on the hot path.

import type { Doc } from '../text/doc.js';
import { NAMED_CUES, type NamedCue } from './cues.js';
import { combine, hashString } from './hash.js';

export { combine, hashString };

const SALT_BI = 0x2545f491;
const SALT_TRI = 0x6c8e9cf5;
const SALT_NEG = 0x1b873593;
const START = hashString('<s>');

/** The hash of a named cue ("#gratitude"), as an explanation names it. */
export function cueHash(name: string): number {
  return hashString(`#${name}`);
}

/** The term a token counts as: its lower-cased form, or a class for numbers, links, quotes. */
export function termOf(doc: Doc, i: number): string {
  const t = doc.tokens[i]!;
  if (t.quoted) return '<q>';
  switch (t.kind) {
    case 'num': return '<num>';
    case 'opaque': return `<${t.opaque ?? 'x'}>`;
    case 'punct': return t.norm.length > 3 ? t.norm.slice(0, 3) : t.norm;
    // (A word like "constructor" can get a non-string norm from the tokenizer's typo table: read its text.)
    default: return typeof t.norm === 'string' ? t.norm : t.text.toLowerCase();
  }
}

/** Where extracted features go: their hashes and, when asked, the tokens they cover. */
export interface FeatureSink {
  add(hash: number, first: number, last: number): void;
}

/** A reusable buffer of feature hashes (deduplicated by `finish`). */
export class FeatureBuffer implements FeatureSink {
  hashes: Uint32Array;
  count = 0;
  constructor(capacity = 1024) {
    this.hashes = new Uint32Array(capacity);
  }
  reset(): void {
    this.count = 0;
  }
  add(hash: number): void {
    if (this.count === this.hashes.length) {
      const grown = new Uint32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.count++] = hash;
  }
  /** Sorts and removes duplicates: each feature counts once per message (binary features). */
  finish(): void {
    if (this.count < 2) return;
    const view = this.hashes.subarray(0, this.count);
    view.sort();
    let w = 1;
    for (let r = 1; r < this.count; r++) if (view[r] !== view[w - 1]) view[w++] = view[r]!;
    this.count = w;
  }
}

/** Where each token's term hash is kept while extracting (grown as needed, reused). */
let termHashes = new Uint32Array(256);

/**
 * Every feature of a message, in order of the tokens. Only prose is read (the
 * Doc leaves out quoted mail, code, logs and signatures).
 */
export interface FeatureOptions {
  /** Longest n-gram (1–3). */
  order: number;
  negation: boolean;
  cues: boolean;
  shape: boolean;
}
export const DEFAULT_FEATURES: FeatureOptions = { order: 2, negation: true, cues: true, shape: true };

export function extractFeatures(doc: Doc, sink: FeatureSink, o: FeatureOptions = DEFAULT_FEATURES): void {
  const tokens = doc.tokens;
  const n = tokens.length;
  if (termHashes.length < n) termHashes = new Uint32Array(Math.max(n, termHashes.length * 2));
  for (let i = 0; i < n; i++) termHashes[i] = hashString(termOf(doc, i));
  let words = 0;
  let exclaims = 0;
  let capsWords = 0;
  let questions = 0;
  for (const s of doc.sentences) {
    if (s.question) questions++;
    let p2 = START;
    let p1 = START;
    let k = 0;
    for (let i = s.contentFirst; i < s.last; i++, k++) {
      const t = tokens[i]!;
      const h = termHashes[i]!;
      if (t.kind === 'word' || t.kind === 'num') words++;
      if (t.kind === 'punct' && t.text.includes('!')) exclaims++;
      if (t.caps && t.text.length >= 3 && !t.quoted) capsWords++;
      sink.add(h, i, i + 1);
      if (o.negation && doc.negated[i] === 1 && t.kind === 'word') sink.add(combine(h, 0, SALT_NEG), i, i + 1);
      if (o.order >= 2) sink.add(combine(p1, h, SALT_BI), k >= 1 ? i - 1 : i, i + 1);
      if (o.order >= 3 && k >= 1) sink.add(combine(combine(p2, p1, SALT_BI), h, SALT_TRI), k >= 2 ? i - 2 : i - 1, i + 1);
      p2 = p1;
      p1 = h;
    }
  }
  if (o.cues) cues(doc, sink);
  sink.add(cueHash('bias'), 0, 0);
  if (!o.shape) return;
  // Shape: length, shouting, exclamations, questions (no span of their own: the whole message).
  sink.add(cueHash(`len:${words < 4 ? 's' : words < 12 ? 'm' : words < 40 ? 'l' : 'xl'}`), 0, 0);
  if (exclaims > 0) sink.add(cueHash(exclaims > 1 ? 'exclaim:2' : 'exclaim:1'), 0, 0);
  if (capsWords > 0) sink.add(cueHash(capsWords > 2 ? 'caps:3' : 'caps:1'), 0, 0);
  if (questions > 0) sink.add(cueHash(questions > 1 ? 'question:2' : 'question:1'), 0, 0);
}

/** The named cues found in a message (see cues.ts). */
function cues(doc: Doc, sink: FeatureSink): void {
  const tokens = doc.tokens;
  for (const s of doc.sentences) {
    for (let i = s.contentFirst; i < s.last; i++) {
      const t = tokens[i]!;
      if (t.quoted) continue;
      const candidates = NAMED_CUES.get(t.norm);
      if (!candidates) continue;
      for (const cue of candidates) {
        const end = matchCue(doc, cue, i, s.last);
        if (end < 0) continue;
        if (cue.at === 'start' && i !== s.contentFirst) continue;
        sink.add(cue.hash, i, end);
        if (cue.at === 'any' && i === s.contentFirst) sink.add(cue.startHash, i, end);
      }
    }
  }
}

function matchCue(doc: Doc, cue: NamedCue, i: number, limit: number): number {
  const words = cue.words;
  if (i + words.length > limit) return -1;
  for (let k = 1; k < words.length; k++) {
    const t = doc.tokens[i + k]!;
    if (t.quoted || t.norm !== words[k]) return -1;
  }
  return i + words.length;
}
