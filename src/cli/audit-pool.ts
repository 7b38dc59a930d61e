// Spreads audit batches over worker threads and hands the results back in
// input order. At most `depth` batches wait per worker, so a multi-gigabyte
// input never piles up in memory: `submit` waits when the pool is full. A
// worker that dies (a giant message can exhaust its heap) loses nothing: its
// unfinished batches are redone in this thread and the worker is replaced.

import { Worker } from 'node:worker_threads';
import type { WorkItem, WorkResult, WorkerInit, WorkerReply, WorkerRequest } from './audit-worker.js';

/**
 * A worker's young generation is kept small so that V8 collects short-lived
 * garbage early instead of letting every thread grow by hundreds of MB: an
 * archive audit on two cores stays well under 512 MB. The old generation is
 * only bounded against runaway growth (`RAPPORT_WORKER_HEAP_MB`).
 */
function workerLimits(): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: Number(process.env.RAPPORT_WORKER_HEAP_MB) || 384, maxYoungGenerationSizeMb: 24 };
}

interface Slot {
  worker: Worker;
  /** Batches sent to this worker and not yet answered. */
  inFlight: Map<number, WorkItem[]>;
}

export class AuditPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, WorkResult[]>();
  private readonly waiting: Array<() => void> = [];
  private failure: Error | undefined;
  private nextBatch = 0;
  private nextOut = 0;
  private closing = false;
  private readonly url: URL;

  /**
   * `fallback` audits a batch in this thread when its worker died: the conversations still come out, in order.
   * `onRecover` is told why, for a message on stderr.
   */
  constructor(
    size: number,
    private readonly init: WorkerInit,
    private readonly fallback: (items: WorkItem[]) => WorkResult[],
    private readonly onRecover: (why: string) => void = () => undefined,
    private readonly depth = 3,
  ) {
    // Built: dist/cli/audit-worker.js. From source (tests, tsx): the .ts file, which the inherited loader compiles.
    this.url = new URL(import.meta.url.endsWith('.ts') ? './audit-worker.ts' : './audit-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = this.url.pathname.endsWith('.ts') ? sourceWorker(this.url, this.init) : new Worker(this.url, { workerData: this.init, resourceLimits: workerLimits() });
    const slot: Slot = { worker, inFlight: new Map() };
    let recovered = false;
    const recover = (why: string): void => {
      if (recovered) return;
      recovered = true;
      const lost = [...slot.inFlight.entries()];
      slot.inFlight.clear();
      if (lost.length) this.onRecover(`an audit worker stopped (${why}); its ${lost.length} unfinished batch${lost.length === 1 ? '' : 'es'} ran in the main thread`);
      try {
        for (const [batch, items] of lost) this.pending.set(batch, this.fallback(items));
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots[i] = this.spawn();
      } catch (e) {
        this.failure ??= e as Error;
      }
      this.wake();
    };
    worker.on('message', (reply: WorkerReply) => {
      const items = slot.inFlight.get(reply.batch);
      slot.inFlight.delete(reply.batch);
      // A batch the worker could not finish is redone here, not lost.
      this.pending.set(reply.batch, reply.error && items ? this.fallback(items) : reply.results);
      this.wake();
    });
    worker.on('error', (e) => {
      if (!this.closing) recover((e as Error).message);
    });
    worker.on('exit', (code) => {
      if (this.closing) return;
      if (code !== 0 || slot.inFlight.size > 0) recover(`exit code ${code}`);
    });
    return slot;
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
    await this.until(() => this.slots.some((s) => s.inFlight.size < this.depth));
    let best = this.slots[0]!;
    for (const s of this.slots) if (s.inFlight.size < best.inFlight.size) best = s;
    const batch = this.nextBatch++;
    best.inFlight.set(batch, items);
    best.worker.postMessage({ batch, items } satisfies WorkerRequest);
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
    this.closing = true;
    const slots = this.slots.splice(0);
    for (const s of slots) s.inFlight.clear();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** From source (tests run the .ts files): a worker that registers tsx's loader before importing the TypeScript entry. */
function sourceWorker(url: URL, init: WorkerInit): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData: init, resourceLimits: workerLimits() });
}
