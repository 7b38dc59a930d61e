import type { Rule, RuleContext } from '../../rule.js';
import { dead, negatedNear } from './shared.js';

// Overpromise: "this will definitely fix it", "it will never happen again",
// "done in 5 minutes, guaranteed". Not "I can't guarantee…" (negated), not
// "I'd definitely recommend…" (not about the outcome).
//
// Besides the phrase list, three constructions carry a guarantee whatever the
// words around them:
// - a future outcome sealed with a promise: "it'll be back up in 2 mins, promise!",
//   "we'll find them, I promise" (not the agent's own conduct: "I'll call you at 3, I promise",
//   nor a checked fact: "you haven't been charged, I promise — I've checked");
// - "guaranteed" closing a claim: "zero downtime guaranteed" (not "isn't guaranteed");
// - a bare "Definitely." / "Absolutely!" answering "will it…?" / "can you guarantee…?".

/** Future tokens that make the clause a prediction. */
const FUTURE = new Set(['will', "won't", 'wont', 'gonna', "it'll", "we'll", "you'll", "they'll", "that'll", "this'll", "there'll", "everything'll", "she'll", "he'll"]);
/** Words before "guaranteed" that make it a statement about a guarantee, not one given. */
const NOT_GIVEN = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'not', "isn't", "aren't", "wasn't", 'no', 'nothing', 'never', 'always', 'of', 'a', 'the', 'by', 'also', 'get', 'gets']);
/** A lone answer of certainty. */
const CERTAIN = new Set(['definitely', 'absolutely', 'totally', 'certainly', 'guaranteed', 'definately', 'defo']);

/** "…, promise!" / "…, I promise." closing a prediction about an outcome (not the agent's own conduct). */
function sealedPromises(ctx: RuleContext): Array<{ start: number; end: number }> {
  const toks = ctx.doc.tokens;
  const out: Array<{ start: number; end: number }> = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.norm !== 'promise' && t.norm !== 'promised' && t.norm !== 'swear') continue;
    if (t.quoted) continue;
    // The promise closes its clause: "…, promise!", "…, I promise."
    const next = toks[k + 1];
    if (next && next.kind !== 'punct') continue;
    let j = k - 1;
    if (toks[j]?.norm === 'i' || toks[j]?.norm === 'we') j--;
    if (j < 0 || toks[j]!.kind !== 'punct' || !/^[,\u2014\u2013-]$/.test(toks[j]!.text)) continue;
    const s = ctx.doc.sentenceAt(t.start);
    if (!s) continue;
    // The clause before: a future outcome whose subject is not the agent alone.
    let future = -1;
    for (let i = j - 1; i >= s.contentFirst && i >= j - 30; i--) {
      const n = toks[i]!.norm;
      if (toks[i]!.kind === 'punct' && (n === ';' || n === ':')) break;
      if (FUTURE.has(n) || (n === 'going' && toks[i + 1]?.norm === 'to')) { future = i; break; }
    }
    if (future < 0) continue;
    const subj = toks[future]!.norm;
    const before = toks[future - 1]?.norm;
    if (subj === "i'll" || ((subj === 'will' || subj === "won't" || subj === 'wont') && before === 'i')) continue;
    out.push({ start: toks[s.contentFirst]!.start, end: t.end });
  }
  return out;
}

/** "zero downtime guaranteed", "results guaranteed": a guarantee closing a claim. */
function closingGuarantees(ctx: RuleContext): Array<{ start: number; end: number }> {
  const toks = ctx.doc.tokens;
  const out: Array<{ start: number; end: number }> = [];
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.norm !== 'guaranteed' || t.quoted) continue;
    const next = toks[k + 1];
    if (next && next.kind !== 'punct') continue;
    const prev = toks[k - 1]!;
    if (prev.kind !== 'word' || NOT_GIVEN.has(prev.norm) || negatedNear(ctx, k) || ctx.doc.negated[k]) continue;
    out.push({ start: prev.start, end: t.end });
  }
  return out;
}

