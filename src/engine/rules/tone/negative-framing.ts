import type { Rule } from '../../rule.js';
import { framing } from './framing.js';
import type { Doc } from '../../text/doc.js';
import { sentenceOf, textFrom } from './shared.js';
import { trimEndOf } from '../../text/trim.js';

// A limit with nothing after it: "We can't do that, it's against policy.",
// "That's not possible.", "We don't support that." When the same reply offers
// what can be done (but I can…, what I can do is…, instead…), it is
// positive framing (`tone/positive-framing`) instead. Phrases: `tone.cannot`,
// with `tone.cannot-idioms` ("I can't thank you enough", "can't wait",
// "you can't go wrong") left out.
export const negativeFraming: Rule = {
  id: 'tone/negative-framing',
  category: 'negative-framing',
  on: 'agent',
  // Phase 2: a limit that is part of a hand-off ("there's nothing I can do, call the vendor") is deflection, reported by that rule.
  phase: 2,
  docs: {
    summary: 'Saying what cannot be done and stopping there, with no alternative in the same reply.',
    why: 'A flat "no" leaves the customer at a dead end. Even when the answer really is no, they need to hear what they can do next.',
    instead: 'Pair the limit with what you can do: "I can\'t change the licence today, but I can get you a temporary key right now."',
  },
  examples: {
    invalid: [
      { text: "We can't do that, it's against policy.", customer: 'Can you extend my trial by a week?', excerpt: "We can't" },
      { text: "That's not possible.", customer: 'Can I get admin rights on my laptop?' },
      { text: "We don't support that model. Thanks for reaching out.", customer: 'My printer is a Brother HL-1110.' },
      { text: 'Unfortunately the deleted mailbox cannot be restored.', customer: 'Can you bring back my old mailbox?' },
      { text: "Vouchers can't be combined with other offers.", customer: 'Why does my code fail at checkout?' },
      { text: 'The portal can only issue credit notes.', customer: 'Can I get a cash refund through the portal?' },
      { text: "Personal laptops can't join the staff network, it's policy.", customer: 'Can I use my own laptop at work?' },
      { text: "Is it the blue cable? We can't swap hardware remotely.", customer: 'My dock stopped working.', note: 'a question before the limit does not carry the reply past it' },
    ],
    valid: [
      "I can't thank you enough for your patience!",
      "I can't change the licence today, but I can get you a temporary key right now.",
      "We don't support that model, but here's a driver that works with it.",
      "You can't go wrong with the default settings.",
      { text: "I can't wait to hear how the new laptop works out.", note: 'idiom' },
      { text: "If we can't fix it remotely, I'll send a technician tomorrow.", note: 'a condition with a plan' },
      { text: "I'm sorry you can't log in — let's reset your password.", customer: "I can't log in." },
      { text: "I can only imagine how stressful that was — let's get it sorted.", note: '"can only imagine" is sympathy, not a limit' },
      { text: "We can't swap hardware remotely. Is it the blue cable or the grey one?", customer: 'My dock stopped working.' },
    ],
  },
  check(ctx) {
    const f = framing(ctx);
    if (f.limits.length === 0) return;
    if (f.alternatives.length > 0 || f.positive.length > 0 || f.asksCustomer) return;
    const doc = ctx.doc;
    // A limit inside a hand-off ("we only provide the hosting; WordPress issues go to the developer") is deflection.
    if (ctx.found.some((x) => x.category === 'deflection')) return;
    for (const m of f.limits) {
      if (forwardAfter(doc, m)) continue;
      const s = sentenceOf(doc, m);
      const said = s ? textFrom(doc, s.contentFirst, s.last) : doc.text.slice(m.start, m.end);
      ctx.report({
        start: m.start,
        end: m.end,
        explanation: `"${doc.text.slice(m.start, m.end)}" tells the customer what cannot be done, and the reply stops there. Say what you can do instead.`,
        suggestion: `${trimEndOf(said, '.!')}, but here's what I can do instead: …`,
      });
    }
  },
};

/** "The bulb isn't included, so you'll need to pick one up": the sentence goes on to the customer's next step. */
function forwardAfter(doc: Doc, m: { last: number; start: number }): boolean {
  const s = doc.sentenceAt(m.start);
  if (!s) return false;
  for (let k = m.last; k + 1 < s.last; k++) {
    if (doc.tokens[k]!.norm !== 'so') continue;
    const a = doc.tokens[k + 1]!.norm;
    if (a === "you'll" || a === 'you' || a === 'just' || a === 'simply') return true;
  }
  return false;
}
