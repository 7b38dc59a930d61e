// The command surface: help for every command, unknown flags and commands,
// and the rules / explain / lists commands.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDefaultEngine } from '../engine/index.js';
import { runCli, workspace } from './testing.js';

const COMMANDS = ['check', 'audit', 'rules', 'explain', 'lists'];

test('rapport --help lists the commands; no command prints help to stderr and exits 2', async () => {
  const r = await runCli(['--help']);
  assert.equal(r.code, 0);
  for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`^  ${c}\\s+\\S`, 'm'));
  const none = await runCli([]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /Usage: rapport <command>/);
});

for (const c of COMMANDS) {
  test(`rapport ${c} --help`, async () => {
    for (const args of [[c, '--help'], [c, '-h'], ['help', c]]) {
      const r = await runCli(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, new RegExp(`^Usage: rapport ${c}`));
      assert.equal(r.stderr, '');
    }
  });
  test(`rapport ${c}: an unknown flag is a clear error, exit 2`, async () => {
    const r = await runCli([c, '--frobnicate']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `rapport ${c}: unknown option --frobnicate (see \`rapport ${c} --help\`)\n`);
  });
}

test('an unknown command and a flag missing its value exit 2', async () => {
  const r = await runCli(['lint', 'x.txt']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown command "lint"/);
  const v = await runCli(['check', 'x.txt', '--format']);
  assert.equal(v.code, 2);
  assert.match(v.stderr, /rapport check: option '--format <value>' argument missing/);
});

test('--version prints the package version', async () => {
  const r = await runCli(['--version']);
  assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('rules: every rule, grouped by skill; json has id, category, kind, skill, severity, summary', async () => {
  const dir = workspace({ 'empty.json': '{}' });
  const engine = getDefaultEngine();
  const pretty = await runCli(['rules', '--config', 'empty.json'], { cwd: dir });
  assert.equal(pretty.code, 0);
  for (const r of engine.rules) assert.match(pretty.stdout, new RegExp(`^  ${r.id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s`, 'm'));
  const json = await runCli(['rules', '--format', 'json', '--config', 'empty.json'], { cwd: dir });
  const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
  assert.equal(rows.length, engine.rules.length);
  for (const row of rows) assert.deepEqual(Object.keys(row), ['id', 'category', 'kind', 'skill', 'severity', 'summary']);
  // Under the workspace config every built-in rule is off, and the team lists show up.
  const team = JSON.parse((await runCli(['rules', '--format', 'json'], { cwd: dir })).stdout) as Array<{ id: string; severity: string }>;
  assert.equal(team.find((r) => r.id === engine.rules[0]!.id)?.severity, 'off');
  assert.equal(team.find((r) => r.id === 'phrases/test.blame')?.severity, 'error');
});

test('explain: docs, examples and the findings on the incorrect ones; by id or category; unknown names exit 2', async () => {
  const dir = workspace();
  const r = await runCli(['explain', 'phrases/test.blame'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^phrases\/test\.blame {2}blaming · problem · tone · error/);
  const builtin = getDefaultEngine().rules.find((x) => x.on !== 'conversation' && x.examples.invalid.length > 0);
  if (builtin) {
    const ex = builtin.examples.invalid[0]!;
    const text = typeof ex === 'string' ? ex : 'text' in ex ? ex.text : '';
    const e = await runCli(['explain', builtin.category, '--config', 'empty.json'], { cwd: workspace({ 'empty.json': '{}' }) });
    assert.equal(e.code, 0);
    assert.ok(e.stdout.includes(builtin.docs.summary));
    assert.ok(e.stdout.includes(text));
    assert.match(e.stdout, /↳ “/, 'shows what the engine reports');
  }
  const unknown = await runCli(['explain', 'phrases/test.blam'], { cwd: dir });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no rule or category is called "phrases\/test\.blam" \(did you mean "phrases\/test\.blame"\?\)/);
  const none = await runCli(['explain'], { cwd: dir });
  assert.equal(none.code, 2);
});

test('lists: id, kind, category and count, with the team lists', async () => {
  const dir = workspace();
  const r = await runCli(['lists', '--format', 'json'], { cwd: dir });
  const rows = JSON.parse(r.stdout) as Array<{ id: string; kind: string; category: string | null; count: number }>;
  assert.deepEqual(rows.find((x) => x.id === 'test.blame'), { id: 'test.blame', kind: 'existence', category: 'blaming', count: 1, file: 'rapport.config.json' });
  const pretty = await runCli(['lists'], { cwd: dir });
  assert.match(pretty.stdout, /^test\.door\s+existence\s+open-door\s+1/m);
});

test('names of JavaScript object internals are unknown commands and formats, not crashes', async () => {
  for (const argv of [['constructor'], ['toString', '--help'], ['help', '__proto__'], ['audit', '--from', 'toString', 'x.jsonl'], ['audit', '--format', 'constructor', 'x.jsonl']]) {
    const r = await runCli(argv);
    assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /unknown command|must be one of/);
  }
});
