// The shapes Rapport writes for machines. `audit` records follow the taxonomy to
// the letter (key names and order), because evaluation sets and external checks
// compare them as text; `check` adds line and column for editors and CI.

import { CHANNELS, SKILLS, type AnalysisResult, type Channel, type Conversation, type EmotionalArc, type Finding, type Outcome, type PromiseEntry, type Scores } from '../engine/index.js';

/** The taxonomy's finding keys, in the taxonomy's order (severity is the CLI's business, not the contract's). */
export const FINDING_KEYS = ['rule', 'category', 'kind', 'skill', 'message', 'start', 'end', 'excerpt', 'explanation', 'suggestion'] as const;
export const SCORE_KEYS = [...SKILLS, 'overall', 'politeness'] as const;

export type ContractFinding = Pick<Finding, (typeof FINDING_KEYS)[number]>;

export function contractFinding(f: Finding): ContractFinding {
  return {
    rule: f.rule, category: f.category, kind: f.kind, skill: f.skill, message: f.message,
    start: f.start, end: f.end, excerpt: f.excerpt, explanation: f.explanation, suggestion: f.suggestion ?? null,
  };
}

export function contractScores(s: Scores | undefined): Scores {
  const out = {} as Scores;
  for (const k of SCORE_KEYS) out[k] = s?.[k] ?? null;
  return out;
}

export interface AuditRecord {
  id: string | null;
  findings: ContractFinding[];
  scores: Scores;
  /** Facts about the conversation that reports group and filter by. */
  channel: Channel | null;
  team: string | null;
  /** Authors of the agent messages, in order of first appearance. */
  agents: string[];
  /** The first customer author, when the input names one. */
  customer: string | null;
  /** Timestamps of the first and last message (ISO 8601), when the input has them. */
  started: string | null;
  ended: string | null;
  messageCount: number;
  promises: PromiseEntry[];
  arc: EmotionalArc;
  outcome: Outcome;
}

/** The audit line for one conversation: the taxonomy's {id, findings, scores} first, then the conversation's facts. */
export function auditRecord(conversation: Conversation | Record<string, unknown>, result: AnalysisResult): AuditRecord {
  const id = (conversation as { id?: unknown }).id;
  const messages = Array.isArray((conversation as { messages?: unknown }).messages) ? ((conversation as Conversation).messages) : [];
  const agents: string[] = [];
  let customer: string | null = null;
  let started: string | null = null;
  let ended: string | null = null;
  for (const m of messages) {
    if (!m || typeof m !== 'object') continue;
    const author = typeof m.author === 'string' && m.author.trim() ? m.author.trim() : null;
    if (m.role === 'agent' && author && !agents.includes(author)) agents.push(author);
    if (m.role === 'customer' && author && customer === null) customer = author;
    const at = typeof m.at === 'string' ? isoOrNull(m.at) : null;
    if (at) {
      if (started === null || at < started) started = at;
      if (ended === null || at > ended) ended = at;
    }
  }
  const channel = (conversation as { channel?: unknown }).channel;
  const team = (conversation as { team?: unknown }).team;
  return {
    id: typeof id === 'string' ? id : id === undefined || id === null ? null : String(id),
    findings: result.findings.map(contractFinding),
    scores: contractScores(result.scores),
    channel: (CHANNELS as readonly unknown[]).includes(channel) ? (channel as Channel) : null,
    team: typeof team === 'string' && team.trim() ? team.trim() : null,
    agents,
    customer,
    started,
    ended,
    messageCount: messages.length,
    promises: result.promises,
    arc: result.arc,
    outcome: result.outcome,
  };
}

function isoOrNull(at: string): string | null {
  const t = Date.parse(at);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** 1-based line and column (in UTF-16 units, as editors and ESLint count) of a UTF-16 offset. */
export class LineIndex {
  private starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** 0-based line index holding `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  position(offset: number): { line: number; column: number } {
    const l = this.lineOf(offset);
    return { line: l + 1, column: offset - this.starts[l]! + 1 };
  }
  /** The text of a 0-based line, without its line break. */
  lineText(l: number): string {
    const start = this.starts[l] ?? this.text.length;
    const next = this.starts[l + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
  lineStart(l: number): number {
    return this.starts[l] ?? this.text.length;
  }
}

export type PositionedFinding = Finding & { line: number; column: number; endLine: number; endColumn: number };

export function withPosition(f: Finding, index: LineIndex): PositionedFinding {
  const s = index.position(f.start);
  const e = index.position(f.end);
  return { ...f, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}
