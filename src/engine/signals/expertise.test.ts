// The expertise estimate on examples written for each level, with the traps:
// a novice who pastes an error dialog they do not understand, an expert who
// writes casually in lower case, self-descriptions that outweigh vocabulary.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../engine.js';
import type { Expertise } from '../types.js';

const engine = new Engine();

function expertiseOf(...customer: string[]): Expertise | undefined {
  const messages = customer.flatMap((text) => [
    { role: 'customer' as const, text },
    { role: 'agent' as const, text: 'Thanks, let me have a look.' },
  ]);
  const result = engine.analyze({ id: 'expertise-test', channel: 'chat', messages });
  const customers = result.messages.filter((m) => m.role === 'customer');
  return customers[customers.length - 1]?.expertise;
}

const CASES: Array<{ level: Expertise; text: string[]; note: string }> = [
  // novice
  { level: 'novice', note: 'symptoms in everyday words', text: ['the internet is broken again and the little wheel just keeps going round'] },
  { level: 'novice', note: 'says so', text: ["Sorry, I'm not very good with computers. My emails have vanished."] },
  { level: 'novice', note: 'asks what a term is', text: ["what's a router? is that the black box with the lights?"] },
  {
    level: 'novice',
    note: 'trap: pastes an error dialog they do not understand',
    text: ['A box came up saying "DHCP lease renewal failed: the RPC server is unavailable (0x800706BA)" and I have no idea what that means'],
  },
  {
    level: 'novice',
    note: 'trap: a log line pasted under a plea for help',
    text: ['it keeps showing this:\nERROR: Access is denied.\nwhat do I do?? my son normally sorts this'],
  },
  { level: 'novice', note: 'self-description outweighs a technical word', text: ["I'm not technical at all, the VPN thing my office gave me stopped working"] },
  // intermediate
  { level: 'intermediate', note: 'names things correctly', text: ['Outlook keeps asking for my password. I already restarted the laptop and cleared the cache in Chrome.'] },
  { level: 'intermediate', note: 'router and settings', text: ['I rebooted the router and checked the Wi-Fi settings on my phone, but it still drops every few minutes.'] },
  { level: 'intermediate', note: 'writes for a business', text: ['Our customers get an error at checkout since this morning, and we have orders waiting. Can you check our account?'] },
  // expert
  { level: 'expert', note: 'says so', text: ["I'm the sysadmin here. Mail to one domain bounces since this morning."] },
  {
    level: 'expert',
    note: 'trap: casual lower case, precise terms',
    text: ['fyi dns resolves fine from the box but the tls handshake to your api times out, cert chain looks ok on our side'],
  },
  {
    level: 'expert',
    note: 'pastes commands',
    text: ['Ran this on the host:\n$ curl -v https://api.example.com/health\nand it hangs after the CONNECT. nslookup returns the right A record.'],
  },
  { level: 'expert', note: 'stack trace and versions', text: ['After upgrading to 4.12.3 the service dies on boot with a stack trace:\n```\nat com.example.Pool.init(Pool.java:88)\n```'] },
  { level: 'expert', note: 'expert terms over two messages', text: ['The DHCP lease on the printer VLAN is 8 days.', 'Can we drop the TTL on the CNAME before the cutover?'] },
];

for (const c of CASES) {
  test(`expertise ${c.level}: ${c.note}`, () => {
    assert.equal(expertiseOf(...c.text), c.level, c.text.join(' / '));
  });
}

test('words the customer quotes do not raise their expertise', () => {
  assert.equal(expertiseOf('My screen says "kernel panic - not syncing: VFS unable to mount root fs" and now it won\'t start'), 'novice');
});
