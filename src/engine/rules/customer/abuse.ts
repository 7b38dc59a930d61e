import type { Rule } from '../../rule.js';
import { findInsults } from './insults.js';
import { q, signalRule } from './signal.js';

// Insults or threats aimed at the agent personally ("you're useless", "are you
// an idiot", "I know where you live"). The policy hook: a supervisor may end an
// abusive exchange, and the agent is never scored down for ending it.
export const abuse: Rule = signalRule({
  id: 'customer/abuse',
  category: 'abuse',
  docs: {
    summary: 'The customer insults or threatens the agent personally.',
    why: 'Abuse is aimed at a person, not at the problem. The agent may set a boundary or end the exchange under the abuse policy; the engine flags it so a supervisor can step in.',
    instead: 'Set one calm boundary ("I want to help, and I need us to keep this respectful"), keep to the facts, and end the exchange under the abuse policy if it continues.',
  },
  examples: {
    invalid: [
      { text: "You're useless. Put someone competent on.", excerpt: "You're useless" },
      'are you an idiot or just pretending',
      'You people are morons.',
      "I'll find out where you live.",
      'refund me now you useless muppets',
      'Are you actually this thick or is it an act?',
      'Is anyone over there actually competent?',
      'Whoever set this up is a moron, and frankly so are you.',
    ],
    valid: [
      'I feel like an idiot for clicking that link.',
      'My manager says the new portal is useless.',
      { text: 'You said "are you an idiot" was in the spam filter list — is that right?', note: 'quoted' },
      'You are a star, thank you!',
      'I felt so stupid when I clicked it.',
      'This stupid printer jammed again.',
      { text: 'My son wrote "are any of you actually competent" in the feedback box, sorry about that.', note: 'quoted' },
      'Am I talking to a real person?',
    ],
  },
  lists: ['customer.abuse', 'customer.abuse.threat'],
  explain: (x) => `${q(x)} is aimed at the agent personally: this is abuse. Set a calm boundary; the abuse policy allows ending the exchange.`,
  extra(ctx, emit) {
    findInsults(ctx, emit);
  },
});
