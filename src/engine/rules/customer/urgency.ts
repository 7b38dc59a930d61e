import type { Rule, RuleContext } from '../../rule.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import { q, signalRule } from './signal.js';

// Time pressure: "ASAP", "urgent", "by end of day", "I have a meeting in 10
// minutes", "the whole office is down". Negated forms ("not urgent", "no
// rush") do not count.
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
    ],
    valid: [
      'Not urgent, whenever you have a moment.',
      'There is no rush on this one.',
      'It stopped working today after the update.',
      'The export took about 20 minutes last week.',
    ],
  },
  lists: ['customer.urgency', 'customer.urgency.soon', 'customer.urgency.when'],
  accept: (ctx, m) => m.list === 'customer.urgency' || soonWithEvent(ctx, m),
  explain: (x) => `${q(x)} shows time pressure: acknowledge the deadline and say when they will hear back.`,
  extra(ctx, emit) {
    // "NOW" in capitals, as a demand.
    for (const t of ctx.doc.tokens) {
      if (t.caps && t.norm === 'now' && !t.quoted) emit(t.start, t.end, '"NOW" in capitals demands it immediately: time pressure.');
    }
  },
});

const VAGUE = new Set(['today', 'this', 'soon', 'first']);
const NEED = new Set(['need', 'needs', 'needed', 'must', 'due', 'deadline', 'before', 'by', 'until', 'gotta', 'urgent', 'asap', 'hurry', 'quickly', 'submit', 'expecting']);
const PAST = new Set(['received', 'arrived', 'since', 'booked', 'ago', 'yesterday', 'was', 'were', 'had', 'happened', 'stopped', 'started', 'went']);
const EVENT = new Set([
  'exam', 'exams', 'mock', 'test', 'lesson', 'assessment', 'check-in', 'audit', 'closes', 'opens', 'open', 'birthday', 'wedding', 'visiting',
  'coming', 'expecting', 'runs', 'run', 'hosting', 'teach', 'teaching', 'entries', 'print', 'sign', 'renewal', 'party', 'funeral', 'guests',
  'arrive', 'arrives', 'arriving', 'presenting', 'present', 'pay', 'paid', 'payday', 'go', 'going', 'travel', 'travelling', 'traveling', 'fly',
  'interview', 'meeting', 'presentation', 'appointment', 'class', 'board', 'launch', 'demo', 'deadline', 'due', 'cutoff', 'submit', 'submission',
  "i've",
  'meeting', 'call', 'presentation', 'demo', 'pitch', 'interview', 'exam', 'class', 'lecture', 'flight', 'webinar', 'conference', 'session',
  'appointment', 'shift', 'train', 'bus', 'client', 'clients', 'boss', 'deadline', 'due', 'starts', 'start', 'begins', 'leave', 'leaving', 'need',
  'submit', 'board', 'payroll', 'launch', 'live', 'show', 'event', 'talk', 'training', 'hearing', 'review', 'closes', 'close',
  'ends', 'expires', 'gotta', 'urgent', 'asap', 'quickly', 'hurry', 'please',
]);

/** "in 10 minutes" is urgency next to an event or a need, not in "it took 10 minutes". */
function soonWithEvent(ctx: RuleContext, m: PhraseMatch): boolean {
  const s = ctx.doc.sentenceAt(m.start);
  if (!s) return false;
  // "today" / "this week" also describe the past ("I got my order today"): they need a need-word.
  const vague = m.list === 'customer.urgency.when' && VAGUE.has(ctx.doc.tokens[m.first]!.norm) && m.last - m.first <= 2;
  for (let k = s.first; k < s.last; k++) {
    if (k >= m.first && k < m.last) continue;
    const n = ctx.doc.tokens[k]!.norm;
    if (PAST.has(n)) return false;
    if (vague ? NEED.has(n) : EVENT.has(n) || NEED.has(n)) return true;
    if (n === 'have' && ctx.doc.tokens[k + 1]?.norm === 'to') return true;
  }
  return false;
}
