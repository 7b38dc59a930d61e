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
      { text: "Hi Priya, so since Tuesday's update the scanner saves blank pages. Let's look at its settings.", customer: "Since Tuesday's update the scanner only saves blank pages." },
      { text: 'Thanks — so Outlook crashes on every reply while Word opens fine. Which version are you on?', customer: 'Outlook crashes whenever I reply to anything, Word opens fine.' },
      { text: "What I'm hearing is that the invoice still shows your old address after you changed it.", customer: 'I changed my address but the invoice has the old one.' },
      { text: "Just to check I've followed you: the scanner works but nothing prints?", customer: 'The scanner works but nothing prints.' },
      { text: 'So you need every invoice reissued in the company name before the audit.', customer: 'We need all our invoices in the company name for an audit.' },
    ],
    valid: [
      { text: 'It sounds like a really frustrating morning — let me help.', customer: 'Nothing works today and I have a deadline!', note: 'that is empathy, not a restatement' },
      { text: "Just to confirm, I've reset your password and sent the new one by text.", note: 'confirms the agent\'s own action' },
      { text: 'Restart the router and let me know.', customer: 'The wifi is down.' },
      { text: 'Is that right?', customer: 'The wifi is down.', note: 'a bare tag restates nothing' },
      { text: 'Sounds like your internet provider. Give them a ring.', customer: 'The internet drops every afternoon.', note: 'a diagnosis, not a restatement' },
      { text: 'So you need to hold the reset button for ten seconds.', customer: 'The wifi is down.', note: 'an instruction after "so"' },
      { text: "So the driver we pushed last night has a bug, and we're rolling it back.", customer: 'My printer is offline since last night.', note: 'the agent speaking of their own side' },
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
        // "If I understand correctly:" on its own line, the restatement follows; "Sounds like your provider." restates nothing.
        const next = doc.sentences[s.index + 1];
        if (tag || rest.length > 0 || !next || contentWords(ctx, next.first, next.last).length < 3) continue;
      }
      // "It sounds like a really frustrating morning" names a feeling; "…the Business plan doesn't include one" does not.
      if (rest.slice(0, 3).some((w) => FEELINGS.has(w))) continue;
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
      // "Hi Daniel, so since…": a greeting and a name before the "so".
      if (GREETINGS.has(toks[k]?.norm ?? '')) {
        let j = k + 1;
        while (j < s.last && j <= k + 3 && toks[j]!.kind === 'word' && /^\p{Lu}/u.test(toks[j]!.text)) j++;
        if (toks[j]?.text === ',' || toks[j]?.text === '—' || toks[j]?.text === '-') k = j + 1;
      }
      while (k < s.last && (LEAD_INS.has(toks[k]!.norm) || toks[k]!.kind === 'punct')) k++;
      if (toks[k]?.norm !== 'so') continue;
      k++;
      if (toks[k]?.text === ',') k++;
      const subject = toks[k]?.norm ?? '';
      // The subject is the customer, their things, or something they named ("So www resolves…", "so Word crashes…").
      if (!SUBJECTS.has(subject) && !(toks[k]?.kind === 'word' && !AGENT_SUBJECTS.has(subject) && !NOT_SUBJECTS.has(subject) && ctx.customer.wordsUsed.has(subject))) continue;
      const rest = contentWords(ctx, k, s.last);
      if (rest.length < 4 || rest.length > 30) continue;
      // "so you go to…", "so you need to…": instructions, not a summary; "…we don't refund…": policy.
      const verb = toks[k + 1]?.norm ?? '';
      if (INSTRUCTING.has(verb) || ((verb === 'need' || verb === 'have') && toks[k + 2]?.norm === 'to')) continue;
      // "So the fix is…", "so the reason is…": the agent's answer, not the customer's situation.
      if (subject === 'the' && PROPOSALS.has(verb)) continue;
      if (agentTalks(toks, k, s.last)) continue;
      let echoed = 0;
      for (const w of rest) if (w.length >= 3 && (ctx.customer.wordsUsed.has(w) || ctx.customer.wordsUsed.has(w.replace(/s$/, '')))) echoed++;
      if (echoed < 2) continue;
      done.add(s.index);
      ctx.report({ start: toks[s.contentFirst]!.start, end: s.end, explanation: 'Summing up what the customer described shows they were heard and checks nothing was misunderstood.' });
    }
  },
};

const PROPOSALS = new Set(['fix', 'solution', 'next', 'answer', 'best', 'easiest', 'quickest', 'simplest', 'way', 'plan', 'workaround', 'reason', 'cause', 'culprit', 'good', 'bad', 'likely', 'most', 'only', 'quick', 'first', 'short', 'idea', 'options', 'option']);
const GREETINGS = new Set(['hi', 'hello', 'hey', 'morning', 'afternoon', 'evening', 'dear', 'thanks', 'thank']);
/** Words a summing-up "so" is never followed by as its subject. */
const NOT_SUBJECTS = new Set(['please', 'let', 'if', 'that', 'sorry', 'yes', 'no', 'there', 'here', 'what', 'how', 'why', 'just', 'try', 'make', 'check', 'go']);
const MODAL_AFTER = new Set(['will', 'can', 'could', 'would', 'should', 'need', 'must', 'am', "'m", 'are', 'have', 'shall', 'might', 'may', 'want']);

/** The agent speaks of what they will do ("so I'll…", "so we can…"), not of the customer's situation. */
function agentTalks(toks: ReadonlyArray<{ norm: string }>, k: number, last: number): boolean {
  for (let j = k; j < last && j < k + 12; j++) {
    const n = toks[j]!.norm;
    if (["we'll", "i'll", "let's", "i'm", "we're", "i've", "we've", "i'd", "we'd"].includes(n)) return true;
    if ((n === 'we' || n === 'i') && MODAL_AFTER.has(toks[j + 1]?.norm ?? '')) return true;
  }
  return false;
}

const INSTRUCTING = new Set(['go', 'click', 'open', 'should', 'can', 'will', "'ll", 'want', 'must', 'just', 'simply', 'might', 'could', 'would', 'then', 'first', 'select', 'choose', 'tap', 'press', 'head', 'navigate']);
const LEAD_INS = new Set(['right', 'ok', 'okay', 'alright', 'got', 'it', 'thanks', 'thank', 'you', 'hi', 'hello', 'and']);
/** What a summing-up "so" is followed by: the customer, their things, the situation — not "so I'll…". */
const SUBJECTS = new Set(['you', "you're", "you've", 'your', 'the', 'every', 'each', 'within', 'in', 'on', 'it', "it's", 'this', 'when', 'whenever', 'only', 'people', 'both', 'some', 'all', 'pushes', 'after', 'since', 'from', 'everyone', 'nobody', 'none', 'one', 'emails', 'calls', 'invoices']);
const AGENT_SUBJECTS = new Set(['i', "i've", "i'll", "i'm", 'we', "we've", "we'll", "we're", 'my', 'our']);
const WEAK_OPENERS = new Set(['it', 'that', 'sounds', 'just', 'so', 'okay', 'ok', 'alright', 'right', 'you', "you're", 'in', 'to', 'is', 'was', 'am', 'as', 'like', 'when', 'what']);
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
