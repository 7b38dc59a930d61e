// The learned judgments the engine uses, over the shipped weights
// (data/models/, compiled into ../data/models.generated.ts):
//
//   - `politeness(doc)`: how polite a message's words read, 0–100 (a logistic
//     model trained on the Stanford Politeness Corpus' training split);
//   - `learnedSignal(doc, category)`: whether a customer message reads as
//     anger, frustration, anxiety, confusion or gratitude when the phrase
//     rules found nothing (models trained on GoEmotions and RSiCS), with the
//     words that drove it.
//
// Features are computed once per message: the last message read is cached, as
// rules ask about the same message one after another.

import { BUILTIN_MODELS } from '../data/models.generated.js';
import type { Doc } from '../text/doc.js';
import { DEFAULT_FEATURES, extractFeatures, FeatureBuffer, type FeatureOptions } from './features.js';
import { describe, LinearModel, sigmoid, type ModelData } from './model.js';

export { LinearModel, sigmoid, describe, type ModelData } from './model.js';
export { extractFeatures, FeatureBuffer, DEFAULT_FEATURES, type FeatureOptions } from './features.js';

let loaded: Map<string, LinearModel> | undefined;
/** The models in use: the shipped ones, unless the browser bundle left them out to load them later. */
let available: Readonly<Record<string, ModelData | undefined>> = BUILTIN_MODELS as Record<string, ModelData>;

/**
 * Adds learned models after the engine has started. The browser bundle ships
 * the weights as a second file (they are the largest part, and only refine
 * what the phrase rules find), so a page analyses at once and gains the
 * politeness score and learned signals when that file arrives.
 */
export function registerModels(models: Readonly<Record<string, ModelData>>): void {
  available = { ...available, ...models };
  loaded = undefined;
  lastDoc = null;
}

/** The shipped model of this name, or null when it was not trained or not loaded yet (unpacked on first use). */
export function builtinModel(name: string): LinearModel | null {
  loaded ??= new Map();
  const have = loaded.get(name);
  if (have) return have;
  const data = available[name];
  if (!data) return null;
  const m = new LinearModel(data);
  loaded.set(name, m);
  return m;
}

const buffer = new FeatureBuffer();
let lastDoc: Doc | null = null;
let lastOptions: FeatureOptions | null = null;

/** The deduplicated features of a message (a shared buffer: read it before the next call). */
export function featuresFor(doc: Doc, options: FeatureOptions = DEFAULT_FEATURES): FeatureBuffer {
  if (doc === lastDoc && sameOptions(options, lastOptions)) return buffer;
  buffer.reset();
  extractFeatures(doc, buffer, options);
  buffer.finish();
  lastDoc = doc;
  lastOptions = options;
  return buffer;
}

function sameOptions(a: FeatureOptions, b: FeatureOptions | null): boolean {
  return !!b && a.order === b.order && a.negation === b.negation && a.cues === b.cues && a.shape === b.shape;
}

/** The model's probability for a message. */
export function probability(model: LinearModel, doc: Doc): number {
  return sigmoid(model.logit(featuresFor(doc, model.features)));
}

// ------------------------------------------------------------ politeness

/**
 * How polite the words of a message read, 0 (rude) to 100 (very polite); 50
 * is the line between the corpus' polite and impolite quartiles. Null when the
 * message has no prose or no model shipped.
 */
export function politeness(doc: Doc, model: LinearModel | null = builtinModel('politeness')): number | null {
  if (!model || !doc.hasProse) return null;
  return Math.round(100 * probability(model, doc));
}

export interface PolitenessExplanation {
  score: number;
  /** The words that raised the score most, and the strategies behind them. */
  raised: { spans: Array<{ start: number; end: number; text: string; weight: number }>; cues: string[] };
  /** The words that lowered it most. */
  lowered: { spans: Array<{ start: number; end: number; text: string; weight: number }>; cues: string[] };
}

/** The politeness score with what drove it (for coaching and the docs). */
export function explainPoliteness(doc: Doc, model: LinearModel | null = builtinModel('politeness')): PolitenessExplanation | null {
  const score = politeness(doc, model);
  if (score === null || !model) return null;
  const c = model.contributions(doc);
  return { score, raised: describe(doc, c, 1), lowered: describe(doc, c, -1) };
}

// ------------------------------------------------------------ customer signals

export interface LearnedSignal {
  probability: number;
  /** The words that drove the judgment, strongest first (at least one span). */
  spans: Array<{ start: number; end: number; text: string; weight: number }>;
}

/** A learned signal needs words that pull this hard (in logit units) to point at; otherwise it stays silent. */
const MIN_SPAN_WEIGHT = 0.8;

/**
 * The learned model for a customer signal (`signal-<category>`), when it reads
 * the message as showing it (probability over the model's threshold) and can
 * point at the words that drove it; otherwise null.
 */
export function learnedSignal(doc: Doc, category: string): LearnedSignal | null {
  if (!learnedSignalsOn) return null;
  const model = builtinModel(`signal-${category}`);
  if (!model || !doc.hasProse) return null;
  const z = model.logit(featuresFor(doc, model.features));
  if (z < model.threshold) return null;
  const { spans } = describe(doc, model.contributions(doc), 1, 2);
  if (spans.length === 0 || spans[0]!.weight < MIN_SPAN_WEIGHT) return null;
  return { probability: sigmoid(z), spans };
}

let learnedSignalsOn = true;

/**
 * Turns the learned customer signals off or on for this engine instance's
 * module (default on). For evaluation only: `npm run eval:public` measures
 * the phrase rules alone beside rules plus learned models.
 */
export function useLearnedSignals(on: boolean): void {
  learnedSignalsOn = on;
}

export function learnedSignalsEnabled(): boolean {
  return learnedSignalsOn;
}

