// `chatwoot`: Chatwoot conversations and their messages, as the Application
// API returns them. Accepted shapes, as JSON Lines or one document:
//   - a conversation with "messages": {"id", "status", "meta": {"sender", "assignee", "channel", "team"}, "labels", "messages": [...]}
//   - the messages endpoint's answer {"meta": {...}, "payload": [messages]}, grouped by conversation_id
//   - a conversation list {"data": {"payload": [...]}} or {"payload": [...]}, or a bare list of conversations or messages
//
// A message {content, message_type, private, created_at (Unix seconds), sender}:
// private → note; message_type 0 / "incoming" → customer, 1 / "outgoing" →
// agent (bots included: the customer reads them), 2 / "activity" and 3 /
// "template" (automated prompts) → system. The author is sender.name. The inbox
// type gives the channel: web widget and messengers (WhatsApp, Telegram, Line,
// Facebook, Instagram) → chat, email → email, SMS → sms, voice → phone; API and
// Twitter inboxes → none.

import type { Channel, Conversation, Message, Role } from '../../engine/types.js';
import { importJson, type Unit } from './json-records.js';
import type { Importer } from './types.js';
import { bool, cleanText, compact, guard, idOf, isObject, personName, pick, sortByTime, str, stringList, toIso, type Json } from './util.js';
import { lookup } from '../../engine/lookup.js';

interface Ctx {
  meta?: Json;
}

const MESSAGE_TYPE: Readonly<Record<string, Role>> = lookup({
  '0': 'customer', incoming: 'customer',
  '1': 'agent', outgoing: 'agent',
  '2': 'system', activity: 'system',
  '3': 'system', template: 'system',
});

const INBOX_CHANNEL: Readonly<Record<string, Channel>> = lookup({
  'channel::webwidget': 'chat',
  'channel::whatsapp': 'chat',
  'channel::telegram': 'chat',
  'channel::line': 'chat',
  'channel::facebookpage': 'chat',
  'channel::instagram': 'chat',
  'channel::email': 'email',
  'channel::sms': 'sms',
  'channel::twiliosms': 'sms',
  'channel::voice': 'phone',
});

const NOT_A_CONVERSATION =
  'not a Chatwoot conversation: expected a conversation with "messages", a {"payload": [...]} answer, or a list of conversations or messages';

function isMessage(v: unknown): v is Json {
  return isObject(v) && v.message_type !== undefined && (v.content !== undefined || v.conversation_id !== undefined);
}

function* group(messages: Json[], ctx: Ctx): Iterable<Unit<Ctx>> {
  const byConversation = new Map<string, Json[]>();
  for (const m of messages) {
    const id = idOf(m.conversation_id) ?? '';
    let list = byConversation.get(id);
    if (!list) byConversation.set(id, (list = []));
    list.push(m);
  }
  for (const [id, list] of byConversation) yield { record: { id: id || undefined, messages: list }, ctx };
}

function* unwrap(value: unknown, inherited: Ctx = {}, depth = 0): Iterable<Unit<Ctx>> {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isMessage)) {
      yield* group(value as Json[], inherited);
      return;
    }
    for (const v of value) {
      if (isObject(v) && depth < 3) yield* unwrap(v, inherited, depth + 1);
      else yield { error: `${NOT_A_CONVERSATION} (got ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v})` };
    }
    return;
  }
  if (!isObject(value)) {
    yield { error: `${NOT_A_CONVERSATION} (got ${value === null ? 'null' : typeof value})` };
    return;
  }
  if (isObject(value.data) && depth < 3) {
    yield* unwrap(value.data, inherited, depth + 1);
    return;
  }
  if (Array.isArray(value.payload)) {
    const ctx: Ctx = isObject(value.meta) ? { meta: value.meta } : inherited;
    if (value.payload.length > 0 && value.payload.every(isMessage)) yield* group(value.payload as Json[], ctx);
    else for (const c of value.payload) yield isObject(c) ? { record: c, ctx } : { error: NOT_A_CONVERSATION };
    return;
  }
  if (Array.isArray(value.messages) || (value.id !== undefined && value.inbox_id !== undefined)) {
    yield { record: value, ctx: inherited };
    return;
  }
  yield { error: NOT_A_CONVERSATION };
}

function convert(record: unknown, ctx: Ctx): Conversation | string {
  if (!isObject(record)) return NOT_A_CONVERSATION;
  const c = record;
  if (!Array.isArray(c.messages)) return c.messages === undefined ? 'the conversation has no "messages" list' : '"messages" must be a list';
  const meta: Json = isObject(c.meta) ? c.meta : (ctx.meta ?? {});
  const contact = pick(meta, 'sender', 'contact');
  const contactName = personName(isObject(contact) && Array.isArray(contact.payload) ? contact.payload[0] : contact);
  const warnings: string[] = [];
  const messages: Message[] = [];
  c.messages.forEach((raw: unknown, i: number) => {
    if (!isObject(raw)) {
      warnings.push(`message ${i + 1} is not an object; left out`);
      return;
    }
    const type = str(raw.message_type)?.toLowerCase();
    const base = type !== undefined ? MESSAGE_TYPE[type] : undefined;
    if (!base) {
      warnings.push(`message ${i + 1} has an unknown message_type ${JSON.stringify(raw.message_type)}; left out`);
      return;
    }
    const role: Role = bool(raw.private) === true ? 'note' : base;
    const content = typeof raw.content === 'string' ? cleanText(raw.content) : '';
    const author = personName(raw.sender) ?? (base === 'customer' ? contactName : undefined);
    messages.push(compact({ role, text: content, author, at: toIso(raw.created_at) } as Message));
  });
  const inbox = str(pick(meta, 'channel')) ?? str(c.channel) ?? (isObject(c.inbox) ? str(c.inbox.channel_type) : undefined);
  const team = isObject(meta.team) ? str(meta.team.name) : undefined;
  const attrs = isObject(c.additional_attributes) ? c.additional_attributes : {};
  const conversation: Conversation = compact({
    id: idOf(pick(c, 'id', 'display_id')),
    channel: inbox ? INBOX_CHANNEL[inbox.toLowerCase()] : undefined,
    messages: sortByTime(messages),
    status: str(c.status),
    tags: stringList(c.labels) ?? stringList(meta.labels),
    team,
    subject: str(attrs.mail_subject),
    customer: contactName,
  });
  if (warnings.length) conversation.import_warnings = warnings;
  return conversation;
}

export const chatwootImporter: Importer = {
  id: 'chatwoot',
  description: 'Chatwoot conversations and messages (API JSON: conversation with messages, or a messages payload; one a line or one document)',
  read: (input, options) => guard(input, importJson(input, options, { label: 'conversation', unwrap: (v) => unwrap(v), convert })),
};
