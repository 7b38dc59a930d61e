// Whole conversations: the promise ledger's states, the two forms of radio
// silence, how the exchange ended, the abuse policy, and the emotional arc.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../engine.js';
import type { AnalysisResult, Message } from '../types.js';

const engine = new Engine();
type M = [Message['role'], string, string?];

function run(channel: 'chat' | 'ticket' | 'email' | 'sms', msgs: M[], extra: Record<string, unknown> = {}, now?: string): AnalysisResult {
  const messages = msgs.map(([role, text, at]) => ({ role, text, ...(at ? { at } : {}) }));
  return engine.analyze({ id: 't', channel, messages, ...extra }, now ? { now } : {});
}
const at = (r: AnalysisResult, category: string): number[] => r.findings.filter((f) => f.category === category).map((f) => f.message);

test('the acceptance case: Friday 16:30 "by tomorrow morning" on a ticket, answered Monday 09:10, is kept', () => {
  // On a ticket the calendar counts business days: "tomorrow morning" said on Friday evening means the next
  // business morning (Monday, by noon), so a reply on Monday at 09:10 keeps the promise, and the 65 hours of
  // weekend are 40 working minutes, not a silence.
  const r = run('ticket', [
    ['customer', 'Please send the signed contract.', '2026-03-06T16:20:00Z'],
    ['agent', "I'll have it to you by tomorrow morning.", '2026-03-06T16:30:00Z'],
    ['agent', 'Here is the signed contract.', '2026-03-09T09:10:00Z'],
  ]);
  assert.equal(r.promises.length, 1);
  assert.equal(r.promises[0]!.state, 'kept');
  assert.equal(r.promises[0]!.deadline, '2026-03-09T12:00:00.000Z');
  assert.equal(r.promises[0]!.settledBy, 2);
  assert.deepEqual(at(r, 'broken-promise'), []);
  assert.deepEqual(at(r, 'radio-silence'), []);
  // The same words on chat mean Saturday morning: Monday is late, and says nothing about it.
  const chat = run('chat', [
    ['customer', 'Please send the signed contract.', '2026-03-06T16:20:00Z'],
    ['agent', "I'll have it to you by tomorrow morning.", '2026-03-06T16:30:00Z'],
    ['agent', 'Here is the signed contract.', '2026-03-09T09:10:00Z'],
  ]);
  assert.equal(chat.promises[0]!.state, 'broken');
  assert.deepEqual(at(chat, 'broken-promise'), [2]);
});

test('ledger: late but owned is late-acknowledged; a later time before the deadline supersedes; the customer can cancel', () => {
  const owned = run('chat', [
    ['customer', 'The VPN is down for me.', '2026-03-02T10:00:00Z'],
    ['agent', "I'll check the gateway and come back to you in 15 minutes.", '2026-03-02T10:01:00Z'],
    ['agent', 'Sorry, that took longer than I said. The gateway is fixed now.', '2026-03-02T10:45:00Z'],
  ]);
  assert.equal(owned.promises[0]!.state, 'late-acknowledged');
  assert.deepEqual(at(owned, 'broken-promise'), []);

  const superseded = run('chat', [
    ['customer', 'Can I get the export?', '2026-03-02T10:00:00Z'],
    ['agent', "I'll have the file to you in 15 minutes.", '2026-03-02T10:01:00Z'],
    ['agent', "It's taking longer because of the size, so I'll update you by 10:45 instead.", '2026-03-02T10:12:00Z'],
    ['agent', 'Here it is.', '2026-03-02T10:40:00Z'],
  ]);
  assert.deepEqual(superseded.promises.map((p) => p.state), ['superseded', 'kept']);

  const cancelled = run('chat', [
    ['customer', 'My parcel has not arrived.', '2026-03-02T10:00:00Z'],
    ['agent', "I'll ring the courier and come back to you within 30 minutes.", '2026-03-02T10:01:00Z'],
    ['customer', "Oh wait, no need, it's just arrived!", '2026-03-02T10:10:00Z'],
  ]);
  assert.equal(cancelled.promises[0]!.state, 'cancelled');
  assert.equal(cancelled.outcome, 'resolved');
});

