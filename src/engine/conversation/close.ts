// How the exchange ended. In order:
//   open           the conversation's status says it is still open;
//   no-reply       no agent ever wrote;
//   ended-abusive  the customer was abusive and the agent set a boundary or ended it
//                  (never held against the agent);
//   resolved       the customer's last word on the problem confirms the fix;
//   referred       an agent pointed the customer to someone who can help;
//   follow-up      an agent promise is still open, or the agent's last word
//                  commits to coming back ("I'll email you when the part arrives");
//   unresolved     none of these: an `unresolved-close` finding on the last message.

import type { Outcome } from '../types.js';
import type { ConversationView, TimelineEntry } from './view.js';

export interface CloseAnalysis {
  outcome: Outcome;
  /** Where an unresolved close is reported. */
  last: TimelineEntry | undefined;
  /** What the customer's last word on the problem was, for the explanation. */
  reason: string;
}

const OPEN_STATUSES = new Set(['open', 'pending', 'new', 'hold', 'on-hold', 'on hold', 'waiting', 'in progress', 'in-progress', 'active', 'snoozed']);

/** How many of the agent's last messages can carry the referral or the follow-up. */
const CLOSING_AGENT_MESSAGES = 2;

export function analyzeClose(view: ConversationView): CloseAnalysis {
  const last = view.lastSpoken;
  const status = view.conversation.status;
  if (typeof status === 'string' && OPEN_STATUSES.has(status.trim().toLowerCase())) return { outcome: 'open', last, reason: 'the conversation is still open' };
  const agents = view.entries.filter((e) => e.role === 'agent' && e.doc.hasProse);
  if (agents.length === 0) return { outcome: view.entries.length ? 'no-reply' : 'open', last, reason: 'no agent replied' };
  if (endedAbusive(view, agents)) return { outcome: 'ended-abusive', last, reason: 'the agent ended an abusive exchange' };
  const word = customerLastWord(view);
  if (word === 'confirmed') return { outcome: 'resolved', last, reason: 'the customer confirmed the fix' };
  const closing = agents.slice(-CLOSING_AGENT_MESSAGES);
  if (closing.some((e) => view.has('conversation.referral', e.index))) return { outcome: 'referred', last, reason: 'the customer was referred' };
  if (view.ledger.promises.some((p) => p.state === 'open')) return { outcome: 'follow-up', last, reason: 'a promised follow-up is still open' };
  const lastAgent = agents[agents.length - 1]!;
  const followUp = view.has('trust.keep-posted', lastAgent.index) || (view.has('trust.next', lastAgent.index) && view.ledger.promises.every((p) => p.message !== lastAgent.index || p.state === 'open'));
  if (followUp && lastAgent.index >= lastCustomerIndex(view)) return { outcome: 'follow-up', last, reason: 'the agent committed to follow up' };
  return {
    outcome: 'unresolved',
    last,
    reason: word === 'persists' ? 'the customer said the problem was still there' : 'nobody confirmed the problem was solved',
  };
}

function lastCustomerIndex(view: ConversationView): number {
  for (let i = view.entries.length - 1; i >= 0; i--) if (view.entries[i]!.role === 'customer') return i;
  return -1;
}

/** The last customer message that speaks to the problem: it works now, or it still does not. */
function customerLastWord(view: ConversationView): 'confirmed' | 'persists' | 'none' {
  for (let i = view.entries.length - 1; i >= 0; i--) {
    const e = view.entries[i]!;
    if (e.role !== 'customer') continue;
    const persists = view.has('conversation.persists', i);
    const confirmed = view.has('conversation.confirmed', i) || view.has('conversation.release', i);
    if (confirmed && !persists) return 'confirmed';
    if (persists) return 'persists';
  }
  return 'none';
}

/** The customer was abusive, and the agent's last message sets a boundary or ends the exchange. */
function endedAbusive(view: ConversationView, agents: TimelineEntry[]): boolean {
  const abusive = view.entries.some((e) => e.role === 'customer' && view.hasFinding(e.index, 'abuse'));
  if (!abusive) return false;
  const lastAgent = agents[agents.length - 1]!;
  return view.has('conversation.ending', lastAgent.index) || view.has('listening.boundary', lastAgent.index);
}
