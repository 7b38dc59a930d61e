import type { Rule, RuleContext } from '../../rule.js';
import type { Sentence } from '../../text/doc.js';
import { dead, followed, sentenceSpanOf } from './shared.js';
import { trimEndOf } from '../../text/trim.js';

// No next step: the customer cannot tell what happens next. Either the agent
// goes off to work with no time ("I'll look into it."), or the reply ends with
// no question, no step for the customer, no time and no invitation back.
// A short courteous closing after the customer's thanks is fine.

/** Findings from phase 1 that give the reply a next step (times come from expectation-setting). */
const NEXT_STEP_CATEGORIES = new Set(['expectation-setting', 'open-door', 'diagnostic-question', 'clear-steps', 'paraphrase']);

/** Verbs that open an instruction to the customer. */
const STEP_VERBS = new Set([
  'click', 'open', 'restart', 'reboot', 'try', 'go', 'select', 'press', 'type', 'enter', 'check', 'make', 'turn', 'unplug', 'plug', 'hold', 'wait',
  'install', 'uninstall', 'reinstall', 'update', 'run', 'close', 'log', 'sign', 'clear', 'delete', 'remove', 'save', 'download', 'reset', 'change',
  'set', 'tap', 'swipe', 'navigate', 'choose', 'pick', 'follow', 'use', 'copy', 'paste', 'send', 'reply', 'forward', 'attach', 'connect',
  'disconnect', 'switch', 'enable', 'disable', 'right-click', 'double-click', 'head', 'visit', 'scroll', 'find', 'look', 'launch', 'start', 'stop',
  'drag', 'rename', 'move', 'keep', 'leave', 'give', 'shut', 'power', 'charge', 'update', 'upgrade', 'accept', 'allow', 'approve', 'confirm',
  'verify', 'review', 'read', 'note', 'write', 'call', 'email', 'text', 'ring', 'bring', 'drop', 'take', 'put', 'insert', 'eject', 'hit', 'tick',
  'untick', 'uncheck', 'toggle', 'expand', 'search', 'locate', 'grab', 'pop', 'fill', 'complete', 'submit', 'upload', 'share', 'test', 'ping',
  'flush', 'renew', 'release', 'add', 'point',
  'ensure', 'remember', 'double-check', 'login', 'logout', 'sync', 'refresh', 'reload', 'quit', 'exit', 'force', 'boot', 'backup',
  'jump', 'hop', 'pull', 'push', 'print', 'scan', 'swap', 'replace', 'reconnect', 'reseat', 'reply', 'answer', 'tell', 'ask', 'contact', 'message', 'dm',
]);
/** "You need to / you'll have to / you can …": a step for the customer without an imperative. */
const YOU_STEP = new Set(['can', 'should', 'need', 'must', 'just', 'simply', 'then', 'now', 'want', 'have', 'find', 'might', 'may', 'could']);
/** Words before an imperative: "just restart it", "then open…". */
const LEAD_INS = new Set(['just', 'simply', 'then', 'now', 'first', 'next', 'finally', 'also', 'quickly', 'firstly', 'secondly', 'lastly', 'afterwards', 'meanwhile']);
/** After a step verb, words that do not make a real instruction ("go go go"). */
const WEAK_NEXT = new Set(['go', 'and', 'or', 'but', 'so', 'if', 'please']);
/** Objects and particles that follow an imperative verb ("restart it", "go to", "open the…"). */
const OBJ = new Set([
  'the', 'your', 'it', 'this', 'that', 'these', 'those', 'a', 'an', 'them', 'him', 'her', 'up', 'out', 'in', 'on', 'off', 'to', 'with', 'from',
  'over', 'back', 'down', 'me', 'us', 'my', 'our', 'its', 'some', 'any', 'all', 'again', 'now', 'here', 'there', 'through', 'into', 'both',
  'each', 'every', 'ctrl', 'settings', 'start', 'another', 'one', 'his', 'their',
]);
/** First words that are not an imperative even when an object follows. */
const NOT_IMPERATIVE = new Set([
  'i', 'you', 'we', 'it', 'its', "it's", 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'my', 'your', 'our', 'their', 'there', 'here', 'he',
  'she', 'they', 'his', 'her', 'hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'yes', 'yeah', 'yep', 'no', 'nope', 'ok', 'okay', 'sorry', 'so',
  'but', 'and', 'or', 'well', 'right', 'great', 'glad', 'happy', 'good', 'sure', 'oh', 'ah', 'hmm', 'ugh', 'lol', 'omg', 'wow', 'not', 'nothing',
  'everything', 'someone', 'somebody', 'anyone', 'all', 'any', 'some', 'as', 'if', 'when', 'once', 'after', 'before', 'since', 'because', 'while',
  'for', 'with', 'from', 'in', 'on', 'at', 'by', 'to', 'of', 'about', 'into', 'over', 'then', 'now', 'still', 'already', 'only', 'even', "that's",
  'what', 'which', 'who', 'how', 'why', 'where', 'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'is', 'are', 'was',
  'were', 'do', 'does', 'did', 'has', 'have', 'had', 'one', 'two', 'three', 'each', 'every', 'both', 'either', 'most', 'many', 'much', 'more',
  'less', 'few', 'such', 'same', 'other', 'another', 'nice', 'lovely', 'perfect', 'brilliant', 'awesome', 'cool', 'fine', 'exactly', 'indeed',
  "don't", "can't", "won't", "didn't", "isn't", "there's", "here's", "i'm", "i'll", "i've", "we're", "we'll", "we've", "you're", "you'll",
  "you've", 'agent', 'caller', 'also', 'just', 'please', 'kindly', 'unfortunately', 'afraid', 'absolutely', 'totally', 'definitely', 'honestly',
  'again', 'nope', 'yup', 'alright', 'welcome', 'enjoy', 'relax', 'calm', 'let', "let's", 'go', 'stay', 'keep', 'hang', 'hold', 'bear', 'sit',
  'rest', 'worry', 'trust', 'believe', 'imagine', 'guess', 'say', 'hope', 'bless', 'cheers', 'congrats', 'congratulations', 'surely', 'basically',
  'half', 'anything', 'something', 'everyone', 'everybody', 'nobody', 'none', 'plenty', 'lots', 'loads', 'several', 'whatever', 'whoever', 'ugh', 'typical',
]);
/** After "please": not a step for the customer. */
const NOT_A_STEP_AFTER_PLEASE = new Set(['calm', 'relax', 'be', 'bear', 'note', 'understand', 'accept', 'stop', "don't", 'do', 'rest', 'know']);
/** The clause boundary before a second imperative: "…, use your finger". ("and"/"or" only continue an imperative
 * the sentence started with: "It could die at any moment and take all your files" is not a step.) */
