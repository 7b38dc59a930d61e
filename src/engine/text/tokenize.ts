// A single left-to-right pass that turns prose into tokens with their offsets.
// Written by hand (no regular expressions on unbounded input) because it runs on
// every keystroke and every archived message: its cost is one look at each
// character, and nothing it does can backtrack.

export type TokenKind = 'word' | 'num' | 'punct' | 'emoji' | 'opaque' | 'space';
export type OpaqueKind = 'url' | 'email' | 'path' | 'code' | 'mention';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, curly apostrophes straightened, common dropped-apostrophe typos repaired. */
  norm: string;
  kind: TokenKind;
  opaque?: OpaqueKind;
  /** Inside quotation marks: words the writer is quoting, not saying. */
  quoted?: boolean;
  /** Written in capitals (two letters or more). */
  caps?: boolean;
}

import { work } from '../work.js';
import { lookup } from '../lookup.js';

// Contractions typed without the apostrophe, and only those that are not words themselves.
const CONTRACTION_TYPOS: Readonly<Record<string, string>> = lookup({
  dont: "don't", cant: "can't", didnt: "didn't", doesnt: "doesn't", isnt: "isn't", wasnt: "wasn't",
  werent: "weren't", arent: "aren't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't",
  couldnt: "couldn't", shouldnt: "shouldn't", wouldnt: "wouldn't", wont: "won't", im: "i'm",
  ive: "i've", youre: "you're", youve: "you've", youll: "you'll", theyre: "they're", thats: "that's",
  whats: "what's", theres: "there's", heres: "here's", lets: "let's", itll: "it'll",
  mustnt: "mustn't", neednt: "needn't", wouldve: "would've",
  shouldve: "should've", couldve: "could've", hows: "how's", whos: "who's",
});

const isLetter = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
  (c >= 0x370 && c <= 0x1fff) || (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLowerStart = (c: number): boolean => c >= 97 && c <= 122;
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x202f;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

function isEmojiCodePoint(cp: number): boolean {
  return (
    (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x1f000 && cp <= 0x1f2ff) ||
    (cp >= 0x2b00 && cp <= 0x2bff) || cp === 0x2764 || cp === 0x263a
  );
}
const isEmojiModifier = (cp: number): boolean =>
  cp === 0xfe0f || cp === 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3 || (cp >= 0xe0020 && cp <= 0xe007f);

// Emoticons people type in support chats: ":)", ":-(", ";)", ":D", "xD", "<3".
const EMOTICONS = [':-)', ':-(', ':-D', ':-P', ';-)', ':)', ':(', ':D', ':P', ':p', ';)', ':/', ':-/', '<3', ':O', ':o', "T_T", '^^', ':|', 'xD', 'XD'];

export interface TokenizeOptions {
  /** Ranges that are one opaque token each (URLs, inline code, paths…), sorted. */
  opaque?: Array<{ start: number; end: number; kind: OpaqueKind }>;
}

/**
 * Every token has every field from the start, in the same order: one object
 * shape, so the rules' many reads of `norm`, `kind` and `quoted` stay fast
 * (tokens of several shapes make those reads slow everywhere).
 */
export function makeToken(start: number, end: number, text: string, norm: string, kind: TokenKind, opaque?: OpaqueKind): Token {
  return { start, end, text, norm, kind, opaque, quoted: undefined, caps: undefined };
}

/** Tokenizes text[start, end). Spaces are not returned. */
export function tokenize(text: string, start = 0, end = text.length, options: TokenizeOptions = {}): Token[] {
  work.steps += end - start;
  const tokens: Token[] = [];
  const opaque = options.opaque ?? [];
  let oi = 0;
  let i = start;
  while (i < end) {
    while (oi < opaque.length && opaque[oi]!.end <= i) oi++;
    const op = opaque[oi];
    if (op && op.start <= i) {
      const e = Math.min(op.end, end);
      tokens.push(makeToken(i, e, text.slice(i, e), `<${op.kind}>`, 'opaque', op.kind));
      i = e;
      continue;
    }
    const limit = op ? Math.min(op.start, end) : end;
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isLetter(c) || isDigit(c)) {
      let j = i + 1;
      let digits = isDigit(c);
      let letters = !digits;
      while (j < limit) {
        const d = text.charCodeAt(j);
        if (isLetter(d)) letters = true;
        else if (isDigit(d)) digits = true;
        else if ((isApostrophe(d) || d === 45 || d === 46 || d === 44 || d === 58 || d === 47 || d === 95) && j + 1 < limit) {
          // Joiners stay inside a word only between two word characters: "can't", "e-mail",
          // "v2.3.1", "10,000", "9:30", "24/7", "snake_case". A comma or colon joins digits only.
          const n = text.charCodeAt(j + 1);
          const prev = text.charCodeAt(j - 1);
          const joins = (isLetter(n) || isDigit(n)) && (isLetter(prev) || isDigit(prev));
          if (!joins) break;
          if ((d === 44 || d === 58 || d === 47) && !(isDigit(prev) && isDigit(n))) break;
          if (d === 46 && !(isDigit(n) || (digits && isLetter(n)) || isLetterChain(text, i, j))) break;
        } else break;
        j++;
      }
      // Abbreviations with dots keep their final dot ("e.g.", "i.e.").
      if (j < limit && text.charCodeAt(j) === 46 && isAbbreviationDot(text, i, j)) j++;
      const raw = text.slice(i, j);
      let lower = raw.toLowerCase();
      if (lower.includes('\u2019')) lower = lower.replace(/\u2019/g, "'");
      const norm = CONTRACTION_TYPOS[lower] ?? lower;
      const tok = makeToken(i, j, raw, norm, letters ? 'word' : 'num');
      // Capitals: only a word that starts with one can be all capitals (checked cheaply first).
      if (letters && raw.length >= 2 && !isLowerStart(c) && raw === raw.toUpperCase() && raw !== lower) tok.caps = true;
      tokens.push(tok);
      i = j;
      continue;
    }
    const emoticon = matchEmoticon(text, i, limit);
    if (emoticon) {
      tokens.push(makeToken(i, i + emoticon, text.slice(i, i + emoticon), text.slice(i, i + emoticon).toLowerCase(), 'emoji'));
      i += emoticon;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (isEmojiCodePoint(cp)) {
      let j = i + (cp > 0xffff ? 2 : 1);
      // Keep skin tones, variation selectors and joined sequences with their emoji.
      while (j < limit) {
        const n = text.codePointAt(j)!;
        if (isEmojiModifier(n)) j += n > 0xffff ? 2 : 1;
        else if (text.charCodeAt(j - 1) === 0x200d && isEmojiCodePoint(n)) j += n > 0xffff ? 2 : 1;
        else break;
      }
      tokens.push(makeToken(i, j, text.slice(i, j), text.slice(i, j), 'emoji'));
      i = j;
      continue;
    }
    // Punctuation: a run of the same mark is one token ("!!!", "...", "???"), "?!" too.
    let j = i + (cp > 0xffff ? 2 : 1);
    if (c === 33 || c === 63 || c === 46) {
      while (j < limit && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63 || (c === 46 && text.charCodeAt(j) === 46))) j++;
    } else {
      while (j < limit && text.charCodeAt(j) === c && c !== 34) j++;
    }
    const raw = text.slice(i, j);
    tokens.push(makeToken(i, j, raw, raw === '\u2026' ? '...' : raw, 'punct'));
    i = j;
  }
  return tokens;
}

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'approx', 'dept', 'no', 'a.m', 'p.m', 'u.s', 'u.k', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'min', 'mins', 'sec', 'secs', 'hr', 'hrs', 'ext', 'tel', 'fig', 'ref', 'incl']);

