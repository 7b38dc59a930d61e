// Number formatting, aligned tables and a wall-budget timer, shared by the
// benchmark's sections (scripts/bench.ts and scripts/bench/*.ts).

export const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** Two significant digits without exponent notation: 0.0036×, 0.12×, 4.3×, 120×. */
export const ratio = (n: number): string => (Number.isFinite(n) && n > 0 ? `${Number(n.toPrecision(2))}×` : '—');

/** An aligned text table: first row is the header, first column left-aligned, the rest right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export interface Timed {
  /** Calls of `fn` inside the measured window. */
  calls: number;
  ms: number;
  /** Sum of `fn`'s results, so that no call can be optimised away. */
  sink: number;
}

/**
 * Warms up (unmeasured) for at least `warmMs` and `warmCalls` calls — a JIT
 * needs calls, not just time, and a slow tool makes few in a short while — but
 * no longer than 5 × `warmMs`; then calls `fn` in whole passes over `items`
 * until at least `budgetMs` have elapsed. Whole passes keep every tool on
 * exactly the same messages, equally weighted, whatever its speed.
 */
export function timeForBudget<T>(items: readonly T[], fn: (item: T) => number, budgetMs: number, warmMs = 1000, warmCalls = 300): Timed {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; ; i++) {
    const elapsed = performance.now() - start;
    if (elapsed >= 5 * warmMs || (elapsed >= warmMs && i >= warmCalls)) break;
    sink += fn(items[i % items.length]!);
  }
  let calls = 0;
  const t0 = performance.now();
  let ms = 0;
  do {
    for (const item of items) sink += fn(item);
    calls += items.length;
    ms = performance.now() - t0;
  } while (ms < budgetMs);
  return { calls, ms, sink };
}
