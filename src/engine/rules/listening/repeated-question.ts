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
    ],
    valid: [
      { text: 'You mentioned order #48213 — I can see it left the warehouse on Monday.', customer: 'My order #48213 still has not arrived.' },
      { text: 'Since you already restarted, could you try signing out of Outlook and back in?', customer: "I've restarted the computer already." },
      { text: 'Which browser are you using?', customer: 'The payroll page is blank for me.', note: 'not given yet: a good question' },
      { text: 'Have you tried restarting the router?', customer: 'I restarted my laptop but the Wi-Fi is still down.', note: 'a different device' },
      { text: 'What does the error say?', customer: 'I get an error when I open the app.', note: 'the customer did not say what the error was' },
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
