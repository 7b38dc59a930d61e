import type { Rule } from '../../rule.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import { own, sentenceOf, sentenceWithout, wordsIn } from './shared.js';

// Hostility: profanity (`tone.profanity`), insults (`tone.insults`) and
// contempt (`tone.contempt`) aimed at anyone or anything in the exchange —
// the customer, colleagues, the agent's own systems. Quotations, code blocks,
// logs and reported words ("you said it was garbage") are skipped, and so are
// negated insults ("there's no stupid question") and technical compounds
// ("dumb terminal", "garbage collection", "junk mail folder", "kill -9").

/** Words after an insult-like word that make it technical. */
const TECH_AFTER = new Set([
  'terminal', 'terminals', 'switch', 'switches', 'phone', 'phones', 'client', 'clients', 'pipe', 'hub', 'hubs', 'tv', 'mode', 'ap',
  'mail', 'email', 'e-mail', 'emails', 'folder', 'filter', 'box', 'bin', 'can', 'icon', 'collection', 'collector', 'collected',
  'characters', 'character', 'data', 'values', 'value', 'output', 'files', 'file',
]);
const SELF_BEFORE = new Set(['i', "i'll", 'we', "we'll", "i'm", 'will', 'to', "i'd", "won't", 'it', 'they', "it'll", 'would', 'should', 'must', "they'll", "didn't", 'never']);
/** "I feel stupid", "I'm so dumb", "am I being an idiot": the agent about themselves. */
function selfAimed(doc: import('../../text/doc.js').Doc, i: number): boolean {
  // Walk back from the word: "I hate this stupid system" aims at the system (a determiner comes first).
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const n = doc.tokens[k]!.norm;
    if (AIMED_AT_THING.has(n)) return false;
    if (n === 'i' || n === "i'm" || n === 'am' || n === 'feel' || n === 'felt' || n === 'myself' || n === 'me' || n === "i've") return true;
  }
  return false;
}
/** A determiner between the agent and the insult: the insult is aimed at the thing ("I hate this stupid system"). */
const AIMED_AT_THING = new Set(['this', 'that', 'these', 'those', 'the', 'your', 'our', 'their', 'his', 'her', 'its']);
const CONTEMPT_MODIFIERS = new Set(['garbage', 'trash', 'junk', 'rubbish', 'crap', 'crappy', 'shoddy', 'janky', 'dodgy']);
const DETERMINERS = new Set(['this', 'that', 'our', 'these', 'those', 'your', 'the']);
const MODIFIER_NEXT_IS_NOUN = (norm: string | undefined): boolean => !!norm && !FUNCTION_WORDS.has(norm);
const FUNCTION_WORDS = new Set(['.', ',', '!', '?', 'and', 'or', 'but', 'is', 'are', 'was', 'were', 'the', 'a', 'an', 'to', 'of', 'in', 'on', 'it', 'that', 'this', 'you', 'i', 'we', 'me', 'us']);

