import type { Rule } from '../../rule.js';
import { dead } from './shared.js';

// Overpromise: "this will definitely fix it", "it will never happen again",
// "done in 5 minutes, guaranteed". Not "I can't guarantee…" (negated), not
// "I'd definitely recommend…" (not about the outcome).

export const overpromise: Rule = {
  id: 'trust/overpromise',
  category: 'overpromise',
  on: 'agent',
  docs: {
    summary: 'Guarantees about outcomes the agent cannot control.',
    why: 'When a "definitely" or "never again" does not hold, the customer stops believing anything else the agent says.',
    instead: 'Say what you expect and what you will do if it does not work: "This should fix it; if it doesn\'t, I\'ll try the next step with you."',
  },
  examples: {
    invalid: [
      { text: 'Reinstalling the driver will definitely fix it.', excerpt: 'will definitely fix' },
      'Relax, this will never happen again.',
      'It will be back up in 5 minutes, guaranteed.',
      "I promise you won't lose any data.",
      "I'm 100% sure this will solve the crash.",
    ],
    valid: [
      "I'd definitely recommend backing up first.",
      "I can't guarantee it will work, but it's the most likely fix.",
      'Your CPU was at 100% when the app froze.',
      { text: 'You wrote "this will definitely fix it" last time — did it?', note: 'quoted' },
      "I can't promise it won't happen again, but the patch removes the cause we found.",
    ],
  },
  check(ctx) {
    const ms = ctx.matches('trust.overpromise');
    if (ms.length === 0) return;
    for (const m of ms) {
      if (dead(ctx, m)) continue;
      // "can't guarantee" puts the negation two words before the phrase's first word.
      const before = ctx.doc.tokens.slice(Math.max(0, m.first - 3), m.first).map((t) => t.norm);
      if (before.some((n) => n === "can't" || n === 'cannot' || n === 'not' || n === 'no' || n === "won't" || n === 'never')) continue;
      const entry = ctx.entry(m);
      ctx.report({
        start: m.start,
        end: m.end,
        explanation: 'This is a promise about something you cannot fully control; if it does not hold, the customer will doubt everything else you say.',
        suggestion: entry.suggest ?? 'This should fix it, and if it doesn\'t, I\'ll take the next step with you.',
      });
    }
  },
};
