// `ubuntu-irc`: #ubuntu IRC logs in the format of the IRC disentanglement
// corpus (Kummerfeld et al., ACL 2019): raw lines "[HH:MM] <nick> text",
// "[HH:MM]  * nick action" and "=== system notice"; and an annotation file of
// reply links "i j -" between 0-based raw line numbers (i == j starts a
// conversation).
//
// Threads are the connected components of the links, in order of their first
// line; lines no link touches (the corpus's leading context) are left out. The
// person who speaks first in a thread asked the question: customer; everyone
// else (helpers, the ubotu factoid bot) is an agent. System notices inside a
// thread are system messages. Channel: chat. A thread's id is
// "<file stem>:<first line>" with the 0-based line numbers of the annotations
// and the corpus's gold cluster files; each message keeps its 1-based `line`
// in the log (as an editor counts, like the positions). A thread includes the
// context lines its links reach (the question asked before the annotated
// window), so its id can be a line before 1000 where the gold clusters, which
// list annotated lines only, start later.
//
// Time: the file name's date ("2004-11-15_03.raw.txt.gz") is the date of the
// first annotated line (the corpus picks a start point and keeps the 1,000
// lines before it as context, which may reach back into the previous day), and
// the clock going backwards by more than an hour means midnight passed.
//
// The annotations come from ImportOptions.annotations, or from the file beside
// ImportOptions.path (".raw.txt[.gz]" → ".annotation.txt[.gz]"). Without
// annotations a plain log is threaded by addressing instead: "nick: …" replies
// to nick's last message, and a message addressing no one continues its
// speaker's last thread if that was within 10 minutes (`threading:
// "addressee"` on such conversations). The whole log (one day window) is held
// in memory.

import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { Conversation, Message } from '../../engine/types.js';
import { openTextStream } from '../jsonl.js';
import { readLines } from './lines.js';
import type { ImportItem, ImportOptions, Importer } from './types.js';
import { errorText, guard } from './util.js';

interface IrcLine {
  index: number;
  kind: 'message' | 'action' | 'system';
  nick?: string;
  text: string;
  /** Minutes since midnight, when the line has a time. */
  minutes?: number;
}

const MESSAGE = /^\[(\d{2}):(\d{2})\]\s+<([^>\s]+)>\s?(.*)$/;
const ACTION = /^\[(\d{2}):(\d{2})\]\s+\*\s+(\S+)\s?(.*)$/;
const SYSTEM = /^(?:\[(\d{2}):(\d{2})\]\s+)?===\s*(.*)$/;
const LINK = /^\s*(\d+)\s+(\d+)\s+-?\s*$/;
const ADDRESSEE = /^([^\s:,]{1,40})[:,]\s/;
const SAME_SPEAKER_MINUTES = 10;

export function parseIrcLine(index: number, raw: string): IrcLine {
  let m = MESSAGE.exec(raw);
  if (m) return { index, kind: 'message', nick: m[3]!, text: m[4]!.trim(), minutes: Number(m[1]) * 60 + Number(m[2]) };
  m = ACTION.exec(raw);
  if (m) return { index, kind: 'action', nick: m[3]!, text: m[4]!.trim(), minutes: Number(m[1]) * 60 + Number(m[2]) };
  m = SYSTEM.exec(raw);
  if (m) return { index, kind: 'system', text: m[3]!.trim(), minutes: m[1] !== undefined ? Number(m[1]) * 60 + Number(m[2]) : undefined };
  return { index, kind: 'system', text: raw.trim() };
}

/** ".../2004-11-15_03.raw.txt.gz" → the annotation files that may sit beside it. */
export function annotationPaths(path: string): string[] {
  const stem = path.replace(/\.gz$/, '').replace(/(\.raw)?\.txt$/, '');
  return [`${stem}.annotation.txt.gz`, `${stem}.annotation.txt`];
}

function stemOf(path: string | undefined): string {
  if (!path) return 'irc';
  return basename(path).replace(/\.gz$/, '').replace(/\.txt$/, '').replace(/\.raw$/, '') || 'irc';
}

async function openAnnotations(options: ImportOptions): Promise<Readable | undefined> {
  if (options.annotations) return options.annotations;
  if (!options.path) return undefined;
  for (const p of annotationPaths(options.path)) {
    try {
      await access(p);
      return openTextStream(p);
    } catch {
      /* try the next name */
    }
  }
  return undefined;
}

class Components {
  private up = new Map<number, number>();
  add(x: number): void {
    if (!this.up.has(x)) this.up.set(x, x);
  }
  find(x: number): number {
    let p = this.up.get(x) ?? x;
    while (p !== x) {
      const gp = this.up.get(p) ?? p;
      this.up.set(x, gp);
      x = gp;
      p = this.up.get(x) ?? x;
    }
    return x;
  }
  union(a: number, b: number): void {
    this.add(a);
    this.add(b);
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.up.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  groups(): number[][] {
    const by = new Map<number, number[]>();
    for (const x of this.up.keys()) {
      const r = this.find(x);
      let g = by.get(r);
      if (!g) by.set(r, (g = []));
      g.push(x);
    }
    return [...by.values()].map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
  }
}

/** Day offsets per line: the clock going back by more than an hour means the next day. */
function dayOffsets(lines: IrcLine[]): number[] {
  const out: number[] = [];
  let day = 0;
  let last: number | undefined;
  for (const l of lines) {
    if (l.minutes !== undefined) {
      if (last !== undefined && l.minutes < last - 60) day++;
      last = l.minutes;
    }
    out.push(day);
  }
  return out;
}

function dateOf(options: ImportOptions): number | undefined {
  const s = options.date ?? (options.path ? /(\d{4}-\d{2}-\d{2})/.exec(basename(options.path))?.[1] : undefined);
  if (!s) return undefined;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) ? t : undefined;
}

