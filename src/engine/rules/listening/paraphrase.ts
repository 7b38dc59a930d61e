import type { Rule, RuleContext } from '../../rule.js';
import type { Sentence } from '../../text/doc.js';

// Restating the customer's problem in the agent's words to confirm it: "So the
// printer works from your laptop but not from the desktop — is that right?",
// "If I understand correctly…", "Just to confirm, you…", "It sounds like…".
export const paraphrase: Rule = {
  id: 'listening/paraphrase',
  category: 'paraphrase',
  on: 'agent',
  docs: {
    summary: 'Restates the problem in the agent\'s own words to confirm understanding.',
    why: 'Hearing their problem said back shows the customer they were listened to, and catches a misunderstanding before anyone spends time fixing the wrong thing.',
    instead: 'Keep doing it: sum up what you heard in one sentence and check it ("…— is that right?").',
  },
  examples: {
    invalid: [
      { text: 'So the printer works from your laptop but not from the desktop — is that right?', customer: 'I can print from my laptop, but the desktop in the study just does nothing.' },
      { text: 'If I understand correctly, the emails arrive on your phone but never in Outlook.', customer: 'My emails show up on my phone but Outlook on the PC gets nothing.' },
      { text: 'Just to confirm, you can sign in on the website but the app rejects the same password?', customer: 'The app says wrong password but it works on the website.' },
      { text: 'It sounds like the laptop loses Wi-Fi every time it wakes from sleep.', customer: 'Every morning when I open the laptop the wifi is gone until I restart.' },
    ],
    valid: [
      { text: 'It sounds like a really frustrating morning — let me help.', customer: 'Nothing works today and I have a deadline!', note: 'that is empathy, not a restatement' },
      { text: "Just to confirm, I've reset your password and sent the new one by text.", note: 'confirms the agent\'s own action' },
      { text: 'Restart the router and let me know.', customer: 'The wifi is down.' },
      { text: 'Is that right?', customer: 'The wifi is down.', note: 'a bare tag restates nothing' },
    ],
  },
  check(ctx) {
    const { doc } = ctx;
    const done = new Set<number>();
    for (const m of ctx.matches('listening.paraphrase')) {
      if (ctx.isQuoted(m)) continue;
      const s = doc.sentenceAt(m.start);
      if (!s || done.has(s.index)) continue;
      const toks = doc.tokens;
      const head = toks[m.first]!.norm;
      const tag = ['is', 'was', 'am', 'did', 'have'].includes(head) && m.first > s.contentFirst;
      // The restatement: the words after the opener, or before a closing tag.
      const [a, b] = tag ? [s.contentFirst, m.first] : [m.last, s.last];
      const rest = contentWords(ctx, a, b);
      if (rest.length < (tag ? 4 : 3)) {
        // "If I understand correctly:" on its own line, the restatement follows.
        const next = doc.sentences[s.index + 1];
        if (tag || !next || contentWords(ctx, next.first, next.last).length < 3) continue;
      }
      if (rest.some((w) => FEELINGS.has(w))) continue;
      // "Just to confirm, I've reset…": the agent's own action is not a restatement.
      const firstAfter = toks[a]?.norm ?? '';
      if (!tag && AGENT_SUBJECTS.has(firstAfter === ',' ? toks[a + 1]?.norm ?? '' : firstAfter)) continue;
      const weak = WEAK_OPENERS.has(head) || tag;
      if (weak && !aboutCustomer(ctx, s, rest)) continue;
      done.add(s.index);
      ctx.report({ start: toks[s.contentFirst]!.start, end: s.end, explanation: 'Restating the problem shows the customer they were heard and checks nothing was misunderstood.' });
    }
    // "So the printer works from your laptop but not the desktop." — a "so" that sums up what the customer said.
    if (ctx.customer.messages.length === 0) return;
    const toks = doc.tokens;
    for (const s of doc.sentences.slice(0, 4)) {
      if (done.has(s.index)) continue;
      let k = s.contentFirst;
      while (k < s.last && (LEAD_INS.has(toks[k]!.norm) || toks[k]!.kind === 'punct')) k++;
      if (toks[k]?.norm !== 'so') continue;
      k++;
      if (toks[k]?.text === ',') k++;
      const subject = toks[k]?.norm ?? '';
      if (!SUBJECTS.has(subject)) continue;
      const rest = contentWords(ctx, k, s.last);
      if (rest.length < 4 || rest.length > 30) continue;
      // "so you go to…", "so you need to…": instructions, not a summary; "…we don't refund…": policy.
      if (INSTRUCTING.has(toks[k + 1]?.norm ?? '')) continue;
      let agentTalk = false;
      for (let j = k; j < s.last && j < k + 12; j++) if (['we', 'i', "we'll", "i'll", "we've", "i've", "let's"].includes(toks[j]!.norm)) agentTalk = true;
      if (agentTalk) continue;
      let echoed = 0;
      for (const w of rest) if (w.length >= 3 && (ctx.customer.wordsUsed.has(w) || ctx.customer.wordsUsed.has(w.replace(/s$/, '')))) echoed++;
      if (echoed < 2) continue;
      done.add(s.index);
      ctx.report({ start: toks[s.contentFirst]!.start, end: s.end, explanation: 'Summing up what the customer described shows they were heard and checks nothing was misunderstood.' });
    }
  },
};

