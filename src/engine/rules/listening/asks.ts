// Agent questions and requests that ask for something the customer already
// gave. Shared by `listening/repeated-question` (which reports them) and
// `listening/diagnostic-question` (which must not praise them).

import type { RuleContext } from '../../rule.js';
import type { Sentence } from '../../text/doc.js';
import type { Token } from '../../text/tokenize.js';
import { customerFacts, DEVICE_WORDS, isOsKey, productKey, STEP_OBJECTS, stepLabel, stepsInSentence, type Fact, type FactKind } from './facts.js';

export interface RepeatedAsk {
  sentence: Sentence;
  /** The span to report: the asking words' sentence, without a list marker. */
  start: number;
  end: number;
  fact: Fact;
}

/** Which ask list looks for which facts. */
const ASKS: Array<[string, FactKind[]]> = [
  ['listening.ask.error', ['error']],
  ['listening.ask.screenshot', ['screenshot']],
  ['listening.ask.os', ['os']],
  ['listening.ask.version', ['version']],
  ['listening.ask.browser', ['browser']],
  ['listening.ask.device', ['device', 'model']],
  ['listening.ask.model', ['model']],
  ['listening.ask.app', ['app']],
  ['listening.ask.order', ['order', 'reference']],
  ['listening.ask.ticket', ['ticket', 'reference']],
  ['listening.ask.invoice', ['invoice', 'reference']],
  ['listening.ask.account', ['account']],
  ['listening.ask.email', ['email']],
  ['listening.ask.name', ['name']],
  ['listening.ask.dob', ['dob']],
  ['listening.ask.year', ['year']],
  ['listening.ask.room', ['room']],
  ['listening.ask.address', ['address']],
  ['listening.ask.phone', ['phone']],
  ['listening.ask.domain', ['domain']],
  ['listening.ask.username', ['username']],
];

/** Kinds whose value is distinctive enough that an agent sentence containing it is using it, not asking. */
const DISTINCT: ReadonlySet<FactKind> = new Set(['order', 'ticket', 'invoice', 'account', 'reference', 'email', 'version', 'model', 'error', 'name', 'dob', 'address', 'phone', 'domain', 'username', 'room', 'app', 'browser']);

const cache = new WeakMap<object, RepeatedAsk[]>();

