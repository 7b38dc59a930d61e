import type { Rule } from '../../rule.js';
import { byFirst, dead, onePerSentence } from './shared.js';

// Acknowledgment: thanks for what the customer gave or did ("thanks for the
// screenshot", "thanks for your patience"), agreeing with what they said
// ("you're right, the invoice is wrong"), or saying what the agent is doing now
// ("I'm checking the logs now"). Not a bare "Thanks," and not "thanks for
// contacting us".

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
    ],
    valid: [
      'Thanks for contacting the service desk.',
      'Hi Dana,',
      "Thanks,\nSam",
      { text: 'The old ticket says "thanks for the screenshot", but nothing was attached to it.', note: 'quoted' },
      "You're not right about that.",
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
        found.push({ start: m.start, end: m.end });
      }
    }
    for (const f of onePerSentence(ctx, found)) {
      ctx.report({ start: f.start, end: f.end, explanation: 'You acknowledged what the customer did or told them what you are doing right now.' });
    }
  },
};
