import type { Rule } from '../../rule.js';
import { byFirst, dead, onePerSentence } from './shared.js';

// Acknowledgment: thanks for what the customer gave or did ("thanks for the
// screenshot", "thanks for your patience"), agreeing with what they said
// ("you're right, the invoice is wrong"), or saying what the agent is doing now
// ("I'm checking the logs now"). Not a bare "Thanks," and not "thanks for
// contacting us".

/** Words that make what follows a condition rather than something done. */
const CONDITIONAL = new Set(['once', 'when', 'if', 'after', 'before', 'until', 'unless', 'whether', 'till']);

/** Adverbs between "I'm" and the verb: "I'm also wiping…". */
const NOW_ADVERBS = new Set(['also', 'now', 'just', 'currently', 'already', 'quickly', 'personally', 'actively']);
/** -ing words after "I'm" that are not work in hand. */
const NOT_WORK = new Set(['going', 'hoping', 'thinking', 'wondering', 'guessing', 'assuming', 'feeling', 'getting', 'seeing', 'having', 'being', 'saying', 'asking', 'waiting', 'leaving', 'finishing', 'logging', 'closing', 'ending', 'stopping', 'pausing']);

export const acknowledgment: Rule = {
  id: 'ack/acknowledgment',
  category: 'acknowledgment',
  on: 'agent',
  docs: {
    summary: 'Acknowledges what the customer gave, did or said, or says what the agent is doing now.',
    why: 'Customers who see their effort noticed, and who know someone is working on it right now, stay patient and keep helping.',
    instead: 'Name what they did: "Thanks for the screenshot, that shows the error clearly." Or say what you are doing: "I\'m checking the server logs now."',
  },
  examples: {
    invalid: [
      { text: 'Thanks for the screenshot, that helps a lot.', excerpt: 'Thanks for the screenshot' },
      'Thank you for trying the restart already.',
      "You're right, the invoice shows the old plan.",
      "I'm checking the server logs now.",
      'thanks for your patience while we sorted this',
      "I've just unblocked your phone, so mail should start arriving again.",
      'Good that you tried the other cable first, that rules out the port.',
      "Your manager's right, the licence renewed last week.",
      "I'm also resetting the mailbox rules now.",
      "I can't thank you enough for the detailed log.",
    ],
    valid: [
      'Thanks for contacting the service desk.',
      'Hi Dana,',
      "Thanks,\nSam",
      { text: 'The old ticket says "thanks for the screenshot", but nothing was attached to it.', note: 'quoted' },
      "You're not right about that.",
      { text: "Once we've issued the refund, the bank takes over.", note: 'a condition, not something done' },
      { text: "I haven't moved the booking yet.", note: 'negated' },
      "I'm closing this chat now.",
      { text: 'Not a silly question at all.', note: 'reassurance, not an acknowledgment' },
    ],
  },
  check(ctx) {
    const found: Array<{ start: number; end: number }> = [];
    const thanks = ctx.matches('trust.ack.thanks');
    if (thanks.length) {
      const generic = byFirst(ctx, 'trust.ack.thanks.generic');
      for (const m of thanks) {
        if (dead(ctx, m)) continue;
        // The "for" of the thanks is its last token, or the one before a possessive.
        let forIdx = -1;
        for (let k = m.first; k < m.last; k++) if (ctx.doc.tokens[k]!.norm === 'for') forIdx = k;
        if (forIdx >= 0 && generic.has(forIdx)) continue;
        // "thanks for that" / "thanks for this" alone is a reflex, not an acknowledgment.
        const next = ctx.doc.tokens[m.last];
        if ((ctx.doc.tokens[m.last - 1]!.norm === 'that' || ctx.doc.tokens[m.last - 1]!.norm === 'this') && (!next || next.kind === 'punct')) continue;
        const s = ctx.doc.sentenceAt(m.start);
        // The thanks and what it is for, up to the first punctuation.
        let k = m.last;
        while (s && k < s.last && k < m.last + 5 && ctx.doc.tokens[k]!.kind !== 'punct') k++;
        found.push({ start: m.start, end: ctx.doc.tokens[k - 1]!.end });
      }
    }
    for (const id of ['trust.ack.other', 'trust.ack.now']) {
      for (const m of ctx.matches(id)) {
        if (dead(ctx, m)) continue;
        const s = ctx.doc.sentenceAt(m.start);
        if (s?.question && id === 'trust.ack.other') continue;
        // "Once we've issued a refund…", "if I've moved it…": a condition, not a report.
        if (id === 'trust.ack.other' && CONDITIONAL.has(ctx.doc.tokens[m.first - 1]?.norm ?? '')) continue;
        found.push({ start: m.start, end: m.end });
      }
    }
    // "I'm also wiping it remotely now", "we're re-sending the invoice right now": any work in hand, said to be now.
    const toks = ctx.doc.tokens;
    for (let k = 0; k < toks.length - 2; k++) {
      const n = toks[k]!.norm;
      if (n !== "i'm" && n !== "we're") continue;
      let v = k + 1;
      while (v < toks.length && v <= k + 3 && NOW_ADVERBS.has(toks[v]!.norm)) v++;
      const verb = toks[v];
      if (!verb || verb.kind !== 'word' || verb.quoted || !verb.norm.endsWith('ing') || verb.norm.length < 6 || NOT_WORK.has(verb.norm)) continue;
      const s = ctx.doc.sentenceAt(toks[k]!.start);
      if (!s || s.question || ctx.doc.negated[v]) continue;
      let now = false;
      for (let j = v + 1; j < s.last; j++) if (toks[j]!.norm === 'now' || (toks[j]!.norm === 'speak' && toks[j - 1]!.norm === 'we')) now = true;
      if (now) found.push({ start: toks[k]!.start, end: verb.end });
    }
    for (const f of onePerSentence(ctx, found)) {
      ctx.report({ start: f.start, end: f.end, explanation: 'You acknowledged what the customer did or told them what you are doing right now.' });
    }
  },
};
