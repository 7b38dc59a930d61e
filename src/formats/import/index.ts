// Importers: what support teams export → canonical conversations
// (shared/TAXONOMY.md). Each importer reads a stream and yields one item per
// conversation, or per record it could not use, with its position; none of
// them throws on bad input. `detectFormat` guesses the importer from a file's
// name and first few KB; `importFile` does the opening (gzip included), the
// guessing and the reading in one call.

import { basename } from 'node:path';
import { openTextStream } from '../jsonl.js';
import { jsonlImporter } from './canonical.js';
import { chatwootImporter } from './chatwoot.js';
import { csvImporter } from './csv.js';
import { freescoutImporter } from './freescout.js';
import { freshdeskImporter } from './freshdesk.js';
import type { ImportItem, ImportOptions, Importer } from './types.js';
import { twcsImporter } from './twcs.js';
import { ubuntuIrcImporter } from './ubuntu-irc.js';
import { errorText } from './util.js';
import { zammadImporter } from './zammad.js';
import { zendeskImporter } from './zendesk.js';
import { lookup } from '../../engine/lookup.js';

export type { CsvColumns, ImportItem, ImportOptions, Importer } from './types.js';
export { htmlToText } from './html.js';
export { DEFAULT_COLUMNS } from './csv.js';

/** Every importer by id, in a fixed order. */
export const IMPORTERS: Readonly<Record<string, Importer>> = lookup({
  jsonl: jsonlImporter,
  csv: csvImporter,
  zendesk: zendeskImporter,
  freshdesk: freshdeskImporter,
  zammad: zammadImporter,
  chatwoot: chatwootImporter,
  freescout: freescoutImporter,
  twcs: twcsImporter,
  'ubuntu-irc': ubuntuIrcImporter,
});

const IRC_LINE = /^(\[\d{2}:\d{2}\]\s+(<[^>\s]+>|\*\s)|===\s)/;

/**
 * The importer id for a file, from its name and its first few KB of text
 * (decompressed), or undefined when neither says. Content wins over the
 * extension for JSON, whose shape names the help desk.
 */
export function detectFormat(path: string, head: string): string | undefined {
  const name = basename(path).toLowerCase().replace(/\.gz$/, '');
  const text = head.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  const lines = text.split(/\r?\n/).filter((l) => l.trim());

  if (name.endsWith('.raw.txt') || (lines.length > 0 && lines.slice(0, 5).filter((l) => IRC_LINE.test(l)).length >= Math.min(3, lines.length)))
    return 'ubuntu-irc';

  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (looksJson || /\.(json|jsonl|ndjson)$/.test(name)) {
    const has = (...keys: string[]) => keys.some((k) => text.includes(`"${k}"`));
    if (has('message_type')) return 'chatwoot';
    if (has('articles', 'TicketArticle') || (has('sender_id', 'sender') && has('ticket_id') && has('content_type'))) return 'zammad';
    if (has('description_text', 'body_text', 'conversations')) return 'freshdesk';
    if (has('comments', 'plain_body', 'html_body') || (has('via') && has('requester_id'))) return 'zendesk';
    if (has('threads', '_embedded')) return 'freescout';
    if (has('messages')) return 'jsonl';
    if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl';
    return undefined;
  }

  if (/\.(csv|tsv)$/.test(name) || (lines[0] !== undefined && lines[0].includes(','))) {
    const header = (lines[0] ?? '').toLowerCase();
    if (['tweet_id', 'inbound', 'in_response_to_tweet_id'].every((c) => header.includes(c))) return 'twcs';
    return 'csv';
  }
  return undefined;
}

/** The first `bytes` of a file as text, decompressing .gz files. */
export async function readHead(path: string, bytes = 8192): Promise<string> {
  const stream = openTextStream(path);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(b);
      size += b.length;
      if (size >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks).subarray(0, bytes));
}

/**
 * Reads one export file (gzip or not) with the named importer, or the one
 * `detectFormat` picks. Problems opening the file or recognising it come out
 * as `{ok: false}` items like any other.
 */
export async function* importFile(path: string, options: ImportOptions & { format?: string } = {}): AsyncGenerator<ImportItem> {
  const { format, ...rest } = options;
  let id = format;
  if (id === undefined) {
    let head: string;
    try {
      head = await readHead(path);
    } catch (e) {
      yield { ok: false, position: 'input', reason: `${path}: cannot be read (${errorText(e)})` };
      return;
    }
    id = detectFormat(path, head);
    if (id === undefined) {
      yield { ok: false, position: 'input', reason: `${path}: the format is not recognised; name it (${Object.keys(IMPORTERS).join(', ')})` };
      return;
    }
  }
  const importer = IMPORTERS[id];
  if (!importer) {
    yield { ok: false, position: 'input', reason: `unknown format "${id}" (known: ${Object.keys(IMPORTERS).join(', ')})` };
    return;
  }
  let input;
  try {
    input = openTextStream(path);
  } catch (e) {
    yield { ok: false, position: 'input', reason: `${path}: cannot be read (${errorText(e)})` };
    return;
  }
  yield* importer.read(input, { path, ...rest });
}
