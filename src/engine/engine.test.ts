import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, analyze } from './engine.js';
import { parseConfig } from './config.js';
import { DataError } from './phrases/load.js';
import { SKILLS } from './types.js';

const apologyConversation = {
  id: 'T-1', channel: 'email',
  messages: [
    { role: 'customer', text: "My laptop won't connect to the VPN." },
    { role: 'agent', text: 'We apologize for any inconvenience caused.' },
  ],
};

test('findings follow the taxonomy shape, with excerpts that are the text at their offsets', () => {
  const r = analyze(apologyConversation);
  const f = r.findings.find((x) => x.category === 'hollow-apology');
  assert.ok(f);
  assert.deepEqual(Object.keys(f).slice(0, 10), ['rule', 'category', 'kind', 'skill', 'message', 'start', 'end', 'excerpt', 'explanation', 'suggestion']);
  assert.equal(f.kind, 'problem');
  assert.equal(f.skill, 'trust');
  assert.equal(f.message, 1);
  assert.equal(apologyConversation.messages[1]!.text.slice(f.start, f.end), f.excerpt);
  assert.match(f.suggestion ?? '', /your laptop won't connect to the VPN/);
});

test('scores have the six skills, overall and politeness, numbers in 0..100 or null', () => {
  const r = analyze(apologyConversation);
  assert.deepEqual(Object.keys(r.scores).sort(), [...SKILLS, 'overall', 'politeness'].sort());
  for (const v of Object.values(r.scores)) assert.ok(v === null || (Number.isInteger(v) && v >= 0 && v <= 100));
  // The trust problem costs trust points.
  assert.ok((r.scores.trust ?? 100) < 80);
});

test('a conversation with no agent message has no scores', () => {
  const r = analyze({ messages: [{ role: 'customer', text: 'Hello?' }] });
  assert.deepEqual(Object.values(r.scores), [null, null, null, null, null, null, null, null]);
});

test('internal notes and system messages are never scored', () => {
  const r = analyze({ messages: [{ role: 'customer', text: 'help' }, { role: 'note', text: 'We apologize for any inconvenience.' }] });
  assert.equal(r.findings.filter((f) => f.message === 1).length, 0);
});

test('rules can be turned off or re-rated by id or by category', () => {
  const off = new Engine({ rules: { 'hollow-apology': 'off' } }).analyze(apologyConversation);
  assert.equal(off.findings.filter((f) => f.category === 'hollow-apology').length, 0);
  const err = new Engine({ rules: { 'apology/generic': 'error' } }).analyze(apologyConversation);
  assert.equal(err.findings.find((f) => f.category === 'hollow-apology')?.severity, 'error');
});

test('unknown rule names and unknown "extends" targets are errors that say what is wrong', () => {
  assert.throws(() => new Engine({ rules: { 'no/such-rule': 'off' } }), (e: unknown) => e instanceof DataError && /no rule or category is called "no\/such-rule"/.test(e.message));
  const { config } = parseConfig({ phrases: [{ id: 'team.x', extends: 'no.such.list', phrases: ['foo bar'] }] }, 'team.yaml');
  assert.throws(() => new Engine(config), /names no phrase list/);
});

test('a team existence list becomes a rule, and "extends" adds phrases to a built-in list', () => {
  const { config, errors } = parseConfig({
    phrases: [
      { id: 'team.no-blame', kind: 'existence', category: 'blaming', message: '"{{actual}}" can sound like blame.', phrases: ['per my last email'] },
      { id: 'team.more', extends: 'apology.generic', phrases: ['sorry for the hassle'] },
    ],
  }, 'team.yaml');
  assert.deepEqual(errors, []);
  const engine = new Engine(config);
  const r = engine.checkDraft('Per my last email, sorry for the hassle.', { messages: [{ role: 'customer', text: 'It still fails.' }] });
  const blame = r.findings.find((f) => f.rule === 'phrases/team.no-blame');
  assert.equal(blame?.excerpt, 'Per my last email');
  assert.match(blame?.explanation ?? '', /"Per my last email" can sound like blame/);
  assert.ok(r.findings.some((f) => f.category === 'hollow-apology' && f.excerpt === 'sorry for the hassle'));
});

test('config errors name the file and the line', () => {
  const { errors } = parseConfig({ rules: { blunt: 'loud' }, thresholds: { nope: 3 } }, 'rapport.config.yaml', (p) => (p[0] === 'rules' ? 3 : 7));
  assert.deepEqual(errors.map((e) => `${e.file}:${e.line}`), ['rapport.config.yaml:3', 'rapport.config.yaml:7']);
});

test('bad input: unknown roles and channels, missing text, non-objects are reported and the rest analysed', () => {
  const r = analyze({ channel: 'pigeon', messages: [{ role: 'robot', text: 'beep' }, { role: 'customer' }, 42, { role: 'agent', text: 'We apologize for any inconvenience.' }] });
  assert.equal(r.diagnostics.length, 4);
  assert.ok(r.diagnostics.some((d) => /unknown channel "pigeon"/.test(d.text)));
  assert.ok(r.diagnostics.some((d) => d.message === 0 && /unknown role "robot"/.test(d.text)));
  assert.ok(r.findings.some((f) => f.message === 3 && f.category === 'hollow-apology'));
  assert.equal(analyze(null).diagnostics.length, 1);
  assert.equal(analyze({ messages: 'nope' }).findings.length, 0);
});

test('the same input always gives the same output', () => {
  assert.deepEqual(analyze(apologyConversation), analyze(apologyConversation));
});

test('a 5 MB message is analysed', () => {
  const text = 'We apologize for any inconvenience. Please restart the router so it picks up the new settings.\n'.repeat(53000);
  const r = new Engine().checkDraft(text);
  assert.ok(text.length > 5_000_000);
  assert.ok(r.findings.length > 1000);
});

test('a draft is not the end of the exchange: no unresolved close, silence or broken promise on it, outcome open', () => {
  const r = new Engine().checkDraft('Please restart the router and tell me what the lights do.', {
    channel: 'chat', messages: [{ role: 'customer', text: 'The internet is down.', at: '2026-03-02T10:00:00Z' }],
  });
  assert.deepEqual(r.findings.filter((f) => ['unresolved-close', 'radio-silence', 'broken-promise'].includes(f.category)), []);
  assert.equal(r.outcome, 'open');
  const whole = new Engine().analyze({ channel: 'chat', messages: [{ role: 'customer', text: 'The internet is down.' }, { role: 'agent', text: 'Please restart the router.' }] });
  assert.ok(whole.findings.some((f) => f.category === 'unresolved-close'), 'the same exchange, archived, ends unresolved');
});
