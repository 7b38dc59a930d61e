import type { Rule } from '../../rule.js';
import { heated, insultSpans } from './intensity.js';
import { q, signalRule } from './signal.js';

// Strong hostility about the situation: swearing, outrage ("unacceptable"),
// threats to leave or complain ("I'm cancelling", "my lawyer").
export const anger: Rule = signalRule({
  id: 'customer/anger',
  category: 'anger',
  docs: {
    summary: 'The customer is angry: swearing, outrage, or threats to leave or to complain.',
    why: 'Anger means the relationship is at risk. Matching the heat, or ignoring it and carrying on with the script, usually ends it.',
    instead: 'Stay calm and specific: name what went wrong, own the next step and give a time ("You\'re right, this should have been fixed on Monday. I\'m escalating it now and will call you by 3pm").',
  },
  examples: {
    invalid: [
      { text: 'This is completely unacceptable, I pay for premium support.', excerpt: 'completely unacceptable' },
      'Worst service ever. I am cancelling my subscription today.',
      'what the hell happened to my mailbox',
      'I want to speak to your manager.',
      'If this is not fixed by Friday I will be contacting my lawyer.',
      { text: 'You absolute clowns, fix my account!', excerpt: 'You absolute clowns' },
      "I'll make sure you get fired for this.",
    ],
    valid: [
      "Is it acceptable to send the form as a PDF?",
      "I'm not angry, I just need the invoice resent.",
      { text: 'The log says "FATAL: this is unacceptable input" when I import.', note: 'quoted text' },
      "Can I leave the laptop at reception for you?",
      { text: 'are you lot brain dead? third time this week the portal logged me out', note: 'a flat insult: abuse and exasperation, not anger' },
      { text: 'holy shit it actually worked, fucking love you guys', note: 'swearing that marvels or praises is excitement' },
    ],
  },
  // Threats aimed at the agent are anger too; insults are anger when said
  // heatedly (capitals, "!", swearing, "you absolute…"), see intensity.ts.
  lists: ['customer.anger', 'customer.abuse.threat'],
  blockers: ['customer.anger.not'],
  explain: (x) => `${q(x)} shows anger: stay calm, own the problem and give a concrete next step.`,
  extra(ctx, emit) {
    if (heated(ctx)) for (const x of insultSpans(ctx)) emit(x.start, x.end, `${q(ctx.text.slice(x.start, x.end))}: an insult said in anger.`);
    // Censored swearing: "f***", "s**t", "f**king".
    const toks = ctx.doc.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      const a = toks[i]!;
      const b = toks[i + 1]!;
      if (a.kind !== 'word' || a.quoted || a.text.length > 2 || b.kind !== 'punct' || b.start !== a.end || !/^[*#@$%!]{2,}$/.test(b.text)) continue;
      if (!/^(f|s|sh|b|a|c|d)$/i.test(a.text)) continue;
      const c = toks[i + 2];
      const end = c && c.kind === 'word' && c.start === b.end ? c.end : b.end;
      emit(a.start, end, `${q(ctx.text.slice(a.start, end))}: swearing, even censored, shows anger.`);
    }
  },
});
