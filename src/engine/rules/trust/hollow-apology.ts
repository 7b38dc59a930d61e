import type { PhraseMatch } from '../../phrases/matcher.js';
import type { Rule, RuleContext } from '../../rule.js';
import { describeProblem } from '../util.js';

/**
 * "Sorry for the trouble" is hollow when nothing specific follows it in the
 * sentence; "sorry for the trouble with the March invoice" names something.
 */
function namesNothingAfter(ctx: RuleContext, m: PhraseMatch): boolean {
  const s = ctx.doc.sentenceAt(m.start);
  if (!s) return true;
  let words = 0;
  for (let k = m.last; k < s.last; k++) {
    const t = ctx.doc.tokens[k]!;
    if (t.norm === 'but' || t.norm === 'however' || t.norm === 'please') break;
    if (t.kind === 'punct' && (t.text === ',' || t.text === ';') && words === 0) break;
    if (t.kind === 'word' || t.kind === 'num') {
      if (['caused', 'this', 'has', 'may', 'have', 'might', 'you', 'experienced', 'been', 'had', 'it', 'that', 'here', 'today', 'again', 'all', 'so', 'far'].includes(t.norm)) continue;
      words++;
    }
  }
  return words < 2;
}

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
      { text: 'Sorry for the trouble. Please try again later.', excerpt: 'Sorry for the trouble' },
      'sorry for the inconvience!!',
      { text: 'We regret any impact this may have had on your business.', customer: 'Your outage cost us a full day of sales.' },
    ],
    valid: [
      { text: "I'm sorry the update removed your files — let's get them back.", customer: 'The update deleted my documents!' },
      'Sorry for the delay: the courier lost the parcel, and a new one ships today.',
      { text: 'You wrote "sorry for any inconvenience" in your last email — no need to apologise at all!', note: 'the agent quotes the phrase' },
      'Sorry for the trouble with the March invoice: we billed the old plan, and I have corrected it.',
    ],
  },
  check(ctx) {
    const matches = [...ctx.matches('apology.generic'), ...ctx.matches('apology.bare-trouble')];
    for (const m of matches) {
      if (ctx.isQuoted(m)) continue;
      const entry = ctx.entry(m);
      if ((m.list === 'apology.bare-trouble' || entry.note) && !namesNothingAfter(ctx, m)) continue;
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