export function repeatedAsks(ctx: RuleContext): RepeatedAsk[] {
  const hit = cache.get(ctx.doc);
  if (hit) return hit;
  const out: RepeatedAsk[] = [];
  cache.set(ctx.doc, out);
  if (ctx.customer.messages.length === 0) return out;
  const facts = customerFacts(ctx.customer.messages);
  if (facts.length === 0) return out;
  const { doc } = ctx;
  const requestSentences = new Set<number>();
  for (const m of ctx.matches('listening.request')) if (!ctx.isQuoted(m)) requestSentences.add(doc.sentenceAt(m.start)?.index ?? -1);
  const acknowledged = new Set<number>();
  for (const m of safeMatches(ctx, 'listening.acknowledged')) acknowledged.add(doc.sentenceAt(m.start)?.index ?? -1);
  const taken = new Set<number>();
  const push = (s: Sentence, fact: Fact): void => {
    if (taken.has(s.index)) return;
    taken.add(s.index);
    out.push({ sentence: s, start: doc.tokens[s.contentFirst]!.start, end: s.end, fact });
  };
  // "Whats your address" without a question mark is still a question.
  const asking = (s: Sentence): boolean => s.question || requestSentences.has(s.index) || WH_START.has(doc.tokens[s.contentFirst]!.norm);

  for (const [list, kinds] of ASKS) {
    const relevant = facts.filter((f) => kinds.includes(f.kind));
    if (relevant.length === 0) continue;
    for (const m of ctx.matches(list)) {
      if (ctx.isQuoted(m)) continue;
      const s = doc.sentenceAt(m.start);
      if (!s || taken.has(s.index) || acknowledged.has(s.index) || !asking(s)) continue;
      const sentenceText = ctx.text.slice(s.start, s.end).toLowerCase();
      const fact = pick(list, relevant, doc.tokens, s, m.first, sentenceText);
      if (fact) push(s, fact);
    }
  }

  // Steps already tried: "have you tried restarting?", "please clear your cache".
  const tried = facts.filter((f) => f.kind === 'tried');
  if (tried.length) {
    for (const m of ctx.matches('listening.ask.tried')) {
      if (ctx.isQuoted(m)) continue;
      const s = doc.sentenceAt(m.start);
      if (!s || taken.has(s.index) || acknowledged.has(s.index)) continue;
      // A bare imperative counts only at the start of the sentence or after "please"/"first".
      if (!s.question && !requestSentences.has(s.index) && m.first > s.contentFirst + 2) continue;
      let fact: Fact | undefined;
      stepsInSentence(doc, s, false, (step, object) => {
        if (fact) return;
        fact = tried.find((f) => f.key === step && (!f.object || !object || f.object === object || f.object === 'device' || object === 'device'));
      });
      if (fact) push(s, fact);
    }
  }

  // "Have you tried the reset link?" after "I've tried the password reset link 3 times": the same words after "tried".
  const triedPhrases = customerTriedPhrases(ctx);
  if (triedPhrases.length) {
    for (const s of doc.sentences) {
      if (taken.has(s.index) || acknowledged.has(s.index) || !s.question) continue;
      for (let k = s.contentFirst; k + 2 < s.last; k++) {
        if (!((doc.tokens[k]!.norm === 'have' || doc.tokens[k]!.norm === 'did') && doc.tokens[k + 1]!.norm === 'you')) continue;
        let v = k + 2;
        while (v < s.last && ['already', 'actually', 'also', 'ever', 'maybe'].includes(doc.tokens[v]!.norm)) v++;
        if (!['tried', 'try', 'checked', 'check'].includes(doc.tokens[v]?.norm ?? '')) continue;
        const words = contentAfter(doc.tokens, v + 1, s.last);
        const hit = triedPhrases.find((p) => p.verb === (doc.tokens[v]!.norm.startsWith('check') ? 'check' : 'try') && overlap(p.words, words) >= Math.min(2, words.length));
        if (hit && words.length) { push(s, hit.fact); break; }
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

const WH_START = new Set(['what', "what's", 'whats', 'which', 'where', "where's", 'when', 'who', "who's"]);
const FILLER = new Set(['the', 'a', 'an', 'my', 'your', 'it', 'to', 'that', 'this', 'again', 'already', 'and', 'of', 'on', 'in', 'with', 'times', 'time', 'twice', 'three', 'two', 'now', 'every', 'single']);

function contentAfter(toks: Token[], a: number, b: number): string[] {
  const out: string[] = [];
  for (let k = a; k < b && k < a + 8; k++) {
    const t = toks[k]!;
    if (t.kind === 'punct') break;
    if (t.kind === 'word' && !FILLER.has(t.norm)) out.push(t.norm.replace(/s$/, ''));
  }
  return out;
}

function overlap(a: string[], b: string[]): number {
  let n = 0;
  for (const w of b) if (a.includes(w)) n++;
  return n;
}

/** "I've (already) tried X" / "I checked X" in the customer's messages, not negated and not asked. */
const triedCache = new WeakMap<object, Array<{ verb: 'try' | 'check'; words: string[]; fact: Fact }>>();

function customerTriedPhrases(ctx: RuleContext): Array<{ verb: 'try' | 'check'; words: string[]; fact: Fact }> {
  const out: Array<{ verb: 'try' | 'check'; words: string[]; fact: Fact }> = [];
  for (const m of ctx.customer.messages) {
    const d = m.doc;
    const hit = triedCache.get(d);
    if (hit) { out.push(...hit.map((x) => ({ ...x, fact: { ...x.fact, message: m.index } }))); continue; }
    const mine: typeof out = [];
    for (const s of d.sentences) {
      if (s.question) continue;
      for (let k = s.first; k < s.last; k++) {
        const n = d.tokens[k]!.norm;
        if ((n !== 'tried' && n !== 'checked') || d.negated[k] || d.tokens[k]!.quoted) continue;
        const words = contentAfter(d.tokens, k + 1, s.last);
        if (words.length === 0) continue;
        const end = Math.min(s.end, d.tokens[Math.min(s.last - 1, k + words.length + 3)]!.end);
        mine.push({ verb: n === 'tried' ? 'try' : 'check', words, fact: { kind: 'tried', value: d.text.slice(d.tokens[k]!.start, end), key: 'generic', message: m.index, start: d.tokens[k]!.start, end } });
      }
    }
    triedCache.set(d, mine);
    out.push(...mine);
  }
  return out;
}

function safeMatches(ctx: RuleContext, list: string): ReturnType<RuleContext['matches']> {
  return ctx.list(list) ? ctx.matches(list) : [];
}

/** The fact an ask is about, if the customer gave it and the agent does not use it in the same breath. */
function pick(list: string, facts: Fact[], tokens: Token[], s: Sentence, at: number, sentenceText: string): Fact | undefined {
  const notUsed = (f: Fact): boolean => !DISTINCT.has(f.kind) || !sentenceText.includes(f.value.toLowerCase());
  const words = new Set<string>();
  for (let k = s.first; k < s.last; k++) words.add(tokens[k]!.norm);
  switch (list) {
    case 'listening.ask.version': {
      // "which version of Outlook": the product named near the ask, if any.
      let product = '';
      for (let k = Math.max(s.first, at - 3); k < s.last && k <= at + 6; k++) {
        const p = productKey(tokens[k]!.norm);
        if (p) { product = p; break; }
      }
      return facts.find((f) => notUsed(f) && (product === '' || f.key === product || (f.key === '' && !isOsKey(product))));
    }
    case 'listening.ask.device': {
      if (['kind', 'type', 'sort', 'make', 'model', 'brand'].some((w) => words.has(w)) && ![...words].some((w) => w === 'or')) {
        return facts.find((f) => f.kind === 'model' && notUsed(f));
      }
      const classes = new Set<string>();
      for (const w of words) {
        const c = DEVICE_WORDS[w];
        if (c && w !== 'android' && w !== 'pixel' && w !== 'galaxy') classes.add(c);
      }
      if (classes.has('computer')) { classes.add('laptop'); classes.add('desktop'); }
      return facts.find((f) => notUsed(f) && (classes.size === 0 || (f.kind === 'device' && classes.has(f.key)) || (f.kind === 'model' && classes.has(DEVICE_WORDS[f.key] ?? ''))));
    }
    case 'listening.ask.error':
      return facts.find((f) => notUsed(f));
    default:
      return facts.find((f) => notUsed(f));
  }
}

const KIND_NAMES: Record<FactKind, string> = {
  error: 'the error', screenshot: 'a screenshot', os: 'their system', version: 'the version', browser: 'their browser', device: 'their device',
  model: 'the model', app: 'the app', order: 'the order number', ticket: 'the ticket number', invoice: 'the invoice number', account: 'the account number',
  reference: 'the reference number', email: 'their e-mail address', tried: 'that they already tried this',
  name: 'their name', dob: 'their date of birth', year: 'the school year', room: 'the room', address: 'their address', phone: 'their phone number',
  domain: 'the domain', username: 'their username',
};

/** Where the fact was given, in words. */
export function whereGiven(ctx: RuleContext, fact: Fact): string {
  const msgs = ctx.customer.messages;
  if (msgs.length && msgs[msgs.length - 1]!.index === fact.message) return msgs.length === 1 ? 'in their message' : 'in their last message';
  if (msgs.length && msgs[0]!.index === fact.message) return 'in their first message';
  return 'earlier in this conversation';
}

export function describeFact(fact: Fact): string {
  if (fact.kind === 'tried') return fact.key === 'generic' ? `that they already did this ("${clip(fact.value)}")` : `that they already ${stepLabel(fact.key)} ("${clip(fact.value)}")`;
  if (fact.kind === 'screenshot') return 'a screenshot';
  return `${KIND_NAMES[fact.kind]} ("${clip(fact.value)}")`;
}

/** A rewrite that uses the fact instead of asking for it. */
export function useFactSuggestion(fact: Fact): string {
  const v = clip(fact.value);
  switch (fact.kind) {
    case 'order': return `You mentioned order ${v} — I've pulled it up.`;
    case 'ticket': return `You mentioned ticket ${v} — I've pulled it up.`;
    case 'invoice': return `You mentioned invoice ${v} — I've pulled it up.`;
    case 'account': return `I have your account number (${v}) from your message — I've pulled it up.`;
    case 'reference': return `You mentioned ${v} — I've pulled it up.`;
    case 'error': return `Thanks for sending the error ("${v}") — that tells me where to look.`;
    case 'screenshot': return 'Thanks for the screenshot you sent — it shows me what is going on.';
    case 'os': return `Since you're on ${v}, here's what to do on that system.`;
    case 'version': return `You mentioned you're on ${v}, so here's what applies to that version.`;
    case 'browser': return `Since you're using ${v}, here's how to do it there.`;
    case 'device': return `Since this is on your ${v.toLowerCase() === v ? v : v}, here's what to try on it.`;
    case 'model': return `Thanks — with the ${v} you mentioned, here's what to try.`;
    case 'app': return `Since this is in ${v}, here's what to try there.`;
    case 'email': return `I'll use ${v}, the address you gave me.`;
    case 'tried': return fact.key === 'generic'
      ? `You mentioned you've already ${v.replace(/^(tried|checked)/i, (w) => w.toLowerCase())} — thanks, that rules it out. Let's try something different.`
      : `You mentioned you've already ${stepLabel(fact.key)} — thanks, that rules it out. Let's try something different.`;
    case 'name': return `Thanks, ${v} — I've found the account.`;
    case 'dob': return "Thanks — I have the date of birth you gave, and I've found the record.";
    case 'year': return `Thanks — ${v}, I've found them.`;
    case 'room': return `Thanks — room ${v}, I'm on it.`;
    case 'address': return `I can see it went to the wrong house — you're at ${v}.`;
    case 'phone': return `I have your number (${v}) from your message.`;
    case 'domain': return `Thanks — I've looked up ${v}.`;
    case 'username': return `Thanks — I've looked up ${v}.`;
  }
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 70 ? `${one.slice(0, 67)}…` : one;
}

export { STEP_OBJECTS };
