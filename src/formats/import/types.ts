// The importer contract: every importer turns one export file (a stream) into
// canonical conversations (shared/TAXONOMY.md), one item at a time, and reports
// each record it cannot use with its position instead of stopping.

import type { Readable } from 'node:stream';
import type { Conversation } from '../../engine/types.js';

/** Which CSV header holds each canonical field (the `csv` importer). */
export interface CsvColumns {
  conversation_id: string;
  role: string;
  author: string;
  at: string;
  text: string;
  channel: string;
  /** Conversation-level facts, taken from the first row of the conversation that has them. */
  team: string;
  subject: string;
  status: string;
  tags: string;
}

export interface ImportOptions {
  /** csv: header names for the canonical fields (defaults: the field names themselves). */
  columns?: Partial<CsvColumns>;
  /** csv and twcs: the field delimiter (default ","). */
  delimiter?: string;
  /**
   * csv: how many messages may wait in memory for more rows of their
   * conversation before the oldest conversations are written out (default 100 000).
   */
  maxBufferedMessages?: number;
  /** csv: how many conversations may be open at once (default 10 000). */
  maxOpenConversations?: number;
  /** The longest line (JSON Lines) or record (CSV) accepted, in bytes; longer ones are reported and skipped (default 64 MiB). */
  maxRecordBytes?: number;
  /** The file the input was read from: ubuntu-irc takes the log's date and its annotation file from it. */
  path?: string;
  /** ubuntu-irc: the reply links ("i j -" lines); default: the annotation file beside `path`. */
  annotations?: Readable;
  /** ubuntu-irc: the date of the log (YYYY-MM-DD); default: from the file name. */
  date?: string;
}

export type ImportItem =
  | { ok: true; position: string; conversation: Conversation }
  | { ok: false; position: string; reason: string };

export interface Importer {
  id: string;
  description: string;
  read(input: Readable, options?: ImportOptions): AsyncIterable<ImportItem>;
}
