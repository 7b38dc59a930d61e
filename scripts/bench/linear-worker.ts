// Worker thread for scripts/bench/linear.ts: analyses one long input at a time
// with its own engine, so that the parent can stop a run that does not finish
// (Worker.terminate interrupts even a synchronous loop) and go on.

import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../../src/engine/index.js';

export interface LinearJob {
  text: string;
  /** Keeps analysing until this much time has passed, and for at least three runs unless those take over 3 s. */
  budgetMs: number;
}
export interface LinearResult {
  runs: number;
  /** Median wall time of one analysis: on a busy machine a single garbage collection or preemption would skew a mean. */
  ms: number;
  findings: number;
}

const port = parentPort!;
const engine = new Engine();
const analyze = (text: string): number => engine.analyze({ messages: [{ role: 'agent', text }] }).findings.length;

// Warm the JIT on ordinary replies first, so the first timed case is not charged
// for it: a fresh engine needs on the order of a thousand analyses to reach speed.
const warm = (workerData as { warmup: string[] }).warmup;
const warmEnd = performance.now() + 5000;
for (let i = 0; i < 1500 && performance.now() < warmEnd; i++) analyze(warm[i % warm.length]!);
port.postMessage({ ready: true });

port.on('message', (job: LinearJob) => {
  const times: number[] = [];
  let findings = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    const t = performance.now();
    findings = analyze(job.text);
    times.push(performance.now() - t);
    elapsed = performance.now() - t0;
  } while (elapsed < job.budgetMs || (times.length < 3 && elapsed < 3000));
  times.sort((a, b) => a - b);
  port.postMessage({ runs: times.length, ms: times[times.length >> 1]!, findings } satisfies LinearResult);
});
