// `rapport audit`, run in-process: the output shape to the letter, input order,
// bad lines reported with their line number and skipped, streaming input.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { runCli, workspace } from './testing.js';

const FINDING_KEYS = ['rule', 'category', 'kind', 'skill', 'message', 'start', 'end', 'excerpt', 'explanation', 'suggestion'];
const SCORE_KEYS = ['empathy', 'tone', 'acknowledgment', 'trust', 'clarity', 'listening', 'overall', 'politeness'];
const EXAMPLES = fileURLToPath(new URL('../../examples/conversations.jsonl', import.meta.url));

interface Record_ {
  id: string | null;
  findings: Array<Record<string, unknown> & { message: number; start: number; end: number; excerpt: string }>;
  scores: Record<string, number | null>;
}

/** The conversation's facts that follow the taxonomy's three keys (for reports): always these, in this order. */
const EXTRA_KEYS = ['channel', 'team', 'agents', 'customer', 'started', 'ended', 'messageCount', 'promises', 'arc', 'outcome'];

/** Every record starts with exactly the taxonomy's keys, in order, then the documented extras; offsets slice to the excerpt. */
function assertContract(line: string, conversation: { messages: Array<{ text?: unknown }> }): Record_ {
  const rec = JSON.parse(line) as Record_;
  assert.deepEqual(Object.keys(rec), ['id', 'findings', 'scores', ...EXTRA_KEYS]);
  assert.deepEqual(Object.keys(rec.scores), SCORE_KEYS);
  for (const v of Object.values(rec.scores)) assert.ok(v === null || (typeof v === 'number' && v >= 0 && v <= 100));
  for (const f of rec.findings) {
    assert.deepEqual(Object.keys(f), FINDING_KEYS);
    const text = conversation.messages[f.message]?.text;
    assert.equal(typeof text, 'string');
    assert.equal((text as string).slice(f.start, f.end), f.excerpt, `${String(f.rule)} on message ${f.message}`);
    assert.ok(['problem', 'strength', 'signal'].includes(f.kind as string));
    assert.ok(f.suggestion === null || typeof f.suggestion === 'string');
  }
  return rec;
}

test('audit of the example conversations: one line per conversation, in order, in the taxonomy shape (built-in rules)', async () => {
  const input = readFileSync(EXAMPLES, 'utf8');
  const conversations = input.trim().split('\n').map((l) => JSON.parse(l) as { id: string; messages: Array<{ text: string }> });
  const dir = workspace({ 'empty.json': '{}' });
  const res = await runCli(['audit', EXAMPLES, '--config', 'empty.json'], { cwd: dir });
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.split('\n');
  assert.equal(lines.pop(), '', 'output ends with a newline');
  assert.equal(lines.length, conversations.length);
  lines.forEach((line, i) => {
    const rec = assertContract(line, conversations[i]!);
    assert.equal(rec.id, conversations[i]!.id);
  });
});

