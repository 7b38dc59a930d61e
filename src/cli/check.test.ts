// `rapport check`, run in-process. The workspace's config turns the built-in
// rules off and adds small team lists, so these tests pin the CLI's behaviour
// (output, positions, exit codes, robustness) whatever the rules become.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, workspace } from './testing.js';

interface JsonEntry {
  file: string;
  findings: Array<Record<string, unknown> & { rule: string; kind: string; excerpt: string; start: number; end: number; line: number; column: number; severity: string }>;
  scores: Record<string, number | null>;
  notes?: string[];
}

const DRAFT = 'Hi Ana,\n\nYou should have saved it first.\nJust do it and reply here if it fails.\n';

test('pretty: header, position, severity, category, message, rule, excerpt with carets, suggestion, strengths, scores, summary', async () => {
  const dir = workspace({ 'reply.txt': DRAFT });
  const r = await runCli(['check', 'reply.txt'], { cwd: dir });
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'reply.txt');
  const blame = lines.findIndex((l) => /^\s+3:1\s+error\s+blaming\s+“You should have” puts the fault on the customer\.\s+\(phrases\/test\.blame\)$/.test(l));
  assert.ok(blame > 0, r.stdout);
  assert.match(lines[blame + 1]!, /│ You should have saved it first\.$/);
  const caretLine = lines[blame + 2]!;
  const sourceLine = lines[blame + 1]!;
  assert.equal(caretLine.indexOf('^'), sourceLine.indexOf('You'), 'carets start under the span');
  assert.equal(caretLine.trim().replace('│ ', ''), '^'.repeat('You should have'.length));
  assert.match(lines[blame + 3]!, /→ next time, it helps to$/);
  assert.ok(lines.some((l) => /^\s+4:1\s+warning\s+blunt\s+/.test(l)), 'the warning is listed');
  const strength = lines.findIndex((l) => /4:\d+\s+strength\s+open-door\s+“reply here”/.test(l));
  assert.ok(strength > blame, 'strengths come after problems');
  assert.ok(lines.some((l) => /scores\s+empathy .*tone \d+.*overall \d+/.test(l)), 'a scores line');
  assert.match(r.stdout, /✖ 2 problems \(1 error, 1 warning\), 1 strength in 1 file\n$/);
  assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when stdout is not a terminal');
  assert.equal(r.code, 1, 'an error-level problem fails by default');
});

