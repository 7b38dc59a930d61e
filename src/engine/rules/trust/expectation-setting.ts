import type { Rule, RuleContext } from '../../rule.js';
import type { Sentence } from '../../text/doc.js';
import { dead, isClockTime, onePerSentence, sentenceSpanOf } from './shared.js';

// Expectation-setting: a time estimate ("about 20 minutes", "by 5pm", "tomorrow
// morning"), what happens next ("you'll get an email when…", "the technician
// will call"), or asking how the customer wants to be updated.

/** A sentence about the past: its times are history, not estimates. */
const PAST = new Set(['ago', 'yesterday', 'last', 'earlier', 'previously', 'since', 'was', 'were', 'did', 'had', 'started', 'began', 'happened', 'stopped', 'crashed', 'failed', 'tried', 'went', 'worked', 'broke', 'noticed', 'saw']);
/** Words that put the time in the future. */
const FUTURE = new Set([
  'will', "i'll", "we'll", "you'll", "it'll", "they'll", "he'll", "she'll", "that'll", "this'll", 'should', 'shall', 'going', 'gonna', 'expect',
  'expecting', 'expected', 'aim', 'aiming', 'plan', 'planning', 'scheduled', 'booked', 'estimate', 'estimated', 'eta', 'give', 'allow', 'take',
  'takes', 'taking', 'hope', 'hoping', 'due', "let's", "i'm", "we're", 'arrive', 'arrives', 'back', 'ready', 'tomorrow', 'later', 'once',
  'usually', 'normally', 'typically', 'earliest', 'available', 'availability', 'valid', 'lasts',
]);
/** Modals that put a clause in the future even next to a past word ("bookings made since Monday will copy across within 15 minutes"). */
const MODAL = new Set(['will', "i'll", "we'll", "you'll", "it'll", "they'll", "he'll", "she'll", "that'll", "this'll", 'should', 'shall']);
/** Commands to the customer whose times are part of a step ("wait 10 minutes…"). */
const STEP_VERBS = new Set(['wait', 'hold', 'press', 'leave', 'keep', 'unplug', 'restart', 'reboot', 'turn', 'try', 'run', 'check', 'do', 'make', 'set', 'switch', 'let', 'plug', 'charge', 'power', 'close', 'open', 'click', 'go', 'put', 'remove', 'clear', 'log']);

/** After "I can": seeing or telling, not doing ("I can see it restarted at 14:04"). */
const PERCEIVE = new Set(['see', 'tell', 'confirm', 'understand', 'imagine', 'hear', 'assure', 'only', 'not', "'t", 'also', 'promise', 'guarantee']);
/** After "I'm": the agent's availability ("I'm on until 8 tonight", "I'm here till 5pm"). */
const AVAILABLE = new Set(['on', 'here', 'around', 'available', 'online', 'about', 'off', 'away', 'back', 'free', 'in', 'out', 'working', 'due']);
/** Verbs before "in 2 days" that make it a deadline, not an estimate. */
const DEADLINE = new Set(['expires', 'expire', 'expiring', 'lapses', 'lapse', 'closes', 'ends', 'due', 'renews']);
/** Words before "may" that make it the verb: "you may", "it may". */
const MODAL_SUBJECT = new Set(['i', 'you', 'we', 'they', 'it', 'this', 'that', 'he', 'she', 'there', 'which', 'who', 'these', 'those', 'and', 'or', 'but']);
/** Punctuation that ends a clause: the past or a step in one clause does not reach a time in the next. */
const CLAUSE_END = new Set([',', ';', ':', '\u2014', '\u2013', '(', ')']);
/** Stronger breaks: a step before one ("Leave it with me: the technician will call…") does not govern the time after it. */
const HARD_BREAK = new Set([';', ':', '\u2014', '\u2013']);