test('findings carry the taxonomy keys in order, severity dropped', async () => {
  const conv = { id: 'T-9', channel: 'chat', messages: [{ role: 'customer', text: 'It broke again.' }, { role: 'agent', text: 'Well, you should have saved it. Reply here if not.' }] };
  const dir = workspace({ 'in.jsonl': `${JSON.stringify(conv)}\n` });
  const r = await runCli(['audit', 'in.jsonl'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const rec = assertContract(r.stdout.trim(), conv);
  assert.deepEqual(rec.findings.map((f) => [f.rule, f.kind, f.message, f.excerpt]), [
    ['phrases/test.blame', 'problem', 1, 'you should have'],
    ['phrases/test.door', 'strength', 1, 'Reply here'],
  ]);
  assert.equal(rec.findings[0]!.suggestion, 'next time, it helps to');
  assert.equal(rec.findings[0]!.skill, 'tone');
});

test('malformed lines are reported as FILE:LINE and skipped; the rest comes out in order; exit 1', async () => {
  const good = (id: string): string => JSON.stringify({ id, messages: [{ role: 'agent', text: 'Just do it.' }] });
  const input = [good('a'), '{"id": "b", "messages": [', '', '[1, 2]', '{"id": "d"}', '"text"', good('e'), '   ', good('f')].join('\n');
  const dir = workspace({ 'mixed.jsonl': input });
  const r = await runCli(['audit', 'mixed.jsonl'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as Record_).id), ['a', 'e', 'f']);
  const errs = r.stderr.trim().split('\n');
  assert.equal(errs.length, 4, r.stderr);
  assert.match(errs[0]!, /^mixed\.jsonl:2: invalid JSON: .*; skipped$/);
  assert.match(errs[1]!, /^mixed\.jsonl:4: expected a conversation object, got an array; skipped$/);
  assert.match(errs[2]!, /^mixed\.jsonl:5: no "messages" list; skipped$/);
  assert.match(errs[3]!, /^mixed\.jsonl:6: expected a conversation object, got a string; skipped$/);
});

test('--fail-on applies to audit too (default never)', async () => {
  const dir = workspace({ 'in.jsonl': `${JSON.stringify({ id: 'x', messages: [{ role: 'agent', text: 'Just do it.' }] })}\n` });
  assert.equal((await runCli(['audit', 'in.jsonl'], { cwd: dir })).code, 0);
  assert.equal((await runCli(['audit', 'in.jsonl', '--fail-on', 'warning'], { cwd: dir })).code, 1);
  assert.equal((await runCli(['audit', 'in.jsonl', '--fail-on', 'error'], { cwd: dir })).code, 0);
});

test('engine diagnostics go to stderr with file:line; the conversation is still scored', async () => {
  const conv = { id: 'T-5', channel: 'fax', messages: [{ role: 'robot', text: 'beep' }, { role: 'agent', text: 'Just do it.' }] };
  const dir = workspace({ 'in.jsonl': `\n\n${JSON.stringify(conv)}\n` });
  const r = await runCli(['audit', 'in.jsonl'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.stderr, /^in\.jsonl:3: conversation "T-5": unknown channel "fax"/m);
  assert.match(r.stderr, /^in\.jsonl:3: conversation "T-5": message 0 has unknown role "robot"/m);
  assert.equal((JSON.parse(r.stdout) as Record_).findings.length, 1);
});

test('--format json writes one array; stdin and .gz input', async () => {
  const lines = ['p', 'q'].map((id) => JSON.stringify({ id, messages: [{ role: 'agent', text: 'Just do it.' }] })).join('\r\n');
  const dir = workspace({ 'in.jsonl.gz': gzipSync(Buffer.from(lines)) });
  const json = await runCli(['audit', '-', '--format', 'json'], { cwd: dir, stdin: `\uFEFF${lines}` });
  assert.deepEqual((JSON.parse(json.stdout) as Record_[]).map((r) => r.id), ['p', 'q']);
  const gz = await runCli(['audit', 'in.jsonl.gz'], { cwd: dir });
  assert.deepEqual(gz.stdout.trim().split('\n').map((l) => (JSON.parse(l) as Record_).id), ['p', 'q']);
  const empty = await runCli(['audit', '-', '--format', 'json'], { cwd: dir, stdin: '' });
  assert.deepEqual(JSON.parse(empty.stdout), []);
});

test('a conversation without an id gets "id": null', async () => {
  const dir = workspace({ 'in.jsonl': '{"messages": []}\n{"id": 42, "messages": []}\n' });
  const r = await runCli(['audit', 'in.jsonl'], { cwd: dir });
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as Record_).id), [null, '42']);
});

test('a missing or binary file is reported; other files are still read; exit 2', async () => {
  const dir = workspace({ 'ok.jsonl': '{"id":"ok","messages":[]}\n', 'bin.jsonl': new Uint8Array([0x7b, 0, 0, 1, 2, 0x7d]) });
  const r = await runCli(['audit', 'missing.jsonl', 'bin.jsonl', 'ok.jsonl'], { cwd: dir });
  assert.match(r.stderr, /missing\.jsonl: no such file or directory/);
  assert.match(r.stderr, /bin\.jsonl: looks like a binary file/);
  assert.equal((JSON.parse(r.stdout) as Record_).id, 'ok');
  assert.equal(r.code, 2);
});

