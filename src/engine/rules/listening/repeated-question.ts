import type { Rule } from '../../rule.js';
import { describeFact, repeatedAsks, useFactSuggestion, whereGiven } from './asks.js';

// Asking for something the customer already gave: an error message or code,
// the OS or a version, the device, an order/ticket/invoice number, an e-mail
// address, or a step they already tried.
export const repeatedQuestion: Rule = {
  id: 'listening/repeated-question',
  category: 'repeated-question',
  on: 'agent',
  docs: {
    summary: 'Asks the customer for something they already gave in this conversation.',
    why: 'Being asked again for the order number or the error you already sent tells the customer nobody read their message. It costs them time and patience, and trust in the fix.',
    instead: 'Read back what they gave and use it: "You mentioned order #48213 — I\'ve pulled it up." Ask only for what is still missing.',
  },
  examples: {
    invalid: [
      { text: "Thanks for reaching out! What's your order number?", customer: 'My order #48213 still has not arrived after two weeks.', excerpt: "What's your order number?" },
      { text: 'Have you tried restarting your computer?', customer: "Outlook freezes every morning. I've already restarted the computer twice." },
      { text: 'Could you send me the exact error message you see?', customer: 'When I open the app it says "License could not be verified" and closes.' },
      { text: 'Which browser are you using?', customer: ['The payroll page is blank for me.', 'I use Firefox if that matters.'] },
      { text: 'Are you on a Mac or a PC?', customer: 'My MacBook Air will not print to the office printer.' },
      { text: 'Could you tell me the project ID so I can look?', customer: 'Deploys to project ID web_77x12 fail since this morning.', note: 'an identifier named by the customer\'s own noun' },
      { text: 'Please send me your booking reference.', customer: 'Hi, I need to change a booking.', before: [{ role: 'customer', text: 'Hi, I need to change a booking.' }, { role: 'agent', text: 'Happy to help. What is the booking reference?' }, { role: 'customer', text: 'KX4471.' }], note: 'given as the answer to an earlier question' },
      { text: 'Have you tried a factory reset?', customer: 'The speaker keeps dropping out. We already did a factory reset on Sunday.' },
      { text: 'Have you replaced the batteries in the remote?', customer: 'The remote does nothing. I replaced the batteries this morning.' },
      { text: 'Does it happen with other spreadsheets too?', customer: 'Excel freezes when I open Budget.xlsx. Other spreadsheets open fine.' },
      { text: 'How much did they charge you?', customer: 'You took £89.50 from my account twice this month.' },
      { text: 'Could you send us the router logs?', customer: "The line drops every hour. I've sent you the router logs twice already." },
      { text: 'Thanks for waiting. Have you restarted the router?', customer: 'My broadband is down.', before: [{ role: 'customer', text: 'My broadband is down.' }, { role: 'agent', text: 'Could you restart the router and wait five minutes?' }, { role: 'customer', text: 'Done that already, twice. Still down.' }], note: 'the customer pointed back at the step' },
    ],
    valid: [
      { text: 'You mentioned order #48213 — I can see it left the warehouse on Monday.', customer: 'My order #48213 still has not arrived.' },
      { text: 'Since you already restarted, could you try signing out of Outlook and back in?', customer: "I've restarted the computer already." },
      { text: 'Which browser are you using?', customer: 'The payroll page is blank for me.', note: 'not given yet: a good question' },
      { text: 'Have you tried restarting the router?', customer: 'I restarted my laptop but the Wi-Fi is still down.', note: 'a different device' },
      { text: 'What does the error say?', customer: 'I get an error when I open the app.', note: 'the customer did not say what the error was' },
      { text: 'Which account should the refund go to?', customer: 'My account ending 4410 was charged twice.', note: 'a choice, not a request for the number' },
      { text: 'Have you replaced the drum unit?', customer: 'Pages come out streaky. I replaced the toner yesterday.', note: 'the same verb, a different part' },
      { text: 'Could you send me the order number when you find it?', customer: 'My parcel is late.', before: [{ role: 'customer', text: 'My parcel is late.' }, { role: 'agent', text: 'What is your order number?' }, { role: 'customer', text: "I don't have it to hand, sorry." }], note: 'the customer could not answer' },
      { text: 'Have you tried the forgotten password link?', customer: 'I forgot my password.', note: 'trap: forgetting a password is not a step they tried' },
      { text: 'Could you send me the invoice?', customer: 'I sent the invoice to my manager yesterday.', note: 'sent to someone else' },
    ],
  },
  check(ctx) {
    for (const ask of repeatedAsks(ctx)) {
      ctx.report({
        start: ask.start,
        end: ask.end,
        explanation: `The customer already gave ${describeFact(ask.fact)} ${whereGiven(ctx, ask.fact)}. Asking again suggests their message was not read; use what they gave.`,
        suggestion: useFactSuggestion(ask.fact),
      });
    }
  },
};
