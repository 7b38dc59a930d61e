// How the exchange ended. In order:
//   open           the conversation's status says it is still open;
//   no-reply       no agent ever wrote, or the customer's last request got no answer;
//   ended-abusive  the customer was abusive and the agent set a boundary or ended it
//                  (never held against the agent);
//   resolved       the customer's last word on the problem says it works now;
//   follow-up      an agent promise with a time is still open at the end, or the
//                  agent's last word commits to coming back;
//   referred       the customer was pointed to someone who can help;
//   unresolved     none of these.
// `no-reply` and `unresolved` are unresolved closes; the finding goes on the last message.

import type { Doc } from '../text/doc.js';
import type { Outcome } from '../types.js';
import type { ConversationView, TimelineEntry } from './view.js';

export interface CloseAnalysis {
  outcome: Outcome;
  /** Where an unresolved close is reported: the last message with words that is not an internal note. */
  last: TimelineEntry | undefined;
  /** Why, in words, for the explanation. */
  reason: string;
}

const OPEN_STATUSES = new Set(['open', 'pending', 'new', 'hold', 'on-hold', 'on hold', 'waiting', 'in progress', 'in-progress', 'active', 'snoozed']);

/** How many of the agent's last messages can carry the referral. */
const CLOSING_AGENT_MESSAGES = 2;

/** Words that say a thing works now ("Works.", "Connected!", "S: is back"), when not negated. */
const WORKS = new Set([
  'works', 'worked', 'working', 'fixed', 'sorted', 'resolved', 'solved', 'connected', 'connects', 'received', 'arrived', 'back',
  'confirmed', 'loads', 'loaded', 'opens', 'opened', 'prints', 'printed', 'syncs', 'synced', 'syncing', 'accepted', 'cleared',
  'unlocked', 'restored', 'appeared', 'showing', 'shows', 'sent', 'delivered', 'refunded', 'credited', 'installed', 'online',
  'complete', 'completed', 'finished', 'uploaded', 'downloaded', 'updated', 'activated', 'reconnected',
]);
/** Weaker signs it is fine, which count together with thanks ("been fine all morning, cheers"). */
const FINE = new Set([
  'fine', 'there', 'here', 'open', 'in', 'now', 'again', 'perfect', 'perfectly', 'great', 'brilliant', 'lovely', 'relief', 'done', 'good', 'better',
  'faster', 'through', 'see', 'got', 'came', 'emptied', 'collected', 'fitted', 'fits', 'been', 'sorting', 'fixing', 'resolving', 'solving',
]);
/** "the error's gone", "429s gone": a problem that went away. */
const GONE = new Set(['gone', 'disappeared', 'vanished', 'cleared', 'stopped']);
const PROBLEM_NOUNS = new Set(['error', 'errors', 'warning', 'warnings', 'crackle', 'noise', 'lag', 'popup', 'popups', 'pop-up', 'pop-ups', 'prompt', 'prompts', 'message', 'bug', 'glitch', 'issue', 'issues', 'problem', 'problems', 'spinner', 'banner', 'crash', 'crashes', 'drops', 'freezing', 'echo', 'buffering']);
/** Thanks that are not satisfaction: "thanks anyway", "thanks for trying". */
const THANKS_ANYWAY = new Set(['anyway', 'trying', 'nothing']);

