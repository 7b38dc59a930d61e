import type { ConversationRule } from '../../rule.js';
import { formatSpan } from '../../time/duration.js';
import { trimEndOf } from '../../text/trim.js';

// A promise with a time ("I'll call you back within the hour", "by Friday")
// that passed with no word from the agent, or was answered late without owning
// the delay. The promise ledger (src/engine/conversation/promises.ts) decides;
// this rule reports what it found.
export const brokenPromise: ConversationRule = {
  id: 'conversation/broken-promise',
  category: 'broken-promise',
  on: 'conversation',
  docs: {
    summary: 'A promised time passed with no word from the agent, or the late follow-up does not own the delay.',
    why: 'A customer who was told "within the hour" plans around it. When the hour passes in silence they stop trusting every other thing the agent says, and they start chasing.',
    instead: 'Keep the time you give, or send a short update before it runs out ("This is taking longer than I said — I\'ll have news by 3pm"). When you are late, say so first: "Sorry this took longer than I promised."',
  },
  examples: {
    invalid: [
      {
        channel: 'chat',
        messages: [
          { role: 'customer', at: '2026-03-02T10:00:00Z', text: 'The shared drive is gone from my laptop.' },
          { role: 'agent', at: '2026-03-02T10:01:00Z', text: "I'll check the mapping on the server and get back to you within 20 minutes." },
          { role: 'customer', at: '2026-03-02T10:02:00Z', text: 'ok thanks' },
          { role: 'agent', at: '2026-03-02T11:15:00Z', text: 'The drive mapping is fixed, please restart your laptop.' },
        ],
        target: 3,
        note: 'back 74 minutes after a 20-minute promise, and not a word about it',
      },
      {
        channel: 'ticket',
        messages: [
          { role: 'customer', at: '2026-03-02T10:00:00Z', text: 'Can you send me the corrected invoice?' },
          { role: 'agent', at: '2026-03-02T10:30:00Z', text: 'Of course — you will have it by end of day.' },
          { role: 'customer', at: '2026-03-04T09:00:00Z', text: 'Still waiting for the invoice…' },
        ],
        target: 2,
        note: 'no agent message came; the customer chased two days later',
      },
    ],
    valid: [
      {
        channel: 'chat',
        messages: [
          { role: 'customer', at: '2026-03-02T10:00:00Z', text: 'The shared drive is gone from my laptop.' },
          { role: 'agent', at: '2026-03-02T10:01:00Z', text: 'Give me 15 minutes to check the server mapping.' },
          { role: 'agent', at: '2026-03-02T10:13:00Z', text: 'Found it: the mapping was removed by mistake. It is back now — restart when you can.' },
        ],
        note: 'kept: back in 12 minutes',
      },
      {
        channel: 'chat',
        messages: [
          { role: 'customer', at: '2026-03-02T10:00:00Z', text: 'The shared drive is gone.' },
          { role: 'agent', at: '2026-03-02T10:01:00Z', text: "I'll call you back within the hour." },
          { role: 'agent', at: '2026-03-02T11:30:00Z', text: 'Sorry this took longer than I said — the drive is mapped again now.' },
        ],
        note: 'late, but the agent owns the delay',
      },
      {
        channel: 'ticket',
        messages: [
          { role: 'customer', at: '2026-03-06T16:20:00Z', text: 'Please send the report.' },
          { role: 'agent', at: '2026-03-06T16:30:00Z', text: "I'll send it by tomorrow morning." },
          { role: 'agent', at: '2026-03-09T09:10:00Z', text: 'Here is the report you asked for.' },
        ],
        note: 'Friday 16:30 on a ticket: "tomorrow morning" is Monday morning, and 09:10 Monday is on time',
      },
    ],
  },
  check(ctx) {
    const { view } = ctx;
    for (const b of view.ledger.broken) {
      const p = b.promise;
      const where = view.entries[b.at]!;
      const span = view.spanOf(where.index);
      const due = p.deadlineAt === null ? p.due : `${p.due} (${view.calendar.local(p.deadlineAt).toFormat('ccc d LLL HH:mm')})`;
      const said = `"${trimEndOf(p.excerpt, '.!', true)}"`;
      if (b.none) {
        ctx.report({
          message: b.at, ...span,
          explanation: `The agent promised ${said}, due ${due}, and no agent message came before the conversation's last word${where.role === 'customer' ? ' — the customer had to chase' : ''}.`,
          suggestion: 'Send a short update before the time runs out, even if only to say when you will know more.',
        });
        continue;
      }
      const first = where.doc.text.slice(span.start, span.end);
      ctx.report({
        message: b.at, ...span,
        explanation: `The agent promised ${said}, due ${due}; this reply came ${formatSpan(b.lateBy ?? 0)} late and does not mention the delay.`,
        suggestion: `Sorry this took longer than I said. ${first}`,
      });
    }
  },
};