const CLAUSE = new Set([',', ';', ':', '\u2014', '\u2013', '-', 'so', 'then']);
/** Step verbs that are as often nouns ("Head office", "Power cuts", "Note that…"). */
const NOUN_VERBS = new Set(['head', 'point', 'note', 'drop', 'ring', 'charge', 'power', 'release', 'text', 'email', 'call', 'test', 'start', 'stop', 'review', 'update', 'copy', 'print', 'scan', 'backup']);
/** After "you can / you could": not a step towards a fix ("you can ignore them"). */
const NOT_A_STEP_AFTER_CAN = new Set(['ignore', 'relax', 'forget', 'calm', 'stop', 'rest', 'sleep', 'breathe', 'leave']);
/** Rhetorical question openers, which do not move anything forward. */
const RHETORICAL = new Set(['why', 'surely', 'seriously', 'really']);
/** Openers of a question typed without its question mark ("whats your address"). */
const QUESTION_OPENERS = new Set(['what', 'whats', "what's", 'which', 'where', "where's", 'when', 'how', 'could', 'can', 'would', 'do', 'does', 'did', 'have', 'is', 'are']);
/** Words right after a question opener that make it a question to the customer. */
const TO_CUSTOMER = new Set(['you', 'your', 'is', 'are', 'was', 'did', 'do', 'does', 'time', 'version', 'model']);

