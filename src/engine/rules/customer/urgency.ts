import type { Rule, RuleContext } from '../../rule.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import type { Doc } from '../../text/doc.js';
import { isNegatedMatch, q, signalRule } from './signal.js';

// Time pressure: "ASAP", "urgent", "by end of day", "I have a meeting in 10
// minutes", "the whole office is down". Negated forms ("not urgent", "no
// rush") do not count.
//
// A time on its own is not pressure ("it stopped working at 3pm", "I've had it
// for 2 years"): a time soon (today, Friday, 4pm, in 40 minutes) counts when
// its sentence names something that will happen then (a meeting, a flight, a
// deadline, "payroll runs", "entries close") or a need ("I need it", "if it
// isn't fixed by…", "… or we cancel"), and its own clause is not about the past.
export const urgency: Rule = signalRule({
  id: 'customer/urgency',
  category: 'urgency',
  docs: {
    summary: 'The customer is under time pressure: a deadline, a meeting, people blocked.',
    why: 'Under time pressure the customer needs to know when, not only what. A reply without a time or a quick workaround leaves them guessing whether to wait or give up.',
    instead: 'Acknowledge the deadline, offer the fastest path or a workaround first, and say when they will hear back.',
  },
  examples: {
    invalid: [
      { text: 'Please fix this ASAP, the client is waiting.', excerpt: 'ASAP' },
      'I have a presentation in 15 minutes and the projector shows nothing',
      'need the new starter account set up by end of day',
      'URGENT: card machine offline',
      { text: 'My webinar starts in 35 mins and the mic is dead.', excerpt: 'in 35 mins' },
      { text: 'The vendor audit is Thursday and the report will not export.', excerpt: 'Thursday' },
      { text: "If this isn't working by Monday we'll have to cancel.", excerpt: 'by Monday' },
      { text: 'Sort it out today or I go elsewhere.', excerpt: 'today' },
      { text: 'This is holding up our go-live.', excerpt: 'holding up our go-live' },
      { text: "I'm sitting in the exam hall right now and the login page won't load", excerpt: 'right now' },
      { text: "it's already 4:40 and the upload keeps failing", excerpt: "it's already 4:40" },
      { text: 'refunds are piling up on the desk', excerpt: 'refunds are piling up' },
    ],
    valid: [
      'Not urgent, whenever you have a moment.',
      'There is no rush on this one.',
      'It stopped working today after the update.',
      'The export took about 20 minutes last week.',
      { text: 'The router has been flashing for 3 hours.', note: 'a duration, not a deadline' },
      { text: 'It was due Tuesday and never came.', note: 'a deadline in the past' },
      { text: 'I can pay the balance straight away if that helps.', note: 'the customer offers, nothing presses them' },
      { text: "That's four attempts now!", note: 'a count, not a demand' },
      { text: 'The training session last Monday was great, the new laptop works.', note: 'past event' },
      { text: 'My manager wrote "URGENT, fix by Friday" on the ticket, but honestly there is no rush.', note: 'quoted, and no rush' },
    ],
  },
  lists: ['customer.urgency', 'customer.urgency.soon', 'customer.urgency.when'],
  negation: false,
  accept: (ctx, m) => (m.list === 'customer.urgency' ? plainUrgency(ctx, m) : !timeNegated(ctx.doc, m) && soonWithEvent(ctx, m.first, m.last)),
  explain: (x) => `${q(x)} shows time pressure: acknowledge the deadline and say when they will hear back.`,
  extra(ctx, emit) {
    const doc = ctx.doc;
    const toks = doc.tokens;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.quoted) continue;
      // "NOW" / "HELP" in capitals, as a demand.
      if (t.caps && t.norm === 'now') emit(t.start, t.end, '"NOW" in capitals demands it immediately: time pressure.');
      if (t.caps && t.norm === 'help' && t.text === 'HELP' && toks[k + 1]?.norm !== 'desk') emit(t.start, t.end, '"HELP" in capitals is a cry for help right now: time pressure.');
      // Times the phrase lists cannot spell: any clock time, any number of minutes or hours.
      const clock = clockAt(toks, k);
      if (clock > k) {
        if (itIsNow(toks, k)) {
          const from = itIsStart(toks, k);
          emit(toks[from]!.start, toks[clock - 1]!.end, `${q(ctx.text.slice(toks[from]!.start, toks[clock - 1]!.end))}: the customer is watching the clock.`);
        } else if (!inList(ctx, k) && soonWithEvent(ctx, k, clock) && !timeNegated(doc, { first: k, last: clock })) {
          emit(t.start, toks[clock - 1]!.end);
        }
        continue;
      }
      const span = minutesAway(toks, k);
      if (span) {
        if (span.left || soonWithEvent(ctx, span.first, span.last)) emit(toks[span.first]!.start, toks[span.last - 1]!.end);
        continue;
      }
      // "its nearly 5", "it's gone 4": a bare hour told with "nearly", "already", "gone".
      if (t.kind === 'num' && /^([1-9]|1[0-2])$/.test(t.norm) && NOWISH.has(toks[k - 1]?.norm ?? '') && itIsNow(toks, k) && !(toks[k + 1]?.kind === 'word' && !CLAUSE_BREAK.has(toks[k + 1]!.norm) && toks[k + 1]!.norm !== 'now')) {
        const from = itIsStart(toks, k);
        emit(toks[from]!.start, t.end, `${q(ctx.text.slice(toks[from]!.start, t.end))}: the customer is watching the clock.`);
        continue;
      }
      if (t.norm === 'midnight' && itIsNow(toks, k)) {
        const from = itIsStart(toks, k);
        emit(toks[from]!.start, t.end, `${q(ctx.text.slice(toks[from]!.start, t.end))}: the customer is watching the clock.`);
      }
    }
    rightNow(ctx, emit);
  },
});

