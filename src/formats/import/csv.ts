// `csv`: one message a row, any column names (ImportOptions.columns), streamed
// row by row with csv-parse.
//
// Grouping and memory. Rows are grouped by conversation id, and conversations
// come out in the order their first row appeared. A conversation stays open,
// so that later rows with its id still join it, until the file ends or until
// the open conversations hold more than `maxBufferedMessages` messages (or
// number more than `maxOpenConversations`): then the oldest open conversations
// are written out first. So memory stays bounded on a file of any size, and a
// file whose rows are grouped or roughly in time order (the usual exports)
// comes out whole. The price: in a file where a conversation's rows are
// scattered further apart than that window, the late rows come out as a second
// part of the conversation with the same id (and `part: 2`), announced by an
// `{ok: false}` item so that nothing is silently split. Sorting the file by
// conversation id avoids it.

import type { Readable } from 'node:stream';
import type { Channel, Conversation, Message, Role } from '../../engine/types.js';
import { readCsvRows } from './csv-rows.js';
import type { CsvColumns, ImportItem, ImportOptions, Importer } from './types.js';
import { cleanText, compact, guard, stringList, toIso } from './util.js';
import { lookup } from '../../engine/lookup.js';

export const DEFAULT_COLUMNS: CsvColumns = {
  conversation_id: 'conversation_id',
  role: 'role',
  author: 'author',
  at: 'at',
  text: 'text',
  channel: 'channel',
  team: 'team',
  subject: 'subject',
  status: 'status',
  tags: 'tags',
};

const ROLE_WORDS = Object.create(null) as Record<string, Role>;
for (const w of ['customer', 'user', 'requester', 'end-user', 'end user', 'enduser', 'end_user', 'client', 'contact', 'visitor', 'inbound', 'incoming', 'caller'])
  ROLE_WORDS[w] = 'customer';
for (const w of ['agent', 'staff', 'support', 'outbound', 'outgoing', 'operator', 'helper', 'admin', 'technician', 'rep'])
  ROLE_WORDS[w] = 'agent';
for (const w of ['note', 'internal', 'private', 'internal note', 'internal-note', 'private note', 'private-note', 'comment'])
  ROLE_WORDS[w] = 'note';
for (const w of ['system', 'event', 'activity', 'automated', 'auto']) ROLE_WORDS[w] = 'system';

/** The canonical role of a role cell (case-insensitive), or undefined. */
export function csvRole(value: string): Role | undefined {
  return ROLE_WORDS[value.trim().toLowerCase()];
}

const CHANNEL_WORDS: Readonly<Record<string, Channel>> = lookup({
  chat: 'chat', 'live chat': 'chat', livechat: 'chat', 'web chat': 'chat', webchat: 'chat', messaging: 'chat', messenger: 'chat', whatsapp: 'chat',
  email: 'email', 'e-mail': 'email', mail: 'email',
  ticket: 'ticket', web: 'ticket', portal: 'ticket', form: 'ticket', 'web form': 'ticket',
  phone: 'phone', call: 'phone', voice: 'phone', telephone: 'phone',
  sms: 'sms', text: 'sms', 'text message': 'sms',
});

export function csvChannel(value: string): Channel | undefined {
  return CHANNEL_WORDS[value.trim().toLowerCase()];
}

interface Open {
  conversation: Conversation & { messages: Message[] };
  firstRow: number;
  warnings: string[];
  part: number;
}

const REMEMBERED_FLUSHED = 200_000;

