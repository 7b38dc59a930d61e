// `zammad`: Zammad tickets with their articles, as the REST API returns them.
// Accepted shapes, as JSON Lines or one document:
//   - a ticket with its articles nested: {"id", "number", "title", "state", ..., "articles": [...]}
//   - {"ticket": {...}, "articles": [...]}, {"tickets": [...]} or a bare list of tickets
//   - a bare list of articles (GET /ticket_articles/by_ticket/:id), grouped by ticket_id
//   - the "all=true" answer of GET /tickets/:id: {"assets": {"Ticket": {...}, "TicketArticle": {...}, "User": {...}}}
// Expanded fields ("sender": "Customer", "type": "email", "state": "open") and
// plain ids ("sender_id": 2, "type_id": 1, "state_id": 2, with Zammad's default
// ids) are both understood.
//
// An article: internal → note; sender Customer → customer, Agent → agent,
// System → system. content_type text/html bodies become plain text (quoted mail
// in <blockquote> becomes "> " lines). The author is the display name in "from"
// ("Dana Smith <dana@example.com>" → "Dana Smith"), else the creating user.
// The channel comes from the ticket's first article type (create_article_type):
// email → email, phone → phone, web → ticket, chat → chat, sms → sms,
// messengers (telegram, whatsapp, facebook direct-message) → chat; others none.

import type { Channel, Conversation, Message, Role } from '../../engine/types.js';
import { bodyText } from './html.js';
import { importJson, type Unit } from './json-records.js';
import type { Importer } from './types.js';
import { bool, compact, displayName, guard, idOf, isObject, personName, pick, sortByTime, str, stringList, toIso, type Json } from './util.js';
import { lookup } from '../../engine/lookup.js';

interface Ctx {
  users: Map<string, string>;
}

// Zammad's seeded ids (db/seeds): ticket_article_senders, ticket_article_types, ticket_states, ticket_priorities.
const SENDER_BY_ID: Readonly<Record<string, string>> = lookup({ '1': 'Agent', '2': 'Customer', '3': 'System' });
const TYPE_BY_ID: Readonly<Record<string, string>> = lookup({
  '1': 'email', '2': 'sms', '3': 'chat', '4': 'fax', '5': 'phone', '6': 'twitter status', '7': 'twitter direct-message',
  '8': 'facebook feed post', '9': 'facebook feed comment', '10': 'note', '11': 'web', '12': 'telegram personal-message',
  '13': 'facebook direct-message', '14': 'whatsapp message',
});
const STATE_BY_ID: Readonly<Record<string, string>> = lookup({ '1': 'new', '2': 'open', '3': 'pending reminder', '4': 'closed', '5': 'merged', '6': 'removed', '7': 'pending close' });
const PRIORITY_BY_ID: Readonly<Record<string, string>> = lookup({ '1': '1 low', '2': '2 normal', '3': '3 high' });
const TYPE_CHANNEL: Readonly<Record<string, Channel>> = lookup({
  email: 'email', phone: 'phone', web: 'ticket', chat: 'chat', sms: 'sms',
  'telegram personal-message': 'chat', 'whatsapp message': 'chat', 'facebook direct-message': 'chat',
});

const NOT_A_TICKET =
  'not a Zammad ticket: expected a ticket object with "articles", {"ticket": {...}, "articles": [...]}, a list of tickets or articles, or an "assets" answer';

function usersFrom(list: unknown, into: Map<string, string>): void {
  const items = Array.isArray(list) ? list : isObject(list) ? Object.values(list) : [];
  for (const u of items) {
    if (!isObject(u)) continue;
    const id = idOf(u.id);
    const name = personName({ firstname: u.firstname, lastname: u.lastname }) ?? personName(u);
    if (id !== undefined && name) into.set(id, name);
  }
}

function isArticle(v: unknown): v is Json {
  return isObject(v) && v.ticket_id !== undefined && (v.sender !== undefined || v.sender_id !== undefined) && 'body' in v;
}

function* groupArticles(articles: Json[], tickets: Map<string, Json>, ctx: Ctx): Iterable<Unit<Ctx>> {
  const byTicket = new Map<string, Json[]>();
  for (const a of articles) {
    const tid = idOf(a.ticket_id) ?? '';
    let list = byTicket.get(tid);
    if (!list) byTicket.set(tid, (list = []));
    list.push(a);
  }
  for (const [tid, list] of byTicket) yield { record: { ...(tickets.get(tid) ?? { id: tid || undefined }), articles: list }, ctx };
  for (const [tid, t] of tickets) if (!byTicket.has(tid)) yield { record: { ...t, articles: Array.isArray(t.articles) ? t.articles : [] }, ctx };
}