export const hostile: Rule = {
  id: 'tone/hostile',
  category: 'hostile',
  on: 'agent',
  severity: 'warning',
  docs: {
    summary: 'Profanity, insults or contempt aimed at anyone or anything in the exchange, including the agent\'s own systems or colleagues.',
    why: 'Swearing and contempt make the customer wonder whether they are next, and cursing your own tools or colleagues tells them nobody here cares about the fix.',
    instead: 'Describe the problem neutrally: "The system logged you out again — I\'m looking into why."',
  },
  examples: {
    invalid: [
      { text: 'This stupid system logged you out again.', excerpt: 'stupid' },
      'Honestly, I hate these tickets.',
      { text: 'The idiots in billing charged you twice.', customer: 'I was charged twice!' },
      'What the hell did you click?',
      'This damn printer never works.',
      { text: 'Honestly I hate this stupid portal as much as you do.', excerpt: 'stupid' },
      'Finance are hopeless, the invoice has sat there for weeks.',
      'These password tickets drive me up the wall.',
      'Our useless courier lot lost it again.',
    ],
    valid: [
      { text: 'Run `kill -9 4312` to stop the hung process, then start the service again.', customer: 'The daemon is hung, PID 4312.' },
      'Kill the hung process from Task Manager and start the app again.',
      "There's no such thing as a stupid question!",
      { text: 'You wrote "this app is garbage" — I understand, and I want to fix it.', note: 'the agent quotes the customer' },
      "It's in your junk mail folder; move it to the inbox.",
      'Empty the Trash and the space comes back.',
      "I'd hate for you to lose that file, so let's back it up first.",
      { text: "I'm hopeless with spreadsheets too, so let's go slowly.", note: 'the agent about themselves' },
    ],
  },
  check(ctx) {
    const doc = ctx.doc;
    const found: Array<{ m: PhraseMatch; kind: 'profanity' | 'insult' | 'contempt' }> = [];
    for (const m of own(ctx, 'tone.profanity')) {
      // "freaking out" is about feelings, not a swear.
      if (doc.tokens[m.first]!.norm === 'freaking' && doc.tokens[m.last]?.norm === 'out') continue;
      found.push({ m, kind: 'profanity' });
    }
    for (const m of own(ctx, 'tone.insults')) {
      if (ctx.isNegated(m)) continue;
      const next = doc.tokens[m.last];
      const w = doc.tokens[m.first]!.norm;
      if (w === 'dumb' && next && TECH_AFTER.has(next.norm)) continue;
      if (w === 'stupid' && next?.norm === 'simple') continue;
      if (next && doc.tokens[m.first]!.norm === 'ignorant' && next.norm === 'of') continue;
      // "Stupid question, but…", "I feel dumb": self-deprecation, not an insult — unless it is "your/that's a stupid question".
      if (next && (next.norm === 'question' || next.norm === 'questions' || next.norm === 'mistake' || next.norm === 'me')) {
        const before = [doc.tokens[m.first - 1]?.norm, doc.tokens[m.first - 2]?.norm].join(' ');
        if (!/\b(your|what|such|that's|that is)\b/.test(before)) continue;
      }
      if (selfAimed(doc, m.first)) continue;
      found.push({ m, kind: 'insult' });
    }
    for (const m of own(ctx, 'tone.contempt')) {
      // "I'll go away now", "before I grow up": not said to anyone.
      if (SELF_BEFORE.has(doc.tokens[m.first - 1]?.norm ?? '') && /^\(?(learn|go away|grow up|get a|leave me|stop|quit|use your)/.test(ctx.entry(m).pattern)) continue;
      if (ctx.isNegated(m) && !/^(i|we) /.test(ctx.entry(m).pattern)) continue;
      const next = doc.tokens[m.last];
      if (next && TECH_AFTER.has(next.norm)) continue;
      const lastWord = doc.tokens[m.last - 1]!.norm;
      // "this junk mail", "that trash folder": only a noun that is not technical makes it contempt.
      if (CONTEMPT_MODIFIERS.has(lastWord) && DETERMINERS.has(doc.tokens[m.first]!.norm) && (!next || next.kind !== 'word')) continue;
      // "I hate it when that happens", "I hate it for you": sympathy.
      if ((lastWord === 'it' || lastWord === 'them') && next && (next.norm === 'when' || next.norm === 'for')) continue;
      // "I had no clue either": the agent about themselves.
      if (/clue|idea/.test(doc.text.slice(m.start, m.end)) && ['i', 'we', "i'd", "we'd"].includes(doc.tokens[m.first - 1]?.norm ?? '')) continue;
      found.push({ m, kind: 'contempt' });
    }
    if (found.length === 0) return;
    for (const { m, kind } of found) {
      const s = sentenceOf(doc, m);
      if (!s) continue;
      const phrase = doc.text.slice(m.start, m.end);
      const suggestion = rewrite(ctx, m, kind);
      ctx.report({
        start: m.start,
        end: m.end,
        severity: kind === 'contempt' ? undefined : 'error',
        explanation:
          kind === 'profanity'
            ? `"${phrase}" is swearing. Whoever it is aimed at, the customer hears it as aimed at them.`
            : kind === 'insult'
              ? `"${phrase}" is an insult. Calling people or tools names makes the customer wonder what you say about them.`
              : `"${phrase}" shows contempt. Customers want to feel their problem is worth your time.`,
        suggestion,
      });
    }
  },
};

function rewrite(ctx: Parameters<Rule['check']>[0], m: PhraseMatch, kind: 'profanity' | 'insult' | 'contempt'): string {
  const doc = ctx.doc;
  const s = sentenceOf(doc, m)!;
  const entry = ctx.entry(m);
  if (entry.suggest) {
    // Lower case: replaces the phrase in its sentence; capitalised: replaces the sentence.
    if (/^\p{Ll}/u.test(entry.suggest)) {
      const before = doc.text.slice(doc.tokens[s.contentFirst]!.start, m.start);
      const after = doc.text.slice(m.end, s.end);
      const out = (before + entry.suggest + after).trim();
      return out.charAt(0).toUpperCase() + out.slice(1);
    }
    return entry.suggest;
  }
  if (kind === 'contempt') return "Let's get this sorted.";
  // A single word: drop it ("this damn printer" → "this printer"; "what the hell did you" → "what did you").
  let remove = { first: m.first, last: m.last };
  const words = doc.text.slice(m.start, m.end).toLowerCase();
  if (words.startsWith('what the ')) remove = { first: m.first + 1, last: m.last };
  const insultNoun = kind === 'insult' && /s$/.test(words) && doc.tokens[m.first - 1]?.norm === 'the';
  if (insultNoun) {
    const before = doc.text.slice(doc.tokens[s.contentFirst]!.start, m.start);
    const after = doc.text.slice(m.end, s.end);
    const out = `${before}team${after}`.trim();
    return out.charAt(0).toUpperCase() + out.slice(1);
  }
  const out = sentenceWithout(doc, s, [remove]);
  if (wordsIn(out) >= 3 && (MODIFIER_NEXT_IS_NOUN(doc.tokens[m.last]?.norm) || words.startsWith('what the '))) return out;
  if (wordsIn(out) >= 3 && kind === 'profanity') return out;
  return "I understand this is frustrating — let's get it sorted.";
}