const INSTRUCTING = new Set(['go', 'need', 'click', 'open', 'have', 'should', 'can', 'will', "'ll", 'want', 'must', 'just', 'simply', 'might', 'could', 'would', 'then', 'first', 'select', 'choose', 'tap', 'press', 'head', 'navigate']);
const LEAD_INS = new Set(['right', 'ok', 'okay', 'alright', 'got', 'it', 'thanks', 'thank', 'you', 'hi', 'hello', 'and']);
/** What a summing-up "so" is followed by: the customer, their things, the situation — not "so I'll…". */
const SUBJECTS = new Set(['you', "you're", "you've", 'your', 'the', 'every', 'each', 'within', 'in', 'on', 'it', "it's", 'this', 'when', 'whenever', 'only', 'people', 'both', 'some', 'all', 'pushes', 'after', 'since', 'from', 'everyone', 'nobody', 'none', 'one', 'emails', 'calls', 'invoices']);
const AGENT_SUBJECTS = new Set(['i', "i've", "i'll", "i'm", 'we', "we've", "we'll", "we're", 'my', 'our']);
const WEAK_OPENERS = new Set(['it', 'that', 'sounds', 'just', 'so', 'okay', 'ok', 'alright', 'right', 'you', "you're", 'in', 'to', 'is', 'was', 'am']);
const FEELINGS = new Set([
  'frustrating', 'frustrated', 'stressful', 'stressed', 'annoying', 'annoyed', 'upsetting', 'upset', 'rough', 'tough', 'awful', 'terrible', 'horrible', 'nightmare',
  'worrying', 'worried', 'scary', 'exhausting', 'headache', 'hassle', 'difficult', 'hard', 'disappointing', 'plan', 'great', 'good', 'fun', 'busy', 'long',
]);
const STOP = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'so', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'from', 'that', 'this', 'it', 'is', 'are', 'was', 'were', 'be', 'been',
  'you', 'your', "you're", 'i', 'me', 'my', 'we', 'our', 'they', 'them', 'not', 'no', 'just', 'only', 'when', 'then', 'than', 'there', 'here', 'what', 'which',
  'do', 'does', 'did', 'have', 'has', 'had', 'can', 'could', 'would', 'will', 'right', 'correct', 'still', 'also', 'any', 'all', 'its', "it's", 'if', 'as', 'by',
]);

function contentWords(ctx: RuleContext, a: number, b: number): string[] {
  const out: string[] = [];
  for (let k = a; k < b; k++) {
    const t = ctx.doc.tokens[k]!;
    if ((t.kind === 'word' || t.kind === 'num') && !STOP.has(t.norm)) out.push(t.norm);
  }
  return out;
}

/** The restatement speaks of the customer ("you", "your") or echoes their words. */
function aboutCustomer(ctx: RuleContext, s: Sentence, rest: string[]): boolean {
  if (ctx.customer.messages.length === 0) return true;
  let echoed = 0;
  for (const w of rest) if (w.length >= 3 && (ctx.customer.wordsUsed.has(w) || ctx.customer.wordsUsed.has(w.replace(/s$/, '')))) echoed++;
  if (echoed >= 2) return true;
  for (let k = s.first; k < s.last; k++) {
    const n = ctx.doc.tokens[k]!.norm;
    if ((n === 'you' || n === 'your' || n === "you're" || n === "you've") && echoed >= 1) return true;
  }
  return false;
}
