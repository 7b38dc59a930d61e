import type { Rule } from '../../rule.js';
import { framing } from './framing.js';
import { sentenceOf } from './shared.js';

// A limit followed (or preceded) in the same reply by what can be done, or a
// reply framed around what can be done ("what I can do is…", "the good news
// is…"). Shares its reading with `tone/negative-framing`.
export const positiveFraming: Rule = {
  id: 'tone/positive-framing',
  category: 'positive-framing',
  on: 'agent',
  docs: {
    summary: 'Framing around what can be done: a limit paired with an alternative, or "what I can do is…".',
    why: 'Customers remember the way forward more than the refusal. Leading with what is possible keeps them moving and keeps their trust.',
    instead: 'Keep doing it: name the limit briefly, then spend the words on the alternative.',
  },
  examples: {
    invalid: [
      { text: "I can't change the licence today, but I can get you a temporary key right now.", customer: 'I need the Pro licence for a demo this afternoon.' },
      { text: "What I can do is send you a loaner laptop while yours is repaired.", customer: 'I cannot work without my laptop!' },
      { text: "We don't offer refunds after 30 days. Instead, I can give you a credit for next month.", customer: 'I want my money back.' },
      { text: "The scanner can't read HEIC photos, but it does accept JPEGs, so let's convert it.", customer: 'The upload keeps failing.', note: "a product's limit, then what it can do" },
      { text: 'Good news: the deleted folder can be restored. I will start it now.', customer: 'I deleted the wrong folder!' },
      { text: "Until we replace the board, here's a workaround: use the front USB port.", customer: 'The back ports are dead.' },
      { text: 'The share is read-only, but you can save a copy to your own drive.', customer: "I can't save to the team folder." },
      { text: 'The kiosk can only print receipts, but I can email you a full invoice right now.', customer: 'I need an invoice.' },
    ],
    valid: [
      "We can't do that, it's against policy.",
      "I can't thank you enough for your patience.",
      'Restart the router and try again.',
      { text: "I can send you the form now.", note: 'an offer with no limit is not framing' },
      { text: "If that doesn't help, we'll try another way tomorrow.", note: 'a fallback, not a reply framed around what can be done' },
      { text: 'Type a zero instead of the letter O in the code.', note: '"instead of" compares; it offers nothing' },
    ],
  },
  check(ctx) {
    const f = framing(ctx);
    const doc = ctx.doc;
    const anyLimits = [...f.limits, ...f.softLimits].sort((x, y) => x.first - y.first);
    if (anyLimits.length > 0 && f.alternatives.length > 0) {
      const limit = anyLimits[0]!;
      const alt = f.alternatives.find((a) => a.first >= limit.first) ?? f.alternatives[0]!;
      const sl = sentenceOf(doc, limit);
      const sa = sentenceOf(doc, alt);
      const a = Math.min(sl ? doc.tokens[sl.contentFirst]!.start : limit.start, sa ? doc.tokens[sa.contentFirst]!.start : alt.start);
      const b = Math.max(sl ? sl.end : limit.end, sa ? sa.end : alt.end);
      ctx.report({ start: a, end: b, explanation: 'You named the limit and went straight to what you can do, so the customer has a way forward.' });
      return;
    }
    if (f.limits.length === 0 && f.positive.length > 0) {
      const m = f.positive[0]!;
      const s = sentenceOf(doc, m);
      ctx.report({ start: s ? doc.tokens[s.contentFirst]!.start : m.start, end: s ? s.end : m.end, explanation: 'The reply is framed around what can be done, which keeps the customer moving.' });
    }
  },
};
