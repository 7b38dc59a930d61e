// Small helpers the importers share: reading loosely typed JSON, timestamps,
// plain-text clean-up, message ordering, and a guard so that no importer ever
// throws at its caller.

import type { Channel, Message } from '../../engine/types.js';
import type { ImportItem, ImportOptions } from './types.js';
import type { Readable } from 'node:stream';

export type Json = Record<string, unknown>;

export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-empty string, or a finite number as a string; otherwise undefined. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return String(v);
  return undefined;
}

/** An id as a string ("4711" for 4711), or undefined. */
export function idOf(v: unknown): string | undefined {
  const s = str(v);
  return s === undefined ? undefined : s.trim();
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['true', 't', 'yes', 'y', '1'].includes(s)) return true;
    if (['false', 'f', 'no', 'n', '0'].includes(s)) return false;
  }
  return undefined;
}

/** First value of `keys` present (not undefined/null) on `o`. */
export function pick(o: Json, ...keys: string[]): unknown {
  for (const k of keys) {
    const v = o[k];
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

/** A list of strings from a list of strings or of objects with a name-like key ("tags"). */
export function stringList(v: unknown, ...keys: string[]): string[] | undefined {
  if (typeof v === 'string') {
    const parts = v.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    return parts.length ? parts : undefined;
  }
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const x of v) {
    const s = isObject(x) ? str(pick(x, ...(keys.length ? keys : ['name', 'tag', 'title']))) : str(x);
    if (s !== undefined) out.push(s);
  }
  return out.length ? out : undefined;
}

const NO_ZONE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * A timestamp as ISO 8601 (UTC, no milliseconds when there are none), or
 * undefined. Numbers are Unix time: seconds, or milliseconds when they are too
 * large to be seconds. A date and time with no zone ("2024-05-01 10:20:30", as
 * SQL dumps write them) is taken as UTC.
 */
export function toIso(v: unknown): string | undefined {
  let t: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v <= 0) return undefined;
    t = v > 1e12 ? v : v * 1000;
  } else if (typeof v === 'string') {
    const s = v.trim();
    if (!s) return undefined;
    if (/^\d+(\.\d+)?$/.test(s)) return toIso(Number(s));
    const m = NO_ZONE.exec(s);
    t = Date.parse(m ? `${m[1]}T${m[2]}Z` : s);
  } else return undefined;
  if (!Number.isFinite(t)) return undefined;
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().replace('.000Z', 'Z');
}

/**
 * Plain text as the engine wants it: Unix line breaks, no-break spaces as
 * spaces, no trailing blanks on lines, at most one empty line in a row, trimmed.
 */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "Dana Smith <dana@example.com>" → "Dana Smith"; a bare address stays as it is. */
export function displayName(from: string | undefined): string | undefined {
  if (!from) return undefined;
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(from);
  if (m) return m[1]!.trim() || m[2]!.trim() || undefined;
  return from.trim() || undefined;
}

/** A person's name from the usual fields (name, firstName/lastName, first/last, email). */
export function personName(p: unknown): string | undefined {
  if (typeof p === 'string' || typeof p === 'number') return str(p);
  if (!isObject(p)) return undefined;
  const name = str(pick(p, 'name', 'available_name', 'display_name', 'fullname', 'full_name'));
  if (name) return name.trim();
  const first = str(pick(p, 'firstName', 'first_name', 'firstname', 'first'));
  const last = str(pick(p, 'lastName', 'last_name', 'lastname', 'last'));
  const full = [first, last].filter(Boolean).join(' ').trim();
  if (full) return full;
  return str(pick(p, 'email', 'login', 'username'))?.trim();
}

/**
 * Orders messages by time when every one has a timestamp (a stable sort, so
 * equal times keep the export's order); otherwise keeps the export's order.
 */
export function sortByTime(messages: Message[]): Message[] {
  if (messages.length < 2 || !messages.every((m) => typeof m.at === 'string')) return messages;
  return messages
    .map((m, i) => ({ m, i, t: Date.parse(m.at as string) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.m);
}

/** Drops undefined fields, so that outputs compare cleanly and serialise small. */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export function isChannel(c: unknown): c is Channel {
  return c === 'chat' || c === 'email' || c === 'ticket' || c === 'phone' || c === 'sms';
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Wraps an importer's generator so that nothing escapes as an exception: a
 * failure of the stream itself (a truncated gzip, a read error) or a bug
 * becomes one last `{ok: false}` item, and the stream is released.
 */
export async function* guard(
  input: Readable,
  run: AsyncIterable<ImportItem>,
): AsyncGenerator<ImportItem> {
  let position = 'input';
  try {
    for await (const item of run) {
      position = item.position;
      yield item;
    }
  } catch (e) {
    yield { ok: false, position: position === 'input' ? 'input' : `after ${position}`, reason: `could not read further: ${errorText(e)}` };
  } finally {
    if (!input.destroyed) input.destroy();
  }
}

export type { ImportOptions };
