// `zendesk`: Zendesk Support tickets with their comments, as the Tickets and
// Ticket Comments APIs return them. Accepted shapes, as JSON Lines (one a line)
// or one document:
//   - a ticket with its comments nested: {"id", "subject", "status", "via": {"channel"},
//     "requester_id", ..., "comments": [...]}
//   - {"ticket": {...}, "comments": [...]} (a ticket and its comments endpoint side by side)
//   - {"tickets": [...]} or a bare array of the above
//   - {"comments": [...]} alone (the comments endpoint; the id from "ticket_id" if present)
// Sideloaded "users" ([{id, name, role}]) and "groups" ([{id, name}]) next to
// the tickets name the authors and the team.
//
// A comment is {author_id, body | plain_body | html_body, public, created_at}.
// public:false → note; author -1 (Zendesk itself) → system; otherwise the
// author's role when users are sideloaded (end-user → customer, agent/admin →
// agent), else the requester and the CC'd end-users (collaborator_ids,
// email_cc_ids) → customer and everyone else → agent. A ticket with no comments
// but a description becomes one customer message (Zendesk stores the
// description as the first comment).

import type { Channel, Conversation, Message, Role } from '../../engine/types.js';
import { htmlToText } from './html.js';
import { importJson, type Unit } from './json-records.js';
import type { Importer } from './types.js';
import { cleanText, compact, guard, idOf, isObject, personName, pick, sortByTime, str, stringList, toIso, type Json } from './util.js';
import { lookup } from '../../engine/lookup.js';

interface Ctx {
  users: Map<string, { name?: string; role?: string }>;
  groups: Map<string, string>;
}

const VIA_CHANNEL: Readonly<Record<string, Channel>> = lookup({
  email: 'email',
  mail: 'email',
  web: 'ticket',
  web_form: 'ticket',
  web_widget: 'ticket',
  help_center: 'ticket',
  mobile: 'ticket',
  mobile_sdk: 'ticket',
  api: 'ticket',
  web_service: 'ticket',
  chat: 'chat',
  chat_transcript: 'chat',
  native_messaging: 'chat',
  messaging: 'chat',
  voice: 'phone',
  phone: 'phone',
  voicemail: 'phone',
  sms: 'sms',
  text: 'sms',
});

function contextOf(wrapper: Json, inherited?: Ctx): Ctx {
  const ctx: Ctx = { users: new Map(inherited?.users ?? []), groups: new Map(inherited?.groups ?? []) };
  if (Array.isArray(wrapper.users))
    for (const u of wrapper.users) {
      if (!isObject(u)) continue;
      const id = idOf(u.id);
      if (id !== undefined) ctx.users.set(id, { name: personName(u), role: str(u.role)?.toLowerCase() });
    }
  if (Array.isArray(wrapper.groups))
    for (const g of wrapper.groups) {
      if (!isObject(g)) continue;
      const id = idOf(g.id);
      const name = str(g.name);
      if (id !== undefined && name) ctx.groups.set(id, name);
    }
  return ctx;
}

const NOT_A_TICKET =
  'not a Zendesk ticket: expected a ticket object with "comments", {"ticket": {...}, "comments": [...]}, {"tickets": [...]} or a list of tickets';

function* unwrap(value: unknown, inherited?: Ctx, depth = 0): Iterable<Unit<Ctx>> {
  const empty: Ctx = inherited ?? { users: new Map(), groups: new Map() };
  if (Array.isArray(value)) {
    for (const v of value) {
      if (isObject(v)) yield* depth < 2 ? unwrap(v, empty, depth + 1) : [{ record: v, ctx: empty }];
      else yield { error: `${NOT_A_TICKET} (got ${v === null ? 'null' : typeof v})` };
    }
    return;
  }
  if (!isObject(value)) {
    yield { error: `${NOT_A_TICKET} (got ${value === null ? 'null' : typeof value})` };
    return;
  }
  const ctx = contextOf(value, inherited);
  if (Array.isArray(value.tickets)) {
    for (const t of value.tickets) {
      if (isObject(t)) yield { record: t, ctx };
      else yield { error: `${NOT_A_TICKET} (got ${t === null ? 'null' : typeof t})` };
    }
    return;
  }
  if (isObject(value.ticket)) {
    const comments = Array.isArray(value.comments) ? value.comments : value.ticket.comments;
    yield { record: { ...value.ticket, comments }, ctx };
    return;
  }
  if (Array.isArray(value.comments) && value.id === undefined && value.subject === undefined) {
    yield { record: { id: value.ticket_id, comments: value.comments }, ctx };
    return;
  }
  if (value.id !== undefined || Array.isArray(value.comments) || value.description !== undefined) {
    yield { record: value, ctx };
    return;
  }
  yield { error: NOT_A_TICKET };
}

