// The promise ledger. Each agent sentence that commits to something and names a
// time ("I'll call you back within the hour", "you'll have it by Friday",
// "give me 20 minutes", "shortly") becomes a promise with a deadline resolved
// from the message's timestamp and the business calendar. The messages after it
// decide its state:
//   kept               an agent message came by the deadline (plus a grace);
//   superseded         an agent message before the deadline set a later time;
//   cancelled          the customer released it, or confirmed the fix first;
//   late-acknowledged  the first agent message after the deadline owns the delay;
//   broken             that message does not own it, or none came and the
//                      conversation's last timestamp is past the deadline;
//   open               still running when the conversation ends.

import type { Doc, Sentence } from '../text/doc.js';
import { findDeadlines, type TimeMention } from '../time/deadline.js';
import { MINUTE } from '../time/duration.js';
import type { PromiseEntry, PromiseState } from '../types.js';
import type { ConversationView, TimelineEntry } from './view.js';

/** A promise with the times as numbers, for the rules that reason about it. */
export interface LedgerPromise extends PromiseEntry {
  madeAt: number | null;
  deadlineAt: number | null;
  /** Deadline plus grace: 10 % of the promised span, at least two minutes. */
  dueBy: number | null;
}

export interface Ledger {
  promises: LedgerPromise[];
  /** The broken promises and where the finding goes. */
  broken: Array<{ promise: LedgerPromise; at: number; lateBy: number | null; none: boolean }>;
}

/** Lists whose match (not negated, not quoted) makes a sentence with a time a commitment (besides "will", "I'll", "going to"…). */
const COMMIT_LISTS = ['trust.next', 'trust.keep-posted', 'conversation.commit'];
/** Future words that make a sentence with a time a commitment: "I'll", "we will", "who'll", "going to", "let me". */
const FUTURE = new Set(['will', 'shall', 'gonna']);
/** "should have", "would have": the past, not a promise. */
const PAST_MODAL_AFTER = new Set(['have', "'ve", 'of']);
const AGENT_SUBJECT = new Set(['i', 'we', "i've", "we've", 'have', 'just', 'also', 'already']);
/** Punctuation that ends a clause: a commitment before it does not reach a time after it ("That'll be it - it went up in May"). */
const CLAUSE_END = new Set(['-', '—', '–', ';', ':', '.', '!', '?', '(', ')']);
/** Appointments made: "I've booked an engineer for Thursday". */
const BOOKED = new Set(['booked', 'scheduled', 'arranged', 'reserved', 'rebooked', 'rescheduled']);

/** Cheap pre-check: a sentence without any of these words holds no time worth parsing. */
const TIME_WORDS = new Set([
  'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'today', 'tonight', 'tomorrow',
  'morning', 'afternoon', 'evening', 'noon', 'midday', 'lunch', 'lunchtime', 'eod', 'cob', 'eop', 'end', 'close', 'shortly', 'soon',
  'moment', 'moments', 'bit', 'while', 'asap', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon',
  'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'weekend', 'am', 'pm', 'momentarily', 'midnight', 'overnight',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'back',
  'half', 'quarter', 'fortnight', 'o\'clock', 'oclock', 'sec', 'secs', 'second', 'seconds',
]);

/** Words right before a time that make it the past or a condition, not a deadline. */
const NOT_A_DEADLINE_BEFORE = new Set(['since', 'ago', 'last', 'earlier', 'previous', 'previously', 'yesterday', 'every', 'each', 'per', 'from', 'between', 'until', 'till', 'til']);
const CONDITION = new Set(['if', 'unless', 'otherwise']);
/** "We'll need your reply by Friday", "we'll ask you to…": a request to the customer, not a promise. */
const REQUEST_AFTER_MARKER = new Set(['need', 'require', 'want', 'have to', 'must']);

interface Detected {
  message: number;
  sentence: Sentence;
  mention: TimeMention;
  action: string;
}

export function buildLedger(view: ConversationView): Ledger {
  const detected: Detected[] = [];
  for (const e of view.entries) {
    if (e.role !== 'agent') continue;
    detected.push(...detectPromises(view, e));
  }
  const promises: LedgerPromise[] = detected.map((d) => toEntry(view, d));
  const broken: Ledger['broken'] = [];
  promises.forEach((p, i) => settle(view, p, promises, i, broken));
  return { promises, broken };
}

