// `rapport audit --format csv`: one row per conversation, for a spreadsheet —
// the facts, the outcome and mood, the six skill scores (and the learned
// politeness estimate), counts of problems
// and strengths, the most frequent problems, and the promise ledger in numbers.
// Quoting is csv-stringify's (formula-looking cells are escaped too).

import { stringify } from 'csv-stringify/sync';
import { SKILLS } from '../engine/index.js';
import type { AuditRecord } from './records.js';

export const AUDIT_CSV_COLUMNS = [
  'id', 'channel', 'team', 'agents', 'customer', 'started', 'ended', 'messages', 'outcome', 'mood_start', 'mood_end', 'mood_trend',
  ...SKILLS, 'overall', 'politeness', 'problems', 'strengths', 'top_problems', 'promises', 'promises_kept', 'promises_broken', 'promises_open',
] as const;

export function auditCsvHeader(): string {
  return stringify([[...AUDIT_CSV_COLUMNS]]);
}

export function auditCsvRow(r: AuditRecord): string {
  const problems = new Map<string, number>();
  let strengths = 0;
  for (const f of r.findings) {
    if (f.kind === 'problem') problems.set(f.category, (problems.get(f.category) ?? 0) + 1);
    else if (f.kind === 'strength') strengths++;
  }
  const top = [...problems.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([c, n]) => `${c}×${n}`).join('; ');
  const count = (state: string): number => r.promises.filter((p) => p.state === state).length;
  const row: Array<string | number | null> = [
    r.id, r.channel, r.team, r.agents.join('; '), r.customer, r.started, r.ended, r.messageCount, r.outcome,
    r.arc.start?.mood ?? null, r.arc.end?.mood ?? null, r.arc.trend,
    ...SKILLS.map((s) => r.scores[s]), r.scores.overall, r.scores.politeness ?? null,
    [...problems.values()].reduce((a, b) => a + b, 0), strengths, top,
    r.promises.length, count('kept'), count('broken'), count('open'),
  ];
  return stringify([row.map((v) => (v === null ? '' : v))], { cast: { string: protectFormula } });
}

/** Spreadsheets run cells that start with = + - @ as formulas: keep customer text inert. */
function protectFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
