// Helpers the tone rules share: where an instruction starts in a sentence,
// reported speech, rewriting a sentence without some words, and how upset the
// customer is. Pure functions over the Doc; no regular expressions over
// unbounded text.

import type { RuleContext } from '../../rule.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import type { Doc, Sentence } from '../../text/doc.js';
import type { Token } from '../../text/tokenize.js';

/** Words that may come before an instruction without changing it ("Now restart it", "OK, then reboot"). */
export const LEAD_SKIP = new Set([
  'now', 'then', 'next', 'first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'also', 'and', 'ok', 'okay', 'k', 'so',
  'right', 'alright', 'well', 'just', 'simply', 'finally', 'lastly', 'afterwards', 'afterward', 'again', 'quickly', 'basically',
  'anyway', 'oh', 'hey', 'instead', 'meanwhile', 'otherwise', 'still', 'sure', 'unfortunately', 'but', 'or', 'fine', 'great',
  'cool', 'perfect', 'thus', 'hence', 'therefore', 'ah', 'hmm', 'um', 'alternatively', 'additionally', 'plus',
]);
/** Interjections skipped only before a comma ("No, restart it"). */
const COMMA_LEADS = new Set(['no', 'nope', 'yes', 'yeah', 'yep', 'sorry', 'look', 'listen', 'see', 'honestly', 'seriously']);
/** Words that open a clause before the main one ("If that fails, reinstall it"). */
const CLAUSE_OPENERS = new Set(['if', 'when', 'once', 'after', 'before', 'while', 'whenever', 'as', 'for', 'in', 'on', 'from', 'within', 'until', 'unless', 'with', 'without', 'during', 'whether']);
/** Opening a sentence with a purpose or cause is a reason: "To fix this, restart the router." */
const PURPOSE_OPENERS = new Set(['to', 'because', 'since']);

const isWordish = (t: Token | undefined): boolean => !!t && (t.kind === 'word' || t.kind === 'num');

/**
 * The token where a sentence's main clause starts, after list markers, lead
 * words ("then", "ok,") and an opening condition ("If that fails, …").
 * Returns -1 when the sentence opens with a purpose ("To fix this, …") or the
 * condition never ends.
 */
export function mainClauseStart(doc: Doc, s: Sentence): number {
  let i = s.contentFirst;
  let hops = 0;
  while (i < s.last && hops < 12) {
    hops++;
    const t = doc.tokens[i]!;
    if (t.kind === 'punct' || t.kind === 'emoji') {
      if (t.text === '?' || t.text === '"' || t.text === '\u201c') return -1;
      i++;
      continue;
    }
    if (t.kind !== 'word') return i;
    const next = doc.tokens[i + 1];
    if (LEAD_SKIP.has(t.norm)) { i++; continue; }
    if (COMMA_LEADS.has(t.norm) && next?.text === ',') { i += 2; continue; }
    if (t.norm === 'after' && next?.norm === 'that') { i += 2; continue; }
    if (t.norm === 'as' && next?.norm !== 'soon') return -1;
    if (PURPOSE_OPENERS.has(t.norm) || (t.norm === 'in' && next?.norm === 'order')) return -1;
    if (CLAUSE_OPENERS.has(t.norm) || (t.norm === 'as' && next?.norm === 'soon')) {
      let j = i + 1;
      while (j < s.last && j - i <= 14 && doc.tokens[j]!.text !== ',') j++;
      if (j < s.last && doc.tokens[j]!.text === ',') { i = j + 1; continue; }
      return -1;
    }
    return i;
  }
  return i < s.last ? i : -1;
}

/** Index of the next word token after i in the sentence, skipping nothing else. */
export function nextToken(doc: Doc, s: Sentence, i: number): Token | undefined {
  return i + 1 < s.last ? doc.tokens[i + 1] : undefined;
}

const REPORT_VERBS = new Set(['said', 'says', 'wrote', 'writes', 'written', 'called', 'calls', 'mentioned', 'described', 'typed', 'quote', 'quoting', 'quoted', 'reads', 'posted', 'tweeted', 'shouted', 'yelled', 'screamed', 'message:', 'subject']);

