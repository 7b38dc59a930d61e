// The audit report's numbers: one pass over `rapport audit` records, in
// bounded memory. Records are folded into counts, sums, per-week buckets and
// small ranked lists as they arrive and then dropped, so a million
// conversations cost what a thousand do. Every bound is an option with a
// default (see `DEFAULT_LIMITS`); the summary says which were used.
//
// Attribution: an audit record names the conversation's agents but not who
// wrote which message, so a conversation with several agents (and its
// findings and promises) counts for each of them — unless a promise carries
// its own `agent`, which is then used.

import { OUTCOMES, PROMISE_STATES, SKILLS, type Mood, type Outcome, type PromiseEntry, type PromiseState } from '../engine/types.js';
import type { AuditRecord } from '../formats/records.js';
import { moodLabel, problemLabel } from './labels.js';

// ---------------------------------------------------------------------------
// The summary's shape

export const SCORE_FIELDS = [...SKILLS, 'overall'] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];
/** Mean of each skill and of overall, one decimal; null when nothing was judged. */
export type ScoreMeans = Record<ScoreField, number | null>;

export interface WeekPoint {
  /** ISO week, e.g. "2026-W10" (of the conversation's first message). */
  week: string;
  /** The Monday that starts it, YYYY-MM-DD. */
  start: string;
  conversations: number;
  /** Mean overall score of the week's scored conversations; null when none was scored. */
  overall: number | null;
}

export interface ProblemCount {
  category: string;
  count: number;
}

export interface GroupSummary {
  name: string;
  conversations: number;
  messages: number;
  scores: ScoreMeans;
  /** Problem findings by category, most frequent first. */
  problems: ProblemCount[];
  problemTotal: number;
  /** Oldest week first; at most `limits.maxWeeks` (the most recent ones). */
  weekly: WeekPoint[];
}

export interface AgentSummary extends GroupSummary {
  promises: Record<PromiseState, number>;
  /** Broken ÷ promises that came due (kept + broken + late-acknowledged); null when none came due. */
  brokenRate: number | null;
  /** True for the one bucket that holds every agent past `limits.maxAgents`. */
  other: boolean;
}

export interface TeamSummary extends GroupSummary {
  other: boolean;
}

export interface ScoreBin {
  /** Inclusive bounds: 0–9, 10–19, … 90–100. */
  from: number;
  to: number;
  count: number;
}

export interface ProblemExample {
  conversation: string | null;
  /** 1-based position of the record in the input, for conversations without an id. */
  seq: number;
  agent: string | null;
  message: number;
  excerpt: string;
  explanation: string;
  suggestion: string | null;
}

export interface ProblemSummary {
  category: string;
  skill: string | null;
  /** Findings of this category. */
  count: number;
  /** Conversations with at least one. */
  conversations: number;
  /** conversations ÷ all conversations (0–1). */
  share: number;
  /** Up to `limits.examplesPerProblem`, the first seen, each from a different conversation. */
  examples: ProblemExample[];
}

export interface PromiseItem {
  conversation: string | null;
  seq: number;
  agent: string | null;
  message: number;
  excerpt: string;
  action: string;
  due: string;
  made: string | null;
  deadline: string | null;
  state: PromiseState;
}

export interface AgentPromiseRate {
  agent: string;
  made: number;
  /** Kept + broken + late-acknowledged. */
  cameDue: number;
  broken: number;
  brokenRate: number | null;
}

export interface PromiseLedger {
  total: number;
  byState: Record<PromiseState, number>;
  /** Agents who made promises: highest broken rate first. */
  byAgent: AgentPromiseRate[];
  /** Most recent deadline first; at most `limits.maxPromises` (byState.broken has the total). */
  broken: PromiseItem[];
  /** Soonest deadline first, undated last; at most `limits.maxPromises`. */
  open: PromiseItem[];
}

export interface AtRiskItem {
  conversation: string | null;
  seq: number;
  customer: string | null;
  agent: string | null;
  /** The customer's last mood, when the arc has one. */
  mood: Mood | null;
  outcome: Outcome;
  trend: 'improved' | 'worsened' | 'steady' | null;
  /** Higher is worse: angry 3, frustrated/anxious 2, no-reply 3, unresolved 2, worsened +1. */
  severity: number;
  reason: string;
  ended: string | null;
}

