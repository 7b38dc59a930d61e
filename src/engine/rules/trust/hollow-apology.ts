import type { PhraseMatch } from '../../phrases/matcher.js';
import type { Rule, RuleContext } from '../../rule.js';
import { describeProblem } from '../util.js';
import { specificApologies } from './sincere-apology.js';

/**
 * "Sorry for the trouble" is hollow when nothing specific follows it in the
 * sentence; "sorry for the trouble with the March invoice" names something.
 */
function namesNothingAfter(ctx: RuleContext, m: PhraseMatch): boolean {
  const s = ctx.doc.sentenceAt(m.start);
  if (!s) return true;
  let words = 0;
  for (let k = m.last; k < s.last; k++) {
    const t = ctx.doc.tokens[k]!;
    if (t.norm === 'but' || t.norm === 'however' || t.norm === 'please') break;
    if (t.kind === 'punct' && (t.text === ',' || t.text === ';') && words === 0) break;
    if (t.kind === 'word' || t.kind === 'num') {
      if (['caused', 'this', 'has', 'may', 'have', 'might', 'you', 'experienced', 'been', 'had', 'it', 'that', 'here', 'today', 'again', 'all', 'so', 'far'].includes(t.norm)) continue;
      words++;
    }
  }
  return words < 2;
}

/** Words that may stand around a bare "sorry" without naming anything. */
const BARE_LEAD = new Set(["i'm", 'im', 'i', 'am', "we're", 'we', 'are', 'very', 'really', 'truly', 'terribly', 'awfully', 'aw', 'aww', 'awww', 'oh', 'ohh', 'omg', 'oops', 'eek', 'ah', 'ahh', 'ugh', 'hiya', 'hi', 'hey', 'heyy', 'heyyy', 'hiii', 'my', 'our', 'sincere', 'sincerest', 'deepest', 'huge', 'massive', 'big']);
const BARE_TAIL = new Set(['hun', 'hon', 'babe', 'mate', 'pal', 'lovely', 'dear', 'love', 'friend', 'again', 'everyone', 'all']);
const APOLOGY_WORDS = new Set(['sorry', 'apologies', 'soz', 'sry']);

/**
 * A bare "So sorry!!", "Sorry about that!", "Apologies." that names nothing, in a
 * reply where no apology names what went wrong (what `apology/specific` finds).
 * Not "sorry to hear that" (sympathy), not "sorry, could you…" (a softener before a request).
 */
function bareApologies(ctx: RuleContext): Array<{ start: number; end: number }> {
  const toks = ctx.doc.tokens;
  const out: Array<{ start: number; end: number }> = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (!APOLOGY_WORDS.has(t.norm) || t.quoted) continue;
    const s = ctx.doc.sentenceAt(t.start);
    if (!s || s.question) continue;
    // Only lead words before it in the sentence: "Sooo sorry", "Aww I'm so sorry".
    let i = k - 1;
    while (i >= s.contentFirst && (BARE_LEAD.has(toks[i]!.norm) || /^(so+|no+|o+h+)$/.test(toks[i]!.norm) || (toks[i]!.kind === 'punct' && toks[i]!.text !== '.'))) i--;
    if (i >= s.contentFirst) continue;
    if (toks[k - 1]?.norm === 'not') continue;
    // After it: "about that", "for that", a pet name, then the end of the sentence.
    let j = k + 1;
    if (['about', 'for'].includes(toks[j]?.norm ?? '') && ['that', 'this', 'it', 'all', 'everything'].includes(toks[j + 1]?.norm ?? '')) j += 2;
    while (j < s.last && (BARE_TAIL.has(toks[j]!.norm) || /^so+$/.test(toks[j]!.norm) || (toks[j]!.kind === 'punct' && toks[j]!.text === ','))) j++;
    const end = toks[j];
    if (end && j < s.last && !(end.kind === 'punct' && /^[.!\u2026]+$/.test(end.text))) continue;
    if (end && end.kind === 'punct' && end.text === ',' ) continue;
    out.push({ start: toks[s.contentFirst]!.start, end: toks[j - 1]!.end });
  }
  return out;
}

