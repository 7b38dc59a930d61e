// The importers on their fixtures (written from each system's documented API
// shapes), on broken input, on huge and empty input, and on the shared
// corpora in ../shared/data when they are there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { openTextStream } from '../jsonl.js';
import type { Conversation } from '../../engine/types.js';
import { IMPORTERS, detectFormat, htmlToText, importFile, readHead, type ImportItem, type ImportOptions } from './index.js';
import { parseTwitterDate } from './twcs.js';
import { toIso } from './util.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);
const DATA = join(HERE, '..', '..', '..', '..', 'shared', 'data');
const TWCS_SAMPLE = join(DATA, 'twcs-sample', 'twcs_first5000.csv.gz');
const IRC_DEV = join(DATA, 'ubuntu-irc-disentanglement', 'dev');

async function collect(format: string, input: string | Buffer | Readable, options?: ImportOptions): Promise<ImportItem[]> {
  const importer = IMPORTERS[format];
  assert.ok(importer, `importer ${format}`);
  const stream = input instanceof Readable ? input : Readable.from([typeof input === 'string' ? Buffer.from(input) : input]);
  const out: ImportItem[] = [];
  for await (const item of importer.read(stream, options)) out.push(item);
  return out;
}

async function collectFile(path: string, options?: ImportOptions & { format?: string }): Promise<ImportItem[]> {
  const out: ImportItem[] = [];
  for await (const item of importFile(path, options)) out.push(item);
  return out;
}

const oks = (items: ImportItem[]) => items.filter((i): i is Extract<ImportItem, { ok: true }> => i.ok).map((i) => i.conversation);
const errors = (items: ImportItem[]) => items.filter((i): i is Extract<ImportItem, { ok: false }> => !i.ok);
const ok = (position: string, conversation: Conversation): ImportItem => ({ ok: true, position, conversation });

// ---------------------------------------------------------------- fixtures

test('jsonl: canonical conversations, ids as strings, blank lines counted', async () => {
  assert.deepEqual(await collectFile(fixture('canonical.jsonl')), [
    ok('line 1', {
      id: 'C-100', channel: 'chat', team: 'Service Desk',
      messages: [
        { role: 'customer', author: 'Jordan', at: '2025-01-13T09:00:00Z', text: "Teams won't open on my laptop since the update." },
        { role: 'agent', author: 'Mia', at: '2025-01-13T09:01:30Z', text: "Sorry about that, Jordan. Let's get Teams going again: does it show an error?" },
      ],
    }),
    ok('line 3', {
      id: '101', channel: 'email',
      messages: [
        { role: 'customer', text: 'Please add me to the finance-reports list.' },
        { role: 'note', text: 'Needs manager approval.' },
      ],
    }),
  ]);
});

test('csv: rows grouped by conversation in order of first appearance, roles mapped, dates to ISO, extra columns kept', async () => {
  assert.deepEqual(await collectFile(fixture('messages.csv')), [
    ok('row 2', {
      id: 'T-9', channel: 'ticket', team: 'Facilities',
      messages: [
        { role: 'customer', text: 'My badge stopped opening the car park gate.', author: 'Alex Moreau', at: '2025-02-03T08:30:00Z', ticket_url: 'https://desk.example.com/T-9' },
        { role: 'agent', text: "Thanks Alex — I've re-synced your badge.\nCould you try the gate again and tell me if it opens?", author: 'Chris Dube', at: '2025-02-03T08:45:00Z' },
        { role: 'customer', text: 'Yes, it works now, thank you!', author: 'Alex Moreau', at: '2025-02-03T09:02:00Z' },
      ],
    }),
    ok('row 3', {
      id: 'T-10', channel: 'chat',
      messages: [
        { role: 'customer', text: 'Excel crashes when I open the budget file, even in safe mode.', author: 'Bea Lindqvist', at: '2025-02-03T08:31:00Z' },
        { role: 'note', text: 'Known issue with add-in v4.2', author: 'Dee Quinn', at: '2025-02-03T08:33:00Z' },
        { role: 'agent', text: 'Sorry for the trouble, Bea. Could you send me the file name, so I can check it against a known add-in issue?', author: 'Dee Quinn', at: '2025-02-03T08:34:00Z' },
      ],
    }),
  ]);
});

test('csv: configurable columns, an "inbound" column, semicolons', async () => {
  const text = 'ticket;inbound;agent_name;sent;body\nA;true;Kim;2025-01-01T10:00:00Z;help please\nA;false;Lee;2025-01-01T10:05:00Z;on it\n';
  const items = await collect('csv', text, { delimiter: ';', columns: { conversation_id: 'ticket', author: 'agent_name', at: 'sent', text: 'body' } });
  assert.deepEqual(items, [
    ok('row 2', {
      id: 'A',
      messages: [
        { role: 'customer', text: 'help please', author: 'Kim', at: '2025-01-01T10:00:00Z' },
        { role: 'agent', text: 'on it', author: 'Lee', at: '2025-01-01T10:05:00Z' },
      ],
    }),
  ]);
});