export interface CoachingItem {
  conversation: string | null;
  seq: number;
  agent: string | null;
  overall: number | null;
  /** Weighted sum of what is wrong (see `COACHING_WEIGHTS`), one decimal. */
  priority: number;
  /** Why, in words, biggest contribution first. */
  reasons: string[];
  outcome: Outcome;
  started: string | null;
}

export type ArcTrendKey = 'improved' | 'worsened' | 'steady' | 'none';

export interface AuditSummary {
  totals: {
    conversations: number;
    messages: number;
    /** Distinct agent names (exact up to `limits.maxDistinctAgents`; see agentsCapped). */
    agents: number;
    agentsCapped: boolean;
    teams: number;
    problems: number;
    strengths: number;
    promises: number;
    /** Earliest first message and latest last message (ISO 8601), when the records have timestamps. */
    from: string | null;
    to: string | null;
    /** Conversations with an overall score. */
    scored: number;
    scores: ScoreMeans;
  };
  /** Every conversation, per ISO week. */
  weekly: WeekPoint[];
  /** Most conversations first. */
  agents: AgentSummary[];
  teams: TeamSummary[];
  distribution: { bins: ScoreBin[]; unscored: number };
  /** Most frequent first. */
  problems: ProblemSummary[];
  promises: PromiseLedger;
  /** Most severe first; `total` counts all, `items` keeps `limits.maxAtRisk`. */
  atRisk: { total: number; items: AtRiskItem[] };
  /** Highest priority first; `total` counts every conversation with a reason, `items` keeps `limits.maxCoaching`. */
  coaching: { total: number; items: CoachingItem[] };
  outcomes: Record<Outcome, number>;
  trends: Record<ArcTrendKey, number>;
  limits: AuditLimits;
}

export interface AuditLimits {
  /** Agents with their own row; later ones share one "Other agents" row. */
  maxAgents: number;
  maxTeams: number;
  /** Agent names remembered to count distinct agents. */
  maxDistinctAgents: number;
  /** Weeks kept per trend (the most recent). */
  maxWeeks: number;
  examplesPerProblem: number;
  /** Distinct problem categories tracked (the taxonomy has 19). */
  maxCategories: number;
  /** Broken and open promises listed (each). */
  maxPromises: number;
  maxAtRisk: number;
  maxCoaching: number;
  /** Characters kept of an excerpt, explanation or suggestion. */
  maxTextLength: number;
}

export const DEFAULT_LIMITS: Readonly<AuditLimits> = Object.freeze({
  maxAgents: 500,
  maxTeams: 200,
  maxDistinctAgents: 100_000,
  maxWeeks: 260,
  examplesPerProblem: 3,
  maxCategories: 100,
  maxPromises: 50,
  maxAtRisk: 50,
  maxCoaching: 25,
  maxTextLength: 400,
});

/** How much each problem category weighs in the coaching queue (others weigh 1), per finding, at most 3 counted. */
export const COACHING_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  'broken-promise': 5,
  hostile: 5,
  'ignored-emotion': 4,
  blaming: 4,
  dismissive: 3,
  condescending: 3,
  deflection: 3,
  'radio-silence': 3,
  alarming: 2,
  'hollow-apology': 2,
  overpromise: 2,
  'repeated-question': 2,
  'unresolved-close': 2,
  'no-next-step': 1.5,
  'negative-framing': 1.5,
  blunt: 1.5,
});

export const OTHER_AGENTS = 'Other agents';
export const OTHER_TEAMS = 'Other teams';

// ---------------------------------------------------------------------------
// Helpers

const DAY = 86_400_000;
const RISK_MOODS: Partial<Record<string, number>> = { angry: 3, frustrated: 2, anxious: 2 };
const RISK_OUTCOMES: Partial<Record<string, number>> = { 'no-reply': 3, unresolved: 2 };

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function mean(sum: number, n: number): number | null {
  return n > 0 ? round1(sum / n) : null;
}

