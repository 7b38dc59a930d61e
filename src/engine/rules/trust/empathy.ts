import type { Rule, RuleContext } from '../../rule.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import { negatedNear, onePerSentence, sentenceSpanOf } from './shared.js';

// Empathy: names the customer's feeling or stake, or takes their side of it:
// "losing a morning's work before a deadline is awful", "I can see why that's
// frustrating", "I know how stressful it is when payroll is due". A bare
// "sorry to hear that" is not enough.

/** How far after a cue a feeling word may sit, by kind of cue. */
const WIDE = 10;
const NEAR = 3;

/** A cue followed, within `window` tokens of its sentence, by a live match of `list`. */
function pairs(ctx: RuleContext, cueList: string, list: string, window: number, skipQuestions: boolean): PhraseMatch[] {
  const cues = ctx.matches(cueList);
  if (cues.length === 0) return [];
  const words = ctx.matches(list);
  if (words.length === 0) return [];
  const out: PhraseMatch[] = [];
  for (const c of cues) {
    if (ctx.isQuoted(c) || negatedNear(ctx, c.first)) continue;
    const s = ctx.doc.sentenceAt(c.start);
    if (!s) continue;
    if (skipQuestions && s.question) continue;
    for (const w of words) {
      if (w.first < c.last || w.first > c.last + window - 1 || w.last > s.last) continue;
      if (negatedNear(ctx, w.first) || ctx.isQuoted(w)) continue;
      out.push({ ...c, last: w.last, end: w.end });
      break;
    }
  }
  return out;
}

export const empathy: Rule = {
  id: 'empathy/perspective',
  category: 'empathy',
  on: 'agent',
  docs: {
    summary: "Names the customer's feeling or what is at stake for them.",
    why: 'A customer who feels understood calms down and trusts the fix; one who only hears "sorry to hear that" feels processed.',
    instead: 'Name the feeling or the stake: "Losing a morning\'s work right before a deadline is awful — let\'s get it back."',
  },
  examples: {
    invalid: [
      { text: "I can see why that's frustrating, especially after two restarts.", excerpt: "I can see why that's frustrating, especially after two restarts." },
      "Losing a morning's work right before a deadline is awful. Let's get it back.",
      'I know how stressful it is when payroll is due.',
      'That sounds really worrying.',
      "I'd be fed up too.",
      "You're far from the only one caught out by that screen.",
      'These settings trip up plenty of people.',
      "Honestly, I don't blame you for giving up on it.",
      "I'm sorry it's given you so much worry with the move coming up.",
      'Three days without a working phone is awful.',
      "I'm so sorry you're dealing with this right before your deadline.",
      "I feel your pain, let's get the disk checked first.",
    ],
    valid: [
      'Sorry to hear that.',
      "I can see why it's failing: the certificate expired.",
      "It's important to back up first.",
      'Are you getting annoying pop-ups in the browser?',
      "That's the hard drive light.",
      "It's not difficult, I'll walk you through it.",
      { text: "No wonder it rejected the file: it's over the size limit.", note: 'no wonder about the system, not the customer' },
      'Sign in with your exam account and open the app.',
      { text: 'The job ran for three days without errors.', note: 'a duration with no feeling' },
    ],
  },
  check(ctx) {
    const found: PhraseMatch[] = [];
    for (const m of ctx.matches('trust.empathy.direct')) {
      if (ctx.isQuoted(m) || negatedNear(ctx, m.first)) continue;
      if (ctx.doc.sentenceAt(m.start)?.question) continue;
      found.push(m);
    }
    found.push(...pairs(ctx, 'trust.empathy.cue.wide', 'trust.empathy.feeling', WIDE, false));
    found.push(...pairs(ctx, 'trust.empathy.cue.near', 'trust.empathy.feeling', NEAR, true));
    found.push(...pairs(ctx, 'trust.empathy.stake-cue', 'trust.empathy.stake', 6, true));
    for (const f of onePerSentence(ctx, found)) {
      const s = ctx.doc.sentenceAt(f.start);
      const span = s ? sentenceSpanOf(ctx, s) : f;
      ctx.report({ start: span.start, end: span.end, explanation: "You named how this feels for the customer or what is at stake for them, so they feel understood." });
    }
  },
};
