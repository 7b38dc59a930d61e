// `jsonl`: Rapport's own canonical JSON Lines (shared/TAXONOMY.md), one
// conversation a line, streamed. Each line is checked by the same code the CLI
// uses; message-level problems (an unknown role, a missing text) are left to
// the engine, which reports them as diagnostics and carries on.

import type { Readable } from 'node:stream';
import type { Conversation } from '../../engine/types.js';
import { parseConversationLine } from '../jsonl.js';
import { readLines } from './lines.js';
import type { ImportItem, ImportOptions, Importer } from './types.js';
import { DEFAULT_MAX_RECORD_BYTES, guard } from './util.js';

async function* read(input: Readable, options?: ImportOptions): AsyncGenerator<ImportItem> {
  const max = options?.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  for await (const line of readLines(input, max)) {
    const position = `line ${line.n}`;
    if (!line.ok) {
      yield { ok: false, position, reason: `line too long (${line.bytes} bytes; the limit is ${max} bytes); skipped` };
      continue;
    }
    if (!line.text.trim()) continue;
    const item = parseConversationLine(line.text, line.n);
    if (!item.ok) {
      yield { ok: false, position, reason: item.reason };
      continue;
    }
    const conversation = item.value as Conversation;
    if (conversation.id !== undefined && conversation.id !== null && typeof conversation.id !== 'string') conversation.id = String(conversation.id);
    yield { ok: true, position, conversation };
  }
}

export const jsonlImporter: Importer = {
  id: 'jsonl',
  description: 'Rapport canonical JSON Lines: one {"id", "channel", "messages": [...]} conversation a line',
  read: (input, options) => guard(input, read(input, options)),
};
