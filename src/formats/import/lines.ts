// Lines from a byte stream, one at a time, with a ceiling on a line's length:
// a file with one gigantic line (or no line breaks at all) is reported, not
// loaded whole into memory. node:readline has no such ceiling.

import type { Readable } from 'node:stream';
import { DEFAULT_MAX_RECORD_BYTES } from './util.js';

export type Line =
  | { n: number; ok: true; text: string }
  | { n: number; ok: false; bytes: number };

const NL = 0x0a;

/**
 * Yields every line (1-based `n`, without its line break or a trailing CR; the
 * first line without a byte-order mark). A line longer than `maxBytes` comes
 * out as `{ok: false, bytes}` and its bytes are dropped as they arrive.
 * Invalid UTF-8 is decoded with replacement characters.
 */
export async function* readLines(input: Readable, maxBytes = DEFAULT_MAX_RECORD_BYTES): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8');
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = 0;
  let n = 0;
  const finish = (): Line => {
    n++;
    if (overflow > 0) {
      const bytes = overflow;
      overflow = 0;
      parts = [];
      size = 0;
      return { n, ok: false, bytes };
    }
    const buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    let text = decoder.decode(buf);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { n, ok: true, text };
  };
  const add = (piece: Buffer): void => {
    if (piece.length === 0) return;
    if (overflow > 0) {
      overflow += piece.length;
      return;
    }
    if (size + piece.length > maxBytes) {
      overflow = size + piece.length;
      parts = [];
      size = 0;
      return;
    }
    parts.push(piece);
    size += piece.length;
  };
  for await (const chunk of input) {
    const buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    let start = 0;
    for (let i = buf.indexOf(NL, start); i >= 0; i = buf.indexOf(NL, start)) {
      add(buf.subarray(start, i));
      start = i + 1;
      yield finish();
    }
    // Copy the tail: a subarray would keep the whole chunk alive.
    if (start < buf.length) add(overflow > 0 ? buf.subarray(start) : Buffer.from(buf.subarray(start)));
  }
  if (size > 0 || overflow > 0) yield finish();
}