/** The promises in one agent message: one per sentence, the latest time in it. */
function detectPromises(view: ConversationView, e: TimelineEntry): Detected[] {
  const { doc } = e;
  const out: Detected[] = [];
  const ref = e.at ?? view.lastTime ?? 0;
  const markers = [...COMMIT_LISTS.flatMap((id) => view.matches(id, e.index)), ...futureMarkers(doc)]
    .filter((m) => doc.negated[m.first] !== 1 && !doc.tokens[m.first]?.quoted);
  if (markers.length === 0) return out;
  for (const s of doc.sentences) {
    const times = timeWords(doc, s);
    if (!times) continue;
    const inSentence = markers.filter((m) => m.first >= s.first && m.first < s.last);
    if (inSentence.length === 0) continue;
    // A question proposes ("Can I call you at 3?"); "can you give me ten minutes?" and a statement with a
    // tag ("I'll put you on hold for three minutes, is that OK?") announce.
    if (s.question && !inSentence.some((m) => /^(give|allow|bear)/.test(doc.tokens[m.first]!.norm)) && !STATEMENT_OPENERS.has(doc.tokens[s.contentFirst]?.norm ?? '')) continue;
    // The date parser reads only the words around the times (it is the costliest step here).
    const wFirst = Math.max(s.contentFirst, times.first - WINDOW);
    const wLast = Math.min(s.last - 1, times.last + WINDOW);
    const start = doc.tokens[wFirst]!.start;
    const text = doc.text.slice(start, doc.tokens[wLast]!.end);
    const mentions = findDeadlines(text, {
      ref, calendar: view.calendar, business: view.timing.wait.business, vague: view.timing.vague,
    }).filter((m) => isDeadline(doc, start + m.start, s, inSentence));
    if (mentions.length === 0) continue;
    const mention = mentions.reduce((a, b) => (b.deadline > a.deadline ? b : a));
    const shifted: TimeMention = { ...mention, start: start + mention.start, end: start + mention.end };
    out.push({ message: e.index, sentence: s, mention: shifted, action: actionOf(doc, s, inSentence, shifted) });
  }
  return out;
}

const STATEMENT_OPENERS = new Set(["i'll", "we'll", 'i', 'we', "i'm", "we're", 'let', "let's", 'ok', 'okay', 'right', 'so', 'thanks', 'sure']);

/** Future markers written in words the lists cannot hold: "will", any "'ll" contraction, "going to", "let me", "booked". */
function futureMarkers(doc: Doc): Array<{ first: number; last: number }> {
  const out: Array<{ first: number; last: number }> = [];
  const toks = doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const n = toks[k]!.norm;
    const next = toks[k + 1]?.norm ?? '';
    if (FUTURE.has(n) || (n.endsWith("'ll") && n.length > 3)) {
      if (next === 'not') continue;
      out.push({ first: k, last: k + 1 });
    } else if ((n === 'going' && next === 'to') || (n === 'let' && (next === 'me' || next === 'us'))) {
      out.push({ first: k, last: k + 2 });
    } else if (n === 'should' && !PAST_MODAL_AFTER.has(next) && next !== 'not') {
      out.push({ first: k, last: k + 1 }); // "it should be back by 5"
    } else if (BOOKED.has(n)) {
      // "I've booked an engineer for Thursday" (not "you've booked the day off").
      const before = [toks[k - 1]?.norm, toks[k - 2]?.norm];
      if (before.some((w) => w !== undefined && AGENT_SUBJECT.has(w))) out.push({ first: k, last: k + 1 });
    }
  }
  return out;
}

/** Tokens on each side of the time words that the date parser also reads ("by the end of the working day"). */
const WINDOW = 6;

/** The first and last token of a sentence that can be part of a time, or undefined when there are none. */
function timeWords(doc: Doc, s: Sentence): { first: number; last: number } | undefined {
  let first = -1;
  let last = -1;
  for (let k = s.first; k < s.last; k++) {
    if (isTimeWord(doc, k)) {
      if (first < 0) first = k;
      last = k;
    }
  }
  return first < 0 ? undefined : { first, last };
}

function isTimeWord(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!;
  if (t.quoted) return false;
  if (t.kind === 'num' || /^\d/.test(t.norm)) return true; // "3pm", "10:30", "20"
  if (!TIME_WORDS.has(t.norm)) return false;
  // Common words that are times only in a phrase: "end of day", "back in 10", "in a bit", "May 3".
  const next = doc.tokens[k + 1]?.norm;
  const prev = doc.tokens[k - 1]?.norm;
  if (t.norm === 'end' || t.norm === 'close') return next === 'of';
  if (t.norm === 'back') return next === 'in' || next === 'by' || next === 'within';
  if (t.norm === 'bit' || t.norm === 'while' || t.norm === 'moment' || t.norm === 'moments' || t.norm === 'second' || t.norm === 'sec') return prev === 'a' || prev === 'few' || prev === 'little';
  if (t.norm === 'may' || t.norm === 'sun' || t.norm === 'sat' || t.norm === 'wed' || t.norm === 'mon') return /^[A-Z]/.test(t.text);
  return true;
}

/** The time is the agent's deadline: after a commitment marker's clause, not in a condition, not the past. */
function isDeadline(doc: Doc, offset: number, s: Sentence, markers: Array<{ first: number; last: number }>): boolean {
  const k = doc.tokenIndexAt(offset);
  if (k < 0) return false;
  if (doc.tokens[k]?.quoted) return false;
  for (let j = Math.max(s.first, k - 2); j < k; j++) if (NOT_A_DEADLINE_BEFORE.has(doc.tokens[j]!.norm)) return false;
  if (doc.tokens[k + 1]?.norm === 'ago') return false;
  // In an "if…" clause: the condition's time, not a promise ("if it's not back by 5pm, call us").
  for (let j = k - 1; j >= s.first; j--) {
    const n = doc.tokens[j]!.norm;
    if (n === ',' || n === ';' || n === '—' || n === '-' || n === ':' || n === 'and' || n === 'but') break;
    if (CONDITION.has(n)) return false;
  }
  // A request to the customer dressed as "we'll need… by Friday"; a commitment in another clause.
  const real = markers.filter((m) => {
    if (REQUEST_AFTER_MARKER.has(doc.tokens[m.last]?.norm ?? '')) return false;
    if (m.first < k) for (let j = m.last; j < k; j++) if (CLAUSE_END.has(doc.tokens[j]!.norm)) return false;
    return true;
  });
  return real.length > 0;
}