test('colour only on a terminal and never with NO_COLOR', async () => {
  const dir = workspace({ 'reply.txt': DRAFT });
  const desc = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
  Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true, writable: true });
  try {
    const coloured = await runCli(['check', 'reply.txt'], { cwd: dir, env: { NO_COLOR: undefined } });
    assert.match(coloured.stdout, /\u001b\[/);
    const plain = await runCli(['check', 'reply.txt'], { cwd: dir, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(plain.stdout, /\u001b\[/);
  } finally {
    if (desc) Object.defineProperty(process.stdout, 'isTTY', desc);
    else delete (process.stdout as { isTTY?: boolean }).isTTY;
  }
});

test('--no-strengths hides strengths', async () => {
  const dir = workspace({ 'reply.txt': DRAFT });
  const r = await runCli(['check', 'reply.txt', '--no-strengths'], { cwd: dir });
  assert.doesNotMatch(r.stdout, /strength\s+open-door/);
  const j = await runCli(['check', 'reply.txt', '--no-strengths', '--format', 'json'], { cwd: dir });
  assert.ok((JSON.parse(j.stdout) as JsonEntry[])[0]!.findings.every((f) => f.kind !== 'strength'));
});

test('json: one entry per file with findings (plus 1-based line and column) and scores', async () => {
  const dir = workspace({ 'drafts/a.txt': DRAFT, 'drafts/sub/b.md': 'All good, reply here.', 'drafts/skip.pdf': 'x' });
  const r = await runCli(['check', 'drafts', '--format', 'json'], { cwd: dir });
  const entries = JSON.parse(r.stdout) as JsonEntry[];
  assert.deepEqual(entries.map((e) => e.file), [join('drafts', 'a.txt'), join('drafts', 'sub', 'b.md')], 'directories give their .txt and .md files, sorted');
  const a = entries[0]!;
  const blame = a.findings.find((f) => f.rule === 'phrases/test.blame')!;
  assert.equal(blame.line, 3);
  assert.equal(blame.column, 1);
  assert.equal(blame.severity, 'error');
  assert.equal(DRAFT.slice(blame.start, blame.end), blame.excerpt);
  const door = a.findings.find((f) => f.rule === 'phrases/test.door')!;
  assert.equal(door.kind, 'strength');
  assert.deepEqual([door.line, door.column], [4, DRAFT.split('\n')[3]!.indexOf('reply here') + 1]);
  assert.deepEqual(Object.keys(a.scores), ['empathy', 'tone', 'acknowledgment', 'trust', 'clarity', 'listening', 'overall', 'politeness']);
  assert.equal(r.code, 1);
});

test('--fail-on sets the exit status', async () => {
  const dir = workspace({ 'warn.txt': 'Just do it.', 'info.txt': 'Plug in the thingy.', 'clean.txt': 'Thanks, reply here if it fails.', 'err.txt': 'You should have asked.' });
  const code = async (file: string, ...flags: string[]): Promise<number> => (await runCli(['check', file, ...flags], { cwd: dir })).code;
  assert.equal(await code('err.txt'), 1, 'default: error');
  assert.equal(await code('warn.txt'), 0, 'a warning does not fail by default');
  assert.equal(await code('warn.txt', '--fail-on', 'warning'), 1);
  assert.equal(await code('warn.txt', '--fail-on', 'error'), 0);
  assert.equal(await code('info.txt', '--fail-on', 'warning'), 0);
  assert.equal(await code('info.txt', '--fail-on', 'info'), 1);
  assert.equal(await code('err.txt', '--fail-on', 'never'), 0);
  assert.equal(await code('clean.txt', '--fail-on', 'info'), 0, 'strengths never fail');
  const bad = await runCli(['check', 'warn.txt', '--fail-on', 'sometimes'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fail-on must be one of error, warning, info, never/);
});

test('--customer and --context give the exchange before the draft', async () => {
  const conv = { id: 'T-1', channel: 'chat', messages: [{ role: 'customer', text: 'You should have called me back yesterday.' }] };
  const dir = workspace({ 'reply.txt': 'Just do it.', 'ctx.json': JSON.stringify(conv, null, 2), 'ctx.jsonl': `\n${JSON.stringify(conv)}\n{"id":"T-2","messages":[]}\n` });
  for (const args of [['--context', 'ctx.json'], ['--context', 'ctx.jsonl'], ['--customer', 'You should have called me back yesterday.', '--customer', 'Well?']]) {
    const r = await runCli(['check', 'reply.txt', '--format', 'json', ...args], { cwd: dir });
    const [entry] = JSON.parse(r.stdout) as JsonEntry[];
    assert.ok(entry, r.stderr);
    // Only the draft's findings are reported (the customer's words are not the agent's problem), positioned in the draft.
    assert.deepEqual(entry.findings.map((f) => [f.rule, f.line, f.column, f.excerpt]), [['phrases/test.curt', 1, 1, 'Just do it']], args.join(' '));
  }
  const pretty = await runCli(['check', 'reply.txt', '--context', 'ctx.json'], { cwd: dir });
  assert.match(pretty.stdout, /^context: 1 message before the draft/);
  const bad = await runCli(['check', 'reply.txt', '--context', 'reply.txt'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--context reply\.txt:1: invalid JSON/);
  const missing = await runCli(['check', 'reply.txt', '--context', 'nope.jsonl'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.jsonl: no such file/);
});

test('a missing file is named; the other files are still checked; exit 2', async () => {
  const dir = workspace({ 'ok.txt': 'Just do it.' });
  const r = await runCli(['check', 'missing.txt', 'ok.txt', '--format', 'json'], { cwd: dir });
  assert.match(r.stderr, /missing\.txt: no such file or directory/);
  assert.deepEqual((JSON.parse(r.stdout) as JsonEntry[]).map((e) => e.file), ['ok.txt']);
  assert.equal(r.code, 2);
});

test('a binary file is reported and skipped, not crashed on', async () => {
  const bin = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const dir = workspace({ 'drafts/image.txt': bin, 'drafts/ok.txt': 'Just do it.' });
  const r = await runCli(['check', 'drafts'], { cwd: dir });
  assert.match(r.stderr, /image\.txt: looks like a binary file .*skipped/);
  assert.match(r.stdout, /ok\.txt/);
  assert.doesNotMatch(r.stdout, /image\.txt/);
  assert.match(r.stdout, /in 1 file \(1 skipped\)/);
  assert.equal(r.code, 0);
});

test('invalid UTF-8 is decoded with replacement characters and a warning', async () => {
  const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' closed. You should have '), Buffer.from([0xff, 0xfe]), Buffer.from('saved it.')]);
  const dir = workspace({ 'latin1.txt': bytes });
  const r = await runCli(['check', 'latin1.txt', '--format', 'json'], { cwd: dir });
  assert.match(r.stderr, /latin1\.txt: not valid UTF-8 \(first bad byte at offset 3, 3 bad bytes in all\)/);
  const [entry] = JSON.parse(r.stdout) as JsonEntry[];
  const f = entry!.findings.find((x) => x.rule === 'phrases/test.blame')!;
  assert.equal(f.excerpt, 'You should have');
  assert.equal(f.column, 'Caf\uFFFD closed. '.length + 1);
  assert.deepEqual(entry!.notes, ['decoded with replacement characters (not valid UTF-8)']);
});

test('an empty or whitespace-only draft gets a "nothing to check" note', async () => {
  const dir = workspace({ 'empty.txt': '', 'blank.md': '  \n\t\n' });
  const r = await runCli(['check', 'empty.txt', 'blank.md'], { cwd: dir });
  assert.equal((r.stdout.match(/nothing to check: the draft is empty/g) ?? []).length, 2, r.stdout);
  assert.equal(r.code, 0);
  const stdin = await runCli(['check', '-', '--format', 'json'], { cwd: dir, stdin: '' });
  const [entry] = JSON.parse(stdin.stdout) as JsonEntry[];
  assert.deepEqual(entry, { file: '<stdin>', findings: [], scores: { empathy: null, tone: null, acknowledgment: null, trust: null, clarity: null, listening: null, overall: null, politeness: null }, notes: ['nothing to check: the draft is empty'] });
});

test('reads a draft from standard input', async () => {
  const dir = workspace();
  const r = await runCli(['check', '-'], { cwd: dir, stdin: 'Just do it.' });
  assert.match(r.stdout, /^<stdin>\n\s+1:1\s+warning\s+blunt/);
});

test('a 5 MB draft is processed to its end', async () => {
  const block = 'Thanks for the details so far, this is a long and careful reply about the printer queue.\n';
  let text = '';
  while (text.length < 5 * 1024 * 1024) text += block;
  text += 'You should have told me. Just do it and reply here.\n';
  const dir = workspace({ 'big.txt': text });
  const lines = text.split('\n').length - 1;
  const json = await runCli(['check', 'big.txt', '--format', 'json'], { cwd: dir });
  const [entry] = JSON.parse(json.stdout) as JsonEntry[];
  const f = entry!.findings.find((x) => x.rule === 'phrases/test.blame')!;
  assert.equal(f.line, lines);
  assert.equal(f.column, 1);
  assert.equal(text.slice(f.start, f.end), 'You should have');
  const pretty = await runCli(['check', 'big.txt'], { cwd: dir });
  assert.match(pretty.stdout, new RegExp(`${lines}:1\\s+error\\s+blaming`));
  assert.ok(pretty.stdout.length < 10_000, 'the excerpt shows a line, not the whole text');
});

test('a very long single line is cut around the span in the excerpt', async () => {
  const text = `${'word '.repeat(20_000)}you should have ${'more '.repeat(20_000)}`;
  const dir = workspace({ 'long.txt': text });
  const r = await runCli(['check', 'long.txt'], { cwd: dir });
  const lines = r.stdout.split('\n');
  const i = lines.findIndex((l) => /error\s+blaming/.test(l));
  const source = lines[i + 1]!;
  const carets = lines[i + 2]!;
  assert.ok(source.length < 140, source);
  assert.match(source, /│ … ?word word .*you should have more .*…$/);
  assert.equal(carets.indexOf('^'), source.indexOf('you should have'));
});

test('no inputs is a usage error', async () => {
  const dir = workspace();
  const r = await runCli(['check'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nothing to check/);
});
