// `npm run bench`: how fast the engine is, on one core, in-process.
//
// Corpus: agent-style replies generated from templates (below, deterministic),
// answering real customer text when the evaluation data is present:
//   ../shared/data/twcs-sample/          customer tweets to support accounts
//   ../shared/data/ubuntu-irc-disentanglement/  #ubuntu help-channel lines
// (otherwise templated customer messages stand in). Reports throughput on the
// corpus (median of three passes after a warm-up pass), per-draft latency (median, p99) of engine.checkDraft
// for 50-, 150- and 500-word replies with a customer message as context, engine
// construction time and peak RSS. Then the peers on the corpus's agent
// replies — alex, write-good, retext with seven plugins, one 200-way regular
// expression (scripts/bench/peers.ts; `--no-peers` skips it) — and the cost per
// character as one message grows 1,000-fold and on adversarial inputs
// (scripts/bench/linear.ts; `--no-linear` skips it); the engine bundle re-analysing
// a draft per keystroke in headless Chromium (scripts/bench/browser.ts;
// `--no-browser` skips it). Then `rapport audit` (the
// built CLI) on a generated archive of 1,000,000 messages with timestamps, with
// 1 and 2 worker threads: wall time, messages/s and the process's peak RSS
// (`--audit-messages N` changes the size; `--no-audit` skips it).
// Then Node's CPU profile of the engine on the corpus (`--no-profile` skips it),
// and issue 5's targets beside this run's figures.
// Prints figures only; nothing here asserts on time.

import { closeSync, createWriteStream, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { cpus, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { Engine, type Conversation } from '../src/engine/index.js';
import { fmt, table } from './bench/format.js';
import { linearBench } from './bench/linear.js';
import { peerBench } from './bench/peers.js';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));

// ------------------------------------------------------------ deterministic randomness
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
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// ------------------------------------------------------------ agent reply templates
const NAMES = ['Priya', 'Tom', 'Ana', 'Marco', 'Ruth', 'Glenn', 'Hana', 'Sofia', 'Dev', 'Kit'];
const THINGS = ['laptop', 'printer', 'VPN connection', 'Outlook mailbox', 'Wi-Fi', 'Teams client', 'shared drive', 'phone', 'monitor', 'password reset'];
const OPENERS = [
  'Hi {name}, thanks for getting in touch.',
  'Hello {name},',
  'Thanks for the details, {name}.',
  'Hi {name}, I can see why that is frustrating.',
  'Good morning {name}.',
];
const ACKS = [
  "I'm sorry the {thing} keeps letting you down, especially when you have work to finish.",
  'Thanks for trying a restart already, that saves us a step.',
  'So the {thing} worked yesterday and stopped this morning, is that right?',
  'We apologize for any inconvenience caused.',
  "That sounds really annoying, let's get it sorted.",
  "I've had a look at your account and the {thing} shows up on our side.",
];
const BODY = [
  'Restart the {thing} and it will work.',
  'Please close every open window, then hold the power button for ten seconds.',
  'This usually happens after an update changes a setting without asking.',
  'Flush the DNS cache and renew your DHCP lease, then reconnect to the VPN.',
  'The cache is like a notepad your computer keeps, and sometimes the notes go out of date.',
  'I can reset the {thing} from here, which takes about five minutes.',
  "You should have received an email from us with a link; it's worth checking the junk folder.",
  'Obviously you need to save your work before we do this.',
  "I've checked the server logs and there are no errors from your account.",
  'It will never happen again once this patch is installed.',
  'If the light on the front is orange rather than green, the cable is probably loose.',
  "We can't change the licence today, but I can give you a temporary key right now.",
  'Not my department, you need to call the vendor.',
  "I'm checking the mail queue now and will know more in a few minutes.",
];
const STEPS = [
  'Open the Start menu and type Settings.',
  'Choose Network, then Wi-Fi.',
  'Click Forget next to the office network.',
  'Connect again and enter your usual password.',
  'Restart the laptop once it says Connected.',
  'Open Outlook and sign in with your new password.',
];
const CLOSERS = [
  "If that doesn't sort it, just reply here and I'll call you.",
  "I'll update you by 3pm either way.",
  'Let me know how you get on.',
  'Thanks, Service Desk',
  'Calm down, it is not a big deal.',
  'Have a good afternoon.',
];