function* unwrap(value: unknown, inherited?: Ctx, depth = 0): Iterable<Unit<Ctx>> {
  const base: Ctx = inherited ?? { users: new Map() };
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isArticle)) {
      yield* groupArticles(value as Json[], new Map(), base);
      return;
    }
    for (const v of value) {
      if (isObject(v) && depth < 2) yield* unwrap(v, base, depth + 1);
      else yield { error: `${NOT_A_TICKET} (got ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v})` };
    }
    return;
  }
  if (!isObject(value)) {
    yield { error: `${NOT_A_TICKET} (got ${value === null ? 'null' : typeof value})` };
    return;
  }
  const ctx: Ctx = { users: new Map(base.users) };
  usersFrom(value.users, ctx.users);
  if (isObject(value.assets)) {
    const assets = value.assets;
    usersFrom(assets.User, ctx.users);
    const tickets = new Map<string, Json>();
    for (const t of isObject(assets.Ticket) ? Object.values(assets.Ticket) : []) if (isObject(t) && idOf(t.id) !== undefined) tickets.set(idOf(t.id)!, t);
    const articles = (isObject(assets.TicketArticle) ? Object.values(assets.TicketArticle) : []).filter(isObject);
    yield* groupArticles(articles, tickets, ctx);
    return;
  }
  if (Array.isArray(value.tickets) && value.tickets.every(isObject)) {
    for (const t of value.tickets) yield { record: t, ctx };
    return;
  }
  if (isObject(value.ticket)) {
    yield { record: { ...value.ticket, articles: Array.isArray(value.articles) ? value.articles : value.ticket.articles }, ctx };
    return;
  }
  if (value.id !== undefined || Array.isArray(value.articles)) {
    yield { record: value, ctx };
    return;
  }
  yield { error: NOT_A_TICKET };
}

function named(o: Json, key: string, idKey: string, byId: Record<string, string>): string | undefined {
  const v = o[key];
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (isObject(v)) return str(v.name);
  const id = idOf(o[idKey]);
  return id !== undefined ? (byId[id] ?? id) : undefined;
}

function convert(record: unknown, ctx: Ctx): Conversation | string {
  if (!isObject(record)) return NOT_A_TICKET;
  const t = record;
  if (!Array.isArray(t.articles)) return t.articles === undefined ? 'the ticket has no "articles" list' : '"articles" must be a list';
  const warnings: string[] = [];
  const messages: Message[] = [];
  const customerId = idOf(t.customer_id);
  let firstType: string | undefined;
  t.articles.forEach((raw: unknown, i: number) => {
    if (!isObject(raw)) {
      warnings.push(`article ${i + 1} is not an object; left out`);
      return;
    }
    const body = raw.body;
    if (typeof body !== 'string') {
      warnings.push(`article ${i + 1} has no body; left out`);
      return;
    }
    const sender = named(raw, 'sender', 'sender_id', SENDER_BY_ID)?.toLowerCase();
    const type = named(raw, 'type', 'type_id', TYPE_BY_ID)?.toLowerCase();
    const createdBy = idOf(raw.created_by_id);
    let role: Role;
    if (bool(raw.internal) === true) role = 'note';
    else if (sender === 'customer') role = 'customer';
    else if (sender === 'agent') role = 'agent';
    else if (sender === 'system') role = 'system';
    else if (type === 'note') role = 'note';
    else role = createdBy !== undefined && createdBy === customerId ? 'customer' : 'agent';
    if (firstType === undefined && type && type !== 'note') firstType = type;
    const contentType = str(raw.content_type)?.toLowerCase();
    const text = bodyText(body, contentType === undefined ? undefined : contentType.includes('html'));
    // Zammad sends agents' mail as "Agent Name via Service Desk <support@…>": the person is the agent.
    let from = displayName(str(raw.from));
    if (from && role !== 'customer') from = from.replace(/\s+via\s+.+$/i, '') || from;
    const author = from ?? (createdBy !== undefined ? ctx.users.get(createdBy) : undefined) ?? personName(raw.created_by) ?? createdBy;
    messages.push(compact({ role, text, author, at: toIso(raw.created_at) } as Message));
  });
  const channelType = named(t, 'create_article_type', 'create_article_type_id', TYPE_BY_ID)?.toLowerCase() ?? firstType;
  const conversation: Conversation = compact({
    id: idOf(pick(t, 'id', 'number')),
    channel: channelType ? TYPE_CHANNEL[channelType] : undefined,
    messages: sortByTime(messages),
    number: idOf(t.number),
    subject: str(t.title),
    status: named(t, 'state', 'state_id', STATE_BY_ID),
    priority: named(t, 'priority', 'priority_id', PRIORITY_BY_ID),
    team: named(t, 'group', 'group_id', {}),
    tags: stringList(t.tags),
    customer: personName(t.customer) ?? (customerId !== undefined ? ctx.users.get(customerId) : undefined),
  });
  if (warnings.length) conversation.import_warnings = warnings;
  return conversation;
}

export const zammadImporter: Importer = {
  id: 'zammad',
  description: 'Zammad tickets with articles (REST API JSON, expanded or with ids; one a line or one document)',
  read: (input, options) => guard(input, importJson(input, options, { label: 'ticket', unwrap: (v) => unwrap(v), convert })),
};
