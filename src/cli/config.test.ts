// Config discovery and loading: walking up, file precedence, phrase files and
// glossary paths, and errors that name the file and the line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../engine/index.js';
import { effectiveSeverity } from '../formats/rule-docs.js';
import { findConfigFile, loadConfig } from './config.js';
import { runCli, workspace } from './testing.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/rapport.config.yaml', import.meta.url));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-cfg-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function loadErrors(fn: () => unknown): DataError['errors'] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e.errors;
    throw e;
  }
  assert.fail('expected a DataError');
}

test('the example config loads: a rule off, a severity raised, team lists (inline and from a file), glossary terms', () => {
  const { engine, config, file } = loadConfig({ configPath: EXAMPLE });
  assert.equal(file, EXAMPLE);
  assert.ok(engine.lists.has('team.no-blame'));
  assert.ok(engine.lists.has('team.internal-speak'), 'the list in team-phrases.yaml');
  assert.ok(engine.lists.get('team.internal-speak')!.file!.endsWith('team-phrases.yaml'));
  // The business calendar and channel timing for whole conversations.
  assert.equal(engine.calendar.config.timezone, 'Europe/London');
  assert.deepEqual([engine.calendar.config.start, engine.calendar.config.end], [510, 1050]);
  assert.ok(engine.calendar.config.holidays.includes('2026-12-25'));
  assert.equal(engine.timing.channels.chat.wait.ms, 3 * 60_000);
  assert.deepEqual(engine.timing.channels.email.wait, { ms: 9 * 3_600_000, business: true }, 'one business day is the calendar\'s 9 working hours');
  const terms = engine.glossaryTerms.map((t) => t.term);
  assert.ok(terms.includes('Intune') && terms.includes('Jamf'));
  for (const r of engine.rules) {
    if (r.category === 'hollow-apology') assert.equal(effectiveSeverity(r, config), 'error', r.id);
    if (r.category === 'overfriendly') assert.equal(effectiveSeverity(r, config), 'off', r.id);
  }
  const blame = engine.checkDraft('As I already told you, restart the router.').findings.filter((f) => f.rule === 'phrases/team.no-blame');
  assert.deepEqual(blame.map((f) => [f.excerpt, f.severity]), [['As I already told you', 'warning']]);
  const internal = engine.checkDraft('I have put this in the L2 queue.').findings.find((f) => f.rule === 'phrases/team.internal-speak');
  assert.equal(internal?.suggestion, 'our specialist team');
  assert.equal(engine.thresholds.wallOfTextWords, 100);
});

test('discovery walks up from the working directory; the nearest file wins; .json before .yaml', async () => {
  const dir = tree({
    'rapport.config.yaml': 'rules: {}\n',
    'team/rapport.config.json': '{}',
    'team/rapport.config.yaml': 'rules: {}\n',
    'team/a/b/c/.keep': '',
    'other/.rapportrc.json': '{}',
  });
  assert.equal(findConfigFile(join(dir, 'team/a/b/c')), join(dir, 'team/rapport.config.json'));
  assert.equal(findConfigFile(join(dir, 'other')), join(dir, 'other/.rapportrc.json'));
  assert.equal(findConfigFile(dir), join(dir, 'rapport.config.yaml'));
});

test('check from a nested folder uses the config above it', async () => {
  const dir = workspace({ 'deep/er/still/reply.txt': 'You should have asked.' });
  const r = await runCli(['check', 'reply.txt', '--format', 'json'], { cwd: join(dir, 'deep/er/still') });
  const [entry] = JSON.parse(r.stdout) as Array<{ findings: Array<{ rule: string }> }>;
  assert.deepEqual(entry!.findings.map((f) => f.rule), ['phrases/test.blame']);
});

