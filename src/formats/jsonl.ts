// Canonical conversations as JSON Lines (shared/TAXONOMY.md): read one line at a
// time from a stream, so a file of any size is never held in memory whole, and
// every problem is reported with its line number instead of stopping the run.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export type JsonlItem =
  | { line: number; ok: true; value: Record<string, unknown> }
  | { line: number; ok: false; reason: string };

/** Opens a file for line reading; `.gz` files are decompressed on the fly. */
export function openTextStream(path: string): Readable {
  const raw = createReadStream(path);
  if (!path.endsWith('.gz')) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/**
 * Yields one item per non-blank line: the conversation object, or why the line
 * was not one. Blank lines are skipped but still counted, so line numbers match
 * what an editor shows.
 */
export async function* readConversationLines(stream: Readable): AsyncGenerator<JsonlItem> {
  stream.setEncoding('utf8');
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of rl) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!text.trim()) continue;
      yield parseConversationLine(text, line);
    }
  } finally {
    rl.close();
  }
}

/** Checks that one line is a conversation object: valid JSON, an object, with a "messages" list. */
export function parseConversationLine(text: string, line: number): JsonlItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { line, ok: false, reason: `invalid JSON: ${(e as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { line, ok: false, reason: `expected a conversation object, got ${what}` };
  }
  const messages = (value as Record<string, unknown>).messages;
  if (!Array.isArray(messages)) {
    return { line, ok: false, reason: messages === undefined ? 'no "messages" list' : '"messages" must be a list' };
  }
  return { line, ok: true, value: value as Record<string, unknown> };
}

/**
 * A conversation from a file's text: a whole JSON object, or else the first
 * non-blank line of a JSON Lines file. Returns the line the conversation came from.
 */
export function parseConversationText(text: string): JsonlItem {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trim();
  if (!trimmed) return { line: 1, ok: false, reason: 'the file is empty; expected a conversation object' };
  if (trimmed.startsWith('{')) {
    try {
      JSON.parse(trimmed);
      const firstLine = body.slice(0, body.indexOf('{')).split('\n').length;
      return parseConversationLine(trimmed, firstLine);
    } catch {
      /* not one object: read it as JSON Lines below */
    }
  }
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.replace(/\r$/, '');
    if (l.trim()) return parseConversationLine(l, i + 1);
  }
  return { line: 1, ok: false, reason: 'no conversation found' };
}
