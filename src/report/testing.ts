// Audit records for the report's tests: a builder for hand-made ones and a
// deterministic generator for many. Not used by the report itself.

import type { Mood, Outcome, PromiseEntry, PromiseState } from '../engine/types.js';
import type { AuditRecord, ContractFinding } from '../formats/records.js';

export function makeRecord(over: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: 'T-1',
    findings: [],
    scores: { empathy: null, tone: null, acknowledgment: null, trust: null, clarity: null, listening: null, overall: null },
    channel: 'chat',
    team: null,
    agents: ['Sam'],
    customer: 'Dana',
    started: '2026-03-02T09:00:00.000Z',
    ended: '2026-03-02T09:30:00.000Z',
    messageCount: 4,
    promises: [],
    arc: { start: null, end: null, points: [], trend: null },
    outcome: 'resolved',
    ...over,
  };
}

export function problem(category: string, message: number, excerpt: string, extra: Partial<ContractFinding> = {}): ContractFinding {
  return {
    rule: `test/${category}`,
    category: category as ContractFinding['category'],
    kind: 'problem',
    skill: 'tone',
    message,
    start: 0,
    end: excerpt.length,
    excerpt,
    explanation: `Why ${category} hurts.`,
    suggestion: `A better wording than “${excerpt}”.`,
    ...extra,
  };
}

export function strength(category: string, message: number, excerpt: string): ContractFinding {
  return { ...problem(category, message, excerpt), kind: 'strength', suggestion: null };
}

export function promise(state: PromiseState, over: Partial<PromiseEntry> = {}): PromiseEntry {
  return {
    message: 1,
    start: 0,
    end: 28,
    excerpt: "I'll call you back in an hour",
    action: 'call you back',
    made: '2026-03-02T09:05:00.000Z',
    deadline: '2026-03-02T10:05:00.000Z',
    due: 'in an hour',
    vague: false,
    state,
    settledBy: state === 'open' ? null : 3,
    ...over,
  };
}

export function arc(start: Mood | null, end: Mood | null): AuditRecord['arc'] {
  const s = start ? { message: 0, mood: start, signals: [] } : null;
  const e = end ? { message: 2, mood: end, signals: [] } : null;
  const points = [s, e].filter((p): p is NonNullable<typeof p> => p !== null);
  const v: Record<Mood, number> = { angry: -3, frustrated: -2, anxious: -2, confused: -1, neutral: 0, satisfied: 1 };
  const trend = start && end && points.length >= 2 ? (v[end] > v[start] ? 'improved' : v[end] < v[start] ? 'worsened' : 'steady') : null;
  return { start: s, end: e, points, trend };
}

const PROBLEMS = ['blunt', 'jargon', 'blaming', 'hostile', 'ignored-emotion', 'broken-promise', 'no-next-step', 'hollow-apology'];
const MOODS: Mood[] = ['angry', 'frustrated', 'anxious', 'confused', 'neutral', 'satisfied'];
const OUTCOMES_CYCLE: Outcome[] = ['resolved', 'resolved', 'referred', 'follow-up', 'unresolved', 'no-reply', 'open', 'ended-abusive'];
const STATES: PromiseState[] = ['kept', 'kept', 'broken', 'open', 'late-acknowledged', 'cancelled', 'superseded'];

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  seed?: number;
  /** Agents in the usual pool. */
  agents?: number;
  /** Every n-th record also names a one-off agent (0: never). */
  oneOffAgentEvery?: number;
  teams?: number;
  oneOffTeamEvery?: number;
  /** How many days the start times spread over. */
  days?: number;
  start?: string;
}

/** `n` varied records, generated one at a time (never all in memory). */
export function* generateRecords(n: number, opts: GenerateOptions = {}): Generator<AuditRecord> {
  const r = rng(opts.seed ?? 1);
  const agents = opts.agents ?? 12;
  const teams = opts.teams ?? 3;
  const days = opts.days ?? 120;
  const t0 = Date.parse(opts.start ?? '2026-01-05T08:00:00Z');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const sc = () => (r() < 0.1 ? null : Math.round(r() * 100));
  for (let i = 0; i < n; i++) {
    const names = [`Agent ${Math.floor(r() * agents) + 1}`];
    if (r() < 0.2) names.push(`Agent ${Math.floor(r() * agents) + 1}`);
    if (opts.oneOffAgentEvery && i % opts.oneOffAgentEvery === 0) names.push(`Temp ${i}`);
    const team = opts.oneOffTeamEvery && i % opts.oneOffTeamEvery === 0 ? `Team ${i}` : r() < 0.15 ? null : `Team ${String.fromCharCode(65 + Math.floor(r() * teams))}`;
    const started = t0 + Math.floor(r() * days) * 86_400_000 + Math.floor(r() * 36_000_000);
    const findings: ContractFinding[] = [];
    const k = Math.floor(r() * 4);
    for (let j = 0; j < k; j++) findings.push(problem(pick(PROBLEMS), 1 + 2 * j, `words ${i}.${j}`));
    if (r() < 0.5) findings.push(strength('empathy', 1, 'That sounds stressful.'));
    const promises: PromiseEntry[] = [];
    if (r() < 0.4) {
      const made = new Date(started + 60_000).toISOString();
      promises.push(promise(pick(STATES), { made, deadline: new Date(started + 3_660_000).toISOString(), excerpt: `I'll update you (${i})` }));
    }
    const overall = sc();
    yield makeRecord({
      id: `G-${i}`,
      findings,
      scores: { empathy: sc(), tone: sc(), acknowledgment: sc(), trust: sc(), clarity: sc(), listening: sc(), overall },
      team,
      agents: names,
      customer: `Customer ${i % 997}`,
      started: new Date(started).toISOString(),
      ended: new Date(started + 1_800_000).toISOString(),
      messageCount: 2 + Math.floor(r() * 10),
      promises,
      arc: arc(pick(MOODS), pick(MOODS)),
      outcome: pick(OUTCOMES_CYCLE),
    });
  }
}
