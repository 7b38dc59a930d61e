// `rapport audit`: scores whole conversations from canonical JSON Lines. The
// input is streamed line by line and each result is written as soon as it is
// known, so memory stays flat however long the file. A bad line is reported
// with its file and line and skipped; the rest still comes out, in order.

import type { Engine } from '../engine/index.js';
import { openTextStream, readConversationLines } from '../formats/jsonl.js';
import { looksBinary, peekFile, readFailure } from '../formats/read.js';
import { auditRecord } from '../formats/records.js';
import { reachesFailOn, type FailOn } from './check.js';
import { displayPath } from './config.js';
import { UsageError, stdin, type Output } from './io.js';
import type { Readable } from 'node:stream';

export interface AuditOptions {
  inputs: string[];
  format: 'jsonl' | 'json';
  failOn: FailOn;
}

export async function runAudit(engine: Engine, opts: AuditOptions, out: Output): Promise<number> {
  if (!opts.inputs.length) throw new UsageError('nothing to audit: give JSON Lines files, or - to read standard input', 'audit');
  let skipped = 0;
  let unreadable = 0;
  let failing = false;
  let first = true;
  if (opts.format === 'json') await out.out('[');

  for (const arg of opts.inputs) {
    const display = arg === '-' ? '<stdin>' : displayPath(arg);
    let stream: Readable;
    if (arg === '-') stream = stdin();
    else {
      try {
        const head = await peekFile(arg);
        if (!arg.endsWith('.gz') && looksBinary(head)) {
          out.err(`rapport: ${display}: looks like a binary file (NUL bytes in the first 8 KB); skipped`);
          unreadable++;
          continue;
        }
      } catch (e) {
        out.err(`rapport: ${readFailure(e, display).message}`);
        unreadable++;
        continue;
      }
      stream = openTextStream(arg);
    }
    try {
      for await (const item of readConversationLines(stream)) {
        if (out.closed) break;
        if (!item.ok) {
          out.err(`${display}:${item.line}: ${item.reason}; skipped`);
          skipped++;
          continue;
        }
        const result = engine.analyze(item.value);
        const id = item.value.id;
        for (const d of result.diagnostics) out.err(`${display}:${item.line}: ${id !== undefined ? `conversation ${JSON.stringify(id)}: ` : ''}${d.text}`);
        for (const f of result.findings) if (f.kind === 'problem' && reachesFailOn(f.severity, opts.failOn)) failing = true;
        const line = JSON.stringify(auditRecord(item.value, result));
        if (opts.format === 'json') await out.out(`${first ? '' : ','}\n${line}`);
        else await out.out(`${line}\n`);
        first = false;
      }
    } catch (e) {
      out.err(`rapport: ${display}: ${(e as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' ? 'not a valid gzip file' : (e as Error).message}`);
      unreadable++;
    }
  }
  if (opts.format === 'json') await out.out(first ? ']\n' : '\n]\n');
  if (unreadable) return 2;
  if (skipped) return 1;
  return failing ? 1 : 0;
}
