// Whether a technical term is explained where it is used: "DNS (the internet's
// address book)", "the cache — basically copies your browser keeps", "a VPN,
// which is a private tunnel…", "the internet's address book (DNS)", or an
// analogy in the same sentence ("the cache is like a notepad…"). Shared by
// `clarity/jargon` (an explained term is not jargon) and
// `clarity/plain-explanation` (an explained term is a strength).

import type { GlossaryTerm } from '../../phrases/load.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import type { RuleContext } from '../../rule.js';
import type { Doc } from '../../text/doc.js';

export type Explanation = { how: 'paren' | 'dash' | 'after' | 'before' | 'analogy'; start: number; end: number };

type GlossaryMatch = PhraseMatch & { term: GlossaryTerm };

const DASHES = new Set(['—', '–', '-', '--', ':']);
const APPOSITION_OPENERS = new Set(['a', 'an', 'the', 'your', 'basically', 'essentially', 'which', 'i.e.', 'ie', 'aka', 'or', 'meaning', 'that', 'in', 'think', 'simply', 'like', 'it', "it's", 'this', 'those', 'these', 'where', 'what', 'how', 'kind', 'sort']);

/** How (and where) the term at `g` is explained, or undefined. */
export function explanationOf(ctx: RuleContext, g: GlossaryMatch): Explanation | undefined {
  const doc = ctx.doc;
  const toks = doc.tokens;
  const s = doc.sentenceAt(g.start);
  if (!s) return undefined;
  const after = toks[g.last];
  const inSentence = (k: number): boolean => k >= s.first && k < s.last;
  // "DNS (the internet's address book)": a parenthesis that is not just the acronym spelled out.
  if (after && inSentence(g.last) && after.text === '(') {
    const close = findClose(doc, g.last, s.last);
    if (close !== -1 && !isSpelledOut(doc, g.last + 1, close) && !NOT_GLOSS.has(toks[g.last + 1]!.norm)) return { how: 'paren', start: g.start, end: toks[close]!.end };
  }
  // "the internet's address book (DNS)"
  const before = toks[g.first - 1];
  if (before && inSentence(g.first - 1) && before.text === '(' && toks[g.last]?.text === ')' && g.first - 2 >= s.first && toks[g.first - 2]!.kind === 'word' && !toks[g.first - 2]!.caps && !isSpelledOut(doc, g.first, g.last)) {
    const from = Math.max(s.first, g.first - 8);
    return { how: 'before', start: toks[from]!.start, end: toks[g.last]!.end };
  }
  // "DNS — the internet's address book —", "DNS: basically…"
  if (after && inSentence(g.last) && DASHES.has(after.text) && after.start > g.end && inSentence(g.last + 1)) {
    const next = toks[g.last + 1]!;
    if (APPOSITION_OPENERS.has(next.norm) && s.last - (g.last + 1) >= 3 && !clauseWithVerb(doc, g.last + 1, s.last)) {
      return { how: 'dash', start: g.start, end: clauseEnd(doc, g.last + 1, s.last, after.text === ':' ? '' : after.text) };
    }
  }
  // "DNS, which means…", "a VPN, basically a private tunnel", "the cache is basically…"
  for (const m of ctx.matches('clarity.explain-after')) {
    if (!inSentence(m.first)) continue;
    const gap = m.first - g.last;
    if (gap === 0 || (gap === 1 && (toks[g.last]!.text === ',' || DASHES.has(toks[g.last]!.text)))) {
      if (s.last - m.last >= 2 || ctx.doc.tokens[m.last - 1]?.norm === 'means') return { how: 'after', start: g.start, end: clauseEnd(doc, m.first, s.last, '') };
    }
  }
  // "the DHCP lease, which hands your laptop its address": a which-clause saying what it does;
  // "two-step sign-in; it texts you a code whenever someone logs in": the same after a semicolon or dash.
  {
    let k = g.last;
    const sep = toks[k]?.text;
    if ((sep === ',' || sep === ';' || sep === '—' || sep === '–') && inSentence(k)) k++;
    const verb = toks[k + 1];
    const opener = toks[k]?.norm;
    const itOk = (opener === 'it' || opener === 'this' || opener === 'that') && (sep === ';' || sep === '—' || sep === '–');
    if ((opener === 'which' || itOk) && inSentence(k + 1) && verb && verb.kind === 'word' && /[a-z]s$/.test(verb.norm) && !['is', 'was', 'has', 'does', 'needs', 'looks', 'seems'].includes(verb.norm) && s.last - (k + 2) >= 2) {
      return { how: 'after', start: g.start, end: clauseEnd(doc, k, s.last, '') };
    }
  }
  // "An eSIM is a SIM card that's built into your phone", "the PUK is an unlock code for the SIM":
  // the term as the subject of a definition ("is a/an …") with a few words to say what it is.
  {
    const subject = g.first === s.contentFirst || (g.first - 1 >= s.first && DEFINITE.has(toks[g.first - 1]!.norm) && (g.first - 1 === s.contentFirst || toks[g.first - 2]?.kind === 'punct'));
    const verb = toks[g.last]?.norm;
    const next = toks[g.last + 1]?.norm ?? '';
    const third = toks[g.last + 2]?.norm ?? '';
    if (subject && (verb === 'is' || verb === 'are') && DEFINERS.has(next) && !NOT_DEFINITION.has(third) && wordsIn(doc, g.last + 2, s.last) >= 4) {
      return { how: 'after', start: g.start, end: s.end };
    }
  }
  // An analogy in the same sentence: "your cache is like a notepad…"
  for (const m of ctx.matches('clarity.analogy')) {
    if (inSentence(m.first) && !ctx.isNegated(m)) return { how: 'analogy', start: Math.min(g.start, m.start), end: s.end };
  }
  return undefined;
}

