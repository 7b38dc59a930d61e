// CSV rows from a stream with csv-parse's streaming API, one record at a time,
// each with its row number (the header is row 1, as a spreadsheet counts).
// A row csv-parse cannot read (wrong number of fields, an unclosed quote) is
// reported and skipped; the rest still comes out.
//
// csv-parse's own `max_record_size` gives up on the rest of the file when it
// trips, so the ceiling on a record's size is kept here instead: when more than
// `maxRecordBytes` arrive without a record coming out (a runaway quoted field),
// reading stops with a clear reason rather than growing without bound.

import { parse, type CsvError } from 'csv-parse';
import { Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import { DEFAULT_MAX_RECORD_BYTES, errorText } from './util.js';

export type CsvRow =
  | { ok: true; row: number; record: Record<string, string> }
  | { ok: false; row: number; reason: string; fatal?: boolean };

export interface CsvRowsOptions {
  delimiter?: string;
  maxRecordBytes?: number;
  /** Called once with the header (trimmed); return a reason to stop before any row is read. */
  checkHeader?: (header: string[]) => string | undefined;
}

class RecordTooLong extends Error {}

export async function* readCsvRows(input: Readable, options: CsvRowsOptions = {}): AsyncGenerator<CsvRow> {
  const maxBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  let received = 0;
  let atLastRecord = 0;
  const counter = new Transform({
    transform(chunk: Buffer | string, _enc: BufferEncoding, cb: TransformCallback) {
      received += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (received - atLastRecord > maxBytes) {
        cb(new RecordTooLong(`more than ${formatBytes(maxBytes)} without the end of a record (an unclosed quote?)`));
        return;
      }
      cb(null, chunk);
    },
  });
  // csv-parse reports skipped rows through a callback, possibly well before
  // the records parsed ahead of them are read from the stream; on_record and
  // on_skip are called in file order, so this queue keeps that order.
  const events: ({ skip: false } | { skip: true; reason: string })[] = [];
  let headerProblem: string | undefined;
  const parser = parse({
    columns: (header: unknown[]) => {
      const names = header.map((h) => String(h ?? '').trim());
      headerProblem = options.checkHeader?.(names);
      return names;
    },
    delimiter: options.delimiter ?? ',',
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_record: (record: unknown, context: { bytes: number }) => {
      atLastRecord = context.bytes;
      events.push({ skip: false });
      return record;
    },
    on_skip: (err: CsvError | undefined) => {
      atLastRecord = received;
      events.push({ skip: true, reason: err ? err.message : 'unreadable row' });
      return undefined;
    },
  });
  pipeline(input, counter, parser, () => {
    /* errors surface through the parser's iterator below */
  });
  let row = 1;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string> }>) {
      if (headerProblem !== undefined) {
        yield { ok: false, row: 1, reason: headerProblem, fatal: true };
        return;
      }
      while (events.length && events[0]!.skip) yield { ok: false, row: ++row, reason: (events.shift() as { reason: string }).reason };
      events.shift();
      yield { ok: true, row: ++row, record: item.record };
    }
  } catch (e) {
    for (const ev of events.splice(0)) if (ev.skip) yield { ok: false, row: ++row, reason: ev.reason };
    const reason = e instanceof RecordTooLong || (e as { cause?: unknown })?.cause instanceof RecordTooLong ? errorText(e) : `could not read further: ${errorText(e)}`;
    yield { ok: false, row: row + 1, reason: `${reason}; stopped reading`, fatal: true };
    return;
  } finally {
    if (!parser.destroyed) parser.destroy();
  }
  if (headerProblem !== undefined) {
    yield { ok: false, row: 1, reason: headerProblem, fatal: true };
    return;
  }
  for (const ev of events.splice(0)) if (ev.skip) yield { ok: false, row: ++row, reason: ev.reason };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round(n / (1024 * 1024))} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}
