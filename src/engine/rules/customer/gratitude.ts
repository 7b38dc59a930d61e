import type { Rule, RuleContext } from '../../rule.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import { q, signalRule } from './signal.js';

// Thanks or satisfaction: "thanks", "you're a star", "that worked". Not
// "thanks for nothing" (sarcasm), "no thanks", "thanks in advance" (a formula),
// "I'd appreciate it if…" (a request), nor "it worked before the update".
export const gratitude: Rule = signalRule({
  id: 'customer/gratitude',
  category: 'gratitude',
  docs: {
    summary: 'The customer thanks the agent or says the fix worked.',
    why: 'Gratitude is the moment to close well: confirm what was fixed and leave the door open, rather than ending abruptly or piling on more.',
    instead: 'Accept the thanks simply, confirm the result, and invite them back if it happens again.',
  },
  examples: {
    invalid: [
      { text: 'That worked, thank you so much!', excerpt: 'That worked' },
      "you're a lifesaver",
      'Really appreciate you staying late for this.',
      'Everything is working again now.',
      "I can't thank you enough.",
      { text: 'Perfect, that did it.\nThanks!', excerpt: 'that did it' },
      { text: 'Can you reset my voicemail PIN?\n\nMany thanks,\nDorothy', excerpt: 'Many thanks' },
    ],
    valid: [
      'Thanks for nothing.',
      'No thanks, I will keep the old version.',
      "It worked fine before yesterday's update.",
      "I'd appreciate it if someone could call me back.",
      'Is it working now on your side?',
      'My printer is broken, can you help?\n\nKind regards,\nDana Whitfield',
    ],
  },
  lists: ['customer.gratitude', 'customer.satisfaction'],
  blockers: ['customer.gratitude.not'],
  accept: (ctx, m) => m.list !== 'customer.satisfaction' || plainSatisfaction(ctx, m),
  explain: (x) => `${q(x)}: the customer is grateful or satisfied. Confirm the result and leave the door open.`,
  extra(ctx, emit) {
    loneThanks(ctx, emit);
  },
});

/** Words that make "it works" something other than satisfaction with the fix. */
const NOT_SATISFIED = new Set([
  'but', 'except', 'however', 'until', 'till', 'yesterday', 'earlier', 'before', 'previously', 'used', 'sometimes', 'intermittently',
  'occasionally', 'randomly', 'if', 'whether', 'need', 'needs', 'want', 'wants', 'hope', 'hopefully', 'expect', 'should', 'would', 'could',
  'still', 'only', 'though', 'although', 'unless', 'once', 'supposed', 'seemed', 'thought', 'last',
]);

function plainSatisfaction(ctx: RuleContext, m: PhraseMatch): boolean {
  const s = ctx.doc.sentenceAt(m.start);
  if (!s || s.question) return false;
  for (let k = s.first; k < s.last; k++) if (NOT_SATISFIED.has(ctx.doc.tokens[k]!.norm)) return false;
  return true;
}

const THANKS_LINE = /^\s*(many thanks|thanks|thank you|thankyou|thx|ty|cheers|ta|with thanks|thanks again|thanks so much|thanks very much|thank you very much|thank you so much|thanks a lot|thanks in advance|many thanks in advance)\b/i;

/**
 * "Thanks!" or "Many thanks, Dorothy" closing a message reads like a sign-off to
 * the segmenter, which moves it out of the prose; it is still the customer's thanks.
 */
function loneThanks(ctx: RuleContext, emit: (start: number, end: number, explanation?: string) => void): void {
  for (const b of ctx.doc.blocks) {
    if (b.kind !== 'signature') continue;
    const body = ctx.text.slice(b.start, Math.min(b.end, b.start + 200));
    const line = body.split('\n').find((l) => l.trim() !== '');
    if (!line || line.length > 80) continue;
    const m = THANKS_LINE.exec(line);
    if (!m) continue;
    const off = b.start + body.indexOf(line) + m.index + (m[0].length - m[0].trimStart().length);
    const word = m[0].trim();
    emit(off, off + word.length, `${q(word)}: the customer thanks the agent.`);
  }
}
