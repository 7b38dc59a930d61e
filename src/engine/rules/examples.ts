// Turns a rule's example into a conversation and a transcript: for a message
// rule, the customer's lines then the example as the message the rule reads;
// for a conversation rule, the example's whole exchange. Shared by the rule
// tests, `rapport explain` and the generated docs.

import type { AnyRule, ConversationExample, RuleExample } from '../rule.js';
import type { Conversation, Message } from '../types.js';

export interface PreparedExample {
  conversation: Conversation;
  /** The message the rule's finding belongs on; null for a conversation rule's valid example (no finding anywhere). */
  target: number | null;
  /** The example as lines a person reads ("customer: …", "[Mon 2 Mar 10:01] agent: …"). */
  transcript: string[];
  /** The judged message's text (a message rule's example). */
  text: string;
  excerpt?: string;
  note?: string;
}

export function prepareExample(rule: AnyRule, ex: string | RuleExample | ConversationExample): PreparedExample {
  if (rule.on === 'conversation') {
    const e = ex as ConversationExample;
    const conversation: Conversation = { id: `example:${rule.id}`, channel: e.channel ?? 'chat', ...(e.fields ?? {}), messages: e.messages };
    const transcript = [`(${conversation.channel})`, ...e.messages.map((m) => `${m.at ? `[${clock(m.at)}] ` : ''}${m.role}: ${m.text}`)];
    return { conversation, target: e.target ?? null, transcript, text: '', ...(e.note ? { note: e.note } : {}) };
  }
  const e: RuleExample = typeof ex === 'string' ? { text: ex } : (ex as RuleExample);
  const messages: Message[] = [...(e.before ?? [])];
  const customer = e.customer === undefined ? [] : Array.isArray(e.customer) ? e.customer : [e.customer];
  for (const c of customer) messages.push({ role: 'customer', text: c });
  messages.push({ role: rule.on, text: e.text });
  const context = [...(e.before ?? []).map((m) => `${m.role}: ${m.text}`), ...customer.map((c) => `customer: ${c}`)];
  const transcript = context.length ? [...context, `${rule.on}: ${e.text}`] : [e.text];
  return {
    conversation: { id: `example:${rule.id}`, channel: 'chat', messages },
    target: messages.length - 1,
    transcript,
    text: e.text,
    ...(e.excerpt ? { excerpt: e.excerpt } : {}),
    ...(e.note ? { note: e.note } : {}),
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 2 Mar 10:01" (UTC), for transcripts. */
function clock(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${hh}:${mm}`;
}
