// A rule's documentation, built from the rule itself: its docs, its examples
// (which are also its tests) and what the engine actually reports on the
// incorrect ones. Shared by `rapport explain` and scripts/gen-rule-docs.ts, so
// the terminal and docs/rules/ can never disagree.

import { CATEGORY_SKILL, SKILLS, kindOf, type AnyRule, type Engine, type EngineConfig, type Finding, type Severity, type Skill } from '../engine/index.js';
import { prepareExample, type PreparedExample } from '../engine/rules/examples.js';

export type Group = Skill | 'signals';
export const GROUPS: readonly Group[] = [...SKILLS, 'signals'];
export const GROUP_TITLE: Record<Group, string> = {
  empathy: 'Empathy', tone: 'Tone', acknowledgment: 'Acknowledgment', trust: 'Trust', clarity: 'Clarity', listening: 'Listening',
  signals: 'Customer signals',
};

export function ruleGroup(rule: AnyRule): Group {
  return kindOf(rule.category) === 'signal' ? 'signals' : CATEGORY_SKILL[rule.category as keyof typeof CATEGORY_SKILL];
}

export function defaultSeverity(rule: AnyRule): Severity {
  return rule.severity ?? (kindOf(rule.category) === 'problem' ? 'warning' : 'info');
}

/** The severity a rule runs with under a team config, or "off". */
export function effectiveSeverity(rule: AnyRule, config: EngineConfig = {}): Severity | 'off' {
  const s = config.rules?.[rule.id] ?? config.rules?.[rule.category];
  return s ?? defaultSeverity(rule);
}

export function ruleDocFile(id: string): string {
  return `${id.replace(/\//g, '-')}.md`;
}

export interface ExampleRun {
  example: PreparedExample;
  /** This rule's findings on the example's target message (anywhere, for a conversation rule's valid example). */
  findings: Finding[];
  /** Other rules' problems and strengths on the same message. */
  others: Finding[];
}

export function runExample(engine: Engine, rule: AnyRule, ex: Parameters<typeof prepareExample>[1]): ExampleRun {
  const example = prepareExample(rule, ex);
  const result = engine.analyze(example.conversation);
  const onTarget = example.target === null ? result.findings : result.findings.filter((f) => f.message === example.target);
  return { example, findings: onTarget.filter((f) => f.rule === rule.id), others: onTarget.filter((f) => f.rule !== rule.id) };
}

/** Rules whose id or category is `name`. */
export function findRules(engine: Engine, name: string): AnyRule[] {
  const byId = engine.rules.filter((r) => r.id === name);
  return byId.length ? byId : engine.rules.filter((r) => r.category === name);
}

// ---------------------------------------------------------------- Markdown

function fence(text: string, lang = 'text'): string {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

function exampleBlock(run: ExampleRun): string {
  return fence(run.example.transcript.join('\n'));
}

/** docs/rules/<id>.md */
export function renderRuleMarkdown(engine: Engine, rule: AnyRule): string {
  const kind = kindOf(rule.category);
  const group = ruleGroup(rule);
  const out: string[] = [];
  out.push(`# \`${rule.id}\``, '');
  out.push(`${rule.docs.summary}`, '');
  out.push('| category | kind | skill | reads | default severity |', '|---|---|---|---|---|');
  out.push(`| \`${rule.category}\` | ${kind} | ${group === 'signals' ? '—' : group} | ${rule.on === 'conversation' ? 'whole conversations' : `${rule.on} messages`} | ${defaultSeverity(rule)} |`, '');
  if (rule.docs.why) out.push('## Why it matters', '', rule.docs.why, '');
  if (rule.docs.instead) out.push(kind === 'problem' ? '## What to do instead' : '## What it looks for', '', rule.docs.instead, '');
  const label = kind === 'problem' ? ['Incorrect', 'Correct'] : kind === 'strength' ? ['Found', 'Not found'] : ['Flagged', 'Not flagged'];
  if (rule.examples.invalid.length) {
    out.push(`## ${label[0]}`, '');
    for (const ex of rule.examples.invalid) {
      const run = runExample(engine, rule, ex);
      out.push(exampleBlock(run), '');
      if (run.example.note) out.push(`*${run.example.note}*`, '');
      if (!run.findings.length) out.push('> ⚠ the engine does not report this example at present.', '');
      for (const f of run.findings) {
        out.push(`> **“${f.excerpt.replace(/\s+/g, ' ')}”** — ${f.explanation}`);
        if (f.suggestion) out.push('>', `> Suggestion: ${f.suggestion}`);
        out.push('');
      }
    }
  }
  if (rule.examples.valid.length) {
    out.push(`## ${label[1]}`, '');
    for (const ex of rule.examples.valid) {
      const run = runExample(engine, rule, ex);
      out.push(exampleBlock(run), '');
      if (run.example.note) out.push(`*${run.example.note}*`, '');
    }
  }
  out.push('---', '', `Generated from the rule's own docs and examples by \`npm run docs\`; the examples are run as tests. [All rules](README.md).`, '');
  return out.join('\n');
}

/** docs/rules/README.md */
export function renderRulesIndex(engine: Engine): string {
  const out: string[] = ['# Rapport rules', ''];
  out.push(
    'Every rule, grouped by the skill it counts towards. Each page shows the rule\'s own examples and what the engine reports on them.',
    'Turn a rule off or change its severity in `rapport.config.yaml` under `rules:` (by rule id or by category).',
    '',
  );
  for (const g of GROUPS) {
    const rules = engine.rules.filter((r) => ruleGroup(r) === g);
    if (!rules.length) continue;
    out.push(`## ${GROUP_TITLE[g]}`, '', '| rule | category | kind | severity | what it finds |', '|---|---|---|---|---|');
    for (const r of rules) {
      out.push(`| [\`${r.id}\`](${ruleDocFile(r.id)}) | \`${r.category}\` | ${kindOf(r.category)} | ${defaultSeverity(r)} | ${r.docs.summary.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  out.push('---', '', 'Generated by `npm run docs` (scripts/gen-rule-docs.ts); `npm test` fails when this folder is out of date.', '');
  return out.join('\n');
}

/** Every file of docs/rules/, by name. */
export function renderRuleDocs(engine: Engine): Map<string, string> {
  const files = new Map<string, string>();
  files.set('README.md', renderRulesIndex(engine));
  for (const r of engine.rules) files.set(ruleDocFile(r.id), renderRuleMarkdown(engine, r));
  return files;
}
