// A linear model over the hashed features of features.ts: logit = bias + the
// sum of the weights of the features a message has. The weights ship as data
// (data/models/*.json, written by `npm run train`, compiled into the engine by
// scripts/compile-data.ts): sparse, quantised to 16 bits and packed in base64,
// unpacked once into a table the size of the model's hash space.
//
// A judgment explains itself: `contributions` re-reads the message and gives
// each feature occurrence's weight with the tokens it covers, so a finding can
// point at the words that drove it.

import type { Doc } from '../text/doc.js';
import { CUE_LABELS, CUE_NAMES } from './cues.js';
import { DEFAULT_FEATURES, extractFeatures, FeatureBuffer, type FeatureOptions } from './features.js';

/** A model as stored in data/models/<name>.json. */
export interface ModelData {
  name: string;
  /** What the model estimates, in one line. */
  about: string;
  /** The data sets and splits that shaped the weights (see docs/ACCURACY.md). */
  trainedOn: string[];
  features: FeatureOptions;
  /** The hash space: 2^bits weights. */
  bits: number;
  bias: number;
  /** The decision threshold on the logit the evaluation and the engine use. */
  threshold: number;
  /** Weight = quantised value × scale. */
  scale: number;
  /** Base64 of the sparse weights: for each, the gap to the previous index as a varint, then the value as int16 (little-endian). */
  weights: string;
  /** How many weights the packed string holds. */
  count: number;
}

export class LinearModel {
  readonly name: string;
  readonly bias: number;
  readonly threshold: number;
  readonly features: FeatureOptions;
  readonly mask: number;
  readonly table: Float32Array;

  constructor(data: ModelData | { name: string; bias: number; threshold?: number; features?: FeatureOptions; bits: number; table: Float32Array }) {
    this.name = data.name;
    this.bias = data.bias;
    this.threshold = data.threshold ?? 0;
    this.features = data.features ?? DEFAULT_FEATURES;
    this.mask = (1 << data.bits) - 1;
    this.table = 'table' in data ? data.table : unpackWeights(data);
  }

  /** The logit for a deduplicated feature buffer. */
  logit(buf: FeatureBuffer): number {
    let z = this.bias;
    const h = buf.hashes;
    const t = this.table;
    const m = this.mask;
    for (let i = 0; i < buf.count; i++) z += t[h[i]! & m]!;
    return z;
  }

  /**
   * Each feature occurrence that moved the logit, with the tokens it covers
   * (first/last token index, exclusive), strongest first. A feature counts
   * once per message, at its first occurrence, as in `logit`.
   */
  contributions(doc: Doc): Contribution[] {
    const seen = new Set<number>();
    const out: Contribution[] = [];
    extractFeatures(doc, {
      add: (hash: number, first: number, last: number) => {
        const slot = hash & this.mask;
        if (seen.has(hash)) return;
        seen.add(hash);
        const weight = this.table[slot]!;
        if (weight !== 0) out.push({ hash, weight, first, last, cue: CUE_NAMES.get(hash) ?? null });
      },
    }, this.features);
    out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    return out;
  }
}

export interface Contribution {
  hash: number;
  weight: number;
  /** Token range [first, last) in Doc.tokens; first === last for whole-message features. */
  first: number;
  last: number;
  /** The named cue ("gratitude", "hedge"…), or null for an n-gram. */
  cue: string | null;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Words too common to explain anything on their own ("or", "the"): a span needs a word outside this list, an emoji, a "!" or a "?". */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'is', 'are', 'was', 'were', 'be',
  'been', 'it', 'its', "it's", 'this', 'that', 'these', 'those', 'there', 'here', 'i', 'me', 'my', 'we', 'our', 'you', 'your', 'u', 'he', 'she',
  'they', 'them', 'his', 'her', 'their', 'which', 'when', 'do', 'does', 'did', 'have', 'has',
  'had', 'will', 'would', 'can', 'could', 'so', 'than', 'then', 'too', 'very', 'just', 'also', 'about', 'into', 'up', 'out', 'before', 'after',
  'some', 'any', 'all', "we've", "i've", "i'm", "don't", 'dont', 'not', 'no', 'yes', 'one', 'get', 'got',
]);

