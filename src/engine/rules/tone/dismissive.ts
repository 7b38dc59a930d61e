import type { Rule } from '../../rule.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import type { Sentence } from '../../text/doc.js';
import { customerSaid, customerUpset, hedgedBefore, mainClauseStart, own, sentenceOf } from './shared.js';

// Dismissal: telling the customer how to feel ("calm down", "relax", "no need
// to get upset") or waving the problem away ("it's not a big deal", "it's only
// a printer", "that's just how it is"). Phrases: `tone.dismissive-imperative`
// and `tone.dismissive`. Not dismissal: "relax the policy" (an object follows),
// "let the laptop cool down" (not a command to the customer), "no big deal for
// us to swap it" (the agent's own effort, `tone.dismissive-own-effort`), and
// "no big deal!" answering a customer who only apologised or thanked.

/** Words before a feelings command that keep it a command: "please relax", "you need to calm down". */
const COMMAND_LEAD = new Set(['please', 'just', 'ok', 'okay', 'now', 'so', 'hey', 'look', 'sir', "ma'am", 'madam', 'and', 'first', 'alright', 'right', 'listen', 'try', 'to', 'should', 'must', 'gotta', 'could', 'can', 'would', 'will', 'need', 'you', 'i', 'want', 'honestly', 'seriously', 'really', ',', 'mate', 'buddy', 'friend', 'both', 'all']);
/** An object after "relax"/"calm down" makes it technical: "relax the policy", "cool down the CPU". */
const OBJECT_AFTER = new Set(['the', 'your', 'a', 'an', 'our', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'my', 'them', 'it', 'policy', 'rules', 'restrictions', 'restriction', 'requirements', 'settings', 'security', 'limits', 'limit', 'filter', 'filters', 'constraint', 'constraints', 'permissions', 'controls', 'check', 'checks', 'validation']);
const CONDITIONS = new Set(['if', 'when', 'whenever', 'once', 'unless', 'whether']);
const REASSURING = /happen|worry|stress|panic|only|just/;
/** After "it's only a / just a": words that do not belittle the customer's problem. */
const NOT_BELITTLED = new Set([
  'moment', 'minute', 'minutes', 'sec', 'second', 'seconds', 'few', 'couple', 'quick', 'short', 'temporary', 'test', 'suggestion',
  'guess', 'theory', 'thought', 'matter', 'precaution', 'formality', 'reminder', 'heads', 'heads-up', 'warning', 'one-off', 'question',
  'small', 'bit', 'click', 'button', 'checkbox', 'setting', 'switch', 'toggle', 'box', 'step', 'menu', 'field', 'placeholder', 'preview',
  'draft', 'copy', 'backup', 'demo', 'sample', 'example', 'estimate', 'rough', 'slight', 'little', 'tiny', 'single', 'one', 'simple',
  'standard', 'routine', 'safety', 'security', 'display', 'visual', 'label', 'typo', 'glitch', 'hiccup', 'blip', 'delay', 'matter',
]);
/** The customer only apologised or thanked: "no big deal" then means "you're welcome". */
const APOLOGY_WORDS = new Set(['sorry', 'apologies', 'apologize', 'apologise', 'apologizing', 'apologising', 'bother', 'bothering', 'thanks', 'thank', 'thx', 'cheers', 'appreciate', 'oops', 'my bad']);

