// Separates what the reader actually reads (prose) from what they do not read as
// the writer's own words: quoted e-mail history, signatures and disclaimers, code
// blocks, pasted logs and stack traces. Works line by line so that every offset
// still points into the original text, and every pattern is anchored on one line
// of bounded length so that no input can make it backtrack for long.

import { work } from '../work.js';

export type BlockKind = 'prose' | 'quote' | 'signature' | 'code' | 'log';

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

interface Line {
  start: number;
  /** End of the line's text, before the line break. */
  end: number;
  text: string;
}

/** Lines longer than this are never tested against the line patterns below. */
const PATTERN_LINE_LIMIT = 400;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push({ start, end: lineEnd, text: text.slice(start, lineEnd) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

const FENCE = /^\s{0,3}(```|~~~)/;
const QUOTE_LINE = /^\s{0,3}>/;
const WROTE_LINE = /^\s*(on\b.{0,200}\bwrote:|le\b.{0,200}\ba écrit\s?:|am\b.{0,200}\bschrieb:)\s*$/i;
const ORIGINAL_MESSAGE = /^[-_= ]{2,40}(original message|forwarded message|begin forwarded message|reply above this line|previous message)[-_=: ]{0,40}$/i;
const HEADER_FROM = /^\s*\**(from|de|von)\s*:\**\s+\S/i;
const HEADER_NEXT = /^\s*\**(sent|date|to|subject|cc|envoyé|gesendet)\s*:/i;
const SIG_DASHES = /^--\s?$/;
// Tested on the trimmed line with runs of white space folded to one space.
const SIG_CLOSING = /^(?:(?:[Bb]est|[Kk]ind|[Ww]arm|[Ww]armest|[Mm]any|[Ww]ith|BEST|KIND) )?(?:[Rr]egards|REGARDS|[Ww]ishes|[Tt]hanks|THANKS|[Cc]heers|[Ss]incerely|[Tt]hank you|[Rr]gds|BR|[Bb]est|[Tt]hx|[Tt]a)\b[,.!]*(?: \p{Lu}[\p{L}'-]*){0,3}$/u;
const SENT_FROM = /^\s*sent from my\s/i;
const CONFIDENTIAL = /\b(?:confidential|privileged)\b/i;
const ADDRESSEE = /\b(?:intended|recipient|addressee)/i;
const DISCLAIMER_WORDS = /\bdisclaimer\b|\bif you (?:have )?received this (?:e-?mail|message) in error\b|\bnot (?:be )?liable\b|\baccepts? no liability\b|\bcannot accept liability\b/i;
const isDisclaimer = (t: string): boolean => (CONFIDENTIAL.test(t) && ADDRESSEE.test(t)) || DISCLAIMER_WORDS.test(t);
const LOG_LINE = /^\s*(\[?\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}|\[?\d{1,2}:\d{2}:\d{2}\]?\s|\[?(ERROR|FATAL|WARN|WARNING|INFO|DEBUG|TRACE|CRITICAL|SEVERE|PANIC|NOTICE|ALERT|EMERG)\]?[:\s]|\w+(\.\w+)*(Error|Exception)\b[:\s]|Traceback \(most recent call last\)|File "[^"]{1,200}", line \d+|at [\w$.<>/]+ ?\(.{0,200}:\d+(:\d+)?\)\s*$|at [\w$.<>]+\.[\w$<>]+\(|#\d+ 0x[0-9a-f]+|(kernel|systemd|sshd|nginx|httpd|postfix|cron|dhclient)(\[\d+\])?:\s|HTTP\/\d(\.\d)? \d{3}\b|(GET|POST|PUT|DELETE|PATCH|HEAD) \/\S*( HTTP\/\d(\.\d)?)?\s*$)/;
const SHELL_PROMPT = /^\s*(\$|#|>>>|PS [A-Z]:\\[^>]{0,200}>|[A-Z]:\\[^>]{0,200}>|[\w.-]{1,40}@[\w.-]{1,60}:[~/][^$#]{0,200}[$#])\s+\S/;

function isLogLike(t: string): boolean {
  return t.length <= PATTERN_LINE_LIMIT && (LOG_LINE.test(t) || SHELL_PROMPT.test(t));
}

/**
 * Splits a message into blocks. Adjacent lines of the same kind form one block;
 * blank lines belong to the prose around them.
 */
export function segment(text: string): Block[] {
  const lines = splitLines(text);
  work.steps += text.length + lines.length;
  const kinds: BlockKind[] = new Array(lines.length).fill('prose');
  let inFence = false;
  let restKind: BlockKind | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.length > PATTERN_LINE_LIMIT ? '' : line.text;
    if (restKind) {
      kinds[i] = restKind;
      continue;
    }
    if (inFence) {
      kinds[i] = 'code';
      if (FENCE.test(t)) inFence = false;
      continue;
    }
    if (FENCE.test(t)) {
      inFence = true;
      kinds[i] = 'code';
      continue;
    }
    if (QUOTE_LINE.test(t)) {
      kinds[i] = 'quote';
      continue;
    }
    if (WROTE_LINE.test(t) || isWroteSplitOverTwoLines(lines, i)) {
      kinds[i] = 'quote';
      // Quoted history follows; with '>' markers it ends where they end, without them it runs to the end.
      const next = nextNonBlank(lines, i + 1);
      if (next === -1 || !QUOTE_LINE.test(lines[next]!.text)) restKind = 'quote';
      continue;
    }
    if (ORIGINAL_MESSAGE.test(t.trim()) || (HEADER_FROM.test(t) && hasHeaderSoon(lines, i))) {
      kinds[i] = 'quote';
      restKind = 'quote';
      continue;
    }
    if (SIG_DASHES.test(line.text) || SENT_FROM.test(t)) {
      kinds[i] = 'signature';
      restKind = 'signature';
      continue;
    }
    if (SIG_CLOSING.test(fold(t)) && looksLikeSignOff(lines, i)) {
      kinds[i] = 'signature';
      restKind = 'signature';
      continue;
    }
    if (t && isDisclaimer(t) && isLateParagraph(lines, i)) {
      kinds[i] = 'signature';
      restKind = 'signature';
      continue;
    }
    if (t && isLogLike(t)) {
      kinds[i] = 'log';
      continue;
    }
  }
  return mergeBlocks(lines, kinds, text.length);
}

/** Trims and folds runs of white space to one space. */
function fold(t: string): string {
  return t.trim().replace(/\s+/g, ' ');
}

function nextNonBlank(lines: Line[], from: number): number {
  for (let j = from; j < lines.length; j++) if (lines[j]!.text.trim() !== '') return j;
  return -1;
}

function isWroteSplitOverTwoLines(lines: Line[], i: number): boolean {
  const a = lines[i]!.text;
  const b = lines[i + 1]?.text ?? '';
  if (a.length > 200 || b.length > 200) return false;
  return /^\s*On\s.{4,}/.test(a) && !/[.!?]\s*$/.test(a) && /\bwrote:\s*$/.test(b);
}

function hasHeaderSoon(lines: Line[], i: number): boolean {
  for (let j = i + 1; j <= i + 4 && j < lines.length; j++) {
    if (HEADER_NEXT.test(lines[j]!.text.slice(0, PATTERN_LINE_LIMIT))) return true;
  }
  return false;
}

/** A closing ("Thanks,", "Best regards, Sam") near the end, followed only by a few short lines. */
function looksLikeSignOff(lines: Line[], i: number): boolean {
  // A closing needs the writer's message before it: "Thanks!" on the first line opens a message.
  if (!lines.slice(0, i).some((l) => l.text.trim() !== '')) return false;
  const rest = lines.slice(i + 1).filter((l) => l.text.trim() !== '');
  if (rest.length > 8) return false;
  // What follows a sign-off is a name, a title, contact details or a disclaimer, not more sentences.
  return rest.every((l) => {
    const t = l.text.slice(0, PATTERN_LINE_LIMIT);
    if (isDisclaimer(t)) return true;
    const words = t.trim().split(/\s+/).length;
    return words <= 8 && !/[?]\s*$/.test(t);
  });
}

function isLateParagraph(lines: Line[], i: number): boolean {
  // Disclaimers come last: nothing but more disclaimer or contact lines may follow.
  return lines.length - i <= 12 && i > 0;
}

function mergeBlocks(lines: Line[], kinds: BlockKind[], length: number): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i]!;
    const line = lines[i]!;
    const blankProse = kind === 'prose' && line.text.trim() === '';
    const last = blocks[blocks.length - 1];
    const start = line.start;
    const end = i + 1 < lines.length ? lines[i + 1]!.start : length;
    if (last && (last.kind === kind || (blankProse && last.kind !== 'prose' && false))) {
      last.end = end;
    } else {
      blocks.push({ kind, start, end });
    }
  }
  return blocks;
}

/** The prose ranges of a message, in order. */
export function proseRanges(blocks: Block[]): Array<[number, number]> {
  return blocks.filter((b) => b.kind === 'prose').map((b) => [b.start, b.end] as [number, number]);
}
