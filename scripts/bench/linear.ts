// Cost grows linearly (issue 5, point 4): the time per character of one
// message as the message grows from ~100 words to 1,000× that, and on
// adversarial inputs (long runs of one character, thousands of nested quotes,
// list markers, brackets or newlines) at two sizes, N and 4N — a time ratio
// near 4 is linear, near 16 quadratic. Printed figures, never assertions.
//
// The runs happen in a worker thread with its own engine: a run that does not
// finish within the time limit is stopped and reported, and the bench goes on.

import { Worker } from 'node:worker_threads';
import { fmt, table } from './format.js';
import type { LinearJob, LinearResult } from './linear-worker.js';

/** 1 KB = 1,024 characters here; every input is ASCII, so also 1,024 bytes. */
const KB = 1024;
/** Adversarial sizes: N and 4N characters. */
const N = 100 * KB;
/** Each measurement repeats its input for this long (growth table; adversarial inputs get half), and at least three times unless that takes over 3 s. */
const BUDGET_MS = 1000;
/** A single measurement still running after this is stopped. */
const TIMEOUT_MS = 20_000;
/** When size N already needs this long per run, 4N is not tried (it would take ≥ 4× as long). */
const SKIP_4N_AFTER_MS = 4_000;

type Outcome = LinearResult | { error: string };
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 120);

/** `unit` repeated and cut to exactly `n` characters. */
const repeatTo = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Lines from `line(i)` until the text has at least `n` characters. */
function linesTo(n: number, line: (i: number) => string): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 1; length < n; i++) {
    const l = line(i);
    out.push(l);
    length += l.length + 1;
  }
  return out.join('\n');
}

const ADVERSARIAL: Array<{ name: string; make: (n: number) => string }> = [
  { name: '"a" × N', make: (n) => 'a'.repeat(n) },
  { name: '"!" × N', make: (n) => '!'.repeat(n) },
  { name: 'one long word (mixed letters)', make: (n) => repeatTo('Pneumonoultramicroscopic', n) },
  { name: 'nested quotes "> > > …" on one line', make: (n) => `${repeatTo('> ', n - 16)}restart it please` },
  { name: 'quoted lines "> > > text"', make: (n) => linesTo(n, () => '> > > Please restart the router and try again.') },
  { name: 'bullet lines "- item"', make: (n) => linesTo(n, () => '- Restart the laptop') },
  { name: 'numbered lines "1. step"', make: (n) => linesTo(n, (i) => `${i}. Open Settings`) },
  { name: 'nested brackets "((((…"', make: (n) => '('.repeat(n) },
  { name: 'newlines between two words', make: (n) => `Hello${'\n'.repeat(n - 11)}Thanks` },
  { name: 'one sentence, no punctuation', make: (n) => repeatTo('please restart the router and ', n) },
  { name: 'one long URL', make: (n) => `https://help.example.com/${repeatTo('kb1/', n - 25)}` },
];

/** One worker with its own engine; replaced when a run has to be stopped. */
class Runner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;

  constructor(private readonly warmup: string[]) {}

  private start(): Promise<void> {
    // Node 20 does not carry tsx's loader into worker threads: register it there first.
    const tsx = import.meta.resolve('tsx/esm/api');
    const file = new URL('./linear-worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: { warmup: this.warmup }, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    this.worker = worker;
    return new Promise((resolve, reject) => {
      const fail = (e: unknown): void => {
        worker.off('message', ok);
        this.worker = undefined;
        reject(e instanceof Error ? e : new Error(`worker exited with code ${String(e)}`));
      };
      const ok = (): void => {
        worker.off('error', fail).off('exit', fail);
        resolve();
      };
      worker.once('message', ok).once('error', fail).once('exit', fail);
    });
  }

  /** Analyses `text` in the worker; an error or a time-out is an outcome, not an exception. */
  async run(text: string, budgetMs = BUDGET_MS): Promise<Outcome> {
    if (!this.worker) this.ready = this.start();
    await this.ready; // a worker that cannot start at all does throw: the section cannot run
    const worker = this.worker!;
    return new Promise((resolve) => {
      const done = (outcome: Outcome, stop: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (stop) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (m: LinearResult): void => done(m, false);
      const onError = (e: unknown): void => done({ error: `error: ${errorText(e)}` }, true);
      const onExit = (code: number): void => done({ error: `worker exited (${code})` }, true);
      const timer = setTimeout(() => done({ error: `stopped after ${TIMEOUT_MS / 1000} s` }, true), TIMEOUT_MS);
      worker.on('message', onMessage).once('error', onError).once('exit', onExit);
      worker.postMessage({ text, budgetMs } satisfies LinearJob);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }
}

const usPerKb = (o: LinearResult, chars: number): number => (o.ms * 1000) / (chars / KB);

/** Prints the growth and adversarial tables (via `say`). `base` is a reply of about 100 words. */
export async function linearBench(base: string, warmup: string[], say: (line?: string) => void): Promise<void> {
  const runner = new Runner(warmup);
  try {
    // Growth: the same reply as consecutive paragraphs, 1× to 1,000×.
    say(`\nCost per character as one message grows: a ${base.split(/\s+/).length}-word reply repeated as paragraphs, one-message agent conversation, engine.analyze; median of the runs in ≥ ${BUDGET_MS / 1000} s per size (1 KB = 1,024 characters)`);
    const growth: string[][] = [['length', 'characters', 'runs', 'ms per message', 'µs per KB', 'ratio to 1×']];
    let unit = NaN;
    for (const times of [1, 10, 100, 1000]) {
      const text = Array.from({ length: times }, () => base).join('\n\n');
      const o = await runner.run(text);
      if ('error' in o) {
        growth.push([`${times}×`, String(text.length), '', o.error, '', '']);
        continue;
      }
      const perKb = usPerKb(o, text.length);
      if (times === 1) unit = perKb;
      growth.push([`${times}×`, String(text.length), String(o.runs), fmt(o.ms), fmt(perKb, 1), fmt(perKb / unit)]);
    }
    say(table(growth));

    // Adversarial inputs at N and 4N characters.
    say(`\nAdversarial inputs at N = ${N / KB} KB and 4N = ${(4 * N) / KB} KB (one-message agent conversation; median of the runs in ≥ ${BUDGET_MS / 2000} s per size; time ratio 4N ÷ N: ≈ 4 is linear, ≈ 16 quadratic; a run is stopped after ${TIMEOUT_MS / 1000} s)`);
    const rows: string[][] = [['input', 'N: ms', 'N: µs per KB', '4N: ms', '4N: µs per KB', '4N ÷ N']];
    for (const c of ADVERSARIAL) {
      const small = await runner.run(c.make(N), BUDGET_MS / 2);
      if ('error' in small) {
        rows.push([c.name, small.error, '', 'skipped', '', '']);
        continue;
      }
      const row = [c.name, fmt(small.ms), fmt(usPerKb(small, N), 1)];
      if (small.ms > SKIP_4N_AFTER_MS) {
        rows.push([...row, `skipped (N took ${fmt(small.ms / 1000, 1)} s)`, '', '']);
        continue;
      }
      const large = await runner.run(c.make(4 * N), BUDGET_MS / 2);
      if ('error' in large) rows.push([...row, large.error, '', '']);
      else rows.push([...row, fmt(large.ms), fmt(usPerKb(large, 4 * N), 1), fmt(large.ms / small.ms, 1)]);
    }
    say(table(rows));
  } catch (e) {
    say(`\n(linear-cost section not available: ${errorText(e)})`);
  } finally {
    await runner.close();
  }
}
