import type { Rule, RuleContext } from '../../rule.js';
import { EMPHASIS, heated, insultSpans } from './intensity.js';
import { capsInSentences } from './shouting.js';
import { isNegatedMatch, q, signalRule } from './signal.js';

// Annoyance and exasperation: "still not working", "third time", "I already
// told you", "this is ridiculous", sighs, sarcastic thanks, and "?!".
export const frustration: Rule = signalRule({
  id: 'customer/frustration',
  category: 'frustration',
  docs: {
    summary: 'The customer is annoyed or exasperated: the problem persists, or they have to repeat themselves.',
    why: 'A frustrated customer mostly wants to know they were heard. A reply that jumps straight to the next step reads as "not listening" and raises the temperature.',
    instead: 'Acknowledge the repetition or the wait in one specific sentence ("I\'m sorry you\'ve had to chase this three times"), then give the next step.',
  },
  examples: {
    invalid: [
      { text: "It's still not working and this is the third time I've written in.", excerpt: 'still not working' },
      'ugh. same error as yesterday',
      { text: 'Seriously?! I already told you the model number.', excerpt: 'Seriously?!' },
      'Thanks for nothing.',
      'how hard can it be to reset one password',
      { text: "I've been trying to log in for 45 minutes", excerpt: 'for 45 minutes' },
      { text: '3 days no phone line. Please send someone.', excerpt: '3 days' },
      { text: 'are you lot brain dead? the portal logged me out mid-payment', excerpt: 'you lot brain', note: 'a flat insult: exasperation' },
    ],
    valid: [
      'It works again, the backup ran overnight.',
      "I'm not frustrated, just curious why it happened.",
      'Could you send the link again? I deleted the email.',
      { text: 'The agent before you wrote "this is ridiculous" in the notes, is that normal?', note: 'the customer quotes someone' },
      'This is the first time I have seen this message.',
      { text: 'The status light has been orange for a few weeks now, is that normal?', note: 'a duration, nothing endured' },
      { text: 'The RADIUS server cert expired at midnight, can you approve the change?', note: 'capitals on a name, not stress' },
      { text: 'Hello? Yes, my printer is flashing orange.', note: 'a greeting opening the conversation' },
    ],
  },
  lists: ['customer.frustration', 'customer.frustration.chaser'],
  blockers: ['customer.frustration.not', 'customer.anger.not'],
  // "hello?" chases a reply; opening a conversation, it is a greeting.
  accept: (ctx, m) => m.list !== 'customer.frustration.chaser' || ctx.customer.messages.length > 0,
  explain: (x) => `${q(x)} shows frustration: acknowledge it before the next step.`,
  extra(ctx, emit) {
    // A flat insult ("are you lot brain dead?") is exasperation; said heatedly it is anger (see intensity.ts).
    if (!heated(ctx)) for (const x of insultSpans(ctx)) emit(x.start, x.end, `${q(ctx.text.slice(x.start, x.end))}: an exasperated jab at the agent.`);
    enduring(ctx, emit);
    // "?!" and "!?": exasperated questions.
    for (const t of ctx.doc.tokens) {
      if (t.kind !== 'punct' || t.quoted || t.text.length < 2) continue;
      if (t.text.includes('?') && t.text.includes('!')) emit(t.start, t.end, `${q(t.text)}: an exasperated question shows frustration.`);
    }
    // One or two words stressed in capitals ("I TOLD you", "broken AGAIN"): exasperation, short of shouting.
    // Only everyday words count: capitals on DNSSEC or RADIUS are names, not stress.
    for (const c of capsInSentences(ctx)) {
      if (c.whole || c.score >= 2.5) continue;
      for (const k of c.tokens) {
        const t = ctx.doc.tokens[k]!;
        if (t.text.length < 3 || NOT_EMPHASIS.has(t.norm) || !EMPHASIS.has(t.norm)) continue;
        if (c.copied && SCREEN_CONTEXT.has(t.norm)) continue;
        if (k === ctx.doc.sentenceAt(t.start)?.contentFirst && ctx.doc.tokens[k + 1]?.text === ':') continue; // "UPDATE: …"
        emit(t.start, t.end, `${q(t.text)} in capitals stresses the point: the customer is exasperated.`);
      }
    }
  },
});

/** Stressable words that are also common on screens ("it says ACCESS DENIED, TRY AGAIN"). */
const SCREEN_CONTEXT = new Set(['again', 'now', 'wrong', 'locked', 'done', 'fix', 'stop', 'wait', 'hold', 'full', 'empty', 'correct', 'right', 'work']);