const REPORTERS = new Set(['you', 'they', 'he', 'she', 'customer', 'user', 'it', 'error', 'message', 'log', 'screen', 'email', 'e-mail', 'also', 'just', 'literally', 'actually', 'i', 'we', 'someone', 'somebody', 'people', 'popup', 'pop-up', 'warning', 'prompt', 'page', 'banner', 'notice', 'text', 'ticket', "you've", "they've", 'already', 'originally', 'earlier']);

/** The agent is reporting someone's words: "you said the app is garbage", "the error says…". */
export function isReported(doc: Doc, m: { first: number }): boolean {
  const s = doc.sentenceAt(doc.tokens[m.first]!.start);
  if (!s) return false;
  for (let k = Math.max(s.first, m.first - 10); k < m.first; k++) {
    if (!REPORT_VERBS.has(doc.tokens[k]!.norm)) continue;
    // "you said it was garbage", "the error says…", "…wrote: …" — not "whoever wrote your pipeline".
    const before = doc.tokens[k - 1]?.norm ?? '';
    const after = doc.tokens[k + 1]?.text ?? '';
    if (REPORTERS.has(before) || after === ':' || after === '"' || after === '\u201c' || after === 'that') return true;
  }
  return false;
}

/** A match the agent means: not quoted, not someone else's words. */
export function own(ctx: RuleContext, listId: string): PhraseMatch[] {
  return ctx.matches(listId).filter((m) => !ctx.isQuoted(m) && !isReported(ctx.doc, m));
}

export function sentenceOf(doc: Doc, m: { first: number }): Sentence | undefined {
  const t = doc.tokens[m.first];
  return t ? doc.sentenceAt(t.start) : undefined;
}

/** Upper-cases the first letter. */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Lower-cases the first letter unless the word looks like a name or acronym ("VPN", "Outlook" stays). */
export function decap(s: string, firstToken?: Token): string {
  if (firstToken && (firstToken.caps || KEEP_CASE.has(firstToken.norm))) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}
const KEEP_CASE = new Set(['i', "i'm", "i'll", "i've", "i'd", 'windows', 'outlook', 'chrome', 'teams', 'excel', 'word', 'zoom', 'mac', 'safari', 'firefox', 'edge']);

/**
 * The sentence rewritten without the given token ranges. A comma right after a
 * removed range goes too, spacing is tidied, and the first letter is
 * capitalised when the sentence lost its opening words.
 */
export function sentenceWithout(doc: Doc, s: Sentence, remove: Array<{ first: number; last: number }>): string {
  const drop = new Uint8Array(s.last - s.first);
  for (const r of remove) {
    for (let k = Math.max(r.first, s.first); k < Math.min(r.last, s.last); k++) drop[k - s.first] = 1;
    // a comma or dash right after the removed words
    const after = doc.tokens[r.last];
    if (r.last < s.last && after && after.kind === 'punct' && (after.text === ',' || after.text === '\u2014' || after.text === '-')) drop[r.last - s.first] = 1;
    // a comma right before, when the removed words end the clause ("save first, obviously.")
    const before = doc.tokens[r.first - 1];
    const next = doc.tokens[r.last];
    if (r.first - 1 >= s.contentFirst && before?.text === ',' && (!next || next.kind === 'punct')) drop[r.first - 1 - s.first] = 1;
  }
  let out = '';
  let prev: Token | undefined;
  let firstKept = true;
  for (let k = s.contentFirst; k < s.last; k++) {
    if (drop[k - s.first]) continue;
    const t = doc.tokens[k]!;
    if (firstKept && t.kind === 'punct' && t.text !== '"' && t.text !== '(') continue;
    let text = t.text;
    if (firstKept) {
      text = cap(text);
      firstKept = false;
    } else if (prev) {
      const gap = doc.text.slice(prev.end, t.start);
      const needsSpace = gap.length > 0 || (prev.end !== t.start);
      out += needsSpace ? (t.kind === 'punct' && /^[.,!?;:)]/.test(t.text) ? '' : ' ') : '';
    }
    out += text;
    prev = t;
  }
  return out.trim();
}

/** Number of word tokens in a rewritten sentence (cheap split on spaces). */
export function wordsIn(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
    if (letter && !inWord) n++;
    inWord = letter;
  }
  return n;
}

