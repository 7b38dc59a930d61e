import type { Rule, RuleContext } from '../../rule.js';
import { notTechnical } from '../../signals/expertise.js';
import { feltBySomeoneElse } from './subject.js';
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
      { text: 'I am 81 and not very confident on the computer.', excerpt: 'not very confident on the computer' },
      { text: "I don't know what a 'verification code' is.", excerpt: "know what a 'verification code' is" },
      { text: "what is my 'SSID'? the form wants it", excerpt: "what is my 'SSID'?" },
      { text: 'how do I do that?', before: [{ role: 'customer', text: 'my wifi is slow' }, { role: 'agent', text: 'Please change the channel in the router settings.' }], note: 'answering an instruction' },
    ],
    valid: [
      'I understand, I will try that now.',
      'Where is my order? It was due Monday.',
      'I lost my badge and my keys.',
      { text: "Not bad at all, the new laptop is quick.", note: 'a negated weakness is praise' },
      { text: "The previous contractor clearly didn't know what a VLAN is.", note: "someone else's ignorance, not the customer's confusion" },
      'The DNS change went through, what is next?',
      { text: 'How do I set up an out-of-office reply?', note: 'a how-to question opening the exchange is not confusion' },
      { text: "I'm not comfortable with this change to our contract.", note: 'not about technology' },
      { text: 'What does this mean for our launch date?', note: 'asks about consequences' },
      { text: "You don't understand, the printer is on the second floor.", note: 'a complaint, not confusion' },
    ],
  },
  lists: ['customer.confusion', 'expertise.novice', 'customer.confusion.followup'],
  blockers: ['customer.confusion.not'],
  // "how do I do that?" is confusion in answer to an instruction, a plain question when it opens the exchange.
  accept: (ctx, m) => m.list !== 'customer.confusion.followup' || ctx.agentHistory.length > 0,
  explain: (x) => `${q(x)} shows the customer is confused: explain in plain words and check understanding.`,
  extra(ctx, emit) {
    // "I'm not very good with these gadgets", "I don't really understand websites".
    for (const r of notTechnical(ctx.doc)) emit(ctx.doc.tokens[r.first]!.start, ctx.doc.tokens[r.last - 1]!.end, `${q(ctx.text.slice(ctx.doc.tokens[r.first]!.start, ctx.doc.tokens[r.last - 1]!.end))}: the customer says they are not technical.`);
    dontKnowWhat(ctx, emit);
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

const QUOTE_MARK = /^['"\u2018\u2019\u201c\u201d`]$/;
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
    while (k < s.last && (DET.has(doc.tokens[k]!.norm) || QUOTE_MARK.test(doc.tokens[k]!.text))) k++;
    const g = terms.find((t) => t.first === k);
    if (!g || g.last >= s.last) continue;
    let end = g.last;
    while (end < s.last - 1 && QUOTE_MARK.test(doc.tokens[end]!.text)) end++;
    if (doc.tokens[end]?.norm === 'mean' || doc.tokens[end]?.norm === 'means') end++;
    if (end !== s.last && !(doc.tokens[end]!.kind === 'punct' && end === s.last - 1)) continue;
    // The term may be in quotation marks ("what is my 'SSID'?"): the question around it is the customer's own.
    if (doc.tokens[s.contentFirst]!.quoted) continue;
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
          // "what does this mean for us?" asks about consequences, not what a word means.
          if (toks[j + 1]?.norm === 'for') break;
          emit(toks[k]!.start, toks[j]!.end);
          k = j;
          break;
        }
      }
    }
  }
}

const UNSURE = new Set(['know', 'sure', 'idea', 'clue', 'understand', 'unsure']);
const COPULA = new Set(['is', 'are', 'means', 'mean', 'does', 'do', 'was', 'were']);

/**
 * "I don't know what a 'verification code' is", "not sure what a browser is",
 * "no idea what it even does": the customer cannot name what something is.
 */
function dontKnowWhat(ctx: RuleContext, emit: (start: number, end: number, explanation?: string) => void): void {
  const doc = ctx.doc;
  const toks = doc.tokens;
  for (const s of doc.sentences) {
    for (let k = s.first + 1; k < s.last; k++) {
      const t = toks[k]!;
      if ((t.norm !== 'what' && t.norm !== "what's") || t.quoted) continue;
      // "don't know what", "not sure what", "no idea what", "don't really understand what"
      let cue = -1;
      for (let j = k - 1; j >= s.first && j >= k - 3; j--) {
        if (UNSURE.has(toks[j]!.norm)) { cue = j; break; }
      }
      if (cue < 0) continue;
      let neg = false;
      for (let j = cue - 1; j >= s.first && j >= cue - 3; j--) {
        const n = toks[j]!.norm;
        if (n === 'not' || n === 'no' || n.endsWith("n't") || n === 'dont' || n === 'never') { neg = true; break; }
      }
      if (!neg && toks[cue]!.norm !== 'unsure') continue;
      // "they don't know what love is", "you don't know what science is": someone else's ignorance, not the speaker's confusion.
      if (neg && feltBySomeoneElse(doc, cue, true)) continue;
      // "what's taking up the room", "what it even does", "what a browser is" (then the clause ends)
      let end = -1;
      if (t.norm === "what's") end = k + 1;
      else {
        for (let j = k + 1; j < s.last && j <= k + 6; j++) {
          const n = toks[j]!.norm;
          if (toks[j]!.kind === 'punct' && !QUOTE_MARK.test(toks[j]!.text)) break;
          if (COPULA.has(n)) {
            const after = toks[j + 1];
            if (!after || j + 1 >= s.last || after.kind === 'punct' || after.norm === 'for' || after.norm === 'or' || after.norm === 'and' || after.norm === 'exactly') end = j + 1;
            break;
          }
        }
      }
      if (end < 0) continue;
      // "I don't know what happened": not knowing a cause is not confusion.
      if (toks[k + 1] && CAUSE.has(toks[k + 1]!.norm)) continue;
      const from = toks[cue]!.start;
      emit(from, toks[end - 1]!.end, `${q(ctx.text.slice(from, toks[end - 1]!.end))}: the customer does not know what this is.`);
      k = end;
    }
  }
}

const CAUSE = new Set(['happened', 'caused', 'changed', 'triggered', 'went', 'broke']);
