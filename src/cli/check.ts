// `rapport check`: lints drafts and libraries of canned responses. Each file is
// one draft, judged as the agent's next message after the context (customer
// lines or a canonical conversation), so the jargon and empathy rules know who
// they are talking to.

import { stat } from 'node:fs/promises';
import type { Conversation, Engine, Finding, Scores, Severity, SignalCategory } from '../engine/index.js';
import { parseConversationText } from '../formats/jsonl.js';
import { formatContext, formatDraft, formatSummary, type ContextSummary, type DraftReport, type Totals } from '../formats/pretty.js';
import { listDraftFiles, readFailure, readStreamText, readTextFile, type ReadResult } from '../formats/read.js';
import { contractScores, LineIndex, withPosition } from '../formats/records.js';
import { displayPath } from './config.js';
import { UsageError, stdin, type Output } from './io.js';

export type FailOn = Severity | 'never';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function reachesFailOn(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}

export interface CheckOptions {
  inputs: string[];
  customer: string[];
  context?: string;
  format: 'pretty' | 'json';
  failOn: FailOn;
  strengths: boolean;
}

interface Context {
  conversation: Conversation | null;
  /** The line of the context file each context message came from (for diagnostics). */
  file?: string;
  line?: number;
}

/** Loads the context: a canonical conversation file, then any --customer lines. Throws UsageError. */
export async function loadContext(opts: Pick<CheckOptions, 'context' | 'customer'>): Promise<Context> {
  let conversation: Conversation | null = null;
  let file: string | undefined;
  let line: number | undefined;
  if (opts.context !== undefined) {
    file = opts.context === '-' ? '<stdin>' : displayPath(opts.context);
    const read = opts.context === '-' ? await readStreamText(stdin()) : await readTextFile(opts.context, file);
    if (!read.ok) throw new UsageError(`--context ${read.message}`);
    const item = parseConversationText(read.text);
    if (!item.ok) throw new UsageError(`--context ${file}:${item.line}: ${item.reason}`);
    conversation = item.value as unknown as Conversation;
    line = item.line;
  }
  if (opts.customer.length) {
    const before = conversation?.messages ?? [];
    conversation = { ...(conversation ?? {}), messages: [...before, ...opts.customer.map((text) => ({ role: 'customer' as const, text }))] };
  }
  return { conversation, ...(file !== undefined ? { file } : {}), ...(line !== undefined ? { line } : {}) };
}

interface Input {
  display: string;
  read: () => Promise<ReadResult>;
}

/** Expands the command line into draft inputs, reporting what cannot be found. */
async function expandInputs(inputs: string[], out: Output): Promise<{ list: Input[]; failed: number }> {
  const list: Input[] = [];
  let failed = 0;
  let stdinUsed = false;
  for (const arg of inputs) {
    if (arg === '-') {
      if (stdinUsed) continue;
      stdinUsed = true;
      list.push({ display: '<stdin>', read: () => readStreamText(stdin()) });
      continue;
    }
    const display = displayPath(arg);
    let isDir = false;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch (e) {
      out.err(`rapport: ${readFailure(e, display).message}`);
      failed++;
      continue;
    }
    if (isDir) {
      const files = await listDraftFiles(arg);
      if (!files.length) out.err(`rapport: ${display}: no .txt or .md files found`);
      for (const f of files) list.push({ display: displayPath(f), read: () => readTextFile(f, displayPath(f)) });
    } else list.push({ display, read: () => readTextFile(arg, display) });
  }
  return { list, failed };
}

export async function runCheck(engine: Engine, opts: CheckOptions, out: Output): Promise<number> {
  if (!opts.inputs.length) throw new UsageError('nothing to check: give draft files, directories, or - to read standard input', 'check');
  const context = await loadContext(opts);
  const { list, failed } = await expandInputs(opts.inputs, out);
  const c = out.colors;
  const contextLength = context.conversation?.messages.length ?? 0;
  const totals: Totals = { errors: 0, warnings: 0, infos: 0, strengths: 0, files: 0, skipped: 0 };
  let failing = false;
  let unreadable = failed;
  let contextShown = false;
  let firstJson = true;
  if (opts.format === 'json') await out.out('[');

  for (const input of list) {
    const read = await input.read();
    if (!read.ok) {
      out.err(`rapport: ${read.message}`);
      if (read.reason === 'binary') totals.skipped++;
      else unreadable++;
      continue;
    }
    for (const w of read.warnings) out.err(`rapport: warning: ${w}`);
    const notes = read.warnings.length ? ['decoded with replacement characters (not valid UTF-8)'] : [];
    let findings: Finding[] = [];
    let scores: Scores = contractScores(undefined);
    let summary: ContextSummary | undefined;
    if (!read.text.trim()) {
      notes.push('nothing to check: the draft is empty');
    } else {
      const result = engine.checkDraft(read.text, context.conversation);
      const draftIndex = contextLength;
      for (const d of result.diagnostics) {
        if (d.message !== undefined && d.message < draftIndex && context.file) out.err(`rapport: ${context.file}:${context.line ?? 1}: ${d.text}`);
        else if (d.message === undefined || d.message >= draftIndex) out.err(`rapport: ${input.display}: ${d.text}`);
      }
      findings = result.findings.filter((f) => f.message === draftIndex && (opts.strengths || f.kind !== 'strength'));
      scores = contractScores(result.messages[draftIndex]?.scores);
      if (contextLength && !contextShown) {
        const signals = [...new Set(result.findings.filter((f) => f.kind === 'signal' && f.message < draftIndex).map((f) => f.category as SignalCategory))];
        const lastCustomer = [...result.messages].reverse().find((m) => m.index < draftIndex && m.role === 'customer');
        summary = { messages: contextLength, signals, ...(lastCustomer?.expertise ? { expertise: lastCustomer.expertise } : {}) };
      }
    }
    totals.files++;
    const index = new LineIndex(read.text);
    const positioned = findings.filter((f) => f.kind !== 'signal').map((f) => withPosition(f, index));
    const problems = positioned.filter((f) => f.kind === 'problem');
    const strengths = positioned.filter((f) => f.kind === 'strength');
    positioned.splice(0, positioned.length, ...problems, ...strengths);
    for (const f of problems) {
      if (f.severity === 'error') totals.errors++;
      else if (f.severity === 'warning') totals.warnings++;
      else totals.infos++;
      if (reachesFailOn(f.severity, opts.failOn)) failing = true;
    }
    totals.strengths += strengths.length;
    const report: DraftReport = { file: input.display, text: read.text, findings: positioned, scores, notes };
    if (opts.format === 'json') {
      const entry: Record<string, unknown> = { file: report.file, findings: positioned, scores };
      if (notes.length) entry.notes = notes;
      await out.out(`${firstJson ? '' : ','}\n${JSON.stringify(entry)}`);
      firstJson = false;
    } else {
      if (summary) {
        await out.out(formatContext(summary, c) + '\n');
        contextShown = true;
      }
      await out.out(formatDraft(report, c, { strengths: opts.strengths }));
    }
  }
  if (opts.format === 'json') await out.out(firstJson ? ']\n' : '\n]\n');
  else await out.out(formatSummary(totals, c));
  if (unreadable) return 2;
  return failing ? 1 : 0;
}