/** Capitalised words that are labels or greetings, not stress. */
const NOT_EMPHASIS = new Set([
  'urgent', 'important', 'note', 'update', 'help', 'please', 'attn', 'action', 'required', 'new', 'alert', 'yes', 'hello', 'thanks', 'thank',
  'fyi', 'asap', 'reminder', 'request', 'query', 'question', 'issue', 'problem', 'ticket', 'ref', 'subject', 'hi', 'dear',
  'the', 'and', 'for', 'but', 'are', 'was', 'you', 'has', 'had', 'its', 'our', 'her', 'his', 'she', 'him', 'they', 'them', 'this', 'that', 'with',
  'from', 'into', 'then', 'than', 'your', 'will', 'can', 'get', 'got', 'out', 'off', 'any', 'one', 'new', 'old', 'day', 'way', 'see', 'say', 'use',
]);

// ------------------------------------------------------------ how long they have put up with it

const UNIT = new Set(['minutes', 'minute', 'mins', 'min', 'hours', 'hour', 'hrs', 'hr', 'days', 'day', 'weeks', 'week', 'months', 'month', 'ages', 'forever']);
const AMOUNT = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty',
  'forty', 'fifty', 'several', 'many', 'few', 'couple', 'of', 'over', 'nearly', 'almost', 'more', 'than', 'about', 'around', 'like', 'a',
  'whole', 'full', 'good', 'solid', 'entire',
]);
/** In the clause with the duration: what they were enduring ("trying", "on hold", "locked out", "offline"). */
const ENDURE = new Set([
  'trying', 'tried', 'waiting', 'waited', 'hold', 'down', 'offline', 'unreachable', 'locked', 'stuck', 'broken', 'dead', 'without', 'chasing',
  'chased', "can't", 'cannot', "couldn't", 'failing', 'crashing', 'dropping', 'keeps', 'unable', 'unusable', 'disconnected', 'outage', 'frozen',
]);
const AFTER_DURATION = new Set(['no', 'without', 'w', 'w/o', 'wo', 'of', 'now', 'and']);
const BREAKS = new Set(['.', '!', '?', ';', 'but', 'because']);

/**
 * "it's been 15 min", "I've been trying to book for three days", "locked out of
 * the dashboard for 2 hours", "4 days w no email", "a week of this": the time
 * the customer has put up with the problem, in any number.
 */
function enduring(ctx: RuleContext, emit: (start: number, end: number, explanation?: string) => void): void {
  const toks = ctx.doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const u = toks[k]!;
    if (u.quoted || !UNIT.has(u.norm)) continue;
    // The amount before the unit: a number or number words ("a couple of", "over 2").
    let a = k - 1;
    let number = false;
    while (a >= 0 && a >= k - 4) {
      const t = toks[a]!;
      if (t.kind === 'num' && /^\d{1,3}$/.test(t.norm)) number = true;
      else if (!AMOUNT.has(t.norm)) break;
      a--;
    }
    if (!number && a === k - 1 && u.norm !== 'ages' && u.norm !== 'forever') continue;
    const first = a + 1;
    const before = toks[a]?.norm ?? '';
    const before2 = toks[a - 1]?.norm ?? '';
    const after = toks[k + 1]?.norm ?? '';
    const say = (from: number, to: number): void => {
      const start = toks[from]!.start;
      const end = toks[to]!.end;
      emit(start, end, `${q(ctx.text.slice(start, end))}: the customer has been putting up with this for a while.`);
    };
    // "it's been 15 min", "that's been 3 weeks"
    if (before === 'been' && (before2 === "it's" || before2 === 'its' || before2 === "that's" || before2 === 'has' || before2 === 'now')) { say(a - 1, k); continue; }
    // "3 days no email", "4 days w no email", "a week of this"
    if (AFTER_DURATION.has(after) && first === sentenceStart(ctx, first)) {
      const next = toks[k + 2]?.norm ?? '';
      if (after === 'of' ? next === 'this' || next === 'it' : after === 'now' ? false : after === 'and' ? next === 'still' || next === 'nothing' || next === 'no' : true) { say(first, k); continue; }
    }
    // "for three days", "over 2 hours", "all morning": with what they were enduring in the same clause.
    if (before === 'for' || before === 'over') {
      const s = ctx.doc.sentenceAt(u.start);
      if (!s) continue;
      let found = false;
      for (let j = a - 1; j >= s.first && j >= a - 12; j--) {
        const n = toks[j]!.norm;
        if (BREAKS.has(n)) break;
        if (ENDURE.has(n) || (n === 'on' && toks[j - 1]?.norm === 'been')) { found = true; break; }
      }
      if (found && !isNegatedMatch(ctx.doc, a)) say(a, k);
    }
  }
}

function sentenceStart(ctx: RuleContext, k: number): number {
  const s = ctx.doc.sentenceAt(ctx.doc.tokens[k]!.start);
  return s ? s.contentFirst : -1;
}