/** A sentence that asks the customer something but has no question mark: "Whats your address". */
function unmarkedQuestion(ctx: RuleContext, s: Sentence): boolean {
  const toks = ctx.doc.tokens;
  const lastTok = toks[s.last - 1];
  if (!lastTok || lastTok.kind !== 'word') return false;
  const first = toks[s.contentFirst];
  const second = toks[s.contentFirst + 1];
  return !!first && !!second && QUESTION_OPENERS.has(first.norm) && TO_CUSTOMER.has(second.norm);
}

/** Words that make a reply a refusal or a dead end. */
const REFUSAL = new Set(["can't", 'cannot', 'unable', 'unavailable', 'impossible', 'afraid', 'unfortunately', 'nothing']);
const REFUSAL_AFTER_NOT = new Set(['possible', 'available', 'supported', 'allowed', 'approved', 'provided', 'able', 'included', 'covered', 'offered', 'permitted', 'eligible']);
const REFUSAL_AFTER_DONT = new Set(['include', 'offer', 'support', 'provide', 'do', 'send', 'allow', 'cover', 'sell', 'ship', 'accept', 'have', 'handle', 'deal', 'issue', 'give', 'install', 'refund', 'advise', 'change', 'fix', 'repair']);
/** Problems that mean the reply needs a next step even when it answers a question. */
const DEAD_END_PROBLEMS = new Set(['overpromise', 'alarming', 'hollow-apology', 'deflection', 'negative-framing', 'dismissive', 'blaming']);

/** Words of a courteous closing. */
const COURTESY = new Set([
  "you're", 'you', 'are', 'welcome', 'no', 'problem', 'problems', 'worries', 'glad', 'happy', 'to', 'help', 'helped', 'could', 'have', 'a', 'great',
  'good', 'nice', 'lovely', 'wonderful', 'day', 'evening', 'weekend', 'afternoon', 'morning', 'night', 'rest', 'of', 'your', 'the', 'take', 'care',
  'thanks', 'thank', 'cheers', 'anytime', 'any', 'time', 'bye', 'goodbye', 'all', 'the', 'best', 'it', "it's", 'that', "that's", 'working', 'works',
  'worked', 'sorted', 'fixed', 'again', 'so', 'very', 'much', 'pleasure', 'my', 'was', 'is', 'great', 'awesome', 'perfect', 'excellent', 'brilliant',
  'hear', 'heard', 'for', 'and', 'enjoy', 'stay', 'safe', 'well', 'i', "i'm", 'am', 'be', 'too', 'as', 'always', 'now', 'back', 'up', 'running',
  'hi', 'hello', 'hey', 'dear', 'regards', 'kind', 'best', 'wishes', 'ok', 'okay', 'sure', 'of', 'course', 'done', 'problem', 'solved', 'job',
  'news', 'happy', 'everything', 'fine', 'with', 'patience', 'understanding', 'letting', 'me', 'know', 'confirming', 'we', 'glad', 'get',
  'got', 'you', 'on', 'this', 'ticket', 'close', 'closing', "i'll", 'will', 'now', 'resolved',
]);