const fill = (s: string, r: () => number): string => s.replace('{name}', pick(r, NAMES)).replace('{thing}', pick(r, THINGS));
const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** An agent reply of about `target` words: opener, acknowledgment, body (sometimes steps), closer. */
export function agentReply(r: () => number, target: number): string {
  const paras: string[] = [fill(pick(r, OPENERS), r)];
  let para: string[] = [fill(pick(r, ACKS), r)];
  let count = words(paras[0]!) + words(para[0]!);
  const closer = fill(pick(r, CLOSERS), r);
  while (count + words(closer) < target) {
    if (r() < 0.15) {
      paras.push(para.join(' '));
      para = [];
      const n = 2 + Math.floor(r() * 3);
      const steps = Array.from({ length: n }, (_, i) => `${i + 1}. ${pick(r, STEPS)}`);
      paras.push(steps.join('\n'));
      count += words(steps.join(' '));
    } else {
      const s = fill(pick(r, BODY), r);
      para.push(s);
      count += words(s);
      if (para.length >= 4) {
        paras.push(para.join(' '));
        para = [];
      }
    }
  }
  if (para.length) paras.push(para.join(' '));
  paras.push(closer);
  return paras.join('\n\n');
}

const CUSTOMER_TEMPLATES = [
  'My {thing} stopped working this morning and I have a deadline at noon.',
  "I've restarted the {thing} three times and it still doesn't work. This is ridiculous.",
  "I'm not very good with computers, what does 'authentication failed' mean?",
  'The {thing} is really slow since the update, can you help?',
  'I already told you the error code yesterday, why is nobody fixing this?',
];

// ------------------------------------------------------------ real customer text (if present)
export function twcsCustomerTexts(): string[] {
  const file = join(DATA, 'twcs-sample', 'twcs_first5000.csv.gz');
  if (!existsSync(file)) return [];
  const rows = parseCsv(gunzipSync(readFileSync(file)), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
  return rows.filter((r) => r.inbound === 'True' && r.text).map((r) => r.text!.replace(/@\w+\s*/g, '').trim()).filter(Boolean);
}

export function ircTexts(): string[] {
  const dir = join(DATA, 'ubuntu-irc-disentanglement');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const split of ['dev', 'test']) {
    const d = join(dir, split);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).filter((x) => x.endsWith('.raw.txt.gz')).sort()) {
      for (const line of gunzipSync(readFileSync(join(d, f))).toString('utf8').split('\n')) {
        const m = /^\[\d\d:\d\d\] <[^>]+> (.+)$/.exec(line);
        if (m && m[1]!.split(' ').length >= 4) out.push(m[1]!);
      }
    }
  }
  return out;
}

// ------------------------------------------------------------ measuring
function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

// ------------------------------------------------------------ output

/** Everything printed, for docs/PERFORMANCE.md. */
const printed: string[] = [];
function say(line = ''): void {
  console.log(line);
  printed.push(line);
}

/** docs/PERFORMANCE.md: the figures exactly as this run printed them. */
/** The figures issue 5's acceptance names, as measured in this run (printed at the end). */
const measured: Record<string, number> = {};

function writePerformance(args: string[]): void {
  const file = fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url));
  const text = [
    '# Performance',
    '',
    `Written by \`npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}, on this machine (${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node.js ${process.version}). The figures are what the command printed; nothing here is written by hand.`,
    '',
    '```text',
    ...printed,
    '```',
    '',
  ].join('\n');
  writeFileSync(file, text);
}

// ------------------------------------------------------------ the archive audit

const CHANNELS = ['chat', 'chat', 'email', 'ticket', 'sms'] as const;

