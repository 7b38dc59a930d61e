// Help-desk API dumps come two ways: JSON Lines (one ticket, conversation or
// API page a line; streamed, any size) or one JSON document (an array, or the
// API's wrapper object such as {"tickets": [...]}; parsed whole, up to a
// ceiling). This reads either, splits each JSON value into records with the
// importer's `unwrap`, converts each record, and gives every problem a position:
// "line 12" (or "line 12, ticket 4711" when a line holds several) for JSON Lines,
// "ticket 4711" (or "ticket #3" when it has no id) for a single document.

import type { Readable } from 'node:stream';
import type { Conversation } from '../../engine/types.js';
import { readLines } from './lines.js';
import type { ImportItem, ImportOptions } from './types.js';
import { DEFAULT_MAX_RECORD_BYTES, errorText, idOf, isObject } from './util.js';

/** The largest single JSON document read whole (in UTF-16 units, as JavaScript strings count). */
export const MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;

type JsonValue =
  | { ok: true; line?: number; value: unknown }
  | { ok: false; position: string; reason: string };

/** One record found in a JSON value, with what the importer needs to convert it (e.g. sideloaded users). */
export type Unit<C> = { record: unknown; ctx: C } | { error: string; id?: string };

export interface JsonImportSpec<C> {
  /** What a record is called in positions: "ticket", "conversation". */
  label: string;
  /** The records a JSON value holds; an empty list is fine (an empty API page). */
  unwrap(value: unknown): Iterable<Unit<C>>;
  /** A conversation, or why the record cannot be one. */
  convert(record: unknown, ctx: C): Conversation | string;
}

export async function* importJson<C>(input: Readable, options: ImportOptions | undefined, spec: JsonImportSpec<C>): AsyncGenerator<ImportItem> {
  for await (const v of readJsonValues(input, options?.maxRecordBytes)) {
    if (!v.ok) {
      yield v;
      continue;
    }
    let units: Unit<C>[];
    try {
      units = [...spec.unwrap(v.value)];
    } catch (e) {
      units = [{ error: `could not be read: ${errorText(e)}` }];
    }
    const many = units.length > 1;
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      const id = 'error' in u ? u.id : isObject(u.record) ? idOf(u.record.id) : undefined;
      const name = id !== undefined ? `${spec.label} ${id}` : `${spec.label} #${i + 1}`;
      const position = v.line === undefined ? name : many ? `line ${v.line}, ${name}` : `line ${v.line}`;
      if ('error' in u) {
        yield { ok: false, position, reason: u.error };
        continue;
      }
      let result: Conversation | string;
      try {
        result = spec.convert(u.record, u.ctx);
      } catch (e) {
        result = `could not be read: ${errorText(e)}`;
      }
      if (typeof result === 'string') yield { ok: false, position, reason: result };
      else yield { ok: true, position, conversation: result };
    }
  }
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

/** Where a JSON.parse error points, as "line L, column C" counted from `firstLine`. */
function whereInDocument(message: string, text: string, firstLine: number): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const pos = Math.min(Number(m[1]), text.length);
  let line = firstLine;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return ` (line ${line}, column ${pos - lineStart + 1})`;
}

function invalidLine(line: number, error: string): JsonValue {
  return { ok: false, position: `line ${line}`, reason: `invalid JSON: ${error.replace(/ in JSON at position \d+.*$/, '')}` };
}

/**
 * Every top-level JSON value of the input: each non-blank line of a JSON Lines
 * file, or the one document. The first non-blank line decides: if it parses on
 * its own the file is JSON Lines; if it opens a document ("[", "{", or a line
 * ending in "[", "{" or ",") it is one (pretty-printed) document; otherwise the
 * next non-blank line decides the same way. A document that does not parse is read again as
 * JSON Lines when some of its lines parse on their own (a JSON Lines file with
 * a broken first line), and reported as one error otherwise.
 */
