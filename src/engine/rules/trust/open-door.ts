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
  'fine', 'ok', 'okay', 'alright', 'successful', 'success', 'luck', 'behaves', 'gone', 'done', 'finished', 'through', 'arrives', 'arrived',
  'installed', 'complete', 'completed',
]);
/** Words that make a way back conditional, and so an invitation. */
const CONDITION = new Set(['if', 'whenever', 'unless', 'anytime', 'otherwise', 'any', 'anything', 'else']);
/** In a question, words after "if" that make it a way back ("If it still fails, could you send me the log?"). */
const STILL = new Set(['still', 'again', "doesn't", "didn't", "won't", "isn't", "can't", 'not', 'fails', 'persists', 'crashes', 'keeps']);
/** Subjects that make the agent (or a third party) the one who replies: "I'll reply by 2pm", "they'll call back". */
const NOT_CUSTOMER = new Set(['i', "i'll", 'ill', 'we', "we'll", "i'd", "we'd", "i'm", "we're", "she'll", "he'll", "they'll", 'someone', 'somebody', 'will', 'shall']);
/** Tokens that close the clause a way back sits in, looking backwards. */
const CLAUSE_START = new Set([',', ';', ':', '\u2014', '\u2013', '-', '(', 'if', 'when', 'once', 'whenever', 'unless']);
/** "…and I'll / we can…": the agent picks it up after the customer comes back. */
const PICK_UP = new Set(["i'll", "we'll", 'i', 'we']);
/** "Let me know whether you've tried…": asking what the customer already did. */
const ASKED_PAST = new Set(["you've", 'you', "you'd"]);
const ASKED_PAST_VERB = new Set(['tried', 'already', 'done', 'restarted', 'rebooted', 'checked', 'ever', 'received', 'updated', 'installed', 'cleared', 'reset']);
/** How many tokens before a way back its condition may start. */
const CONDITION_REACH = 16;
/** Breaks that end the reach of a condition. */
const HARD = new Set([';', ':']);
/** Words that may come before an imperative way back: "just tell me…", "then send me…". */
const LEAD = new Set(['just', 'then', 'please', 'so', 'and', 'now', 'simply']);
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
      "If the build still fails, paste the new log here and I'll dig in.",
      'Shout if any step looks different on your screen.',
      "Tell me what the screen shows and I'll take it from there.",
      'Happy to walk you through any of it.',
      'Try the profile first, and if not, you can come to the service desk.',
      'If it still crashes, could you send me the crash report?',
    ],
    valid: [
      'Let me know which browser you are using.',
      "If it doesn't boot, hold the power button for ten seconds.",
      { text: 'You said "feel free to reach out" but nobody answered?', note: 'quoted' },
      'If you have any other devices on that network, restart them too.',
      { text: "I'll reply by 2pm if the firewall rule turns out to be the cause.", note: 'the agent replying, not the customer' },
      { text: "Send me the order IDs and I'll refund them.", note: 'a request for details, not a way back' },
      { text: "Let me know whether you've tried restarting it.", note: 'asks about the past' },
      { text: "Bring it to the desk today and we'll dry it out; if it needs a day in the workshop, we'll lend you one.", note: 'the condition belongs to the other clause' },
    ],
  },
  check(ctx) {
    const own = ctx.matches('trust.open-door');
    const back = ctx.matches('trust.comeback');
    if (own.length === 0 && back.length === 0) return;
    const tokens = ctx.doc.tokens;
    const found: Array<{ start: number; end: number }> = [];
    // "…and if not, you can come to the desk": the "not" of "if not" stands for the failed fix, not for the way back.
    const ifNot = (first: number): boolean => {
      for (let k = first - 1; k >= 0 && k >= first - 6; k--) {
        const n = tokens[k]!.norm;
        if (n === 'not') return tokens[k - 1]?.norm === 'if';
        if (n.endsWith("n't") || n === 'never' || n === 'no') return false;
      }
      return false;
    };
    const sentence = (s: { contentFirst: number; end: number }): void => {
      found.push({ start: tokens[s.contentFirst]!.start, end: s.end });
    };
    for (const m of own) {
      if (dead(ctx, m)) continue;
      const s = ctx.doc.sentenceAt(m.start);
      if (!s) continue;
      const tail = tokens[m.last - 1]!.norm;
      // "Let me know whether you've tried restarting it" asks about the past; it is a question, not a way back.
      if ((tail === 'if' || tail === 'whether') && ASKED_PAST.has(tokens[m.last]?.norm ?? '') && ASKED_PAST_VERB.has(tokens[m.last + 1]?.norm ?? '')) continue;
      if (tail === 'when' || tail === 'once') {
        // "let me know when you're at your desk" asks for something; "…once it's through" reports back.
        let ok = false;
        for (let k = m.last; k < Math.min(s.last, m.last + 7); k++) if (OUTCOME.has(tokens[k]!.norm)) ok = true;
        if (!ok) continue;
      }
      sentence(s);
    }
    for (const m of back) {
      if (ctx.isQuoted(m) || (ctx.isNegated(m) && !ifNot(m.first))) continue;
      const s = ctx.doc.sentenceAt(m.start);
      if (!s) continue;
      // "I'll reply by 2pm", "they'll get back to you": not the customer's way back.
      let agent = false;
      for (let k = m.first - 1; k >= s.first; k--) {
        const n = tokens[k]!.norm;
        if (CLAUSE_START.has(n) || n === 'you' || n === 'please' || n === 'just') break;
        if (NOT_CUSTOMER.has(n)) { agent = true; break; }
      }
      if (agent) continue;
      // A way back is an invitation when its part of the sentence is conditional: "if it drops again, text us";
      // the condition sits shortly before it, or after it in the same clause ("text us if it drops").
      let from = m.first;
      while (from > s.first && from > m.first - CONDITION_REACH && !HARD.has(tokens[from - 1]!.text)) from--;
      let to = m.last;
      while (to < s.last && !HARD.has(tokens[to]!.text) && tokens[to]!.text !== ',') to++;
      let conditional = false;
      let still = false;
      let ifAt = -1;
      for (let k = from; k < to; k++) {
        const n = tokens[k]!.norm;
        if (n === 'if' && ifAt < 0) ifAt = k;
        if (ifAt >= 0 && STILL.has(n)) still = true;
        if (CONDITION.has(n) || (n === 'should' && k === s.contentFirst) || (n === 'in' && tokens[k + 1]?.norm === 'case')) conditional = true;
      }
      // A question is a request, unless it is the way back after a fix: "If it still crashes, could you send me the log?"
      if (s.question && !still) continue;
      // "Tell me which one it is and I'll check it": the agent picks it up when the customer comes back
      // (not "send me the IDs and I'll refund them", which asks for something).
      const verb = tokens[m.first]!.norm;
      if (!conditional && !s.question && (verb === 'tell' || verb === 'let') && (m.first === s.contentFirst || LEAD.has(tokens[m.first - 1]!.norm))) {
        for (let k = m.last; k < s.last - 1; k++) {
          if ((tokens[k]!.norm === 'and' || tokens[k]!.text === ',') && PICK_UP.has(tokens[k + 1]!.norm)) { conditional = true; break; }
        }
      }
      if (!conditional) continue;
      sentence(s);
    }
    for (const f of onePerSentence(ctx, found)) {
      ctx.report({ start: f.start, end: f.end, explanation: 'You told the customer they can come back, so they will try the fix without worrying about starting over.' });
    }
  },
};
