// What a reply says cannot be done, and what it offers instead. Shared by
// `tone/negative-framing` and `tone/positive-framing`, computed once per
// message (cached on the Doc).

import type { RuleContext } from '../../rule.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import type { Doc } from '../../text/doc.js';
import { hedgedBefore, mainClauseStart, own, sentenceOf } from './shared.js';

export interface Framing {
  /** Statements of what cannot be done, as the agent means them. */
  limits: PhraseMatch[];
  /** Honest limits that are not refusals on their own ("I can't promise…"): framing only with an alternative. */
  softLimits: PhraseMatch[];
  /** Offers of what can be done. */
  alternatives: PhraseMatch[];
  /** Explicit positive framing ("what I can do is…", "the good news is…"). */
  positive: PhraseMatch[];
  /** The reply moves on with a request to the customer ("Could you send…?"). */
  asksCustomer: boolean;
}

const cache = new WeakMap<Doc, Framing>();

/** "If it still fails, we'll try another way": a fallback. */
const FALLBACK_OPENERS = new Set(['if', 'unless', 'when', 'whenever', 'once', 'until', 'should', 'otherwise']);
const CONDITIONS = new Set(['if', 'unless', 'whether', 'when', 'once', 'until', 'whenever', 'why', 'even', 'because', 'since', 'cause', "'cause"]);
/** After "we don't": not a refusal ("we don't see any outage", "we don't charge for that", "we don't store card details"). */
const NOT_REFUSAL_AFTER_DONT = new Set([
  'see', 'know', 'think', 'need', 'expect', 'recommend', 'want', 'believe', 'have', 'usually', 'normally', 'mind', 'store', 'keep',
  'share', 'charge', 'track', 'collect', 'use', 'log', 'record', 'ask', 'require', 'get', 'hear', 'currently', 'notice', 'spot', 'find',
  'worry', 'blame', 'judge', 'anticipate', 'foresee', 'like', 'advise', 'always', 'yet', 'often', 'mean', 'read', 'look', 'actually',
  'tend', 'really', 'just', 'even', 'generally', 'typically', 'anymore', 'control', 'own', 'manage', 'hold', 'remember', 'intend', 'mean', 'you', 'want',
  'understand', 'expect', 'feel', 'seem', 'care', 'judge', 'penalise', 'penalize', 'lose', 'miss', 'delete', 'touch', 'change', 'cut',
]);
/** "I can't promise…", "I can't guarantee…": honest, and framing only when an alternative follows. */
const SOFT = new Set(['promise', 'guarantee', 'say', 'confirm']);
/** After "I can't…": finding or perceiving, not a limit on the request ("I can't find your account"). */
const NOT_A_LIMIT = new Set([
  'see', 'find', 'locate', 'reproduce', 'replicate', 'hear', 'recall', 'remember', 'tell', 'say', 'confirm', 'verify', 'read', 'view',
  'spot', 'detect', 'pinpoint', 'identify', 'be', 'know', 'thank', 'wait', 'believe', 'imagine', 'blame', 'agree', 'stress',
  'emphasize', 'emphasise', 'express', 'overstate', 'promise', 'guarantee', 'reach', 'understand', 'figure', 'seem',
  'apologise', 'apologize', 'complain', 'open', 'load', 'connect', 'log', 'sign',
]);
/** "you can't log in" describes the customer's problem, not a refusal. */
const PROBLEM_VERBS = new Set(['log', 'login', 'sign', 'access', 'print', 'connect', 'open', 'see', 'find', 'get', 'reach', 'load', 'send', 'receive', 'hear', 'go', 'miss', 'beat', 'lose', 'break', 'save', 'start', 'use', 'install', 'download', 'upload', 'join', 'hear', 'type', 'click', 'sync', 'share', 'edit', 'view', 'read']);
/** Openers before "you can't" that keep it a refusal: "Unfortunately, you can't…". */
const REFUSAL_LEAD = new Set(['unfortunately', 'sorry', 'no', 'afraid', "i'm", 'but', 'however', 'so', 'and', ',', 'nope', 'again', 'still']);

