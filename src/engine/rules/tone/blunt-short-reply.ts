import type { Rule } from '../../rule.js';
import { courtesyIn, own } from './shared.js';

// A reply of a few words that closes the topic: "Not supported.", "Done.",
// "Works as designed.", "Can't reproduce." The phrases are in
// `tone.blunt-shutters`; the length limit is the bluntShortReplyWords
// threshold (a shutter may run two words longer: "That is not supported.").
export const bluntShortReply: Rule = {
  id: 'tone/blunt-short-reply',
  category: 'blunt',
  on: 'agent',
  // Phase 2: a short reply that already told the customer off ("Calm down. Refunds take 5-10 days.") is curt too.
  phase: 2,
  docs: {
    summary: 'One-line replies that shut the exchange: "Done.", "Not supported.", "Works as designed."',
    why: 'A two-word answer tells the customer the conversation is over before they know what happened or what to do next. It reads as "go away".',
    instead: 'Say what you did or why, and leave the door open: "All done — your mailbox is back. Could you check it and let me know?"',
  },
  examples: {
    invalid: [
      { text: 'Not supported.', customer: 'Can I sync my work calendar to my personal phone?', excerpt: 'Not supported.' },
      { text: 'Done.', customer: 'Could you unlock my account please?' },
      { text: 'Works as designed.', customer: 'Why does the report cut off at 1000 rows?' },
      { text: "Can't reproduce.", customer: 'The app crashes when I open settings.' },
      { text: 'Refunded.', customer: 'You charged me twice for the same order.' },
      { text: 'Rolled back. Should be fine.', customer: 'Your update broke our builds.' },
      { text: 'Not my team, try IT.', customer: 'My payroll login is disabled.', note: '"try" in a reply this short is a brush-off' },
    ],
    valid: [
      { text: 'Done! Your account is unlocked — could you try logging in and tell me if it works?', customer: 'Could you unlock my account please?' },
      { text: 'Happy to help!', customer: 'Thanks, that fixed it.' },
      { text: "Thanks, I'll check.", customer: 'Here is the screenshot.' },
      { text: 'Not supported, sorry — but I can set up a shared calendar instead.', customer: 'Can I sync my calendar?' },
      { text: 'On it.', customer: 'Can you reset my password?' },
      { text: 'The change was rolled back overnight.', customer: 'Is the old menu coming back?', note: 'a status word inside a sentence, not the whole answer' },
    ],
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!doc.hasProse) return;
    // Short: up to twice the bluntShortReplyWords threshold ("We can't reissue past invoices.").
    if (doc.wordCount > ctx.thresholds.bluntShortReplyWords * 2) return;
    if (doc.sentences.some((s) => s.question)) return;
    let bangs = 0;
    for (const t of doc.tokens) {
      if (t.quoted) continue;
      if (t.kind === 'emoji') return;
      if (t.kind === 'punct' && t.text.includes('!')) bangs += t.text.length;
    }
    // Even one "!" ("Nope! Still just the $3.") reads as lively, not curt.
    if (bangs >= 1) return;
    // A greeting or sign-off frames even a short answer as a letter.
    const firstTok = doc.tokens.find((t) => !t.quoted && t.kind === 'word');
    if (firstTok && GREETINGS.has(firstTok.norm)) return;
    if (doc.tokens.some((t) => SIGN_OFFS.has(t.norm) && !t.quoted)) return;
    const courtesy = courtesyIn(ctx).filter((m) => !isStockApology(ctx, m));
    if (courtesy.length > 0) return;
    // "Try HR." / "Try again." in a reply this short is a brush-off, not a softener.
    if (own(ctx, 'tone.courteous-imperatives').filter((m) => !isStockApology(ctx, m) && ctx.doc.tokens[m.first]!.norm !== 'try').length > 0) return;
    const shutters = own(ctx, 'tone.blunt-shutters').filter((m) => {
      if (ctx.isNegated(m) && m.last - m.first === 1) return false;
      // One-word shutters ("No", "Done", "Fine") and bare status words ("Rolled back.") count only as the
      // answer itself, at the start of a sentence: not "the update was rolled back".
      if (m.last - m.first === 1 || doc.tokens[m.first]!.norm.endsWith('ed')) {
        const s = doc.sentenceAt(m.start);
        if (!s) return false;
        let k = s.contentFirst;
        while (k < s.last && doc.tokens[k]!.kind !== 'word') k++;
        return k === m.first;
      }
      return true;
    });
    // A short "no", "can't" or "don't" with nothing around it shuts the door too.
    let negation = -1;
    for (let i = 0; i < doc.tokens.length && negation < 0; i++) {
      const t = doc.tokens[i]!;
      if (t.quoted || t.kind !== 'word') continue;
      const s = doc.sentenceAt(t.start);
      // "No." / "No, …" as an answer; not "there's no better way".
      if (t.norm === 'no' || t.norm === 'nope' || t.norm === 'nah') {
        let k = s ? s.contentFirst : i;
        while (s && k < s.last && doc.tokens[k]!.kind !== 'word') k++;
        if (k === i) negation = i;
        continue;
      }
      if (NEGATORS.has(t.norm) || (t.norm.endsWith("n't") && !HYPOTHETICAL.has(t.norm))) negation = i;
    }
    const rude = ctx.found.some((f) => RUDE.has(f.category));
    if (shutters.length === 0 && negation < 0 && !rude) return;
    const first = doc.tokens.findIndex((t) => !t.quoted && t.kind !== 'punct');
    let last = doc.tokens.length - 1;
    while (last > first && doc.tokens[last]!.quoted) last--;
    if (first < 0) return;
    const m = shutters[0];
    ctx.report({
      start: doc.tokens[first]!.start,
      end: doc.tokens[last]!.end,
      explanation: 'A reply this short closes the conversation without saying what happened, why, or what the customer can do next.',
      suggestion: (m && ctx.entry(m).suggest) ?? "I'm not able to do that, but here's what I can do instead…",
    });
  },
};

const NEGATORS = new Set(['not', 'cannot']);
/** "You wouldn't get those perks elsewhere": banter, not a refusal. */
const HYPOTHETICAL = new Set(["wouldn't", "couldn't", "shouldn't", "mightn't", "needn't"]);
/** Problems that, in a reply this short, leave nothing else to soften them. */
const RUDE = new Set(['dismissive', 'hostile', 'blaming', 'condescending']);
const GREETINGS = new Set(['hi', 'hello', 'hey', 'dear', 'greetings', 'morning', 'afternoon', 'evening', 'hiya']);
const SIGN_OFFS = new Set(['regards', 'cheers', 'best', 'sincerely', 'warmly']);

/** "Sorry for the inconvenience": a stock phrase, not courtesy. */
function isStockApology(ctx: Parameters<Rule['check']>[0], m: { first: number; last: number }): boolean {
  const doc = ctx.doc;
  const w = doc.tokens[m.first]!.norm;
  if (w !== 'sorry' && w !== 'apologies') return false;
  const a = doc.tokens[m.last]?.norm;
  const b = doc.tokens[m.last + 1]?.norm;
  return a === 'for' && (b === 'the' || b === 'any');
}