function imperativeAt(ctx: RuleContext, k: number, end: number): boolean {
  const toks = ctx.doc.tokens;
  const t = toks[k];
  const next = toks[k + 1];
  if (!t || t.kind !== 'word' || t.quoted || k + 1 >= end || !next) return false;
  const n = t.norm;
  if (LEAD_INS.has(n)) return imperativeAt(ctx, k + 1, end);
  if (STEP_VERBS.has(n)) {
    if (n === 'try' && next.norm === 'not') return false;
    // "Head office may…", "Power cuts…": a noun that is also a verb needs an object to be a command.
    if (NOUN_VERBS.has(n)) return OBJ.has(next.norm) || next.kind === 'num' || next.kind === 'opaque';
    if (OBJ.has(next.norm) || next.kind === 'num' || next.kind === 'opaque') return true;
    return next.kind === 'word' && !WEAK_NEXT.has(next.norm) && !STEP_VERBS.has(next.norm);
  }
  if (NOT_IMPERATIVE.has(n) || n.length < 2 || /(s|ed|ing|ly)$/.test(n) || n.includes("'")) return false;
  return OBJ.has(next.norm);
}

function hasCustomerStep(ctx: RuleContext): boolean {
  const toks = ctx.doc.tokens;
  for (const s of ctx.doc.sentences) {
    if (s.listItem) return true;
    const first = toks[s.contentFirst];
    if (!first || first.quoted) continue;
    if (imperativeAt(ctx, s.contentFirst, s.last)) return true;
    // A gerund suggestion: "Running the update should clear it."
    if (first.kind === 'word' && first.norm.endsWith('ing') && first.norm.length > 5) {
      for (let k = s.contentFirst + 1; k < s.last - 1; k++) {
        if ((toks[k]!.norm === 'should' || toks[k]!.norm === 'will') && ['fix', 'clear', 'sort', 'solve', 'resolve', 'help', 'work', 'do', 'get', 'bring', 'restore', 'stop', 'free', 'speed', 'remove'].includes(toks[k + 1]!.norm)) return true;
      }
    }
    for (let k = s.first; k < s.last - 1; k++) {
      const n = toks[k]!.norm;
      const nx = toks[k + 1]!.norm;
      // After a clause break, only a known step verb starts a new instruction ("Ugh, SAP again." is not one).
      if (CLAUSE.has(n) && (STEP_VERBS.has(nx) || LEAD_INS.has(nx)) && imperativeAt(ctx, k + 1, s.last)) return true;
      if ((n === 'you' || n === "you'll" || n === "you'd" || n === 'he' || n === 'she' || n === 'they') && YOU_STEP.has(nx) && !ctx.doc.negated[k + 1]) {
        const after = toks[k + 2]?.norm ?? '';
        // "you should have…", "you must have…" blame the past; "you could lose…" is a risk, not a step.
        if (after === 'have' && (nx === 'should' || nx === 'must' || nx === 'could' || nx === 'might' || nx === 'may')) continue;
        if ((after === 'not' || after === 'never') && toks[k + 3]?.norm === 'have') continue;
        if (NOT_A_STEP_AFTER_CAN.has(after)) continue;
        if ((nx === 'could' || nx === 'might' || nx === 'may') && !['want', 'try', 'also', 'use', 'check', 'contact', 'call', 'reply'].includes(after)) continue;
        if (nx === 'have' && after !== 'to') continue;
        if (nx === 'need' && after === 'to' && ['write', 'stop', 'learn', 'remember', 'read', 'be'].includes(toks[k + 3]?.norm ?? '')) continue;
        return true;
      }
      if ((n === 'needs' || n === 'need') && nx === 'to' && (k === s.contentFirst + 1 || toks[k - 1]?.norm === 'he' || toks[k - 1]?.norm === 'she')) return true;
      if ((n === 'please' || n === 'kindly' || n === 'pls' || n === 'plz') && toks[k + 1]?.kind === 'word' && !NOT_A_STEP_AFTER_PLEASE.has(nx)) return true;
      if (n === "i'd" && ['recommend', 'suggest', 'advise', 'definitely', 'start', 'try', 'check'].includes(nx)) return true;
    }
  }
  return false;
}