// ------------------------------------------------------------ the phrase list

/** Counts before "now" ("three attempts now!") measure, they do not demand. */
const COUNT_NOUNS = new Set(['attempts', 'tries', 'times', 'calls', 'emails', 'messages', 'hours', 'days', 'weeks', 'months', 'minutes', 'mins', 'years', 'tickets']);
const OFFER = new Set(['can', 'could', "i'll", "we'll", 'happy', 'able', 'willing']);

function plainUrgency(ctx: RuleContext, m: PhraseMatch): boolean {
  const doc = ctx.doc;
  const toks = doc.tokens;
  if (isNegatedMatch(doc, m.first)) return false;
  const first = toks[m.first]!.norm;
  const prev = toks[m.first - 1]?.norm ?? '';
  // "That's three attempts now!"
  if (first === 'now' && COUNT_NOUNS.has(prev)) return false;
  // "it was due Tuesday": a deadline already gone.
  if ((first === 'due' || first === 'deadline' || first === 'expected') && (prev === 'was' || prev === 'were' || prev === 'been')) return false;
  // "I can pay straight away": the customer offers speed, nothing presses them.
  if (first === 'straight' || first === 'right' || first === 'immediately' || first === 'straightaway') {
    const s = doc.sentenceAt(m.start);
    if (s) for (let k = Math.max(s.first, m.first - 6); k < m.first; k++) if (OFFER.has(toks[k]!.norm)) return false;
  }
  return true;
}

// ------------------------------------------------------------ times soon

