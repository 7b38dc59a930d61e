// `npm run train`: trains the learned models the engine ships and writes their
// weights to data/models/*.json (then `npm run build:data` compiles them in).
// Reproducible: full-batch optimisation in a fixed order, no randomness.
//
// Only permissive data shapes shipped weights, and only its training rows:
//   - politeness        Stanford Politeness Corpus (Apache-2.0 code repo; CC BY 4.0 in
//                       redistributions), both communities, rows whose Id is NOT divisible by 5
//   - signal-*          GoEmotions train.tsv (CC BY 4.0); RSiCS (ODbL 1.0) rows outside its
//                       held-out fifth (SHA-1 of the request id, first byte ≥ 52); as plain
//                       negatives, Bitext (CDLA-Sharing 1.0) outside its held-out fifth and
//                       #ubuntu IRC training logs (CC BY 4.0) where no phrase rule finds a signal
// The decision thresholds of the signal heads are chosen on GoEmotions dev.tsv.
// Non-commercial sets (EPITOME, ESConv, Havaldar, airline tweets, TweetSumm) never train.
//
//   npm run train                 everything
//   npm run train -- --only politeness

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadBitext, loadGoEmotions, loadPoliteness, loadRsics, loadUbuntuIrcTrain, type GoEmotionsRow, type RsicsRow } from './public-data/datasets.js';
import { bitextIsTest, rsicsIsTest } from './public-data/splits.js';
import { packWeights, type ModelData } from '../src/engine/learned/model.js';
import { DEFAULT_FEATURES, type FeatureOptions } from '../src/engine/learned/features.js';
import { docFailures, featurize } from './train/featurize.js';
import { logitOf, POLITENESS_TEST_TEXTS, SIGNAL, trainPoliteness, trainSignal } from './train/recipes.js';
import type { TrainedModel } from './train/logreg.js';
import { Engine } from '../src/engine/engine.js';
import { useLearnedSignals } from '../src/engine/learned/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Weights smaller than this are dropped from the shipped file (their effect is below rounding). */
const MIN_WEIGHT = 0.02;

/** Which GoEmotions labels (and RSiCS tags) teach each customer signal. */
export const SIGNAL_HEADS: Record<string, { goemotions: string[]; rsics: Array<keyof RsicsRow['tags']>; supportNegatives: boolean }> = {
  anger: { goemotions: ['anger'], rsics: [], supportNegatives: true },
  // Frustration reads annoyance and anger alike (an angry message the anger phrases missed is at least frustrated).
  frustration: { goemotions: ['annoyance', 'anger'], rsics: ['rant'], supportNegatives: true },
  anxiety: { goemotions: ['nervousness', 'fear'], rsics: [], supportNegatives: true },
  confusion: { goemotions: ['confusion'], rsics: [], supportNegatives: true },
  gratitude: { goemotions: ['gratitude'], rsics: ['gratitude'], supportNegatives: false },
};

/** Every how-many-th #ubuntu training message is read (about 39,000 of 196,000). */
const IRC_STEP = 5;

function save(name: string, about: string, trainedOn: string[], m: TrainedModel, threshold: number, features: FeatureOptions = DEFAULT_FEATURES): ModelData {
  const packed = packWeights(m.weights, MIN_WEIGHT);
  const data: ModelData = {
    name, about, trainedOn, features, bits: m.bits,
    bias: Number(m.bias.toFixed(6)), threshold: Number(threshold.toFixed(4)), ...packed,
  };
  mkdirSync(join(root, 'data/models'), { recursive: true });
  writeFileSync(join(root, 'data/models', `${name}.json`), `${JSON.stringify(data, null, 1)}\n`);
  console.log(`  ${name}: ${packed.count} weights, threshold ${threshold.toFixed(3)} (logit)`);
  return data;
}

export function trainPolitenessModel(): void {
  const rows = [...loadPoliteness('wikipedia'), ...loadPoliteness('stack-exchange')].filter((r) => r.split === 'train' && !POLITENESS_TEST_TEXTS().has(r.text));
  console.log(`politeness: ${rows.length} training requests`);
  const m = trainPoliteness(rows);
  save('politeness', 'How polite the words of a message read (probability of the polite quartile).', [
    `stanford-politeness: wikipedia + stack-exchange, training split (Id not divisible by 5, less any repeating a test request's words), ${rows.length} requests, soft labels from the normalised score`,
  ], m, 0);
}

/** The best threshold for F1 of (rules ∪ learned) on the dev rows, searched over logits. */
function chooseThreshold(logits: number[], rules: boolean[], gold: boolean[]): { threshold: number; f1: number; precision: number; recall: number } {
  let best = { threshold: Infinity, f1: -1, precision: 0, recall: 0 };
  for (let t = -3; t <= 4; t += 0.05) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < logits.length; i++) {
      const p = rules[i] || logits[i]! >= t;
      if (p && gold[i]) tp++;
      else if (p) fp++;
      else if (gold[i]) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn || 1);
    if (f1 > best.f1 + 1e-9) best = { threshold: t, f1, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
  }
  return best;
}