/** Text of tokens [from, to) of the sentence with original spacing, without trailing terminal punctuation. */
export function textFrom(doc: Doc, from: number, to: number): string {
  let end = to;
  while (end > from && doc.tokens[end - 1]!.kind === 'punct' && /^[.!?;:,]+$/.test(doc.tokens[end - 1]!.text)) end--;
  while (end > from && doc.tokens[end - 1]!.kind === 'emoji') end--;
  if (end <= from) return '';
  return doc.text.slice(doc.tokens[from]!.start, doc.tokens[end - 1]!.end);
}

const UPSET = ['frustration', 'anger', 'abuse', 'anxiety'] as const;

/** The customer's messages since the last agent reply show frustration, anger, abuse or worry. */
export function customerUpset(ctx: RuleContext): boolean {
  for (const u of UPSET) if (ctx.customer.recentSignals.has(u)) return true;
  return false;
}

/** The customer's latest messages contain one of these words (lower case). */
export function customerSaid(ctx: RuleContext, words: ReadonlySet<string>): boolean {
  for (const m of ctx.customer.recent) for (const t of m.doc.tokens) if (!t.quoted && words.has(t.norm)) return true;
  return false;
}

/** A word before the match in its sentence makes it conditional or hedged ("if you didn't get…"). */
export function hedgedBefore(doc: Doc, m: { first: number }, words: ReadonlySet<string>, window = 12): boolean {
  const s = sentenceOf(doc, m);
  if (!s) return false;
  let from = Math.max(s.first, m.first - window);
  // A condition ends at a comma or semicolon: "when you registered, so you should have…" is not hedged.
  for (let k = m.first - 1; k >= from; k--) {
    const t = doc.tokens[k]!.text;
    if (t === ',' || t === ';') { from = k + 1; break; }
  }
  for (let k = from; k < m.first; k++) {
    const n = doc.tokens[k]!.norm;
    if (words.has(n)) return true;
    if (n === 'case' && doc.tokens[k - 1]?.norm === 'in') return true;
  }
  return false;
}

/** Answer words that are courtesy only as the answer itself ("Absolutely! …"), not mid-sentence ("it'll definitely fix it"). */
const ANSWER_WORDS = new Set(['absolutely', 'definitely', 'certainly', 'sure', 'for']);
/** After "sorry / apologies / we apologise for": stock words that name nothing. */
const STOCK_AFTER_FOR = new Set(['the', 'any']);
const STOCK_NOUNS = new Set(['inconvenience', 'inconveniences', 'trouble', 'hassle', 'bother', 'disruption', 'confusion', 'issues', 'problems']);

/** "Sorry for the inconvenience", "We apologise for any inconvenience": a stock phrase, not courtesy. */
export function isStockApology(doc: Doc, m: { first: number; last: number }): boolean {
  const head = doc.tokens[m.last - 1]?.norm ?? '';
  if (!APOLOGY_HEADS.has(head)) return false;
  if (doc.tokens[m.last]?.norm !== 'for') return false;
  const det = doc.tokens[m.last + 1]?.norm ?? '';
  if (!STOCK_AFTER_FOR.has(det)) return false;
  // "sorry for the wait" names something; "sorry for any inconvenience" does not.
  return det === 'any' || STOCK_NOUNS.has(doc.tokens[m.last + 2]?.norm ?? '');
}
const CHAINED = new Set(['and', 'then', ',']);
const APOLOGY_HEADS = new Set(['sorry', 'apologies', 'apologise', 'apologize']);

/**
 * Courtesy in the reply as the agent means it: not quoted, not a stock
 * apology, and answer words ("absolutely", "definitely") only where they open
 * a sentence.
 */
export function courtesyIn(ctx: RuleContext): PhraseMatch[] {
  const doc = ctx.doc;
  return own(ctx, 'tone.courtesy').filter((m) => {
    if (isStockApology(doc, m)) return false;
    // "Check the logs and tell me what you find": one more order in the chain, not an invitation.
    if (doc.tokens[m.first]!.norm === 'tell' && CHAINED.has(doc.tokens[m.first - 1]?.norm ?? '')) return false;
    if (ANSWER_WORDS.has(doc.tokens[m.first]!.norm)) {
      const s = sentenceOf(doc, m);
      if (!s) return false;
      let k = s.contentFirst;
      while (k < m.first && doc.tokens[k]!.kind !== 'word') k++;
      if (k !== m.first) return false;
    }
    return true;
  });
}

export { isWordish };
