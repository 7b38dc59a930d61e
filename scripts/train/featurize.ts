// Turning texts into training examples with exactly the engine's features
// (src/engine/learned/features.ts over the engine's own Doc).

import { Doc } from '../../src/engine/text/doc.js';
import { DEFAULT_FEATURES, extractFeatures, FeatureBuffer, type FeatureOptions } from '../../src/engine/learned/features.js';

/**
 * The engine's Doc for a text. The tokenizer of this revision throws on a few
 * words that name Object properties ("constructor", "toString"): such a text
 * is read with that word broken by a soft hyphen, and counted.
 */
export const docFailures = { count: 0 };
export function docOf(text: string): Doc {
  try {
    return new Doc(text);
  } catch {
    docFailures.count++;
    return new Doc(text.replace(/(constructor|tostring|valueof|hasownproperty|isprototypeof|tolocalestring|propertyisenumerable)/gi, (w) => `${w.slice(0, 3)}\u00ad${w.slice(3)}`));
  }
}

const buffer = new FeatureBuffer();

/** The feature slots of a text for a model of 2^bits weights (one slot per distinct feature, as the engine counts). */
export function featurize(text: string | Doc, bits: number, options: FeatureOptions = DEFAULT_FEATURES): Uint32Array {
  const doc = typeof text === 'string' ? docOf(text) : text;
  buffer.reset();
  extractFeatures(doc, buffer, options);
  buffer.finish();
  const mask = (1 << bits) - 1;
  const out = new Uint32Array(buffer.count);
  for (let i = 0; i < buffer.count; i++) out[i] = buffer.hashes[i]! & mask;
  return out;
}