/** Writes a JSON Lines archive of about `total` messages: timestamped multi-turn conversations. */
async function writeArchive(path: string, total: number, customerText: () => string, r: () => number): Promise<{ conversations: number; messages: number; bytes: number }> {
  const out = createWriteStream(path);
  let messages = 0;
  let conversations = 0;
  let clock = Date.parse('2026-01-05T08:00:00Z');
  while (messages < total) {
    const channel = pick(r, CHANNELS);
    const turns = 2 + 2 * Math.floor(r() * 4);
    const step = channel === 'chat' || channel === 'sms' ? 60_000 : 3 * 3_600_000;
    let t = clock;
    const msgs = [];
    for (let k = 0; k < turns; k++) {
      t += Math.floor(step * (0.2 + r() * 1.5));
      const customer = k % 2 === 0;
      msgs.push({ role: customer ? 'customer' : 'agent', author: customer ? `cust-${conversations % 5000}` : pick(r, NAMES), at: new Date(t).toISOString(), text: customer ? customerText() : agentReply(r, 20 + Math.floor(r() * 100)) });
    }
    clock += 90_000;
    messages += msgs.length;
    conversations++;
    if (!out.write(`${JSON.stringify({ id: `A-${conversations}`, channel, team: `team-${conversations % 4}`, messages: msgs })}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { conversations, messages, bytes: statSync(path).size };
}

/** Runs the built CLI on the archive; wall time and the process's peak RSS (all threads). */
function auditRun(archive: string, workers: number): { ms: number; rssMb: number; ok: boolean; lines: number } {
  const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
  // A tiny launcher beside the archive: runs the CLI, then reports the process's peak RSS (all threads).
  const runner = `${archive}.run.mjs`;
  writeFileSync(runner, `import(${JSON.stringify(main)}).then((m) => m.main(process.argv.slice(2))).then((code) => { process.stderr.write('\\nRSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code; });\n`);
  const out = `${archive}.out-${workers}.jsonl`;
  const t0 = performance.now();
  const res = spawnSync(process.execPath, [runner, 'audit', archive, '--workers', String(workers), '--no-progress', '-o', out], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const m = /RSS (\d+)/.exec(res.stderr ?? '');
  // Count the output lines in chunks: the output of a million messages is larger than a string may be.
  let lines = 0;
  try {
    const fd = openSync(out, 'r');
    const buf = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
    closeSync(fd);
    rmSync(out);
  } catch {
    /* no output */
  }
  if (res.status !== 0) process.stderr.write(res.stderr.slice(-2000));
  return { ms, rssMb: m ? Number(m[1]) / 1024 : NaN, ok: res.status === 0, lines };
}

async function archiveBench(total: number, customerText: () => string, r: () => number): Promise<void> {
  if (!existsSync(fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)))) {
    say('\n(archive audit skipped: the CLI is not built; run `npm run build` first)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  const archive = join(dir, 'archive.jsonl');
  try {
    const t0 = performance.now();
    const a = await writeArchive(archive, total, customerText, r);
    const genMs = performance.now() - t0;
    say(`\nrapport audit on a generated archive: ${a.conversations} conversations, ${a.messages} messages, ${(a.bytes / 1e6).toFixed(0)} MB of JSON Lines (written in ${fmt(genMs / 1000, 1)} s); ${availableParallelism()} cores`);
    const rows: string[][] = [['workers', 'wall time (s)', 'messages/s', 'peak RSS (MB)', 'lines out', 'exit']];
    for (const w of [1, 2]) {
      const run = auditRun(archive, w);
      rows.push([String(w), fmt(run.ms / 1000, 1), fmt(a.messages / (run.ms / 1000), 0), fmt(run.rssMb, 0), String(run.lines), run.ok ? 'ok' : 'FAILED']);
      if (w === 2 && run.ok) {
        measured['audit.2.seconds'] = (run.ms / 1000) * (1_000_000 / a.messages);
        measured['audit.2.rss'] = run.rssMb;
      }
    }
    say(table(rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface MainResult {
  customerText: () => string;
  r: () => number;
  engine: Engine;
  conversations: Conversation[];
  /** Engine throughput on the corpus conversations (customer and agent turns). */
  corpusRate: number;
}

function main(): MainResult {
  const r = rng(20260302);
  const twcs = twcsCustomerTexts();
  const irc = ircTexts();
  const real = [...twcs, ...irc];
  const customerText = (): string => (real.length ? pick(r, real) : fill(pick(r, CUSTOMER_TEMPLATES), r));

  // Engine construction: the first one (cold) now; the median of ten more at the end,
  // after peak RSS has been read for the single engine the runs use.
  let t0 = performance.now();
  let engine = new Engine();
  const coldBuild = performance.now() - t0;

  // Throughput corpus: conversations of customer (real) / agent (templated) turns.
  const conversations: Conversation[] = [];
  let messages = 0;
  let chars = 0;
  for (let i = 0; i < 1500; i++) {
    const turns = 2 + 2 * Math.floor(r() * 3);
    const msgs: Conversation['messages'] = [];
    for (let k = 0; k < turns; k++) {
      const text = k % 2 === 0 ? customerText() : agentReply(r, 20 + Math.floor(r() * 120));
      msgs.push({ role: k % 2 === 0 ? 'customer' : 'agent', text });
      chars += text.length;
    }
    messages += msgs.length;
    conversations.push({ id: `B-${i}`, channel: 'chat', messages: msgs });
  }
  // Warm-up: one whole pass (the JIT, and the phrase automaton's lazily built states, settle on
  // this text); then the median of three timed passes.
  for (const c of conversations) engine.analyze(c);
  let findings = 0;
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    t0 = performance.now();
    findings = 0;
    for (const c of conversations) findings += engine.analyze(c).findings.length;
    passes.push(performance.now() - t0);
  }
  const corpusMs = quantile(passes.sort((a, b) => a - b), 0.5);

  // Latency per draft with a customer message as context.
  const latency: string[][] = [['draft', 'words (mean)', 'runs', 'median ms', 'p99 ms', 'max ms']];
  for (const target of [50, 150, 500]) {
    const runs = target === 500 ? 300 : 500;
    const drafts = Array.from({ length: runs }, () => ({ draft: agentReply(r, target), context: { messages: [{ role: 'customer' as const, text: customerText() }] } }));
    for (const d of drafts.slice(0, 50)) engine.checkDraft(d.draft, d.context); // warm-up
    const times: number[] = [];
    for (const d of drafts) {
      const t = performance.now();
      engine.checkDraft(d.draft, d.context);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const meanWords = drafts.reduce((n, d) => n + words(d.draft), 0) / drafts.length;
    latency.push([`${target}-word reply`, fmt(meanWords, 0), String(runs), fmt(quantile(times, 0.5)), fmt(quantile(times, 0.99)), fmt(times[times.length - 1]!)]);
    measured[`p99.${target}`] = quantile(times, 0.99);
  }

  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const builds: number[] = [];
  for (let i = 0; i < 10; i++) {
    t0 = performance.now();
    engine = new Engine();
    builds.push(performance.now() - t0);
  }
  builds.sort((a, b) => a - b);
  const peakAfterBuildsMb = process.resourceUsage().maxRSS / 1024;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  say(`Rapport engine benchmark — node ${process.version}, one core (${cpu}), ${engine.rules.length} rules, ${engine.lists.size} phrase lists`);
  say(`corpus: ${conversations.length} conversations, ${messages} messages (${(chars / 1e6).toFixed(2)} MB); customer text: ${real.length ? `${twcs.length} twcs tweets + ${irc.length} #ubuntu lines` : 'templates (shared/data not found)'}\n`);
  say(table([
    ['measure', 'value'],
    ['throughput (messages/s)', fmt(messages / (corpusMs / 1000), 0)],
    ['throughput (conversations/s)', fmt(conversations.length / (corpusMs / 1000), 0)],
    ['throughput (MB/s of text)', fmt(chars / 1e6 / (corpusMs / 1000))],
    ['findings on the corpus', String(findings)],
    ['engine construction, first (ms)', fmt(coldBuild)],
    ['engine construction, median of 10 (ms)', fmt(quantile(builds, 0.5))],
    ['peak RSS, one engine + all runs (MB)', fmt(peakRssMb, 1)],
    ['peak RSS after 10 more constructions (MB)', fmt(peakAfterBuildsMb, 1)],
  ]));
  say('');
  say(table(latency));
  return { customerText, r, engine, conversations, corpusRate: messages / (corpusMs / 1000) };
}

/** Issue 5, points 1 and 4: the peers on the corpus's agent replies, then cost against length. */
async function peersAndGrowth(m: MainResult, args: string[]): Promise<void> {
  const replies = m.conversations.flatMap((c) => c.messages.filter((x) => x.role === 'agent').map((x) => x.text)).slice(0, 300);
  if (!args.includes('--no-peers')) {
    const peers = await peerBench(m.engine, replies, say);
    measured['rapport.replies'] = peers.rapport;
    measured['alex'] = peers.byTool['alex 11'] ?? NaN;
    measured['write-good'] = peers.byTool['write-good'] ?? NaN;
    say(`(Rapport on the whole corpus above, customer turns and context included: ${fmt(m.corpusRate, 0)} messages/s.)`);
  }
  // A fixed seed of its own, so the archive below is the same whether or not this runs.
  if (!args.includes('--no-linear')) await linearBench(agentReply(rng(5), 100), replies.slice(0, 50), say);
}

/** Issue 5, point 3: the engine bundle in headless Chromium (scripts/bench/browser.ts; `--no-browser` skips it). */
async function browser(args: string[]): Promise<void> {
  if (args.includes('--no-browser')) return;
  try {
    // Loaded only here: playwright is not needed by the rest of the bench (or by npm run profile, which imports this file).
    const { browserBench } = await import('./bench/browser.js');
    const b = await browserBench();
    say('');
    for (const line of b.lines) say(line);
    measured['browser.p95'] = b.p95Ms;
    measured['bundle.gzip'] = b.gzipKb;
    measured['bundle.models'] = b.modelsGzipKb;
  } catch (e) {
    say(`\n(browser benchmark not run: ${(e as Error).message.split('\n')[0]})`);
  }
}

/** Issue 5's acceptance, point by point, from this run's figures (— where a part was skipped). */
function targets(m: MainResult): void {
  const f = (k: string, digits = 0): string => (Number.isFinite(measured[k]) ? fmt(measured[k]!, digits) : '—');
  const holds = (ok: boolean | undefined): string => (ok === undefined ? '—' : ok ? 'yes' : 'no');
  const has = (k: string): boolean => Number.isFinite(measured[k]);
  const rows: string[][] = [['target (issue 5)', 'needed', 'measured', 'holds']];
  rows.push(['messages/s on the corpus, one core', '≥ 20000', fmt(m.corpusRate, 0), holds(m.corpusRate >= 20000)]);
  const vs = (peer: string): number => measured['rapport.replies']! / measured[peer]!;
  rows.push(['Rapport ÷ alex (same replies)', '≥ 50×', has('alex') ? `${fmt(vs('alex'), 1)}×` : '—', has('alex') ? holds(vs('alex') >= 50) : '—']);
  rows.push(['Rapport ÷ write-good (same replies)', '≥ 9×', has('write-good') ? `${fmt(vs('write-good'), 1)}×` : '—', has('write-good') ? holds(vs('write-good') >= 9) : '—']);
  rows.push(['p99, 150-word reply with context (ms)', '≤ 1', f('p99.150', 2), holds(has('p99.150') ? measured['p99.150']! <= 1 : undefined)]);
  rows.push(['audit, 1M messages, 2 workers (s)', '< 120', f('audit.2.seconds', 0), holds(has('audit.2.seconds') ? measured['audit.2.seconds']! < 120 : undefined)]);
  rows.push(['audit, 1M messages, 2 workers: peak RSS (MB)', '< 512', f('audit.2.rss', 0), holds(has('audit.2.rss') ? measured['audit.2.rss']! < 512 : undefined)]);
  rows.push(['browser: keystroke on a 300-word draft, p95 (ms)', '≤ 4', f('browser.p95', 2), holds(has('browser.p95') ? measured['browser.p95']! <= 4 : undefined)]);
  rows.push(['browser: engine bundle (KB gzip)', '≤ 300', f('bundle.gzip', 0), holds(has('bundle.gzip') ? measured['bundle.gzip']! <= 300 : undefined)]);
  rows.push(['  learned weights, a second file loaded after it (KB gzip)', '', f('bundle.models', 0), '']);
  say('');
  say(table(rows));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const result = main();
  const { customerText, r } = result;
  await peersAndGrowth(result, args);
  await browser(args);
  if (!args.includes('--no-audit')) {
    const i = args.indexOf('--audit-messages');
    const total = i >= 0 ? Number(args[i + 1]) : 1_000_000;
    await archiveBench(Number.isFinite(total) && total > 0 ? total : 1_000_000, customerText, r);
  }
  if (!args.includes('--no-profile')) {
    // Where the time goes (issue 5 asks for the profile to be written down): Node's CPU profiler on the same corpus.
    const { profileEngine } = await import('./profile.js');
    say('\nWhere the engine spends its time (npm run profile: self time, top 15 by file and by function)');
    for (const line of profileEngine(12, 15)) say(line);
  }
  targets(result);
  writePerformance(args);
}
