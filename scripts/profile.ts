// `npm run profile`: where the engine spends its time, from Node's own CPU
// profiler. Runs the benchmark's corpus (real customer text answered by
// templated replies) through one engine under `--cpu-prof`, then prints the
// self time by function and by source file. A tool for engine work, not a test.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

async function work(seconds: number): Promise<void> {
  const { Engine } = await import('../src/engine/engine.js');
  const { agentReply, ircTexts, rng, twcsCustomerTexts } = await import('./bench.js');
  const r = rng(20260302);
  const real = [...twcsCustomerTexts(), ...ircTexts()];
  const engine = new Engine();
  const conversations = Array.from({ length: 1500 }, (_, i) => ({
    id: `P-${i}`, channel: 'chat' as const,
    messages: Array.from({ length: 2 + 2 * Math.floor(r() * 3) }, (_, k) => ({
      role: (k % 2 === 0 ? 'customer' : 'agent') as 'customer' | 'agent',
      text: k % 2 === 0 ? (real.length ? real[Math.floor(r() * real.length)]! : 'my laptop will not start') : agentReply(r, 20 + Math.floor(r() * 120)),
    })),
  }));
  const end = Date.now() + seconds * 1000;
  let n = 0;
  while (Date.now() < end) for (const c of conversations) { engine.analyze(c); n++; }
  console.log(`profiled: ${n} conversations of the bench corpus analysed in ${seconds} s under --cpu-prof`);
}

function summarise(file: string, top: number): string[] {
  const lines: string[] = [];
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    const file = f.url.startsWith('file:') ? relative(root, fileURLToPath(f.url)) : f.url || `(${f.functionName || 'native'})`;
    const key = `${f.functionName || "(anonymous)"}  ${file}${f.lineNumber > 0 ? `:${f.lineNumber + 1}` : ""}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    byFile.set(file, (byFile.get(file) ?? 0) + t);
  }
  const show = (title: string, m: Map<string, number>): void => {
    lines.push('', title);
    for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
  };
  show('self time by source file', byFile);
  show('self time by function', byFn);
  return lines;
}

/** Profiles the engine on the bench corpus for `seconds` in a child process; the summary's lines. */
export function profileEngine(seconds = 12, top = 40): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-prof-'));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), '--child'], {
      stdio: ['ignore', 'pipe', 'inherit'], cwd: root, encoding: 'utf8', env: { ...process.env, PROFILE_SECONDS: String(seconds) },
    });
    if (r.status !== 0) throw new Error(`the profiled run failed (exit ${r.status})`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    return [r.stdout.trim(), ...summarise(join(dir, file), top)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--child')) {
  await work(Number(process.env.PROFILE_SECONDS ?? 12));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of profileEngine(Number(process.env.PROFILE_SECONDS ?? 12), Number(process.env.PROFILE_TOP ?? 40))) console.log(line);
}