function explains(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    const t = doc.tokens[k]!;
    if (t.quoted) continue;
    if (t.kind === 'emoji') return true;
    if (t.kind === 'punct' && (t.text.includes('!') || t.text.includes('?'))) return true;
    if (t.kind === 'word' && t.norm.length > 1 && !FUNCTION_WORDS.has(t.norm)) return true;
  }
  return false;
}

/**
 * What drove a judgment, in words: the strongest few spans that hold a word
 * worth naming (merged where they touch), and the named cues.
 */
export function describe(doc: Doc, contributions: Contribution[], sign: 1 | -1, limit = 3): { spans: Array<{ start: number; end: number; text: string; weight: number }>; cues: string[] } {
  const chosen = contributions.filter((c) => Math.sign(c.weight) === sign && c.last > c.first && explains(doc, c.first, c.last));
  const ranges: Array<{ first: number; last: number; weight: number }> = [];
  for (const c of chosen) {
    if (ranges.length >= limit) break;
    const overlap = ranges.find((r) => c.first <= r.last && r.first <= c.last);
    if (overlap) {
      overlap.first = Math.min(overlap.first, c.first);
      overlap.last = Math.max(overlap.last, c.last);
      overlap.weight += c.weight;
    } else ranges.push({ first: c.first, last: c.last, weight: c.weight });
  }
  // Strongest first.
  const spans = ranges.map((r) => {
    const start = doc.tokens[r.first]!.start;
    const end = doc.tokens[r.last - 1]!.end;
    return { start, end, text: doc.text.slice(start, end), weight: r.weight };
  });
  const cues: string[] = [];
  for (const c of contributions) {
    if (Math.sign(c.weight) !== sign || !c.cue) continue;
    const base = c.cue.replace(/@start$/, '');
    const label = CUE_LABELS[c.cue] ?? CUE_LABELS[base];
    if (label && !cues.includes(label)) cues.push(label);
    if (cues.length >= limit) break;
  }
  return { spans, cues };
}

// ------------------------------------------------------------ packing

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

export function fromBase64(s: string): Uint8Array {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61) end--; // trailing "=" padding
  const clean = s.slice(0, end);
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => (i + k < clean.length ? B64_INDEX[clean.charCodeAt(i + k)]! : 0));
    if (n.some((x) => x < 0)) throw new Error('model weights: not base64');
    const v = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!;
    if (o < out.length) out[o++] = (v >> 16) & 255;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}

/** Packs a weight table: the weights whose size reaches `minAbs`, quantised to int16. */
export function packWeights(table: Float32Array, minAbs: number): { scale: number; weights: string; count: number } {
  let max = 0;
  for (const w of table) if (Math.abs(w) > max) max = Math.abs(w);
  const scale = max > 0 ? max / 32767 : 1;
  const bytes: number[] = [];
  let prev = -1;
  let count = 0;
  for (let i = 0; i < table.length; i++) {
    const w = table[i]!;
    if (Math.abs(w) < minAbs || w === 0) continue;
    const q = Math.round(w / scale);
    if (q === 0) continue;
    let gap = i - prev;
    prev = i;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
    const u = q & 0xffff;
    bytes.push(u & 255, u >> 8);
    count++;
  }
  return { scale, weights: toBase64(Uint8Array.from(bytes)), count };
}

export function unpackWeights(data: Pick<ModelData, 'bits' | 'scale' | 'weights' | 'count' | 'name'>): Float32Array {
  const table = new Float32Array(1 << data.bits);
  const bytes = fromBase64(data.weights);
  let p = 0;
  let index = -1;
  for (let k = 0; k < data.count; k++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++];
      if (b === undefined) throw new Error(`model ${data.name}: weights end early`);
      gap |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    index += gap;
    const lo = bytes[p++]!;
    const hi = bytes[p++]!;
    let q = lo | (hi << 8);
    if (q >= 0x8000) q -= 0x10000;
    if (index >= table.length) throw new Error(`model ${data.name}: weight index out of range`);
    table[index] = q * data.scale;
  }
  return table;
}
