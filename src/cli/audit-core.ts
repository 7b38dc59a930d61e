// One conversation through the engine into its audit line: shared by the
// in-process path and the worker threads, so both write exactly the same bytes.

import type { Engine, Severity } from '../engine/index.js';
import { parseConversationLine } from '../formats/jsonl.js';
import { auditRecord } from '../formats/records.js';

/** A conversation already read, or a raw JSON Lines line still to parse (with worker threads the main thread only splits lines). */
export type WorkItem = { conversation: Record<string, unknown> } | { line: string; n: number };

/** A result, or why a raw line was not a conversation. */
export type WorkResult = AuditedConversation | { skipped: string };

export function auditItem(engine: Engine, item: WorkItem, now: string | undefined): WorkResult {
  if ('conversation' in item) return auditOne(engine, item.conversation, now);
  const parsed = parseConversationLine(item.line, item.n);
  if (!parsed.ok) return { skipped: parsed.reason };
  const c = parsed.value;
  if (c.id !== undefined && c.id !== null && typeof c.id !== 'string') c.id = String(c.id);
  return auditOne(engine, c, now);
}

export interface AuditedConversation {
  /** The audit record as one JSON line (no newline). */
  line: string;
  /** The most severe problem finding, for --fail-on. */
  worst: Severity | null;
  /** What the engine had to say about the input (unknown roles, bad fields…). */
  diagnostics: string[];
  messages: number;
  /** The conversation's id, for messages about it. */
  id: unknown;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function auditOne(engine: Engine, conversation: Record<string, unknown>, now: string | undefined): AuditedConversation {
  const result = engine.analyze(conversation, now === undefined ? {} : { now });
  let worst: Severity | null = null;
  for (const f of result.findings) {
    if (f.kind !== 'problem') continue;
    if (worst === null || RANK[f.severity] > RANK[worst]) worst = f.severity;
  }
  const messages = Array.isArray(conversation.messages) ? conversation.messages.length : 0;
  return { line: JSON.stringify(auditRecord(conversation, result)), worst, diagnostics: result.diagnostics.map((d) => d.text), messages, id: conversation.id };
}
