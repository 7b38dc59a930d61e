// A worker thread of `rapport audit --workers N`: builds its own engine from
// the team config it was given, then turns batches of conversations into
// audit lines. The main thread keeps the order.

import { parentPort, workerData } from 'node:worker_threads';
import { Engine, type EngineConfig } from '../engine/index.js';
import { parseConversationLine } from '../formats/jsonl.js';
import { auditOne, type AuditedConversation } from './audit-core.js';

export interface WorkerInit {
  config: EngineConfig;
  now?: string;
}

/** A conversation already read, or a raw JSON Lines line for the worker to parse (the main thread only splits lines). */
export type WorkItem = { conversation: Record<string, unknown> } | { line: string; n: number };

export interface WorkerRequest {
  batch: number;
  items: WorkItem[];
}

/** A result, or why a raw line was not a conversation. */
export type WorkResult = AuditedConversation | { skipped: string };

export interface WorkerReply {
  batch: number;
  results: WorkResult[];
  error?: string;
}

const init = workerData as WorkerInit;
const engine = new Engine(init.config);

parentPort!.on('message', (req: WorkerRequest) => {
  try {
    const results = req.items.map((item): WorkResult => {
      if ('conversation' in item) return auditOne(engine, item.conversation, init.now);
      const parsed = parseConversationLine(item.line, item.n);
      if (!parsed.ok) return { skipped: parsed.reason };
      const c = parsed.value;
      if (c.id !== undefined && c.id !== null && typeof c.id !== 'string') c.id = String(c.id);
      return auditOne(engine, c, init.now);
    });
    parentPort!.postMessage({ batch: req.batch, results } satisfies WorkerReply);
  } catch (e) {
    parentPort!.postMessage({ batch: req.batch, results: [], error: (e as Error).message } satisfies WorkerReply);
  }
});