function commentText(c: Json): string | undefined {
  const plain = pick(c, 'plain_body', 'body');
  if (typeof plain === 'string') return cleanText(plain);
  const html = c.html_body;
  if (typeof html === 'string') return htmlToText(html);
  return undefined;
}

function convert(record: unknown, ctx: Ctx): Conversation | string {
  if (!isObject(record)) return NOT_A_TICKET;
  const t = record;
  const id = idOf(t.id);
  const requester = idOf(t.requester_id);
  const customers = new Set<string>(requester !== undefined ? [requester] : []);
  for (const k of ['collaborator_ids', 'email_cc_ids'])
    if (Array.isArray(t[k])) for (const x of t[k] as unknown[]) if (idOf(x) !== undefined) customers.add(idOf(x)!);
  const requesterName = personName(t.requester);
  const warnings: string[] = [];

  let comments: unknown[];
  if (Array.isArray(t.comments)) comments = t.comments;
  else if (typeof t.description === 'string') comments = [{ author_id: t.requester_id, body: t.description, public: true, created_at: t.created_at }];
  else return t.comments === undefined ? 'the ticket has no "comments" list and no description' : '"comments" must be a list';

  const messages: Message[] = [];
  comments.forEach((raw, i) => {
    if (!isObject(raw)) {
      warnings.push(`comment ${i + 1} is not an object; left out`);
      return;
    }
    const text = commentText(raw);
    if (text === undefined) {
      warnings.push(`comment ${i + 1} has no body, plain_body or html_body; left out`);
      return;
    }
    const authorId = idOf(pick(raw, 'author_id')) ?? idOf(isObject(raw.author) ? raw.author.id : undefined);
    const user = authorId !== undefined ? ctx.users.get(authorId) : undefined;
    let role: Role;
    if (raw.public === false || raw.public === 'false') role = 'note';
    else if (authorId === '-1') role = 'system';
    else if (user?.role === 'end-user') role = 'customer';
    else if (user?.role === 'agent' || user?.role === 'admin') role = 'agent';
    else if (authorId !== undefined && customers.has(authorId)) role = 'customer';
    else role = 'agent';
    const author =
      user?.name ??
      personName(raw.author) ??
      (authorId !== undefined && authorId === requester ? requesterName : undefined) ??
      (authorId === '-1' ? 'Zendesk' : authorId);
    messages.push(compact({ role, text, author, at: toIso(raw.created_at) }));
  });

  const via = isObject(t.via) ? str(t.via.channel) : undefined;
  const groupId = idOf(t.group_id);
  const conversation: Conversation = compact({
    id,
    channel: via ? VIA_CHANNEL[via.toLowerCase()] : undefined,
    messages: sortByTime(messages),
    subject: str(pick(t, 'subject', 'raw_subject')),
    status: str(t.status),
    priority: str(t.priority),
    type: str(t.type),
    tags: stringList(t.tags),
    team: groupId !== undefined ? (ctx.groups.get(groupId) ?? groupId) : undefined,
    requester: requesterName,
  });
  if (warnings.length) conversation.import_warnings = warnings;
  return conversation;
}

export const zendeskImporter: Importer = {
  id: 'zendesk',
  description: 'Zendesk tickets with comments (API JSON: ticket + comments, {"tickets": [...]}, one a line or one document)',
  read: (input, options) => guard(input, importJson(input, options, { label: 'ticket', unwrap: (v) => unwrap(v), convert })),
};
