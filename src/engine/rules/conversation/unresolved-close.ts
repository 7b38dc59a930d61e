import type { ConversationRule } from '../../rule.js';

// The exchange ended without the customer confirming the fix, without a
// referral, and without an open promise to follow up. Never reported while the
// conversation's status is open, or when the agent ended an abusive exchange.
export const unresolvedClose: ConversationRule = {
  id: 'conversation/unresolved-close',
  category: 'unresolved-close',
  on: 'conversation',
  docs: {
    summary: 'The conversation ended with the problem not confirmed solved, no referral and no promised follow-up.',
    why: 'A ticket closed with the problem still there comes back angrier — or does not come back at all, and the customer leaves.',
    instead: 'Before closing, check the fix worked ("Can you try printing now and tell me if it comes out?"), or say who will help next and when, or promise a follow-up with a time.',
  },
  examples: {
    invalid: [
      {
        channel: 'chat',
        messages: [
          { role: 'customer', text: 'Outlook keeps asking for my password.' },
          { role: 'agent', text: 'Remove the saved credentials in Credential Manager and restart Outlook.' },
          { role: 'customer', text: 'ok' },
        ],
        target: 2,
      },
      {
        channel: 'email',
        messages: [
          { role: 'customer', text: 'The app crashes when I open a report.' },
          { role: 'agent', text: 'Please reinstall the app.' },
          { role: 'customer', text: 'I reinstalled it and it still crashes.' },
          { role: 'agent', text: 'Thank you for contacting support. Have a nice day.' },
        ],
        target: 3,
      },
    ],
    valid: [
      {
        channel: 'chat',
        messages: [
          { role: 'customer', text: 'Outlook keeps asking for my password.' },
          { role: 'agent', text: 'Please remove the saved credentials in Credential Manager, then restart Outlook.' },
          { role: 'customer', text: 'That worked, thanks!' },
          { role: 'agent', text: 'Great, glad it is sorted.' },
        ],
      },
      {
        channel: 'chat',
        messages: [
          { role: 'customer', text: 'My card was charged twice.' },
          { role: 'agent', text: "I've passed this to our billing team; Priya will email you by 3pm today with the refund details." },
        ],
        note: 'a referral with a promised follow-up',
      },
      {
        channel: 'chat',
        fields: { status: 'open' },
        messages: [
          { role: 'customer', text: 'The app crashes on start.' },
          { role: 'agent', text: 'Could you send me the crash report?' },
        ],
        note: 'still open',
      },
    ],
  },
  check(ctx) {
    const close = ctx.view.close;
    if (close.outcome !== 'unresolved' && close.outcome !== 'no-reply') return;
    const last = close.last;
    if (!last) return;
    ctx.report({
      message: last.index, ...ctx.view.spanOf(last.index),
      explanation: `The conversation ends here, but ${close.reason}: there is no confirmation, no referral and no promised follow-up.`,
      suggestion: 'Before closing: "Could you try it now and let me know it works? If it doesn\'t, I\'ll pick it up again straight away."',
    });
  },
};
