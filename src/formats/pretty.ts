// The human report, in the manner of ESLint's "stylish" and Vale's CLI output:
// a header per file, one line per finding (position, severity, category,
// message, rule), the excerpt with the span underlined, the suggestion, then
// the strengths (muted) and the skill scores; a summary line at the end.

import type { Scores, Severity, SignalCategory, Expertise } from '../engine/index.js';
import { SKILLS } from '../engine/index.js';
import type { Colors } from '../cli/io.js';
import { LineIndex, type PositionedFinding } from './records.js';

export interface DraftReport {
  file: string;
  text: string;
  findings: PositionedFinding[];
  scores: Scores;
  notes: string[];
}

export interface ContextSummary {
  messages: number;
  signals: SignalCategory[];
  expertise?: Expertise;
}

/** How wide the excerpt line may be before it is cut around the span. */
const EXCERPT_WIDTH = 100;

export function formatContext(ctx: ContextSummary, c: Colors): string {
  const parts = [`${ctx.messages} message${ctx.messages === 1 ? '' : 's'} before the draft`];
  if (ctx.signals.length) parts.push(`customer shows ${ctx.signals.join(', ')}`);
  if (ctx.expertise) parts.push(`expertise ${ctx.expertise}`);
  return c.dim(`context: ${parts.join(' · ')}`) + '\n';
}

export function formatDraft(report: DraftReport, c: Colors, options: { strengths: boolean }): string {
  const lines: string[] = [c.underline(report.file)];
  for (const n of report.notes) lines.push(`  ${c.dim(n)}`);
  const problems = report.findings.filter((f) => f.kind === 'problem');
  const strengths = options.strengths ? report.findings.filter((f) => f.kind === 'strength') : [];
  const shown = [...problems, ...strengths];
  const posW = Math.max(0, ...shown.map((f) => `${f.line}:${f.column}`.length));
  const sevW = Math.max(0, ...problems.map((f) => f.severity.length), strengths.length ? 'strength'.length : 0);
  const catW = Math.max(0, ...shown.map((f) => f.category.length));
  const index = new LineIndex(report.text);
  const gutter = ' '.repeat(2 + posW + 2);

  for (const f of problems) {
    const pos = `${f.line}:${f.column}`.padEnd(posW);
    lines.push(`  ${c.dim(pos)}  ${severityColor(f.severity, c)(f.severity.padEnd(sevW))}  ${c.bold(f.category.padEnd(catW))}  ${f.explanation.replace(/\s+/g, ' ')}  ${c.dim(`(${f.rule})`)}`);
    const { source, marks } = excerptLines(index, f.start, f.end);
    lines.push(`${gutter}${c.dim('│')} ${source}`);
    lines.push(`${gutter}${c.dim('│')} ${severityColor(f.severity, c)(marks)}`);
    if (f.suggestion) lines.push(`${gutter}${c.green(`→ ${f.suggestion}`)}`);
  }
  for (const f of strengths) {
    const pos = `${f.line}:${f.column}`.padEnd(posW);
    const quote = oneLine(f.excerpt, 60);
    lines.push(c.dim(`  ${pos}  ${'strength'.padEnd(sevW)}  ${f.category.padEnd(catW)}  “${quote}” — ${f.explanation}  (${f.rule})`));
  }
  if (!report.notes.length || shown.length) lines.push(`  ${formatScores(report.scores, c)}`);
  return lines.join('\n') + '\n\n';
}

export function formatScores(s: Scores, c: Colors): string {
  const part = (name: string, v: number | null): string => (v === null ? c.dim(`${name} –`) : `${name} ${scoreColor(v, c)(String(v))}`);
  return `${c.dim('scores')}  ${SKILLS.map((k) => part(k, s[k])).join('  ')}  ${c.dim('·')}  ${part('overall', s.overall)}`;
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  strengths: number;
  files: number;
  skipped: number;
}

