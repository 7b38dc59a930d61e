// Turns whatever arrived into the canonical conversation shape, saying what was
// wrong instead of throwing: one bad field must not lose the rest.

import { CHANNELS, ROLES, type Channel, type Conversation, type Diagnostic, type Message, type Role } from './types.js';

export function normalizeConversation(input: unknown): { conversation: Conversation; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    diagnostics.push({ text: 'a conversation must be an object with "messages"; nothing to analyze' });
    return { conversation: { messages: [] }, diagnostics };
  }
  const raw = input as Record<string, unknown>;
  const conversation: Conversation = { ...raw, messages: [] };
  if (raw.id !== undefined && typeof raw.id !== 'string') conversation.id = String(raw.id);
  if (raw.channel !== undefined && !(CHANNELS as readonly unknown[]).includes(raw.channel)) {
    diagnostics.push({ text: `unknown channel ${JSON.stringify(raw.channel)} (expected ${CHANNELS.join(', ')}); treated as unknown` });
    delete conversation.channel;
  } else if (raw.channel !== undefined) conversation.channel = raw.channel as Channel;
  if (!Array.isArray(raw.messages)) {
    diagnostics.push({ text: '"messages" must be a list; nothing to analyze' });
    return { conversation, diagnostics };
  }
  raw.messages.forEach((m: unknown, index: number) => {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) {
      diagnostics.push({ message: index, text: `message ${index} is not an object; kept as an empty system message` });
      conversation.messages.push({ role: 'system', text: '' });
      return;
    }
    const msg = { ...(m as Record<string, unknown>) } as Message;
    let role = (m as Record<string, unknown>).role;
    if (typeof role === 'string') role = role.toLowerCase();
    if (!(ROLES as readonly unknown[]).includes(role)) {
      diagnostics.push({ message: index, text: `message ${index} has unknown role ${JSON.stringify((m as Record<string, unknown>).role)} (expected ${ROLES.join(', ')}); not scored` });
      role = 'system';
    }
    msg.role = role as Role;
    const text = (m as Record<string, unknown>).text;
    if (typeof text !== 'string') {
      if (text !== undefined && text !== null) diagnostics.push({ message: index, text: `message ${index}: "text" must be a string; treated as empty` });
      else diagnostics.push({ message: index, text: `message ${index} has no "text"; treated as empty` });
      msg.text = '';
    }
    conversation.messages.push(msg);
  });
  return { conversation, diagnostics };
}