async function* read(input: Readable, options: ImportOptions = {}): AsyncGenerator<ImportItem> {
  const col: CsvColumns = { ...DEFAULT_COLUMNS, ...options.columns };
  const maxMessages = Math.max(1, options.maxBufferedMessages ?? 100_000);
  const maxOpen = Math.max(1, options.maxOpenConversations ?? 10_000);
  let header: string[] = [];
  let mapped = new Set<string>();
  let inboundColumn: string | undefined;
  const checkHeader = (names: string[]): string | undefined => {
    header = names;
    const has = (c: string) => names.includes(c);
    if (!has(col.role) && has('inbound')) inboundColumn = 'inbound';
    const missing: (keyof CsvColumns)[] = (['conversation_id', 'text'] as const).filter((k) => !has(col[k]));
    if (!has(col.role) && !inboundColumn) missing.push('role');
    if (missing.length) {
      return (
        `the header has no ${missing.map((k) => `"${col[k]}"`).join(', ')} column${missing.length > 1 ? 's' : ''} ` +
        `(it has: ${names.map((n) => JSON.stringify(n)).join(', ') || 'nothing'}); name the columns with the columns option, e.g. columns.${missing[0]}`
      );
    }
    mapped = new Set([...Object.values(col), ...(inboundColumn ? [inboundColumn] : [])]);
    return undefined;
  };

  const open = new Map<string, Open>();
  /** Ids written out before the file ended (budget), newest last, to number a later part. */
  const flushedEarly = new Map<string, number>();
  let buffered = 0;

  const finish = (o: Open): ImportItem => {
    buffered -= o.conversation.messages.length;
    open.delete(o.conversation.id!);
    if (o.warnings.length) o.conversation.import_warnings = o.warnings;
    return { ok: true, position: `row ${o.firstRow}`, conversation: o.conversation };
  };

  for await (const r of readCsvRows(input, { delimiter: options.delimiter, maxRecordBytes: options.maxRecordBytes, checkHeader })) {
    if (!r.ok) {
      yield { ok: false, position: `row ${r.row}`, reason: r.reason };
      if (r.fatal) break;
      continue;
    }
    const rec = r.record;
    const cell = (c: string): string => (typeof rec[c] === 'string' ? rec[c]! : '');
    const id = cell(col.conversation_id).trim();
    if (!id) {
      yield { ok: false, position: `row ${r.row}`, reason: `empty "${col.conversation_id}"; the row belongs to no conversation` };
      continue;
    }
    let role: Role | undefined;
    if (inboundColumn) {
      const v = cell(inboundColumn).trim().toLowerCase();
      role = ['true', 't', 'yes', '1'].includes(v) ? 'customer' : ['false', 'f', 'no', '0'].includes(v) ? 'agent' : undefined;
      if (!role) {
        yield { ok: false, position: `row ${r.row}`, reason: `"${inboundColumn}" is ${JSON.stringify(cell(inboundColumn))}; expected true or false` };
        continue;
      }
    } else {
      role = csvRole(cell(col.role));
      if (!role) {
        yield {
          ok: false,
          position: `row ${r.row}`,
          reason: `unknown role ${JSON.stringify(cell(col.role))} (expected customer, agent, note or system, or a word for one: user, requester, staff, internal…)`,
        };
        continue;
      }
    }

    let o = open.get(id);
    if (!o) {
      const part = (flushedEarly.get(id) ?? 0) + 1;
      if (part > 1) {
        flushedEarly.delete(id);
        yield {
          ok: false,
          position: `row ${r.row}`,
          reason:
            `conversation "${id}" continues after it was already written out (its rows are further apart than ${maxMessages} messages / ${maxOpen} conversations); ` +
            `its later rows come out as part ${part} with the same id — sort the file by conversation id to keep it whole`,
        };
      }
      o = { conversation: { id, messages: [] }, firstRow: r.row, warnings: [], part };
      if (part > 1) o.conversation.part = part;
      open.set(id, o);
    }
    const c = o.conversation;
    const message: Message = { role, text: cleanText(cell(col.text)) };
    const author = cell(col.author).trim();
    if (author) message.author = author;
    const atCell = cell(col.at).trim();
    if (atCell) {
      const at = toIso(atCell);
      if (at) message.at = at;
      else o.warnings.push(`row ${r.row}: "${col.at}" ${JSON.stringify(atCell)} is not a date; left out`);
    }
    for (const h of header) {
      if (mapped.has(h) || !h) continue;
      const v = cell(h);
      if (v.trim()) message[h] = v;
    }
    const channelCell = cell(col.channel).trim();
    if (channelCell && c.channel === undefined) {
      const ch = csvChannel(channelCell);
      if (ch) c.channel = ch;
      else if (!o.warnings.some((w) => w.includes('channel'))) o.warnings.push(`row ${r.row}: unknown channel ${JSON.stringify(channelCell)} (expected chat, email, ticket, phone or sms); left out`);
    }
    for (const k of ['team', 'subject', 'status'] as const) {
      const v = cell(col[k]).trim();
      if (v && c[k] === undefined) c[k] = v;
    }
    const tags = stringList(cell(col.tags));
    if (tags && c.tags === undefined) c.tags = tags;
    c.messages.push(compact(message));
    buffered++;

    while ((buffered > maxMessages || open.size > maxOpen) && open.size > 0) {
      const oldest = open.values().next().value as Open;
      const item = finish(oldest);
      flushedEarly.set(oldest.conversation.id!, oldest.part);
      if (flushedEarly.size > REMEMBERED_FLUSHED) flushedEarly.delete(flushedEarly.keys().next().value as string);
      yield item;
    }
  }
  for (const o of [...open.values()]) yield finish(o);
}

export const csvImporter: Importer = {
  id: 'csv',
  description: 'CSV, one message a row: conversation_id, role, author, at, text, channel (column names configurable)',
  read: (input, options) => guard(input, read(input, options)),
};
