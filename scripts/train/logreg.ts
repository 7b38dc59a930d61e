// Logistic regression over hashed binary features, trained with AdaGrad and an
// L2 penalty, in a fixed order (a seeded shuffle): the same data and options
// always give the same weights. Small and dependency-free.

export interface Example {
  /** Feature slots (already masked to the table), each once. */
  x: Uint32Array;
  y: number;
  /** Sample weight (class balance); 1 when absent. */
  w?: number;
}

export interface TrainOptions {
  bits: number;
  epochs?: number;
  /** L2 penalty per example step (scaled by the example count). */
  l2?: number;
  rate?: number;
  seed?: number;
}

export interface TrainedModel {
  bits: number;
  bias: number;
  weights: Float32Array;
}

/** A small, fast, seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  const r = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function train(examples: Example[], o: TrainOptions): TrainedModel {
  const size = 1 << o.bits;
  const w = new Float32Array(size);
  const g2 = new Float32Array(size).fill(1e-6);
  let bias = 0;
  let biasG2 = 1e-6;
  const epochs = o.epochs ?? 12;
  const l2 = o.l2 ?? 1e-4;
  const rate = o.rate ?? 0.2;
  const r = rng(o.seed ?? 1);
  const order = examples.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (const idx of order) {
      const ex = examples[idx]!;
      let z = bias;
      const x = ex.x;
      for (let k = 0; k < x.length; k++) z += w[x[k]!]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - ex.y) * (ex.w ?? 1);
      for (let k = 0; k < x.length; k++) {
        const s = x[k]!;
        const gs = g + l2 * w[s]!;
        g2[s]! += gs * gs;
        w[s]! -= (rate * gs) / Math.sqrt(g2[s]!);
      }
      biasG2 += g * g;
      bias -= (rate * g) / Math.sqrt(biasG2);
    }
  }
  return { bits: o.bits, bias, weights: w };
}

export function logit(m: { bias: number; weights: Float32Array }, x: Uint32Array): number {
  let z = m.bias;
  for (let k = 0; k < x.length; k++) z += m.weights[x[k]!]!;
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Weights for balanced classes: each class weighs as much in total. */
export function balance(examples: Example[]): Example[] {
  const pos = examples.filter((e) => e.y === 1).length;
  const neg = examples.length - pos;
  if (!pos || !neg) return examples;
  const wp = examples.length / (2 * pos);
  const wn = examples.length / (2 * neg);
  return examples.map((e) => ({ ...e, w: (e.w ?? 1) * (e.y === 1 ? wp : wn) }));
}

export interface BatchOptions {
  bits: number;
  /** L2 penalty λ on the mean loss: loss = mean(logloss · w) + λ/2 · |w|². */
  lambda: number;
  iterations?: number;
  rate?: number;
  /** Feature values: 1 for binary, or 1/√n (each message's vector of unit length). */
  normalize?: boolean;
}

/**
 * Full-batch L2-regularised logistic regression with Adam: every weight is
 * penalised alike (unlike per-example updates), so it behaves like the usual
 * regularised regression and needs no shuffle (deterministic by construction).
 */
export function trainBatch(examples: Example[], o: BatchOptions): TrainedModel {
  const size = 1 << o.bits;
  const w = new Float32Array(size);
  const m1 = new Float32Array(size);
  const m2 = new Float32Array(size);
  const grad = new Float32Array(size);
  const touched = new Uint8Array(size);
  for (const e of examples) for (const s of e.x) touched[s] = 1;
  const active = new Uint32Array(touched.reduce((n, t) => n + t, 0));
  for (let i = 0, k = 0; i < size; i++) if (touched[i]) active[k++] = i;
  let bias = 0;
  let b1 = 0;
  let b2 = 0;
  const iterations = o.iterations ?? 300;
  const rate = o.rate ?? 0.05;
  const totalW = examples.reduce((s, e) => s + (e.w ?? 1), 0);
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let it = 1; it <= iterations; it++) {
    for (const s of active) grad[s] = o.lambda * w[s]!;
    let gb = 0;
    for (const e of examples) {
      const v = o.normalize ? 1 / Math.sqrt(Math.max(1, e.x.length)) : 1;
      let z = bias;
      for (const s of e.x) z += w[s]! * v;
      const p = 1 / (1 + Math.exp(-z));
      const g = ((p - e.y) * (e.w ?? 1)) / totalW;
      for (const s of e.x) grad[s]! += g * v;
      gb += g;
    }
    const c1 = 1 - Math.pow(beta1, it);
    const c2 = 1 - Math.pow(beta2, it);
    for (const s of active) {
      const g = grad[s]!;
      m1[s] = beta1 * m1[s]! + (1 - beta1) * g;
      m2[s] = beta2 * m2[s]! + (1 - beta2) * g * g;
      w[s]! -= (rate * (m1[s]! / c1)) / (Math.sqrt(m2[s]! / c2) + 1e-8);
    }
    b1 = beta1 * b1 + (1 - beta1) * gb;
    b2 = beta2 * b2 + (1 - beta2) * gb * gb;
    bias -= (rate * (b1 / c1)) / (Math.sqrt(b2 / c2) + 1e-8);
  }
  return { bits: o.bits, bias, weights: w };
}