async function* readJsonValues(input: Readable, maxLineBytes?: number): AsyncGenerator<JsonValue> {
  type Mode = 'undecided' | 'lines' | 'document';
  let mode: Mode = 'undecided';
  const held: { n: number; text: string }[] = [];
  let docChars = 0;
  let tooLarge = false;

  const lineValue = (n: number, text: string): JsonValue => {
    const r = tryParse(text);
    return r.ok ? { ok: true, line: n, value: r.value } : invalidLine(n, r.error);
  };

  for await (const line of readLines(input, maxLineBytes)) {
    if (!line.ok) {
      if (mode === 'document') {
        tooLarge = true;
        continue;
      }
      if (mode === 'undecided' && held.length) {
        mode = 'lines';
        yield lineValue(held[0]!.n, held[0]!.text);
        held.length = 0;
      }
      yield { ok: false, position: `line ${line.n}`, reason: `line too long (${line.bytes} bytes; the limit is ${maxLineBytes ?? DEFAULT_MAX_RECORD_BYTES} bytes); skipped` };
      continue;
    }
    if (mode === 'lines') {
      if (line.text.trim()) yield lineValue(line.n, line.text);
      continue;
    }
    if (mode === 'document') {
      if (tooLarge) continue;
      docChars += line.text.length + 1;
      if (docChars > MAX_DOCUMENT_CHARS) {
        tooLarge = true;
        held.length = 0;
        continue;
      }
      held.push({ n: line.n, text: line.text });
      continue;
    }
    // Undecided: look at the first one or two non-blank lines.
    if (!line.text.trim()) {
      if (held.length) held.push({ n: line.n, text: line.text });
      continue;
    }
    if (held.length === 0) {
      const t = line.text.trim();
      if (tryParse(t).ok) {
        mode = 'lines';
        yield lineValue(line.n, line.text);
      } else {
        held.push({ n: line.n, text: line.text });
        // '[' or '{"tickets": [' opens a document; a JSON Lines record never ends that way.
        if (t.startsWith('[') || /[[{,]$/.test(t)) {
          mode = 'document';
          docChars = line.text.length + 1;
        }
      }
      continue;
    }
    const second = tryParse(line.text);
    if (second.ok && typeof second.value === 'object' && second.value !== null) {
      mode = 'lines';
      yield lineValue(held[0]!.n, held[0]!.text);
      held.length = 0;
      yield { ok: true, line: line.n, value: second.value };
    } else {
      mode = 'document';
      held.push({ n: line.n, text: line.text });
      docChars = held.reduce((s, h) => s + h.text.length + 1, 0);
    }
  }

  if (mode === 'undecided') {
    // Zero or one non-blank line, and it did not parse.
    const first = held[0];
    if (first) yield lineValue(first.n, first.text);
    return;
  }
  if (mode !== 'document') return;
  if (tooLarge) {
    yield {
      ok: false,
      position: 'document',
      reason: `the JSON document is too large to read whole (over ${MAX_DOCUMENT_CHARS / (1024 * 1024)} MiB); export it as JSON Lines, one record a line`,
    };
    return;
  }
  const firstLine = held[0]?.n ?? 1;
  const text = held.map((h) => h.text).join('\n');
  const whole = tryParse(text);
  if (whole.ok) {
    yield { ok: true, value: whole.value };
    return;
  }
  const nonBlank = held.filter((h) => h.text.trim());
  const parsedLines = nonBlank.filter((h) => {
    const r = tryParse(h.text);
    return r.ok && typeof r.value === 'object' && r.value !== null;
  }).length;
  if (parsedLines > 0 && parsedLines * 2 >= nonBlank.length) {
    for (const h of held) if (h.text.trim()) yield lineValue(h.n, h.text);
    return;
  }
  yield {
    ok: false,
    position: 'document',
    reason: `invalid JSON${whereInDocument(whole.error, text, firstLine)}: ${whole.error.replace(/ in JSON at position \d+.*$/, '')}`,
  };
}
