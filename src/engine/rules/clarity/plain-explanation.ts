import type { Rule } from '../../rule.js';
import type { Token } from '../../text/tokenize.js';
import { explanationOf, termsInProse } from './explain.js';

// A technical thing explained in plain words or with an analogy: "DNS (the
// internet's address book)", "the cache is like a notepad your browser keeps",
// "think of the VPN as a private tunnel", "in plain terms, your password expired".
export const plainExplanation: Rule = {
  id: 'clarity/plain-explanation',
  category: 'plain-explanation',
  on: 'agent',
  // Phase 2: "X means Y" in a reply that alarms, insults or drowns the customer in jargon is not an explanation.
  phase: 2,
  docs: {
    summary: 'Explains a technical thing in everyday words or with an analogy.',
    why: 'Customers follow steps they understand, and an explanation in their words tells them the agent is on their side rather than showing off.',
    instead: 'Keep doing it: name the thing, then say what it is in one everyday phrase or a familiar comparison.',
  },
  examples: {
    invalid: [
      { text: "Let's clear the cache — basically the copies of pages your browser keeps so it loads faster.", excerpt: "cache — basically the copies of pages your browser keeps so it loads faster" },
      { text: 'Your computer uses DNS, which works like a phone book for websites, and it is not answering.', customer: 'websites won\'t load' },
      { text: 'Think of the VPN as a private tunnel between your laptop and the office network.' },
      { text: 'An eSIM is a SIM card built into the phone itself, so nothing needs to arrive in the post.', customer: 'what is an esim??', note: 'the term as the subject of a definition' },
      { text: 'I reset your MFA (the second check, the code on your phone) so you can set it up again.' },
      { text: 'Please send me the serial number (the long code on the sticker under the laptop).', excerpt: 'Please send me the serial number (the long code on the sticker under the laptop).' },
      { text: 'Switch off the stopcock — the small tap under your kitchen sink.', excerpt: 'Switch off the stopcock — the small tap under your kitchen sink.' },
      { text: "It only unlocks after the door closes — it's a safety check so nobody gets hurt.", excerpt: "It only unlocks after the door closes — it's a safety check so nobody gets hurt." },
      { text: 'A grace period is when the account stays open for a few days after a failed payment, so nothing is lost.', excerpt: 'A grace period is when the account stays open for a few days after a failed payment, so nothing is lost.' },
    ],
    valid: [
      'Please restart the router and try again.',
      { text: 'I like how quickly you spotted that.', note: 'like is not an analogy here' },
      { text: 'Check the DNS (Domain Name System) settings.', note: 'spelling out an acronym explains nothing' },
      { text: 'The VPN is a bit slow this morning because of the update; it should recover by lunch.', customer: 'VPN slow', note: '"is a bit slow" describes, it does not define' },
      { text: 'It looks like the server is down right now.' },
      { text: 'I sent the form yesterday (the one from Monday) to your inbox.', note: 'a side note, not a description' },
      { text: "I've refunded it — the money will be back in 3 days.", note: 'a dash before a clause with a verb' },
    ],
  },
  check(ctx) {
    const done: Array<{ start: number; end: number }> = [];
    const overlaps = (a: number, b: number): boolean => done.some((d) => a < d.end && d.start < b);
    for (const g of termsInProse(ctx)) {
      const ex = explanationOf(ctx, g);
      if (!ex || overlaps(ex.start, ex.end)) continue;
      if (ex.how === 'analogy' && !strongAnalogyNear(ctx, g.start)) continue;
      done.push(ex);
      ctx.report({
        start: ex.start,
        end: ex.end,
        explanation: `"${ctx.text.slice(g.start, g.end)}" is explained in everyday words, so the customer can follow along.`,
      });
    }
    // An analogy, a plain-words marker, or "X means …", with or without a glossary term.
    const terms = termsInProse(ctx);
    const toks = ctx.doc.tokens;
    const candidates: Array<{ m: { first: number; last: number; start: number; end: number }; weak: boolean }> = [];
    for (const m of ctx.matches('clarity.analogy')) candidates.push({ m, weak: WEAK_ANALOGY.has(toks[m.first]!.norm) && toks[m.last - 1]!.norm !== 'like' });
    const spoiled = ctx.customer.expertise === 'expert' || ctx.found.some((f) => SPOILERS.has(f.category));
    for (const m of spoiled ? [] : ctx.matches('clarity.means')) {
      const prev = toks[m.first - 1];
      // A bare "that means the disk is full" states a fact; an explanation says more ("…, so it's not something you can fix at home").
      const s0 = ctx.doc.sentenceAt(m.start);
      const simple = toks[m.first]!.norm === 'just' || toks[m.first]!.norm === 'simply' || (prev !== undefined && prev.quoted === undefined && ctx.text.charAt(prev.end) === '"') || (prev?.text === '"' || prev?.text === '\u201d');
      let meansAt = m.first;
      while (meansAt < m.last && toks[meansAt]!.norm !== 'means' && toks[meansAt]!.norm !== 'meant') meansAt++;
      if (s0 && !simple && meansAt < m.last && wordsBetween(toks, meansAt + 1, s0.last) < 6) continue;
      if (prev && NOT_MEANS_SUBJECT.has(prev.norm) && m.first > 0 && ctx.doc.sentenceAt(prev.start) === ctx.doc.sentenceAt(m.start)) continue;
      candidates.push({ m, weak: false });
    }
    // How a system behaves, with its reason or consequence: "Word usually keeps a backup copy while you type, so…"
    for (const m of spoiled ? [] : ctx.matches('clarity.mechanism')) {
      const s = ctx.doc.sentenceAt(m.start);
      if (!s) continue;
      let lead = s.contentFirst;
      // "Let's get it back — work saved to OneDrive is kept for 30 days…": judge the clause the mechanism is in.
      for (let k = m.first - 1; k > s.contentFirst; k--) {
        if (['—', '–', ':', ';'].includes(toks[k]!.text)) { lead = k + 1; break; }
      }
      // Skip a greeting: "Hi Sue, …"
      if (GREETINGS.has(toks[lead]!.norm)) {
        while (lead < s.last && toks[lead]!.text !== ',') lead++;
        lead++;
      }
      if (lead >= s.last || AGENT_LEADS.has(toks[lead]!.norm) || wordsBetween(toks, s.first, s.last) > 40) continue;
      if (ctx.customer.expertise !== 'novice' && !ctx.customer.recentSignals.has('confusion') && !ctx.customer.recentSignals.has('anxiety')) continue;
      const self = ['why', 'because', 'cause', 'reason'].includes(toks[m.last - 1]!.norm);
      let linked = self;
      for (let k = s.first; k < s.last && !linked; k++) if (CONNECTIVES.has(toks[k]!.norm) && (k < m.first || k >= m.last)) linked = true;
      if (!linked) continue;
      candidates.push({ m, weak: false });
    }
    // "the blue ink (called cyan)", "(that's the type of login the school uses)",
    // "your bag tag number (the barcode sticker on the back of your boarding pass)"
    // "the main switch — the big red lever on your fuse box"
    for (let k = 0; k + 1 < toks.length; k++) {
      const t = toks[k]!.text;
      if (t === '(' ? PAREN_OPENERS.has(toks[k + 1]!.norm) || describes(toks, k, ')') : (t === '—' || t === '–') && describes(toks, k, t)) {
        candidates.push({ m: { first: k, last: k + 2, start: toks[k]!.start, end: toks[k + 1]!.end }, weak: false });
      }
    }
    for (const { m, weak } of candidates) {
      if (ctx.isNegated(m) || ctx.isQuoted(m)) continue;
      const s = ctx.doc.sentenceAt(m.start);
      if (!s || s.question || overlaps(s.start, s.end)) continue;
      if (weak) {
        const prev = ctx.doc.sentences[s.index - 1];
        const techNear = terms.some((g) => (g.start >= s.start && g.end <= s.end) || (prev && g.start >= prev.start && g.end <= prev.end));
        if (!techNear && !ctx.customer.recentSignals.has('confusion')) continue;
      }
      done.push({ start: s.start, end: s.end });
      const start = toks[s.contentFirst]!.start;
      ctx.report({ start, end: s.end, explanation: 'This puts a technical point in plain words or a familiar comparison.' });
    }
  },
};

