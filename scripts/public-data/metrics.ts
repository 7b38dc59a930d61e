// The figures the public evaluation reports: counts to precision, recall, F1;
// accuracy; macro-F1 over classes; Pearson and Spearman correlation.

export interface Counts { tp: number; fp: number; fn: number; tn: number }

export function counts(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function tally(c: Counts, predicted: boolean, gold: boolean): void {
  if (predicted && gold) c.tp++;
  else if (predicted) c.fp++;
  else if (gold) c.fn++;
  else c.tn++;
}

export function prf(c: Counts): { precision: number; recall: number; f1: number; support: number; accuracy: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const n = c.tp + c.fp + c.fn + c.tn;
  return { precision, recall, f1, support: c.tp + c.fn, accuracy: n ? (c.tp + c.tn) / n : 0 };
}

/** Accuracy and macro-F1 of predicted against gold class labels (over the classes present in gold or predicted). */
export function multiclass(gold: number[], predicted: number[]): { accuracy: number; macroF1: number } {
  const classes = [...new Set([...gold, ...predicted])].sort();
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) ok++;
  let sum = 0;
  for (const k of classes) {
    const c = counts();
    for (let i = 0; i < gold.length; i++) tally(c, predicted[i] === k, gold[i] === k);
    sum += prf(c).f1;
  }
  return { accuracy: gold.length ? ok / gold.length : 0, macroF1: classes.length ? sum / classes.length : 0 };
}

export function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Ranks with ties given their mean rank. */
export function ranks(x: number[]): number[] {
  const order = x.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(x.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

export function spearman(x: number[], y: number[]): number {
  return pearson(ranks(x), ranks(y));
}

/** The p-quantile of sorted values, by linear interpolation between closest ranks (numpy's default, as pandas' quantile). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)} %`;
export const dec = (x: number, digits = 3): string => x.toFixed(digits);