function isAbbreviationDot(text: string, wordStart: number, dot: number): boolean {
  const w = text.slice(wordStart, dot).toLowerCase();
  if (w.length > 6) return false;
  // "No. 5" is a number sign; "No. Open a ticket." is the word "no" ending a sentence.
  if (w === 'no') {
    let k = dot + 1;
    while (k < text.length && text.charCodeAt(k) === 32) k++;
    return k < text.length && (isDigit(text.charCodeAt(k)) || text[k] === '#');
  }
  if (ABBREVIATIONS.has(w)) return true;
  // "e.g" in progress: single letters separated by dots.
  return /^([a-z]\.)+[a-z]$/.test(w);
}

/** "e.g", "i.e", "a.m": single letters joined by dots, where the next letter is followed by a dot too. */
function isLetterChain(text: string, wordStart: number, dot: number): boolean {
  if (dot - wordStart > 5) return false;
  const w = text.slice(wordStart, dot).toLowerCase();
  if (!/^([a-z]\.)*[a-z]$/.test(w)) return false;
  const after = text.charCodeAt(dot + 2);
  return !(isLetter(after) || isDigit(after));
}

function matchEmoticon(text: string, i: number, limit: number): number {
  const c = text[i];
  if (c !== ':' && c !== ';' && c !== '<' && c !== 'T' && c !== '^' && c !== 'x' && c !== 'X') return 0;
  for (const e of EMOTICONS) {
    if (i + e.length <= limit && text.startsWith(e, i)) {
      // An emoticon stands alone: not "10:30", not "xDSL".
      const before = i > 0 ? text.charCodeAt(i - 1) : 32;
      const after = i + e.length < text.length ? text.charCodeAt(i + e.length) : 32;
      if ((isLetter(before) || isDigit(before)) && c !== ':' ) return 0;
      if (isDigit(before)) return 0;
      if (isLetter(after) || isDigit(after)) return 0;
      return e.length;
    }
  }
  return 0;
}
