import type { Rule, RuleContext } from '../../rule.js';
import { q, signalRule } from './signal.js';

// Not understanding: "what does that mean?", "I'm lost", "where is that?",
// "I'm not good with computers", a bare "what??", "what's a router?".
export const confusion: Rule = signalRule({
  id: 'customer/confusion',
  category: 'confusion',
  docs: {
    summary: 'The customer does not understand an instruction, a term, or where to find something.',
    why: 'A confused customer cannot act on the reply. More steps in the same words only add to the pile, and many will not ask twice.',
    instead: 'Slow down: explain the term in plain words, describe where to click by what they see on screen, and check after each step.',
  },
  examples: {
    invalid: [
      { text: 'Sorry, what does "cache" mean?', excerpt: 'what does "cache" mean' },
      "I'm lost. Where is that?",
      "i'm not very good with computers, my son set it up",
      { text: 'What is a DNS?', excerpt: 'What is a DNS?' },
      'what??',
    ],
    valid: [
      'I understand, I will try that now.',
      'Where is my order? It was due Monday.',
      'I lost my badge and my keys.',
      'The DNS change went through, what is next?',
    ],
  },
  lists: ['customer.confusion', 'expertise.novice'],
  explain: (x) => `${q(x)} shows the customer is confused: explain in plain words and check understanding.`,
  extra(ctx, emit) {
    bareWhat(ctx, emit);
    whatIsTerm(ctx, emit);
    whatDoesItMean(ctx, emit);
  },
});

const BARE = new Set(['what', 'huh', 'eh', 'pardon', 'wut', 'wat', 'sorry', 'hmm', 'hm', 'um', 'umm', 'erm', 'wait']);

/** A sentence that is only "what?" / "huh??" / "sorry, what?". */
function bareWhat(ctx: RuleContext, emit: (start: number, end: number, explanation?: string) => void): void {
  const doc = ctx.doc;
  for (const s of doc.sentences) {
    if (!s.question || s.last - s.contentFirst > 5) continue;
    let word = false;
    let ok = true;
    let hasWhat = false;
    for (let k = s.contentFirst; k < s.last; k++) {
      const t = doc.tokens[k]!;
      if (t.quoted) { ok = false; break; }
      if (t.kind === 'word') {
        if (!BARE.has(t.norm)) { ok = false; break; }
        if (t.norm === 'what' || t.norm === 'huh' || t.norm === 'wut' || t.norm === 'wat' || t.norm === 'pardon' || t.norm === 'eh') hasWhat = true;
        word = true;
      } else if (t.kind !== 'punct') { ok = false; break; }
    }
    if (ok && word && hasWhat) emit(doc.tokens[s.contentFirst]!.start, s.end, `${q(ctx.text.slice(doc.tokens[s.contentFirst]!.start, s.end))}: the customer did not follow.`);
  }
}

const LEAD = new Set(['sorry', 'but', 'and', 'so', 'ok', 'okay', 'um', 'umm', 'erm', 'uh', 'and', 'wait', 'also']);
const DET = new Set(['a', 'an', 'the', 'this', 'that', 'my', 'your', 'exactly']);

/** "What's a router?" / "what is the DNS?" — asking what a technical term is. */
function whatIsTerm(ctx: RuleContext, emit: (start: number, end: number, explanation?: string) => void): void {
  const doc = ctx.doc;
  const terms = ctx.glossary();
  if (terms.length === 0) return;
  for (const s of doc.sentences) {
    if (!s.question) continue;
    let k = s.contentFirst;
    while (k < s.last && (LEAD.has(doc.tokens[k]!.norm) || doc.tokens[k]!.text === ',')) k++;
    const w = doc.tokens[k];
    if (!w) continue;
    if (w.norm === "what's" || w.norm === 'whats') k++;
    else if (w.norm === 'what' && (doc.tokens[k + 1]?.norm === 'is' || doc.tokens[k + 1]?.norm === 'are' || doc.tokens[k + 1]?.norm === 'does')) k += 2;
    else continue;
    while (k < s.last && DET.has(doc.tokens[k]!.norm)) k++;
    const g = terms.find((t) => t.first === k);
    if (!g || g.last >= s.last) continue;
    let end = g.last;
    if (doc.tokens[end]?.norm === 'mean' || doc.tokens[end]?.norm === 'means') end++;
    if (end !== s.last && !(doc.tokens[end]!.kind === 'punct' && end === s.last - 1)) continue;
    if (doc.tokens[g.first]!.quoted) continue;
    const start = doc.tokens[s.contentFirst]!.start;
    emit(start, s.end, `${q(ctx.text.slice(start, s.end))}: the customer asks what a term means.`);
  }
}

/** "what does 'cache' mean", "what do the letters DNS mean": the phrase list needs a fixed word count. */
function whatDoesItMean(ctx: RuleContext, emit: (start: number, end: number, explanation?: string) => void): void {
  const doc = ctx.doc;
  const toks = doc.tokens;
  for (const s of doc.sentences) {
    for (let k = s.first; k + 2 < s.last; k++) {
      if (toks[k]!.norm !== 'what' || toks[k]!.quoted) continue;
      const v = toks[k + 1]!.norm;
      if (v !== 'does' && v !== 'do' && v !== 'did') continue;
      for (let j = k + 3; j < s.last && j <= k + 9; j++) {
        const n = toks[j]!.norm;
        if ((n === 'mean' || n === 'means') && !toks[j]!.quoted) {
          emit(toks[k]!.start, toks[j]!.end);
          k = j;
          break;
        }
      }
    }
  }
}