test('zendesk: one document with sideloaded users and groups; notes, CC end-users, HTML-only comments, description-only tickets', async () => {
  assert.deepEqual(await collectFile(fixture('zendesk-tickets.json')), [
    ok('ticket 4711', {
      id: '4711', channel: 'email',
      messages: [
        { role: 'customer', text: 'Hello,\n\nsince Monday my VPN disconnects every five minutes or so. I work from home and keep losing my calls.', author: 'Priya Natarajan', at: '2024-03-04T08:15:00Z' },
        { role: 'note', text: 'Gateway logs show idle timeouts for her client version.', author: 'Sam Okafor', at: '2024-03-04T08:40:00Z' },
        {
          role: 'agent',
          text: "Hi Priya,\n\nI’m sorry the VPN keeps cutting your calls — that's disruptive.\nPlease update the client to 5.2 & reconnect.\n\n> since Monday my VPN disconnects every five minutes",
          author: 'Sam Okafor', at: '2024-03-04T08:52:00Z',
        },
        { role: 'customer', text: 'Same here, the update fixed it for me too.', author: 'Tom Berger', at: '2024-03-04T09:30:00Z' },
      ],
      subject: 'VPN drops every few minutes', status: 'solved', priority: 'high', type: 'incident', tags: ['vpn', 'remote-work'], team: 'Network Support',
    }),
    ok('ticket 4712', {
      id: '4712', channel: 'ticket',
      messages: [{ role: 'customer', text: 'The printer by the kitchen on floor 3 shows as offline for everyone.', author: 'Ines Duarte', at: '2024-03-05T10:00:00Z' }],
      subject: 'Printer on floor 3 offline', status: 'open', team: '32',
    }),
  ]);
});

test('zendesk: JSON Lines of {ticket, comments} and nested tickets; requester → customer, others → agent, public:false → note', async () => {
  assert.deepEqual(await collectFile(fixture('zendesk-tickets.jsonl')), [
    ok('line 1', {
      id: '5001', channel: 'chat',
      messages: [
        { role: 'customer', text: 'Screen sharing is greyed out in the meeting app.', author: '301', at: '2024-04-01T14:00:00Z' },
        { role: 'agent', text: "Let's check the permission: open System Settings > Privacy and tell me if the app is listed.", author: '401', at: '2024-04-01T14:02:00Z' },
      ],
      subject: 'Chat: cannot share screen', status: 'pending',
    }),
    ok('line 2', {
      id: '5002', channel: 'phone',
      messages: [
        { role: 'customer', text: 'Voicemail: please call me back about invoice 7781.', author: '302', at: '2024-04-02T09:00:00Z' },
        { role: 'note', text: 'Called back, explained the late fee.', author: '402', at: '2024-04-02T09:30:00Z' },
      ],
      subject: 'Call back about invoice', status: 'closed',
    }),
  ]);
});

test('freshdesk: description first, conversations in time order, private → note, incoming → customer, outbound email tickets', async () => {
  assert.deepEqual(await collectFile(fixture('freshdesk-tickets.json')), [
    ok('ticket 880', {
      id: '880', channel: 'email',
      messages: [
        { role: 'customer', text: 'I get Access denied when I sign in to payroll.', author: 'Lena Fischer', at: '2024-05-06T13:00:00Z' },
        { role: 'note', text: 'MFA token was stale, reset in the admin console.', author: '9001', at: '2024-05-06T13:15:00Z' },
        { role: 'agent', text: "Hi Lena, thanks for reporting this. I've reset your sign-in; please try again and let me know.", author: '9001', at: '2024-05-06T13:20:00Z' },
        { role: 'customer', text: 'That worked, thanks!\n\n> Hi Lena, thanks for reporting this.', author: 'Lena Fischer', at: '2024-05-06T14:05:00Z' },
      ],
      subject: 'Cannot log in to the payroll portal', status: 'resolved', priority: 'medium', type: 'Incident', tags: ['payroll', 'sso'], team: '12', requester: 'Lena Fischer',
    }),
    ok('ticket 881', {
      id: '881', channel: 'email',
      messages: [
        { role: 'agent', text: 'Hi Marco, your laptop is ready for pickup at the IT desk from Monday.', author: '9002', at: '2024-05-07T09:00:00Z' },
        { role: 'customer', text: "Great, I'll come by at 10 on Monday.", author: '7002', at: '2024-05-07T09:45:00Z' },
      ],
      subject: 'Your new laptop is ready', status: 'open', priority: 'low',
    }),
  ]);
});

test('zammad: expanded fields and plain ids; internal → note, System → system, HTML without scripts, quoted mail as "> "', async () => {
  assert.deepEqual(await collectFile(fixture('zammad-tickets.jsonl')), [
    ok('line 1', {
      id: '31', channel: 'email',
      messages: [
        { role: 'customer', text: 'Since this morning Outlook asks for my password every few minutes.\n\nThanks,\nNicole', author: 'Nicole Brandt', at: '2024-06-10T07:58:00Z' },
        { role: 'note', text: 'Her mailbox was migrated last night; cached credentials are stale.', author: 'Jonas Weber', at: '2024-06-10T08:05:00Z' },
        {
          role: 'agent',
          text: 'Hi Nicole,\n\nthanks for the details – that sounds annoying. Please sign out of Outlook & back in:\n\n 1. File > Account\n 2. Sign out, then sign in again\n\n> Since this morning Outlook asks for my password',
          author: 'Jonas Weber', at: '2024-06-10T08:10:00Z',
        },
        { role: 'system', text: 'Ticket was escalated to Service Desk Level 2.', author: 'System', at: '2024-06-10T09:00:00Z' },
      ],
      number: '31001', subject: 'Outlook keeps asking for my password', status: 'open', priority: '2 normal', team: 'Service Desk', tags: ['outlook'], customer: 'nicole@example.com',
    }),
    ok('line 2', {
      id: '32', channel: 'phone',
      messages: [
        { role: 'customer', text: 'Caller asked when her new monitor will arrive.', author: 'Ola Nowak', at: '2024-06-11T12:00:00Z' },
        { role: 'agent', text: "Told her it ships on Thursday and I'll call when it's in.", author: 'Jonas Weber', at: '2024-06-11T12:04:00Z' },
      ],
      number: '31002', subject: 'Call about a new monitor', status: 'closed', priority: '1 low', team: '2',
    }),
  ]);
});

