// The message pipeline after the rules: drop what a stronger finding already
// says, merge repeats, and sort, so that a reader never sees two underlines
// saying the same thing or a strength and a problem claiming the same words.

import type { Doc } from './text/doc.js';
import type { Category, Finding } from './types.js';

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
  const sorted = [...findings].sort(compareFindings);
  const kept: Finding[] = [];
  for (const f of sorted) {
    // Same category on overlapping words: keep the first (longest at that start).
    if (kept.some((k) => k.category === f.category && k.message === f.message && overlaps(k, f))) continue;
    kept.push(f);
  }
  return kept.filter((f) => {
    if (f.kind !== 'strength') return true;
    return !kept.some((p) => p.kind === 'problem' && p.message === f.message && (CONTRADICTS[p.category]?.includes(f.category) ?? false) && overlaps(p, f));
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.message - b.message || a.start - b.start || b.end - a.end || a.category.localeCompare(b.category) || a.rule.localeCompare(b.rule);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
