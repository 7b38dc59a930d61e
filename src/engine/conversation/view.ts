// The whole exchange as the conversation rules see it, once every message has
// been read: each message's text and findings, its time, the channel's
// waiting rules and the business calendar. The promise ledger and the close
// are computed here once, lazily, and shared by the rules that report on them.

import type { PhraseMatch } from '../phrases/matcher.js';
import type { Doc } from '../text/doc.js';
import type { BusinessCalendar } from '../time/calendar.js';
import type { ChannelTiming } from '../time/timing.js';
import type { Channel, Conversation, Finding, Role } from '../types.js';
import { buildLedger, type Ledger } from './promises.js';
import { analyzeClose, type CloseAnalysis } from './close.js';
import { findSilences, type Silence } from './silence.js';

export interface TimelineEntry {
  index: number;
  role: Role;
  /** Milliseconds since the epoch, or null when the message has no usable `at`. */
  at: number | null;
  author: string | null;
  doc: Doc;
}

export interface ViewInit {
  conversation: Conversation;
  entries: TimelineEntry[];
  findings: readonly Finding[];
  /** The channel the timing rules use (a conversation without one is timed as a ticket). */
  channel: Channel;
  timing: ChannelTiming;
  calendar: BusinessCalendar;
  /** "Now" for waits still running at the end (the audit's reference time); null: judge only what the timestamps show. */
  now: number | null;
  matches(listId: string, doc: Doc): PhraseMatch[];
}

export class ConversationView {
  readonly conversation: Conversation;
  readonly entries: TimelineEntry[];
  readonly channel: Channel;
  readonly timing: ChannelTiming;
  readonly calendar: BusinessCalendar;
  readonly now: number | null;
  /** Every message has a timestamp: the timing rules can judge. */
  readonly timed: boolean;
  private readonly byMessage = new Map<number, Finding[]>();
  private readonly matchFn: ViewInit['matches'];
  private ledgerCache?: Ledger;
  private closeCache?: CloseAnalysis;
  private silenceCache?: Silence[];

  constructor(init: ViewInit) {
    this.conversation = init.conversation;
    this.entries = init.entries;
    this.channel = init.channel;
    this.timing = init.timing;
    this.calendar = init.calendar;
    this.now = init.now;
    this.matchFn = init.matches;
    for (const f of init.findings) {
      let arr = this.byMessage.get(f.message);
      if (!arr) this.byMessage.set(f.message, (arr = []));
      arr.push(f);
    }
    const spoken = init.entries.filter((e) => e.role === 'customer' || e.role === 'agent');
    this.timed = spoken.length > 0 && spoken.every((e) => e.at !== null);
  }

  /** Matches of a phrase list in one message's prose. */
  matches(listId: string, index: number): PhraseMatch[] {
    const e = this.entries[index];
    return e ? this.matchFn(listId, e.doc) : [];
  }

  /** A match of the list that is neither negated nor inside quotation marks. */
  has(listId: string, index: number): boolean {
    const e = this.entries[index];
    if (!e) return false;
    return this.matches(listId, index).some((m) => e.doc.negated[m.first] !== 1 && !quoted(e.doc, m));
  }

  findingsOn(index: number): readonly Finding[] {
    return this.byMessage.get(index) ?? [];
  }

  hasFinding(index: number, category: string): boolean {
    return this.findingsOn(index).some((f) => f.category === category);
  }

  /** How long the customer waited between two instants: working time on email and tickets, the wall clock elsewhere. */
  waited(from: number, to: number): number {
    if (to <= from) return 0;
    return this.timing.wait.business ? this.calendar.workingMsBetween(from, to) : to - from;
  }

  /** The latest instant the conversation shows (the last timestamp, or `now` when given). */
  get lastTime(): number | null {
    let t: number | null = this.now;
    for (const e of this.entries) if (e.at !== null && (t === null || e.at > t)) t = e.at;
    return t;
  }

  /** The last message with words from the customer or an agent (where the close is judged). */
  get lastSpoken(): TimelineEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if ((e.role === 'customer' || e.role === 'agent') && e.doc.hasProse) return e;
    }
    return undefined;
  }

  /**
   * The conversation's last message that is not an internal note and has words: where a wait that never
   * ended, a promise that was never kept, or an unresolved close is reported (a "closed automatically"
   * system line included: it is what shows the wait ran on).
   */
  get lastMessage(): TimelineEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.role === 'note') continue;
      const text = this.conversation.messages[e.index]?.text ?? '';
      if (text.trim()) return e;
    }
    return undefined;
  }

  /** Where a conversation finding on a message underlines: its first sentence (the trimmed text for a system line). */
  spanOf(index: number): { start: number; end: number } {
    const e = this.entries[index];
    if (e && e.doc.text) return leadSpan(e.doc);
    const text = this.conversation.messages[index]?.text ?? '';
    let start = 0;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    let end = text.length;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { start, end };
  }

  get ledger(): Ledger {
    return (this.ledgerCache ??= buildLedger(this));
  }

  get silences(): Silence[] {
    return (this.silenceCache ??= findSilences(this));
  }

  get close(): CloseAnalysis {
    return (this.closeCache ??= analyzeClose(this));
  }
}

function quoted(doc: Doc, m: { first: number; last: number }): boolean {
  for (let k = m.first; k < m.last; k++) if (doc.tokens[k]?.quoted) return true;
  return false;
}

/** The first sentence of a message with prose, as a span (where a conversation finding underlines). */
export function leadSpan(doc: Doc): { start: number; end: number } {
  for (const s of doc.sentences) {
    const t = doc.tokens[s.contentFirst];
    if (t && s.end > t.start) return { start: t.start, end: s.end };
  }
  const text = doc.text;
  let start = 0;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
