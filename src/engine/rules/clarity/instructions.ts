// Which sentences give the customer an instruction, and which order steps.
// Shared by `clarity/wall-of-text` and `clarity/clear-steps`.

import type { RuleContext } from '../../rule.js';
import type { Sentence } from '../../text/doc.js';

const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–', '-', 'and', 'then', 'or', '(']);

/** Number of instructions (clause-initial imperatives) in each sentence, by sentence index. Cached per message. */
export function instructionsBySentence(ctx: RuleContext): Map<number, number> {
  const cached = cache.get(ctx.doc);
  if (cached) return cached;
  const out = new Map<number, number>();
  const seen = new Set<number>();
  const toks = ctx.doc.tokens;
  for (const m of ctx.matches('clarity.instruction')) {
    if (seen.has(m.first) || ctx.isQuoted(m) || ctx.isNegated(m)) continue;
    const s = ctx.doc.sentenceAt(m.start);
    if (!s || s.question) continue;
    const prev = toks[m.first - 1];
    const clauseStart = m.first === s.contentFirst || m.first === s.first || (prev !== undefined && m.first > s.first && CLAUSE_BREAKS.has(prev.norm));
    // "you'll need to", "please click", "then open" count anywhere; a bare verb only where a clause starts.
    const led = ['you', "you'll", 'please', 'kindly', 'then', 'next', 'first', 'firstly', 'finally', 'lastly', 'now', 'also', 'afterwards', 'once', 'when', 'after'].includes(toks[m.first]!.norm);
    if (!clauseStart && !led) continue;
    // A bare verb at a clause start must not be a noun or a past form ("Check-in is…", "Restart failed").
    seen.add(m.first);
    out.set(s.index, (out.get(s.index) ?? 0) + 1);
  }
  cache.set(ctx.doc, out);
  return out;
}

const cache = new WeakMap<object, Map<number, number>>();

/** The list marker of a list-item sentence is a number or a letter ("1.", "a)"), not a bullet. */
export function isNumbered(ctx: RuleContext, s: Sentence): boolean {
  if (!s.listItem) return false;
  const t = ctx.doc.tokens[s.first]!;
  return t.kind === 'num' || t.norm === 'step' || (t.kind === 'word' && t.text.length === 1);
}
