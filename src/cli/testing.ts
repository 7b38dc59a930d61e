// Runs the CLI in-process for tests: main(argv) with stdout and stderr captured
// (by swapping their `write`), standard input from a string or bytes, and an
// optional working directory and environment, all restored afterwards.

import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { getDefaultEngine } from '../engine/index.js';
import { main } from './main.js';
import { setStdin } from './io.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string | Uint8Array;
  cwd?: string;
  env?: Record<string, string | undefined>;
}

export async function runCli(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const origOut = process.stdout.write;
  const origErr = process.stderr.write;
  const origCwd = process.cwd();
  const origEnv: Record<string, string | undefined> = {};
  // The CLI writes strings. Under `node --test` the runner reports each test's result
  // through this same process.stdout as binary (v8-serialized) chunks: pass those on.
  const capture = (sink: string[], original: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
    function write(chunk: unknown, encoding?: unknown, cb?: unknown): boolean {
      if (typeof chunk !== 'string') return (original as (...a: unknown[]) => boolean).call(stream, chunk, encoding, cb);
      sink.push(chunk);
      const done = typeof encoding === 'function' ? encoding : cb;
      if (typeof done === 'function') (done as () => void)();
      return true;
    };
  for (const [k, v] of Object.entries(options.env ?? {})) {
    origEnv[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (options.cwd) process.chdir(options.cwd);
  if (options.stdin !== undefined) setStdin(Readable.from([typeof options.stdin === 'string' ? Buffer.from(options.stdin) : Buffer.from(options.stdin)]));
  process.stdout.write = capture(out, origOut, process.stdout) as typeof process.stdout.write;
  process.stderr.write = capture(err, origErr, process.stderr) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = origOut;
    process.stderr.write = origErr;
    setStdin(undefined);
    process.chdir(origCwd);
    for (const [k, v] of Object.entries(origEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}


/**
 * A temporary folder with a rapport.config.json that turns every built-in rule
 * off and adds small team lists, so findings (and exit codes) in CLI tests do
 * not move when the built-in rules change:
 *   test.blame  blaming  error    "you should have"
 *   test.curt   blunt    warning  "just do it"
 *   test.vague  jargon   info     "the thingy"
 *   test.door   open-door (a strength) "reply here"
 */
export function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  const rules: Record<string, string> = {};
  for (const r of getDefaultEngine().rules) rules[r.id] = 'off';
  const config = {
    rules,
    phrases: [
      { id: 'test.blame', kind: 'existence', category: 'blaming', severity: 'error', message: '“{{actual}}” puts the fault on the customer.', phrases: [{ phrase: 'you should have', suggest: 'next time, it helps to' }] },
      { id: 'test.curt', kind: 'existence', category: 'blunt', severity: 'warning', message: '“{{actual}}” is curt.', phrases: ['just do it'] },
      { id: 'test.vague', kind: 'existence', category: 'jargon', severity: 'info', message: '“{{actual}}” is vague.', phrases: ['the thingy'] },
      { id: 'test.door', kind: 'existence', category: 'open-door', message: 'Invites the customer back.', phrases: ['reply here'] },
    ],
  };
  writeFileSync(join(dir, 'rapport.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