const VAGUE = new Set(['today', 'this', 'soon', 'first']);
const NEED = new Set([
  'need', 'needs', 'needed', 'must', 'due', 'deadline', 'before', 'by', 'until', 'gotta', 'urgent', 'asap', 'hurry', 'quickly', 'submit',
  'expecting', 'unless',
]);
/** Words that put the clause holding the time in the past ("it arrived Friday", "it took 10 minutes"). */
const PAST = new Set([
  'received', 'arrived', 'since', 'booked', 'ago', 'yesterday', 'was', 'were', 'had', 'happened', 'stopped', 'started', 'went',
  "wasn't", "weren't", 'took', 'came', 'ordered', 'delivered', 'bought', 'paid', 'worked', 'crashed', 'broke', 'began', 'lost', 'woke',
  'rang', 'told', 'said', 'saw', 'fell', 'froze', 'forgot', 'gave', 'made', 'kept', 'left', 'showed', 'missed',
]);
/** Something that happens at a time: what makes "Friday" or "at 4" a deadline. */
const EVENT = new Set([
  'exam', 'exams', 'mock', 'test', 'lesson', 'assessment', 'check-in', 'audit', 'closes', 'opens', 'open', 'birthday', 'wedding', 'visiting',
  'coming', 'expecting', 'runs', 'run', 'hosting', 'teach', 'teaching', 'entries', 'print', 'sign', 'renewal', 'party', 'funeral', 'guests',
  'arrive', 'arrives', 'arriving', 'presenting', 'present', 'pay', 'payday', 'go', 'going', 'travel', 'travelling', 'traveling', 'fly',
  'interview', 'interviews', 'meeting', 'meetings', 'presentation', 'appointment', 'class', 'board', 'launch', 'demo', 'deadline', 'due',
  'cutoff', 'submit', 'submission', "i've", 'call', 'calls', 'pitch', 'lecture', 'flight', 'webinar', 'conference', 'session', 'shift',
  'train', 'bus', 'client', 'clients', 'boss', 'leave', 'leaving', 'payroll', 'live', 'show', 'event', 'talk',
  'training', 'hearing', 'review', 'close', 'ends', 'expires', 'release', 'deploy', 'deployment', 'go-live', 'cutover', 'hand-in', 'handin',
  'homework', 'coursework', 'assignment', 'race', 'match', 'gig', 'concert', 'ceremony', 'registration', 'enrolment', 'enrollment',
  'rent', 'boarding', 'inspection', 'visit', 'surgery', 'operation', 'rota', 'childcare', 'opening', 'viva', 'recital', 'performance',
  'tournament', 'quiz', 'trip', 'holiday', 'handover', 'signing', 'completion', 'closing', 'kickoff', 'kick-off',
  'gotta', 'urgent', 'asap', 'quickly', 'hurry',
]);
/** A weekday or a time named alone ("Friday", "4pm") is a deadline only with an event; "please" or "boss" is not enough. */
const WEAK_EVENT = new Set(["i've", 'client', 'clients', 'boss', 'coming', 'go', 'going', 'live', 'show', 'leave', 'call', 'open', 'run', 'runs', 'start', 'print', 'sign', 'pay']);
/** Times that recur ("every day at 3", "nightly at 02:00") are a schedule, not a deadline. */
const RECURRING = new Set(['every', 'each', 'daily', 'nightly', 'weekly', 'hourly', 'usually', 'normally', 'always']);
/** Before a participle, these make it a state or a future ("is locked", "will be deleted"), not the past. */
const STATE = new Set(['be', 'been', 'being', 'get', 'gets', 'getting', 'is', 'are', 'am', "i'm", 'im', "we're", "it's", "they're", "you're", 'to', 'not', 'still', 'all', 'fully']);
const HAVE = new Set(["i've", "we've", 'ive', 'weve', 'have', 'has', "he's", "she's", 'hes', 'shes', "they've", 'theyve', "you've", 'youve']);
const ZONES = new Set(['utc', 'gmt', 'bst', 'cet', 'cest', 'est', 'edt', 'pst', 'pdt', 'z', 'aest', 'ist']);