/** Analogy openers that are often just a way of speaking ("it's like the whole thing froze"). */
const WEAK_ANALOGY = new Set(["it's", 'it', 'this', "that's", 'that', "they're", 'they', 'which', 'works', 'acts', 'behaves', 'similar', 'the', 'in', 'imagine', 'like', 'as']);
/** "I mean", "what do you mean", "by no means": not an explanation. */
const NOT_MEANS_SUBJECT = new Set(['i', 'you', 'we', 'they', 'what', 'by', 'no', 'does', 'do', 'did', "doesn't", "don't", "didn't", 'will', 'would', 'can', 'could', 'might', 'may', 'not', 'necessarily', 'really']);
const PAREN_OPENERS = new Set(['called', 'known', 'aka', "that's", 'i.e.', 'ie', 'which', 'meaning', 'basically', 'think']);
const SPOILERS = new Set(['alarming', 'hostile', 'jargon', 'dismissive', 'condescending', 'blaming']);

/** Sentences the agent leads with themselves or with a request are not explanations of how things work. */
const AGENT_LEADS = new Set(['i', 'we', "i'll", "we'll", "i've", "we've", "i'm", "we're", "let's", 'please', 'could', 'can', 'would', 'if', 'thanks', 'thank', 'sorry', 'you', "you'll", "you're", "you've", 'in', "it's", 'to', 'for', 'your', 'just', 'here', "here's"]);
const GREETINGS = new Set(['hi', 'hello', 'hey', 'dear', 'morning', 'afternoon', 'evening', 'ok', 'okay', 'right', 'sure', 'yes', 'no']);
const CONNECTIVES = new Set(['so', 'because', 'which', 'before', 'until', 'while', 'since', 'meaning', 'unless', 'once', 'when', 'whenever', 'as']);

