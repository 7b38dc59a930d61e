import type { Rule, RuleContext } from '../../rule.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import type { Doc, Sentence } from '../../text/doc.js';
import { cap, courtesyIn, decap, mainClauseStart, textFrom } from './shared.js';

// A bare command: a sentence that opens with a verb ("Restart the router.",
// "You need to reinstall it.") in a reply with no courtesy anywhere (please,
// could you, thanks, let's…), no reason next to it (because, so that, this
// will…) and no softening (maybe, you might want to, try…).
//
// Imperative detection is cheap and data-driven: the first word of the main
// clause must be one of the help-desk verbs in `tone.imperative-verbs`. Words
// that are often nouns at the start of a sentence ("Update: the server is
// back", "Email is down") are in `tone.imperative-ambiguous` and count only
// when the next word shows a verb (the, your, it, up, me…). A POS tagger
// (wink-nlp) was measured for this and rejected: it tags sentence-initial
// imperatives as nouns about half the time, costs ~120 ms to load, and
// adds a 3.8 MB model to the browser bundle.

/** After a verb, these words show it is really a noun subject: "Restart required", "Update is live". */
const NOUN_NEXT = new Set([
  'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'should', 'can', 'could', 'may', 'might', 'must', "isn't", "wasn't",
  "won't", "hasn't", 'required', 'needed', 'pending', 'done', 'complete', 'completed', 'failed', 'successful', 'succeeded', 'worked',
  'works', 'finished', 'went', 'attached', 'below', 'above', 'details', 'info', 'information', 'link', 'links', 'status', 'time',
  'times', 'speed', 'speeds', 'number', 'history', 'page', 'button', 'options', 'ok', 'okay', 'fine', 'good', 'great', 'though',
  'rolled', 'applied', 'attachment', 'itself', 'and', 'or', 'of',
]);
/** After an ambiguous word, these show a verb: "Update the app", "Email me", "Back it up". */
const VERB_NEXT = new Set([
  'the', 'a', 'an', 'your', 'you', 'it', 'this', 'that', 'these', 'those', 'them', 'me', 'us', 'him', 'her', 'all', 'any', 'my', 'our',
  'their', 'both', 'each', 'every', 'everything', 'anything', 'up', 'out', 'off', 'on', 'in', 'back', 'down', 'over', 'again', 'now',
  'through', 'to', 'with', 'from', 'here', 'there', 'immediately', 'asap', 'yourself', 'some', 'another', 'whatever', 'whichever',
  'everyone', "it's",
]);
const TELL_NEED = new Set(['need', 'needs', 'have', 'has']);
const MINIMISING_LEAD = new Set(['just', 'simply', 'merely']);
/** Verbs of purpose after "to" that are not instructions themselves: "to receive", "to learn". */
const PURPOSE_VERBS = new Set(['receive', 'learn', 'know', 'understand', 'access', 'request', 'continue', 'proceed', 'manage', 'view', 'track', 'claim', 'enjoy', 'avoid', 'prevent', 'ensure', 'keep', 'protect', 'speed', 'free', 'help', 'allow', 'let', 'see', 'get', 'make', 'stop', 'start', 'finish', 'complete', 'confirm', 'verify', 'check', 'pick', 'load', 'apply', 'clear', 'save', 'recover', 'restore', 'reach', 'join', 'resume', 'regain', 'unlock', 'activate', 'trigger', 'force', 'rule', 'narrow', 'isolate', 'identify', 'find', 'match', 'test', 'sync']);
const SOFTENERS = new Set(['maybe', 'perhaps', 'possibly', 'ideally', 'optionally']);
/** "so" before these is not "so that": "so much", "so sorry". */
const SO_NOT_REASON = new Set(['much', 'many', 'far', 'long', 'sorry', 'glad', 'happy', 'good', 'quick', 'fast', 'easy', 'very', 'just', 'yes', 'no', 'what', 'on', 'sure', 'bad', 'slow', 'frustrating', ',', '.', '!', '?']);
/** Replies longer than this are mostly explanation; their instructions read as guidance unless most sentences are orders. */
const LONG_REPLY_WORDS = 45;
/** "to" after these starts an infinitive, not a purpose: "you need to clear", "how to reset". */
const NOT_PURPOSE_BEFORE_TO = new Set(['need', 'needs', 'needed', 'have', 'has', 'had', 'want', 'wants', 'going', 'able', 'how', 'got', 'gotta', 'ought', 'used', 'supposed', 'meant', 'forget', 'remember', 'try', 'sure', 'where', 'what', 'when', 'asked', 'told', 'like', 'unable', 'allowed', 'trying', 'tried', 'forgot', 'continue', 'start', 'begin', 'manage', 'managed']);