/** The customer's latest message is a thank-you or a closing, not a new request. */
function customerClosing(ctx: RuleContext): boolean {
  const last = ctx.customer.recent[ctx.customer.recent.length - 1];
  if (!last) return false;
  const d = last.doc;
  if (d.wordCount > 35) return false;
  if (d.sentences.some((s) => s.question)) return false;
  let thanks = false;
  for (let k = 0; k < d.tokens.length; k++) {
    const n = d.tokens[k]!.norm;
    if (['thanks', 'thank', 'thx', 'cheers', 'ta', 'appreciate', 'appreciated', 'brilliant', 'perfect', 'worked', 'sorted', 'fixed', 'working', 'star', 'legend', 'great'].includes(n)) thanks = true;
    if ((n === 'could' || n === 'can' || n === 'would') && d.tokens[k + 1]?.norm === 'you') return false;
    if (n === 'please' || n === 'still' || n === "doesn't" || n === "didn't" || n === "isn't" || n === "won't" || n === "can't") return false;
  }
  return thanks;
}

/** The customer asked a question, and the reply answers it without refusing. */
function answeredQuestion(ctx: RuleContext): boolean {
  const last = ctx.customer.recent[ctx.customer.recent.length - 1];
  if (!last) return false;
  const d = last.doc;
  const asked = d.sentences.some((s) => s.question) || ['can', 'could', 'will', 'would', 'is', 'are', 'does', 'do', 'what', 'which', 'how', 'when', 'where', 'should', 'may'].includes(d.tokens[d.sentences[0]?.contentFirst ?? 0]?.norm ?? '');
  if (!asked) return false;
  for (const f of ctx.found) if (DEAD_END_PROBLEMS.has(f.category)) return false;
  const toks = ctx.doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.quoted) continue;
    const n = t.norm;
    const nx = toks[k + 1]?.norm ?? '';
    if (REFUSAL.has(n)) return false;
    if ((n === 'not' || n === "isn't" || n === "aren't" || n === "won't" || n === "wasn't") && (REFUSAL_AFTER_NOT.has(nx) || REFUSAL_AFTER_NOT.has(toks[k + 2]?.norm ?? ''))) return false;
    if ((n === "don't" || n === "doesn't" || n === 'not') && REFUSAL_AFTER_DONT.has(nx)) return false;
  }
  return true;
}

function courtesyOnly(ctx: RuleContext): boolean {
  let words = 0;
  for (const t of ctx.doc.tokens) {
    if (t.kind !== 'word' && t.kind !== 'num') continue;
    if (t.quoted) continue;
    words++;
    if (!COURTESY.has(t.norm)) return false;
  }
  return words > 0;
}

/** The agent goes off to work: "I'll look into it", "we're checking". */
function goingOff(ctx: RuleContext): Sentence | undefined {
  for (const p of followed(ctx, 'trust.agent-will', 'trust.work.verb')) {
    if (dead(ctx, p)) continue;
    const s = ctx.doc.sentenceAt(p.start);
    if (s && !s.question) return s;
  }
  for (const m of ctx.matches('trust.work.now')) {
    if (dead(ctx, m)) continue;
    const s = ctx.doc.sentenceAt(m.start);
    if (s && !s.question) return s;
  }
  return undefined;
}

function hasTimeOrNext(ctx: RuleContext): boolean {
  for (const m of ctx.matches('trust.vague')) if (!ctx.isQuoted(m)) return false;
  for (const id of ['trust.next', 'trust.keep-posted', 'trust.open-door']) for (const m of ctx.matches(id)) if (!dead(ctx, m)) return true;
  return false;
}