export function analyzeClose(view: ConversationView): CloseAnalysis {
  const last = view.lastMessage;
  const status = view.conversation.status;
  if (typeof status === 'string' && OPEN_STATUSES.has(status.trim().toLowerCase())) return { outcome: 'open', last, reason: 'the conversation is still open' };
  const agents = view.entries.filter((e) => e.role === 'agent' && e.doc.hasProse);
  if (agents.length === 0) return { outcome: view.entries.length ? 'no-reply' : 'open', last, reason: 'no agent ever replied' };
  if (endedAbusive(view, agents)) return { outcome: 'ended-abusive', last, reason: 'the agent ended an abusive exchange' };
  const lastAgent = agents[agents.length - 1]!;
  const word = customerLastWord(view, lastAgent);
  if (word === 'waiting') return { outcome: 'no-reply', last, reason: "the customer's chaser got no reply" };
  // Something is still to come (a visit booked, an update promised): the case is not closed yet.
  if (view.ledger.promises.some((p) => p.state === 'open')) return { outcome: 'follow-up', last, reason: 'a promised follow-up is still open' };
  if (customerTakesReferral(view, agents)) return { outcome: 'referred', last, reason: 'the customer was referred to someone who can help' };
  if (word === 'works') return { outcome: 'resolved', last, reason: 'the customer confirmed the fix' };
  const commitsToComeBack = view.has('trust.keep-posted', lastAgent.index) && !view.ledger.promises.some((p) => p.message === lastAgent.index && p.state !== 'open');
  if (commitsToComeBack && lastAgent.index > lastCustomerIndex(view)) return { outcome: 'follow-up', last, reason: 'the agent committed to follow up' };
  if (referred(view, agents)) return { outcome: 'referred', last, reason: 'the customer was referred to someone who can help' };
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

/**
 * The customer's last word on the problem: it works now, it still does not,
 * they are still waiting for an answer (a question or a chaser after the
 * agent's last message), or nothing either way.
 */
function customerLastWord(view: ConversationView, lastAgent: TimelineEntry): 'works' | 'persists' | 'waiting' | 'none' {
  // The agent reading it as fixed after the customer's last message ("Great, glad it's through").
  const after = view.entries.filter((e) => e.role === 'agent' && e.index > lastCustomerIndex(view));
  for (let i = view.entries.length - 1; i >= 0; i--) {
    const e = view.entries[i]!;
    if (e.role !== 'customer' || !e.doc.hasProse) continue;
    // Chasing an answer after the agent's last message: still waiting, whatever else it says.
    if (i > lastAgent.index && view.has('conversation.chaser', i)) return 'waiting';
    if (view.has('conversation.persists', i)) return 'persists';
    if (view.has('conversation.confirmed', i) || selfFixed(view, i) || view.has('customer.satisfaction', i)) return 'works';
    const thanks = view.hasFinding(i, 'gratitude') && !hasAny(e.doc, THANKS_ANYWAY);
    if (hasState(e.doc, WORKS) || (thanks && hasState(e.doc, FINE))) return 'works';
    if (after.some((a) => view.has('conversation.glad-fixed', a.index))) return 'works';
    const question = e.doc.sentences.some((s) => s.question);
    // A closing line ("No, that's it, thanks") says nothing about the problem: the word before it decides.
    if (question || e.doc.wordCount > 12) return 'none';
  }
  return 'none';
}

/** "I sorted it myself", "figured it out": released because it is fixed (not "never mind, forget it"). */
function selfFixed(view: ConversationView, i: number): boolean {
  return view.matches('conversation.release', i).some((m) => {
    const w = view.entries[i]!.doc.tokens[m.first]!.norm;
    return w === 'i' || w === 'we' || w === 'figured' || w === 'worked' || w === 'sorted';
  });
}

function hasState(doc: Doc, words: ReadonlySet<string>): boolean {
  for (let k = 0; k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (GONE.has(t.norm) && !t.quoted && doc.negated[k] !== 1) {
      for (let j = Math.max(0, k - 3); j < k; j++) {
        const w = doc.tokens[j]!.norm;
        if (PROBLEM_NOUNS.has(w) || PROBLEM_NOUNS.has(w.replace(/'s$/, '')) || /^\d+s?$/.test(w)) return true;
      }
    }
    if (t.quoted || !words.has(t.norm) || doc.negated[k] === 1) continue;
    // "still not working" is caught by the persists list; "not back", "isn't sent" by negation.
    const prev = doc.tokens[k - 1]?.norm ?? '';
    if (prev === 'not' || prev.endsWith("n't") || prev === 'never' || prev === 'no') continue;
    return true;
  }
  return false;
}

function hasAny(doc: Doc, words: ReadonlySet<string>): boolean {
  return doc.tokens.some((t) => words.has(t.norm));
}

/**
 * Referred: an agent's closing message refers the customer on, or the customer's last word takes up a
 * third party the agent named ("I'll ring Janet on Monday" after "Janet at the surgery can rebook it").
 */
function referred(view: ConversationView, agents: TimelineEntry[]): boolean {
  const closing = agents.slice(-CLOSING_AGENT_MESSAGES);
  return closing.some((e) => view.has('conversation.referral', e.index)) || customerTakesReferral(view, agents);
}

/** The customer's last word takes up someone the agent named ("I'll ring Janet on Monday"). */
function customerTakesReferral(view: ConversationView, agents: TimelineEntry[]): boolean {
  const c = lastCustomerIndex(view);
  if (c < 0 || !view.has('conversation.customer-will-contact', c)) return false;
  const before = agents.filter((a) => a.index < c).pop();
  return before !== undefined && view.has('conversation.third-party', before.index);
}

/** The customer was abusive, and the agent's last message sets a boundary or ends the exchange. */
function endedAbusive(view: ConversationView, agents: TimelineEntry[]): boolean {
  // The agent's boundary is itself the sign of abuse when the customer was at least angry.
  const abusive = view.entries.some((e) => e.role === 'customer' && (view.hasFinding(e.index, 'abuse') || view.hasFinding(e.index, 'anger')));
  if (!abusive) return false;
  const lastAgent = agents[agents.length - 1]!;
  return view.has('conversation.ending', lastAgent.index) || view.has('listening.boundary', lastAgent.index);
}