interface Imperative {
  sentence: Sentence;
  verb: number;
  match: PhraseMatch;
  /** "you need to …" rather than a bare verb */
  telling: boolean;
  negative: boolean;
}

/** Finds the imperative in a sentence, or undefined. */
function imperativeIn(ctx: RuleContext, s: Sentence, verbs: Map<number, PhraseMatch>, ambiguous: Map<number, PhraseMatch>, courteous: Set<number>): Imperative | undefined {
  const doc = ctx.doc;
  const start = mainClauseStart(doc, s);
  if (start < 0 || start >= s.last) return undefined;
  const t0 = doc.tokens[start]!;
  if (t0.quoted || t0.kind !== 'word') return undefined;
  // "-GO", "^DO": an agent's initials signing a tweet, not an order.
  if (t0.caps && s.last - s.first <= 3) return undefined;
  if (courteous.has(start)) return undefined;
  let v = start;
  let telling = false;
  let negative = false;
  const n = (k: number): string => (k < s.last ? doc.tokens[k]!.norm : '');
  // Telling instead of asking: "you need to X", "you must X", "you'll have to X", "I need you to X".
  if (t0.norm === 'you' && TELL_NEED.has(n(start + 1)) && n(start + 2) === 'to') { v = start + 3; telling = true; }
  else if (t0.norm === 'you' && (n(start + 1) === 'must' || n(start + 1) === 'gotta')) { v = start + 2; telling = true; }
  else if (t0.norm === 'i' && n(start + 1) === 'need' && n(start + 2) === 'you' && n(start + 3) === 'to') { v = start + 4; telling = true; }
  else if (t0.norm === "don't" || (t0.norm === 'do' && n(start + 1) === 'not') || t0.norm === 'never') {
    v = t0.norm === 'do' ? start + 2 : start + 1;
    negative = true;
    if (courteous.has(start)) return undefined;
  }
  if (v >= s.last) return undefined;
  // "Just click…", "simply restart…" belittle rather than order (tone/condescending says so).
  for (let k = s.contentFirst; k < start; k++) if (MINIMISING_LEAD.has(doc.tokens[k]!.norm)) return undefined;
  const sure = verbs.get(v);
  const amb = ambiguous.get(v);
  const next = v + 1 < s.last ? doc.tokens[v + 1] : undefined;
  // "Don't touch anything": any verb after "don't" is an order (courteous ones like "Don't worry" were skipped above).
  if (negative && !sure && !amb) {
    const w = doc.tokens[v]!;
    if (w.kind !== 'word' || w.caps) return undefined;
    return { sentence: s, verb: v, match: (verbs.get(start) ?? ambiguous.get(start) ?? dontMatch(ctx, start)), telling, negative };
  }
  if (sure) {
    if (!telling && !negative && next && (NOUN_NEXT.has(next.norm) || (next.kind === 'punct' && (next.text === ':' || next.text === ',' || next.text === '-' || next.text === '\u2014')))) return undefined;
    return { sentence: s, verb: v, match: sure, telling, negative };
  }
  if (amb) {
    if (telling || negative) return { sentence: s, verb: v, match: amb, telling, negative };
    if (next && VERB_NEXT.has(next.norm)) return { sentence: s, verb: v, match: amb, telling, negative };
    // "Update Chrome.", "Email Sam the log." — a name right after, and no verb after the name.
    const after = v + 2 < s.last ? doc.tokens[v + 2] : undefined;
    if (next && next.kind === 'word' && /^\p{Lu}/u.test(next.text) && !next.text.endsWith('.') && !(after && (NOUN_NEXT.has(after.norm) || after.text === ':' || after.kind === 'num' || after.norm.endsWith('ed')))) return { sentence: s, verb: v, match: amb, telling, negative };
  }
  return undefined;
}

