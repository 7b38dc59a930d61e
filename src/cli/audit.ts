// `rapport audit`: scores whole conversations from what a help desk exports
// (canonical JSON Lines, CSV, Zendesk, Freshdesk, Zammad, Chatwoot, FreeScout,
// the Twitter support CSV, the Ubuntu IRC logs). Input is streamed and results
// are written as soon as they are known, in input order, so memory stays flat
// however long the archive; with --workers the engine runs on several cores.
// A record that cannot be read is reported with its position and skipped; the
// rest still comes out.

import { createReadStream, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { Engine, EngineConfig } from '../engine/index.js';
import { IMPORTERS, detectFormat, readHead, type CsvColumns, type ImportItem, type ImportOptions } from '../formats/import/index.js';
import { looksBinary, peekFile, readFailure } from '../formats/read.js';
import { auditCsvHeader, auditCsvRow } from '../formats/audit-csv.js';
import type { AuditRecord } from '../formats/records.js';
import { AuditAggregator, renderHtmlReport } from '../report/index.js';
import { readLines } from '../formats/import/lines.js';
import { auditItem, auditOne } from './audit-core.js';
import { AuditPool } from './audit-pool.js';
import type { WorkItem, WorkResult } from './audit-core.js';
import { reachesFailOn, type FailOn } from './check.js';
import { displayPath } from './config.js';
import { UsageError, stdin, type Output } from './io.js';
import { Progress, type ProgressState } from './progress.js';

export const AUDIT_FORMATS = ['jsonl', 'json', 'csv', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditOptions {
  inputs: string[];
  format: AuditFormat;
  failOn: FailOn;
  /** The team config the engine was built from (the workers build their own engines from it). */
  config?: EngineConfig;
  /** The importer to read every input with; default: guessed per file (standard input: jsonl). */
  from?: string;
  /** csv importer: "field=Header,field=Header". */
  columns?: string;
  /** Worker threads; 1 runs in this thread. Default: one per core. */
  workers?: number;
  /** Write the main output here instead of standard output. */
  output?: string;
  /** Also write the HTML report here. */
  report?: string;
  /** The time waits and promises still running at the end are judged against. */
  now?: string;
  progress?: boolean;
}

/** Conversations per batch sent to a worker (about this many messages). */
const BATCH_MESSAGES = 400;

interface Source {
  display: string;
  items: AsyncIterable<ImportItem>;
  /** Canonical JSON Lines read as raw lines: with worker threads, the workers parse them. */
  lines?: AsyncIterable<{ n: number; ok: true; text: string } | { n: number; ok: false; bytes: number }>;
}

/** `engine` is called only when the work runs in this thread (one worker): with worker threads, each builds its own. */
export async function runAudit(engine: () => Engine, opts: AuditOptions, out: Output): Promise<number> {
  if (!opts.inputs.length) throw new UsageError('nothing to audit: give files (JSON Lines, CSV or a help-desk export), or - to read standard input', 'audit');
  if (opts.from !== undefined && !IMPORTERS[opts.from]) throw new UsageError(`--from must be one of ${Object.keys(IMPORTERS).join(', ')} (got "${opts.from}")`, 'audit');
  if (opts.now !== undefined && !Number.isFinite(Date.parse(opts.now))) throw new UsageError(`--now must be a date and time (ISO 8601), got "${opts.now}"`, 'audit');
  const columns = parseColumns(opts.columns);
  const workers = Math.max(1, Math.min(64, opts.workers ?? availableParallelism()));

  const state: ProgressState = { conversations: 0, messages: 0, bytes: 0, totalBytes: 0 };
  for (const arg of opts.inputs) {
    if (arg === '-') continue;
    try {
      state.totalBytes += statSync(arg).size;
    } catch {
      /* reported when the file is opened */
    }
  }
  const progress = new Progress(opts.progress ?? Progress.auto());
  const sink = openSink(opts.output, out);
  const aggregator = opts.format === 'html' || opts.report ? new AuditAggregator() : undefined;
  let skipped = 0;
  let unreadable = 0;
  let failing = false;
  let first = true;

  if (opts.format === 'json') await sink.write('[');
  if (opts.format === 'csv') await sink.write(auditCsvHeader());

  const emit = async (r: WorkResult, where: string): Promise<void> => {
    if ('skipped' in r) {
      out.err(`${where}: ${r.skipped}; skipped`);
      skipped++;
      return;
    }
    const about = where.includes(': conversation ') || r.id === undefined || r.id === null ? where : `${where}: conversation ${JSON.stringify(r.id)}`;
    for (const d of r.diagnostics) out.err(`${about}: ${d}`);
    if (r.worst && reachesFailOn(r.worst, opts.failOn)) failing = true;
    state.conversations++;
    state.messages += r.messages;
    let record: AuditRecord | undefined;
    if (aggregator || opts.format === 'csv') record = JSON.parse(r.line) as AuditRecord;
    if (aggregator) aggregator.add(record!);
    if (opts.format === 'jsonl') await sink.write(`${r.line}\n`);
    else if (opts.format === 'json') await sink.write(`${first ? '' : ','}\n${r.line}`);
    else if (opts.format === 'csv') await sink.write(auditCsvRow(record!));
    first = false;
    progress.update(state);
  };

  const pool = workers > 1
    ? new AuditPool(
      workers, { config: opts.config ?? {}, ...(opts.now ? { now: opts.now } : {}) },
      (items) => items.map((item) => auditItem(engine(), item, opts.now)),
      (why) => out.err(`rapport: ${why}`),
    )
    : undefined;
  /** Where each submitted conversation came from, in order, for messages about it. */
  const origins: string[] = [];
  let originHead = 0;
  const flush = async (batches: WorkResult[][]): Promise<void> => {
    for (const batch of batches) for (const r of batch) await emit(r, origins[originHead++]!);
    // Keep the list of origins short: drop what has been written.
    if (originHead > 10_000) {
      origins.splice(0, originHead);
      originHead = 0;
    }
  };

  try {
    for (const arg of opts.inputs) {
      const source = await openSource(arg, opts.from, columns, state, out, pool !== undefined);
      if (!source) {
        unreadable++;
        continue;
      }
      let batch: WorkItem[] = [];
      let batchMessages = 0;
      const send = async (): Promise<void> => {
        if (!batch.length) return;
        await pool!.submit(batch);
        batch = [];
        batchMessages = 0;
        await flush(pool!.take());
        await pool!.backlog(workers * 4);
        await flush(pool!.take());
      };
      if (source.lines && pool) {
        for await (const line of source.lines) {
          if (out.closed) break;
          const where = `${source.display}:${line.n}`;
          if (!line.ok) {
            out.err(`${where}: line too long (${line.bytes} bytes); skipped`);
            skipped++;
            continue;
          }
          if (!line.text.trim()) continue;
          origins.push(where);
          batch.push({ line: line.text, n: line.n });
          // Lines are about 300 bytes a message: batch by size.
          batchMessages += Math.max(1, Math.round(line.text.length / 300));
          if (batchMessages >= BATCH_MESSAGES) await send();
        }
        await send();
        continue;
      }
      for await (const item of source.items) {
        if (out.closed) break;
        const where = positionOf(source.display, item.position);
        if (item.position === 'input' && !item.ok) {
          out.err(`rapport: ${item.reason}`);
          unreadable++;
          continue;
        }
        if (!item.ok) {
          out.err(`${where}: ${item.reason}; skipped`);
          skipped++;
          continue;
        }
        const conversation = item.conversation as Record<string, unknown>;
        const id = conversation.id;
        const label = `${where}${id !== undefined && id !== null ? `: conversation ${JSON.stringify(id)}` : ''}`;
        if (!pool) {
          await emit(auditOne(engine(), conversation, opts.now), label);
          continue;
        }
        origins.push(label);
        batch.push({ conversation });
        batchMessages += Array.isArray(conversation.messages) ? conversation.messages.length : 1;
        if (batchMessages >= BATCH_MESSAGES) await send();
      }
      if (pool) await send();
    }
    if (pool) for await (const b of pool.drain()) await flush([b]);
  } finally {
    await pool?.close();
  }

  if (opts.format === 'json') await sink.write(first ? ']\n' : '\n]\n');
  const generatedAt = new Date().toISOString();
  if (aggregator) {
    const html = renderHtmlReport(aggregator.summary(), { generatedAt, inputs: opts.inputs.map((a) => (a === '-' ? '<stdin>' : displayPath(a))) });
    if (opts.format === 'html') await sink.write(html);
    if (opts.report) writeFileSync(opts.report, html);
  }
  sink.close();
  progress.done(state);
  if (unreadable) return 2;
  if (skipped) return 1;
  return failing ? 1 : 0;
}

/** "line 12" positions print as FILE:12, like a compiler; others as FILE (ticket 4711). */
function positionOf(display: string, position: string): string {
  const m = /^line (\d+)$/.exec(position);
  if (m) return `${display}:${m[1]}`;
  return position === 'input' ? display : `${display} (${position})`;
}

async function openSource(arg: string, from: string | undefined, columns: Partial<CsvColumns> | undefined, state: ProgressState, out: Output, rawLines: boolean): Promise<Source | undefined> {
  const options: ImportOptions = { ...(columns ? { columns } : {}) };
  if (arg === '-') {
    const importer = IMPORTERS[from ?? 'jsonl']!;
    const input = counted(stdin(), state);
    if (rawLines && (from ?? 'jsonl') === 'jsonl') return { display: '<stdin>', items: importer.read(input, options), lines: readLines(input) };
    return { display: '<stdin>', items: importer.read(input, options) };
  }
  const display = displayPath(arg);
  try {
    const head = await peekFile(arg);
    if (!arg.endsWith('.gz') && looksBinary(head)) {
      out.err(`rapport: ${display}: looks like a binary file (NUL bytes in the first 8 KB); skipped`);
      return undefined;
    }
  } catch (e) {
    out.err(`rapport: ${readFailure(e, display).message}`);
    return undefined;
  }
  let format = from;
  if (format === undefined) {
    let text: string;
    try {
      text = await readHead(arg);
    } catch (e) {
      out.err(`rapport: ${display}: ${(e as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' ? 'not a valid gzip file' : (e as Error).message}`);
      return undefined;
    }
    format = detectFormat(arg, text) ?? (text.trim() === '' ? 'jsonl' : undefined);
    if (format === undefined) {
      out.err(`rapport: ${display}: cannot tell what kind of export this is; name it with --from (${Object.keys(IMPORTERS).join(', ')})`);
      return undefined;
    }
  }
  const raw = counted(createReadStream(arg), state);
  let stream: Readable = raw;
  if (arg.endsWith('.gz')) {
    const gunzip = createGunzip();
    raw.on('error', (e) => gunzip.destroy(e));
    stream = raw.pipe(gunzip);
  }
  if (rawLines && format === 'jsonl') return { display, items: IMPORTERS[format]!.read(stream, { ...options, path: arg }), lines: readLines(stream) };
  return { display, items: IMPORTERS[format]!.read(stream, { ...options, path: arg }) };
}

/** Counts the bytes read (compressed bytes for .gz), for the progress display. */
function counted(stream: Readable, state: ProgressState): Readable {
  stream.on('data', (chunk: Buffer | string) => {
    state.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
  });
  return stream;
}

/** "--columns conversation_id=Ticket,role=Sender,text=Body" for the csv importer. */
function parseColumns(spec: string | undefined): Partial<CsvColumns> | undefined {
  if (spec === undefined) return undefined;
  const known = ['conversation_id', 'role', 'author', 'at', 'text', 'channel', 'team', 'subject', 'status', 'tags'];
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const [k, ...rest] = part.split('=');
    const key = (k ?? '').trim();
    const header = rest.join('=').trim();
    if (!known.includes(key) || !header) throw new UsageError(`--columns takes field=Header pairs, fields ${known.join(', ')} (got "${part}")`, 'audit');
    out[key] = header;
  }
  return out as Partial<CsvColumns>;
}

interface Sink {
  write(text: string): Promise<void>;
  close(): void;
}

/** Standard output (waiting on a full pipe), or a file written as we go. */
function openSink(path: string | undefined, out: Output): Sink {
  if (!path) return { write: (t) => out.out(t), close: () => undefined };
  const fd = openSync(path, 'w');
  return {
    write: async (t) => {
      writeSync(fd, t);
    },
    close: () => closeSync(fd),
  };
}