/** Token `k` breaks the sentence in `set` ("3–5 days" has a dash but no break: a break has a space before it). */
function isBreak(ctx: RuleContext, k: number, set: Set<string>): boolean {
  const t = ctx.doc.tokens[k]!;
  if (!set.has(t.text)) return false;
  if (t.text !== '\u2013' && t.text !== '\u2014') return true;
  const prev = ctx.doc.tokens[k - 1];
  return !prev || prev.end < t.start;
}

/** The clause around token `k`: [first, last) between clause punctuation inside the sentence. */
function clauseOf(ctx: RuleContext, s: Sentence, k: number): { first: number; last: number } {
  let first = k;
  while (first > s.first && !isBreak(ctx, first - 1, CLAUSE_END)) first--;
  let last = k;
  while (last < s.last && !isBreak(ctx, last, CLAUSE_END)) last++;
  return { first, last };
}

function futureSentence(ctx: RuleContext, s: Sentence, matchFirst: number, ahead = false): boolean {
  const toks = ctx.doc.tokens;
  // "In about 15 minutes", "within two days": the time itself looks ahead.
  let future = ahead;
  // The past is judged on the time's own clause: "a glitch from last night's update, and re-pairing clears it in a couple of minutes".
  const c = clauseOf(ctx, s, matchFirst);
  let past = false;
  let modal = false;
  for (let k = c.first; k < c.last; k++) {
    const n = toks[k]!.norm;
    if (PAST.has(n)) past = true;
    if (MODAL.has(n)) modal = true;
  }
  if (past && !modal) return false;
  for (let k = s.first; k < s.last; k++) {
    const n = toks[k]!.norm;
    const next = toks[k + 1]?.norm ?? '';
    // "I'm sending…", "we're booking…" look ahead; "I'm sorry it happened this month" does not.
    if (n === "i'm" || n === "we're") {
      if (next === 'going' || next === 'gonna' || AVAILABLE.has(next) || (next.endsWith('ing') && next.length > 4)) future = true;
      continue;
    }
    // "I can email you the file within 30 minutes": the agent offering a time.
    if (n === 'can' && (toks[k - 1]?.norm === 'i' || toks[k - 1]?.norm === 'we') && !s.question && toks[k - 2]?.norm !== 'what' && !PERCEIVE.has(next)) future = true;
    if (FUTURE.has(n)) future = true;
  }
  // A step for the customer governs the times of its own part of the sentence only.
  let broken = false;
  for (let k = s.contentFirst; k < matchFirst; k++) if (isBreak(ctx, k, HARD_BREAK)) broken = true;
  if (!broken) {
    const first = toks[s.contentFirst]!.norm;
    const second = toks[s.contentFirst + 1]?.norm;
    const third = toks[s.contentFirst + 2]?.norm;
    // "Leave it with me" hands the work to the agent; it is not a step.
    const leaveWithMe = first === 'leave' && third === 'with' && toks[s.contentFirst + 3]?.norm === 'me';
    if (STEP_VERBS.has(first) && !leaveWithMe) return false;
    // "If you'd rather…, restart the session at 4am": the step heads the time's own clause.
    const head = toks[c.first]!.norm;
    if (c.first > s.contentFirst && STEP_VERBS.has(head) && head !== 'leave') return false;
    if (first === 'give' || first === 'allow') {
      if (second !== 'me' && second !== 'us' && second !== 'it') return false;
    }
  }
  return future;
}

