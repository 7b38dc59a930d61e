// `twcs`: the "Customer Support on Twitter" corpus (Kaggle, Thought Vector):
// one tweet a row, columns tweet_id, author_id, inbound, created_at ("Tue Oct
// 31 22:10:47 +0000 2017"), text, response_tweet_id (comma-separated),
// in_response_to_tweet_id.
//
// Threads are rebuilt from the reply links in both directions: a thread is a
// root tweet and every tweet that replies to it, directly or not (a connected
// component), in time order. Its id is the root tweet's id (the earliest tweet
// whose parent is not in the file). inbound True → customer (author: the
// anonymised numeric id), False → agent (author: the company's handle, also
// kept as the conversation's `company`).
//
// Channel: none. Public tweets are neither a chat nor an SMS exchange, and the
// taxonomy has no channel for social media; the conversation says
// `platform: "twitter"` instead, and channel-dependent checks (reply-time
// thresholds) use their defaults.
//
// Memory: links can point forwards or backwards anywhere in the file, so every
// row is held (compactly) until the file ends — fine for the samples and for
// the full corpus on a large machine; split very large files by company first.
// Rows are still read with csv-parse's streaming API.

import type { Readable } from 'node:stream';
import type { Conversation, Message } from '../../engine/types.js';
import { readCsvRows } from './csv-rows.js';
import type { ImportItem, ImportOptions, Importer } from './types.js';
import { guard, cleanText, toIso } from './util.js';
import { lookup } from '../../engine/lookup.js';

interface Tweet {
  id: string;
  row: number;
  author: string;
  inbound: boolean;
  time: number;
  at: string;
  text: string;
  parent?: string;
  replies?: string[];
}

const REQUIRED = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'in_response_to_tweet_id'];
const MONTHS: Readonly<Record<string, number>> = lookup({ jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 });

/** "Tue Oct 31 22:10:47 +0000 2017" (Twitter's format) → milliseconds, or NaN. */
export function parseTwitterDate(s: string): number {
  const m = /^\s*[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+([+-])(\d{2})(\d{2})\s+(\d{4})\s*$/.exec(s);
  if (!m) {
    const iso = toIso(s);
    return iso ? Date.parse(iso) : NaN;
  }
  const month = MONTHS[m[1]!.toLowerCase()];
  if (month === undefined) return NaN;
  const utc = Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8])) * 60_000;
  return utc - offset;
}

/** A tweet id as the corpus writes it; pandas sometimes left "3.0" for 3. */
function tweetId(s: string | undefined): string | undefined {
  const t = (s ?? '').trim().replace(/\.0+$/, '');
  return /^\d+$/.test(t) ? t : undefined;
}

async function* read(input: Readable, options: ImportOptions = {}): AsyncGenerator<ImportItem> {
  const tweets = new Map<string, Tweet>();
  const checkHeader = (names: string[]): string | undefined => {
    const missing = REQUIRED.filter((c) => !names.includes(c));
    return missing.length ? `not a twcs file: the header has no ${missing.map((c) => `"${c}"`).join(', ')} (it has: ${names.join(', ')})` : undefined;
  };
  for await (const r of readCsvRows(input, { delimiter: options.delimiter, maxRecordBytes: options.maxRecordBytes, checkHeader })) {
    const position = `row ${r.row}`;
    if (!r.ok) {
      yield { ok: false, position, reason: r.reason };
      if (r.fatal) return;
      continue;
    }
    const rec = r.record;
    const id = tweetId(rec.tweet_id);
    if (!id) {
      yield { ok: false, position, reason: `tweet_id ${JSON.stringify(rec.tweet_id ?? '')} is not a tweet id` };
      continue;
    }
    const dup = tweets.get(id);
    if (dup) {
      yield { ok: false, position, reason: `tweet ${id} appears twice (first in row ${dup.row}); this row is left out` };
      continue;
    }
    const inbound = (rec.inbound ?? '').trim().toLowerCase();
    if (inbound !== 'true' && inbound !== 'false') {
      yield { ok: false, position, reason: `inbound is ${JSON.stringify(rec.inbound ?? '')}; expected True or False` };
      continue;
    }
    const time = parseTwitterDate(rec.created_at ?? '');
    if (!Number.isFinite(time)) {
      yield { ok: false, position, reason: `created_at ${JSON.stringify(rec.created_at ?? '')} is not a date` };
      continue;
    }
    const author = (rec.author_id ?? '').trim();
    if (!author) {
      yield { ok: false, position, reason: 'empty author_id' };
      continue;
    }
    const tweet: Tweet = {
      id,
      row: r.row,
      author,
      inbound: inbound === 'true',
      time,
      at: new Date(time).toISOString().replace('.000Z', 'Z'),
      text: cleanText(rec.text ?? ''),
    };
    const parent = tweetId(rec.in_response_to_tweet_id);
    if (parent && parent !== id) tweet.parent = parent;
    const replies = (rec.response_tweet_id ?? '').split(',').map(tweetId).filter((x): x is string => !!x && x !== id);
    if (replies.length) tweet.replies = replies;
    tweets.set(id, tweet);
  }

  // Connected components over the reply links (union-find with path halving).
  const up = new Map<string, string>();
  const find = (x: string): string => {
    let p = up.get(x) ?? x;
    while (p !== x) {
      const gp = up.get(p) ?? p;
      up.set(x, gp);
      x = gp;
      p = up.get(x) ?? x;
    }
    return x;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) up.set(ra, rb);
  };
  for (const t of tweets.values()) {
    if (t.parent && tweets.has(t.parent)) union(t.id, t.parent);
    for (const r of t.replies ?? []) if (tweets.has(r)) union(t.id, r);
  }
  const threads = new Map<string, Tweet[]>();
  for (const t of tweets.values()) {
    const root = find(t.id);
    let list = threads.get(root);
    if (!list) threads.set(root, (list = []));
    list.push(t);
  }
  tweets.clear();
  up.clear();
  // Threads in the order of their first row in the file.
  const ordered = [...threads.values()].sort((a, b) => a[0]!.row - b[0]!.row);
  threads.clear();
  for (const members of ordered) {
    const ids = new Set(members.map((m) => m.id));
    members.sort((a, b) => a.time - b.time || a.row - b.row);
    const root = members.find((m) => !m.parent || !ids.has(m.parent)) ?? members[0]!;
    const messages: Message[] = members.map((m) => ({ role: m.inbound ? 'customer' : 'agent', text: m.text, author: m.author, at: m.at, id: m.id }));
    const company = members.find((m) => !m.inbound)?.author;
    const conversation: Conversation = { id: root.id, messages, platform: 'twitter' };
    if (company) conversation.company = company;
    yield { ok: true, position: `row ${root.row}`, conversation };
  }
}

export const twcsImporter: Importer = {
  id: 'twcs',
  description: 'Customer Support on Twitter (twcs.csv): tweets rebuilt into reply threads',
  read: (input, options) => guard(input, read(input, options)),
};