test('zammad: a bare list of articles is grouped by ticket', async () => {
  const articles = [
    { id: 1, ticket_id: 7, sender: 'Customer', type: 'web', body: 'Where is my refund?', content_type: 'text/plain', internal: false, created_at: '2024-01-01T10:00:00Z', from: 'Kai' },
    { id: 2, ticket_id: 7, sender: 'Agent', type: 'web', body: 'It was sent today.', content_type: 'text/plain', internal: false, created_at: '2024-01-01T10:10:00Z', from: 'Ren' },
  ];
  assert.deepEqual(oks(await collect('zammad', JSON.stringify(articles, null, 2))), [
    {
      id: '7', channel: 'ticket',
      messages: [
        { role: 'customer', text: 'Where is my refund?', author: 'Kai', at: '2024-01-01T10:00:00Z' },
        { role: 'agent', text: 'It was sent today.', author: 'Ren', at: '2024-01-01T10:10:00Z' },
      ],
    },
  ]);
});

test('chatwoot: a messages payload grouped by conversation; message_type 0/1/2/3, private → note, Unix seconds', async () => {
  assert.deepEqual(await collectFile(fixture('chatwoot-messages.json')), [
    ok('conversation 920', {
      id: '920',
      messages: [
        { role: 'customer', text: 'Hi, I was charged twice this month.', author: 'Ana Souza', at: '2024-06-06T09:00:00Z' },
        { role: 'system', text: 'Conversation was assigned to Mia Lopez', at: '2024-06-06T09:01:00Z' },
        { role: 'note', text: 'Double charge confirmed in the billing system, refund queued.', author: 'Mia Lopez', at: '2024-06-06T09:05:00Z' },
        { role: 'agent', text: "I'm sorry about the double charge, Ana. I've started the refund; you'll see it within 5 working days.", author: 'Mia Lopez', at: '2024-06-06T09:06:00Z' },
        { role: 'system', text: 'Rate your conversation', at: '2024-06-06T09:06:40Z' },
      ],
      tags: ['billing'], customer: 'Ana Souza',
    }),
  ]);
});

test('chatwoot: conversations one a line, inbox channel, team, mail subject, string message types', async () => {
  assert.deepEqual(await collectFile(fixture('chatwoot-conversations.jsonl')), [
    ok('line 1', {
      id: '921', channel: 'email',
      messages: [
        { role: 'customer', text: 'The reset link in your email says it has expired.', author: 'Kofi Mensah', at: '2024-06-12T10:00:00Z' },
        { role: 'agent', text: "Thanks Kofi, I've sent you a fresh link that stays valid for 24 hours.", author: 'Lars Holm', at: '2024-06-12T10:06:00Z' },
      ],
      status: 'resolved', tags: ['login'], team: 'Tier 1', subject: 'Password reset link expired', customer: 'Kofi Mensah',
    }),
    ok('line 2', {
      id: '922', channel: 'chat',
      messages: [{ role: 'customer', text: 'Is the status page down?', author: 'Rui Costa', at: '2024-06-12T10:00:00Z' }],
      status: 'open', customer: 'Rui Costa',
    }),
  ]);
});

test('freescout: threads newest-first put in time order; drafts left out; line items as system; notes; quoted mail', async () => {
  assert.deepEqual(await collectFile(fixture('freescout-conversation.json')), [
    ok('conversation 417', {
      id: '417', channel: 'email',
      messages: [
        { role: 'customer', text: "My S: drive is gone since this morning's reboot.", author: 'Grace Owusu', at: '2024-07-02T09:58:00Z' },
        { role: 'note', text: 'The drive-mapping policy failed on her machine.', author: 'Ian Clarke', at: '2024-07-02T10:05:00Z' },
        { role: 'agent', text: "Hi Grace,\n\nSorry you lost the drive – let's get it back. Could you restart once more while connected to the office network?", author: 'Ian Clarke', at: '2024-07-02T10:10:00Z' },
        {
          role: 'customer',
          text: "It's back, thank you!\n\nOn Tue, Jul 2, 2024 Ian Clarke wrote:\n\n> Could you restart once more while connected to the office network?",
          author: 'Grace Owusu', at: '2024-07-02T10:35:00Z',
        },
        { role: 'system', text: 'Ian Clarke marked as Closed', author: 'Ian Clarke', at: '2024-07-02T10:40:00Z' },
      ],
      number: '1298', subject: 'Shared drive not mapped after reboot', status: 'closed', tags: ['network'], mailbox: '2', customer: 'Grace Owusu',
    }),
  ]);
});

