import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from './doc.js';
import { segment } from './segment.js';

const kinds = (text: string): Array<[string, string]> => segment(text).map((b) => [b.kind, text.slice(b.start, b.end).trim()]);
const sentences = (text: string): string[] => {
  const d = new Doc(text);
  return d.sentences.map((s) => text.slice(s.start, s.end));
};

test('quoted e-mail history with ">" lines is not prose, and prose after it is', () => {
  const text = 'Thanks, that helps.\n\nOn Mon, 3 Mar 2026 at 09:12, Dana <dana@example.com> wrote:\n> you idiots broke it\n> again\n\nI will check now.';
  const k = kinds(text);
  assert.deepEqual(k.map((x) => x[0]), ['prose', 'quote', 'prose']);
  assert.ok(k[1]![1].includes('you idiots'));
  assert.ok(k[2]![1].includes('I will check now'));
});

test('Outlook-style forwarded headers run to the end', () => {
  const text = 'See below.\n\nFrom: Dana Smith\nSent: Monday\nTo: Support\nSubject: broken\n\nThis stupid laptop';
  assert.deepEqual(kinds(text).map((x) => x[0]), ['prose', 'quote']);
});

test('signatures: "-- " delimiter, a sign-off with a name, and a disclaimer', () => {
  assert.deepEqual(kinds('Try it now.\n-- \nSam Jones\nIT Service Desk').map((x) => x[0]), ['prose', 'signature']);
  assert.deepEqual(kinds('Try it now.\n\nBest regards,\nSam Jones\nService Desk | ext. 4410').map((x) => x[0]), ['prose', 'signature']);
  const d = 'Try it now.\n\nThis e-mail is confidential and intended only for the named recipient. We cannot accept liability for any damage.';
  assert.deepEqual(kinds(d).map((x) => x[0]), ['prose', 'signature']);
});

test('a "Thanks!" followed by more prose is a sentence, not a signature', () => {
  assert.deepEqual(kinds('Thanks!\nI have reset your password. It should work now. Can you try again and let me know?').map((x) => x[0]), ['prose']);
});

test('fenced code, log lines, stack traces and shell prompts are not prose', () => {
  const text = 'Run this:\n```\nsudo kill -9 1234\n```\nThe log said:\n2026-03-02 10:01:02 FATAL disk full\n    at Object.<anonymous> (/app/index.js:10:5)\n$ systemctl restart nginx\nDone.';
  assert.deepEqual(kinds(text).map((x) => x[0]), ['prose', 'code', 'prose', 'log', 'prose']);
  const doc = new Doc(text);
  assert.ok(!doc.tokens.some((t) => t.norm === 'kill' || t.norm === 'fatal'));
});

test('URLs, e-mail addresses, paths and inline code are single opaque tokens with exact offsets', () => {
  const text = 'Open https://help.example.com/reset?x=1, write to it@example.org, check C:\\Users\\dana\\Desktop and ~/logs/app.log or run `ipconfig /flushdns`.';
  const doc = new Doc(text);
  const opaque = doc.tokens.filter((t) => t.kind === 'opaque').map((t) => [t.opaque, t.text]);
  assert.deepEqual(opaque, [
    ['url', 'https://help.example.com/reset?x=1'],
    ['email', 'it@example.org'],
    ['path', 'C:\\Users\\dana\\Desktop'],
    ['path', '~/logs/app.log'],
    ['code', '`ipconfig /flushdns`'],
  ]);
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('sentences: abbreviations, versions, list items and lines', () => {
  assert.deepEqual(sentences('Update to v2.3.1 first, e.g. from the menu. Then restart! Does it work?'), ['Update to v2.3.1 first, e.g. from the menu.', 'Then restart!', 'Does it work?']);
  assert.deepEqual(sentences('Steps:\n1. Open Settings\n2. Click Update\n- then reboot'), ['Steps:', '1. Open Settings', '2. Click Update', '- then reboot']);
  const d = new Doc('Steps:\n1. Open Settings\n2. Click Update');
  assert.deepEqual(d.sentences.map((s) => s.listItem), [false, true, true]);
  assert.equal(d.tokens[d.sentences[1]!.contentFirst]!.text, 'Open');
});

test('questions are recognised even with an emoji or closing quote after the mark', () => {
  const d = new Doc('Can you send a screenshot? 😊 Did it say "access denied?"');
  assert.deepEqual(d.sentences.map((s) => s.question), [true, true]);
});

test('negation marks the words it governs, and stops at a clause break', () => {
  const d = new Doc("This won't delete anything, but it will restart.");
  const neg = (w: string): boolean => d.negated[d.tokens.findIndex((t) => t.norm === w)] === 1;
  assert.equal(neg('delete'), true);
  assert.equal(neg('restart'), false);
});

test('quotations inside a sentence are marked as quoted, apostrophes are not quotes', () => {
  const d = new Doc("You said \"this is garbage\" and it's the customer's right to say so.");
  assert.deepEqual(d.tokens.filter((t) => t.quoted).map((t) => t.text), ['this', 'is', 'garbage']);
});

test('typos and curly apostrophes normalise', () => {
  const d = new Doc('I dont know, it doesn’t work');
  assert.deepEqual(d.tokens.map((t) => t.norm), ['i', "don't", 'know', ',', 'it', "doesn't", 'work']);
});

test('emoji and emoticons are tokens of their own; exclamation runs are one token', () => {
  const d = new Doc('Great!!! 😊😊 :) 👍🏽');
  assert.deepEqual(d.tokens.map((t) => [t.kind, t.text]), [['word', 'Great'], ['punct', '!!!'], ['emoji', '😊'], ['emoji', '😊'], ['emoji', ':)'], ['emoji', '👍🏽']]);
});

test('a message with only quoted history has no prose words', () => {
  assert.equal(new Doc('> all of this\n> is quoted').wordCount, 0);
});

test('speaker labels of transcripts are not words the writer said', () => {
  const d = new Doc('Agent: Restart it.\nCaller: why?\nNote: this stays');
  assert.deepEqual(d.tokens.map((t) => t.text).slice(0, 4), ['Restart', 'it', '.', 'why']);
  assert.ok(d.tokens.some((t) => t.text === 'Note'));
});
