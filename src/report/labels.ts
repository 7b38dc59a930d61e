// Words a team lead reads for the ids the engine emits. Shared by the
// aggregator (reasons in words) and the HTML report (headings, tables).

import type { Mood, Outcome, PromiseState } from '../engine/types.js';
import { lookup } from '../engine/lookup.js';

/** Problem categories in plain words (lower case, to sit inside a sentence). */
const PROBLEM_LABELS: Readonly<Record<string, string>> = lookup({
  blunt: 'blunt wording',
  jargon: 'unexplained jargon',
  condescending: 'condescending tone',
  blaming: 'blaming the customer',
  alarming: 'alarming wording',
  hostile: 'hostile wording',
  dismissive: "dismissing the customer's feelings",
  'hollow-apology': 'hollow apology',
  'negative-framing': 'negative framing',
  deflection: 'deflection',
  overpromise: 'overpromise',
  overfriendly: 'overfriendly tone',
  'wall-of-text': 'wall of text',
  'no-next-step': 'no next step',
  'ignored-emotion': "ignored the customer's emotion",
  'radio-silence': 'radio silence',
  'broken-promise': 'broken promise',
  'repeated-question': 'repeated question',
  'unresolved-close': 'closed unresolved',
});

export function problemLabel(category: string): string {
  return PROBLEM_LABELS[category] ?? category.replace(/[-_]+/g, ' ');
}

/** The same, capitalised for a heading. */
export function problemTitle(category: string): string {
  const l = problemLabel(category);
  return l.charAt(0).toUpperCase() + l.slice(1);
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  resolved: 'Resolved',
  referred: 'Referred',
  'follow-up': 'Follow-up promised',
  unresolved: 'Unresolved',
  'ended-abusive': 'Ended (abusive customer)',
  'no-reply': 'No agent reply',
  open: 'Still open',
};

export const PROMISE_STATE_LABELS: Record<PromiseState, string> = {
  kept: 'Kept',
  broken: 'Broken',
  'late-acknowledged': 'Late, acknowledged',
  cancelled: 'Cancelled',
  superseded: 'Superseded',
  open: 'Open',
};

export const MOOD_LABELS: Record<Mood, string> = {
  angry: 'angry',
  frustrated: 'frustrated',
  anxious: 'anxious',
  confused: 'confused',
  neutral: 'neutral',
  satisfied: 'satisfied',
};

export function outcomeLabel(o: string): string {
  return (OUTCOME_LABELS as Record<string, string>)[o] ?? o;
}

export function moodLabel(m: string): string {
  return (MOOD_LABELS as Record<string, string>)[m] ?? m;
}