test('ledger: no word by the deadline, and the customer chasing, is a broken promise on the last message', () => {
  const r = run('email', [
    ['customer', 'Where is my refund?', '2026-03-02T09:00:00Z'],
    ['agent', "I'll check with finance and update you by Wednesday.", '2026-03-02T10:00:00Z'],
    ['customer', 'Any news? It is Friday.', '2026-03-06T10:00:00Z'],
  ]);
  assert.equal(r.promises[0]!.state, 'broken');
  assert.deepEqual(at(r, 'broken-promise'), [2]);
  assert.deepEqual(at(r, 'radio-silence'), [], 'the wait is the promise\'s business, not silence');
  assert.equal(r.outcome, 'no-reply');
  assert.deepEqual(at(r, 'unresolved-close'), [2]);
});

test('ledger: not promises — conditions, the past, the customer\'s own times, questions', () => {
  const r = run('chat', [
    ['customer', "I'm free after 3pm if a call is easier.", '2026-03-02T10:00:00Z'],
    ['agent', 'You said you are free after 3pm. If it is not back by 5pm, call us. The outage started on Monday. Can I call you at 4?', '2026-03-02T10:01:00Z'],
  ]);
  assert.deepEqual(r.promises, []);
});

test('radio silence: the customer waits past the chat threshold; the agent goes quiet after "let me check"', () => {
  const waited = run('chat', [
    ['customer', 'My laptop will not start.', '2026-03-02T10:00:00Z'],
    ['agent', 'Sorry to hear that. Does the power light come on?', '2026-03-02T10:12:00Z'],
  ]);
  assert.deepEqual(at(waited, 'radio-silence'), [1]);
  assert.match(waited.findings.find((f) => f.category === 'radio-silence')!.explanation, /12 minutes/);

  const quiet = run('chat', [
    ['customer', 'My laptop will not start.', '2026-03-02T10:00:00Z'],
    ['agent', 'Let me check your warranty.', '2026-03-02T10:01:00Z'],
    ['agent', 'You are covered; a courier will collect it tomorrow.', '2026-03-02T10:30:00Z'],
  ]);
  assert.deepEqual(at(quiet, 'radio-silence'), [2]);

  const customersTurn = run('chat', [
    ['customer', 'My laptop will not start.', '2026-03-02T10:00:00Z'],
    ['agent', 'Could you hold the power button for 30 seconds and tell me what happens?', '2026-03-02T10:01:00Z'],
    ['customer', 'It started!', '2026-03-02T11:00:00Z'],
    ['agent', 'Great news.', '2026-03-02T11:01:00Z'],
  ]);
  assert.deepEqual(at(customersTurn, 'radio-silence'), [], 'the long gap was the customer\'s turn');

  const announced = run('chat', [
    ['customer', 'My laptop will not start.', '2026-03-02T10:00:00Z'],
    ['agent', 'Give me 15 minutes to check your warranty.', '2026-03-02T10:01:00Z'],
    ['agent', 'You are covered.', '2026-03-02T10:14:00Z'],
  ]);
  assert.deepEqual(at(announced, 'radio-silence'), []);
  assert.equal(announced.promises[0]!.state, 'kept');
});

test('radio silence at the end is judged only when a later time shows it: a system line, or --now', () => {
  const msgs: M[] = [['customer', 'Can someone reset my password?', '2026-03-02T10:00:00Z']];
  assert.deepEqual(at(run('chat', msgs), 'radio-silence'), []);
  assert.deepEqual(at(run('chat', [...msgs, ['system', 'Chat closed automatically.', '2026-03-02T10:30:00Z']]), 'radio-silence'), [1]);
  assert.deepEqual(at(run('chat', msgs, {}, '2026-03-02T11:00:00Z'), 'radio-silence'), [0]);
});

