// What an insult says about the customer's temper. Every insult aimed at the
// agent is abuse; what else it shows depends on how it is said. LABELING.md
// reads anger as "shouting in caps, swearing, threats to leave or complain":
// an insult with those (capitals, "!", swearing, "absolute moron", a threat)
// is anger too; a flat one ("are you lot brain dead?", "ur a waste of space")
// is exasperation, which is frustration. Shared by customer/anger and
// customer/frustration so the two never disagree about the same words.

import type { RuleContext } from '../../rule.js';
import { findInsults } from './insults.js';
import { capsInSentences } from './shouting.js';
import { isNegatedMatch } from './signal.js';

export interface Span {
  start: number;
  end: number;
}

/** Words that turn an insult up ("you absolute moron", "completely useless"). */
const INTENSIFIERS = new Set([
  'absolute', 'absolutely', 'complete', 'completely', 'total', 'totally', 'utter', 'utterly', 'bloody', 'fucking', 'effing', 'frigging',
  'freaking', 'damn', 'goddamn', 'thieving', 'personally',
]);

const THIS = new Set(['this', 'that', 'these', 'those', 'the', 'your']);
const CURSED = new Set(['stupid', 'bloody', 'damn', 'damned', 'effing', 'sodding', 'blasted', 'wretched', 'useless', 'rubbish', 'crappy', 'shitty']);
/** "the useless engineer" is an insult to a person, not hostility about a thing. */
const PEOPLE = new Set(['man', 'woman', 'guy', 'girl', 'boy', 'person', 'people', 'engineer', 'engineers', 'agent', 'agents', 'staff', 'team', 'lot', 'bot']);

/**
 * Everyday words people put in capitals to stress them ("I TOLD you", "FOUR
 * times", "NOT fixed"). Capitals outside this list are mostly names, acronyms
 * and error codes (DNSSEC, RADIUS, NXDOMAIN), which stress nothing.
 */
export const EMPHASIS = new Set([
  'again', 'still', 'never', 'not', 'now', 'always', 'every', 'single', 'nothing', 'nobody', 'none', 'all', 'everything', 'anything',
  'anyone', 'everyone', 'told', 'said', 'asked', 'explained', 'paid', 'cancelled', 'canceled', 'refund', 'refunded', 'twice', 'once',
  'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'hundred',
  'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'minutes', 'today', 'tonight', 'yesterday',
  'tomorrow', 'literally', 'already', 'really', 'actually', 'seriously', 'down', 'broken', 'gone', 'dead', 'lost', 'locked', 'wrong',
  'same', 'different', 'after', 'before', 'without', 'who', 'what', 'where', 'when', 'why', 'how', 'this', 'that', 'your', 'you', 'our',
  'mine', 'red', 'green', 'orange', 'blue', "doesn't", "don't", "can't", "won't", "isn't", "didn't", "haven't", "hasn't", "wasn't",
  'cannot', 'did', 'does', 'done', 'have', 'has', 'had', 'was', 'were', 'will', 'need', 'want', 'fix', 'stop', 'last', 'first', 'second',
  'third', 'fourth', 'fifth', 'another', 'more', 'ever', 'even', 'only', 'sent', 'called', 'emailed', 'rang', 'phoned', 'charged',
  'billed', 'work', 'working', 'works', 'fixed', 'sorted', 'full', 'empty', 'late', 'useless', 'ridiculous', 'joke', 'times', 'right',
  'here', 'there', 'are', 'must', 'should', 'do', 'any', 'one', 'two', 'some', 'entire', 'whole', 'both', 'exactly', 'correct', 'help',
  'please', 'urgent', 'immediately', 'asap', 'wait', 'waiting', 'waited', 'hold', 'unacceptable', 'dont', 'cant', 'wont', 'isnt', 'didnt',
  'no', 'yes', 'someone', 'somebody', 'anybody', 'nowhere',
]);

const cache = new WeakMap<object, { insults: Span[]; heated: boolean }>();

/** The customer's own insults in this message (phrase list and structure). */
export function insultSpans(ctx: RuleContext): Span[] {
  return read(ctx).insults;
}

/** The message is heated beyond the insult: capitals, "!", "??", swearing, intensifiers or a threat. */
export function heated(ctx: RuleContext): boolean {
  return read(ctx).heated;
}

function read(ctx: RuleContext): { insults: Span[]; heated: boolean } {
  const hit = cache.get(ctx.doc);
  if (hit) return hit;
  const doc = ctx.doc;
  const insults: Span[] = [];
  for (const m of ctx.matches('customer.abuse')) {
    if (doc.tokens[m.first]!.quoted || doc.tokens[m.last - 1]!.quoted || isNegatedMatch(doc, m.first)) continue;
    insults.push({ start: m.start, end: m.end });
  }
  findInsults(ctx, (start, end) => insults.push({ start, end }));
  let hot = false;
  for (const t of doc.tokens) {
    if (t.quoted) continue;
    if (t.kind === 'punct' && (t.text.includes('!') || t.text.includes('??') || /^[*#@$%]{2,}$/.test(t.text))) hot = true;
    else if (t.kind === 'word' && INTENSIFIERS.has(t.norm)) hot = true;
    if (hot) break;
  }
  if (!hot) {
    for (const list of ['customer.anger', 'customer.abuse.threat']) {
      if (ctx.matches(list).some((m) => !doc.tokens[m.first]!.quoted && !isNegatedMatch(doc, m.first))) hot = true;
    }
  }
  // Capitals: shouting, or an everyday word stressed ("I TOLD you the printer says OFFLINE").
  if (!hot && capsInSentences(ctx).some((c) => c.tokens.some((k) => (!c.copied && doc.tokens[k]!.text.length >= 3) || EMPHASIS.has(doc.tokens[k]!.norm)))) hot = true;
  // "Listen, you…" and "this stupid laptop": hostility beyond the insult.
  if (!hot) {
    for (const s of doc.sentences) {
      const t = doc.tokens[s.contentFirst];
      if (t && t.norm === 'listen' && !t.quoted) hot = true;
    }
    for (let k = 0; !hot && k + 2 < doc.tokens.length; k++) {
      const a = doc.tokens[k]!;
      const b = doc.tokens[k + 1]!;
      if (a.quoted || !THIS.has(a.norm) || !CURSED.has(b.norm)) continue;
      const c = doc.tokens[k + 2]!;
      if (c.kind === 'word' && !PEOPLE.has(c.norm)) hot = true;
    }
  }
  const out = { insults, heated: hot };
  cache.set(doc, out);
  return out;
}
