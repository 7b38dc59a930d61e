import type { Rule } from '../../rule.js';
import { dead, onePerSentence } from './shared.js';

// Open door: "if that doesn't sort it, just reply", "let me know if anything
// else comes up", "feel free to reach out", "I'm here if you need anything".
// Not a request for information ("let me know which browser you use") and not a
// conditional step ("if it doesn't boot, hold the power button").

/** After "let me know if/whether/how…", words that make it an invitation back. */
const OUTCOME = new Set([
  'works', 'worked', 'work', 'working', 'helps', 'helped', 'help', 'fix', 'fixes', 'fixed', 'sorts', 'sorted', 'solves', 'solved', 'resolves', 'resolved',
  "doesn't", "didn't", "don't", "isn't", "won't", 'still', 'anything', 'something', 'need', 'needs', 'questions', 'question', 'else', 'problem', 'problems',
  'issue', 'issues', 'persists', 'continues', 'again', 'trouble', 'changes', 'goes', 'went', 'go', 'get', 'got', 'gets', 'any', 'more', 'further',
  'returns', 'back', 'stuck', 'recurs', 'happens', 'improves', 'better', 'difference', 'does', 'did', 'not', 'unclear', 'clear', 'sense', 'wrong',
  'fine', 'ok', 'okay', 'alright', 'successful', 'success', 'luck', 'behaves',
]);
/** Words that make a way back conditional, and so an invitation. */
const CONDITION = new Set(['if', 'whenever', 'unless', 'anytime', 'otherwise', 'any', 'anything', 'else']);
export const openDoor: Rule = {
  id: 'ack/open-door',
  category: 'open-door',
  on: 'agent',
  docs: {
    summary: 'Invites the customer back if the fix does not work or they need more.',
    why: 'A customer who knows they can come back tries the fix with confidence instead of worrying about starting over.',
    instead: 'End with the way back: "If that doesn\'t sort it, just reply here and I\'ll pick it up."',
  },
  examples: {
    invalid: [
      { text: "That should do it. If it doesn't, just reply here.", excerpt: "If it doesn't, just reply here." },
      'Let me know if anything else comes up!',
      'Feel free to reach out any time.',
      "I'm here if you need anything else.",
      'let me know how it goes',
    ],
    valid: [
      'Let me know which browser you are using.',
      "If it doesn't boot, hold the power button for ten seconds.",
      { text: 'You said "feel free to reach out" but nobody answered?', note: 'quoted' },
      'If you have any other devices on that network, restart them too.',
    ],
  },
  check(ctx) {
    const own = ctx.matches('trust.open-door');
    const back = ctx.matches('trust.comeback');
    if (own.length === 0 && back.length === 0) return;
    const tokens = ctx.doc.tokens;
    const found: Array<{ start: number; end: number }> = [];
    const sentence = (s: { contentFirst: number; end: number }): void => {
      found.push({ start: tokens[s.contentFirst]!.start, end: s.end });
    };
    for (const m of own) {
      if (dead(ctx, m)) continue;
      const s = ctx.doc.sentenceAt(m.start);
      if (!s) continue;
      const tail = tokens[m.last - 1]!.norm;
      if (tail === 'when' || tail === 'once') {
        // "let me know when you're at your desk" asks for something; "…once it's through" reports back.
        let ok = false;
        for (let k = m.last; k < Math.min(s.last, m.last + 7); k++) if (OUTCOME.has(tokens[k]!.norm)) ok = true;
        if (!ok) continue;
      }
      sentence(s);
    }
    for (const m of back) {
      if (dead(ctx, m)) continue;
      const s = ctx.doc.sentenceAt(m.start);
      if (!s || s.question) continue;
      // A way back is an invitation when the sentence is conditional: "if it drops again, text us".
      let conditional = false;
      for (let k = s.first; k < s.last; k++) {
        const n = tokens[k]!.norm;
        if (CONDITION.has(n) || (n === 'should' && k === s.contentFirst) || (n === 'in' && tokens[k + 1]?.norm === 'case')) { conditional = true; break; }
      }
      if (!conditional) continue;
      sentence(s);
    }
    for (const f of onePerSentence(ctx, found)) {
      ctx.report({ start: f.start, end: f.end, explanation: 'You told the customer they can come back, so they will try the fix without worrying about starting over.' });
    }
  },
};