export const expectationSetting: Rule = {
  id: 'ack/expectation-setting',
  category: 'expectation-setting',
  on: 'agent',
  docs: {
    summary: 'Tells the customer when to expect something, what happens next, or asks how they want updates.',
    why: 'Waiting is easier when you know how long and what comes next; silence with no time makes every minute feel longer.',
    instead: 'Give a time and the next event: "Give me about 20 minutes — you\'ll get an email as soon as it\'s done."',
  },
  examples: {
    invalid: [
      { text: "Give me about 20 minutes and I'll have it sorted.", excerpt: "Give me about 20 minutes and I'll have it sorted." },
      'The technician will call you tomorrow morning.',
      "You'll get an email once the refund is processed.",
      'Would you prefer a call or an email when it is done?',
      "I'll update you by 3pm.",
      'It should be with you in 3–5 working days.',
      'Leave it with me: the engineer will swap the unit tomorrow morning.',
      'The reset link is valid for 30 minutes.',
      'The change syncs to every laptop in about 15 minutes.',
      "I'll call the courier this afternoon, and that should sort it.",
    ],
    valid: [
      'It stopped working about 20 minutes ago.',
      'Hold the power button for about 10 seconds.',
      'Wait 5 minutes, then try again.',
      'When did it last work?',
      { text: 'You may need to sign out and back in.', note: '"may" the verb, not the month' },
      { text: 'Your certificate expires in 2 days.', note: 'a deadline for the customer, not an estimate' },
      'Returns are accepted within 30 days of delivery.',
      "If you'd rather it ran at night, restart it at 2am once.",
      "I'm really sorry the outage hit you twice this month.",
    ],
  },
  check(ctx) {
    const found: Array<{ start: number; end: number; s: Sentence }> = [];
    // "in due course", "as soon as possible": a sentence with vague timing sets no expectation.
    const vague = new Set<number>();
    for (const m of ctx.matches('trust.vague')) {
      const s = ctx.doc.sentenceAt(m.start);
      if (s) vague.add(s.index);
    }
    const toks = ctx.doc.tokens;
    const add = (m: { first: number; last: number; start: number }): void => {
      const s = ctx.doc.sentenceAt(m.start);
      if (!s || vague.has(s.index)) return;
      // The span stops where a new clause starts ("…this afternoon, and that will definitely fix it"),
      // so a guarantee in the next clause does not swallow the time.
      const span = sentenceSpanOf(ctx, s);
      for (let k = m.last; k < s.last - 1; k++) {
        const n = toks[k]!.text;
        if (n === ';' || (n === ',' && (toks[k + 1]!.norm === 'and' || toks[k + 1]!.norm === 'but'))) { span.end = toks[k - 1]!.end; break; }
      }
      found.push({ ...span, s });
    };
    for (const m of ctx.matches('trust.next')) {
      if (dead(ctx, m)) continue;
      const s = ctx.doc.sentenceAt(m.start);
      if (!s) continue;
      const prev = ctx.doc.tokens[m.first - 1]?.norm;
      if (prev === 'if' || prev === 'whether') continue;
      add(m);
    }
    for (const m of ctx.matches('trust.time')) {
      if (ctx.isQuoted(m)) continue;
      const lead = toks[m.first]!.norm;
      // "you may need to…" is the verb, not the month.
      if (m.last - m.first === 1 && toks[m.first]!.norm === 'may' && (toks[m.first]!.text !== 'May' || MODAL_SUBJECT.has(toks[m.first - 1]?.norm ?? ''))) continue;
      const s = ctx.doc.sentenceAt(m.start);
      // "in 2 days" looks ahead by itself, unless it is a window ("within 30 days of delivery") or a deadline ("expires in 2 days").
      const ahead = (lead === 'in' || lead === 'within') && toks[m.last]?.norm !== 'of' && !DEADLINE.has(toks[m.first - 1]?.norm ?? '') && toks[m.first - 1]?.norm !== 'out';
      if (!s || !futureSentence(ctx, s, m.first, ahead)) continue;
      add(m);
    }
    for (const m of ctx.matches('trust.time.prep')) {
      if (!isClockTime(ctx, m.last) || ctx.isQuoted(m)) continue;
      const s = ctx.doc.sentenceAt(m.start);
      if (!s || !futureSentence(ctx, s, m.first)) continue;
      add(m);
    }
    for (const f of onePerSentence(ctx, found)) {
      ctx.report({ start: f.start, end: f.end, explanation: 'You told the customer what to expect and when, so they are not left waiting blind.' });
    }
  },
};