/**
 * An order after a comma or dash inside the sentence: "it's only a pen, use your finger", "not our
 * department — call the installer", "not my team, ask in #infra". A sure verb, or an ambiguous one
 * ("call", "email"), followed by its object, a place ("in", "on", "at"…) or a name ("try HR").
 */
function laterImperative(ctx: RuleContext, s: Sentence, verbs: Map<number, PhraseMatch>, ambiguous: Map<number, PhraseMatch>, courteous: Set<number>): Imperative | undefined {
  const doc = ctx.doc;
  for (let k = s.contentFirst + 2; k < s.last - 1; k++) {
    const p = doc.tokens[k - 1]!;
    if (!(p.kind === 'punct' && (p.text === ',' || p.text === ';' || p.text === '\u2014' || p.text === '\u2013' || p.text === '-'))) continue;
    if (courteous.has(k)) continue;
    const sure = verbs.get(k);
    const m = sure ?? ambiguous.get(k);
    if (!m || m.last - m.first > 1) continue;
    const next = doc.tokens[k + 1]!;
    const objectNext = STRICT_VERB_NEXT.has(next.norm);
    // "ask in #infra", "log on at the kiosk": a place after a sure verb; "call IT", "email Sam": a name.
    const placeNext = !!sure && PLACE_NEXT.has(next.norm) && k + 2 < s.last && !TERMINAL.has(doc.tokens[k + 2]!.text);
    const nameNext = next.kind === 'word' && !next.quoted && /^\p{Lu}/u.test(next.text) && (k + 2 >= s.last || doc.tokens[k + 2]!.kind === 'punct');
    if (!objectNext && !placeNext && !nameNext) continue;
    // "If it fails, restart it" is the main clause, found already; "Thanks, restart it" has courtesy.
    return { sentence: s, verb: k, match: m, telling: false, negative: false };
  }
  return undefined;
}
/** Words after a verb that start where to do it: "ask in #infra", "sign in on the portal". */
const PLACE_NEXT = new Set(['in', 'on', 'at', 'into', 'onto', 'via', 'through']);
const TERMINAL = new Set(['.', '!', '?', ',', ';', ':']);
const STRICT_VERB_NEXT = new Set(['the', 'your', 'it', 'this', 'that', 'them', 'a', 'an', 'my', 'our', 'these', 'those', 'me', 'us']);

function suggestionFor(ctx: RuleContext, imp: Imperative): string {
  const doc = ctx.doc;
  const s = imp.sentence;
  const reason = ctx.entry(imp.match).suggest ?? 'That should sort it out.';
  const verbTok = doc.tokens[imp.verb]!;
  const body = textFrom(doc, imp.verb, s.last);
  // Words before the instruction ("If that fails, …") are kept.
  const leadStart = s.contentFirst;
  let lead = '';
  const cut = imp.telling || imp.negative ? mainClauseStart(doc, s) : imp.verb;
  if (cut > leadStart) lead = doc.text.slice(doc.tokens[leadStart]!.start, doc.tokens[cut]!.start);
  const trimmedLead = lead.trim();
  const keepLead = trimmedLead.length > 0 && /,$/.test(trimmedLead);
  const opener = keepLead ? `${trimmedLead} ` : '';
  if (imp.negative) {
    const dont = ctx.list('tone.imperative-verbs')?.entries[dontEntry(ctx)]?.suggest ?? reason;
    const timed = /\b(while|until|before|during|for now|yet)\b/.test(body);
    const ask = `${keepLead ? 'please' : 'Please'} don't ${decap(body, verbTok)}${timed ? '' : ' for now'}.`;
    return `${cap(opener + ask)} ${dont}`;
  }
  const ask = `${keepLead ? 'could' : 'Could'} you ${decap(body, verbTok)}?`;
  return `${cap(opener + ask)} ${reason}`;
}

