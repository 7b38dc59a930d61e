// The shapes Rapport writes for machines. `audit` records follow the taxonomy to
// the letter (key names and order), because evaluation sets and external checks
// compare them as text; `check` adds line and column for editors and CI.

import { SKILLS, type Finding, type Scores } from '../engine/index.js';

/** The taxonomy's finding keys, in the taxonomy's order (severity is the CLI's business, not the contract's). */
export const FINDING_KEYS = ['rule', 'category', 'kind', 'skill', 'message', 'start', 'end', 'excerpt', 'explanation', 'suggestion'] as const;
export const SCORE_KEYS = [...SKILLS, 'overall'] as const;

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
}

export function auditRecord(id: unknown, findings: Finding[], scores: Scores): AuditRecord {
  return {
    id: typeof id === 'string' ? id : id === undefined || id === null ? null : String(id),
    findings: findings.map(contractFinding),
    scores: contractScores(scores),
  };
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