test('a config error names the file and the line; exit 2; nothing is checked', async () => {
  const yaml = ['# team config', 'rules:', '  hollow-apology: loud', '  no-such-rule: off', 'thresholds:', '  wallOfTextWords: -1', ''].join('\n');
  const dir = tree({ 'rapport.config.yaml': yaml, 'reply.txt': 'Hello.' });
  const r = await runCli(['check', 'reply.txt'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.match(lines[0]!, /^rapport\.config\.yaml:3: rule "hollow-apology": expected "off", "info", "warning" or "error"$/);
  assert.match(lines[1]!, /^rapport\.config\.yaml:4: "rules": no rule or category is called "no-such-rule"/);
  assert.match(lines[2]!, /^rapport\.config\.yaml:6: threshold "wallOfTextWords" must be a non-negative number$/);
  assert.match(lines[3]!, /the config has 3 errors; nothing was checked/);
});

test('YAML and JSON syntax errors name the line', async () => {
  const dir = tree({ 'a.yaml': 'rules:\n  tone: warning\n  tone: error\n', 'b.json': '{\n  "rules": {\n    "blunt": "off",,\n  }\n}\n', 'reply.txt': 'Hi.' });
  const a = await runCli(['check', 'reply.txt', '--config', 'a.yaml'], { cwd: dir });
  assert.equal(a.code, 2);
  assert.match(a.stderr, /^a\.yaml:3: /m);
  const b = await runCli(['check', 'reply.txt', '--config', 'b.json'], { cwd: dir });
  assert.equal(b.code, 2);
  assert.match(b.stderr, /^b\.json:3: /m);
});

test('phrase files and glossary paths: errors point into those files', () => {
  const dir = tree({
    'cfg/rapport.config.yaml': 'phrases:\n  - lists/team.yaml\n  - lists/missing.yaml\nglossary: terms.yaml\n',
    'cfg/lists/team.yaml': 'id: team.x\nkind: existence\ncategory: blaming\nmessage: no\nphrases:\n  - you should have\n  - you should have\n',
    'cfg/terms.yaml': 'terms:\n  - term: Frobnicator\n    plain: a thing\n  - term: Widget\n    level: galactic\n    plain: x\n',
  });
  const errors = loadErrors(() => loadConfig({ cwd: join(dir, 'cfg') }));
  const text = errors.map((e) => `${e.file}:${e.line}: ${e.message}`);
  assert.ok(text.some((t) => /^rapport\.config\.yaml:3: cannot read "lists\/missing\.yaml"/.test(t)), text.join('\n'));
  assert.ok(text.some((t) => /^lists\/team\.yaml:7: .*repeats/.test(t.replace(/\\/g, '/'))), text.join('\n'));
  assert.ok(text.some((t) => /^terms\.yaml:4: "Widget": "level" must be/.test(t)), text.join('\n'));
});

test('a team list whose own example does not match is rejected at its line', () => {
  const dir = tree({ 'rapport.config.yaml': 'phrases:\n  - id: team.y\n    kind: existence\n    category: blaming\n    message: m\n    phrases: [you should have]\n    examples:\n      invalid: ["Restart it."]\n      valid: ["You should have a new email."]\n' });
  const errors = loadErrors(() => loadConfig({ cwd: dir }));
  assert.deepEqual(errors.map((e) => [e.file, e.line]), [['rapport.config.yaml', 2], ['rapport.config.yaml', 2]]);
  assert.match(errors[0]!.message, /"Restart it\." should contain one of its phrases/);
  assert.match(errors[1]!.message, /valid example "You should have a new email\." matches/);
});

test('--config with a missing file is an error naming it', async () => {
  const dir = tree({ 'reply.txt': 'Hi.' });
  const r = await runCli(['check', 'reply.txt', '--config', 'nope.yaml'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^nope\.yaml:1: cannot read the config: no such file$/m);
});

test('a category no rule implements yet is accepted and has no effect', () => {
  const dir = tree({ 'rapport.config.yaml': 'rules:\n  radio-silence: off\n  unresolved-close: error\n' });
  assert.doesNotThrow(() => loadConfig({ cwd: dir }));
});

test('a YAML syntax error in a phrase file names that file and its line', () => {
  const dir = tree({ 'rapport.config.yaml': 'phrases: [team.yaml]\n', 'team.yaml': 'id: team.z\nkind: existence\nkind: list\nphrases: [a]\n' });
  const errors = loadErrors(() => loadConfig({ cwd: dir }));
  assert.deepEqual(errors.map((e) => [e.file, e.line]), [['team.yaml', 3]]);
});
