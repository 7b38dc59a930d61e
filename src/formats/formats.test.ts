// The input readers and the position helpers on their own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, findInvalidUtf8, looksBinary } from './read.js';
import { parseConversationLine, parseConversationText } from './jsonl.js';
import { LineIndex } from './records.js';
import { excerptLines, width } from './pretty.js';

test('findInvalidUtf8 accepts valid text and finds bad, overlong, surrogate and truncated sequences', () => {
  assert.equal(findInvalidUtf8(Buffer.from('plain, “curly”, 日本, 😀')), undefined);
  assert.deepEqual(findInvalidUtf8(Buffer.from([0x61, 0xff, 0x62])), { first: 1, count: 1 });
  assert.deepEqual(findInvalidUtf8(Buffer.from([0xc0, 0xaf])), { first: 0, count: 2 }, 'overlong "/"');
  assert.ok(findInvalidUtf8(Buffer.from([0xe0, 0x80, 0xaf])), 'overlong three-byte form');
  assert.ok(findInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 'UTF-16 surrogate encoded in UTF-8');
  assert.ok(findInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82])), 'truncated at the end');
});

test('decodeText: UTF-8 with a BOM, UTF-16 with a BOM, lossy UTF-8 with a warning', () => {
  assert.deepEqual(decodeText(Buffer.from('\uFEFFHello', 'utf8'), 'a.txt'), { text: 'Hello', warnings: [] });
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi “there”', 'utf16le')]);
  assert.equal(looksBinary(le), false, 'UTF-16 text has NUL bytes but is not binary');
  assert.deepEqual(decodeText(le, 'u.txt'), { text: 'Hi “there”', warnings: [] });
  const bad = decodeText(Buffer.from([0x48, 0x69, 0x80]), 'b.txt');
  assert.equal(bad.text, 'Hi\uFFFD');
  assert.match(bad.warnings[0]!, /^b\.txt: not valid UTF-8 \(first bad byte at offset 2\)/);
});

test('looksBinary looks at the first 8 KB only', () => {
  assert.equal(looksBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00])), true);
  const late = Buffer.alloc(9000, 0x61);
  late[8500] = 0;
  assert.equal(looksBinary(late), false);
});

test('parseConversationText: a JSON object (pretty-printed) or the first line of JSON Lines', () => {
  const pretty = parseConversationText('\n\n{\n  "id": "a",\n  "messages": []\n}\n');
  assert.ok(pretty.ok && pretty.value.id === 'a');
  assert.equal(pretty.line, 3);
  const jsonl = parseConversationText('\n{"id":"b","messages":[]}\n{"id":"c","messages":[]}\n');
  assert.ok(jsonl.ok && jsonl.value.id === 'b');
  assert.equal(jsonl.line, 2);
  const broken = parseConversationText('{"id": "x", "messages": [}\n');
  assert.ok(!broken.ok && broken.line === 1 && /invalid JSON/.test(broken.reason));
  assert.ok(!parseConversationText('  ').ok);
  const noMessages = parseConversationLine('{"messages": "hello"}', 7);
  assert.deepEqual(noMessages, { line: 7, ok: false, reason: '"messages" must be a list' });
});

test('LineIndex: 1-based lines and UTF-16 columns, CRLF', () => {
  const text = 'ab\r\ncd😀ef\n\nlast';
  const ix = new LineIndex(text);
  assert.deepEqual(ix.position(0), { line: 1, column: 1 });
  assert.deepEqual(ix.position(text.indexOf('ef')), { line: 2, column: 5 }, 'the emoji is two UTF-16 units');
  assert.deepEqual(ix.position(text.indexOf('last')), { line: 4, column: 1 });
  assert.equal(ix.lineText(0), 'ab');
  assert.equal(ix.lineText(2), '');
});

test('excerptLines: carets under the span, also after wide characters; "…" when the span goes on', () => {
  const text = '日本語 ok: You should have.\nnext line';
  const start = text.indexOf('You');
  const { source, marks } = excerptLines(new LineIndex(text), start, start + 'You should have'.length);
  assert.equal(source, '日本語 ok: You should have.');
  assert.equal(marks, `${' '.repeat(width('日本語 ok: '))}${'^'.repeat(15)}`);
  assert.equal(width('日本語 ok: '), 11);
  const multi = excerptLines(new LineIndex(text), start, text.length);
  assert.ok(multi.marks.endsWith('^…'));
});
