// Small helpers shared by rules: what the customer's problem is called, for
// suggestions that name it, and span helpers.

import type { RuleContext } from '../rule.js';
import type { Doc, Sentence } from '../text/doc.js';
import { lookup } from '../lookup.js';

/**
 * The customer's problem in their own words, turned to the second person, for
 * suggestions that name it: "My laptop won't connect to the VPN." becomes
 * "your laptop won't connect to the VPN". Falls back to a neutral phrase.
 */
export function describeProblem(ctx: RuleContext, fallback = 'about the trouble this has caused'): string {
  const last = ctx.customer.recent[ctx.customer.recent.length - 1] ?? ctx.customer.messages[ctx.customer.messages.length - 1];
  if (!last) return fallback;
  // Rules ask once per finding: remember the answer per customer message (a long message is read once).
  let said = PROBLEMS.get(last.doc);
  if (said === undefined) {
    said = problemOf(last.doc);
    PROBLEMS.set(last.doc, said);
  }
  return said ?? fallback;
}

const PROBLEMS = new WeakMap<Doc, string | null>();

function problemOf(doc: Doc): string | null {
  const s = doc.sentences.find((x) => {
    if (x.question) return false;
    for (let k = x.contentFirst; k < x.last; k++) if (PROBLEM_WORDS.has(doc.tokens[k]!.norm)) return true;
    return false;
  });
  if (!s) return null;
  const toks = doc.tokens.slice(s.contentFirst, s.last).filter((t) => t.kind !== 'emoji');
  while (toks.length && toks[toks.length - 1]!.kind === 'punct') toks.pop();
  if (toks.length < 3 || toks.length > 16 || !/^(my|our|the|i|we|it|your)$/.test(toks[0]!.norm)) return null;
  let out = '';
  toks.forEach((t, i) => {
    const word = PERSON_SWAP[t.norm] ?? (i === 0 ? t.text.toLowerCase() : t.text);
    const gap = i === 0 ? '' : doc.text.slice(toks[i - 1]!.end, t.start).replace(/\s+/g, ' ');
    out += gap + word;
  });
  return out;
}

const PROBLEM_WORDS = new Set(["won't", "can't", 'cannot', "doesn't", "isn't", 'not', 'broken', 'failed', 'fails', 'deleted', 'lost', 'missing', 'charged', 'crashed', 'crashes', 'stopped', 'error', 'down', 'slow', 'late', 'wrong', 'twice', 'locked', 'never']);

const PERSON_SWAP: Readonly<Record<string, string>> = lookup({
  i: 'you', "i'm": "you're", "i've": "you've", "i'll": "you'll", "i'd": "you'd", me: 'you', my: 'your', mine: 'yours', myself: 'yourself',
  we: 'you', our: 'your', us: 'you', ours: 'yours',
});

/** The sentence's text span, without a list marker. */
export function sentenceSpan(doc: Doc, s: Sentence): { start: number; end: number } {
  return { start: doc.tokens[s.contentFirst]!.start, end: s.end };
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