const DESCRIBE_OPENERS = new Set(['the', 'a', 'an', 'your']);
/** Where a thing is: the description says where to find it. */
const PLACE = new Set(['on', 'in', 'at', 'under', 'behind', 'next', 'inside', 'beside', 'above', 'below', 'underneath', 'near']);
/** Verbs that turn the description into a clause ("— the web client runs in Edge"). */
const VERBISH = new Set(['runs', 'works', 'means', 'takes', 'needs', 'goes', 'gets', 'keeps', 'lets', 'makes', 'shows', 'sends', 'stays', 'comes', 'says', 'opens', 'loads', 'starts', 'stops', 'lives', 'sits', 'holds', 'uses']);
const PAREN_VERBS = new Set(['is', 'are', 'was', 'were', 'will', 'has', 'have', 'had', "'ll", 'can', 'should', 'would', 'could', 'may', 'might', "isn't", "won't", 'does', 'did', "it's", "that's", "i'll", "we'll", "you'll"]);

/**
 * "(the barcode sticker on the back of your boarding pass)": a parenthesis right
 * after a noun that says, in a few everyday words and without a verb, what or
 * where the thing is. Not "(the one from Monday)" or "(your order is on its way)".
 */
function describes(toks: Token[], open: number, close: string): boolean {
  const before = toks[open - 1];
  if (!before || before.kind !== 'word' || before.caps) return false;
  if (!DESCRIBE_OPENERS.has(toks[open + 1]?.norm ?? '')) return false;
  let words = 0;
  let place = false;
  for (let k = open + 1; k < toks.length && k < open + 16; k++) {
    const t = toks[k]!;
    // A parenthesis closes; a dash apposition runs to the next dash or the end of the sentence.
    if (t.text === close || (close !== ')' && (t.text === '.' || t.text === ';' || t.text === ','))) return words >= 4 && place;
    if (t.kind === 'num' || PAREN_VERBS.has(t.norm) || VERBISH.has(t.norm) || t.norm === 'one' || t.norm === 'ones') return false;
    if (t.kind === 'word') words++;
    if (PLACE.has(t.norm)) place = true;
  }
  return false;
}

function wordsBetween(toks: Token[], a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) if (toks[k]!.kind === 'word' || toks[k]!.kind === 'num') n++;
  return n;
}

/** The analogy in the sentence is a real comparison, not "it looks like" / "I'd like". */
function strongAnalogyNear(ctx: Parameters<Rule['check']>[0], offset: number): boolean {
  const s = ctx.doc.sentenceAt(offset);
  if (!s) return false;
  return ctx.matches('clarity.analogy').some((m) => m.start >= s.start && m.end <= s.end);
}
