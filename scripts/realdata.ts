// `npm run realdata`: the public support data in ../shared/data/ through the
// importers and the audit, summarised — what a team lead would see first —
// and written into README.md between the realdata markers. Reads the data in
// place; nothing is copied into the repository.
//
//   ../shared/data/twcs-sample/twcs_first5000.csv.gz          customer-support tweets (Twitter)
//   ../shared/data/ubuntu-irc-disentanglement/{dev,test}/     the #ubuntu help channel, threaded

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../src/engine/index.js';
import { importFile } from '../src/formats/import/index.js';
import { auditRecord, type AuditRecord } from '../src/formats/records.js';
import { AuditAggregator } from '../src/report/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(root, '..', 'shared', 'data');

interface Summary {
  name: string;
  command: string;
  conversations: number;
  messages: number;
  skipped: number;
  outcomes: Record<string, number>;
  categories: Array<[string, number]>;
  promises: Record<string, number>;
  scores: Record<string, number | null>;
  example?: { category: string; excerpt: string; explanation: string };
}

async function audit(name: string, command: string, files: string[]): Promise<Summary> {
  const engine = new Engine();
  const agg = new AuditAggregator();
  const s: Summary = { name, command, conversations: 0, messages: 0, skipped: 0, outcomes: {}, categories: [], promises: {}, scores: {} };
  const counts = new Map<string, number>();
  for (const f of files) {
    for await (const item of importFile(f)) {
      if (!item.ok) {
        s.skipped++;
        continue;
      }
      const result = engine.analyze(item.conversation);
      const rec: AuditRecord = JSON.parse(JSON.stringify(auditRecord(item.conversation, result))) as AuditRecord;
      agg.add(rec);
      s.conversations++;
      s.messages += rec.messageCount;
      s.outcomes[rec.outcome] = (s.outcomes[rec.outcome] ?? 0) + 1;
      for (const p of rec.promises) s.promises[p.state] = (s.promises[p.state] ?? 0) + 1;
      const seen = new Set<string>();
      for (const fi of rec.findings) {
        if (fi.kind !== 'problem' || seen.has(fi.category)) continue;
        seen.add(fi.category);
        counts.set(fi.category, (counts.get(fi.category) ?? 0) + 1);
        if (fi.category === 'broken-promise' && !s.example) s.example = { category: fi.category, excerpt: fi.excerpt, explanation: fi.explanation };
      }
    }
  }
  s.categories = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
  s.scores = { ...agg.summary().totals.scores };
  return s;
}

function ircFiles(): string[] {
  const dir = join(DATA, 'ubuntu-irc-disentanglement');
  const out: string[] = [];
  for (const split of ['dev', 'test']) {
    const d = join(dir, split);
    if (existsSync(d)) for (const f of readdirSync(d).filter((x) => x.endsWith('.raw.txt.gz')).sort()) out.push(join(d, f));
  }
  return out;
}

function render(all: Summary[]): string {
  const pct = (n: number, of: number): string => `${of ? Math.round((100 * n) / of) : 0} %`;
  const lines = ['<!-- realdata:start -->', `Written by \`npm run realdata\` on ${new Date().toISOString().slice(0, 10)}.`, ''];
  for (const s of all) {
    lines.push(`**${s.name}** (\`${s.command}\`): ${s.conversations} conversations, ${s.messages} messages${s.skipped ? `, ${s.skipped} records skipped` : ''}.`, '');
    const outcomes = Object.entries(s.outcomes).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${pct(n, s.conversations)}`).join(', ');
    lines.push(`- Outcomes: ${outcomes}.`);
    lines.push(`- Conversations with each of the most frequent problems: ${s.categories.map(([c, n]) => `\`${c}\` ${n} (${pct(n, s.conversations)})`).join(', ')}.`);
    const promises = Object.entries(s.promises).sort((a, b) => b[1] - a[1]).map(([st, n]) => `${n} ${st}`).join(', ');
    lines.push(`- Promises with a time: ${promises || 'none'}.`);
    lines.push(`- Mean skill scores: ${Object.entries(s.scores).map(([k, v]) => `${k} ${v ?? '—'}`).join(', ')}.`);
    if (s.example) lines.push(`- A broken promise it found: “${s.example.excerpt.replace(/\s+/g, ' ').slice(0, 160)}” — ${s.example.explanation}`);
    lines.push('');
  }
  lines.push('<!-- realdata:end -->');
  return lines.join('\n');
}

const summaries: Summary[] = [];
const twcs = join(DATA, 'twcs-sample', 'twcs_first5000.csv.gz');
if (existsSync(twcs)) summaries.push(await audit('Customer Support on Twitter, first 5,000 tweets', 'rapport audit ../shared/data/twcs-sample/twcs_first5000.csv.gz', [twcs]));
const irc = ircFiles();
if (irc.length) summaries.push(await audit(`#ubuntu IRC, ${irc.length} annotated logs (dev and test)`, 'rapport audit ../shared/data/ubuntu-irc-disentanglement/{dev,test}/*.raw.txt.gz', irc));
if (!summaries.length) {
  console.error('realdata: ../shared/data is not here; nothing to do');
  process.exit(1);
}
const block = render(summaries);
console.log(block);
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const a = text.indexOf('<!-- realdata:start -->');
const b = text.indexOf('<!-- realdata:end -->');
if (a >= 0 && b > a) writeFileSync(readme, text.slice(0, a) + block + text.slice(b + '<!-- realdata:end -->'.length));
