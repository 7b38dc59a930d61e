// One conversation through the engine into its audit line: shared by the
// in-process path and the worker threads, so both write exactly the same bytes.

import type { Engine, Severity } from '../engine/index.js';
import { auditRecord } from '../formats/records.js';

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
