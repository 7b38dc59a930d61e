import type { ConversationRule } from '../../rule.js';
import { formatDuration, formatSpan } from '../../time/duration.js';

// The customer waited past the channel's threshold with no agent message, or
// the agent said "let me check" and went quiet. See src/engine/conversation/silence.ts.
export const radioSilence: ConversationRule = {
  id: 'conversation/radio-silence',
  category: 'radio-silence',
  on: 'conversation',
  docs: {
    summary: 'The customer waited longer than the channel allows with no update, or the agent went quiet mid-troubleshooting without saying for how long.',
    why: 'Silence reads as being forgotten. On chat a few minutes without a word feels like the line went dead; on a ticket a day without a reply feels like nobody is looking.',
    instead: 'Before the wait gets long, say what you are doing and for how long ("I\'m checking the mail server logs — give me 10 minutes"), and check in if it runs over.',
  },
  examples: {
    invalid: [
      {
        channel: 'chat',
        messages: [
          { role: 'customer', at: '2026-03-02T10:00:00Z', text: 'My VPN keeps dropping every few minutes.' },
          { role: 'agent', at: '2026-03-02T10:01:00Z', text: 'Let me check the VPN gateway.' },
          { role: 'agent', at: '2026-03-02T10:24:00Z', text: 'The gateway was overloaded; I have moved you to another one.' },
        ],
        target: 2,
        note: '"let me check", then 23 minutes with no word',
      },
      {
        channel: 'email',
        messages: [
          { role: 'customer', at: '2026-03-02T09:30:00Z', text: 'Hello, my invoice shows the wrong VAT number. Can you correct it?' },
          { role: 'agent', at: '2026-03-04T15:00:00Z', text: 'Hi, I have corrected the VAT number and attached the new invoice.' },
        ],
        target: 1,
        note: 'two and a half working days on an email',
      },
    ],
    valid: [
      {
        channel: 'ticket',
        messages: [
          { role: 'customer', at: '2026-03-06T16:30:00Z', text: 'The printer on floor 2 is jammed again.' },
          { role: 'agent', at: '2026-03-09T09:10:00Z', text: 'Morning! A technician is on the way to floor 2 now.' },
        ],
        note: 'Friday 16:30 to Monday 09:10 is 40 working minutes',
      },
      {
        channel: 'chat',
        messages: [
          { role: 'customer', at: '2026-03-02T10:00:00Z', text: 'My VPN keeps dropping.' },
          { role: 'agent', at: '2026-03-02T10:01:00Z', text: 'Could you restart the VPN app and tell me if it still drops?' },
          { role: 'customer', at: '2026-03-02T10:40:00Z', text: 'Restarted, it still drops.' },
          { role: 'agent', at: '2026-03-02T10:41:00Z', text: 'Thanks — let me move you to another gateway.' },
        ],
        note: 'the long gap was the customer\'s turn',
      },
    ],
  },
  check(ctx) {
    const { view } = ctx;
    const allowed = formatDuration(view.timing.wait, view.calendar.dayMs);
    for (const s of view.silences) {
      const where = view.entries[s.at]!;
      const span = view.spanOf(where.index);
      const counted = view.timing.wait.business ? `${formatSpan(s.waited)} of working time` : formatSpan(s.waited);
      let explanation: string;
      if (s.kind === 'agent-went-quiet') {
        explanation = `The agent said they were on it and then said nothing for ${counted}${s.none ? ' — no agent message came' : ''}; on ${view.channel} the customer should hear something within ${allowed}.`;
      } else {
        explanation = s.none
          ? `The customer has waited ${counted} with no agent reply; on ${view.channel} they should hear something within ${allowed}.`
          : `The customer waited ${counted} for this reply; on ${view.channel} they should hear something within ${allowed}.`;
      }
      ctx.report({
        message: s.at, ...span, explanation,
        suggestion: s.kind === 'agent-went-quiet'
          ? "Say how long it will take when you go off to check (\"give me 10 minutes\"), and send a quick update if it runs over."
          : 'Reply within the expected time, even if only to say you are on it and when you will be back.',
      });
    }
  },
};
