// The message pipeline after the rules: drop what a stronger finding already
// says, merge repeats, and sort, so that a reader never sees two underlines
// saying the same thing or a strength and a problem claiming the same words.
// O(n log n) in the number of findings: a message can hold thousands.

import type { Doc } from './text/doc.js';
import type { Category, Finding } from './types.js';
import { work } from './work.js';

/** A strength that a problem on the same words contradicts. */
const CONTRADICTS: Partial<Record<Category, Category[]>> = {
  'hollow-apology': ['sincere-apology'],
  'negative-framing': ['positive-framing'],
  'repeated-question': ['diagnostic-question'],
  deflection: ['ownership'],
  overpromise: ['expectation-setting'],
  dismissive: ['empathy'],
  condescending: ['plain-explanation'],
};

export function postProcess(findings: Finding[], doc: Doc): Finding[] {
  void doc;
  work.steps += findings.length;
  const sorted = [...findings].sort(compareFindings);
  // Same category on overlapping words: keep the first (the longest at that start).
  const lastEnd = new Map<string, number>();
  const kept: Finding[] = [];
  for (const f of sorted) {
    const key = `${f.message}\u0000${f.category}`;
    if ((lastEnd.get(key) ?? -1) > f.start) continue;
    lastEnd.set(key, f.end);
    kept.push(f);
  }
  // Spans of each problem category, sorted and (after the step above) disjoint.
  const problems = new Map<string, Finding[]>();
  for (const f of kept) {
    if (f.kind !== 'problem') continue;
    const key = `${f.message}\u0000${f.category}`;
    let arr = problems.get(key);
    if (!arr) problems.set(key, (arr = []));
    arr.push(f);
  }
  const contradicted = (f: Finding): boolean => {
    for (const [problem, strengths] of Object.entries(CONTRADICTS)) {
      if (!strengths!.includes(f.category)) continue;
      const spans = problems.get(`${f.message}\u0000${problem}`);
      if (spans && overlapsAny(spans, f)) return true;
    }
    return false;
  };
  return kept.filter((f) => f.kind !== 'strength' || !contradicted(f));
}

/** Binary search in disjoint spans sorted by start. */
function overlapsAny(spans: Finding[], f: { start: number; end: number }): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= f.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]!.start < f.end;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.message - b.message || a.start - b.start || b.end - a.end || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
