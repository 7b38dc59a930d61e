// Scorecards. Every point is traceable to findings:
//   a skill is judged on an agent message when the message has prose and either
//   the skill is always judged (tone, clarity, acknowledgment), or a finding of
//   that skill is on the message, or (empathy) the customer's turn before it
//   showed a feeling, or (listening, trust) a customer message came before it.
//   score = clamp(0, 100, BASE + STRENGTH * strengths - PENALTY[severity] * problems),
//   counting each category once per message.
// The conversation's score for a skill is the mean over the agent messages
// where it was judged; `overall` is the mean of the skills judged.
// `politeness` is apart: a learned estimate of how polite the agent's words
// read (src/engine/learned/), the mean over the agent messages with prose.

import { SKILLS, type Finding, type MessageAnalysis, type Scores, type SignalCategory, type Skill } from '../types.js';

export const SCORE_BASE = 80;
export const STRENGTH_POINTS = 10;
export const PENALTY = { error: 40, warning: 25, info: 10 } as const;
const ALWAYS_JUDGED: ReadonlySet<Skill> = new Set(['tone', 'clarity', 'acknowledgment']);
const EMOTIONS: ReadonlySet<SignalCategory> = new Set(['frustration', 'anger', 'anxiety', 'abuse', 'confusion']);

export interface MessageScoreContext {
  hasProse: boolean;
  afterCustomer: boolean;
  customerSignals: ReadonlySet<SignalCategory>;
  /** How polite the message's words read (0–100), or null. */
  politeness?: number | null;
}

export function emptyScores(): Scores {
  return { empathy: null, tone: null, acknowledgment: null, trust: null, clarity: null, listening: null, overall: null, politeness: null };
}

export function scoreMessage(findings: Finding[], ctx: MessageScoreContext): Scores {
  const scores = emptyScores();
  scores.politeness = ctx.politeness ?? null;
  if (!ctx.hasProse && findings.length === 0) return scores;
  const emotional = [...ctx.customerSignals].some((s) => EMOTIONS.has(s));
  for (const skill of SKILLS) {
    const mine = findings.filter((f) => f.skill === skill);
    const judged = ALWAYS_JUDGED.has(skill) || mine.length > 0 || (skill === 'empathy' && emotional) || ((skill === 'listening' || skill === 'trust') && ctx.afterCustomer);
    if (!judged) continue;
    const seen = new Set<string>();
    let score = SCORE_BASE;
    for (const f of mine) {
      if (seen.has(f.category)) continue;
      seen.add(f.category);
      if (f.kind === 'strength') score += STRENGTH_POINTS;
      else if (f.kind === 'problem') score -= PENALTY[f.severity];
    }
    scores[skill] = Math.max(0, Math.min(100, score));
  }
  scores.overall = meanOf(SKILLS.map((s) => scores[s]));
  return scores;
}

export function scoreConversation(messages: MessageAnalysis[]): Scores {
  const scores = emptyScores();
  for (const skill of SKILLS) {
    scores[skill] = meanOf(messages.map((m) => m.scores?.[skill] ?? null));
  }
  scores.overall = meanOf(SKILLS.map((s) => scores[s]));
  scores.politeness = meanOf(messages.map((m) => m.scores?.politeness ?? null));
  return scores;
}

function meanOf(values: Array<number | null>): number | null {
  const xs = values.filter((v): v is number => v !== null);
  if (xs.length === 0) return null;
  return Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
}