test('a 5 MB message in one line is processed', async () => {
  let text = '';
  while (text.length < 5 * 1024 * 1024) text += 'Checking the mail server queue now, one moment while it drains. ';
  text += 'You should have seen the reply by now.';
  const conv = { id: 'big', messages: [{ role: 'customer', text: 'Mail is stuck.' }, { role: 'agent', text }] };
  const dir = workspace({ 'big.jsonl': `${JSON.stringify(conv)}\n${JSON.stringify({ id: 'after', messages: [] })}\n` });
  const r = await runCli(['audit', 'big.jsonl'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const [first, second] = r.stdout.trim().split('\n');
  const rec = assertContract(first!, conv);
  const blame = rec.findings.find((f) => f.rule === 'phrases/test.blame')!;
  assert.equal(blame.start, text.length - 'You should have seen the reply by now.'.length);
  assert.equal((JSON.parse(second!) as Record_).id, 'after');
});

// ---------------------------------------------------------------- archives, formats, workers

const FIXTURES = fileURLToPath(new URL('../formats/import/fixtures/', import.meta.url));
const GOLD_CONVERSATIONS = fileURLToPath(new URL('../../gold/conversations/chat.jsonl', import.meta.url));

test('worker threads give the same output, in the same order, as one thread', async () => {
  const dir = workspace({ 'empty.json': '{}' });
  const one = await runCli(['audit', GOLD_CONVERSATIONS, '--config', 'empty.json', '--workers', '1'], { cwd: dir });
  const two = await runCli(['audit', GOLD_CONVERSATIONS, '--config', 'empty.json', '--workers', '2'], { cwd: dir });
  assert.equal(one.code, two.code);
  assert.ok(one.stdout.split('\n').length > 30);
  assert.equal(two.stdout, one.stdout);
  const bad = await runCli(['audit', GOLD_CONVERSATIONS, '--workers', '0'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--workers must be a whole number/);
});

test('audit records carry the promise ledger, the emotional arc and the outcome', async () => {
  const conv = {
    id: 'P-1', channel: 'chat', messages: [
      { role: 'customer', at: '2026-03-02T10:00:00Z', text: 'The shared drive is gone.' },
      { role: 'agent', at: '2026-03-02T10:01:00Z', text: "I'll check the server and get back to you within 20 minutes." },
      { role: 'agent', at: '2026-03-02T11:30:00Z', text: 'The drive is back.' },
    ],
  };
  const dir = workspace({ 'empty.json': '{}', 'in.jsonl': `${JSON.stringify(conv)}\n` });
  const r = await runCli(['audit', 'in.jsonl', '--config', 'empty.json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const rec = JSON.parse(r.stdout) as { promises: Array<{ state: string; deadline: string }>; outcome: string; findings: Array<{ category: string; message: number }>; arc: { start: unknown } };
  assert.deepEqual(rec.promises.map((p) => [p.state, p.deadline]), [['broken', '2026-03-02T10:21:00.000Z']]);
  assert.ok(rec.findings.some((f) => f.category === 'broken-promise' && f.message === 2));
  assert.equal(rec.outcome, 'unresolved');
  assert.ok(rec.arc.start);
});

test('--format csv: one row per conversation under a header; formula-looking cells are made inert', async () => {
  const conv = { id: '=HYPERLINK("x")', channel: 'chat', messages: [{ role: 'customer', text: 'Printer jams.' }, { role: 'agent', text: 'Restart it.' }] };
  const dir = workspace({ 'empty.json': '{}', 'in.jsonl': `${JSON.stringify(conv)}\n${JSON.stringify({ ...conv, id: 'B' })}\n` });
  const r = await runCli(['audit', 'in.jsonl', '--format', 'csv', '--config', 'empty.json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0]!, /^id,channel,team,agents,customer,started,ended,messages,outcome,/);
  assert.match(lines[1]!, /^"'=HYPERLINK\(""x""\)",chat,/);
  assert.match(lines[2]!, /^B,chat,/);
});

test('--format html writes the self-contained report, customer text escaped; --report writes it beside the jsonl', async () => {
  const conv = { id: 'X<script>alert(1)</script>', channel: 'chat', messages: [{ role: 'customer', text: '<script>alert(2)</script> my printer' }, { role: 'agent', text: 'Obviously <b>restart</b> it.' }] };
  const dir = workspace({ 'empty.json': '{}', 'in.jsonl': `${JSON.stringify(conv)}\n` });
  const r = await runCli(['audit', 'in.jsonl', '--format', 'html', '--config', 'empty.json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^<!doctype html>/i);
  assert.ok(!r.stdout.includes('<script>alert'), 'no raw customer script');
  assert.ok(r.stdout.includes('X&lt;script&gt;alert(1)&lt;/script&gt;'));
  const both = await runCli(['audit', 'in.jsonl', '--report', 'report.html', '--config', 'empty.json'], { cwd: dir });
  assert.equal(both.code, 0, both.stderr);
  assert.equal(both.stdout.trim().split('\n').length, 1, 'the jsonl still goes to stdout');
  assert.match(readFileSync(`${dir}/report.html`, 'utf8'), /<!doctype html>/i);
});

test('help-desk exports are recognised by their shape: Zendesk, Freshdesk, Zammad, Chatwoot, FreeScout, CSV, the Twitter CSV', async () => {
  const dir = workspace({ 'empty.json': '{}' });
  for (const f of ['zendesk-tickets.json', 'freshdesk-tickets.json', 'zammad-tickets.jsonl', 'chatwoot-messages.json', 'freescout-conversation.json', 'messages.csv', 'twcs.csv']) {
    const r = await runCli(['audit', `${FIXTURES}${f}`, '--config', 'empty.json', '--workers', '1'], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, `${f}: exit ${r.code}\n${r.stderr}`);
    const lines = r.stdout.trim().split('\n').filter(Boolean);
    assert.ok(lines.length >= 1, `${f}: no conversations`);
    for (const l of lines) assert.ok(Array.isArray((JSON.parse(l) as { findings: unknown }).findings), f);
  }
});

test('--from and --columns read a CSV with the team\'s own headers; a bad --columns is a usage error', async () => {
  const csv = 'Ticket,Sender,Body,When\nT1,customer,My VPN drops every hour.,2026-03-02T10:00:00Z\nT1,agent,Thanks — could you tell me which Wi-Fi you are on?,2026-03-02T10:01:00Z\nT2,customer,Printer jams,2026-03-02T11:00:00Z\n';
  const dir = workspace({ 'empty.json': '{}', 'chats.txt': csv });
  const r = await runCli(['audit', 'chats.txt', '--from', 'csv', '--columns', 'conversation_id=Ticket,role=Sender,text=Body,at=When', '--config', 'empty.json', '--workers', '1'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string; messageCount: number }).id), ['T1', 'T2']);
  const bad = await runCli(['audit', 'chats.txt', '--from', 'csv', '--columns', 'ticket'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--columns takes field=Header pairs/);
  const unknown = await runCli(['audit', 'chats.txt', '--from', 'fax'], { cwd: dir });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--from must be one of jsonl, csv, zendesk/);
});

test('a worker that runs out of memory loses nothing: its batch is redone in the main thread, in order', async () => {
  let big = '';
  while (big.length < 3 * 1024 * 1024) big += 'Checking the mail server queue now, one moment while it drains. ';
  const lines = [
    JSON.stringify({ id: 'before', messages: [{ role: 'customer', text: 'Mail is stuck.' }, { role: 'agent', text: 'Let me check.' }] }),
    JSON.stringify({ id: 'huge', messages: [{ role: 'customer', text: 'Mail is stuck.' }, { role: 'agent', text: big }] }),
    JSON.stringify({ id: 'after', messages: [{ role: 'customer', text: 'Thanks!' }] }),
  ];
  const dir = workspace({ 'in.jsonl': `${lines.join('\n')}\n` });
  // A tiny heap makes the worker fail on the huge message.
  const r = await runCli(['audit', 'in.jsonl', '--workers', '2'], { cwd: dir, env: { RAPPORT_WORKER_HEAP_MB: '8' } });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['before', 'huge', 'after']);
  assert.match(r.stderr, /an audit worker stopped .* ran in the main thread/);
});