test('twcs: threads rebuilt from reply links, time-ordered, time zones applied, company handle as agent', async () => {
  assert.deepEqual(await collectFile(fixture('twcs.csv')), [
    ok('row 5', {
      id: '101', platform: 'twitter', company: 'AcmeHelp',
      messages: [
        { role: 'customer', text: '@AcmeHelp app logs me out every time I open it', author: '900001', at: '2017-11-06T09:01:00Z', id: '101' },
        { role: 'agent', text: '@900001 Sorry for the hassle! Please clear the app cache, then log in again. ^JL', author: 'AcmeHelp', at: '2017-11-06T09:05:10Z', id: '102' },
        { role: 'customer', text: '@AcmeHelp that did it thanks', author: '900001', at: '2017-11-06T09:15:30Z', id: '103' },
        { role: 'agent', text: "@900001 Glad it's sorted! Reach out any time. ^JL", author: 'AcmeHelp', at: '2017-11-06T09:20:00Z', id: '104' },
      ],
    }),
    ok('row 6', {
      id: '201', platform: 'twitter', company: 'AcmeHelp',
      messages: [
        { role: 'customer', text: '@AcmeHelp my order never arrived,\norder #5531', author: '900002', at: '2017-11-06T15:00:00Z', id: '201' },
        { role: 'agent', text: "@900002 We're sorry to hear that. Can you DM us the order details?", author: 'AcmeHelp', at: '2017-11-06T15:30:00Z', id: '202' },
        { role: 'customer', text: '@AcmeHelp sent', author: '900002', at: '2017-11-06T15:45:00Z', id: '203' },
      ],
    }),
    ok('row 9', { id: '301', platform: 'twitter', messages: [{ role: 'customer', text: '@AcmeHelp is the site down?', author: '900003', at: '2017-11-06T11:11:11Z', id: '301' }] }),
  ]);
});

test('ubuntu-irc: threads from reply links, asker = customer, midnight crossed, annotation file found beside the log', async () => {
  assert.deepEqual(await collectFile(fixture('2020-01-02_00.raw.txt')), [
    ok('line 1', {
      id: '2020-01-02_00:0', channel: 'chat', platform: 'irc',
      messages: [
        { role: 'customer', text: 'anyone know why apt says "could not get lock"?', author: 'alice', at: '2020-01-01T23:58:00Z', line: 1 },
        { role: 'agent', text: 'alice: another apt or the update manager is running; close it and try again', author: 'dave', at: '2020-01-02T00:01:00Z', line: 3 },
        { role: 'customer', text: 'dave: that was it, thanks!', author: 'alice', at: '2020-01-02T00:02:00Z', line: 5 },
      ],
    }),
    ok('line 4', {
      id: '2020-01-02_00:3', channel: 'chat', platform: 'irc',
      messages: [
        { role: 'customer', text: 'my wifi drops after suspend on 19.10', author: 'carol', at: '2020-01-02T00:01:00Z', line: 4 },
        { role: 'agent', text: 'carol: try sudo systemctl restart NetworkManager', author: 'frank', at: '2020-01-02T00:04:00Z', line: 8 },
        { role: 'customer', text: 'frank: works, cheers', author: 'carol', at: '2020-01-02T00:05:00Z', line: 9 },
      ],
    }),
    ok('line 6', {
      id: '2020-01-02_00:5', channel: 'chat', platform: 'irc',
      messages: [{ role: 'customer', text: 'erin waves', author: 'erin', at: '2020-01-02T00:03:00Z', action: true, line: 6 }],
    }),
  ]);
});

test('ubuntu-irc: without annotations, a plain log is threaded by addressing', async () => {
  const raw = readFileSync(fixture('2020-01-02_00.raw.txt'));
  const items = await collect('ubuntu-irc', raw, { date: '2020-01-02' });
  const threads = oks(items).map((c) => c.messages.map((m) => `${m.role}:${m.author}`));
  assert.deepEqual(threads, [
    ['customer:alice', 'agent:dave', 'customer:alice'],
    ['customer:carol', 'agent:frank', 'customer:carol'],
    ['customer:erin'],
  ]);
  assert.ok(oks(items).every((c) => c.threading === 'addressee'));
  // No anchor from annotations: the date applies from the first line.
  assert.equal(oks(items)[0]!.messages[0]!.at, '2020-01-02T23:58:00Z');
});

test('detectFormat recognises every fixture by name and content', async () => {
  const expected: Record<string, string> = {
    'canonical.jsonl': 'jsonl',
    'messages.csv': 'csv',
    'zendesk-tickets.json': 'zendesk',
    'zendesk-tickets.jsonl': 'zendesk',
    'freshdesk-tickets.json': 'freshdesk',
    'zammad-tickets.jsonl': 'zammad',
    'chatwoot-messages.json': 'chatwoot',
    'chatwoot-conversations.jsonl': 'chatwoot',
    'freescout-conversation.json': 'freescout',
    'twcs.csv': 'twcs',
    '2020-01-02_00.raw.txt': 'ubuntu-irc',
  };
  for (const [name, id] of Object.entries(expected)) assert.equal(detectFormat(fixture(name), await readHead(fixture(name))), id, name);
  assert.equal(detectFormat('notes.txt', 'just some words'), undefined);
  assert.equal(detectFormat('x.json', '{"hello": 1}'), undefined);
});