function score(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? Math.min(100, Math.max(0, x)) : null;
}

function str(x: unknown): string | null {
  return typeof x === 'string' ? x : null;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`;
}

function timeOf(iso: unknown): number | null {
  if (typeof iso !== 'string') return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/** ISO 8601 week of a timestamp, "YYYY-Www", and the Monday that starts it; null outside years 1000–9999. */
export function isoWeek(iso: string): { week: string; start: string } | null {
  const t = timeOf(iso);
  if (t === null) return null;
  const d = new Date(t);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - weekday + 3);
  const year = new Date(thursday).getUTCFullYear();
  if (year < 1000 || year > 9999) return null;
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY / 7);
  return { week: `${year}-W${String(week).padStart(2, '0')}`, start: new Date(thursday - 3 * DAY).toISOString().slice(0, 10) };
}

function emptyStates(): Record<PromiseState, number> {
  return Object.fromEntries(PROMISE_STATES.map((s) => [s, 0])) as Record<PromiseState, number>;
}

/** A list that keeps only the `k` smallest items by `cmp` (a total order), sorted. */
export class TopK<T> {
  private readonly items: T[] = [];
  constructor(
    readonly k: number,
    private readonly cmp: (a: T, b: T) => number,
  ) {}
  /** Whether an item ranking like `probe` would be kept (so callers can skip building it). */
  admits(probe: T): boolean {
    return this.k > 0 && (this.items.length < this.k || this.cmp(probe, this.items[this.items.length - 1]!) < 0);
  }
  offer(item: T): void {
    if (!this.admits(item)) return;
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cmp(this.items[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
    if (this.items.length > this.k) this.items.pop();
  }
  get size(): number {
    return this.items.length;
  }
  values(): T[] {
    return this.items.slice();
  }
}

/** Nulls last in either direction. */
function compareTime(a: string | null, b: string | null, dir: 1 | -1): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta === null && tb === null) return 0;
  if (ta === null) return 1;
  if (tb === null) return -1;
  return (ta - tb) * dir;
}

// ---------------------------------------------------------------------------
// Accumulators

interface WeekAcc {
  start: string;
  conversations: number;
  sum: number;
  n: number;
}

/** What one record contributes to a group, computed once. */
interface Prepared {
  scores: (number | null)[];
  messages: number;
  problems: Map<string, number>;
  week: { week: string; start: string } | null;
}

class GroupAcc {
  conversations = 0;
  messages = 0;
  problemTotal = 0;
  readonly sums: number[] = SCORE_FIELDS.map(() => 0);
  readonly counts: number[] = SCORE_FIELDS.map(() => 0);
  readonly problems = new Map<string, number>();
  readonly weeks = new Map<string, WeekAcc>();
  constructor(
    readonly name: string,
    readonly other: boolean,
  ) {}

  add(p: Prepared, maxWeeks: number): void {
    this.conversations++;
    this.messages += p.messages;
    p.scores.forEach((s, i) => {
      if (s === null) return;
      this.sums[i]! += s;
      this.counts[i]!++;
    });
    for (const [c, n] of p.problems) {
      this.problems.set(c, (this.problems.get(c) ?? 0) + n);
      this.problemTotal += n;
    }
    if (p.week) addWeek(this.weeks, p.week, p.scores[SCORE_FIELDS.length - 1] ?? null, maxWeeks);
  }

  summary(): GroupSummary {
    return {
      name: this.name,
      conversations: this.conversations,
      messages: this.messages,
      scores: means(this.sums, this.counts),
      problems: [...this.problems].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1)),
      problemTotal: this.problemTotal,
      weekly: weekly(this.weeks),
    };
  }
}

class AgentAcc extends GroupAcc {
  readonly promises = emptyStates();
}

function addWeek(weeks: Map<string, WeekAcc>, w: { week: string; start: string }, overall: number | null, maxWeeks: number): void {
  let acc = weeks.get(w.week);
  if (!acc) {
    if (maxWeeks <= 0) return;
    weeks.set(w.week, (acc = { start: w.start, conversations: 0, sum: 0, n: 0 }));
    // Keep the most recent weeks: dropping the oldest whenever there is one too
    // many leaves exactly the newest `maxWeeks` keys, with exact counts.
    if (weeks.size > maxWeeks) {
      let oldest: string | null = null;
      for (const k of weeks.keys()) if (oldest === null || k < oldest) oldest = k;
      weeks.delete(oldest!);
      if (oldest === w.week) return;
    }
  }
  acc.conversations++;
  if (overall !== null) {
    acc.sum += overall;
    acc.n++;
  }
}

function weekly(weeks: Map<string, WeekAcc>): WeekPoint[] {
  return [...weeks]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([week, w]) => ({ week, start: w.start, conversations: w.conversations, overall: mean(w.sum, w.n) }));
}

function means(sums: number[], counts: number[]): ScoreMeans {
  const out = {} as ScoreMeans;
  SCORE_FIELDS.forEach((k, i) => (out[k] = mean(sums[i]!, counts[i]!)));
  return out;
}

interface ProblemAcc {
  count: number;
  conversations: number;
  skill: string | null;
  examples: ProblemExample[];
}

interface PromiseRank {
  time: string | null;
  seq: number;
  index: number;
}

// ---------------------------------------------------------------------------
// The aggregator

export class AuditAggregator {
  readonly limits: AuditLimits;
  private seq = 0;
  private messages = 0;
  private problemsTotal = 0;
  private strengthsTotal = 0;
  private scored = 0;
  private from: number | null = null;
  private to: number | null = null;
  private readonly sums: number[] = SCORE_FIELDS.map(() => 0);
  private readonly counts: number[] = SCORE_FIELDS.map(() => 0);
  private readonly weeks = new Map<string, WeekAcc>();
  private readonly agentNames = new Set<string>();
  private agentsCapped = false;
  private readonly agents = new Map<string, AgentAcc>();
  private otherAgents: AgentAcc | null = null;
  private readonly teams = new Map<string, GroupAcc>();
  private otherTeams: GroupAcc | null = null;
  private readonly bins: number[] = new Array<number>(10).fill(0);
  private unscored = 0;
  private readonly problems = new Map<string, ProblemAcc>();
  private readonly promiseStates = emptyStates();
  private promiseTotal = 0;
  private readonly broken: TopK<PromiseItem & PromiseRank>;
  private readonly open: TopK<PromiseItem & PromiseRank>;
  private atRiskTotal = 0;
  private readonly atRisk: TopK<AtRiskItem>;
  private coachingTotal = 0;
  private readonly coaching: TopK<CoachingItem>;
  private readonly outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  private readonly trends: Record<ArcTrendKey, number> = { improved: 0, worsened: 0, steady: 0, none: 0 };

  constructor(limits: Partial<AuditLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    const bySeq = (a: { seq: number; index?: number }, b: { seq: number; index?: number }) => a.seq - b.seq || (a.index ?? 0) - (b.index ?? 0);
    this.broken = new TopK(this.limits.maxPromises, (a, b) => compareTime(a.time, b.time, -1) || bySeq(a, b));
    this.open = new TopK(this.limits.maxPromises, (a, b) => compareTime(a.time, b.time, 1) || bySeq(a, b));
    this.atRisk = new TopK(this.limits.maxAtRisk, (a, b) => b.severity - a.severity || compareTime(a.ended, b.ended, -1) || a.seq - b.seq);
    this.coaching = new TopK(
      this.limits.maxCoaching,
      (a, b) => b.priority - a.priority || (a.overall ?? 101) - (b.overall ?? 101) || a.seq - b.seq,
    );
  }

  /** Fold one audit record in. The record is not kept. */
  add(record: AuditRecord): void {
    const seq = ++this.seq;
    const L = this.limits;
    const id = str(record.id);
    const agentNames = (Array.isArray(record.agents) ? record.agents : [])
      .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
      .map((a) => clip(a.trim(), 200));
    const agentText = agentNames.length ? agentNames.join(', ') : null;
    const findings = Array.isArray(record.findings) ? record.findings : [];
    const promises = Array.isArray(record.promises) ? record.promises : [];
    const outcome: Outcome = (OUTCOMES as readonly unknown[]).includes(record.outcome) ? record.outcome : 'open';
    const arc = record.arc && typeof record.arc === 'object' ? record.arc : null;
    const endMood = arc?.end?.mood ?? null;
    const startMood = arc?.start?.mood ?? null;
    const trend = arc?.trend ?? null;
    const messages = typeof record.messageCount === 'number' && Number.isFinite(record.messageCount) ? Math.max(0, record.messageCount) : 0;

    // Scores
    const scores = SCORE_FIELDS.map((k) => score(record.scores?.[k]));
    const overall = scores[SCORE_FIELDS.length - 1] ?? null;
    scores.forEach((s, i) => {
      if (s === null) return;
      this.sums[i]! += s;
      this.counts[i]!++;
    });
    if (overall === null) this.unscored++;
    else {
      this.scored++;
      this.bins[Math.min(9, Math.floor(overall / 10))]!++;
    }

    // Totals and dates
    this.messages += messages;
    const started = timeOf(record.started);
    const ended = timeOf(record.ended);
    const first = started ?? ended;
    const last = ended ?? started;
    if (first !== null && (this.from === null || first < this.from)) this.from = first;
    if (last !== null && (this.to === null || last > this.to)) this.to = last;
    const week = isoWeek(str(record.started) ?? str(record.ended) ?? '');
    if (week) addWeek(this.weeks, week, overall, L.maxWeeks);

    // Findings
    const problems = new Map<string, number>();
    for (const f of findings) {
      if (!f || typeof f !== 'object') continue;
      if (f.kind === 'strength') this.strengthsTotal++;
      if (f.kind !== 'problem' || typeof f.category !== 'string') continue;
      let acc = this.problems.get(f.category);
      if (!acc) {
        if (this.problems.size >= L.maxCategories) continue;
        this.problems.set(f.category, (acc = { count: 0, conversations: 0, skill: str(f.skill), examples: [] }));
      }
      this.problemsTotal++;
      acc.count++;
      const before = problems.get(f.category) ?? 0;
      problems.set(f.category, before + 1);
      if (before === 0) acc.conversations++;
      if (acc.examples.length < L.examplesPerProblem && !acc.examples.some((e) => e.seq === seq)) {
        acc.examples.push({
          conversation: id,
          seq,
          agent: agentText,
          message: typeof f.message === 'number' ? f.message : 0,
          excerpt: clip(str(f.excerpt) ?? '', L.maxTextLength),
          explanation: clip(str(f.explanation) ?? '', L.maxTextLength),
          suggestion: typeof f.suggestion === 'string' ? clip(f.suggestion, L.maxTextLength) : null,
        });
      }
    }

    // Groups
    const prepared: Prepared = { scores, messages, problems, week };
    const agentAccs: AgentAcc[] = [];
    for (const name of agentNames) {
      if (!this.agentNames.has(name)) {
        if (this.agentNames.size < L.maxDistinctAgents) this.agentNames.add(name);
        else this.agentsCapped = true;
      }
      let acc = this.agents.get(name);
      if (!acc) {
        if (this.agents.size < L.maxAgents) this.agents.set(name, (acc = new AgentAcc(name, false)));
        else acc = this.otherAgents ??= new AgentAcc(OTHER_AGENTS, true);
      }
      if (!agentAccs.includes(acc)) {
        agentAccs.push(acc);
        acc.add(prepared, L.maxWeeks);
      }
    }
    const team = typeof record.team === 'string' && record.team.trim() ? clip(record.team.trim(), 200) : null;
    if (team !== null) {
      let acc = this.teams.get(team);
      if (!acc) {
        if (this.teams.size < L.maxTeams) this.teams.set(team, (acc = new GroupAcc(team, false)));
        else acc = this.otherTeams ??= new GroupAcc(OTHER_TEAMS, true);
      }
      acc.add(prepared, L.maxWeeks);
    }

    // Promise ledger
    let brokenInLedger = 0;
    promises.forEach((p: PromiseEntry, index) => {
      if (!p || typeof p !== 'object' || !(PROMISE_STATES as readonly unknown[]).includes(p.state)) return;
      this.promiseTotal++;
      this.promiseStates[p.state]++;
      if (p.state === 'broken') brokenInLedger++;
      const own = str((p as unknown as { agent?: unknown }).agent)?.trim();
      const ownAcc = own ? (agentAccs.find((a) => a.name === own) ?? this.agents.get(own)) : undefined;
      for (const acc of ownAcc ? [ownAcc] : agentAccs) acc.promises[p.state]++;
      if (p.state !== 'broken' && p.state !== 'open') return;
      const list = p.state === 'broken' ? this.broken : this.open;
      const rank = { time: str(p.deadline), seq, index };
      if (!list.admits(rank as PromiseItem & PromiseRank)) return;
      list.offer({
        ...rank,
        conversation: id,
        agent: own ? clip(own, 200) : agentText,
        message: typeof p.message === 'number' ? p.message : 0,
        excerpt: clip(str(p.excerpt) ?? '', L.maxTextLength),
        action: clip(str(p.action) ?? '', L.maxTextLength),
        due: clip(str(p.due) ?? '', L.maxTextLength),
        made: str(p.made),
        deadline: str(p.deadline),
        state: p.state,
      });
    });

    // Outcomes and arcs
    this.outcomes[outcome]++;
    this.trends[trend === 'improved' || trend === 'worsened' || trend === 'steady' ? trend : 'none']++;

    // Customers at risk
    const moodRisk = endMood ? (RISK_MOODS[endMood] ?? 0) : 0;
    const outcomeRisk = RISK_OUTCOMES[outcome] ?? 0;
    if ((moodRisk > 0 || outcomeRisk > 0) && outcome !== 'ended-abusive') {
      this.atRiskTotal++;
      const severity = moodRisk + outcomeRisk + (trend === 'worsened' ? 1 : 0);
      const endedIso = str(record.ended) ?? str(record.started);
      const probe = { severity, ended: endedIso, seq } as AtRiskItem;
      if (this.atRisk.admits(probe)) {
        const reasons: string[] = [];
        if (moodRisk > 0) {
          reasons.push(
            trend === 'worsened' && startMood
              ? `ended ${moodLabel(endMood!)} (started ${moodLabel(startMood)})`
              : `ended ${moodLabel(endMood!)}`,
          );
        }
        if (outcome === 'no-reply') reasons.push('no agent replied');
        else if (outcome === 'unresolved') reasons.push('left unresolved: no confirmed fix, referral or follow-up');
        this.atRisk.offer({
          conversation: id,
          seq,
          customer: str(record.customer) ? clip(record.customer!, 200) : null,
          agent: agentText,
          mood: (endMood as Mood | null) ?? null,
          outcome,
          trend,
          severity,
          reason: reasons.join('; '),
          ended: endedIso,
        });
      }
    }

    // Coaching queue
    const parts: { weight: number; text: string }[] = [];
    const counted = new Map(problems);
    if (brokenInLedger > (counted.get('broken-promise') ?? 0)) counted.set('broken-promise', brokenInLedger);
    for (const [category, n] of counted) {
      const weight = (COACHING_WEIGHTS[category] ?? 1) * Math.min(n, 3);
      parts.push({ weight, text: `${problemLabel(category)}${n > 1 ? ` ×${n}` : ''}` });
    }
    if (overall !== null && overall < 60) parts.push({ weight: (60 - overall) / 10, text: `low overall score (${Math.round(overall)}/100)` });
    if (trend === 'worsened') {
      parts.push({ weight: 3, text: `customer's mood worsened${startMood && endMood ? ` (${moodLabel(startMood)} → ${moodLabel(endMood)})` : ''}` });
    } else if (endMood && moodRisk > 0) {
      parts.push({ weight: 1.5, text: `customer ended ${moodLabel(endMood)}` });
    }
    if (outcome === 'unresolved' && !counted.has('unresolved-close')) parts.push({ weight: 2, text: 'ended without a fix, referral or follow-up' });
    if (outcome === 'no-reply') parts.push({ weight: 2, text: 'no agent replied' });
    const priority = round1(parts.reduce((s, p) => s + p.weight, 0));
    if (priority > 0) {
      this.coachingTotal++;
      const probe = { priority, overall, seq } as CoachingItem;
      if (this.coaching.admits(probe)) {
        this.coaching.offer({
          conversation: id,
          seq,
          agent: agentText,
          overall,
          priority,
          reasons: parts
            .map((p, i) => ({ ...p, i }))
            .sort((a, b) => b.weight - a.weight || a.i - b.i)
            .map((p) => p.text),
          outcome,
          started: str(record.started),
        });
      }
    }
  }

  summary(): AuditSummary {
    const conversations = this.seq;
    const agentSummaries: AgentSummary[] = [...this.agents.values()]
      .sort((a, b) => b.conversations - a.conversations || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .concat(this.otherAgents ? [this.otherAgents] : [])
      .map((a) => {
        const cameDue = a.promises.kept + a.promises.broken + a.promises['late-acknowledged'];
        return { ...a.summary(), promises: { ...a.promises }, brokenRate: cameDue ? a.promises.broken / cameDue : null, other: a.other };
      });
    const teamSummaries: TeamSummary[] = [...this.teams.values()]
      .sort((a, b) => b.conversations - a.conversations || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .concat(this.otherTeams ? [this.otherTeams] : [])
      .map((t) => ({ ...t.summary(), other: t.other }));
    const byAgent: AgentPromiseRate[] = agentSummaries
      .map((a) => {
        const made = PROMISE_STATES.reduce((s, k) => s + a.promises[k], 0);
        const cameDue = a.promises.kept + a.promises.broken + a.promises['late-acknowledged'];
        return { agent: a.name, made, cameDue, broken: a.promises.broken, brokenRate: a.brokenRate };
      })
      .filter((r) => r.made > 0)
      .sort((a, b) => (b.brokenRate ?? -1) - (a.brokenRate ?? -1) || b.broken - a.broken || (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
    const strip = ({ time: _t, index: _i, ...item }: PromiseItem & PromiseRank): PromiseItem => item;

    return {
      totals: {
        conversations,
        messages: this.messages,
        agents: this.agentNames.size,
        agentsCapped: this.agentsCapped,
        teams: this.teams.size + (this.otherTeams ? 1 : 0),
        problems: this.problemsTotal,
        strengths: this.strengthsTotal,
        promises: this.promiseTotal,
        from: this.from === null ? null : new Date(this.from).toISOString(),
        to: this.to === null ? null : new Date(this.to).toISOString(),
        scored: this.scored,
        scores: means(this.sums, this.counts),
      },
      weekly: weekly(this.weeks),
      agents: agentSummaries,
      teams: teamSummaries,
      distribution: {
        bins: this.bins.map((count, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9, count })),
        unscored: this.unscored,
      },
      problems: [...this.problems]
        .map(([category, p]) => ({
          category,
          skill: p.skill,
          count: p.count,
          conversations: p.conversations,
          share: conversations ? p.conversations / conversations : 0,
          examples: p.examples.map((e) => ({ ...e })),
        }))
        .sort((a, b) => b.count - a.count || b.conversations - a.conversations || (a.category < b.category ? -1 : 1)),
      promises: {
        total: this.promiseTotal,
        byState: { ...this.promiseStates },
        byAgent,
        broken: this.broken.values().map(strip),
        open: this.open.values().map(strip),
      },
      atRisk: { total: this.atRiskTotal, items: this.atRisk.values() },
      coaching: { total: this.coachingTotal, items: this.coaching.values() },
      outcomes: { ...this.outcomes },
      trends: { ...this.trends },
      limits: { ...this.limits },
    };
  }
}

/** Aggregate a whole iterable (sync or async) of records. */
export async function aggregateRecords(records: Iterable<AuditRecord> | AsyncIterable<AuditRecord>, limits?: Partial<AuditLimits>): Promise<AuditSummary> {
  const agg = new AuditAggregator(limits);
  for await (const r of records) agg.add(r);
  return agg.summary();
}
