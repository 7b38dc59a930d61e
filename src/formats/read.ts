// Reading text the user points us at, without trusting it: files are read as
// bytes, binary files are recognised and skipped, byte-order marks are honoured,
// and invalid UTF-8 is decoded with replacement characters and a warning
// instead of failing. Nothing here knows about findings.

import { open, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** How many leading bytes are looked at to decide a file is binary (as git does). */
export const BINARY_SNIFF_BYTES = 8192;

export type ReadResult =
  | { ok: true; text: string; warnings: string[] }
  | { ok: false; reason: 'missing' | 'binary' | 'unreadable' | 'directory'; message: string };

/** True when the first 8 KB hold a NUL byte (and no UTF-16 byte-order mark explains it). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Bom(bytes)) return false;
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The byte offset of the first invalid UTF-8 sequence and how many there are,
 * or undefined when the bytes are valid UTF-8.
 */
export function findInvalidUtf8(bytes: Uint8Array): { first: number; count: number } | undefined {
  let first = -1;
  let count = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else {
      if (first < 0) first = i;
      count++;
      i++;
      continue;
    }
    let cp = b & (0x3f >> need);
    let ok = i + need < n;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (!ok) {
      if (first < 0) first = i;
      count++;
      i++;
      continue;
    }
    i += need + 1;
  }
  return first < 0 ? undefined : { first, count };
}

/** Decodes bytes as text: UTF-16 when a byte-order mark says so, else UTF-8 (lossy, with a warning). */
export function decodeText(bytes: Uint8Array, name: string): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const bom16 = utf16Bom(bytes);
  if (bom16) return { text: new TextDecoder(bom16).decode(bytes), warnings };
  const bad = findInvalidUtf8(bytes);
  if (bad) {
    warnings.push(
      `${name}: not valid UTF-8 (first bad byte at offset ${bad.first}${bad.count > 1 ? `, ${bad.count} bad bytes in all` : ''}); ` +
        'decoded with replacement characters (�) — save the file as UTF-8 to check it exactly',
    );
  }
  // TextDecoder drops a leading UTF-8 byte-order mark and replaces bad bytes with U+FFFD.
  return { text: new TextDecoder('utf-8').decode(bytes), warnings };
}

/** Reads one file as text, or says why it cannot be checked. */
export async function readTextFile(path: string, display = path): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return readFailure(e, display);
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary', message: `${display}: looks like a binary file (NUL bytes in the first 8 KB); skipped` };
  const { text, warnings } = decodeText(bytes, display);
  return { ok: true, text, warnings };
}

/** Reads everything from a stream (standard input) as text. */
export async function readStreamText(stream: NodeJS.ReadableStream, display = '<stdin>'): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const bytes = Buffer.concat(chunks);
  if (looksBinary(bytes)) return { ok: false, reason: 'binary', message: `${display}: looks like binary data (NUL bytes in the first 8 KB); skipped` };
  const { text, warnings } = decodeText(bytes, display);
  return { ok: true, text, warnings };
}

/** The first bytes of a file, to sniff it before streaming it. */
export async function peekFile(path: string, bytes = BINARY_SNIFF_BYTES): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export function readFailure(e: unknown, display: string): ReadResult & { ok: false } {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, reason: 'missing', message: `${display}: no such file or directory` };
  if (code === 'EISDIR') return { ok: false, reason: 'directory', message: `${display}: is a directory` };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', message: `${display}: permission denied` };
  return { ok: false, reason: 'unreadable', message: `${display}: cannot be read (${(e as Error).message})` };
}

/** Draft files a directory holds: .txt and .md, recursively, sorted; hidden folders and node_modules are left out. */
export async function listDraftFiles(dir: string, extensions: readonly string[] = ['.txt', '.md']): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        await walk(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && extensions.some((x) => e.name.toLowerCase().endsWith(x))) {
        if (e.isSymbolicLink()) {
          const s = await stat(p).catch(() => undefined);
          if (!s?.isFile()) continue;
        }
        out.push(p);
      }
    }
  };
  await walk(dir);
  return out;
}
