// Shared machinery of the customer-signal rules: each signal rule reads one or
// more phrase lists, drops matches the customer is quoting, matches a negation
// governs ("I'm not worried", "not urgent") and matches a blocker list cancels
// ("thanks for nothing"), and reports one finding per remaining span.

import type { PhraseMatch } from '../../phrases/matcher.js';
import type { Rule, RuleContext, RuleDocs, RuleExample } from '../../rule.js';
import type { Doc } from '../../text/doc.js';
import type { SignalCategory } from '../../types.js';
import { learnedSignal } from '../../learned/index.js';

export interface SignalSpec {
  id: string;
  category: SignalCategory;
  docs: RuleDocs;
  examples: { valid: Array<string | RuleExample>; invalid: Array<string | RuleExample> };
  /** Phrase lists whose matches show the signal. */
  lists: string[];
  /** Phrase lists whose matches cancel an overlapping match. */
  blockers?: string[];
  /** Skip matches a negation governs (default true). */
  negation?: boolean;
  /** Extra test on one match (after quotation, negation and blockers). */
  accept?(ctx: RuleContext, m: PhraseMatch): boolean;
  /** Short explanation of what the customer shows, for one span. */
  explain(excerpt: string): string;
  /** Structural detectors (punctuation, capitals, sign-offs…). */
  extra?(ctx: RuleContext, emit: (start: number, end: number, explanation?: string) => void): void;
}

export function signalRule(spec: SignalSpec): Rule {
  return {
    id: spec.id,
    category: spec.category,
    on: 'customer',
    docs: spec.docs,
    examples: spec.examples,
    check(ctx) {
      if (!ctx.doc.hasProse) return;
      let reported = 0;
      const emit = (start: number, end: number, explanation?: string): void => {
        reported++;
        ctx.report({ start, end, explanation: explanation ?? spec.explain(ctx.text.slice(start, end)) });
      };
      let blocks: PhraseMatch[] | undefined;
      for (const list of spec.lists) {
        for (const m of ctx.matches(list)) {
          // Words the customer quotes are not their own; a quoted term inside their own phrase is.
          if (ctx.doc.tokens[m.first]!.quoted || ctx.doc.tokens[m.last - 1]!.quoted) continue;
          if (spec.negation !== false && isNegatedMatch(ctx.doc, m.first)) continue;
          if (spec.blockers) {
            blocks ??= spec.blockers.flatMap((b) => ctx.matches(b));
            if (blocks.some((b) => b.start < m.end && m.start < b.end)) continue;
          }
          if (spec.accept && !spec.accept(ctx, m)) continue;
          emit(m.start, m.end);
        }
      }
      spec.extra?.(ctx, emit);
      // Where no phrase matched, a learned model may still read the signal (see learned/index.ts);
      // it reports the words that drove it, and says it is a learned judgment.
      if (reported === 0 && !ctx.found.some((f) => f.message === ctx.index && RELATED[spec.category]?.includes(f.category as SignalCategory))) {
        const learned = learnedSignal(ctx.doc, spec.category);
        // The words it points at obey the rule's own limits: not negated ("I'm not worried"), not cancelled by a blocker ("thanks for nothing").
        blocks ??= (spec.blockers ?? []).flatMap((b) => ctx.matches(b));
        const spans = (learned?.spans ?? []).filter((s) => {
          if (blocks!.some((b) => b.start < s.end && s.start < b.end)) return false;
          const k = ctx.doc.tokenIndexAt(s.start);
          if (spec.negation !== false && isNegatedMatch(ctx.doc, k)) return false;
          // The rule's own test on a match applies to a learned span too ("you seem worried" is someone else's worry).
          return !spec.accept || spec.accept(ctx, { list: 'learned', entry: -1, first: k, last: ctx.doc.tokenIndexAt(s.end), start: s.start, end: s.end });
        });
        if (learned && spans.length === learned.spans.length) {
          const words = spans.map((s) => q(s.text)).join(', ');
          const top = spans[0]!;
          emit(top.start, top.end, `${spec.explain(top.text)} (A learned judgment: the words ${words} read as ${spec.category}.)`);
        }
      }
    },
  };
}

/**
 * A learned signal stays silent where a phrase rule already read a related one:
 * an insult the abuse rule flagged is not also a learned anger or frustration.
 */
const RELATED: Partial<Record<SignalCategory, SignalCategory[]>> = {
  anger: ['abuse'],
  frustration: ['abuse', 'anger'],
};

/** Words between a negator and the match that keep the match's meaning ("I don't want to lose…"). */
const KEEPS_MEANING = new Set(['want', 'wanna', 'afford', 'wish', 'like', 'mean', 'know', 'care']);
const NEGATOR_WORDS = new Set(['not', 'no', 'never', 'without', 'nothing', 'none', 'neither', 'nor', 'cannot', 'nobody', 'nowhere', 'hardly']);

/**
 * Words that open a new clause: chat messages often run two clauses together
 * with no comma ("it's not gone through its been 2 days"), and a negation
 * before such a word does not reach past it.
 */
const CLAUSE_OPENERS = new Set(['i', "i'm", "i've", "i'd", "i'll", 'its', "it's", 'we', "we're", "we've", 'they', "they're", "that's", "there's"]);

/** A negation governs token `first`, unless it is a frame like "don't want to" that keeps the meaning. */
export function isNegatedMatch(doc: Doc, first: number): boolean {
  if (!doc.negated[first]) return false;
  // "not gone through its been 2 days": the match opens a clause of its own.
  const own = doc.tokens[first]!.norm;
  if (CLAUSE_OPENERS.has(own)) {
    const prev = doc.tokens[first - 1]?.norm ?? '';
    if (!NEGATOR_WORDS.has(prev) && !prev.endsWith("n't") && prev !== 'if' && prev !== 'that') return false;
  }
  for (let k = first - 1; k >= 0 && k >= first - 7; k--) {
    const norm = doc.tokens[k]!.norm;
    if (NEGATOR_WORDS.has(norm) || norm.endsWith("n't")) return true;
    if (KEEPS_MEANING.has(norm)) return false;
  }
  return true;
}

/** The sentence holding token index `k`. */
export function sentenceOfToken(doc: Doc, k: number): { first: number; last: number; question: boolean; contentFirst: number } | undefined {
  const t = doc.tokens[k];
  return t ? doc.sentenceAt(t.start) : undefined;
}

/** Quotes the excerpt for an explanation, shortened when long. */
export function q(excerpt: string): string {
  const one = excerpt.replace(/\s+/g, ' ').trim();
  return `"${one.length > 60 ? `${one.slice(0, 57)}…` : one}"`;
}
