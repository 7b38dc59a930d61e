// Radio silence, in its two forms:
//   (a) the customer wrote and waited longer than the channel allows before the
//       next agent message;
//   (b) the agent said they were on it ("let me check", "one moment") without a
//       time, and came back later than the channel allows.
// Waiting is counted in working time on email and tickets (the business
// calendar) and on the wall clock elsewhere. A gap the agent announced with a
// time is the promise ledger's business: kept, or a broken promise, never
// silence. Waiting for the customer (after a question or steps to try) is
// never silence either.

import type { ConversationView, TimelineEntry } from './view.js';

export interface Silence {
  /** Where the finding goes: the late agent message, or the last message when none came. */
  at: number;
  /** The message the wait started from. */
  from: number;
  kind: 'customer-waiting' | 'agent-went-quiet';
  /** The wait, counted the channel's way (working time on email and tickets). */
  waited: number;
  /** The wait on the wall clock. */
  elapsed: number;
  /** No agent message came at all. */
  none: boolean;
}

interface Wait {
  from: TimelineEntry;
  kind: Silence['kind'];
}

export function findSilences(view: ConversationView): Silence[] {
  const out: Silence[] = [];
  if (!view.timed) return out;
  const limit = view.timing.wait.ms;
  const promises = view.ledger.promises;
  let wait: Wait | null = null;
  let lastAgent: TimelineEntry | null = null;
  /** A time the agent gave in their latest turn covers the wait: kept, or a broken promise — never silence. */
  const covered = (w: Wait): boolean =>
    promises.some((p) => lastAgent !== null && p.message >= lastAgent.index && p.message <= w.from.index && p.dueBy !== null);
  const judge = (w: Wait, to: TimelineEntry, none: boolean, toTime: number): void => {
    const waited = view.waited(w.from.at!, toTime);
    if (waited <= limit || covered(w)) return;
    out.push({ at: to.index, from: w.from.index, kind: w.kind, waited, elapsed: toTime - w.from.at!, none });
  };
  for (const e of view.entries) {
    if (e.at === null) continue;
    if (e.role === 'customer') {
      if (wait === null && awaitsReply(view, e)) wait = { from: e, kind: 'customer-waiting' };
      continue;
    }
    if (e.role !== 'agent' || !e.doc.hasProse) continue;
    if (wait) judge(wait, e, false, e.at);
    wait = null;
    lastAgent = e;
    if (holdsTurn(view, e)) wait = { from: e, kind: 'agent-went-quiet' };
  }
  // Still waiting at the end: judged only when a later timestamp (a chaser, a system line, "now") shows it.
  const end = view.lastTime;
  if (wait && end !== null && end > wait.from.at!) {
    const where = view.lastMessage;
    if (where) judge(wait, where, true, end);
  }
  return out;
}

/** A customer message that expects an answer (not "ok", "thanks!", "that worked", "never mind"). */
function awaitsReply(view: ConversationView, e: TimelineEntry): boolean {
  const doc = e.doc;
  if (!doc.hasProse) return false;
  const question = doc.sentences.some((s) => s.question);
  if (question) return true;
  if (view.has('conversation.confirmed', e.index) || view.has('conversation.release', e.index)) return false;
  const words = doc.wordCount;
  if (words <= 3) return false;
  if (words <= 15 && view.hasFinding(e.index, 'gratitude') && !view.hasFinding(e.index, 'frustration') && !view.hasFinding(e.index, 'anger')) return false;
  return true;
}

/** The agent went off to work ("let me check") with no time, and did not hand the turn to the customer. */
function holdsTurn(view: ConversationView, e: TimelineEntry): boolean {
  if (!view.has('conversation.hold', e.index)) return false;
  if (view.ledger.promises.some((p) => p.message === e.index)) return false;
  // "Let me check — what's your order number?": the customer has the turn.
  if (e.doc.sentences.some((s) => s.question)) return false;
  return true;
}