// A generic, conditional or passive apology: "we apologize for any inconvenience",
// "sorry if you feel that way". The words come from the list `apology.generic`.
// A bare "so sorry!!" is hollow only when no apology in the reply names what went wrong.
export const hollowApology: Rule = {
  id: 'apology/generic',
  category: 'hollow-apology',
  on: 'agent',
  docs: {
    summary: 'Generic, conditional or passive apologies that name nothing.',
    why: 'A stock apology sounds like a legal statement, and "sorry if you feel that way" puts the problem on the customer\'s feelings. Either one tells them nobody has looked at what went wrong.',
    instead: 'Name what went wrong and own it: "I\'m sorry the update removed your files."',
  },
  examples: {
    invalid: [
      { text: 'We apologize for any inconvenience caused.', excerpt: 'We apologize for any inconvenience caused' },
      'Sorry if you feel that way, but the policy is clear.',
      { text: 'Sorry for the trouble. Please try again later.', excerpt: 'Sorry for the trouble' },
      'sorry for the inconvience!!',
      { text: 'We regret any impact this may have had on your business.', customer: 'Your outage cost us a full day of sales.' },
      { text: 'Aww so sorry about that!! We will get it looked at!', excerpt: 'Aww so sorry about that', customer: 'My order never arrived.' },
      { text: "Sorry about that. Have you tried restarting it?", customer: 'The app crashes every time.' },
      { text: 'I apologise if the steps were confusing. Please try again.', excerpt: 'apologise if the steps were' },
      'We regret that some customers may have been affected by the outage.',
    ],
    valid: [
      { text: "I'm sorry the update removed your files — let's get them back.", customer: 'The update deleted my documents!' },
      'Sorry for the delay: the courier lost the parcel, and a new one ships today.',
      { text: 'You wrote "sorry for any inconvenience" in your last email — no need to apologise at all!', note: 'the agent quotes the phrase' },
      'Sorry for the trouble with the March invoice: we billed the old plan, and I have corrected it.',
      { text: "I'm so sorry. Our update last night deleted your saved playlists, and I've restored them.", note: 'the next sentence names what went wrong' },
      { text: "Sorry, could you send me the order number?", note: 'a softener before a request' },
      { text: 'Sorry to hear that. Which printer is it?', note: 'sympathy, not an apology' },
      { text: 'Your parcel went to the old address — sorry about that. A new one ships today.', note: 'named before the apology' },
    ],
  },
  check(ctx) {
    const bare = bareApologies(ctx);
    if (bare.length && specificApologies(ctx).length === 0) {
      const problem = describeProblem(ctx);
      for (const b of bare) {
        ctx.report({
          start: b.start,
          end: b.end,
          explanation: 'This apology names nothing, so it reads as a formula. Say what went wrong and that you are fixing it.',
          suggestion: "I'm sorry {{problem}} — here's what I'm doing about it.".replace('{{problem}}', problem),
        });
      }
    }
    const matches = [...ctx.matches('apology.generic'), ...ctx.matches('apology.bare-trouble')];
    for (const m of matches) {
      if (ctx.isQuoted(m)) continue;
      const entry = ctx.entry(m);
      if ((m.list === 'apology.bare-trouble' || entry.note) && !namesNothingAfter(ctx, m)) continue;
      const problem = describeProblem(ctx);
      ctx.report({
        start: m.start,
        end: m.end,
        explanation: 'This apology names nothing, so it reads as a formula. Say what went wrong and that you are fixing it.',
        suggestion: (entry.suggest ?? "I'm sorry {{problem}} — here's what I'm doing about it.").replace('{{problem}}', problem),
      });
    }
  },
};
