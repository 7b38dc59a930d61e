// `freshdesk`: Freshdesk tickets with their conversations, as the v2 API
// returns them (View a Ticket with include=conversations,requester, or a ticket
// and its List All Conversations response side by side). Accepted shapes, as
// JSON Lines or one document: a ticket with "conversations"; {"ticket": {...},
// "conversations": [...]}; {"tickets": [...]}; a bare list of those.
//
// The ticket's description (description_text, else the HTML description) is
// the first message, from the requester — or from the agent when the ticket's
// source is 10 (Outbound Email). A conversation {body_text | body, incoming,
// private, user_id, created_at}: private → note; incoming or written by the
// requester → customer; otherwise agent. Ticket source → channel: 1 Email and
// 10 Outbound Email → email, 2 Portal and 9 Feedback Widget → ticket, 3 Phone →
// phone, 7 Chat → chat; others (social, forums) → none. Status and priority
// numbers become their names.

import type { Channel, Conversation, Message, Role } from '../../engine/types.js';
import { htmlToText } from './html.js';
import { importJson, type Unit } from './json-records.js';
import type { Importer } from './types.js';
import { bool, cleanText, compact, guard, idOf, isObject, personName, pick, sortByTime, str, stringList, toIso, type Json } from './util.js';
import { lookup } from '../../engine/lookup.js';

interface Ctx {
  people: Map<string, string>;
}

const SOURCE_CHANNEL: Readonly<Record<string, Channel>> = lookup({ '1': 'email', '2': 'ticket', '3': 'phone', '7': 'chat', '9': 'ticket', '10': 'email' });
const STATUS: Readonly<Record<string, string>> = lookup({ '2': 'open', '3': 'pending', '4': 'resolved', '5': 'closed' });
const PRIORITY: Readonly<Record<string, string>> = lookup({ '1': 'low', '2': 'medium', '3': 'high', '4': 'urgent' });
const OUTBOUND_EMAIL = '10';

const NOT_A_TICKET =
  'not a Freshdesk ticket: expected a ticket object with "description" or "conversations", {"ticket": {...}, "conversations": [...]} or a list of tickets';

function contextOf(wrapper: Json, inherited?: Ctx): Ctx {
  const people = new Map(inherited?.people ?? []);
  for (const k of ['contacts', 'agents', 'users', 'requesters'])
    if (Array.isArray(wrapper[k]))
      for (const p of wrapper[k] as unknown[]) {
        if (!isObject(p)) continue;
        const id = idOf(p.id);
        // Freshdesk agents carry their name in a nested "contact".
        const name = personName(p) ?? personName(p.contact);
        if (id !== undefined && name) people.set(id, name);
      }
  return { people };
}

function* unwrap(value: unknown, inherited?: Ctx, depth = 0): Iterable<Unit<Ctx>> {
  const base: Ctx = inherited ?? { people: new Map() };
  if (Array.isArray(value)) {
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
  const ctx = contextOf(value, inherited);
  if (Array.isArray(value.tickets)) {
    for (const t of value.tickets) yield isObject(t) ? { record: t, ctx } : { error: NOT_A_TICKET };
    return;
  }
  if (isObject(value.ticket)) {
    yield { record: { ...value.ticket, conversations: Array.isArray(value.conversations) ? value.conversations : value.ticket.conversations }, ctx };
    return;
  }
  if (value.id !== undefined || value.description !== undefined || value.description_text !== undefined || Array.isArray(value.conversations)) {
    yield { record: value, ctx };
    return;
  }
  yield { error: NOT_A_TICKET };
}

function text(o: Json, plainKey: string, htmlKey: string): string | undefined {
  const plain = o[plainKey];
  if (typeof plain === 'string' && plain.trim()) return cleanText(plain);
  const html = o[htmlKey];
  if (typeof html === 'string') return htmlToText(html);
  return typeof plain === 'string' ? '' : undefined;
}

function convert(record: unknown, ctx: Ctx): Conversation | string {
  if (!isObject(record)) return NOT_A_TICKET;
  const t = record;
  const requester = idOf(t.requester_id);
  const requesterName = personName(t.requester);
  const source = idOf(t.source);
  const nameOf = (userId: string | undefined): string | undefined =>
    userId === undefined ? undefined : (ctx.people.get(userId) ?? (userId === requester ? requesterName : undefined) ?? userId);
  const warnings: string[] = [];
  const messages: Message[] = [];

  const description = text(t, 'description_text', 'description');
  if (description !== undefined && description !== '') {
    const outbound = source === OUTBOUND_EMAIL;
    messages.push(
      compact({
        role: outbound ? 'agent' : 'customer',
        text: description,
        author: outbound ? nameOf(idOf(t.responder_id)) : (nameOf(requester) ?? requesterName),
        at: toIso(t.created_at),
      } as Message),
    );
  }
  if (t.conversations !== undefined && !Array.isArray(t.conversations)) return '"conversations" must be a list';
  const conversations = Array.isArray(t.conversations) ? t.conversations : [];
  if (messages.length === 0 && conversations.length === 0) return 'the ticket has no description and no conversations';
  conversations.forEach((raw, i) => {
    if (!isObject(raw)) {
      warnings.push(`conversation ${i + 1} is not an object; left out`);
      return;
    }
    const body = text(raw, 'body_text', 'body');
    if (body === undefined) {
      warnings.push(`conversation ${i + 1} has no body_text or body; left out`);
      return;
    }
    const userId = idOf(raw.user_id);
    let role: Role;
    if (bool(raw.private) === true) role = 'note';
    else if (bool(raw.incoming) === true || (userId !== undefined && userId === requester)) role = 'customer';
    else role = 'agent';
    messages.push(compact({ role, text: body, author: nameOf(userId) ?? str(raw.from_email), at: toIso(raw.created_at) } as Message));
  });

  const status = idOf(t.status);
  const priority = idOf(t.priority);
  const group = idOf(t.group_id);
  const conversation: Conversation = compact({
    id: idOf(t.id),
    channel: source !== undefined ? SOURCE_CHANNEL[source] : undefined,
    messages: sortByTime(messages),
    subject: str(t.subject),
    status: status !== undefined ? (STATUS[status] ?? status) : undefined,
    priority: priority !== undefined ? (PRIORITY[priority] ?? priority) : undefined,
    type: str(t.type),
    tags: stringList(t.tags),
    team: group !== undefined ? (str(pick(isObject(t.group) ? t.group : {}, 'name')) ?? group) : undefined,
    requester: requesterName,
  });
  if (warnings.length) conversation.import_warnings = warnings;
  return conversation;
}

export const freshdeskImporter: Importer = {
  id: 'freshdesk',
  description: 'Freshdesk tickets with conversations (API v2 JSON: ticket + conversations, one a line or one document)',
  read: (input, options) => guard(input, importJson(input, options, { label: 'ticket', unwrap: (v) => unwrap(v), convert })),
};
