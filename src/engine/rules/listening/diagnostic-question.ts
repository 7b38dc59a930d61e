import type { Rule, RuleContext } from '../../rule.js';
import type { Sentence } from '../../text/doc.js';
import { repeatedAsks } from './asks.js';

// A question that helps understand the problem: when it last worked, what the
// screen shows, which browser, what changed, whether it happens elsewhere.
// Not an invitation back ("anything else?"), a check-in ("did that help?"), an
// offer ("would you like me to…?"), scheduling, or a rhetorical jab — and not
// a question about something the customer already gave (that is
// repeated-question).
export const diagnosticQuestion: Rule = {
  id: 'listening/diagnostic-question',
  category: 'diagnostic-question',
  on: 'agent',
  docs: {
    summary: 'Asks a relevant question to understand the problem.',
    why: 'One good question saves several rounds of guessing, and shows the customer their situation is being looked at rather than matched to a script.',
    instead: 'Keep asking focused questions about what the customer sees: when it started, what changed, the exact message, whether it happens elsewhere.',
  },
  examples: {
    invalid: [
      { text: 'Sorry to hear that. When did it last work normally?', excerpt: 'When did it last work normally?' },
      'Do you see any error message when the upload stops?',
      { text: 'Could you tell me which version of the app you have installed?', customer: 'The app crashes when I upload photos.' },
      'Does this happen on other computers in the office too?',
      "Please let me know what happens when you click Send.",
      { text: "I'd like to know whether anything changed on the network since Friday?", customer: 'The shared drive disappeared.' },
      { text: 'I can search the archive for you: could you tell me roughly when it was sent?', customer: 'I deleted an important email.', excerpt: 'I can search the archive for you: could you tell me roughly when it was sent?' },
      { text: 'Are all of the failing calls coming from one token?', customer: 'We get 429 errors from the API.' },
    ],
    valid: [
      'Is there anything else I can help you with today?',
      'Did that fix it?',
      'Would you like me to call you instead?',
      { text: 'Why would you click a link in that email?', note: 'rhetorical' },
      { text: "What's your order number?", customer: 'My order #48213 never arrived.', note: 'already given: that is repeated-question' },
      'Could you restart the laptop and try again?',
      'Is it okay if I close the ticket now?',
      'Which days suit you for the engineer visit?',
      'Do you mind if I connect remotely?',
      { text: 'Which browser are you using, and when did it start?', customer: 'The portal is blank in Firefox.', note: 'asks again for what was given: repeated-question, and the reply earns no credit for its other question' },
    ],
  },
  check(ctx) {
    const { doc } = ctx;
    // A reply that asks again for something the customer already gave is judged as repeated-question,
    // and its other questions do not earn it credit for listening.
    if (repeatedAsks(ctx).length > 0) return;
    const bySentence = (list: string): Set<number> => {
      const out = new Set<number>();
      for (const m of ctx.matches(list)) if (!ctx.isQuoted(m)) out.add(doc.sentenceAt(m.start)?.index ?? -1);
      return out;
    };
    const requests = bySentence('listening.request');
    const excluded = bySentence('listening.not-diagnostic');
    const strong = bySentence('listening.diagnostic');
    const asks = new Set<number>();
    for (const l of ASK_LISTS) for (const i of bySentence(l)) asks.add(i);
    for (const s of doc.sentences) {
      if (!s.question && !(requests.has(s.index) && politeRequest(ctx, s))) continue;
      if (excluded.has(s.index)) continue;
      if (quotedSentence(ctx, s)) continue;
      const diag = strong.has(s.index) || asks.has(s.index) || (s.question && (looksDiagnostic(ctx, s, s.contentFirst) || embeddedQuestion(ctx, s) || asksToReport(ctx, s)));
      if (!diag) continue;
      ctx.report({ start: doc.tokens[s.contentFirst]!.start, end: s.end, explanation: 'A focused question about the problem: it gathers what is needed to fix it.' });
    }
  },
};

const ASK_LISTS = [
  'listening.ask.error', 'listening.ask.screenshot', 'listening.ask.os', 'listening.ask.version', 'listening.ask.browser', 'listening.ask.device',
  'listening.ask.model', 'listening.ask.app', 'listening.ask.order', 'listening.ask.ticket', 'listening.ask.invoice', 'listening.ask.account',
];

