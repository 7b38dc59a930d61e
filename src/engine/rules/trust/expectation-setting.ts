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
  'usually', 'normally', 'typically',
]);
/** Commands to the customer whose times are part of a step ("wait 10 minutes…"). */
const STEP_VERBS = new Set(['wait', 'hold', 'press', 'leave', 'keep', 'unplug', 'restart', 'reboot', 'turn', 'try', 'run', 'check', 'do', 'make', 'set', 'switch', 'let', 'plug', 'charge', 'power', 'close', 'open', 'click', 'go', 'put', 'remove', 'clear', 'log']);

function futureSentence(ctx: RuleContext, s: Sentence, matchFirst: number): boolean {
  const toks = ctx.doc.tokens;
  let future = false;
  for (let k = s.first; k < s.last; k++) {
    const n = toks[k]!.norm;
    if (PAST.has(n)) return false;
    if (FUTURE.has(n)) future = true;
  }
  const first = toks[s.contentFirst]!.norm;
  if (STEP_VERBS.has(first)) return false;
  if (first === 'give' || first === 'allow') {
    const who = toks[s.contentFirst + 1]?.norm;
    if (who !== 'me' && who !== 'us' && who !== 'it') return false;
  }
  void matchFirst;
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
    ],
    valid: [
      'It stopped working about 20 minutes ago.',
      'Hold the power button for about 10 seconds.',
      'Wait 5 minutes, then try again.',
      'When did it last work?',
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
    const add = (m: { first: number; last: number; start: number }): void => {
      const s = ctx.doc.sentenceAt(m.start);
      if (s && !vague.has(s.index)) found.push({ ...sentenceSpanOf(ctx, s), s });
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
      const s = ctx.doc.sentenceAt(m.start);
      if (!s || !futureSentence(ctx, s, m.first)) continue;
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