export const bluntCommand: Rule = {
  id: 'tone/blunt-command',
  category: 'blunt',
  on: 'agent',
  docs: {
    summary: 'Bare commands: an instruction with no courtesy, no reason and no softening anywhere in the reply.',
    why: 'An order with nothing around it reads as impatience. The customer does not know why they are doing it, and feels told off rather than helped.',
    instead: 'Ask, and say why: "Could you restart the router? That clears the stuck connection."',
  },
  examples: {
    invalid: [
      { text: 'Restart the router.', excerpt: 'Restart the router.' },
      'Reinstall the driver and it will work.',
      { text: 'You need to update Windows. Then reboot.', customer: 'My laptop keeps freezing.' },
      'Update the app and log in again.',
      { text: 'If that fails, reinstall the driver.', excerpt: 'If that fails, reinstall the driver.' },
      { text: 'Not our team — email the facilities desk.', note: 'an order after a dash, with an ambiguous verb' },
      { text: 'Wrong queue, ask on the staff portal.', note: 'a sure verb followed by where to do it' },
      { text: 'We apologise for any inconvenience. Reinstall the app.', note: 'a stock apology is not courtesy' },
      { text: 'Swap the cable and it will definitely work.', note: '"definitely" mid-sentence is a promise, not courtesy' },
      { text: 'Restart the hub and tell me what the light does.', note: '"tell me" chained to the order is another order' },
    ],
    valid: [
      'Could you restart the router? That clears the stuck connection.',
      'Restart the router so it picks up the new settings.',
      'Thanks for the details! Here are the steps:\n1. Open Settings\n2. Click Update\n3. Restart',
      'Update: the outage is fixed and everything is back to normal.',
      'Let me know if that works.',
      { text: 'Restart it to apply the update.', note: 'the reason is "to apply the update"' },
      'Maybe try clearing the cache first.',
      { text: 'He said "restart it" but that did not help?', note: 'a question, and quoted words' },
      'Email is down for everyone right now; the team is on it.',
      { text: 'Head office will call you about the contract tomorrow.', note: '"Head office" is a noun, not "head to…"' },
      { text: 'Absolutely. Swap the cable and try the call again.', note: 'the answer word opens the reply' },
    ],
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!doc.hasProse) return;
    // Courtesy or softening anywhere in the reply: the instructions are not bare.
    // (A stock "sorry for any inconvenience" or a mid-sentence "definitely" is not courtesy.)
    if (courtesyIn(ctx).length > 0) return;
    // Gushing is the opposite of curt (tone/overfriendly judges it).
    let bangs = 0;
    for (const t of doc.tokens) {
      if (t.quoted) continue;
      if (t.kind === 'emoji') return;
      if (t.kind === 'punct' && t.text.includes('!')) bangs += t.text.length;
    }
    if (bangs >= 2) return;
    const verbs = indexByFirst(ctx.matches('tone.imperative-verbs'));
    if (verbs.size === 0 && ctx.matches('tone.imperative-ambiguous').length === 0) return;
    const ambiguous = indexByFirst(ctx.matches('tone.imperative-ambiguous'));
    const courteous = new Set<number>(ctx.matches('tone.courteous-imperatives').map((m) => m.first));
    const reasons = new Set<number>();
    for (const m of ctx.matches('tone.reason')) {
      if (ctx.isNegated(m) && doc.tokens[m.first]!.norm !== 'otherwise') continue;
      // "need to clear" is not a purpose, "restart it to clear" is.
      if (doc.tokens[m.first]!.norm === 'to' && NOT_PURPOSE_BEFORE_TO.has(doc.tokens[m.first - 1]?.norm ?? '')) continue;
      const s = doc.sentenceAt(m.start);
      if (s) reasons.add(s.index);
    }
    // "Check the article to receive the details": "to" before a verb gives a purpose.
    for (const s of doc.sentences) {
      for (let k = s.contentFirst + 1; k < s.last - 1; k++) {
        if (doc.tokens[k]!.norm !== 'to') continue;
        const v = doc.tokens[k + 1]!;
        if (v.kind !== 'word' || /^\p{Lu}/u.test(v.text)) continue;
        if (NOT_PURPOSE_BEFORE_TO.has(doc.tokens[k - 1]!.norm)) continue;
        if (verbs.has(k + 1) || ambiguous.has(k + 1) || PURPOSE_VERBS.has(v.norm)) reasons.add(s.index);
      }
    }
    // "set the timeout so a stuck request can't…": "so" in mid-sentence gives a reason.
    for (const s of doc.sentences) {
      for (let k = s.contentFirst + 2; k < s.last - 1; k++) {
        if (doc.tokens[k]!.norm === 'so' && !SO_NOT_REASON.has(doc.tokens[k + 1]!.norm)) reasons.add(s.index);
      }
    }
    const found: Array<{ s: Sentence; imp: Imperative }> = [];
    let sawIntro = false;
    for (const s of doc.sentences) {
      const imp = s.question ? undefined : imperativeIn(ctx, s, verbs, ambiguous, courteous) ?? laterImperative(ctx, s, verbs, ambiguous, courteous);
      if (!imp) {
        if (!s.listItem && !s.question) sawIntro = true;
        continue;
      }
      // A list introduced by a sentence of its own is a set of steps, not a string of orders.
      if (s.listItem && sawIntro) continue;
      // "Maybe restart it" is a suggestion, not an order.
      let softened = false;
      for (let k = s.first; k < s.last; k++) if (SOFTENERS.has(doc.tokens[k]!.norm)) softened = true;
      if (softened) continue;
      if (reasons.has(s.index) || (reasons.has(s.index + 1) && !startsWithVerb(doc, s.index + 1, verbs))) continue;
      found.push({ s, imp });
    }
    if (found.length === 0) return;
    if (doc.wordCount > LONG_REPLY_WORDS && found.length * 2 < doc.sentences.length) return;
    for (const { s, imp } of found) {
      const start = doc.tokens[s.contentFirst]!.start;
      ctx.report({
        start,
        end: s.end,
        explanation: imp.telling
          ? 'This tells the customer what they must do, with no "please" and no reason. Asking, and saying why, keeps them on your side.'
          : 'A bare command with no courtesy and no reason reads as impatient. Ask, and say what it will do.',
        suggestion: suggestionFor(ctx, imp),
      });
    }
  },
};

