// `npm run eval`: measures the engine against the team's gold set
// (gold/messages/*.jsonl, labelled per gold/LABELING.md). For every case the
// last message is the agent reply under judgement; its categories are compared
// as a set with the labels, and every customer message's signals likewise.
// Prints per-category precision, recall and F1, the micro-F1, and the
// accuracy of the customer-expertise estimate. Then the same for whole
// timestamped conversations (gold/conversations/*.jsonl): the five
// conversation categories, each finding matched by its message, the promise
// ledger's states and the outcome.
//
//   npm run eval                      the table
//   npm run eval -- --show jargon     also the false positives and negatives for a category
//   npm run eval -- --json            machine-readable figures
//   npm run eval -- --dir DIR         another labelled set of messages in the same format
//   npm run eval -- --conversations DIR   another labelled set of conversations
//   npm run eval -- --readme          also write the figures into README.md (between the eval markers)

import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Engine } from '../src/engine/engine.js';
import { parseConfig } from '../src/engine/config.js';
import { CONVERSATION_PROBLEMS } from '../src/engine/types.js';
import { isCategory, type Conversation, type Expertise, type Message } from '../src/engine/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface GoldCase {
  id: string;
  domain?: string;
  channel?: string;
  trap?: string | null;
  messages: Message[];
  expect: { reply: string[]; signals: Record<string, string[]>; expertise?: Expertise };
  file: string;
  line: number;
}

