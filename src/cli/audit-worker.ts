// A worker thread of `rapport audit --workers N`: builds its own engine from
// the team config it was given, then turns batches of conversations into
// audit lines. The main thread keeps the order.

import { parentPort, workerData } from 'node:worker_threads';
import { Engine, type EngineConfig } from '../engine/index.js';
import { auditItem, type WorkItem, type WorkResult } from './audit-core.js';

export type { WorkItem, WorkResult } from './audit-core.js';

export interface WorkerInit {
  config: EngineConfig;
  now?: string;
}

export interface WorkerRequest {
  batch: number;
  items: WorkItem[];
}

export interface WorkerReply {
  batch: number;
  results: WorkResult[];
  error?: string;
}

const init = workerData as WorkerInit;
const engine = new Engine(init.config);

parentPort!.on('message', (req: WorkerRequest) => {
  try {
    const results = req.items.map((item): WorkResult => auditItem(engine, item, init.now));
    parentPort!.postMessage({ batch: req.batch, results } satisfies WorkerReply);
  } catch (e) {
    parentPort!.postMessage({ batch: req.batch, results: [], error: (e as Error).message } satisfies WorkerReply);
  }
});