/** Words in -ed that point ahead ("expected Friday", "scheduled for 3pm"). */
const FUTURE_ED = new Set(['needed', 'scheduled', 'booked', 'expected', 'required', 'wanted', 'planned', 'timed', 'due']);
const QUANTITY = new Set(['extra', 'more', 'other', 'different', 'new', 'of', 'x', 'percent', 'gb', 'mb', 'tb', 'kb', 'pounds', 'quid', 'bucks', 'hour', 'minute', 'day', 'week', 'month', 'year', 'person', 'user', 'seat', 'time']);
const NOT_PLURAL = new Set(['thanks', 'please', 'sharp', 'tomorrows', 'is', 'was', 'this', 'us', 'as', 'yes', 'its', 'thus']);
/** "a load test on Thursday" is an engineering job, not an exam. */
const TECH_TEST = new Set(['load', 'stress', 'pen', 'penetration', 'unit', 'smoke', 'speed', 'performance', 'integration', 'regression', 'ab', 'a/b', 'dns']);
const WINDOW = 24;
const CLAUSE_BREAK = new Set([',', ';', ':', '—', '–', 'and', 'but', 'because', 'so', 'or', 'while', 'whereas', 'though', 'although']);
const SUBJECT = new Set(['i', 'we', "i'll", "we'll", "i'm", "we're", 'im']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun']);

/**
 * Tokens [first, last) name a time soon; true when the sentence names an event
 * or a need and the clause holding the time is not about the past.
 */
function soonWithEvent(ctx: RuleContext, first: number, last: number): boolean {
  const doc = ctx.doc;
  const toks = doc.tokens;
  const s = ctx.doc.sentenceAt(toks[first]!.start);
  if (!s) return false;
  const lead = toks[first]!.norm;
  // "today" / "this week" also describe the past ("I got my order today"): they need a need-word.
  const vague = VAGUE.has(lead) && last - first <= 2;
  // A bare weekday or clock time needs a real event, not only "please".
  const bare = WEEKDAYS.has(lead) || /^\d/.test(lead) || lead.endsWith("'s");
  // The clause holding the time: a past word there puts the time in the past.
  // Only the words near the time are read (a long sentence with many times stays linear).
  const from = Math.max(s.first, first - WINDOW);
  const to = Math.min(s.last, last + WINDOW);
  let a = first;
  while (a > from && !CLAUSE_BREAK.has(toks[a - 1]!.norm)) a--;
  let b = last;
  while (b < to && !CLAUSE_BREAK.has(toks[b]!.norm)) b++;
  for (let k = a; k < b; k++) {
    if (k >= first && k < last) continue;
    const n = toks[k]!.norm;
    if (PAST.has(n) || RECURRING.has(n)) return false;
    // "it crashed at 3pm", "paged us every five minutes until 6am": a verb in the past, not "will be deleted in 3 days".
    if (n.length > 4 && n.endsWith('ed') && !FUTURE_ED.has(n) && !STATE.has(toks[k - 1]?.norm ?? '')) return false;
    // "I got locked out", but not "I've got a test" or "got to go".
    if (n === 'got' && toks[k + 1]?.norm !== 'to' && !HAVE.has(toks[k - 1]?.norm ?? '')) return false;
  }
  // "00:00 UTC", "03:12:04": a timestamp from a log or a status page.
  const zone = toks[last]?.norm ?? '';
  if (ZONES.has(zone)) return false;
  // "last Friday", "since 4pm", "from Monday": not ahead.
  const before = toks[first - 1]?.norm;
  if (before === 'last' || before === 'since' || before === 'from') return false;
  // "for 3 extra seats", "for 2 hours": a number that counts, not a time.
  if (/^\d{1,2}$/.test(toks[last - 1]!.norm) || NUMBER_WORDS.has(toks[last - 1]!.norm)) {
    const next = toks[last];
    if (next && next.kind === 'word' && (QUANTITY.has(next.norm) || (next.norm.length > 3 && next.norm.endsWith('s') && !NOT_PLURAL.has(next.norm)))) return false;
  }
  let conditional = false;
  let negator = false;
  for (let k = from; k < to; k++) {
    if (k >= first && k < last) continue;
    const n = toks[k]!.norm;
    if (n === 'if') conditional = true;
    if (n === 'not' || n.endsWith("n't")) negator = true;
    // "… or we cancel": an ultimatum.
    if (n === 'or' && k >= last && SUBJECT.has(toks[k + 1]?.norm ?? '')) return true;
    if (NEED.has(n) && !isNegatedMatch(doc, k)) return true;
    if (n === 'have' && toks[k + 1]?.norm === 'to' && !isNegatedMatch(doc, k)) return true;
    if (n === 'got' && toks[k + 1]?.norm === 'to') return true;
    if (vague) continue;
    if (EVENT.has(n) && !(bare && WEAK_EVENT.has(n)) && !(n === 'test' && TECH_TEST.has(toks[k - 1]?.norm ?? ''))) return true;
  }
  // "if it isn't sorted by Friday…": a condition with a deadline.
  return conditional && negator;
}

/** The time is negated itself ("not today", "not before Friday"), or a need is ("don't need it until May"). */
function timeNegated(doc: Doc, m: { first: number; last?: number }): boolean {
  for (let k = m.first - 1; k >= 0 && k >= m.first - 2; k--) {
    const n = doc.tokens[k]!.norm;
    if (n === 'not' || n === 'no' || n === 'never') return true;
  }
  return false;
}

const covered = new WeakMap<object, Uint8Array>();

/** The token k is inside a time the phrase lists already matched (counted there). Marked once per message. */
function inList(ctx: RuleContext, k: number): boolean {
  let marks = covered.get(ctx.doc);
  if (!marks) {
    marks = new Uint8Array(ctx.doc.tokens.length);
    for (const id of ['customer.urgency', 'customer.urgency.soon', 'customer.urgency.when']) {
      for (const m of ctx.matches(id)) marks.fill(1, m.first, m.last);
    }
    covered.set(ctx.doc, marks);
  }
  return marks[k] === 1;
}

const CLOCK = /^([01]?\d|2[0-3])(:[0-5]\d)?(am|pm|a\.m\.|p\.m\.)$/;
const CLOCK_COLON = /^([01]?\d|2[0-3]):[0-5]\d$/;

/** A clock time at token k ("4pm", "16:30", "9 am", "10 o'clock"): the index after it, or k. */
function clockAt(toks: Doc['tokens'], k: number): number {
  const t = toks[k]!;
  if (t.kind !== 'num' && t.kind !== 'word') return k;
  if (CLOCK.test(t.norm) || (t.kind === 'num' && CLOCK_COLON.test(t.norm))) {
    const next = toks[k + 1]?.norm;
    return next === 'am' || next === 'pm' ? k + 2 : k + 1;
  }
  if (t.kind === 'num' && /^([01]?\d|2[0-3])$/.test(t.norm)) {
    const next = toks[k + 1]?.norm;
    if (next === 'am' || next === 'pm' || next === "o'clock" || next === 'oclock') return k + 2;
  }
  return k;
}

const IT_IS = new Set(["it's", 'its', 'it']);
const NOWISH = new Set(['already', 'nearly', 'almost', 'now', 'past', 'gone', 'just', 'literally']);

/** "it's 4:20", "its nearly midnight", "it's already 5pm": the customer telling the clock. */
function itIsNow(toks: Doc['tokens'], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && NOWISH.has(toks[j]!.norm) && j >= k - 2) j--;
  const w = toks[j];
  if (!w) return false;
  if (w.norm === "it's" || w.norm === 'its') return true;
  return w.norm === 'is' && toks[j - 1]?.norm === 'it';
}

