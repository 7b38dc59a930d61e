// Agent questions and requests that ask for something the customer already
// gave. Shared by `listening/repeated-question` (which reports them) and
// `listening/diagnostic-question` (which must not praise them).

import type { RuleContext } from '../../rule.js';
import type { Token } from '../../text/tokenize.js';
import { PhraseMatcher } from '../../phrases/matcher.js';
import { Doc, type Sentence } from '../../text/doc.js';
import { customerFacts, DEVICE_WORDS, isIdLike, SCOPE_WORDS, scopeNouns, isOsKey, isValueLike, isYear, labelWord, productKey, STEP_OBJECTS, stepLabel, stepsInSentence, type Fact, type FactKind } from './facts.js';
import { lookup } from '../../lookup.js';

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
  ['listening.ask.amount', ['amount']],
];

/** Kinds whose value is distinctive enough that an agent sentence containing it is using it, not asking. */
const DISTINCT: ReadonlySet<FactKind> = new Set(['order', 'ticket', 'invoice', 'account', 'reference', 'email', 'version', 'model', 'error', 'name', 'dob', 'address', 'phone', 'domain', 'username', 'room', 'app', 'browser', 'labelled', 'amount']);

const cache = new WeakMap<object, RepeatedAsk[]>();

export function repeatedAsks(ctx: RuleContext): RepeatedAsk[] {
  const hit = cache.get(ctx.doc);
  if (hit) return hit;
  const out: RepeatedAsk[] = [];
  cache.set(ctx.doc, out);
  if (ctx.customer.messages.length === 0) return out;
  const { doc } = ctx;
  const requestSentences = new Set<number>();
  for (const m of ctx.matches('listening.request')) if (!ctx.isQuoted(m)) requestSentences.add(doc.sentenceAt(m.start)?.index ?? -1);
  // "Whats your address" without a question mark is still a question.
  const asking = (s: Sentence): boolean => s.question || requestSentences.has(s.index) || WH_START.has(doc.tokens[s.contentFirst]!.norm) || imperativeAsk(doc.tokens, s);
  // A reply that asks nothing and repeats no step cannot ask again: the customer's facts are not needed (they cost the most here).
  if (!doc.sentences.some(asking) && ctx.matches('listening.ask.tried').length === 0) return out;
  const kn = known(ctx);
  const givenPhrases = kn.phrases;
  if (kn.count === 0 && givenPhrases.length === 0) return out;
  const ofKind = (kind: FactKind): Fact[] => kn.byKind.get(kind) ?? [];
  const acknowledged = new Set<number>();
  // "again" says the agent knows it was given ("could you send it again?"), but not in a step ("join it again").
  const acknowledgedStep = new Set<number>();
  for (const m of safeMatches(ctx, 'listening.acknowledged')) {
    const i = doc.sentenceAt(m.start)?.index ?? -1;
    acknowledged.add(i);
    if (!AGAIN.has(doc.tokens[m.first]!.norm)) acknowledgedStep.add(i);
  }
  const taken = new Set<number>();
  const push = (s: Sentence, fact: Fact): void => {
    if (taken.has(s.index)) return;
    taken.add(s.index);
    out.push({ sentence: s, start: doc.tokens[s.contentFirst]!.start, end: s.end, fact });
  };
  const open = (s: Sentence | undefined): s is Sentence => !!s && !taken.has(s.index) && !acknowledged.has(s.index);

  for (const [list, kinds] of ASKS) {
    const relevant = kinds.length === 1 ? ofKind(kinds[0]!) : kinds.flatMap(ofKind);
    if (relevant.length === 0) continue;
    for (const m of ctx.matches(list)) {
      if (ctx.isQuoted(m)) continue;
      const s = doc.sentenceAt(m.start);
      if (!open(s) || !asking(s)) continue;
      // "tell me if the errors stop" asks whether, not for the error.
      if (list === 'listening.ask.error' && hasWord(doc.tokens, m.first, m.last, IF_WORDS)) continue;
      const sentenceText = ctx.text.slice(s.start, s.end).toLowerCase();
      const fact = pick(list, relevant, doc.tokens, s, m.first, sentenceText);
      if (fact) push(s, fact);
    }
  }

  // A value the customer named with their own noun, asked for by that noun:
  // "Project ID prj_8f3k2" → "could you share your project ID?", "card ending 4410" → "the last four digits of the card".
  const labelled = kn.byLabel;
  if (labelled.size) {
    for (const s of doc.sentences) {
      if (!open(s) || !asking(s) || choosing(doc.tokens, s)) continue;
      const sentenceText = ctx.text.slice(s.start, s.end).toLowerCase();
      for (let k = s.contentFirst; k < s.last; k++) {
        const t = doc.tokens[k]!;
        if (t.quoted) continue;
        const w = labelWord(t);
        if (!w) continue;
        const fact = labelled.get(w)?.find((f) => !sentenceText.includes(f.value.toLowerCase()));
        if (fact && askedByName(doc.tokens, s, k)) { push(s, fact); break; }
      }
    }
  }

  // Where it happens: "does it crash with other macro files too?" after "other macro files open fine".
  const scope = ofKind('scope');
  if (scope.length) {
    for (const s of doc.sentences) {
      if (!open(s) || !s.question) continue;
      for (let k = s.contentFirst; k < s.last; k++) {
        if (!SCOPE_WORDS.has(doc.tokens[k]!.norm) && !(doc.tokens[k]!.norm === 'any' && doc.tokens[k + 1]?.norm === 'other')) continue;
        const nouns = scopeNouns(doc.tokens, doc.tokens[k]!.norm === 'any' ? k + 1 : k, s.last);
        const head = nouns[nouns.length - 1];
        const fact = head ? scope.find((f) => (f.object ?? '').split('|').includes(head)) : undefined;
        if (fact) { push(s, fact); break; }
      }
    }
  }

  // Steps already tried: "have you tried restarting?", "please clear your cache".
  const tried = ofKind('tried');
  const openStep = (s: Sentence | undefined): s is Sentence => !!s && !taken.has(s.index) && !acknowledgedStep.has(s.index);
  if (tried.length) {
    for (const m of ctx.matches('listening.ask.tried')) {
      if (ctx.isQuoted(m)) continue;
      const s = doc.sentenceAt(m.start);
      if (!openStep(s)) continue;
      // A bare imperative counts only at the start of the sentence or after "please"/"first".
      if (!s.question && !requestSentences.has(s.index) && m.first > s.contentFirst + 2) continue;
      let fact: Fact | undefined;
      stepsInSentence(doc, s, false, (step, object) => {
        if (fact) return;
        fact = tried.find((f) => f.key === step && sameObject(f.object ?? '', object));
      });
      if (fact) push(s, fact);
    }
  }

  // "Have you cleaned the contacts?" after "I've cleaned the contacts", "could you send the openssl output?"
  // after "I've sent you the openssl output twice": the same verb and the same things.
  if (givenPhrases.length) {
    for (const s of doc.sentences) {
      if (!openStep(s) || !(s.question || requestSentences.has(s.index))) continue;
      for (const ask of agentAsksInSentence(doc.tokens, s)) {
        const hit = givenPhrases.find((p) => p.verb === ask.verb && enoughOverlap(p, ask) && (p.fact.kind !== 'provided' || !acknowledged.has(s.index)));
        if (hit) { push(s, hit.fact); break; }
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

const WH_START = new Set(['what', "what's", 'whats', 'which', 'where', "where's", 'when', 'who', "who's"]);
const IF_WORDS = new Set(['if', 'whether']);
const AGAIN = new Set(['again', 'once', 'one', 'another', 'a']);
const FILLER = new Set(['the', 'a', 'an', 'my', 'your', 'it', 'to', 'that', 'this', 'again', 'already', 'and', 'of', 'on', 'in', 'with', 'times', 'time', 'twice', 'three', 'two', 'now', 'every', 'single', 'you', 'me', 'us', 'over', 'both', 'also', 'just', 'actually', 'ever', 'maybe', 'by', 'any', 'chance', 'all', 'too', 'for', 'at', 'from', 'as', 'but', 'still', 'same', 'thing', 'no', 'luck']);

function hasWord(toks: Token[], a: number, b: number, words: ReadonlySet<string>): boolean {
  for (let k = a; k < b; k++) if (words.has(toks[k]!.norm)) return true;
  return false;
}

/** "Send me your flight number", "Give me the account number": an imperative that asks for something. */
const GIVE_VERBS = new Set(['send', 'give', 'tell', 'share', 'provide', 'confirm', 'forward', 'paste', 'email', 'text', 'dm']);
const LEAD = new Set(['simply', 'just', 'so', 'then', 'and', 'now', 'also', 'first', 'ok', 'okay', 'right', 'next', 'lastly', 'finally']);
function imperativeAsk(toks: Token[], s: Sentence): boolean {
  let k = s.contentFirst;
  while (k < s.last && (LEAD.has(toks[k]!.norm) || toks[k]!.kind === 'punct')) k++;
  if (!GIVE_VERBS.has(toks[k]?.norm ?? '')) return false;
  const next = toks[k + 1]?.norm ?? '';
  return next === 'me' || next === 'us' || next === 'your' || next === 'over';
}

/** Step objects on both sides may be several ("the router and the doorbell"); unknown on either side matches. */
function sameObject(a: string, b: string): boolean {
  if (!a || !b) return true;
  const as = a.split('|');
  const bs = b.split('|');
  if (as.includes('device') || bs.includes('device')) return true;
  return as.some((x) => bs.includes(x));
}

const WHICH = new Set(['which', 'what', "what's", 'whats']);
const ID_SUFFIX = new Set(['number', 'numbers', 'no', 'no.', 'num', 'nr', '#', 'id', 'ids', 'code', 'ref', 'reference', 'tag', 'name', 'details', 'address', 'url', 'uri', 'value']);
const MODIFIERS = new Set(['the', 'your', 'is', 'was', 'exact', 'full', 'correct', 'right', 'current', 'affected', "'s"]);
const OF_HEADS = new Set(['digits', 'digit', 'number', 'numbers', 'details', 'name', 'id', 'reference', 'value']);

/** "Which account would you like the refund to go to?": a choice, not a request for what was given. */
function choosing(toks: Token[], s: Sentence): boolean {
  for (let k = s.contentFirst; k + 2 < s.last; k++) {
    const n = toks[k]!.norm;
    if ((n === 'would' || n === 'do') && toks[k + 1]!.norm === 'you' && ['like', 'prefer', 'want', 'rather'].includes(toks[k + 2]!.norm)) return true;
    if (n === 'should' || n === 'shall') return true;
  }
  return false;
}

/** The noun at k is what the sentence asks for: "your project ID", "which redirect URI", "digits of the card". */
function askedByName(toks: Token[], s: Sentence, k: number): boolean {
  const next = toks[k + 1];
  if (next && k + 1 < s.last && ID_SUFFIX.has(next.norm)) return true;
  // "which redirect URI", "what's the domain", "which SDK version"
  let j = k - 1;
  let modifiers = 0;
  while (j >= s.first && k - j <= 3) {
    const t = toks[j]!;
    if (WHICH.has(t.norm)) return true;
    if (MODIFIERS.has(t.norm)) { j--; continue; }
    if (modifiers === 0 && labelWord(t)) { modifiers++; j--; continue; }
    break;
  }
  // "the last four digits of the card"
  return k - 3 >= s.first && ['the', 'your', 'this', 'that'].includes(toks[k - 1]!.norm) && toks[k - 2]!.norm === 'of' && OF_HEADS.has(toks[k - 3]!.norm);
}

// --- What the agent asked before, and what the customer answered -------------------------------

/** The ask lists compiled for earlier agent messages (ctx.matches only reads this one). */
const matcherCache = new WeakMap<object, PhraseMatcher>();

function askMatcher(ctx: RuleContext): PhraseMatcher | undefined {
  const first = ctx.list(ASKS[0]![0]);
  if (!first) return undefined;
  let m = matcherCache.get(first);
  if (m) return m;
  m = new PhraseMatcher();
  for (const [id] of ASKS) {
    const list = ctx.list(id);
    if (list) list.entries.forEach((e, entry) => m!.add(e.pattern, { list: id, entry }));
  }
  matcherCache.set(first, m);
  return m;
}

interface Asked { kinds: FactKind[]; label?: string }

const askedCache = new WeakMap<Doc, Asked | null>();

/** What one earlier agent message asked for: one thing, or nothing when it asked several. Cached per message. */
function askedIn(doc: Doc, matcher: PhraseMatcher): Asked | undefined {
  const hit = askedCache.get(doc);
  if (hit !== undefined) return hit ?? undefined;
  const asked = findAsked(doc, matcher);
  askedCache.set(doc, asked ?? null);
  return asked;
}

function findAsked(doc: Doc, matcher: PhraseMatcher): Asked | undefined {
  const found: Asked[] = [];
  const questions = new Set<number>();
  for (const s of doc.sentences) if (s.question || WH_START.has(doc.tokens[s.contentFirst]?.norm ?? '') || imperativeAsk(doc.tokens, s) || politeAsk(doc.tokens, s)) questions.add(s.index);
  if (questions.size === 0) return undefined;
  for (const m of matcher.matchDoc(doc)) {
    const s = doc.sentenceAt(m.start);
    if (!s || !questions.has(s.index)) continue;
    const kinds = ASKS.find(([id]) => id === m.list)?.[1];
    if (kinds && !found.some((f) => f.kinds[0] === kinds[0])) found.push({ kinds });
  }
  for (const s of doc.sentences) {
    if (!questions.has(s.index)) continue;
    for (let k = s.contentFirst; k < s.last; k++) {
      const w = labelWord(doc.tokens[k]!);
      if (w && askedByName(doc.tokens, s, k) && !found.some((f) => f.label === w)) {
        const kind = found.length === 1 && !found[0]!.label ? found[0]!.kinds : undefined;
        if (kind) found[0]!.label = w;
        else found.push({ kinds: ['labelled'], label: w });
        break;
      }
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

const POLITE_START = new Set(['could', 'can', 'would', 'please', 'kindly']);
function politeAsk(toks: Token[], s: Sentence): boolean {
  return POLITE_START.has(toks[s.contentFirst]?.norm ?? '');
}

const NOT_AN_ANSWER = new Set(['no', 'nope', 'nah', 'not', 'sorry', 'dunno', 'idk', 'unsure', 'what', 'how', 'why', 'which', 'i', "i'm", 'where', 'when', 'who', 'none', 'nothing', 'hmm', 'um', 'erm']);

const answerCache = new WeakMap<Doc, { value: string; start: number; end: number } | null>();

/** The customer's reply to a question, when it starts with the answer: "BA1442.", "2.7.3, worked fine there", "Nest Protect 2nd gen." */
function answerIn(doc: Doc): { value: string; start: number; end: number } | undefined {
  const hit = answerCache.get(doc);
  if (hit !== undefined) return hit ?? undefined;
  const ans = findAnswer(doc);
  answerCache.set(doc, ans ?? null);
  return ans;
}

function findAnswer(doc: Doc): { value: string; start: number; end: number } | undefined {
  const s = doc.sentences.find((x) => x.last > x.contentFirst);
  if (!s || s.question) return undefined;
  const toks = doc.tokens;
  let k = s.contentFirst;
  if (['yes', 'yeah', 'yep', 'sure', 'ok', 'okay', 'it', "it's", 'its', 'it’s'].includes(toks[k]!.norm)) k++;
  while (k < s.last && toks[k]!.kind === 'punct') k++;
  if (k >= s.last || NOT_AN_ANSWER.has(toks[k]!.norm) || doc.negated[k]) return undefined;
  // A value near the start.
  for (let j = k; j < s.last && j < k + 4; j++) {
    const t = toks[j]!;
    if (t.quoted) break;
    if (isIdLike(t) || isValueLike(t) || (t.kind === 'opaque' && t.opaque !== 'mention') || (t.kind === 'num' && /\d\d/.test(t.text) && !isYear(t))) {
      const prev = toks[j - 1];
      const value = prev && j > s.first && prev.text === '#' ? `#${t.text}` : t.text;
      return { value, start: t.start, end: t.end };
    }
  }
  // A short answer naming something: "Soundcore Liberty 4.", "Clinic room 3."
  let words = 0;
  let named = false;
  for (let j = k; j < s.last; j++) {
    const t = toks[j]!;
    if (t.kind === 'word' || t.kind === 'num') words++;
    if (t.kind === 'num' || /\d/.test(t.text) || (/^\p{Lu}/u.test(t.text) && j > k) || t.caps) named = true;
  }
  if (words === 0 || words > 6 || !named) return undefined;
  const a = toks[k]!.start;
  let b = s.last - 1;
  while (b > k && toks[b]!.kind === 'punct') b--;
  return { value: doc.text.slice(a, toks[b]!.end), start: a, end: toks[b]!.end };
}

/**
 * Everything the customer has given so far, gathered once per conversation and extended as it goes (the
 * customer and agent histories only grow): their facts, what they answered to earlier questions, the steps
 * they pointed back at, and the things they say they did or sent. Each message is read once.
 */
interface Known {
  customers: number;
  agents: number;
  count: number;
  byKind: Map<FactKind, Fact[]>;
  byLabel: Map<string, Fact[]>;
  phrases: VerbPhrase[];
}
const knownCache = new WeakMap<object, Known>();

function known(ctx: RuleContext): Known {
  const msgs = ctx.customer.messages;
  let kn = knownCache.get(msgs);
  if (!kn) knownCache.set(msgs, (kn = { customers: 0, agents: 0, count: 0, byKind: new Map(), byLabel: new Map(), phrases: [] }));
  const k = kn;
  const add = (f: Fact): void => {
    // Generic steps are matched by their words (phrases), not by a step key.
    if (!(f.kind === 'tried' && f.key === 'generic')) {
      let list = k.byKind.get(f.kind);
      if (!list) k.byKind.set(f.kind, (list = []));
      list.push(f);
    }
    if (f.label) {
      let list = k.byLabel.get(f.label);
      if (!list) k.byLabel.set(f.label, (list = []));
      list.push(f);
    }
    k.count++;
  };
  const hist = ctx.agentHistory;
  for (; k.customers < msgs.length; k.customers++) {
    const c = msgs[k.customers]!;
    for (const f of customerFacts([c])) add(f);
    let before: { index: number; doc: Doc } | undefined;
    for (let h = hist.length - 1; h >= 0; h--) if (hist[h]!.index < c.index) { before = hist[h]; break; }
    for (const f of stepsPointedAt(c, before)) add(f);
    k.phrases.push(...donePhrases(c));
  }
  // Answers: the customer's first message after an agent question. Final once a later agent message exists.
  const matcher = hist.length > k.agents ? askMatcher(ctx) : undefined;
  for (; matcher && k.agents < hist.length; k.agents++) {
    const a = hist[k.agents]!;
    const until = hist[k.agents + 1]?.index ?? ctx.index;
    const reply = msgs.find((c) => c.index > a.index);
    if (!reply || reply.index >= until) continue;
    const asked = askedIn(a.doc, matcher);
    if (!asked) continue;
    const ans = answerIn(reply.doc);
    if (!ans) continue;
    const f: Fact = { kind: asked.kinds[0]!, value: ans.value, key: '', message: reply.index, start: ans.start, end: ans.end };
    if (asked.label) f.label = asked.label;
    add(f);
  }
  return k;
}

// --- Steps the customer says they did, in their words or by pointing back -----------------------

const DONE_VERBS = new Set(['done', 'did', 'tried']);
const DONE_OBJECTS = new Set(['this', 'that', 'these', 'those', 'them', 'both', 'all', 'everything', 'it', 'exactly']);
const DONE_SUBJECTS = new Set(['i', 'we', "i've", "we've", 'have', 'already', 'also', "i'd", "we'd", 'had']);
const YES = new Set(['yes', 'yeah', 'yep', 'yup', 'already']);

/**
 * "I HAVE DONE THIS. Three times." under a quoted e-mail, "done that already", or "yes, twice" after
 * "have you restarted the router?": the steps in what they point at are steps they tried.
 */
function stepsPointedAt(c: { index: number; doc: Doc }, before: { index: number; doc: Doc } | undefined): Fact[] {
  const out: Fact[] = [];
  const d = c.doc;
  const toks = d.tokens;
  let pointsBack = false;
  let saysYes = false;
  for (const s of d.sentences) {
    if (s.question) continue;
    if (s === d.sentences[0] && YES.has(toks[s.contentFirst]?.norm ?? '') && !d.negated[s.contentFirst]) saysYes = true;
    for (let k = s.first; k < s.last; k++) {
      if (!DONE_VERBS.has(toks[k]!.norm) || d.negated[k] || toks[k]!.quoted) continue;
      if (!DONE_OBJECTS.has(toks[k + 1]?.norm ?? '') || k + 1 >= s.last) continue;
      if (k === s.contentFirst || DONE_SUBJECTS.has(toks[k - 1]?.norm ?? '') || DONE_SUBJECTS.has(toks[k - 2]?.norm ?? '')) pointsBack = true;
    }
  }
  if (!pointsBack && !saysYes) return out;
  const add = (step: string, object: string): void => {
    if (!out.some((f) => f.key === step && f.message === c.index && f.object === object)) {
      out.push({ kind: 'tried', value: stepLabel(step), key: step, object, message: c.index, start: 0, end: Math.min(d.text.length, 80) });
    }
  };
  const quoted = pointsBack ? quotedDoc(d) : undefined;
  if (quoted) {
    for (const s of quoted.sentences) stepsInSentence(quoted, s, false, add);
    return out;
  }
  if (!before) return out;
  // "Yes" answers only a question about a step; "done that" points at any step.
  for (const s of before.doc.sentences) if (pointsBack || s.question) stepsInSentence(before.doc, s, false, add);
  return out;
}

const quotedCache = new WeakMap<Doc, Doc | null>();
/** The quoted e-mail inside a customer message, as a document of its own. */
function quotedDoc(d: Doc): Doc | undefined {
  const hit = quotedCache.get(d);
  if (hit !== undefined) return hit ?? undefined;
  const parts: string[] = [];
  for (const b of d.blocks) if (b.kind === 'quote') parts.push(d.text.slice(b.start, b.end).replace(/^[ \t]*>[ \t>]*/gm, ''));
  const q = parts.length ? new Doc(parts.join('\n').slice(0, 4000)) : null;
  quotedCache.set(d, q);
  return q ?? undefined;
}

/** A verb and the words after it: what the customer did or sent, and what the agent asks about. */
interface VerbPhrase { verb: string; words: string[]; fact: Fact }
interface AgentAsk { verb: string; words: string[] }

const SEND_VERBS = new Set(['sent', 'attached', 'pasted', 'shared', 'provided', 'included', 'forwarded', 'uploaded', 'emailed', 'gave', 'given', 'send', 'attach', 'paste', 'share', 'provide', 'include', 'forward', 'upload', 'email', 'give']);
const IRREGULAR: Readonly<Record<string, string>> = lookup({
  forgot: 'forget', forgotten: 'forget', ran: 'run', did: 'do', done: 'do', gave: 'send', given: 'send', sent: 'send', took: 'take', taken: 'take',
  rebuilt: 'rebuild', made: 'make', put: 'put', set: 'set', reset: 'reset', tried: 'try', went: 'go', gone: 'go', bought: 'buy', rang: 'ring', rung: 'ring',
});
/** Verbs too general to say what was done. */
const VAGUE = new Set(['forget', 'be', 'have', 'go', 'get', 'want', 'need', 'like', 'say', 'tell', 'ask', 'think', 'know', 'happen', 'seem', 'start', 'stop', 'work', 'use', 'see', 'notic', 'receiv', 'look', 'mean', 'mention', 'explain', 'wait', 'call', 'contact', 'expect', 'plan', 'hope', 'keep', 'let']);
const PAST_SUBJECTS = new Set(['i', 'we', "i've", "we've", 'have', 'has', 'had', 'already', 'also', 'and', 'then', 'even', 'both', 'just', 'since', 'i’ve']);

/** A rough stem so "cleaned", "cleaning" and "clean" meet, and "contacts" meets "contact". */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w]!;
  if (SEND_VERBS.has(w)) return 'send';
  let x = w;
  if (x.length > 4 && x.endsWith('ies')) x = `${x.slice(0, -3)}y`;
  else if (x.length > 5 && x.endsWith('ing')) x = x.slice(0, -3);
  else if (x.length > 4 && x.endsWith('ed')) x = x.slice(0, -2);
  else if (x.length > 4 && x.endsWith('es') && /(ch|sh|x|ss)es$/.test(x)) x = x.slice(0, -2);
  else if (x.length > 3 && x.endsWith('s') && !x.endsWith('ss')) x = x.slice(0, -1);
  if (x.length > 3 && x.endsWith('e')) x = x.slice(0, -1);
  if (x.length > 3 && x.charAt(x.length - 1) === x.charAt(x.length - 2) && !/[aeiou]/.test(x.charAt(x.length - 1))) x = x.slice(0, -1);
  return x;
}

const CLAUSE_BREAK = new Set(['but', 'so', 'then', 'because', 'when', 'since', 'now', 'until', 'which', 'while', 'though', 'although', 'yet', 'still']);
const OBJECT_GOES_ON = new Set(['the', 'my', 'a', 'an', 'all', 'both', 'your', 'our', 'its', 'their', 'any']);

function wordsAfter(toks: Token[], a: number, b: number): string[] {
  const out: string[] = [];
  for (let k = a; k < b && k < a + 8; k++) {
    const t = toks[k]!;
    if (t.kind === 'punct' && t.text !== '-' && t.text !== "'") break;
    // The object ends at the next clause: "cleaned up my desktop and now Outlook…", "…but it still fails".
    if (CLAUSE_BREAK.has(t.norm)) break;
    if (t.norm === 'and' && !OBJECT_GOES_ON.has(toks[k + 1]?.norm ?? '')) break;
    if ((t.kind === 'word' || t.kind === 'num') && !FILLER.has(t.norm)) out.push(stem(t.norm));
  }
  return out;
}

function enoughOverlap(p: VerbPhrase, ask: AgentAsk): boolean {
  if (ask.words.length === 0 || p.words.length === 0) return false;
  let n = 0;
  for (const w of ask.words) if (p.words.includes(w)) n++;
  // "try" and "check" say little by themselves; a specific verb ("cleaned", "renewed") plus one shared thing is
  // enough, as long as it is most of what the agent names ("the wifi password on your laptop" is not "the password on my router").
  const general = p.verb === 'try' || p.verb === 'check' || p.verb === 'do' || p.verb === 'send';
  return general ? n >= Math.min(2, ask.words.length) : n >= 1 && n * 2 >= ask.words.length;
}

/** "I've (already) cleaned X", "I checked X", "I've sent you X" in a customer message, not negated, asked or planned. */
function donePhrases(m: { index: number; doc: Doc }): VerbPhrase[] {
  {
    const d = m.doc;
    const mine: VerbPhrase[] = [];
    for (const s of d.sentences) {
      if (s.question) continue;
      for (let k = s.first; k < s.last; k++) {
        const t = d.tokens[k]!;
        const n = t.norm;
        if (t.kind !== 'word' || d.negated[k] || t.quoted) continue;
        const past = n === 'tried' || n === 'checked' || SEND_VERBS.has(n) ? true : (n.endsWith('ed') || IRREGULAR[n] !== undefined) && n.length > 3;
        if (!past) continue;
        const verb = stem(n);
        if (VAGUE.has(verb) || (SEND_VERBS.has(n) && !['sent', 'attached', 'pasted', 'shared', 'provided', 'included', 'forwarded', 'uploaded', 'emailed', 'gave', 'given'].includes(n))) continue;
        // Someone did it: "I cleaned", "I've already reset", "…and swapped the cable".
        const before = k > s.first ? d.tokens[k - 1]!.norm : '';
        if (!(k === s.contentFirst || PAST_SUBJECTS.has(before) || before === ',')) continue;
        let planned = false;
        for (let j = Math.max(s.first, k - 3); j < k; j++) if (PLANNED.has(d.tokens[j]!.norm)) planned = true;
        if (planned) continue;
        const words = wordsAfter(d.tokens, k + 1, s.last);
        if (words.length === 0) continue;
        // Sent to someone else is not sent to us.
        if (verb === 'send' && hasWord(d.tokens, k + 1, Math.min(s.last, k + 8), TO) && !hasWord(d.tokens, k + 1, Math.min(s.last, k + 3), new Set(['you', 'us']))) continue;
        const end = Math.min(s.end, d.tokens[Math.min(s.last - 1, k + words.length + 3)]!.end);
        mine.push({ verb, words, fact: { kind: verb === 'send' ? 'provided' : 'tried', value: d.text.slice(t.start, end), key: 'generic', message: m.index, start: t.start, end } });
      }
    }
    return mine;
  }
}
const TO = new Set(['to']);
const PLANNED = new Set(['will', "i'll", "we'll", 'going', 'gonna', 'should', 'shall', 'could', 'can', 'may', 'might', 'want', 'need', 'how', 'if', 'whether', 'before', 'would', 'about', 'to']);

/** What an agent question asks about having done, or asks to be sent: "have you (tried) cleaning X", "could you send (us) X". */
function agentAsksInSentence(toks: Token[], s: Sentence): AgentAsk[] {
  const out: AgentAsk[] = [];
  for (let k = s.contentFirst; k + 1 < s.last; k++) {
    const n = toks[k]!.norm;
    const you = toks[k + 1]!.norm === 'you';
    if ((n === 'have' || n === 'did' || n === 'has') && you) {
      let v = k + 2;
      while (v < s.last && ['already', 'actually', 'also', 'ever', 'maybe', 'by', 'any', 'chance', 'perhaps', 'both'].includes(toks[v]!.norm)) v++;
      const verb = toks[v];
      if (!verb || v >= s.last || verb.kind !== 'word') continue;
      const vs = stem(verb.norm);
      const words = wordsAfter(toks, v + 1, s.last);
      out.push({ verb: vs, words });
      // "have you tried resetting the controller": also the gerund's own verb.
      if ((vs === 'try' || vs === 'do') && words.length && /ing$/.test(toks[v + 1]?.norm ?? '')) {
        out.push({ verb: words[0]!, words: words.slice(1) });
        // "and tried another cable" after a first verb: handled as its own ask below.
      }
      // "Have you cleaned the contacts and tried another cable?": the second verb.
      for (let j = v + 1; j + 1 < s.last; j++) {
        if (toks[j]!.norm === 'and' && toks[j + 1]!.kind === 'word' && /ed$/.test(toks[j + 1]!.norm)) {
          out.push({ verb: stem(toks[j + 1]!.norm), words: wordsAfter(toks, j + 2, s.last) });
          break;
        }
      }
    } else if ((n === 'could' || n === 'can' || n === 'would' || n === 'please' || n === 'kindly') && (you || n === 'please' || n === 'kindly')) {
      let v = k + (you ? 2 : 1);
      while (v < s.last && ['please', 'also', 'just', 'quickly', 'kindly'].includes(toks[v]!.norm)) v++;
      const verb = toks[v];
      if (verb && v < s.last && SEND_VERBS.has(verb.norm)) out.push({ verb: 'send', words: wordsAfter(toks, v + 1, s.last) });
    }
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
      // "Which printer is it?" asks which one, not what kind: "my printer" does not answer it, a model does.
      for (let k = s.contentFirst; k + 1 < s.last; k++) {
        const cls = WHICH.has(tokens[k]!.norm) ? DEVICE_WORDS[tokens[k + 1]!.norm] : undefined;
        if (cls && !words.has('or')) return facts.find((f) => f.kind === 'model' && notUsed(f) && DEVICE_WORDS[f.key] === cls);
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
    case 'listening.ask.room':
      // "which building / floor" after "room 12" asks for something else.
      if (!words.has('room') && !words.has('classroom') && !words.has('office')) return undefined;
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
  domain: 'the domain', username: 'their username', labelled: 'the', amount: 'the amount', provided: 'that they already sent this', scope: 'where it happens',
};

/** Where the fact was given, in words. */
export function whereGiven(ctx: RuleContext, fact: Fact): string {
  const msgs = ctx.customer.messages;
  if (msgs.length && msgs[msgs.length - 1]!.index === fact.message) return msgs.length === 1 ? 'in their message' : 'in their last message';
  if (msgs.length && msgs[0]!.index === fact.message) return 'in their first message';
  return 'earlier in this conversation';
}

export function describeFact(fact: Fact): string {
  if (fact.kind === 'labelled') return `the ${fact.label ?? 'detail'} ("${clip(fact.value)}")`;
  if (fact.kind === 'scope') return `where it happens ("${clip(fact.value)}")`;
  if (fact.kind === 'provided') return `that they already sent this ("${clip(fact.value)}")`;
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
    case 'labelled': return `You mentioned ${fact.label ? `the ${fact.label} ` : ''}${v} — I've pulled it up.`;
    case 'scope': return `You mentioned ${v.toLowerCase()} — so it's specific to this one; here's what to try.`;
    case 'amount': return `You mentioned ${v} — I can see that payment.`;
    case 'provided': return `Thanks for sending that already (${v.replace(/^(sent|attached|pasted|shared|provided|included|forwarded|uploaded|emailed|gave|given)\s*/i, '')}) — I'm working from it.`;
  }
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 70 ? `${one.slice(0, 67)}…` : one;
}

export { STEP_OBJECTS };
