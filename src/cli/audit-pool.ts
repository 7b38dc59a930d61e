// Spreads audit batches over worker threads and hands the results back in
// input order. At most `depth` batches wait per worker, so a multi-gigabyte
// input never piles up in memory: `submit` waits when the pool is full.

import { Worker } from 'node:worker_threads';
import type { WorkItem, WorkResult, WorkerInit, WorkerReply, WorkerRequest } from './audit-worker.js';

/**
 * A worker's heap is capped so that V8 collects garbage early instead of letting every
 * thread grow to several hundred MB: an archive audit on two cores stays well under 512 MB.
 * The cap still leaves room for a 5 MB message.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: Number(process.env.RAPPORT_WORKER_HEAP_MB) || 192, maxYoungGenerationSizeMb: 24 };

export class AuditPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, WorkResult[]>();
  private readonly waiting: Array<() => void> = [];
  private failure: Error | undefined;
  private nextBatch = 0;
  private nextOut = 0;

  constructor(size: number, init: WorkerInit, private readonly depth = 3) {
    // Built: dist/cli/audit-worker.js. From source (tests, tsx): the .ts file, which the inherited loader compiles.
    const url = new URL(import.meta.url.endsWith('.ts') ? './audit-worker.ts' : './audit-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const w = url.pathname.endsWith('.ts') ? sourceWorker(url, init) : new Worker(url, { workerData: init, resourceLimits: WORKER_LIMITS });
      const index = i;
      w.on('message', (reply: WorkerReply) => {
        this.load[index]!--;
        if (reply.error) this.failure ??= new Error(`an audit worker failed: ${reply.error}`);
        this.pending.set(reply.batch, reply.results);
        this.wake();
      });
      w.on('error', (e) => {
        this.failure ??= e;
        this.wake();
      });
      w.on('exit', (code) => {
        if (code !== 0) this.failure ??= new Error(`an audit worker stopped (exit code ${code})`);
        this.wake();
      });
      this.workers.push(w);
      this.load.push(0);
    }
  }

  private wake(): void {
    for (const f of this.waiting.splice(0)) f();
  }

  private async until(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failure) throw this.failure;
  }

  /** Sends a batch to the least busy worker, waiting while every worker has `depth` batches queued. */
  async submit(items: WorkItem[]): Promise<void> {
    await this.until(() => this.load.some((n) => n < this.depth));
    let best = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[best]!) best = i;
    this.load[best]!++;
    this.workers[best]!.postMessage({ batch: this.nextBatch++, items } satisfies WorkerRequest);
  }

  /** The results that are ready, in input order (the next batches in sequence). */
  take(): WorkResult[][] {
    const out: WorkResult[][] = [];
    while (this.pending.has(this.nextOut)) {
      out.push(this.pending.get(this.nextOut)!);
      this.pending.delete(this.nextOut++);
    }
    if (this.failure) throw this.failure;
    return out;
  }

  /** Waits until every submitted batch has come back; yields them in order. */
  async *drain(): AsyncGenerator<WorkResult[]> {
    while (this.nextOut < this.nextBatch) {
      await this.until(() => this.pending.has(this.nextOut));
      yield* this.take();
    }
  }

  /** Waits for the oldest batch when the results are falling behind (keeps memory flat). */
  async backlog(limit: number): Promise<void> {
    if (this.nextBatch - this.nextOut <= limit) return;
    await this.until(() => this.pending.has(this.nextOut));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** From source (tests run the .ts files): a worker that registers tsx's loader before importing the TypeScript entry. */
function sourceWorker(url: URL, init: WorkerInit): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData: init, resourceLimits: WORKER_LIMITS });
}
