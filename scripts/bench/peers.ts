// Rapport beside its peers (issue 5, point 1): the same agent replies through
// Rapport's engine, alex, write-good, retext with seven plugins, and one
// precompiled regular expression — the floor for reading each character once.
// In-process, one core, each tool built once and reused where its API allows,
// each timed in whole passes over the same messages for a fixed wall budget.
// A peer that cannot be loaded (not installed, broken) is reported, not fatal.

import type { Engine } from '../../src/engine/index.js';
import { fmt, ratio, table, timeForBudget } from './format.js';

/** One tool: how to build it once, and what one call on a message costs. */
interface Peer {
  name: string;
  /** What is called per message, printed under the table. */
  calls: string;
  /** Builds the tool once; the returned function is timed (it returns a count, to keep results alive). */
  load: () => Promise<(text: string) => number>;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 160);

/**
 * A `\b(?:…)\b` alternation of `size` words and phrases taken from the engine's
 * own phrase lists (the literal runs of their patterns), so the floor scans for
 * the same kind of vocabulary Rapport does.
 */
export function phraseRegex(engine: Engine, size = 200): RegExp {
  const seen = new Set<string>();
  for (const list of engine.lists.values()) {
    for (const entry of list.entries) {
      // Pattern syntax — (a|b), [optional], * wildcards — splits the literal word runs apart.
      for (const part of entry.pattern.toLowerCase().split(/[()[\]|*]+/)) {
        const phrase = part.trim().replace(/\s+/g, ' ');
        if (phrase.length >= 4 && /^[a-z][a-z' -]*[a-z]$/.test(phrase)) seen.add(phrase);
        if (seen.size >= size) break;
      }
      if (seen.size >= size) break;
    }
    if (seen.size >= size) break;
  }
  const escaped = [...seen].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
}

function peers(engine: Engine): Peer[] {
  const regex = phraseRegex(engine);
  const alternations = regex.source.split('|').length;
  return [
    {
      name: 'Rapport',
      calls: 'engine.analyze({ messages: [{ role: "agent", text }] }) — each reply as a one-message agent conversation',
      load: async () => (text) => engine.analyze({ messages: [{ role: 'agent', text }] }).findings.length,
    },
    {
      name: 'alex 11',
      // alex's plain-text entry point (no markdown parse): the cheapest it offers.
      // It builds its unified processor inside every call; its API has no way to reuse one.
      calls: 'alex.text(text) — alex\'s cheapest API; builds its processor per call',
      load: async () => {
        const { text: alexText } = await import('alex');
        return (text) => alexText(text).messages.length;
      },
    },
    {
      name: 'alex\'s plugins, reused',
      // What alex does per message once construction is taken out: its two checks on one frozen processor.
      calls: 'retext().use(retext-equality).use(retext-profanities), frozen once; processSync(text)',
      load: async () => {
        const [{ retext }, equality, profanities] = await Promise.all([import('retext'), import('retext-equality'), import('retext-profanities')]);
        const processor = retext().use(equality.default).use(profanities.default).freeze();
        return (text) => processor.processSync(text).messages.length;
      },
    },
    {
      name: 'write-good',
      calls: 'writeGood(text) — default checks',
      load: async () => {
        const writeGood = (await import('write-good')).default;
        return (text) => writeGood(text).length;
      },
    },
    {
      name: 'retext + 7 plugins',
      calls: 'retext (retext-latin) with equality, profanities, simplify, passive, readability, repeated-words, intensify; frozen once; processSync(text)',
      load: async () => {
        const [{ retext }, equality, profanities, simplify, passive, readability, repeated, intensify] = await Promise.all([
          import('retext'), import('retext-equality'), import('retext-profanities'), import('retext-simplify'),
          import('retext-passive'), import('retext-readability'), import('retext-repeated-words'), import('retext-intensify'),
        ]);
        const processor = retext()
          .use(equality.default).use(profanities.default).use(simplify.default).use(passive.default)
          .use(readability.default).use(repeated.default).use(intensify.default)
          .freeze();
        return (text) => processor.processSync(text).messages.length;
      },
    },
    {
      name: `one regex, ${alternations} alternations`,
      calls: `/\\b(?:…)\\b/gi of ${alternations} words and phrases from Rapport's phrase lists, precompiled; counts matches with exec()`,
      load: async () => (text) => {
        let n = 0;
        regex.lastIndex = 0;
        while (regex.exec(text)) n++;
        return n;
      },
    },
  ];
}

/**
 * Times every peer on `replies` and prints the table (via `say`). Returns
 * each tool's messages/s on these replies (NaN when it could not run).
 */
export async function peerBench(engine: Engine, replies: readonly string[], say: (line?: string) => void, budgetMs = 2000): Promise<{ rapport: number; byTool: Record<string, number> }> {
  const words = replies.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0) / replies.length;
  const chars = replies.reduce((n, t) => n + t.length, 0) / replies.length;
  say(`\nPeers on the same ${replies.length} agent replies of the corpus (mean ${fmt(words, 0)} words, ${fmt(chars, 0)} characters), in-process, one instance each, ≥ ${fmt(budgetMs / 1000, 1)} s of whole passes after a warm-up of ≥ 1 s and ≥ 300 calls (≤ 5 s)`);
  // `error` is what the table says ("not available"/"failed"); `reason` is printed under it, to keep the table narrow.
  const results: Array<{ peer: Peer; perSec: number; error?: string; reason?: string }> = [];
  for (const peer of peers(engine)) {
    let fn: (text: string) => number;
    try {
      fn = await peer.load();
    } catch (e) {
      results.push({ peer, perSec: NaN, error: 'not available', reason: errorText(e) });
      continue;
    }
    try {
      const t = timeForBudget(replies, fn, budgetMs);
      results.push({ peer, perSec: t.calls / (t.ms / 1000) });
    } catch (e) {
      results.push({ peer, perSec: NaN, error: 'failed', reason: errorText(e) });
    }
  }
  const rapport = results[0]!.perSec;
  const rows: string[][] = [['tool', 'messages/s', 'µs per message', 'Rapport ÷ tool']];
  for (const { peer, perSec, error } of results) {
    if (error) rows.push([peer.name, error, '', '']);
    else rows.push([peer.name, fmt(perSec, 0), fmt(1e6 / perSec, 1), ratio(rapport / perSec)]);
  }
  say(table(rows));
  say('Called per message:');
  for (const { peer, error, reason } of results) say(`  ${peer.name}: ${error ? `${error}: ${reason}` : peer.calls}`);
  return { rapport, byTool: Object.fromEntries(results.map((x) => [x.peer.name, x.perSec])) };
}
