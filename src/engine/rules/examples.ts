// Turns a rule's example into a conversation: the customer's lines, then the
// example as the message the rule reads. Shared by the rule tests and the docs.

import type { Rule, RuleExample } from '../rule.js';
import type { Conversation, Message } from '../types.js';

export function exampleConversation(rule: Rule, ex: string | RuleExample): { conversation: Conversation; target: number } {
  const e: RuleExample = typeof ex === 'string' ? { text: ex } : ex;
  const messages: Message[] = [...(e.before ?? [])];
  const customer = e.customer === undefined ? [] : Array.isArray(e.customer) ? e.customer : [e.customer];
  for (const c of customer) messages.push({ role: 'customer', text: c });
  messages.push({ role: rule.on, text: e.text });
  return { conversation: { id: `example:${rule.id}`, channel: 'chat', messages }, target: messages.length - 1 };
}