function addresseeLinks(lines: IrcLine[], comps: Components): void {
  const lastBy = new Map<string, IrcLine>();
  const lower = (s: string) => s.toLowerCase();
  for (const l of lines) {
    if (l.kind === 'system' || !l.nick) continue;
    comps.add(l.index);
    const to = ADDRESSEE.exec(l.text)?.[1];
    const target = to ? lastBy.get(lower(to)) : undefined;
    if (target && lower(target.nick!) !== lower(l.nick)) comps.union(l.index, target.index);
    else {
      const mine = lastBy.get(lower(l.nick));
      if (mine && mine.minutes !== undefined && l.minutes !== undefined && (l.minutes - mine.minutes + 1440) % 1440 <= SAME_SPEAKER_MINUTES)
        comps.union(l.index, mine.index);
    }
    lastBy.set(lower(l.nick), l);
  }
}

async function* read(input: Readable, options: ImportOptions = {}): AsyncGenerator<ImportItem> {
  const lines: IrcLine[] = [];
  for await (const line of readLines(input, options.maxRecordBytes)) {
    const index = line.n - 1;
    if (!line.ok) {
      yield { ok: false, position: `line ${line.n}`, reason: `line too long (${line.bytes} bytes); skipped` };
      lines.push({ index, kind: 'system', text: '' });
      continue;
    }
    lines.push(parseIrcLine(index, line.text));
  }
  if (lines.length === 0) return;

  const comps = new Components();
  let annotated = false;
  let firstAnnotated = Infinity;
  let annotations: Readable | undefined;
  try {
    annotations = await openAnnotations(options);
  } catch (e) {
    yield { ok: false, position: 'annotations', reason: `could not open the annotation file: ${errorText(e)}` };
  }
  if (annotations) {
    try {
      for await (const a of readLines(annotations)) {
        const position = `annotation line ${a.n}`;
        if (!a.ok) {
          yield { ok: false, position, reason: 'line too long; skipped' };
          continue;
        }
        if (!a.text.trim()) continue;
        const m = LINK.exec(a.text);
        if (!m) {
          yield { ok: false, position, reason: `expected "i j -" (two line numbers), got ${JSON.stringify(a.text.slice(0, 80))}` };
          continue;
        }
        const i = Number(m[1]);
        const j = Number(m[2]);
        const bad = [i, j].find((x) => x >= lines.length);
        if (bad !== undefined) {
          yield { ok: false, position, reason: `line ${bad} is past the end of the log (${lines.length} lines)` };
          continue;
        }
        annotated = true;
        firstAnnotated = Math.min(firstAnnotated, Math.max(i, j));
        comps.union(i, j);
      }
    } catch (e) {
      yield { ok: false, position: 'annotations', reason: `could not read the annotation file further: ${errorText(e)}` };
    } finally {
      annotations.destroy();
    }
  }
  const groups = (() => {
    if (annotated) return comps.groups();
    const heuristic = new Components();
    addresseeLinks(lines, heuristic);
    return heuristic.groups();
  })();

  const day0 = dateOf(options);
  const days = dayOffsets(lines);
  // The first annotated message (the second number of a link) is the file name's date and hour.
  const anchor = annotated && Number.isFinite(firstAnnotated) ? firstAnnotated : 0;
  const anchorDay = days[anchor] ?? 0;
  const stem = stemOf(options.path);
  // A line without a time (a notice) takes the time of the line before it.
  let lastMinutes: number | undefined;
  const minutesAt = lines.map((l) => (lastMinutes = l.minutes ?? lastMinutes));

  for (const group of groups) {
    const members = group.map((i) => lines[i]!).filter(Boolean);
    const speakers = members.filter((l) => l.kind !== 'system');
    if (speakers.length === 0) continue;
    const asker = speakers[0]!.nick!.toLowerCase();
    const messages: Message[] = members.map((l) => {
      const m: Message =
        l.kind === 'system'
          ? { role: 'system', text: l.text }
          : {
              role: l.nick!.toLowerCase() === asker ? 'customer' : 'agent',
              text: l.kind === 'action' ? `${l.nick} ${l.text}`.trim() : l.text,
              author: l.nick!,
            };
      const minutes = minutesAt[l.index];
      if (day0 !== undefined && minutes !== undefined) {
        const t = day0 + ((days[l.index] ?? 0) - anchorDay) * 86_400_000 + minutes * 60_000;
        m.at = new Date(t).toISOString().replace('.000Z', 'Z');
      }
      if (l.kind === 'action') m.action = true;
      m.line = l.index + 1;
      return m;
    });
    const conversation: Conversation = { id: `${stem}:${group[0]}`, channel: 'chat', messages, platform: 'irc' };
    if (!annotated) conversation.threading = 'addressee';
    yield { ok: true, position: `line ${group[0]! + 1}`, conversation };
  }
}

export const ubuntuIrcImporter: Importer = {
  id: 'ubuntu-irc',
  description: '#ubuntu IRC logs ("[HH:MM] <nick> text") with disentanglement reply links ("i j -"); threads by addressing without them',
  read: (input, options) => guard(input, read(input, options)),
};
