// `freescout`: FreeScout conversations with their threads, as the API & Webhooks
// module returns them (GET /api/conversations/{id}?embed=threads), or rows of
// FreeScout's own tables. Accepted shapes, as JSON Lines or one document: a
// conversation with "_embedded": {"threads": [...]} or "threads": [...];
// {"conversation": {...}, "threads": [...]}; the list answer
// {"_embedded": {"conversations": [...]}}; a bare list of conversations.
// camelCase API fields (createdBy, createdAt) and snake_case table columns
// (created_by, created_at, numeric types) are both understood.
//
// A thread: type customer → customer, message → agent, note → note (phone
// calls are logged as notes), lineitem (assignments, status changes) → system
// with its action text, chat/phone/other → by who created it (customer or
// user). Drafts and threads held for review or hidden are left out: the
// customer never saw them. Bodies are HTML and become plain text, quoted mail
// as "> " lines. The API lists threads newest first; messages are put in time
// order. Conversation type email/phone/chat → channel.

import type { Channel, Conversation, Message, Role } from '../../engine/types.js';
import { bodyText } from './html.js';
import { importJson, type Unit } from './json-records.js';
import type { Importer } from './types.js';
import { compact, guard, idOf, isObject, personName, pick, sortByTime, str, stringList, toIso, type Json } from './util.js';
import { lookup } from '../../engine/lookup.js';

type Ctx = Record<string, never>;

// FreeScout's numeric codes (app/Thread.php, app/Conversation.php).
const THREAD_TYPE: Readonly<Record<string, string>> = lookup({ '1': 'customer', '2': 'message', '3': 'note', '4': 'lineitem', '5': 'phone', '6': 'forwardparent', '7': 'forwardchild', '8': 'chat' });
const THREAD_STATE: Readonly<Record<string, string>> = lookup({ '1': 'draft', '2': 'published', '3': 'hidden', '4': 'review' });
const CONVERSATION_TYPE: Readonly<Record<string, Channel>> = lookup({ '1': 'email', '2': 'phone', '3': 'chat', email: 'email', phone: 'phone', chat: 'chat' });
const STATUS: Readonly<Record<string, string>> = lookup({ '1': 'active', '2': 'pending', '3': 'closed', '4': 'spam' });

const NOT_A_CONVERSATION =
  'not a FreeScout conversation: expected a conversation with "_embedded": {"threads": [...]} or "threads", or a list of conversations';

function* unwrap(value: unknown, depth = 0): Iterable<Unit<Ctx>> {
  if (Array.isArray(value)) {
    for (const v of value) {
      if (isObject(v) && depth < 2) yield* unwrap(v, depth + 1);
      else yield { error: `${NOT_A_CONVERSATION} (got ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v})` };
    }
    return;
  }
  if (!isObject(value)) {
    yield { error: `${NOT_A_CONVERSATION} (got ${value === null ? 'null' : typeof value})` };
    return;
  }
  const embedded = isObject(value._embedded) ? value._embedded : undefined;
  if (embedded && Array.isArray(embedded.conversations)) {
    for (const c of embedded.conversations) yield isObject(c) ? { record: c, ctx: {} } : { error: NOT_A_CONVERSATION };
    return;
  }
  if (Array.isArray(value.conversations)) {
    for (const c of value.conversations) yield isObject(c) ? { record: c, ctx: {} } : { error: NOT_A_CONVERSATION };
    return;
  }
  if (isObject(value.conversation)) {
    yield { record: { ...value.conversation, threads: Array.isArray(value.threads) ? value.threads : threadsOf(value.conversation) }, ctx: {} };
    return;
  }
  if (value.id !== undefined || threadsOf(value) !== undefined) {
    yield { record: value, ctx: {} };
    return;
  }
  yield { error: NOT_A_CONVERSATION };
}

function threadsOf(c: Json): unknown {
  if (isObject(c._embedded) && c._embedded.threads !== undefined) return c._embedded.threads;
  return c.threads;
}

function code(v: unknown, names: Record<string, string>): string | undefined {
  const s = str(v)?.trim().toLowerCase();
  return s === undefined ? undefined : (names[s] ?? s);
}

function lineItemText(t: Json): string {
  const body = typeof t.body === 'string' ? bodyText(t.body, undefined) : '';
  if (body) return body;
  const action = isObject(t.action) ? t.action : undefined;
  return str(action?.text)?.trim() ?? str(pick(t, 'action_text'))?.trim() ?? '';
}

function convert(record: unknown): Conversation | string {
  if (!isObject(record)) return NOT_A_CONVERSATION;
  const c = record;
  const threads = threadsOf(c);
  if (!Array.isArray(threads)) return threads === undefined ? 'the conversation has no threads (fetch it with embed=threads)' : '"threads" must be a list';
  const customerName = personName(c.customer);
  const warnings: string[] = [];
  const messages: Message[] = [];
  threads.forEach((raw: unknown, i: number) => {
    if (!isObject(raw)) {
      warnings.push(`thread ${i + 1} is not an object; left out`);
      return;
    }
    const state = code(raw.state, THREAD_STATE);
    if (state === 'draft' || state === 'hidden' || state === 'review') return;
    const type = code(raw.type, THREAD_TYPE);
    const by = pick(raw, 'createdBy', 'created_by');
    const byType = isObject(by) ? str(by.type)?.toLowerCase() : raw.created_by_customer_id ? 'customer' : raw.created_by_user_id ? 'user' : undefined;
    let role: Role;
    let text: string;
    if (type === 'lineitem') {
      text = lineItemText(raw);
      if (!text) return;
      role = 'system';
    } else {
      if (typeof raw.body !== 'string') {
        warnings.push(`thread ${i + 1} has no body; left out`);
        return;
      }
      text = bodyText(raw.body, undefined);
      if (type === 'note' || type === 'forwardparent' || type === 'forwardchild') role = 'note';
      else if (type === 'customer') role = 'customer';
      else if (type === 'message') role = 'agent';
      else role = byType === 'customer' ? 'customer' : 'agent';
    }
    const author = personName(by) ?? (role === 'customer' ? (personName(raw.customer) ?? customerName) : undefined);
    messages.push(compact({ role, text, author, at: toIso(pick(raw, 'createdAt', 'created_at')) } as Message));
  });
  const status = code(c.status, STATUS);
  const type = code(c.type, {});
  const mailbox = isObject(c.mailbox) ? str(c.mailbox.name) : undefined;
  const conversation: Conversation = compact({
    id: idOf(pick(c, 'id', 'number')),
    channel: type !== undefined ? CONVERSATION_TYPE[type] : undefined,
    messages: sortByTime(messages),
    number: idOf(c.number),
    subject: str(c.subject),
    status,
    tags: stringList(c.tags, 'tag', 'name'),
    mailbox: mailbox ?? idOf(pick(c, 'mailboxId', 'mailbox_id')),
    customer: customerName,
  });
  if (warnings.length) conversation.import_warnings = warnings;
  return conversation;
}

export const freescoutImporter: Importer = {
  id: 'freescout',
  description: 'FreeScout conversations with threads (API JSON with embed=threads, or table rows; one a line or one document)',
  read: (input, options) => guard(input, importJson(input, options, { label: 'conversation', unwrap: (v) => unwrap(v), convert })),
};