export function loadGold(dir = join(root, 'gold/messages')): { cases: GoldCase[]; errors: string[] } {
  const cases: GoldCase[] = [];
  const errors: string[] = [];
  if (!existsSync(dir)) return { cases, errors: [`${dir}: no gold set`] };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const file = relative(root, join(dir, name));
    readFileSync(join(dir, name), 'utf8').split('\n').forEach((raw, i) => {
      if (!raw.trim()) return;
      try {
        const c = JSON.parse(raw) as GoldCase;
        const last = c.messages?.[c.messages.length - 1];
        if (!c.id || !Array.isArray(c.messages) || !last || last.role !== 'agent' || !c.expect || !Array.isArray(c.expect.reply)) throw new Error('needs id, messages ending with an agent reply, and expect.reply');
        for (const cat of [...c.expect.reply, ...Object.values(c.expect.signals ?? {}).flat()]) if (!isCategory(cat)) throw new Error(`unknown category "${cat}"`);
        cases.push({ ...c, file, line: i + 1 });
      } catch (e) {
        errors.push(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
  }
  return { cases, errors };
}

interface Counts { tp: number; fp: number; fn: number }

/** Per-category precision, recall and F1 from the counts, and the micro averages over all of them. */
function tally(entries: Array<[string, Counts]>): Pick<EvalReport, 'perCategory' | 'micro'> {
  const perCategory: EvalReport['perCategory'] = {};
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  const prf = (k: Counts): { precision: number; recall: number; f1: number } => {
    const precision = k.tp + k.fp ? k.tp / (k.tp + k.fp) : 0;
    const recall = k.tp + k.fn ? k.tp / (k.tp + k.fn) : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  for (const [cat, k] of entries) {
    perCategory[cat] = { ...k, ...prf(k), support: k.tp + k.fn };
    all.tp += k.tp;
    all.fp += k.fp;
    all.fn += k.fn;
  }
  return { perCategory, micro: prf(all) };
}
export interface EvalReport {
  cases: number;
  perCategory: Record<string, Counts & { precision: number; recall: number; f1: number; support: number }>;
  micro: { precision: number; recall: number; f1: number };
  expertise: { correct: number; total: number; accuracy: number };
  errors: Array<{ category: string; type: 'fp' | 'fn'; id: string; file: string; line: number; text: string }>;
}

/** Categories evaluated on the gold set (timing categories need timestamps and are not in it). */
const EXCLUDED = new Set(['radio-silence', 'broken-promise', 'unresolved-close']);

export function evaluate(cases: GoldCase[], engine = new Engine()): EvalReport {
  const counts = new Map<string, Counts>();
  const bump = (cat: string, k: keyof Counts): void => {
    let c = counts.get(cat);
    if (!c) counts.set(cat, (c = { tp: 0, fp: 0, fn: 0 }));
    c[k]++;
  };
  const errors: EvalReport['errors'] = [];
  let expCorrect = 0;
  let expTotal = 0;
  for (const c of cases) {
    const conversation: Conversation = { id: c.id, messages: c.messages, ...(c.channel ? { channel: c.channel as Conversation['channel'] } : {}) };
    const result = engine.analyze(conversation);
    const lastIndex = c.messages.length - 1;
    const compare = (gold: Set<string>, predicted: Set<string>, where: number): void => {
      for (const cat of new Set([...gold, ...predicted])) {
        if (EXCLUDED.has(cat)) continue;
        if (gold.has(cat) && predicted.has(cat)) bump(cat, 'tp');
        else if (predicted.has(cat)) {
          bump(cat, 'fp');
          errors.push({ category: cat, type: 'fp', id: c.id, file: c.file, line: c.line, text: c.messages[where]!.text });
        } else {
          bump(cat, 'fn');
          errors.push({ category: cat, type: 'fn', id: c.id, file: c.file, line: c.line, text: c.messages[where]!.text });
        }
      }
    };
    const at = (i: number, kinds: string[]): Set<string> => new Set(result.findings.filter((f) => f.message === i && kinds.includes(f.kind)).map((f) => f.category));
    compare(new Set(c.expect.reply), at(lastIndex, ['problem', 'strength']), lastIndex);
    c.messages.forEach((m, i) => {
      if (m.role !== 'customer') return;
      compare(new Set(c.expect.signals?.[String(i)] ?? []), at(i, ['signal']), i);
    });
    if (c.expect.expertise) {
      const customers = result.messages.filter((m) => m.role === 'customer');
      const predicted = customers[customers.length - 1]?.expertise;
      if (predicted) {
        expTotal++;
        if (predicted === c.expect.expertise) expCorrect++;
      }
    }
  }
  const { perCategory, micro } = tally([...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])));
  return {
    cases: cases.length,
    perCategory,
    micro,
    expertise: { correct: expCorrect, total: expTotal, accuracy: expTotal ? expCorrect / expTotal : 0 },
    errors,
  };
}

export function formatReport(r: EvalReport): string {
  const pct = (x: number): string => x.toFixed(3);
  const lines = [`Gold set: ${r.cases} cases`, '', 'category              support   TP   FP   FN  precision  recall     F1'];
  for (const [cat, k] of Object.entries(r.perCategory)) {
    lines.push(`${cat.padEnd(20)} ${String(k.support).padStart(8)} ${String(k.tp).padStart(4)} ${String(k.fp).padStart(4)} ${String(k.fn).padStart(4)}  ${pct(k.precision).padStart(9)}  ${pct(k.recall).padStart(6)}  ${pct(k.f1).padStart(5)}`);
  }
  lines.push('', `micro-F1 ${pct(r.micro.f1)} (precision ${pct(r.micro.precision)}, recall ${pct(r.micro.recall)})`);
  const worst = Object.entries(r.perCategory).filter(([, k]) => k.support > 0).sort((a, b) => a[1].f1 - b[1].f1)[0];
  if (worst) lines.push(`lowest category F1: ${worst[0]} ${pct(worst[1].f1)}`);
  lines.push(`expertise accuracy ${pct(r.expertise.accuracy)} (${r.expertise.correct}/${r.expertise.total})`);
  return lines.join('\n');
}

// ------------------------------------------------------------ conversations

export interface ConversationGoldCase {
  id: string;
  channel?: string;
  trap?: string | null;
  config?: Record<string, unknown>;
  status?: string;
  messages: Message[];
  expect: { conversation: Record<string, number[]>; promises?: Array<{ message: number; state: string }>; outcome?: string };
  file: string;
  line: number;
}

export function loadConversationGold(dir = join(root, 'gold/conversations')): { cases: ConversationGoldCase[]; errors: string[] } {
  const cases: ConversationGoldCase[] = [];
  const errors: string[] = [];
  if (!existsSync(dir)) return { cases, errors };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const file = relative(root, join(dir, name));
    readFileSync(join(dir, name), 'utf8').split('\n').forEach((raw, i) => {
      if (!raw.trim()) return;
      try {
        const c = JSON.parse(raw) as ConversationGoldCase;
        if (!c.id || !Array.isArray(c.messages) || !c.expect || typeof c.expect.conversation !== 'object') throw new Error('needs id, messages and expect.conversation');
        for (const cat of Object.keys(c.expect.conversation)) if (!(CONVERSATION_PROBLEMS as readonly string[]).includes(cat)) throw new Error(`"${cat}" is not a conversation category`);
        cases.push({ ...c, file, line: i + 1 });
      } catch (e) {
        errors.push(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
  }
  return { cases, errors };
}

export interface ConversationEvalReport {
  cases: number;
  perCategory: EvalReport['perCategory'];
  micro: { precision: number; recall: number; f1: number };
  promises: { gold: number; found: number; matched: number; stateCorrect: number; precision: number; recall: number; stateAccuracy: number };
  outcome: { correct: number; total: number; accuracy: number };
  errors: Array<{ id: string; file: string; line: number; what: string }>;
}

/** Each finding is matched on (category, message): the right problem on the right message. */
export function evaluateConversations(cases: ConversationGoldCase[]): ConversationEvalReport {
  const engines = new Map<string, Engine>();
  const engineFor = (config: Record<string, unknown> | undefined): Engine => {
    const key = JSON.stringify(config ?? {});
    let e = engines.get(key);
    if (!e) {
      const parsed = parseConfig(config ?? {}, 'gold case');
      if (parsed.errors.length) throw new Error(parsed.errors.map((x) => x.message).join('; '));
      engines.set(key, (e = new Engine(parsed.config)));
    }
    return e;
  };
  const counts = new Map<string, Counts>();
  for (const cat of CONVERSATION_PROBLEMS) counts.set(cat, { tp: 0, fp: 0, fn: 0 });
  const errors: ConversationEvalReport['errors'] = [];
  const pr = { gold: 0, found: 0, matched: 0, stateCorrect: 0 };
  let outcomeCorrect = 0;
  let outcomeTotal = 0;
  for (const c of cases) {
    const { file, line, expect, config, trap: _t, ...conversation } = c;
    void _t;
    const result = engineFor(config).analyze(conversation);
    for (const cat of CONVERSATION_PROBLEMS) {
      const gold = new Set(expect.conversation[cat] ?? []);
      const found = new Set(result.findings.filter((f) => f.category === cat).map((f) => f.message));
      const k = counts.get(cat)!;
      for (const m of new Set([...gold, ...found])) {
        if (gold.has(m) && found.has(m)) k.tp++;
        else if (found.has(m)) {
          k.fp++;
          errors.push({ id: c.id, file, line, what: `${cat} FP on message ${m}` });
        } else {
          k.fn++;
          errors.push({ id: c.id, file, line, what: `${cat} FN on message ${m}` });
        }
      }
    }
    const goldPromises = expect.promises ?? [];
    pr.gold += goldPromises.length;
    pr.found += result.promises.length;
    const used = new Set<number>();
    for (const g of goldPromises) {
      const i = result.promises.findIndex((p, j) => !used.has(j) && p.message === g.message);
      if (i < 0) {
        errors.push({ id: c.id, file, line, what: `promise on message ${g.message} (${g.state}) not found` });
        continue;
      }
      used.add(i);
      pr.matched++;
      if (result.promises[i]!.state === g.state) pr.stateCorrect++;
      else errors.push({ id: c.id, file, line, what: `promise on message ${g.message}: ${result.promises[i]!.state}, expected ${g.state}` });
    }
    result.promises.forEach((p, j) => {
      if (!used.has(j)) errors.push({ id: c.id, file, line, what: `extra promise on message ${p.message}: "${p.excerpt}" (${p.state})` });
    });
    if (expect.outcome) {
      outcomeTotal++;
      if (result.outcome === expect.outcome) outcomeCorrect++;
      else errors.push({ id: c.id, file, line, what: `outcome ${result.outcome}, expected ${expect.outcome}` });
    }
  }
  const { perCategory, micro } = tally([...counts.entries()]);
  return {
    cases: cases.length,
    perCategory,
    micro,
    promises: {
      ...pr,
      precision: pr.found ? pr.matched / pr.found : 0,
      recall: pr.gold ? pr.matched / pr.gold : 0,
      stateAccuracy: pr.matched ? pr.stateCorrect / pr.matched : 0,
    },
    outcome: { correct: outcomeCorrect, total: outcomeTotal, accuracy: outcomeTotal ? outcomeCorrect / outcomeTotal : 0 },
    errors,
  };
}

export function formatConversationReport(r: ConversationEvalReport): string {
  const pct = (x: number): string => x.toFixed(3);
  const lines = [`Conversation gold: ${r.cases} conversations (each finding matched on its message)`, '', 'category              support   TP   FP   FN  precision  recall     F1'];
  for (const [cat, k] of Object.entries(r.perCategory)) {
    lines.push(`${cat.padEnd(20)} ${String(k.support).padStart(8)} ${String(k.tp).padStart(4)} ${String(k.fp).padStart(4)} ${String(k.fn).padStart(4)}  ${pct(k.precision).padStart(9)}  ${pct(k.recall).padStart(6)}  ${pct(k.f1).padStart(5)}`);
  }
  lines.push('', `micro-F1 ${pct(r.micro.f1)} over the five conversation categories (precision ${pct(r.micro.precision)}, recall ${pct(r.micro.recall)})`);
  const p = r.promises;
  lines.push(`promise ledger: ${p.matched}/${p.gold} promises found (recall ${pct(p.recall)}, precision ${pct(p.precision)}), state right for ${p.stateCorrect}/${p.matched} (${pct(p.stateAccuracy)})`);
  lines.push(`outcome accuracy ${pct(r.outcome.accuracy)} (${r.outcome.correct}/${r.outcome.total})`);
  return lines.join('\n');
}

/** Replaces the block between `<!-- eval:start -->` and `<!-- eval:end -->` in README.md with these figures. */
function writeReadme(r: EvalReport, c: ConversationEvalReport | undefined): void {
  const file = join(root, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- eval:start -->');
  const end = text.indexOf('<!-- eval:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no <!-- eval:start --> … <!-- eval:end --> block');
  const pct = (x: number): string => x.toFixed(3);
  const rows = (per: EvalReport['perCategory']): string[] =>
    Object.entries(per).map(([cat, k]) => `| \`${cat}\` | ${k.support} | ${pct(k.precision)} | ${pct(k.recall)} | ${pct(k.f1)} |`);
  const lines = [
    '<!-- eval:start -->',
    `Written by \`npm run eval -- --readme\` on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `**Messages** (${r.cases} agent replies with their context): micro-F1 **${pct(r.micro.f1)}** (precision ${pct(r.micro.precision)}, recall ${pct(r.micro.recall)}); customer expertise right for ${r.expertise.correct}/${r.expertise.total} (${pct(r.expertise.accuracy)}).`,
  ];
  if (c) {
    lines.push('', `**Conversations** (${c.cases} timestamped exchanges, each finding matched on its message): micro-F1 **${pct(c.micro.f1)}** over the five conversation categories (precision ${pct(c.micro.precision)}, recall ${pct(c.micro.recall)}); promise ledger: ${c.promises.matched}/${c.promises.gold} promises found, state right for ${c.promises.stateCorrect}/${c.promises.matched}; outcome right for ${c.outcome.correct}/${c.outcome.total}.`);
  }
  lines.push('', '<details><summary>Per category</summary>', '', '| category | support | precision | recall | F1 |', '|---|---:|---:|---:|---:|', ...rows(r.perCategory));
  if (c) lines.push(...rows(c.perCategory).map((l) => l.replace(/^\| `([^`]+)`/, '| `$1` (conversations)')));
  lines.push('', '</details>', '<!-- eval:end -->');
  writeFileSync(file, text.slice(0, start) + lines.join('\n') + text.slice(end + '<!-- eval:end -->'.length));
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { values } = parseArgs({ options: { show: { type: 'string', multiple: true }, json: { type: 'boolean' }, limit: { type: 'string' }, dir: { type: 'string' }, conversations: { type: 'string' }, 'show-conversations': { type: 'boolean' }, readme: { type: 'boolean' } } });
  const { cases, errors } = loadGold(values.dir);
  for (const e of errors) console.error(e);
  const report = evaluate(cases);
  const conv = loadConversationGold(values.conversations);
  for (const e of conv.errors) console.error(e);
  errors.push(...conv.errors);
  const convReport = conv.cases.length ? evaluateConversations(conv.cases) : undefined;
  if (values.json) console.log(JSON.stringify({ ...report, errors: undefined, conversations: convReport ? { ...convReport, errors: undefined } : null }, null, 2));
  else {
    console.log(formatReport(report));
    if (convReport) console.log(`\n${formatConversationReport(convReport)}`);
  }
  if (values.readme) writeReadme(report, convReport);
  if (convReport && values['show-conversations']) for (const e of convReport.errors) console.log(`${e.file}:${e.line} [${e.id}] ${e.what}`);
  for (const cat of values.show ?? []) {
    const limit = Number(values.limit ?? 40);
    for (const type of ['fp', 'fn'] as const) {
      const rows = report.errors.filter((e) => e.category === cat && e.type === type).slice(0, limit);
      console.log(`\n--- ${cat} ${type === 'fp' ? 'false positives' : 'false negatives'} (${rows.length}) ---`);
      for (const e of rows) console.log(`${e.file}:${e.line} [${e.id}] ${e.text.replace(/\n/g, ' ⏎ ').slice(0, 300)}`);
    }
  }
  if (errors.length) process.exitCode = 1;
}
