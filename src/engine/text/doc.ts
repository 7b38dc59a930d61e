// One message's text, read once: blocks (prose vs quoted history, code, logs,
// signatures), inline spans the reader does not read as prose (URLs, e-mail
// addresses, paths, inline code), quotations, tokens, sentences and paragraphs.
// Every rule works from this object, so the text is tokenised exactly once.

import { segment, type Block } from './segment.js';
import { work } from '../work.js';
import { tokenize, type OpaqueKind, type Token } from './tokenize.js';
import { lookup } from '../lookup.js';

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Token indexes [first, last) into Doc.tokens. */
  first: number;
  last: number;
  /** First token after a list marker ("1.", "-", "•"), or `first`. */
  contentFirst: number;
  listItem: boolean;
  paragraph: number;
  /** Ends with a question mark. */
  question: boolean;
}

export interface Paragraph {
  start: number;
  end: number;
  firstSentence: number;
  lastSentence: number;
  words: number;
}

export interface Span {
  start: number;
  end: number;
}

const NEGATORS = new Set([
  'not', 'no', 'never', 'without', 'nothing', 'none', 'neither', 'nor', 'cannot', 'nobody', 'nowhere', 'hardly',
  "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "isn't", "aren't",
  "wasn't", "weren't", "haven't", "hasn't", "hadn't", "mustn't", "needn't", "ain't",
]);
/** How many tokens after a negator its scope reaches. */
const NEGATION_WINDOW = 5;
const SCOPE_BREAKERS = new Set([',', ';', ':', '\u2014', '\u2013', '-', '(', ')', 'but', 'however', 'although', 'though', 'and', 'so', 'because', 'if']);

export class Doc {
  readonly text: string;
  readonly blocks: Block[];
  readonly tokens: Token[];
  readonly sentences: Sentence[];
  readonly paragraphs: Paragraph[];
  readonly opaque: Array<Span & { kind: OpaqueKind }>;
  readonly quotes: Span[];
  /** negated[i]: token i sits in the scope of a negation before it in its sentence. */
  readonly negated: Uint8Array;
  /** Number of prose words (word and number tokens outside quotes and opaque spans). */
  readonly wordCount: number;

  constructor(text: string) {
    this.text = text;
    this.blocks = segment(text);
    this.opaque = [];
    this.quotes = [];
    const tokens: Token[] = [];
    for (const b of this.blocks) {
      if (b.kind !== 'prose') continue;
      const spans = findOpaqueSpans(text, b.start, b.end);
      this.opaque.push(...spans);
      const blockTokens = dropSpeakerLabels(text, tokenize(text, b.start, b.end, { opaque: spans }));
      for (const t of blockTokens) tokens.push(t);
    }
    this.tokens = tokens;
    this.quotes = markQuotations(text, tokens);
    const { sentences, paragraphs } = splitSentences(text, tokens);
    this.sentences = sentences;
    this.paragraphs = paragraphs;
    this.negated = markNegation(tokens, sentences);
    let words = 0;
    for (const t of tokens) if ((t.kind === 'word' || t.kind === 'num') && !t.quoted) words++;
    this.wordCount = words;
  }

  sentenceTokens(s: Sentence): Token[] {
    return this.tokens.slice(s.first, s.last);
  }

