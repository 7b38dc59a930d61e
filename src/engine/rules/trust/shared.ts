// Helpers the trust and acknowledgment rules share: phrase matches that follow
// one another, sentence lookups, and "does this reply already do X" checks.

import type { PhraseMatch } from '../../phrases/matcher.js';
import type { RuleContext } from '../../rule.js';
import type { Sentence } from '../../text/doc.js';

/** Matches of `listId` grouped by their first token. */
export function byFirst(ctx: RuleContext, listId: string): Map<number, PhraseMatch[]> {
  const out = new Map<number, PhraseMatch[]>();
  for (const m of ctx.matches(listId)) {
    let arr = out.get(m.first);
    if (!arr) out.set(m.first, (arr = []));
    arr.push(m);
  }
  return out;
}

/**
 * Pairs where a match of `headList` is directly followed by a match of `tailList`
 * (the tail starts where the head ends): "I'll" + "take care of it".
 * Returns the combined span, the longest tail per head.
 */
export function followed(ctx: RuleContext, headList: string, tailList: string): Array<{ head: PhraseMatch; tail: PhraseMatch; first: number; last: number; start: number; end: number }> {
  const tails = byFirst(ctx, tailList);
  if (tails.size === 0) return [];
  const out: Array<{ head: PhraseMatch; tail: PhraseMatch; first: number; last: number; start: number; end: number }> = [];
  for (const head of ctx.matches(headList)) {
    const t = tails.get(head.last);
    if (!t) continue;
    let best = t[0]!;
    for (const x of t) if (x.last > best.last) best = x;
    out.push({ head, tail: best, first: head.first, last: best.last, start: head.start, end: best.end });
  }
  return out;
}

/** The sentence holding token `i`. */
export function sentenceOfToken(ctx: RuleContext, i: number): Sentence | undefined {
  const t = ctx.doc.tokens[i];
  return t ? ctx.doc.sentenceAt(t.start) : undefined;
}

/** Any match of the list in the message that is neither quoted nor negated. */
export function hasLive(ctx: RuleContext, listId: string): boolean {
  for (const m of ctx.matches(listId)) if (!ctx.isQuoted(m) && !ctx.isNegated(m)) return true;
  return false;
}

/** True when a token inside [first, last) is quoted, or the match is negated. */
export function dead(ctx: RuleContext, m: { first: number; last: number }): boolean {
  return ctx.isQuoted(m) || ctx.isNegated(m);
}

/** The whole sentence span (without a list marker). */
export function sentenceSpanOf(ctx: RuleContext, s: Sentence): { start: number; end: number } {
  return { start: ctx.doc.tokens[s.contentFirst]!.start, end: s.end };
}

/** Keeps the first match per sentence (one finding per sentence is enough for a strength). */
export function onePerSentence<T extends { start: number }>(ctx: RuleContext, items: T[]): T[] {
  const seen = new Set<number>();
  const out: T[] = [];
  for (const it of [...items].sort((a, b) => a.start - b.start)) {
    const s = ctx.doc.sentenceAt(it.start);
    const key = s ? s.index : -1 - it.start;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(it);
  }
  return out;
}

/** Word tokens' norms in tokens[first, last). */
export function words(ctx: RuleContext, first: number, last: number): string[] {
  const out: string[] = [];
  for (let k = first; k < last; k++) {
    const t = ctx.doc.tokens[k]!;
    if (t.kind === 'word' || t.kind === 'num') out.push(t.norm);
  }
  return out;
}

/** A clock time token: "5pm", "3:30", "14:00", "9am", "noon"; or a number followed by am/pm. */
export function isClockTime(ctx: RuleContext, i: number): boolean {
  const t = ctx.doc.tokens[i];
  if (!t) return false;
  const n = t.norm;
  if (n.length > 8) return false;
  if (/^\d{1,2}([:.]\d{2})?\s?(am|pm|a\.m|p\.m)\.?$/.test(n)) return true;
  if (/^\d{1,2}:\d{2}$/.test(n)) return true;
  if (/^\d{1,2}$/.test(n)) {
    const next = ctx.doc.tokens[i + 1];
    return !!next && /^(am|pm|a\.m\.?|p\.m\.?|o'clock|oclock)$/.test(next.norm);
  }
  return false;
}

const NEGATORS = new Set(['not', 'no', 'never', 'nothing', "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "shouldn't", 'cannot', 'hardly', 'without']);

/**
 * A negator within the three words before token `k`, in the same clause
 * (stops at punctuation). Tighter than Doc.negated, whose scope runs over a
 * dash: "it isn't opening — that's frustrating" is not a negated feeling.
 */
export function negatedNear(ctx: RuleContext, k: number): boolean {
  const toks = ctx.doc.tokens;
  for (let i = k - 1; i >= 0 && i >= k - 3; i--) {
    const t = toks[i]!;
    if (t.kind === 'punct') return false;
    if (NEGATORS.has(t.norm) || t.norm.endsWith("n't")) return true;
  }
  return false;
}
