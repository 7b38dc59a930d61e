import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logit, rng, shuffled, train, trainBatch, type Example } from './logreg.js';
import { featurize } from './featurize.js';

/** Word 1 means yes, word 2 means no, word 3 is noise. */
function toy(): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < 200; i++) {
    const y = i % 2 === 0 ? 1 : 0;
    out.push({ x: Uint32Array.from(i % 5 === 0 ? [3] : [y ? 1 : 2, 3]), y });
  }
  return out;
}

test('full-batch training learns the signal, the same weights every run', () => {
  const a = trainBatch(toy(), { bits: 4, lambda: 1e-3, iterations: 100 });
  const b = trainBatch(toy(), { bits: 4, lambda: 1e-3, iterations: 100 });
  assert.deepEqual([...a.weights], [...b.weights]);
  assert.equal(a.bias, b.bias);
  assert.ok(a.weights[1]! > 1 && a.weights[2]! < -1, `${a.weights[1]} ${a.weights[2]}`);
  assert.ok(logit(a, Uint32Array.from([1, 3])) > 0 && logit(a, Uint32Array.from([2, 3])) < 0);
});

test('soft labels are targets in 0..1', () => {
  const m = trainBatch([{ x: Uint32Array.from([1]), y: 0.8 }, { x: Uint32Array.from([2]), y: 0.2 }], { bits: 3, lambda: 0, iterations: 400, rate: 0.1 });
  assert.ok(Math.abs(1 / (1 + Math.exp(-logit(m, Uint32Array.from([1])))) - 0.8) < 0.05);
});

test('the seeded trainer and shuffle are reproducible', () => {
  assert.deepEqual(shuffled([1, 2, 3, 4, 5, 6], 7), shuffled([1, 2, 3, 4, 5, 6], 7));
  const r1 = rng(42);
  const r2 = rng(42);
  assert.equal(r1(), r2());
  const a = train(toy(), { bits: 4, seed: 3, epochs: 3 });
  const b = train(toy(), { bits: 4, seed: 3, epochs: 3 });
  assert.deepEqual([...a.weights], [...b.weights]);
});

test('training features are the engine\'s features, masked to the model', () => {
  const x = featurize('Could you please help?', 12);
  assert.ok(x.length > 5 && x.every((s) => s < 4096));
  assert.deepEqual([...featurize('Could you please help?', 12)], [...x]);
  // The tokenizer of this revision throws on "constructor"; training reads it anyway.
  assert.ok(featurize('Who wrote the constructor?', 12).length > 0);
});