  /** The sentence holding a character offset, or undefined. */
  sentenceAt(offset: number): Sentence | undefined {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  /** Index of the first token starting at or after offset. */
  tokenIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when some prose is present (not only quotes, code, logs or a signature). */
  get hasProse(): boolean {
    return this.wordCount > 0;
  }
}

// Phone transcripts and pasted chats label their lines: "Agent: …", "Caller: …".
// The label is not something the writer said.
const SPEAKER_LABELS = new Set(['agent', 'caller', 'customer', 'user', 'tech', 'technician', 'support', 'rep', 'client', 'operator', 'me', 'helpdesk', 'engineer', 'analyst']);

function dropSpeakerLabels(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const colon = tokens[i + 1];
    if (t.kind === 'word' && colon && SPEAKER_LABELS.has(t.norm) && colon.text === ':' && colon.start === t.end) {
      const lineStart = text.lastIndexOf('\n', t.start - 1) + 1;
      if (text.slice(lineStart, t.start).trim() === '') {
        i++;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Inline spans: found with indexOf and hand-written loops, never with a regex
// that could backtrack over a long run of characters.

const URL_STOP = new Set([' ', '\t', '\n', '\r', '<', '>', '"', '`', '\u00a0']);
const TRAILING_PUNCT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', "'", '\u2019', '\u201d']);
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;

function findOpaqueSpans(text: string, start: number, end: number): Array<Span & { kind: OpaqueKind }> {
  const spans: Array<Span & { kind: OpaqueKind }> = [];
  const lower = text.slice(start, end).toLowerCase();
  work.steps += lower.length;
  const add = (s: number, e: number, kind: OpaqueKind): void => {
    if (e > s) spans.push({ start: start + s, end: start + e, kind });
  };
  // URLs
  for (const marker of ['http://', 'https://', 'www.', 'ftp://', 'file://']) {
    let from = 0;
    for (;;) {
      const i = lower.indexOf(marker, from);
      if (i === -1) break;
      if (marker === 'www.' && i >= 3 && lower.slice(i - 3, i) === '://') { from = i + 4; continue; }
      let j = i + marker.length;
      while (j < lower.length && !URL_STOP.has(lower[j]!)) j++;
      while (j > i + marker.length && TRAILING_PUNCT.has(lower[j - 1]!)) j--;
      if (j > i + marker.length) add(i, j, 'url');
      from = Math.max(j, i + 1);
    }
  }
  // E-mail addresses and @mentions
  let from = 0;
  for (;;) {
    const at = lower.indexOf('@', from);
    if (at === -1) break;
    let l = at;
    while (l > 0 && l > at - 64 && EMAIL_LOCAL.test(lower[l - 1]!)) l--;
    let r = at + 1;
    while (r < lower.length && r < at + 255 && EMAIL_DOMAIN.test(lower[r]!)) r++;
    while (r > at + 1 && lower[r - 1] === '.') r--;
    const domain = lower.slice(at + 1, r);
    if (l < at && domain.includes('.') && !domain.startsWith('.')) add(l, r, 'email');
    else if (l === at && r > at + 1 && (at === 0 || /\s|\(/.test(lower[at - 1]!))) {
      let m = at + 1;
      while (m < lower.length && m < at + 40 && /[a-z0-9_]/.test(lower[m]!)) m++;
      if (m > at + 1) add(at, m, 'mention');
    }
    from = Math.max(r, at + 1);
  }
  // Inline code between backticks on one line
  from = 0;
  for (;;) {
    const a = lower.indexOf('`', from);
    if (a === -1) break;
    const nl = lower.indexOf('\n', a);
    const lineEnd = nl === -1 ? lower.length : nl;
    const b = lower.indexOf('`', a + 1);
    if (b !== -1 && b < lineEnd && b > a + 1) {
      add(a, b + 1, 'code');
      from = b + 1;
    } else from = a + 1;
  }
  // File paths: C:\..., \\server\share, /etc/..., ~/..., ./...
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    const prev = i > 0 ? lower[i - 1]! : ' ';
    if (!(prev === ' ' || prev === '\t' || prev === '\n' || prev === '(' || prev === '"' || prev === "'")) continue;
    let isPath = false;
    if (/[a-z]/.test(c) && lower[i + 1] === ':' && lower[i + 2] === '\\') isPath = true;
    else if (c === '\\' && lower[i + 1] === '\\') isPath = true;
    else if ((c === '/' && /[a-z0-9_.~-]/.test(lower[i + 1] ?? ' ')) || ((c === '~' || c === '.') && lower[i + 1] === '/' && /[a-z0-9_.-]/.test(lower[i + 2] ?? ' '))) {
      // a path needs a second separator: "/etc/hosts", not "/s" or "and/or"
      let k = i + 1;
      let seps = 0;
      while (k < lower.length && !URL_STOP.has(lower[k]!)) {
        if (lower[k] === '/') seps++;
        k++;
      }
      isPath = seps >= 1 || c === '~';
    }
    if (!isPath) continue;
    let j = i;
    while (j < lower.length && !URL_STOP.has(lower[j]!)) j++;
    while (j > i + 1 && TRAILING_PUNCT.has(lower[j - 1]!)) j--;
    add(i, j, 'path');
    i = j;
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop spans nested in earlier ones (a path inside a URL, an e-mail inside inline code).
  const out: Array<Span & { kind: OpaqueKind }> = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

const OPEN_QUOTES: Readonly<Record<string, string>> = lookup({ '"': '"', '\u201c': '\u201d', '\u2018': '\u2019', "'": "'", '\u00ab': '\u00bb' });
const MAX_QUOTE_TOKENS = 60;

/** Marks tokens inside quotation marks (on one line) as quoted and returns the quoted spans. */
function markQuotations(text: string, tokens: Token[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    const close = OPEN_QUOTES[t.text];
    if (!close) continue;
    // A straight single quote opens a quotation only after a space or line start.
    if (t.text === "'" && t.start > 0 && !/\s|\(/.test(text[t.start - 1]!)) continue;
    let j = i + 1;
    let found = -1;
    while (j < tokens.length && j - i <= MAX_QUOTE_TOKENS) {
      const u = tokens[j]!;
      if (text.lastIndexOf('\n', u.start) > t.start) break;
      if (u.kind === 'punct' && u.text === close) {
        if (close !== "'" || u.end >= text.length || !/\p{L}/u.test(text[u.end]!)) {
          found = j;
          break;
        }
      }
      j++;
    }
    if (found > i + 1) {
      for (let k = i + 1; k < found; k++) tokens[k]!.quoted = true;
      spans.push({ start: tokens[i + 1]!.start, end: tokens[found - 1]!.end });
      i = found;
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------
// Sentences and paragraphs

const TERMINAL = /^[.!?]+$|^\.\.\.$|^\u2026$|^[!?][!?.]*$/;

function isListMarker(tokens: Token[], i: number, text: string): number {
  // Returns how many tokens form a list marker starting at i (0 when none).
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (t.kind === 'punct' && /^[-*\u2022\u2013\u25cf\u25aa>]$/.test(t.text) && next) return 1;
  if ((t.kind === 'num' || (t.kind === 'word' && t.text.length === 1)) && next && next.kind === 'punct' && (next.text === '.' || next.text === ')') && next.start === t.end) {
    const after = tokens[i + 2];
    if (after && after.start > next.end) return 2;
  }
  if (t.kind === 'word' && t.norm === 'step' && next && next.kind === 'num') {
    const colon = tokens[i + 2];
    return colon && colon.kind === 'punct' && (colon.text === ':' || colon.text === '.' || colon.text === ')') ? 3 : 2;
  }
  void text;
  return 0;
}

function splitSentences(text: string, tokens: Token[]): { sentences: Sentence[]; paragraphs: Paragraph[] } {
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  let paragraph = 0;
  let first = 0;
  let paraFirstSentence = 0;
  let paraWords = 0;

  const closeSentence = (last: number): void => {
    if (last <= first) return;
    const startTok = tokens[first]!;
    const endTok = tokens[last - 1]!;
    let contentFirst = first;
    let listItem = false;
    if (first === 0 || lineBreakBetween(text, tokens[first - 1]!.end, startTok.start) > 0) {
      const m = isListMarker(tokens, first, text);
      if (m > 0 && first + m < last) {
        contentFirst = first + m;
        listItem = true;
      }
    }
    let q = last - 1;
    while (q > first && (tokens[q]!.kind === 'emoji' || (tokens[q]!.kind === 'punct' && /^[)"'\u201d\u2019\]]$/.test(tokens[q]!.text)))) q--;
    const question = tokens[q]!.kind === 'punct' && tokens[q]!.text.includes('?');
    for (let k = first; k < last; k++) if (tokens[k]!.kind === 'word' || tokens[k]!.kind === 'num') paraWords++;
    sentences.push({ index: sentences.length, start: startTok.start, end: endTok.end, first, last, contentFirst, listItem, paragraph, question });
    first = last;
  };
  const closeParagraph = (): void => {
    if (sentences.length > paraFirstSentence) {
      const s0 = sentences[paraFirstSentence]!;
      const s1 = sentences[sentences.length - 1]!;
      paragraphs.push({ start: s0.start, end: s1.end, firstSentence: paraFirstSentence, lastSentence: sentences.length, words: paraWords });
      paragraph++;
    }
    paraFirstSentence = sentences.length;
    paraWords = 0;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    const breaks = lineBreakBetween(text, t.end, next.start);
    if (breaks > 0) {
      const blank = breaks > 1;
      // A wrapped line continues its sentence; a blank line, a list item or a finished sentence does not.
      const continues = !blank && !TERMINAL.test(t.text) && t.text !== ':' && next.kind === 'word' && /^\p{Ll}/u.test(next.text) && isListMarker(tokens, i + 1, text) === 0;
      if (!continues || blank) {
        closeSentence(i + 1);
        if (blank || isBlockGap(text, t.end, next.start)) closeParagraph();
      }
      continue;
    }
    if (t.kind === 'punct' && TERMINAL.test(t.text) && !t.quoted) {
      // The dot of a list marker ("1. Open…") does not end anything.
      if (i === first + 1 && isListMarker(tokens, first, text) === 2) continue;
      // "e.g." and "v2.1" are single tokens already; a full stop before a lower-case word is not an end.
      if (t.text === '.' && next.kind === 'word' && /^\p{Ll}/u.test(next.text)) continue;
      // A dot with no space after it joins a name ("Sites.Read.All", "System.IO"); it ends nothing.
      if (t.text === '.' && next.start === t.end && (next.kind === 'word' || next.kind === 'num')) continue;
      if (next.kind === 'punct' && /^[)"'\u201d\u2019\]]$/.test(next.text)) continue;
      if (next.kind === 'emoji') continue;
      closeSentence(i + 1);
      continue;
    }
    if (t.kind === 'emoji' && next.kind !== 'emoji' && next.kind !== 'punct' && (t.end < next.start)) {
      // "Thanks 😊 Have a nice day": an emoji between sentences ends the first one.
      if (next.kind === 'word' && /^\p{Lu}/u.test(next.text)) closeSentence(i + 1);
    }
  }
  closeSentence(tokens.length);
  closeParagraph();
  return { sentences, paragraphs };
}

/** Number of line breaks between two offsets (0 when on one line). Bounded scan. */
function lineBreakBetween(text: string, a: number, b: number): number {
  let n = 0;
  work.steps += b - a;
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Something other than prose (a code block, a quote) sits between two prose tokens. */
function isBlockGap(text: string, a: number, b: number): boolean {
  return b - a > 1 && text.slice(a, b).trim() !== '';
}

function markNegation(tokens: Token[], sentences: Sentence[]): Uint8Array {
  const negated = new Uint8Array(tokens.length);
  for (const s of sentences) {
    let scope = 0;
    for (let i = s.first; i < s.last; i++) {
      const t = tokens[i]!;
      if (scope > 0) {
        if (SCOPE_BREAKERS.has(t.norm) || (t.kind === 'punct' && TERMINAL.test(t.text))) scope = 0;
        else {
          negated[i] = 1;
          scope--;
        }
      }
      if (NEGATORS.has(t.norm) || t.norm.endsWith("n't")) scope = NEGATION_WINDOW;
    }
  }
  return negated;
}