export const noNextStep: Rule = {
  id: 'ack/no-next-step',
  category: 'no-next-step',
  on: 'agent',
  phase: 2,
  docs: {
    summary: 'The reply leaves the customer not knowing what happens next.',
    why: '"I\'ll look into it" with no time, or a reply that just stops, leaves the customer refreshing their inbox and wondering whether to chase.',
    instead: 'End with a time, a step, a question or a way back: "I\'ll check the server logs and update you within 30 minutes."',
  },
  examples: {
    invalid: [
      { text: "I'll look into it.", excerpt: "I'll look into it." },
      { text: 'The server had a fault this morning. It has been restarted.', customer: "I can't reach the shared drive." },
      { text: "Thanks for the details. We're looking into it.", customer: 'Here is the error: 0x80070005.' },
      { text: 'Your certificate expires in 2 days. After that every visitor sees a warning.', customer: 'Is anything wrong with our site?' },
      { text: 'It could fail at any moment and take your files with it.', customer: 'My laptop is clicking. Is that normal?' },
      { text: 'Local admin rights are not granted to standard users.', customer: 'Could I get admin rights on my laptop?' },
    ],
    valid: [
      { text: "You're welcome, have a great day!", customer: 'That worked, thanks so much!' },
      "I'll check the server logs and update you within 30 minutes.",
      "I'll look into it. Which printer are you using?",
      'Please restart the router and let me know if the light turns green.',
      { text: "I've reset your password. If it still won't let you in, just reply here.", customer: 'I am locked out.' },
      { text: 'Whats your order number', customer: 'Where is my parcel?', note: 'a question without its question mark' },
      { text: 'Pls retry with chip and PIN.', customer: 'My card was declined.' },
    ],
  },
  check(ctx) {
    if (!ctx.doc.hasProse) return;
    for (const f of ctx.found) if (NEXT_STEP_CATEGORIES.has(f.category)) return;
    for (const s of ctx.doc.sentences) {
      const first = ctx.doc.tokens[s.contentFirst];
      // "Again?" or "Why did you…?" is not a question that moves anything forward.
      if (first && !first.quoted && !RHETORICAL.has(first.norm) && ((s.question && s.last - s.contentFirst > 3) || unmarkedQuestion(ctx, s))) return;
    }
    if (hasTimeOrNext(ctx)) return;
    if (hasCustomerStep(ctx)) return;
    const off = goingOff(ctx);
    if (!off) {
      if (ctx.customer.messages.length === 0) return; // an opening message with nothing to answer yet
      if (customerClosing(ctx) && (courtesyOnly(ctx) || ctx.doc.wordCount <= 25)) return;
      // Answering the customer's question is not by itself a next step: "That's ransomware." or "Request denied."
      // still leaves them stuck. A talked-down answer is its own problem (condescending); the customer has the answer.
      if (ctx.found.some((f) => f.category === 'condescending') && !ctx.found.some((f) => DEAD_END_PROBLEMS.has(f.category) || f.category === 'hostile') && (answeredQuestion(ctx) || ctx.doc.wordCount > 6)) return;
    }
    const doc = ctx.doc;
    const target = off ?? lastProseSentence(ctx);
    if (!target) return;
    const span = sentenceSpanOf(ctx, target);
    const sentence = ctx.text.slice(span.start, span.end).trim();
    const base = trimEndOf(sentence, '.!', true);
    ctx.report({
      start: span.start,
      end: span.end,
      explanation: off
        ? 'You are going off to work, but the customer does not know when they will hear from you. Give them a time.'
        : 'The reply stops without a question, a step, a time or a way back, so the customer does not know what happens next.',
      suggestion: off
        ? `${base} and update you within 30 minutes.`.replace(/ and and /, ' and ')
        : `${base}. If anything still isn't right, just reply here and I'll pick it up.`,
    });
    void doc;
  },
};

function lastProseSentence(ctx: RuleContext): Sentence | undefined {
  const ss = ctx.doc.sentences;
  for (let i = ss.length - 1; i >= 0; i--) {
    const s = ss[i]!;
    let words = 0;
    for (let k = s.contentFirst; k < s.last; k++) if (ctx.doc.tokens[k]!.kind === 'word') words++;
    // Skip a sign-off ("Thanks,", "Sam") at the end.
    if (words >= 3) return s;
  }
  return ss[ss.length - 1];
}