// ---------------------------------------------------------------- malformed records

test('jsonl: bad lines are reported by line number and the rest comes out', async () => {
  const good = readFileSync(fixture('canonical.jsonl'), 'utf8').split('\n')[0]!;
  const items = await collect('jsonl', `${good}\n{"id": "x", "messages": [\n[1, 2]\n{"id": "y"}\n${good}\n`);
  assert.deepEqual(items.map((i) => [i.position, i.ok]), [['line 1', true], ['line 2', false], ['line 3', false], ['line 4', false], ['line 5', true]]);
  assert.match(errors(items)[0]!.reason, /^invalid JSON/);
  assert.match(errors(items)[1]!.reason, /expected a conversation object, got an array/);
  assert.match(errors(items)[2]!.reason, /no "messages" list/);
});

test('csv: unknown roles, empty ids and broken rows are reported by row; the rest is grouped', async () => {
  const text = [
    'conversation_id,role,author,at,text',
    'A,customer,Kim,2025-01-01T10:00:00Z,hello',
    'A,wizard,Zed,2025-01-01T10:01:00Z,abracadabra',
    ',agent,Lee,2025-01-01T10:02:00Z,orphan',
    'A,agent,Lee,2025-01-01T10:03:00Z,hi Kim,extra field',
    'A,agent,Lee,not a date,"how can I help?"',
    'B,customer,Max,2025-01-01T11:00:00Z,"unclosed',
  ].join('\n');
  const items = await collect('csv', text);
  assert.deepEqual(
    items.map((i) => (i.ok ? [i.position, i.conversation.id, i.conversation.messages.length] : [i.position, i.reason.slice(0, 30)])),
    [
      ['row 3', 'unknown role "wizard" (expecte'],
      ['row 4', 'empty "conversation_id"; the r'],
      ['row 5', 'Invalid Record Length: columns'],
      ['row 7', 'Quote Not Closed: the parsing '],
      ['row 2', 'A', 2],
    ],
  );
  const a = oks(items)[0]!;
  assert.equal(a.messages[1]!.at, undefined);
  assert.deepEqual(a.import_warnings, ['row 6: "at" "not a date" is not a date; left out']);
});

test('csv: a header without the needed columns is one clear error', async () => {
  const items = await collect('csv', 'ticket,who,body\n1,customer,hi\n');
  assert.equal(items.length, 1);
  assert.equal(items[0]!.ok, false);
  assert.equal(items[0]!.position, 'row 1');
  assert.match((items[0] as { reason: string }).reason, /no "conversation_id", "text", "role" columns .*columns\.conversation_id/);
});

test('csv: memory stays bounded — conversations stream out while the file is still being read', async () => {
  let produced = 0;
  const rows = 30_000;
  async function* gen() {
    yield 'conversation_id,role,text\n';
    for (let i = 0; i < rows; i++) {
      produced++;
      yield `c${Math.floor(i / 10)},${i % 2 ? 'agent' : 'customer'},message ${i}\n`;
    }
  }
  let firstAt = -1;
  let count = 0;
  for await (const item of IMPORTERS.csv!.read(Readable.from(gen()), { maxBufferedMessages: 500 })) {
    assert.ok(item.ok, !item.ok ? item.reason : '');
    if (firstAt < 0) firstAt = produced;
    assert.equal(item.conversation.messages.length, 10);
    count++;
  }
  assert.equal(count, rows / 10);
  assert.ok(firstAt < rows / 2, `the first conversation came out after ${firstAt} rows`);
});

test('csv: a conversation scattered beyond the window comes out in parts, announced', async () => {
  const text = 'conversation_id,role,text\nA,customer,one\nB,customer,two\nC,customer,three\nA,agent,four\n';
  const items = await collect('csv', text, { maxOpenConversations: 2 });
  assert.deepEqual(
    items.map((i) => (i.ok ? `${i.position} ${i.conversation.id}${i.conversation.part ? ` part ${i.conversation.part}` : ''}` : `${i.position} !`)),
    ['row 2 A', 'row 5 !', 'row 3 B', 'row 4 C', 'row 5 A part 2'],
  );
  assert.match(errors(items)[0]!.reason, /continues after it was already written out/);
});

test('zendesk: a broken line, a non-object and a ticket without comments are reported; the rest comes out', async () => {
  const lines = readFileSync(fixture('zendesk-tickets.jsonl'), 'utf8').trim().split('\n');
  const items = await collect('zendesk', [lines[0], '{"ticket": {"id": 5009', '"just a string"', '{"id": 5010, "subject": "x"}', lines[1]].join('\n'));
  assert.deepEqual(items.map((i) => [i.position, i.ok]), [['line 1', true], ['line 2', false], ['line 3', false], ['line 4', false], ['line 5', true]]);
  assert.match(errors(items)[0]!.reason, /invalid JSON/);
  assert.match(errors(items)[1]!.reason, /not a Zendesk ticket/);
  assert.match(errors(items)[2]!.reason, /no "comments" list and no description/);
});