test('no timestamps: nothing about timing is judged, the close still is', () => {
  const r = run('chat', [
    ['customer', 'The printer jams.'],
    ['agent', "I'll send an engineer within the hour."],
  ]);
  assert.deepEqual(at(r, 'radio-silence'), []);
  assert.deepEqual(at(r, 'broken-promise'), []);
  assert.equal(r.promises[0]!.deadline, null);
  assert.equal(r.promises[0]!.state, 'open');
  assert.equal(r.outcome, 'follow-up');
});

test('the close: confirmed, referred, still open, or unresolved', () => {
  const resolved = run('chat', [['customer', 'Outlook keeps asking for my password.'], ['agent', 'Please sign out and in again.'], ['customer', "That's done it, thank you!"]]);
  assert.equal(resolved.outcome, 'resolved');
  assert.deepEqual(at(resolved, 'unresolved-close'), []);
  const thanksOnly = run('chat', [['customer', 'Outlook keeps asking for my password.'], ['agent', 'Try signing out and in again.'], ['customer', 'ok thanks, bye']]);
  assert.equal(thanksOnly.outcome, 'unresolved', 'thanks is not a confirmed fix');
  assert.deepEqual(at(thanksOnly, 'unresolved-close'), [2]);
  const persists = run('chat', [['customer', 'Outlook keeps asking.'], ['agent', 'Sign out and in.'], ['customer', "Still asking, didn't help."], ['agent', 'Thank you for contacting us.']]);
  assert.equal(persists.outcome, 'unresolved');
  assert.match(persists.findings.find((f) => f.category === 'unresolved-close')!.explanation, /still there/);
  const referred = run('chat', [['customer', 'My card was declined abroad.'], ['agent', "You'll need to contact your bank on the number on the back of your card; they can lift the block."]]);
  assert.equal(referred.outcome, 'referred');
  const open = run('chat', [['customer', 'The app crashes.'], ['agent', 'Could you send the crash report?']], { status: 'pending' });
  assert.equal(open.outcome, 'open');
  assert.deepEqual(at(open, 'unresolved-close'), []);
});

test('abuse: flagged on the customer; the agent who sets a boundary and ends the chat is not scored down', () => {
  const r = run('chat', [
    ['customer', 'You useless idiot, fix my broadband or I will find out where you live.'],
    ['agent', "I want to help, but I won't continue while you speak to me like that. I'm ending this chat now."],
  ]);
  assert.deepEqual([...new Set(at(r, 'abuse'))], [0]);
  assert.equal(r.outcome, 'ended-abusive');
  const onAgent = r.findings.filter((f) => f.message === 1 && f.kind === 'problem');
  assert.deepEqual(onAgent.map((f) => f.category), []);
});

test('the emotional arc: from angry to satisfied is an improvement', () => {
  const r = run('chat', [
    ['customer', 'This is RIDICULOUS. The internet is down AGAIN, worst service ever, I am cancelling!!'],
    ['agent', "I'm sorry the internet has let you down again. I've reset your line from here — could you check now?"],
    ['customer', 'It works now, thank you so much!'],
  ]);
  assert.equal(r.arc.start?.mood, 'angry');
  assert.equal(r.arc.end?.mood, 'satisfied');
  assert.equal(r.arc.trend, 'improved');
  assert.deepEqual(r.arc.points.map((p) => p.message), [0, 2]);
});

test('conversation findings point into their message and count in the agent\'s scores', () => {
  const r = run('chat', [
    ['customer', 'My laptop will not start.', '2026-03-02T10:00:00Z'],
    ['agent', 'Let me check your warranty.', '2026-03-02T10:01:00Z'],
    ['agent', 'You are covered.', '2026-03-02T10:40:00Z'],
  ]);
  const f = r.findings.find((x) => x.category === 'radio-silence')!;
  assert.equal('You are covered.'.slice(f.start, f.end), f.excerpt);
  const scores = r.messages.find((m) => m.index === 2)!.scores!;
  assert.ok(scores.acknowledgment !== null && scores.acknowledgment < 80, 'radio silence lowers acknowledgment');
});