const DEFINITE = new Set(['the', 'a', 'an', 'your', 'our', 'this', 'that']);
/** What a definition starts with after "is": "is a …", "is basically …", "is just …". */
const DEFINERS = new Set(['a', 'an', 'basically', 'essentially', 'simply', 'just', 'like', 'kind', 'sort', 'what', 'how', 'where', 'when']);
/** "The server is a bit slow", "the VPN is a problem today": not definitions. */
const NOT_DEFINITION = new Set(['bit', 'little', 'lot', 'problem', 'issue', 'few', 'known', 'new', 'common', 'temporary', 'big', 'real', 'pain', 'nightmare', 'mess', 'scam', 'fake', 'fault', 'bug', 'mistake', 'good', 'bad']);

function wordsIn(doc: Doc, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (doc.tokens[k]!.kind === 'word') n++;
  return n;
}

/** A parenthesis that opens with these is a side note, not a gloss: "(this won't delete anything)". */
const NOT_GLOSS = new Set(['this', 'it', "it's", 'that', 'you', "you'll", 'we', "we'll", 'i', "don't", "won't", 'if', 'or', 'and', 'see', 'e.g.', 'optional', 'only', 'not', 'no', 'just', 'please', 'on', 'in', 'for', 'from', 'at', 'with', 'under', 'top', 'bottom', 'left', 'right']);
const FINITE = new Set(['is', 'are', 'was', 'were', 'will', 'has', 'have', 'had', "'ll", 'can', 'should', 'would', 'could', 'may', 'might', "isn't", "won't", 'does', 'did']);

/** "login — the new password is…": a clause, not an apposition that explains the term. */
function clauseWithVerb(doc: Doc, from: number, last: number): boolean {
  const first = doc.tokens[from]!.norm;
  if (first === 'basically' || first === 'which' || first === 'i.e.' || first === 'ie' || first === 'aka' || first === 'meaning' || first === 'think') return false;
  for (let k = from; k < last && k < from + 5; k++) if (FINITE.has(doc.tokens[k]!.norm)) return true;
  return false;
}

function findClose(doc: Doc, open: number, last: number): number {
  for (let k = open + 1; k < last && k < open + 30; k++) if (doc.tokens[k]!.text === ')') return k;
  return -1;
}

/** "(Domain Name System)": the acronym spelled out in capitalised words is no explanation. */
function isSpelledOut(doc: Doc, a: number, b: number): boolean {
  if (b - a < 1) return true;
  let words = 0;
  let caps = 0;
  for (let k = a; k < b; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word') continue;
    words++;
    if (/^[A-Z]/.test(t.text) || ['of', 'for', 'and', 'the', 'to', 'in', 'on'].includes(t.norm)) caps++;
  }
  return words > 0 && caps === words && words <= 6;
}

/** End offset of an explanation clause: to the matching dash, a closing parenthesis, or the sentence end. */
function clauseEnd(doc: Doc, from: number, last: number, dash: string): number {
  for (let k = from; k < last; k++) {
    const t = doc.tokens[k]!;
    if (dash && t.text === dash) return doc.tokens[k - 1]!.end;
    if (t.text === ';' || t.text === ')') return doc.tokens[k - 1]!.end;
  }
  let end = last - 1;
  while (end > from && doc.tokens[end]!.kind === 'punct') end--;
  return doc.tokens[end]!.end;
}

/** The glossary terms of a message, with their first occurrence, prose only, unquoted. */
export function termsInProse(ctx: RuleContext): GlossaryMatch[] {
  return ctx.glossary().filter((g) => !ctx.isQuoted(g) && ctx.doc.tokens[g.first]?.kind !== 'opaque');
}
