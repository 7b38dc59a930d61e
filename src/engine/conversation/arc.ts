// The customer's emotional arc: one mood per customer message, from the
// signals the customer rules found on it, and whether things got better.

import type { EmotionalArc, Finding, Mood, MoodPoint, SignalCategory } from '../types.js';

/** How bad each mood is, for the trend: lower is worse. */
const VALENCE: Record<Mood, number> = { angry: -3, frustrated: -2, anxious: -2, confused: -1, neutral: 0, satisfied: 1 };

/** The one word for a customer message: the strongest feeling wins, gratitude only when nothing negative is there. */
export function moodOf(signals: ReadonlySet<SignalCategory>): Mood {
  if (signals.has('anger') || signals.has('abuse')) return 'angry';
  if (signals.has('frustration')) return 'frustrated';
  if (signals.has('anxiety')) return 'anxious';
  if (signals.has('confusion')) return 'confused';
  if (signals.has('gratitude')) return 'satisfied';
  return 'neutral';
}

export function valence(mood: Mood): number {
  return VALENCE[mood];
}

/** The arc over the customer messages (indices), given every finding of the conversation. */
export function emotionalArc(customerMessages: number[], findings: readonly Finding[]): EmotionalArc {
  const byMessage = new Map<number, Set<SignalCategory>>();
  for (const f of findings) {
    if (f.kind !== 'signal') continue;
    let set = byMessage.get(f.message);
    if (!set) byMessage.set(f.message, (set = new Set()));
    set.add(f.category as SignalCategory);
  }
  const points: MoodPoint[] = customerMessages.map((message) => {
    const set = byMessage.get(message) ?? new Set<SignalCategory>();
    return { message, mood: moodOf(set), signals: [...set].sort() };
  });
  const start = points[0] ?? null;
  const end = points[points.length - 1] ?? null;
  let trend: EmotionalArc['trend'] = null;
  if (start && end && points.length >= 2) {
    const d = VALENCE[end.mood] - VALENCE[start.mood];
    trend = d > 0 ? 'improved' : d < 0 ? 'worsened' : 'steady';
  }
  return { start, end, points, trend };
}
