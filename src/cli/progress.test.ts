// The progress line: what it says, and that it stays quiet off a terminal.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress, formatProgress } from './progress.js';

test('count, rate, percent and time left when the input size is known', () => {
  const line = formatProgress({ conversations: 12_345, messages: 98_765, bytes: 25, totalBytes: 100 }, 20);
  assert.equal(line, 'rapport audit: [#####---------------] 25% · 12,345 conversations · 98,765 messages · 4,938 msg/s · ETA 1m 00s');
  assert.equal(formatProgress({ conversations: 3, messages: 9, bytes: 0, totalBytes: 0 }, 0.5), 'rapport audit: 3 conversations · 9 messages · 18 msg/s');
});

test('quiet when not enabled; one closing line when it was shown', () => {
  const off: string[] = [];
  const p = new Progress(false, (s) => void off.push(s));
  p.update({ conversations: 1, messages: 1, bytes: 0, totalBytes: 0 }, true);
  p.done({ conversations: 1, messages: 1, bytes: 0, totalBytes: 0 });
  assert.deepEqual(off, []);
  const on: string[] = [];
  const q = new Progress(true, (s) => void on.push(s));
  q.update({ conversations: 2, messages: 5, bytes: 0, totalBytes: 0 }, true);
  q.done({ conversations: 2, messages: 5, bytes: 0, totalBytes: 0 });
  assert.equal(on.length, 2);
  assert.match(on[0]!, /^\r\x1b\[2Krapport audit: 2 conversations/);
  assert.match(on[1]!, /^\r\x1b\[2Krapport audit: 2 conversations \(5 messages\) in /);
});