const WH = new Set(['what', 'which', 'when', 'where', 'how', "what's", "where's", "when's", 'whats']);
const AUX = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', "isn't", "doesn't", "didn't", "aren't", "haven't", "hasn't"]);
const SUBJECTS = new Set(['you', 'it', 'the', 'your', 'this', 'that', 'there', 'anything', 'any', 'anyone', 'other', 'they', 'these', 'those', 'everyone', 'someone', 'a', 'an', 'all', 'both', 'each', 'some', 'most', 'others', 'anybody', 'somebody', 'everybody', 'people', 'users', 'colleagues', 'staff']);
const MODALS = new Set(['can', 'could', 'would', 'will']);
const INFO_VERBS = new Set(['tell', 'describe', 'confirm', 'send', 'share', 'paste', 'check', 'see', 'find', 'remember', 'recall', 'say', 'explain', 'look', 'let', 'give', 'provide', 'read', 'copy', 'screenshot', 'grab', 'attach', 'upload', 'forward', 'collect', 'export', 'note', 'jot', 'photograph']);
const SKIP = new Set(['so', 'and', 'also', 'just', 'ok', 'okay', 'alright', 'right', 'now', 'great', 'thanks', 'one', 'quick', 'question', 'first', 'and', 'then', 'but', 'oh', 'hmm', 'sure', 'roughly', 'approximately', 'about', 'exactly', 'sorry', 'lastly', 'finally', 'next', 'secondly', 'meanwhile']);
const POLITE = new Set(['please', 'kindly', 'could', 'can', 'would', 'let', 'i\'ll', "i'll", 'i', 'we', "we'll", "i'd", "we'd", 'mind', 'may']);

/** A request without a question mark counts when it is phrased as one: "please let me know which…", "could you tell me…". */
function politeRequest(ctx: RuleContext, s: Sentence): boolean {
  const toks = ctx.doc.tokens;
  let k = s.contentFirst;
  while (k < s.last && (SKIP.has(toks[k]!.norm) || toks[k]!.kind === 'punct')) k++;
  return POLITE.has(toks[k]?.norm ?? '');
}

/** "…, and do the duplicates start in the same second?": a question after a clause. */
function embeddedQuestion(ctx: RuleContext, s: Sentence): boolean {
  const toks = ctx.doc.tokens;
  for (let k = s.contentFirst + 2; k < s.last - 2; k++) {
    const t = toks[k]!;
    if (t.text === ',' || t.text === '—' || t.text === '–' || t.text === ';' || t.text === ':' || (t.norm === 'and' && toks[k - 1]?.text === ',')) {
      let j = k + 1;
      if (toks[j]?.norm === 'and' || toks[j]?.norm === 'or' || toks[j]?.norm === 'but') j++;
      if (looksDiagnostic(ctx, s, j)) return true;
    }
  }
  return false;
}

/** "Could you try X and tell me whether it completes?": a request to report back what happens. */
function asksToReport(ctx: RuleContext, s: Sentence): boolean {
  const toks = ctx.doc.tokens;
  for (let k = s.contentFirst; k < s.last - 2; k++) {
    const n = toks[k]!.norm;
    const next = toks[k + 1]!.norm;
    if ((n === 'tell' && (next === 'me' || next === 'us')) || (n === 'let' && (next === 'me' || next === 'us') && toks[k + 2]?.norm === 'know')) {
      const after = toks[k + (n === 'let' ? 3 : 2)]?.norm ?? '';
      if (['whether', 'what', 'which', 'when', 'where', 'how', 'if'].includes(after)) {
        // "let me know if it works" is an invitation back.
        const then = toks[k + (n === 'let' ? 4 : 3)]?.norm ?? '';
        if (after === 'if' && ['it', 'that', 'this', 'you', 'everything', 'anything'].includes(then)) {
          const verb = toks[k + (n === 'let' ? 5 : 4)]?.norm ?? '';
          if (['works', 'worked', 'helps', 'helped', 'fixes', 'fixed', 'need', 'needs', 'have', 'has', 'doesn\'t', "doesn't", 'still'].includes(verb)) continue;
        }
        return true;
      }
    }
  }
  return false;
}

/** A question in the shape of one that gathers facts: "when did…", "is it…", "could you tell me…". */
function looksDiagnostic(ctx: RuleContext, s: Sentence, from: number): boolean {
  const toks = ctx.doc.tokens;
  let k = from;
  while (k < s.last && (SKIP.has(toks[k]!.norm) || toks[k]!.kind === 'punct')) k++;
  let words = 0;
  for (let j = k; j < s.last; j++) if (toks[j]!.kind === 'word' || toks[j]!.kind === 'num') words++;
  if (words < 3) return false;
  const first = toks[k]?.norm ?? '';
  const second = toks[k + 1]?.norm ?? '';
  if (WH.has(first)) return second !== 'about' && !(first === 'how' && ['about', 'are', "'s"].includes(second) && toks[k + 2]?.norm === 'you');
  if (AUX.has(first)) return SUBJECTS.has(second);
  if (MODALS.has(first) && second === 'you') {
    let v = k + 2;
    while (v < s.last && ['please', 'quickly', 'just', 'maybe', 'also', 'kindly'].includes(toks[v]!.norm)) v++;
    const verb = toks[v]?.norm ?? '';
    return INFO_VERBS.has(verb) && !(verb === 'check' && !['if', 'whether', 'which', 'what', 'when', 'how'].includes(toks[v + 1]?.norm ?? ''));
  }
  return false;
}

function quotedSentence(ctx: RuleContext, s: Sentence): boolean {
  let words = 0;
  let quoted = 0;
  for (let k = s.first; k < s.last; k++) {
    const t = ctx.doc.tokens[k]!;
    if (t.kind !== 'word') continue;
    words++;
    if (t.quoted) quoted++;
  }
  return words > 0 && quoted * 2 > words;
}
