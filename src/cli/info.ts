// `rapport rules`, `rapport explain RULE` and `rapport lists`: what the engine
// knows, under the team's config (so disabled rules show as off).

import { kindOf, type AnyRule, type Engine, type EngineConfig, type Finding } from '../engine/index.js';
import { prepareExample } from '../engine/rules/examples.js';
import { GROUP_TITLE, GROUPS, effectiveSeverity, findRules, ruleGroup, runExample } from '../formats/rule-docs.js';
import { didYouMean } from './config.js';
import { UsageError, type Output } from './io.js';

export async function runRules(engine: Engine, config: EngineConfig, format: 'pretty' | 'json', out: Output): Promise<number> {
  const c = out.colors;
  if (format === 'json') {
    const rows = engine.rules.map((r) => ({
      id: r.id, category: r.category, kind: kindOf(r.category), skill: ruleGroup(r) === 'signals' ? null : ruleGroup(r),
      severity: effectiveSeverity(r, config), summary: r.docs.summary,
    }));
    await out.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const idW = Math.max(...engine.rules.map((r) => r.id.length), 4);
  const catW = Math.max(...engine.rules.map((r) => r.category.length), 8);
  const lines: string[] = [];
  for (const g of GROUPS) {
    const rules = engine.rules.filter((r) => ruleGroup(r) === g);
    if (!rules.length) continue;
    lines.push(c.bold(GROUP_TITLE[g]));
    for (const r of rules) {
      const sev = effectiveSeverity(r, config);
      const sevText = sev === 'off' ? c.dim('off') : sev === 'error' ? c.red(sev) : sev === 'warning' ? c.yellow(sev) : c.cyan(sev);
      const kind = kindOf(r.category);
      lines.push(`  ${r.id.padEnd(idW)}  ${r.category.padEnd(catW)}  ${kind.padEnd(8)}  ${sevText}${' '.repeat(Math.max(0, 7 - sev.length))}  ${c.dim(r.docs.summary)}`);
    }
    lines.push('');
  }
  lines.push(c.dim(`${engine.rules.length} rules. \`rapport explain RULE\` shows one with its examples.`));
  await out.out(`${lines.join('\n')}\n`);
  return 0;
}

export async function runExplain(engine: Engine, config: EngineConfig, name: string | undefined, format: 'pretty' | 'json', out: Output): Promise<number> {
  if (!name) throw new UsageError('which rule? give a rule id or a category (see `rapport rules`)', 'explain');
  const rules = findRules(engine, name);
  if (!rules.length) {
    const names = [...new Set(engine.rules.flatMap((r) => [r.id, r.category]))];
    throw new UsageError(`no rule or category is called "${name}"${didYouMean(name, names)}; \`rapport rules\` lists them`, 'explain');
  }
  const c = out.colors;
  if (format === 'json') {
    const rows = rules.map((r) => ({
      id: r.id, category: r.category, kind: kindOf(r.category), skill: ruleGroup(r) === 'signals' ? null : ruleGroup(r),
      severity: effectiveSeverity(r, config), docs: r.docs,
      examples: {
        invalid: r.examples.invalid.map((ex) => {
          const run = runExample(engine, r, ex);
          return { ...(typeof ex === 'string' ? { text: ex } : ex), findings: run.findings };
        }),
        valid: r.examples.valid.map((ex) => (typeof ex === 'string' ? { text: ex } : ex)) as unknown[],
      },
    }));
    await out.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const r of rules) {
    const group = ruleGroup(r);
    lines.push(`${c.bold(r.id)}  ${c.dim(`${r.category} · ${kindOf(r.category)} · ${group === 'signals' ? 'customer signal' : group} · ${effectiveSeverity(r, config)}`)}`);
    lines.push('', `  ${r.docs.summary}`, '');
    if (r.docs.why) lines.push(`  ${c.bold('Why:')} ${r.docs.why}`);
    if (r.docs.instead) lines.push(`  ${c.bold('Instead:')} ${r.docs.instead}`);
    lines.push('');
    if (r.examples.invalid.length) {
      lines.push(`  ${c.red(kindOf(r.category) === 'problem' ? 'Incorrect' : 'Found')}`);
      for (const ex of r.examples.invalid) {
        const run = runExample(engine, r, ex);
        lines.push(...transcriptLines(r, run.example.transcript, c));
        if (!run.findings.length) lines.push(`      ${c.yellow('(not reported by the engine at present)')}`);
        for (const f of run.findings) lines.push(...findingLines(f, c));
        const also = [...new Set(run.others.filter((f) => f.kind !== 'signal').map((f) => f.category))];
        if (also.length) lines.push(`      ${c.dim(`also found: ${also.join(', ')}`)}`);
        lines.push('');
      }
    }
    if (r.examples.valid.length) {
      lines.push(`  ${c.green(kindOf(r.category) === 'problem' ? 'Correct' : 'Not found')}`);
      for (const ex of r.examples.valid) lines.push(...transcriptLines(r, prepareExample(r, ex).transcript, c));
      lines.push('');
    }
  }
  await out.out(`${lines.join('\n')}`);
  return 0;
}

/** The example as the terminal shows it: context dimmed, the judged message last (a conversation: every line). */
function transcriptLines(r: AnyRule, transcript: string[], c: Output['colors']): string[] {
  if (r.on === 'conversation') return transcript.map((l) => `    ${l}`);
  const who = r.on === 'customer' ? 'customer' : 'agent';
  if (transcript.length === 1) return [`    ${who}: ${transcript[0]}`];
  return transcript.map((l, i) => (i === transcript.length - 1 ? `    ${l}` : `    ${c.dim(l)}`));
}

function findingLines(f: Finding, c: Output['colors']): string[] {
  const out = [`      ${c.yellow('↳')} “${f.excerpt}” ${c.dim(`(${f.rule})`)}: ${f.explanation}`];
  if (f.suggestion) out.push(`        ${c.green(`→ ${f.suggestion}`)}`);
  return out;
}

export async function runLists(engine: Engine, format: 'pretty' | 'json', out: Output): Promise<number> {
  const rows = [...engine.lists.values()]
    .map((l) => ({ id: l.id, kind: l.kind, category: l.category ?? null, count: l.entries.length, ...(l.description ? { description: l.description.replace(/\s+/g, ' ').trim() } : {}), ...(l.file ? { file: l.file } : {}) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (format === 'json') {
    await out.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const c = out.colors;
  const idW = Math.max(4, ...rows.map((r) => r.id.length));
  const catW = Math.max(8, ...rows.map((r) => (r.category ?? '—').length));
  const lines = [c.dim(`${'list'.padEnd(idW)}  ${'kind'.padEnd(9)}  ${'category'.padEnd(catW)}  ${'phrases'.padStart(7)}  description`)];
  for (const r of rows) {
    lines.push(`${r.id.padEnd(idW)}  ${r.kind.padEnd(9)}  ${(r.category ?? '—').padEnd(catW)}  ${String(r.count).padStart(7)}  ${c.dim(clip(r.description ?? '', 90))}`);
  }
  lines.push('', c.dim(`${rows.length} lists, ${rows.reduce((n, r) => n + r.count, 0)} phrases; glossary: ${engine.glossaryTerms.length} terms.`));
  await out.out(`${lines.join('\n')}\n`);
  return 0;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