/** "call you back", "update you": the words after the commitment, up to the time. */
function actionOf(doc: Doc, s: Sentence, markers: Array<{ first: number; last: number }>, m: TimeMention): string {
  const before = markers.filter((x) => doc.tokens[x.first]!.start < m.start).sort((a, b) => b.first - a.first)[0];
  const words: string[] = [];
  const from = before ? before.last : s.contentFirst;
  for (let k = from; k < s.last && words.length < 6; k++) {
    const t = doc.tokens[k]!;
    if (t.start >= m.start) break;
    if (t.kind === 'punct') {
      if (words.length) break;
      continue;
    }
    words.push(t.text);
  }
  return words.join(' ') || doc.text.slice(m.start, m.end);
}

function toEntry(view: ConversationView, d: Detected): LedgerPromise {
  const e = view.entries[d.message]!;
  const doc = e.doc;
  const start = doc.tokens[d.sentence.contentFirst]?.start ?? d.sentence.start;
  const end = d.sentence.end;
  const madeAt = e.at;
  const deadlineAt = madeAt === null ? null : d.mention.deadline;
  const span = deadlineAt !== null && madeAt !== null ? Math.max(0, deadlineAt - madeAt) : 0;
  return {
    message: d.message,
    start,
    end,
    excerpt: doc.text.slice(start, end),
    action: d.action,
    made: madeAt === null ? null : new Date(madeAt).toISOString(),
    deadline: deadlineAt === null ? null : new Date(deadlineAt).toISOString(),
    due: d.mention.text,
    vague: d.mention.vague,
    state: 'open',
    settledBy: null,
    madeAt,
    deadlineAt,
    dueBy: deadlineAt === null ? null : deadlineAt + Math.max(2 * MINUTE, Math.round(span * 0.1)),
  };
}

function settle(view: ConversationView, p: LedgerPromise, all: LedgerPromise[], self: number, broken: Ledger['broken']): void {
  const set = (state: PromiseState, by: number | null): void => {
    p.state = state;
    p.settledBy = by;
  };
  let customerSpoke = false;
  const span = p.madeAt !== null && p.deadlineAt !== null ? p.deadlineAt - p.madeAt : 0;
  for (const e of view.entries) {
    if (e.index <= p.message) continue;
    if (e.role === 'customer') {
      customerSpoke = true;
      if (p.dueBy !== null && e.at !== null && e.at > p.dueBy) continue; // after the deadline the customer cannot release what is already late
      if (view.has('conversation.release', e.index) || view.has('conversation.confirmed', e.index)) return set('cancelled', e.index);
      continue;
    }
    if (e.role !== 'agent' || !e.doc.hasProse) continue;
    // A second message in the same breath ("…within the hour." "Meanwhile, can you send a photo?") is not the follow-up.
    if (!customerSpoke && p.madeAt !== null && e.at !== null && e.at - p.madeAt < Math.max(MINUTE, span / 2)) continue;
    // No timestamps: the next agent message is taken as the follow-up.
    if (p.dueBy === null || e.at === null) return set('kept', e.index);
    if (e.at <= p.dueBy) {
      const later = all.some((q, i) => i !== self && q.message === e.index && q.deadlineAt !== null && p.deadlineAt !== null && q.deadlineAt > p.deadlineAt);
      if (later) return set('superseded', e.index);
      // The customer's news made it moot, and the agent says so ("glad it turned up"): nothing was owed any more.
      if (customerSpoke && view.has('conversation.glad-fixed', e.index)) return set('cancelled', e.index);
      return set('kept', e.index);
    }
    if (view.has('conversation.late', e.index)) return set('late-acknowledged', e.index);
    set('broken', e.index);
    broken.push({ promise: p, at: e.index, lateBy: e.at - (p.deadlineAt ?? e.at), none: false });
    return;
  }
  // Nothing settled it: broken when the conversation's last timestamp is past the deadline.
  const last = view.lastTime;
  if (p.dueBy !== null && last !== null && last > p.dueBy) {
    set('broken', null);
    const where = view.lastMessage;
    if (where) broken.push({ promise: p, at: where.index, lateBy: null, none: true });
  }
}

/** The ledger as the output shows it (no internal numbers). */
export function publicLedger(promises: readonly LedgerPromise[]): PromiseEntry[] {
  return promises.map(({ madeAt: _m, deadlineAt: _d, dueBy: _b, ...p }) => p);
}
