import type { Rule } from '../../rule.js';
import { describeProblem } from '../util.js';

// A generic, conditional or passive apology: "we apologize for any inconvenience",
// "sorry if you feel that way". The words come from the list `apology.generic`.
export const hollowApology: Rule = {
  id: 'apology/generic',
  category: 'hollow-apology',
  on: 'agent',
  docs: {
    summary: 'Generic, conditional or passive apologies that name nothing.',
    why: 'A stock apology sounds like a legal statement, and "sorry if you feel that way" puts the problem on the customer\'s feelings. Either one tells them nobody has looked at what went wrong.',
    instead: 'Name what went wrong and own it: "I\'m sorry the update removed your files."',
  },
  examples: {
    invalid: [
      { text: 'We apologize for any inconvenience caused.', excerpt: 'We apologize for any inconvenience caused' },
      'Sorry if you feel that way, but the policy is clear.',
      { text: 'We regret any impact this may have had on your business.', customer: 'Your outage cost us a full day of sales.' },
    ],
    valid: [
      { text: "I'm sorry the update removed your files — let's get them back.", customer: 'The update deleted my documents!' },
      'Sorry for the delay: the courier lost the parcel, and a new one ships today.',
      { text: 'You wrote "sorry for any inconvenience" in your last email — no need to apologise at all!', note: 'the agent quotes the phrase' },
    ],
  },
  check(ctx) {
    for (const m of ctx.matches('apology.generic')) {
      if (ctx.isQuoted(m)) continue;
      const entry = ctx.entry(m);
      const problem = describeProblem(ctx);
      ctx.report({
        start: m.start,
        end: m.end,
        explanation: 'This apology names nothing, so it reads as a formula. Say what went wrong and that you are fixing it.',
        suggestion: (entry.suggest ?? "I'm sorry {{problem}} — here's what I'm doing about it.").replace('{{problem}}', problem),
      });
    }
  },
};