test('zendesk: in one document a bad ticket is named by its id; a bad comment is left out with a warning', async () => {
  const doc = {
    tickets: [
      { id: 1, requester_id: 5, comments: [{ author_id: 5, body: 'hi', public: true }, 'garbage', { author_id: 6, public: true }] },
      { id: 2, comments: 'nope' },
      7,
    ],
  };
  const items = await collect('zendesk', JSON.stringify(doc, null, 2));
  assert.deepEqual(items.map((i) => [i.position, i.ok]), [['ticket 1', true], ['ticket 2', false], ['ticket #3', false]]);
  assert.deepEqual(oks(items)[0]!.import_warnings, ['comment 2 is not an object; left out', 'comment 3 has no body, plain_body or html_body; left out']);
});

test('freshdesk: JSON Lines with a bad ticket in the middle', async () => {
  const tickets = JSON.parse(readFileSync(fixture('freshdesk-tickets.json'), 'utf8')) as unknown[];
  const text = [JSON.stringify(tickets[0]), JSON.stringify({ id: 882, conversations: 'oops', description_text: 'x' }), JSON.stringify({ foo: 1 }), JSON.stringify(tickets[1])].join('\n');
  const items = await collect('freshdesk', text);
  assert.deepEqual(items.map((i) => [i.position, i.ok]), [['line 1', true], ['line 2', false], ['line 3', false], ['line 4', true]]);
  assert.match(errors(items)[0]!.reason, /"conversations" must be a list/);
  assert.match(errors(items)[1]!.reason, /not a Freshdesk ticket/);
});

test('zammad: a ticket without articles is reported by line', async () => {
  const lines = readFileSync(fixture('zammad-tickets.jsonl'), 'utf8').trim().split('\n');
  const items = await collect('zammad', [lines[0], '{"id": 33, "title": "no articles"}', lines[1]].join('\n'));
  assert.deepEqual(items.map((i) => [i.position, i.ok]), [['line 1', true], ['line 2', false], ['line 3', true]]);
  assert.match(errors(items)[0]!.reason, /no "articles" list/);
});

test('chatwoot: a bad line and an unknown message type', async () => {
  const lines = readFileSync(fixture('chatwoot-conversations.jsonl'), 'utf8').trim().split('\n');
  const odd = JSON.stringify({ id: 930, messages: [{ content: 'x', message_type: 9 }, { content: 'hello', message_type: 0 }] });
  const items = await collect('chatwoot', [lines[0], 'null', odd, lines[1]].join('\n'));
  assert.deepEqual(items.map((i) => [i.position, i.ok]), [['line 1', true], ['line 2', false], ['line 3', true], ['line 4', true]]);
  assert.deepEqual(oks(items)[1]!.import_warnings, ['message 1 has an unknown message_type 9; left out']);
});

test('freescout: a conversation without threads is named by its id in a document', async () => {
  const conv = JSON.parse(readFileSync(fixture('freescout-conversation.json'), 'utf8')) as object;
  const items = await collect('freescout', JSON.stringify([conv, { id: 418, subject: 'no threads' }], null, 2));
  assert.deepEqual(items.map((i) => [i.position, i.ok]), [['conversation 417', true], ['conversation 418', false]]);
  assert.match(errors(items)[0]!.reason, /no threads \(fetch it with embed=threads\)/);
});

test('twcs: bad ids, flags, dates and duplicates are reported by row; threads still come out', async () => {
  const text = [
    'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
    '1,555,True,Mon Nov 06 09:01:00 +0000 2017,@Acme help,2,',
    'x,555,True,Mon Nov 06 09:02:00 +0000 2017,bad id,,',
    '3,555,maybe,Mon Nov 06 09:03:00 +0000 2017,bad flag,,',
    '4,555,True,yesterday,bad date,,',
    '2,Acme,False,Mon Nov 06 09:05:00 +0000 2017,@555 on it,,1',
    '2,Acme,False,Mon Nov 06 09:06:00 +0000 2017,duplicate,,1',
  ].join('\n');
  const items = await collect('twcs', text);
  assert.deepEqual(items.map((i) => [i.position, i.ok]), [['row 3', false], ['row 4', false], ['row 5', false], ['row 7', false], ['row 2', true]]);
  assert.match(errors(items)[3]!.reason, /tweet 2 appears twice \(first in row 6\)/);
  assert.deepEqual(oks(items)[0]!.messages.map((m) => m.role), ['customer', 'agent']);
});

test('ubuntu-irc: bad annotation lines are reported; the threads from the good links come out', async () => {
  const raw = readFileSync(fixture('2020-01-02_00.raw.txt'));
  const annotations = Readable.from([Buffer.from('0 2 -\nnot a link\n2 4 -\n3 99 -\n3 7 -\n')]);
  const items = await collect('ubuntu-irc', raw, { annotations, date: '2020-01-02' });
  assert.deepEqual(items.map((i) => [i.position, i.ok]), [['annotation line 2', false], ['annotation line 4', false], ['line 1', true], ['line 4', true]]);
  assert.match(errors(items)[1]!.reason, /line 99 is past the end of the log \(9 lines\)/);
});

// ---------------------------------------------------------------- text, size, emptiness