/** "Definitely." answering "will upgrading stop the buffering?". */
function certainAnswer(ctx: RuleContext): { start: number; end: number } | null {
  const s = ctx.doc.sentences[0];
  if (!s) return null;
  const toks = ctx.doc.tokens;
  let k = s.contentFirst;
  if (['yes', 'yep', 'yeah', 'oh'].includes(toks[k]?.norm ?? '')) k++;
  const w = toks[k];
  if (!w || !CERTAIN.has(w.norm) || w.quoted) return null;
  const after = toks[k + 1];
  if (after && after.kind !== 'punct') return null;
  // The customer asked about an outcome: "will it…?", "is it going to…?", "can you guarantee…?".
  const asked = ctx.customer.recent.some(({ doc }) => doc.sentences.some((q) => {
    if (!q.question) return false;
    for (let i = q.first; i < q.last; i++) {
      const n = doc.tokens[i]!.norm;
      // "will it…", "after the move, will our latency…": a prediction asked for ("will you call me?" is a request).
      if ((n === 'will' || n === "won't") && !['you', 'someone', 'somebody', 'anyone', 'i', 'we'].includes(doc.tokens[i + 1]?.norm ?? '')) return true;
      if (n === 'guarantee' || (n === 'going' && doc.tokens[i + 1]?.norm === 'to' && ['it', 'this', 'that'].includes(doc.tokens[i - 2]?.norm ?? ''))) return true;
    }
    return false;
  }));
  return asked ? { start: toks[s.contentFirst]!.start, end: w.end } : null;
}

export const overpromise: Rule = {
  id: 'trust/overpromise',
  category: 'overpromise',
  on: 'agent',
  docs: {
    summary: 'Guarantees about outcomes the agent cannot control.',
    why: 'When a "definitely" or "never again" does not hold, the customer stops believing anything else the agent says.',
    instead: 'Say what you expect and what you will do if it does not work: "This should fix it; if it doesn\'t, I\'ll try the next step with you."',
  },
  examples: {
    invalid: [
      { text: 'Reinstalling the driver will definitely fix it.', excerpt: 'will definitely fix' },
      'Relax, this will never happen again.',
      'It will be back up in 5 minutes, guaranteed.',
      "I promise you won't lose any data.",
      "I'm 100% sure this will solve the crash.",
      { text: "Don't worry, the parcel will reach you by Friday, I promise.", note: 'a promise sealing a prediction' },
      { text: 'Full refund within the hour, no questions, results guaranteed.', excerpt: 'results guaranteed' },
      { text: 'Definitely. The new plan handles that easily.', customer: 'Will the bigger plan stop the site from crashing?', note: 'a bare certainty answering "will it…?"' },
      'With the new router you will never lose signal again.',
      'Our backups never fail, so the data is safe.',
      "We'll definitely get your photos back.",
    ],
    valid: [
      "I'd definitely recommend backing up first.",
      "I can't guarantee it will work, but it's the most likely fix.",
      'Your CPU was at 100% when the app froze.',
      { text: 'You wrote "this will definitely fix it" last time — did it?', note: 'quoted' },
      "I can't promise it won't happen again, but the patch removes the cause we found.",
      { text: "I'll call you at 3, I promise.", note: "the agent's own conduct, not an outcome" },
      { text: "You haven't been overcharged, I promise — I've checked the statement.", note: 'a checked fact, not a prediction' },
      { text: "Delivery on a Sunday isn't guaranteed, so I've booked Monday.", note: 'negated' },
      { text: 'Definitely. Which version are you on?', customer: 'Can I ask you something about the update?', note: 'not an answer to "will it…?"' },
      { text: "I'll never ask you to send your password again.", note: "the agent's own conduct" },
    ],
  },
  check(ctx) {
    const found: Array<{ start: number; end: number; suggestion: string }> = [];
    for (const m of ctx.matches('trust.overpromise')) {
      if (dead(ctx, m)) continue;
      // "can't guarantee" puts the negation two words before the phrase's first word.
      const before = ctx.doc.tokens.slice(Math.max(0, m.first - 3), m.first).map((t) => t.norm);
      if (before.some((n) => n === "can't" || n === 'cannot' || n === 'not' || n === 'no' || n === "won't" || n === 'never')) continue;
      found.push({ start: m.start, end: m.end, suggestion: ctx.entry(m).suggest ?? 'This should fix it, and if it doesn\'t, I\'ll take the next step with you.' });
    }
    for (const f of sealedPromises(ctx)) found.push({ ...f, suggestion: 'I expect it to be sorted by then, and I\'ll update you either way.' });
    for (const f of closingGuarantees(ctx)) found.push({ ...f, suggestion: 'I expect this to work, and I\'ll check with you afterwards to make sure.' });
    const a = certainAnswer(ctx);
    if (a) found.push({ ...a, suggestion: 'It should help, and if it doesn\'t, I\'ll take the next step with you.' });
    const seen: Array<{ start: number; end: number }> = [];
    for (const f of found.sort((x, y) => x.start - y.start || y.end - x.end)) {
      if (seen.some((r) => r.start < f.end && f.start < r.end)) continue;
      seen.push(f);
      ctx.report({
        start: f.start,
        end: f.end,
        explanation: 'This is a promise about something you cannot fully control; if it does not hold, the customer will doubt everything else you say.',
        suggestion: f.suggestion,
      });
    }
  },
};