export function formatSummary(t: Totals, c: Colors): string {
  const problems = t.errors + t.warnings + t.infos;
  const bySeverity = [
    t.errors ? `${t.errors} error${t.errors === 1 ? '' : 's'}` : '',
    t.warnings ? `${t.warnings} warning${t.warnings === 1 ? '' : 's'}` : '',
    t.infos ? `${t.infos} info` : '',
  ].filter(Boolean);
  const head = problems
    ? `${t.errors ? c.red('✖') : c.yellow('✖')} ${problems} problem${problems === 1 ? '' : 's'}${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}`
    : `${c.green('✔')} no problems`;
  const tail = `${t.strengths} strength${t.strengths === 1 ? '' : 's'} in ${t.files} file${t.files === 1 ? '' : 's'}`;
  const skipped = t.skipped ? c.dim(` (${t.skipped} skipped)`) : '';
  return `${c.bold(head)}, ${tail}${skipped}\n`;
}

function severityColor(s: Severity, c: Colors): (x: string) => string {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : c.cyan;
}

function scoreColor(v: number, c: Colors): (x: string) => string {
  return v >= 80 ? c.green : v >= 60 ? c.yellow : c.red;
}

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  const cps = [...flat];
  return cps.length > max ? `${cps.slice(0, max - 1).join('')}…` : flat;
}

/**
 * The source line holding the span, cut to a window around it when long, and a
 * line of carets under the span (to the end of that line; "…" marks a span
 * that goes on).
 */
export function excerptLines(index: LineIndex, start: number, end: number): { source: string; marks: string } {
  const l = index.lineOf(start);
  const lineStart = index.lineStart(l);
  const lineText = index.lineText(l);
  const from = start - lineStart;
  const to = Math.min(end - lineStart, lineText.length);
  const continues = end - lineStart > lineText.length;
  // Keep the window readable: some context before, the span (cut if huge), a little after.
  // Slices are bounded first so a 5 MB one-line draft costs no more than a short one.
  const budget = EXCERPT_WIDTH;
  const near = budget * 4;
  const spanEnd = Math.max(from, to);
  let before = lineText.slice(Math.max(0, from - near), from);
  let span = lineText.slice(from, Math.min(spanEnd, from + near));
  let after = lineText.slice(spanEnd, spanEnd + near);
  let cutSpan = spanEnd - from > near;
  if (from > near) before = `\u2026${before}`;
  if (lineText.length - spanEnd > near) after += '\u2026';
  if (width(span) > budget - 10) {
    span = takeWidth(span, budget - 10);
    cutSpan = true;
    after = '';
  }
  const room = Math.max(0, budget - width(span));
  let prefix = '';
  if (width(before) > Math.floor(room / 2)) {
    before = takeWidthFromEnd(before, Math.max(0, Math.floor(room / 2) - 1));
    prefix = '…';
  }
  let suffix = '';
  const left = Math.max(0, room - width(before) - prefix.length);
  if (width(after) > left) {
    after = takeWidth(after, Math.max(0, left - 1));
    suffix = '…';
  }
  const clean = (s: string): string => s.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  const source = clean(prefix + before + span + after + suffix);
  const carets = '^'.repeat(Math.max(1, width(clean(span)))) + (continues || cutSpan ? '…' : '');
  const marks = ' '.repeat(width(clean(prefix + before))) + carets;
  return { source, marks };
}

/** Display width: wide (CJK, emoji) characters count 2, combining marks 0. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

const COMBINING = /^[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]$/u;
const WIDE = /^[\p{Extended_Pictographic}\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]$/u;

function charWidth(ch: string): number {
  if (COMBINING.test(ch)) return 0;
  const cp = ch.codePointAt(0)!;
  if (cp < 0x1100) return 1;
  if (WIDE.test(ch) || (cp >= 0x20000 && cp <= 0x3fffd)) return 2;
  return 1;
}

function takeWidth(s: string, max: number): string {
  let w = 0;
  let out = '';
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > max) break;
    w += cw;
    out += ch;
  }
  return out;
}

function takeWidthFromEnd(s: string, max: number): string {
  const chars = [...s];
  let w = 0;
  let i = chars.length;
  while (i > 0) {
    const cw = charWidth(chars[i - 1]!);
    if (w + cw > max) break;
    w += cw;
    i--;
  }
  return chars.slice(i).join('');
}