test('htmlToText: scripts, styles and comments dropped, entities decoded, paragraphs and <br> kept, quotes marked', () => {
  const html =
    '<html><head><title>t</title><style>p{color:red}</style></head><body>' +
    '<p>Hi &amp; welcome,&nbsp;Dana</p><!-- tracking --><script>document.location="https://evil.example"</script>' +
    '<p>Line one<br>Line two</p><p>&lt;script&gt;alert(1)&lt;/script&gt; is just text here &#8212; fine &#x2713;</p>' +
    '<img src="x" onerror="alert(1)"><a href="https://example.com/reset">reset your password</a>' +
    '<blockquote><p>old message</p><p>second</p></blockquote></body></html>';
  assert.equal(
    htmlToText(html),
    'Hi & welcome, Dana\n\nLine one\nLine two\n\n<script>alert(1)</script> is just text here — fine ✓\n\nreset your password\n\n> old message\n>\n> second',
  );
  assert.equal(htmlToText(''), '');
  assert.equal(htmlToText('5 < 6 &amp;&amp; 7 > 3 &bogus;'), '5 < 6 && 7 > 3 &bogus;');
});

test('a huge field and a huge line are imported without trouble; a line past the limit is reported and skipped', async () => {
  const big = 'word '.repeat(1_000_000).trim(); // ~5 MB
  const csvItems = await collect('csv', `conversation_id,role,text\nA,customer,"${big}"\nA,agent,ok\n`);
  assert.equal(oks(csvItems)[0]!.messages[0]!.text.length, big.length);
  const line = JSON.stringify({ id: 'big', messages: [{ role: 'customer', text: big }] });
  const jsonItems = await collect('jsonl', `${line}\n${line}\n`);
  assert.equal(oks(jsonItems).length, 2);
  const htmlItems = await collect('zendesk', JSON.stringify({ id: 1, comments: [{ author_id: 1, public: true, html_body: `<p>${big}</p>` }] }));
  assert.equal(oks(htmlItems)[0]!.messages[0]!.text.length, big.length);
  const limited = await collect('jsonl', `${line}\n{"id": "small", "messages": []}\n`, { maxRecordBytes: 1024 });
  assert.deepEqual(limited.map((i) => [i.position, i.ok]), [['line 1', false], ['line 2', true]]);
  assert.match(errors(limited)[0]!.reason, /line too long/);
  const runaway = await collect('csv', `conversation_id,role,text\nA,customer,"${big}\n`, { maxRecordBytes: 64 * 1024 });
  assert.equal(runaway.length, 1);
  assert.match(errors(runaway)[0]!.reason, /without the end of a record \(an unclosed quote\?\); stopped reading/);
});

test('empty and blank input gives no conversations and no crash, for every importer', async () => {
  for (const id of Object.keys(IMPORTERS)) {
    for (const input of ['', '\n\n  \n', '\uFEFF']) {
      const items = await collect(id, input, id === 'ubuntu-irc' ? { annotations: Readable.from([]) } : undefined);
      const bad = errors(items).filter((e) => !/header/.test(e.reason));
      assert.deepEqual(oks(items), [], `${id} on ${JSON.stringify(input)}`);
      assert.deepEqual(bad, [], `${id} on ${JSON.stringify(input)}`);
    }
  }
});

