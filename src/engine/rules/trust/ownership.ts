import type { Rule } from '../../rule.js';
import { dead, followed, onePerSentence } from './shared.js';

// Ownership: "I'll take care of this", "leave it with me", "I'll make sure it's
// fixed", "I've escalated it and I'll follow it through".

/** Commitments that are only offers when they sit in a condition. */
const WEAK = new Set(['follow', 'chase', 'contact', 'call', 'ring', 'email', 'keep', 'update', 'watch', 'monitor', 'stay', 'check']);
const NEGATORS = new Set(['not', 'never', "can't", 'cannot', "won't", 'unable']);

/** Before "I'll …": a condition or a question that is not a commitment. */
const NOT_COMMITTED = new Set(['if', 'whether', 'unless', 'should', 'shall', 'can', 'could', 'would', 'do', 'did']);

export const ownership: Rule = {
  id: 'trust/ownership',
  category: 'ownership',
  on: 'agent',
  docs: {
    summary: 'The agent takes responsibility for getting the problem solved.',
    why: 'Customers relax when one named person says the problem is now theirs; it means they will not have to chase.',
    instead: 'Say it in the first person: "I\'ll take care of this and keep you posted."',
  },
  examples: {
    invalid: [
      { text: "Leave it with me, I'll sort it out.", excerpt: 'Leave it with me' },
      "I'll make sure the refund goes through today.",
      "I've escalated it to the network team and I'll follow it through.",
      "Let me take care of that for you.",
    ],
    valid: [
      "You'll need to contact the vendor.",
      'Can I make sure I have your number right?',
      { text: 'Your manager said "leave it with me" last week?', note: 'quoted' },
      "I can't make sure of that, sorry.",
    ],
  },
  check(ctx) {
    const found: Array<{ start: number; end: number }> = [];
    const tokens = ctx.doc.tokens;
    if (tokens.length === 0) return;
    const conditional = (first: number): boolean => {
      const s = ctx.doc.sentenceAt(tokens[first]!.start);
      if (!s) return false;
      for (let k = s.first; k < first; k++) if (['if', 'unless', 'whether', 'once', 'when'].includes(tokens[k]!.norm)) return true;
      return false;
    };
    for (const m of ctx.matches('trust.own')) {
      if (dead(ctx, m)) continue;
      found.push({ start: m.start, end: m.end });
    }
    // "I'll come over myself", "I'm handling it personally".
    for (const s of ctx.doc.sentences) {
      let agent = -1;
      for (let k = s.first; k < s.last; k++) {
        const n = tokens[k]!.norm;
        if (["i'll", "i've", "i'm", 'i'].includes(n) && agent < 0) agent = k;
        if (agent >= 0 && (NEGATORS.has(n) || n.endsWith("n't"))) break; // "I'm not able to … myself"
        if ((n === 'myself' || n === 'personally') && agent >= 0 && !tokens[k]!.quoted && !ctx.doc.negated[k]) {
          found.push({ start: tokens[agent]!.start, end: tokens[k]!.end });
          break;
        }
      }
    }
    for (const p of followed(ctx, 'trust.agent-will', 'trust.own.verb')) {
      if (dead(ctx, p)) continue;
      const s = ctx.doc.sentenceAt(p.start);
      if (s?.question) continue;
      const prev = ctx.doc.tokens[p.first - 1]?.norm;
      if (prev && NOT_COMMITTED.has(prev)) continue;
      // "I can make sure…" is an offer, still ownership; "I need to make sure you…" checks, not owns.
      // A weak commitment inside a condition ("if it hasn't come by Friday, I'll follow it up") is an offer, not ownership yet.
      if (WEAK.has(tokens[p.tail.first]!.norm) && conditional(p.first)) continue;
      let checking = false;
      for (let k = p.head.first; k < p.head.last; k++) if (['need', 'want', 'like'].includes(ctx.doc.tokens[k]!.norm)) checking = true;
      if (checking) continue;
      found.push({ start: p.start, end: p.end });
    }
    for (const f of onePerSentence(ctx, found)) {
      ctx.report({ start: f.start, end: f.end, explanation: 'You took the problem on as yours, so the customer knows they will not have to chase it.' });
    }
  },
};
