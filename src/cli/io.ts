// Where the commands write. Everything goes through process.stdout/stderr at call
// time (tests swap `write` to capture it), waits for 'drain' when the pipe is
// full so a long audit never piles up in memory, and stops quietly when the
// reader goes away (`rapport audit big.jsonl | head`).

import { once } from 'node:events';
import type { Readable } from 'node:stream';
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

let pipeClosed = false;
let guarded = false;

function guardPipe(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') pipeClosed = true;
    else throw e;
  });
}

export class Output {
  readonly colors: Colors;
  constructor(color = useColor()) {
    guardPipe();
    this.colors = pc.createColors(color);
  }
  get closed(): boolean {
    return pipeClosed;
  }
  /** Writes to stdout, waiting when the pipe is full. */
  async out(text: string): Promise<void> {
    if (pipeClosed || !text) return;
    const ok = process.stdout.write(text);
    if (ok || pipeClosed || !process.stdout.writableNeedDrain) return;
    try {
      await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]);
    } catch (e) {
      // `once` rejects when the stream errors while we wait: a closed pipe ends the output.
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') pipeClosed = true;
      else throw e;
    }
  }
  /** A line on stderr. */
  err(line: string): void {
    process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
  }
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(): boolean {
  const noColor = process.env.NO_COLOR;
  return Boolean(process.stdout.isTTY) && (noColor === undefined || noColor === '');
}

let stdinOverride: Readable | undefined;

/** Standard input (tests substitute a stream of their own with `setStdin`). */
export function stdin(): Readable {
  return stdinOverride ?? (process.stdin as unknown as Readable);
}

export function setStdin(stream: Readable | undefined): void {
  stdinOverride = stream;
}