test('garbage never throws: binary noise, a truncated gzip, a missing file, the wrong format', async () => {
  const noise = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
  for (const id of Object.keys(IMPORTERS)) {
    const items = await collect(id, noise, id === 'ubuntu-irc' ? { annotations: Readable.from([]) } : undefined);
    for (const i of items) if (!i.ok) assert.ok(i.position && i.reason, id);
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-import-'));
  const gz = join(dir, 'cut.jsonl.gz');
  const whole = gzipSync(readFileSync(fixture('canonical.jsonl')));
  writeFileSync(gz, whole.subarray(0, whole.length - 12));
  const cut = await collectFile(gz, { format: 'jsonl' });
  assert.ok(cut.length >= 1 && !cut.at(-1)!.ok, 'a truncated gzip ends with an error item');
  const missing = await collectFile(join(dir, 'nope.csv'));
  assert.deepEqual(missing.map((i) => i.ok), [false]);
  const wrong = await collectFile(fixture('messages.csv'), { format: 'zendesk' });
  assert.ok(wrong.length >= 1 && wrong.every((i) => !i.ok));
  const unknown = await collectFile(fixture('messages.csv'), { format: 'nope' });
  assert.match((unknown[0] as { reason: string }).reason, /unknown format "nope"/);
});

test('a pretty-printed document with a syntax error is one error with its line and column', async () => {
  const items = await collect('zendesk', '{\n  "tickets": [\n    {"id": 1,, "comments": []}\n  ]\n}\n');
  assert.equal(items.length, 1);
  assert.equal(items[0]!.position, 'document');
  assert.match((items[0] as { reason: string }).reason, /^invalid JSON \(line 3, column \d+\)/);
});

test('timestamps: ISO, SQL-style without zone (UTC), Unix seconds and milliseconds, Twitter dates', () => {
  assert.equal(toIso('2024-05-01 10:20:30'), '2024-05-01T10:20:30Z');
  assert.equal(toIso('2024-05-01T12:20:30+02:00'), '2024-05-01T10:20:30Z');
  assert.equal(toIso(1717664400), '2024-06-06T09:00:00Z');
  assert.equal(toIso(1717664400123), '2024-06-06T09:00:00.123Z');
  assert.equal(toIso('yesterday'), undefined);
  assert.equal(new Date(parseTwitterDate('Tue Oct 31 22:10:47 +0000 2017')).toISOString(), '2017-10-31T22:10:47.000Z');
  assert.equal(new Date(parseTwitterDate('Tue Oct 31 22:10:47 +0530 2017')).toISOString(), '2017-10-31T16:40:47.000Z');
});

// ---------------------------------------------------------------- shared corpora

test('twcs: the 5,000-row sample rebuilds into 1,312 threads', { skip: existsSync(TWCS_SAMPLE) ? false : `no ${TWCS_SAMPLE} here` }, async () => {
  const items = await collectFile(TWCS_SAMPLE);
  const conversations = oks(items);
  assert.deepEqual(errors(items), []);
  assert.equal(conversations.length, 1312);
  assert.equal(conversations.filter((c) => c.messages.length >= 4).length, 506);
  assert.equal(conversations.reduce((n, c) => n + c.messages.length, 0), 5000);
  const roles = conversations.flatMap((c) => c.messages.map((m) => m.role));
  assert.equal(roles.filter((r) => r === 'customer').length, 2778);
  assert.equal(roles.filter((r) => r === 'agent').length, 2222);
  const first = conversations[0]!;
  assert.equal(first.id, '8');
  assert.equal(first.company, 'sprintcare');
  assert.deepEqual(first.messages.map((m) => m.id), ['8', '6', '5', '4', '3', '1', '2']);
  assert.ok(conversations.every((c) => c.messages.every((m, i) => i === 0 || m.at! >= c.messages[i - 1]!.at!)));
});

test('ubuntu-irc: a dev file threads exactly as the gold clusters', { skip: existsSync(IRC_DEV) ? false : `no ${IRC_DEV} here` }, async () => {
  const file = join(IRC_DEV, '2004-11-15_03.raw.txt.gz');
  const items = await collectFile(file);
  assert.deepEqual(errors(items), []);
  const raw = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  // Gold clusters list the annotated lines (from 1000 on); threads with only join/part notices give no conversation.
  const gold = gunzipSync(readFileSync(join(DATA, 'ubuntu-irc-disentanglement', 'gold.dev.clusters.txt.gz')))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith('2004-11-15_03:'))
    .map((l) => l.split(':')[1]!.trim().split(/\s+/).map(Number).sort((a, b) => a - b))
    .filter((ids) => ids.some((i) => !raw[i]!.startsWith('===')))
    .map((ids) => ids.join(' '))
    .sort();
  const conversations = oks(items);
  const mine = conversations
    .map((c) => c.messages.map((m) => (m.line as number) - 1).filter((i) => i >= 1000).join(' '))
    .sort();
  assert.equal(conversations.length, 21);
  assert.deepEqual(mine, gold);
  const first = conversations.find((c) => c.id === '2004-11-15_03:1002')!;
  assert.ok(first, 'the thread starting at line 1002');
  assert.equal(first.channel, 'chat');
  assert.equal(first.messages[0]!.role, 'customer');
  assert.match(first.messages[0]!.at!, /^2004-11-15T03:/);
  // A thread reaches back into the context lines (which start at 12:18 the day before).
  const early = conversations.find((c) => c.id === '2004-11-15_03:685')!;
  assert.deepEqual([early.messages[0]!.line, early.messages[0]!.at], [686, '2004-11-15T01:35:00Z']);
  const firstLine = await collect('ubuntu-irc', Readable.from([Buffer.from(raw.slice(0, 2).join('\n'))]), { date: '2004-11-15', annotations: Readable.from([Buffer.from('0 1 -\n')]) });
  assert.equal(oks(firstLine)[0]!.messages[0]!.at, '2004-11-15T12:18:00Z', 'no annotation past the start: the date is the first line\'s');
});

test('importFile reads .gz through openTextStream like the CLI does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-import-'));
  const gz = join(dir, 'conversations.jsonl.gz');
  writeFileSync(gz, gzipSync(readFileSync(fixture('canonical.jsonl'))));
  const viaImportFile = oks(await collectFile(gz));
  const viaStream = oks(await collect('jsonl', openTextStream(gz)));
  assert.equal(viaImportFile.length, 2);
  assert.deepEqual(viaImportFile, viaStream);
});

test('JSON: one-element pretty arrays and wrappers are documents; JSON Lines with a broken first line are still lines', async () => {
  const ticket = { id: 9, requester_id: 1, comments: [{ author_id: 1, body: 'hi', public: true }] };
  const array = `[\n${JSON.stringify(ticket)}\n]\n`;
  assert.deepEqual((await collect('zendesk', array)).map((i) => [i.position, i.ok]), [['ticket 9', true]]);
  const wrapper = `{"tickets": [\n${JSON.stringify(ticket)}\n]}\n`;
  assert.deepEqual((await collect('zendesk', wrapper)).map((i) => [i.position, i.ok]), [['ticket 9', true]]);
  const lines = `{"id": 8, "comm\n${JSON.stringify(ticket)}\n${JSON.stringify({ ...ticket, id: 10 })}\n`;
  assert.deepEqual((await collect('zendesk', lines)).map((i) => [i.position, i.ok]), [['line 1', false], ['line 2', true], ['line 3', true]]);
  const page = JSON.stringify({ tickets: [ticket, { ...ticket, id: 11 }] });
  assert.deepEqual((await collect('zendesk', `${page}\n${page}\n`)).map((i) => i.position), ['line 1, ticket 9', 'line 1, ticket 11', 'line 2, ticket 9', 'line 2, ticket 11']);
});