/** The "don't" entry of the verb list, for its reason text. */
function dontMatch(ctx: RuleContext, start: number): PhraseMatch {
  const found = ctx.matches('tone.imperative-verbs').find((m) => m.first === start);
  if (found) return found;
  const t = ctx.doc.tokens[start]!;
  return { list: 'tone.imperative-verbs', entry: dontEntry(ctx), first: start, last: start + 1, start: t.start, end: t.end };
}
function dontEntry(ctx: RuleContext): number {
  const list = ctx.list('tone.imperative-verbs');
  const k = list ? list.entries.findIndex((e) => e.pattern.includes("don't")) : -1;
  return k < 0 ? 0 : k;
}

function indexByFirst(ms: PhraseMatch[]): Map<number, PhraseMatch> {
  const out = new Map<number, PhraseMatch>();
  for (const m of ms) {
    const prev = out.get(m.first);
    if (!prev || m.last > prev.last) out.set(m.first, m);
  }
  return out;
}

/** The sentence at index k opens with a verb (then its reason words belong to it, not to the one before). */
function startsWithVerb(doc: Doc, k: number, verbs: Map<number, PhraseMatch>): boolean {
  const s = doc.sentences[k];
  if (!s) return false;
  const i = mainClauseStart(doc, s);
  return i >= 0 && verbs.has(i);
}