export const dismissive: Rule = {
  id: 'tone/dismissive',
  category: 'dismissive',
  on: 'agent',
  docs: {
    summary: 'Telling the customer how to feel or waving the problem away: "calm down", "it\'s not a big deal", "it\'s only a printer".',
    why: 'The customer decides how much the problem matters to them. Being told to relax, or that it is small, tells them you are not taking it seriously — and usually makes them angrier.',
    instead: 'Acknowledge the feeling and move to the fix: "I can see this has held you up all morning — let\'s get it working."',
  },
  examples: {
    invalid: [
      { text: "Calm down, it's only a printer.", customer: 'THE PRINTER IS BROKEN AGAIN!!!', excerpt: 'Calm down' },
      { text: "It's not a big deal, the file will sync later.", customer: "I'm really worried the presentation didn't save." },
      { text: 'There is no need to get upset.', customer: 'This is the third time I have called about this!' },
      'Please relax, we will get to it.',
      "That's just how it is with the new portal.",
      { text: 'No need to shout.', customer: 'WHERE IS MY REFUND' },
      { text: "The warnings aren't a big deal, ignore them.", customer: 'These warnings are scaring me.' },
      { text: "It's only £4, hardly a big deal.", customer: 'You overcharged me £4!' },
      { text: "It's only a label printer, the team will cope.", customer: 'Our label printer died and we ship at 2pm.' },
      { text: 'Working as designed.', customer: 'The export drops the last column.' },
    ],
    valid: [
      'We can relax the password policy for your team if you need it.',
      'Let the laptop cool down for ten minutes before you turn it back on.',
      { text: 'No big deal at all — happy to help!', customer: 'Sorry for bothering you again!' },
      "It's no big deal for us to swap the keyboard; a new one ships today.",
      { text: 'You said "calm down" to me earlier?', note: 'quoted words' },
      "I know it's not a small thing — losing a morning's work is awful.",
      { text: "All fixed — it's now working as intended.", customer: 'The export drops the last column.', note: 'a status after the fix' },
      { text: "So it's only the second monitor that flickers?", customer: 'My screens flicker.', note: '"only" picks out the part' },
    ],
  },
  check(ctx) {
    const doc = ctx.doc;
    const hits: PhraseMatch[] = [];
    for (const m of own(ctx, 'tone.dismissive-imperative')) {
      const s = sentenceOf(doc, m);
      if (!s || !isCommand(ctx, s, m)) continue;
      const next = m.last < s.last ? doc.tokens[m.last] : undefined;
      if (next && OBJECT_AFTER.has(next.norm)) continue;
      if (ctx.isNegated(m)) continue;
      hits.push(m);
    }
    const ownEffort = ctx.matches('tone.dismissive-own-effort');
    const upset = customerUpset(ctx);
    const politeOnly = !upset && customerSaid(ctx, APOLOGY_WORDS);
    const all = own(ctx, 'tone.dismissive');
    for (const m of all) {
      const pattern = ctx.entry(m).pattern;
      const said = doc.text.slice(m.start, m.end).toLowerCase().replace(/\u2019/g, "'");
      const bigDeal = pattern.includes('deal') || pattern.includes('biggie');
      if (ctx.isNegated(m)) continue;
      if (hedgedBefore(doc, m, CONDITIONS, 6)) continue;
      if (bigDeal && ownEffort.some((o) => o.first < m.last + 2 && o.last > m.first)) continue;
      // Reassurance for a customer who only apologised ("Sorry, my mistake!" — "No big deal, it happens").
      if (politeOnly && (bigDeal || REASSURING.test(said))) continue;
      // "it's only a printer", not "it's just a moment" / "it's only a suggestion".
      if (/(only|just) an?$/.test(said)) {
        const nx = doc.tokens[m.last];
        if (!nx || nx.kind !== 'word') continue;
        // "only a label printer", "only a small quiz": a belittled thing after a modifier still counts.
        if (NOT_BELITTLED.has(nx.norm) && !thingWithin(doc, m.last + 1, 2)) continue;
      }
      // "it's only your screen share that shows black": "only" picks out the part, it does not belittle.
      // ("It's only a printer that you use once a week" still belittles: a relative clause after "a".)
      if (/(only|just) (your|one|the) /.test(said) && clefted(doc, m.last)) continue;
      // "It's now working as intended": a status after a fix, not a brush-off.
      if (pattern.includes('as (intended') && statusBefore(doc, m.first)) continue;
      // A plain "don't worry" is reassurance unless the customer is upset.
      if ((said === "don't worry" || said === 'do not worry' || said === 'dont worry') && !upset) continue;
      if (said === "don't worry" || said === 'do not worry' || said === 'dont worry') {
        if (all.some((o) => o !== m && o.first === m.first)) continue;
      }
      // "I know it's not a big deal to you, but…" is rare; "I'm not saying it's…" is negated above.
      hits.push(m);
    }
    for (const m of hits) {
      ctx.report({
        start: m.start,
        end: m.end,
        explanation: `"${doc.text.slice(m.start, m.end)}" tells the customer how to feel or that the problem is small. They decide how much it matters; acknowledge it and move to the fix.`,
        suggestion: ctx.entry(m).suggest ?? "I can see why this is frustrating — let's get it sorted.",
      });
    }
  },
};

/** Things the customer relies on; "only a label printer" belittles the printer. */
const THINGS = new Set([
  'printer', 'printers', 'laptop', 'computer', 'pc', 'mouse', 'keyboard', 'phone', 'monitor', 'screen', 'app', 'device', 'machine', 'tablet',
  'camera', 'webcam', 'headset', 'charger', 'cable', 'router', 'quiz', 'test', 'exam', 'file', 'document', 'report', 'order', 'parcel',
  'delivery', 'account', 'password', 'email', 'meeting', 'presentation', 'spreadsheet', 'form', 'fee', 'charge', 'refund', 'invoice',
]);
function thingWithin(doc: import('../../text/doc.js').Doc, from: number, n: number): boolean {
  for (let k = from; k < Math.min(doc.tokens.length, from + n); k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word') return false;
    if (THINGS.has(t.norm)) return true;
  }
  return false;
}
/** "it's only X that …", "it's just the Y which …": a cleft, naming the part that is affected. */
function clefted(doc: import('../../text/doc.js').Doc, from: number): boolean {
  for (let k = from; k < Math.min(doc.tokens.length, from + 4); k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word') return false;
    if (t.norm === 'that' || t.norm === 'which' || t.norm === 'who' || t.norm === 'where') return true;
  }
  return false;
}
const STATUS_WORDS = new Set(['now', 'again', 'back', 'should', 'will', "it'll", "that'll", 'finally', 'all', 'everything', 'properly']);
function statusBefore(doc: import('../../text/doc.js').Doc, first: number): boolean {
  for (let k = Math.max(0, first - 3); k < first; k++) if (STATUS_WORDS.has(doc.tokens[k]!.norm)) return true;
  return false;
}

/** "Calm down", "please relax", "you need to calm down", "ok, just relax": said as a command to the customer. */
function isCommand(ctx: Parameters<Rule['check']>[0], s: Sentence, m: PhraseMatch): boolean {
  const doc = ctx.doc;
  const start = mainClauseStart(doc, s);
  if (start === m.first) return true;
  if (start < 0) return false;
  for (let k = start; k < m.first; k++) if (!COMMAND_LEAD.has(doc.tokens[k]!.norm)) return false;
  return true;
}