export function trainSignalModels(): void {
  // Training rows never repeat the words of an evaluation row (GoEmotions and RSiCS hold a few duplicates).
  const heldOut = new Set([...loadGoEmotions('test'), ...loadGoEmotions('dev')].map((r) => r.text));
  const train = loadGoEmotions('train').filter((r) => !heldOut.has(r.text));
  const dev = loadGoEmotions('dev');
  const rsicsAll = loadRsics();
  const rsicsHeld = new Set(rsicsAll.filter((r) => rsicsIsTest(r.id)).map((r) => r.text));
  const rsics = rsicsAll.filter((r) => !rsicsIsTest(r.id) && !rsicsHeld.has(r.text));
  // Plain customer-service requests ("how do I cancel my order?") teach the heads what an ordinary
  // request looks like: Bitext utterances outside its held-out fifth, without the offensive (W) variants.
  const bitext = loadBitext().filter((r) => !bitextIsTest(r.text) && !r.flags.includes('W'));
  // Real technical-support chat, so that a plain problem report ("uploads stop at 99 %") is not read as a feeling:
  // #ubuntu training messages of four words or more on which no phrase rule finds any customer signal.
  const engine = new Engine();
  useLearnedSignals(false);
  const irc = loadUbuntuIrcTrain(IRC_STEP).filter((t) => t.split(/\s+/).length >= 4 && engine.analyze({ messages: [{ role: 'customer', text: t }] }).findings.every((x) => x.kind !== 'signal'));
  useLearnedSignals(true);
  console.log(`signals: GoEmotions ${train.length} training comments (thresholds on ${dev.length} dev comments), RSiCS ${rsics.length} requests, Bitext ${bitext.length} utterances, #ubuntu ${irc.length} messages`);
  // What the phrase rules alone find on the dev comments (the learned heads only add where they find nothing).
  useLearnedSignals(false);
  const ruleSignals = dev.map((r) => new Set(engine.analyze({ messages: [{ role: 'customer', text: r.text }] }).findings.map((f) => f.category as string)));
  useLearnedSignals(true);
  const devX = dev.map((r) => featurize(r.text, SIGNAL.bits, SIGNAL.features));
  const has = (r: GoEmotionsRow, labels: string[]): boolean => r.labels.some((l) => labels.includes(l));
  for (const [signal, head] of Object.entries(SIGNAL_HEADS)) {
    const examples = [
      ...train.map((r) => ({ text: r.text, y: (has(r, head.goemotions) ? 1 : 0) as 0 | 1 })),
      ...rsics.map((r) => ({ text: r.text, y: (head.rsics.some((t) => r.tags[t]) ? 1 : 0) as 0 | 1 })),
      ...(head.supportNegatives ? bitext.map((r) => ({ text: r.text, y: 0 as const })) : []),
      ...(head.supportNegatives ? irc.map((text) => ({ text, y: 0 as const })) : []),
    ];
    const m = trainSignal(examples);
    const chosen = chooseThreshold(devX.map((x) => logitOf(m, x)), ruleSignals.map((s) => s.has(signal)), dev.map((r) => has(r, head.goemotions)));
    console.log(`  ${signal}: dev F1 with the rules ${chosen.f1.toFixed(3)} (P ${chosen.precision.toFixed(3)}, R ${chosen.recall.toFixed(3)})`);
    save(`signal-${signal}`, `Whether a customer message reads as ${signal} where no phrase rule matched.`, [
      `goemotions: train.tsv (${train.length} comments, less any repeating a dev or test comment), positive when labelled ${head.goemotions.join(' or ')}`,
      `rsics-relational-strategies: ${rsics.length} requests outside the held-out fifth${head.rsics.length ? `, positive when tagged ${head.rsics.join(' or ')}` : ', all negative'}`,
      ...(head.supportNegatives ? [
        `bitext-customer-service-sample: ${bitext.length} utterances outside the held-out fifth and without the offensive flag W, all negative`,
        `ubuntu-irc-disentanglement: ${irc.length} #ubuntu messages from the training logs (every ${IRC_STEP}th, four words or more, no phrase-rule signal), all negative`,
      ] : []),
      `threshold: best F1 of phrase rules + model on goemotions dev.tsv (${dev.length} comments)`,
    ], m, chosen.threshold, SIGNAL.features);
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const t0 = Date.now();
  if (!values.only || values.only === 'politeness') trainPolitenessModel();
  if (!values.only || values.only === 'signals') trainSignalModels();
  if (docFailures.count) console.log(`(${docFailures.count} texts hit the tokenizer's Object-property bug and were read with the word broken)`);
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s; run \`npm run build:data\` to compile the weights into the engine`);
}
