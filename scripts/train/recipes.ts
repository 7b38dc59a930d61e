// How each shipped model is trained: the data, the labels, the options. Used
// by `npm run train` (which writes data/models/) and by `npm run eval:public`
// (which retrains the same recipe on other training sets: the cross-domain
// politeness protocol, cross-validation). Only training splits go in here.

import { loadPoliteness, type PolitenessRow } from '../public-data/datasets.js';
import { quantileSorted } from '../public-data/metrics.js';
import { trainBatch, type Example, type TrainedModel } from './logreg.js';
import { featurize } from './featurize.js';

export const SEED = 20240607;

/** The politeness model: 2^bits weights, L2-regularised logistic regression. */
export const POLITENESS = { bits: 18, lambda: 3e-3, iterations: 150, rate: 0.05, softness: 2.5 } as const;

let testTexts: Set<string> | undefined;
/** The texts of every politeness test row, in both communities: no training row may repeat one. */
export function POLITENESS_TEST_TEXTS(): Set<string> {
  return (testTexts ??= new Set([...loadPoliteness('wikipedia'), ...loadPoliteness('stack-exchange')].filter((r) => r.split === 'test').map((r) => r.text)));
}

/** Where a community's polite and impolite quartiles meet, from training rows only. */
export function politenessCentre(rows: PolitenessRow[]): number {
  const s = rows.map((r) => r.score).sort((a, b) => a - b);
  return (quantileSorted(s, 0.25) + quantileSorted(s, 0.75)) / 2;
}

/**
 * Trains on every given request (not only the quartiles): the label is soft,
 * the logistic of the normalised score around its community's centre, so the
 * middle half teaches "neither" instead of being thrown away.
 */
export function trainPoliteness(rows: PolitenessRow[], heldOut: ReadonlySet<string> = POLITENESS_TEST_TEXTS()): TrainedModel {
  for (const r of rows) if (r.split !== 'train') throw new Error(`politeness: row ${r.id} is in the test split`);
  // A training request with the very words of a held-out one (the corpus repeats a few) would leak: drop it.
  rows = rows.filter((r) => !heldOut.has(r.text));
  const centres = new Map<string, number>();
  for (const c of new Set(rows.map((r) => r.community))) centres.set(c, politenessCentre(rows.filter((r) => r.community === c)));
  const examples: Example[] = rows.map((r) => ({
    x: featurize(r.text, POLITENESS.bits),
    y: 1 / (1 + Math.exp(-POLITENESS.softness * (r.score - centres.get(r.community)!))),
  }));
  return trainBatch(examples, POLITENESS);
}

/** A customer-signal head: 2^bits weights, trained on binary labels. */
export const SIGNAL = { bits: 18, lambda: 3e-5, iterations: 300, rate: 0.05, features: { order: 1, negation: true, cues: true, shape: true } } as const;

export function trainSignal(examples: Array<{ text: string; y: 0 | 1 }>): TrainedModel {
  return trainBatch(examples.map((e) => ({ x: featurize(e.text, SIGNAL.bits, SIGNAL.features), y: e.y })), SIGNAL);
}

export function logitOf(m: TrainedModel, x: Uint32Array): number {
  let z = m.bias;
  for (let i = 0; i < x.length; i++) z += m.weights[x[i]!]!;
  return z;
}