export function framing(ctx: RuleContext): Framing {
  const doc = ctx.doc;
  const hit = cache.get(doc);
  if (hit) return hit;
  const idioms = ctx.matches('tone.cannot-idioms');
  const limits: PhraseMatch[] = [];
  const softLimits: PhraseMatch[] = [];
  const candidates = [...own(ctx, 'tone.cannot'), ...bareCannot(doc)];
  for (const m of candidates) {
    if (idioms.some((i) => i.first <= m.first + 1 && i.last > m.first)) continue;
    const s = sentenceOf(doc, m);
    if (!s || s.question) continue;
    if (ctx.isNegated(m)) continue;
    if (hedgedBefore(doc, m, CONDITIONS, 10)) continue;
    const first = doc.tokens[m.first]!.norm;
    let next = m.last < s.last ? doc.tokens[m.last]! : undefined;
    // "we are not able to see…": the verb is after "to".
    if (next?.norm === 'to' && m.last + 1 < s.last) next = doc.tokens[m.last + 1]!;
    const said = doc.text.slice(m.start, m.end).toLowerCase().replace(/\u2019/g, "'");
    if (said === "we don't" || said === 'we do not' || said === 'we dont') {
      if (!next || next.kind !== 'word' || NOT_REFUSAL_AFTER_DONT.has(next.norm)) continue;
    }
    if ((first === 'i' || first === 'we') && next && SOFT.has(next.norm) && !/do not|don't|dont|no longer/.test(said)) {
      softLimits.push(m);
      continue;
    }
    if ((first === 'i' || first === 'we') && next && NOT_A_LIMIT.has(next.norm) && !/do not|don't|dont|no longer/.test(said)) continue;
    if (first === 'you') {
      if (next && PROBLEM_VERBS.has(next.norm)) continue;
      // Only as an opener ("You can't…", "Unfortunately, you can't…"), not "so you can't print".
      const start = mainClauseStart(doc, s);
      let ok = start === m.first;
      if (!ok) {
        ok = true;
        for (let k = s.contentFirst; k < m.first; k++) if (!REFUSAL_LEAD.has(doc.tokens[k]!.norm)) ok = false;
      }
      if (!ok) continue;
    }
    limits.push(m);
  }
  // Limits that frame only with a "but" after them in the same sentence: "exports over 50,000 rows hit
  // a time limit, but I can run yours", "Turnitin can't read .pages files, but it does accept PDF".
  // Where the last sentence opening with "Alternatively…" / "Instead…" starts (computed once).
  let lastAltOpener = -1;
  for (const later of doc.sentences) {
    const w = doc.tokens[later.contentFirst]?.norm ?? '';
    if (w === 'alternatively' || w === 'instead') lastAltOpener = later.first;
  }
  for (const m of [...own(ctx, 'tone.soft-limit'), ...thirdPartyCannot(doc)]) {
    if (ctx.isNegated(m) || hedgedBefore(doc, m, CONDITIONS, 10)) continue;
    if (limits.some((l) => l.first <= m.first && m.first < l.last)) continue;
    if (idioms.some((i) => i.first <= m.first + 1 && i.last > m.first)) continue;
    const s = sentenceOf(doc, m);
    if (!s || s.question) continue;
    // The limit needs its contrast: a "but" in the same sentence, or a later sentence that opens with
    // "Alternatively…" / "Instead…" (not just any offer somewhere in a long explanation).
    let contrast = lastAltOpener >= s.last;
    for (let k = m.last; k < s.last && !contrast; k++) contrast = doc.tokens[k]!.norm === 'but' || doc.tokens[k]!.norm === 'however';
    if (contrast) softLimits.push(m);
  }
  const alternatives = own(ctx, 'tone.alternative').filter((m) => {
    if (ctx.isNegated(m)) return false;
    if (limits.some((l) => l.first < m.last && m.first < l.last)) return false;
    // "but we could not offer…": the offer is negated right after it.
    const after = doc.tokens[m.last];
    // "a letter O instead of a zero": a comparison, not an offer.
    if (after?.norm === 'of' && doc.tokens[m.last - 1]?.norm === 'instead') return false;
    if (after && (after.norm === 'not' || after.norm === 'never' || after.norm.endsWith("n't"))) return false;
    return true;
  });
  // "We can't transfer the contract, but your wife can keep the number": a "but" after a limit, not followed by another "no".
  for (const l of [...limits, ...softLimits]) {
    const s = sentenceOf(doc, l);
    if (!s) continue;
    let nextSentence = false;
    for (let k = l.last; k < Math.min(doc.tokens.length, s.last + 3); k++) {
      if (k >= s.last) nextSentence = true;
      const n = doc.tokens[k]!.norm;
      if (n !== 'but' && n !== 'however' && !(nextSentence && (n === 'instead' || n === 'alternatively'))) continue;
      let negative = false;
      for (let j = k + 1; j < Math.min(k + 6, doc.tokens.length); j++) {
        const w = doc.tokens[j]!;
        if ((w.norm === 'not' || w.norm === 'no' || w.norm === 'never' || w.norm === 'cannot' || w.norm.endsWith("n't")) && !(doc.tokens[j + 1]?.norm === 'need' || doc.tokens[j + 1]?.norm === 'have')) negative = true;
        if (w.norm === 'unfortunately' || w.norm === 'afraid' || w.norm === 'sadly') negative = true;
      }
      if (!negative) {
        const t = doc.tokens[k]!;
        alternatives.push({ list: 'tone.alternative', entry: 0, first: k, last: k + 1, start: t.start, end: t.end });
      }
      break;
    }
  }
  const positive = own(ctx, 'tone.positive-frame').filter((m) => {
    if (ctx.isNegated(m)) return false;
    // "If it still fails, we'll try another way": a fallback, not a reply framed around what can be done.
    if (ctx.entry(m).pattern.startsWith('(another')) {
      const s = sentenceOf(doc, m);
      if (!s || FALLBACK_OPENERS.has(doc.tokens[s.contentFirst]?.norm ?? '')) return false;
    }
    return true;
  });
  // The reply moves on: a real question to the customer, or an invitation to reach us elsewhere.
  let asksCustomer = false;
  if (limits.length > 0) {
    const after = limits[0]!.first;
    const verbs = new Set(ctx.matches('tone.imperative-verbs').map((m) => m.first));
    for (const s of doc.sentences) {
      // (A question before the limit does not carry the reply past it: "Could you send the order number? … We can't refund it.")
      if (s.question && s.last > after && s.last - s.contentFirst >= 4 && !isClosingQuestion(doc, s)) asksCustomer = true;
      // Steps after the limit ("…we cannot change it. Unplug the coax and…"): the reply carries on.
      if (s.first >= after && verbs.has(mainClauseStart(doc, s))) asksCustomer = true;
    }
    if (own(ctx, 'tone.forward').length > 0) asksCustomer = true;
  }
  const out: Framing = { limits, softLimits, alternatives, positive, asksCustomer };
  cache.set(doc, out);
  return out;
}

/** "Anything else I can help with?" closes; it does not move the problem on. */
function isClosingQuestion(doc: Doc, s: { contentFirst: number; last: number }): boolean {
  const a = doc.tokens[s.contentFirst]?.norm ?? '';
  const b = doc.tokens[s.contentFirst + 1]?.norm ?? '';
  if (a === 'why' && (b === 'did' || b === 'would' || b === "didn't" || b === 'on' || b === "wouldn't")) return true;
  return a === 'anything' || (a === 'is' && b === 'there') || (a === 'can' && b === 'i') || (a === 'does' && b === 'that') || (a === 'ok' || a === 'okay');
}

/** "can't"/"won't" after a word that is not "I", "we" or "you": what a product or a third party cannot do. */
const CANNOT_WORDS = new Set(["can't", 'cannot', 'cant', "won't", 'wont']);
const NOT_THIRD_PARTY = new Set(['i', 'we', 'you', 'u', 'if', 'just', 'still', 'really', 'simply', 'honestly', 'so', 'and', 'or', 'but', 'that', 'which', 'who']);
/** After "it can't…": not a capability ("it can't hurt", "it can't be helped", "they can't wait"). */
const NOT_CAPABILITY = new Set(['hurt', 'help', 'wait', 'be', 'believe', 'imagine', 'stand', 'bear', 'tell', 'seem', 'find', 'see', 'hear', 'remember', 'recall']);
const COPULA = new Set(['is', 'are', "it's", "they're", 'was', 'were', 'be', 'stays', 'remains']);
function thirdPartyCannot(doc: Doc): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const s of doc.sentences) {
    if (s.question) continue;
    for (let k = s.contentFirst + 1; k < s.last - 1; k++) {
      const t = doc.tokens[k]!;
      if (t.quoted || !CANNOT_WORDS.has(t.norm)) continue;
      const before = doc.tokens[k - 1]!;
      if (before.kind !== 'word' && before.kind !== 'opaque') continue;
      if (NOT_THIRD_PARTY.has(before.norm)) continue;
      const after = doc.tokens[k + 1]!;
      if (after.kind !== 'word' || NOT_CAPABILITY.has(after.norm)) continue;
      out.push({ list: 'tone.soft-limit', entry: 0, first: k, last: k + 2, start: t.start, end: after.end });
    }
    // "Endpoints are IPv4-only today, but…", "the share is read-only, but…".
    for (let k = s.contentFirst + 1; k < s.last; k++) {
      const t = doc.tokens[k]!;
      if (t.quoted || t.kind !== 'word' || !t.norm.endsWith('-only') || t.norm.length < 7) continue;
      if (!COPULA.has(doc.tokens[k - 1]!.norm)) continue;
      out.push({ list: 'tone.soft-limit', entry: 0, first: k - 1, last: k + 1, start: doc.tokens[k - 1]!.start, end: t.end });
    }
  }
  return out;
}

/** Sentences that open with "Can't…" or "Cannot…" and no subject: "Not approved software. Can't install it." */
function bareCannot(doc: Doc): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const s of doc.sentences) {
    const t = doc.tokens[s.contentFirst];
    if (!t || t.quoted || s.question) continue;
    if ((t.norm === "can't" || t.norm === 'cannot' || t.norm === 'cant') && doc.tokens[s.contentFirst + 1]?.kind === 'word') {
      const nx = doc.tokens[s.contentFirst + 1]!;
      if (NOT_A_LIMIT.has(nx.norm) || nx.norm === 'wait' || nx.norm === 'thank') continue;
      out.push({ list: 'tone.cannot', entry: 0, first: s.contentFirst, last: s.contentFirst + 1, start: t.start, end: t.end });
    }
  }
  return out;
}