function itIsStart(toks: Doc['tokens'], k: number): number {
  let j = k - 1;
  while (j >= 0 && !IT_IS.has(toks[j]!.norm)) j--;
  return toks[j]?.norm === 'it' ? j : Math.max(j, 0);
}

const UNITS = new Set(['minutes', 'minute', 'mins', 'min', 'hours', 'hour', 'hrs', 'hr', 'h', 'm']);
const SOON_WORDS = new Set(['in', 'within', 'under']);
const UNTIL_WORDS = new Set(['before', 'until', 'till', 'til']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'ten', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'few']);

/**
 * "in 40 mins", "within 3 hours" (soon: needs an event), and "ten minutes
 * before payroll closes", "20 mins left" (pressure on their own when followed
 * by "left" or "to go").
 */
function minutesAway(toks: Doc['tokens'], k: number): { first: number; last: number; left: boolean } | undefined {
  const t = toks[k]!;
  const digits = (x: Doc['tokens'][number] | undefined): boolean => !!x && x.kind === 'num' && /^\d{1,3}$/.test(x.norm);
  if (SOON_WORDS.has(t.norm)) {
    let j = k + 1;
    if (toks[j]?.norm === 'the' && toks[j + 1]?.norm === 'next') j += 2;
    if (toks[j]?.norm === 'less' && toks[j + 1]?.norm === 'than') j += 2;
    // Numbers in words ("in ten minutes") are in the phrase list.
    if (!digits(toks[j]) || !UNITS.has(toks[j + 1]?.norm ?? '')) return undefined;
    return { first: k, last: j + 2, left: false };
  }
  if (!digits(t) && !NUMBER_WORDS.has(t.norm)) return undefined;
  const u = toks[k + 1];
  if (!u || !UNITS.has(u.norm)) return undefined;
  const after = toks[k + 2]?.norm;
  if (after === 'left' || (after === 'to' && toks[k + 3]?.norm === 'go')) return { first: k, last: after === 'left' ? k + 3 : k + 4, left: true };
  if (after && UNTIL_WORDS.has(after) && toks[k + 3]?.kind === 'word') return { first: k, last: k + 3, left: false };
  return undefined;
}

// ------------------------------------------------------------ right now

const SITUATION = new Set(["i'm", 'im', "we're", 'i', 'we', "i've", "we've"]);

/** "I'm standing at reception right now", "I'm doing an online test right now": the customer is stuck in the moment. */
function rightNow(ctx: RuleContext, emit: (start: number, end: number, explanation?: string) => void): void {
  const doc = ctx.doc;
  const toks = doc.tokens;
  for (let k = 1; k < toks.length; k++) {
    if (toks[k]!.norm !== 'now' || toks[k - 1]!.norm !== 'right' || toks[k]!.quoted) continue;
    const s = doc.sentenceAt(toks[k]!.start);
    if (!s || s.question) continue;
    let subject = false;
    for (let j = k - 2; j >= s.first && j >= k - 9; j--) {
      const n = toks[j]!.norm;
      if (n === 'not' || n.endsWith("n't") || n === 'no') break;
      if (SITUATION.has(n) || (n === 'am' && toks[j - 1]?.norm === 'i') || (n === 'are' && toks[j - 1]?.norm === 'we')) { subject = true; break; }
    }
    if (subject) emit(toks[k - 1]!.start, toks[k]!.end, '"right now": the customer is stuck in the middle of something.');
  }
}
