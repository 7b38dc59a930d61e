import type { Rule, RuleContext } from '../../rule.js';
import { dead } from './shared.js';

// A specific, personal apology: "I'm sorry the update removed your files",
// "sorry we charged you twice", "apologies for the delay — the courier lost it",
// "my mistake, I sent the old link". Not a bare "sorry", not "sorry to hear
// that", not "sorry, but…" before a refusal, not a generic formula.

/** Words that carry no "what went wrong" by themselves. */
const FILLER = new Set([
  'the', 'a', 'an', 'your', 'you', "you're", "you've", "you'd", 'we', "we've", "we're", 'our', 'i', "i've", 'my', 'me', 'us', 'to', 'of',
  'in', 'on', 'with', 'for', 'about', 'at', 'by', 'from', 'have', 'has', 'had', 'been', 'be', 'is', 'are', 'was', 'were', "it's", "that's",
  'this', 'that', 'these', 'those', 'it', 'they', 'them', 'their', 'may', 'might', 'could', 'would', 'will', 'can', 'so', 'very', 'really',
  'truly', 'deeply', 'terribly', 'sincerely', 'all', 'any', 'some', 'much', 'just', 'again', 'today', 'here', 'there', 'now', 'again', 'feel',
  'feels', 'felt', 'way', 'like', 'and', 'or', 'as', 'such', 'what', 'how', 'did', 'does', 'do', 'get', 'got', 'having', 'experiencing',
  'facing', 'dealing', 'going', 'through', 'inconvenience', 'inconveniences', 'trouble', 'troubles', 'hassle', 'issue', 'issues', 'problem',
  'problems', 'difficulty', 'difficulties', 'situation', 'experience', 'frustration', 'confusion', 'caused', 'happened', 'happening', 'everything',
  'stuff', 'things', 'thing', 'bother', 'matter', 'impact', 'disruption', 'happen', 'occurred', 'experienced', 'seeing', 'see', 'hear', 'know',
  'if', 'which', 'who', 'there', 'still', 'having', 'had', 'one', 'ones', 'kind', 'sort', 'well', 'too', 'also', 'though',
]);

/** Words that name a failure outright. */
const FAILURE = new Set([
  'delay', 'delays', 'delayed', 'wait', 'waiting', 'late', 'lateness', 'wrong', 'mistake', 'mistakes', 'error', 'errors', 'outage', 'downtime',
  'crash', 'crashed', 'broke', 'broken', 'missed', 'forgot', 'overlooked', 'mix-up', 'mixup', 'failed', 'failure', 'down', 'locked', 'lost',
  'deleted', 'removed', 'wiped', 'charged', 'overcharged', 'double', 'twice', 'duplicate', 'incorrect', 'misread', 'misunderstood', 'runaround',
  'back-and-forth', 'repeat', 'repeating', 'cancelled', 'canceled', 'bounced', 'slow', 'oversight', 'silence', 'unanswered', 'ignored',
  'disconnected', 'dropped', 'cut', 'overwritten', 'corrupted', 'glitch', 'bug', 'fault', 'faulty', 'damaged', 'billed', 'blocked',
  'wasn\'t', 'weren\'t', "didn't", "hasn't", "haven't", "isn't", "aren't", "couldn't", "won't", "wouldn't", "doesn't", "don't", 'never', 'long',
  'hours', 'days', 'weeks', 'again', 'confusing', 'unclear', 'muddle', 'lapse', 'miscommunication', 'misunderstanding', 'outdated', 'expired',
]);

/** "sorry to …" that is not an apology for what went wrong. */
const SORRY_TO_SOFTENER = new Set(['say', 'inform', 'tell', 'report', 'bother', 'interrupt', 'keep', 'ask', 'trouble', 'disturb', 'chase', 'be', 'hear', 'learn', 'see', 'read', 'jump', 'push', 'pester', 'nag', 'hassle', 'follow']);

/** After "sorry," these open a refusal or a question, not an apology. */
const REFUSAL_OPENERS = new Set(['but', 'however', 'unfortunately', 'sadly', 'regrettably', 'afraid', "i'm", 'could', 'can', 'would', 'will', 'what', 'which', 'where', 'when', 'who', 'how', 'do', 'did', 'is', 'are', 'was', 'just', 'quick', 'one', 'please', 'no', 'not', 'we', 'i', 'there']);

/** After "sorry, I/we": verbs that admit a mistake. */
const FAULT_VERBS = new Set(['misread', 'misunderstood', 'missed', 'forgot', 'overlooked', 'mixed', 'got', 'gave', 'sent', "wasn't", "didn't", 'should', "should've", 'meant', 'confused', 'typed', 'attached', 'linked', 'pasted', 'mis-typed', 'mistyped', 'misspoke', 'dropped', 'lost', 'deleted', 'closed', 'forgotten', 'muddled', 'messed', 'broke', 'charged', 'billed', 'shipped', 'told', 'gave']);

/** Other words that open the clause of what went wrong: "I'm sorry nobody told you". */
const CLAUSE_SUBJECTS = ['nobody', 'no', 'noone', 'someone', 'somebody', 'he', 'she', 'they', 'their', 'his', 'her', 'its', 'both', 'everyone', 'these', 'those'];

function admitsIn(ctx: RuleContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (admits(ctx, k)) return true;
  return false;
}

const CLAUSE_END = new Set(['\u2014', '\u2013', '-', ';', '(']);

function hasFailure(ctx: RuleContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (FAILURE.has(ctx.doc.tokens[k]!.norm) || admits(ctx, k)) return true;
  return false;
}

/** Words that name the cause as ours: "caused by us", "on our side", "our fault", "the update is the cause". */
const ADMIT_AFTER_OUR = new Set(['fault', 'end', 'side', 'mistake', 'error', 'doing', 'bad', 'slip']);
function admits(ctx: RuleContext, k: number): boolean {
  const t = ctx.doc.tokens;
  const n = t[k]!.norm;
  const nx = t[k + 1]?.norm ?? '';
  if ((n === 'by' || n === 'on') && (nx === 'us' || nx === 'me')) return true;
  if ((n === 'our' || n === 'my') && ADMIT_AFTER_OUR.has(nx)) return true;
  if ((n === 'cause' || n === 'culprit') && t[k - 1]?.norm === 'the') return true;
  // "our patch on Monday caused it", "we broke the sync".
  if (n === 'caused' || n === 'broke' || n === 'triggered') {
    for (let i = k - 1; i >= 0 && i >= k - 5; i--) if (['our', 'we', 'my', 'i'].includes(t[i]!.norm)) return true;
  }
  return false;
}

/** Time words count as a failure in an apology's own words ("sorry for the three days"), not in a sentence after it. */
const TIME_ONLY = new Set(['hours', 'days', 'weeks', 'long', 'again', 'wait', 'waiting']);
/** A failure word, an admission, or a past-tense verb of what happened ("Omg nooo!!!" names nothing). */
function namesFailure(ctx: RuleContext, from: number, to: number): boolean {
  if (hasFailure(ctx, from, to)) return true;
  for (let k = from; k < to; k++) {
    const n = ctx.doc.tokens[k]!.norm;
    if (n.length > 4 && n.endsWith('ed') && !['caused', 'happened', 'experienced', 'affected', 'needed', 'wanted', 'expected', 'used'].includes(n)) return true;
  }
  return false;
}

/** Sentences that open with what the agent will do next: the remedy, not what went wrong. */
const ACTION_OPENERS = new Set(["let's", 'let', "we'll", "i'll", "you'll", "i'm", "we're", 'on']);
function nextNamesFailure(ctx: RuleContext, from: number, to: number): boolean {
  const t = ctx.doc.tokens;
  const first = t[from]?.norm ?? '';
  const second = t[from + 1]?.norm ?? '';
  // "We'll get that looked at", "Let's get you a new one", "On it!": the remedy, not the fault.
  if (ACTION_OPENERS.has(first)) return false;
  if ((first === 'we' || first === 'i') && ['will', 'can', 'are', 'am', 'shall'].includes(second)) return false;
  for (let k = from; k < to; k++) {
    const n = t[k]!.norm;
    if ((FAILURE.has(n) && !TIME_ONLY.has(n)) || admits(ctx, k)) return true;
    if (n.length > 4 && n.endsWith('ed') && t[k - 1]?.norm !== 'get' && t[k - 1]?.norm !== 'be' && !['caused', 'happened', 'experienced', 'affected', 'needed', 'wanted', 'expected', 'used', 'looked', 'sorted', 'fixed', 'resolved', 'refunded', 'processed', 'updated', 'added', 'booked', 'arranged', 'restored', 'replaced', 'confirmed', 'scheduled', 'reached', 'received', 'based', 'called', 'named', 'signed', 'logged', 'required'].includes(n)) return true;
  }
  return false;
}

/** Nouns of a stock "sorry you're having trouble with…". */
const STOCK_TROUBLE = new Set(['trouble', 'troubles', 'issue', 'issues', 'problem', 'problems', 'difficulty', 'difficulties', 'inconvenience']);

const INTERJECTIONS = new Set(['oh', 'omg', 'aw', 'ah', 'oops', 'eek', 'ugh', 'hi', 'hiya', 'hey', 'heyy', 'wow', 'gosh', 'yikes', 'argh', 'whoops', 'ouch', 'dear', 'hmm']);

function isSpecific(ctx: RuleContext, from: number, to: number): boolean {
  let content = 0;
  let failure = false;
  let stock = false;
  for (let k = from; k < to; k++) {
    const t = ctx.doc.tokens[k]!;
    if (t.kind === 'punct') {
      // A dash or colon introduces the reason: keep reading.
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'num') continue;
    const n = t.norm;
    // Interjections name nothing: "Oh no, so sorry!!", "Omg nooo".
    if (INTERJECTIONS.has(n) || /^(no{3,}|o+h+|a+w+|u+g+h+)$/.test(n) || (n === 'no' && ctx.doc.tokens[k + 1]?.kind === 'punct')) continue;
    if (STOCK_TROUBLE.has(n)) stock = true;
    if (FAILURE.has(n) || admits(ctx, k)) failure = true;
    else if (!FILLER.has(n)) {
      content++;
      if (n.length > 4 && n.endsWith('ed') && !['caused', 'happened', 'experienced', 'affected', 'inconvenienced', 'concerned', 'worried', 'frustrated', 'upset', 'disappointed', 'needed', 'wanted', 'expected', 'used'].includes(n)) failure = true;
    }
  }
  if (failure) return content > 0 || to - from >= 2;
  // Without a failure word, several content words still name what happened
  // ("sorry that alert was so vague"), unless it is the stock "having trouble with…".
  return !stock && content >= 2;
}

export const sincereApology: Rule = {
  id: 'apology/specific',
  category: 'sincere-apology',
  on: 'agent',
  docs: {
    summary: 'A personal apology that names what went wrong.',
    why: 'Naming the mistake shows the customer that someone has looked at what happened to them, which a stock "sorry" does not.',
    instead: 'Keep it personal and specific: "I\'m sorry we charged you twice — the refund is on its way."',
  },
  examples: {
    invalid: [
      { text: "I'm sorry the update removed your files — let's get them back.", excerpt: "I'm sorry the update removed your files" },
      'Sorry we charged you twice; the second payment is already refunded.',
      'Apologies for the delay, the courier lost the first parcel.',
      { text: 'Three days without a working login is far too long, and I am sorry.', excerpt: 'Three days without a working login is far too long, and I am sorry' },
      "I'm really sorry. Our update last night removed your saved card.",
      "I'm sorry — you've been billed twice for March.",
      "sorry, I misread your last message. You're on a Mac, so the steps are different.",
      { text: 'Sorry to keep you waiting — the fix went live at noon.', note: 'the wait is what went wrong' },
      { text: "I'm sorry nobody rang you back on Tuesday.", note: 'the clause opens with "nobody"' },
      { text: 'Sorry, our patch on Monday caused it. I have rolled it back.', excerpt: 'Sorry, our patch on Monday caused it' },
      { text: 'Four days with no heating is awful — I\'m so sorry, that should never have happened.', note: 'named before the apology' },
      { text: 'You should not have been passed between three teams, and I\'m sorry it went that way.', note: '"it went that way" points back at the named failure' },
    ],
    valid: [
      'We apologize for any inconvenience caused.',
      "Sorry to hear that. Can you restart it?",
      "Sorry, but we can't refund a licence after 30 days.",
      "Sorry, could you send me the error code?",
      { text: 'You said "I\'m sorry the update removed your files" to my colleague?', note: 'quoted' },
      "No need to apologise at all, these things happen.",
      'Sorry about that. These things happen.',
      "That's our error, and I'll correct the invoice today.",
      { text: 'Oh no, so sorry!! Let\'s get you a new one!', note: 'an interjection and a remedy name nothing that went wrong' },
      { text: 'Sorry to keep asking, but which browser is it?', note: 'a softener' },
    ],
  },
  check(ctx) {
    for (const f of specificApologies(ctx)) ctx.report(f);
  },
};

/**
 * The apologies in the reply that name what went wrong (what `apology/specific` reports).
 * Exported for `apology/generic`, which calls a bare "so sorry!" hollow only when none is found.
 */
export function specificApologies(ctx: RuleContext): Array<{ start: number; end: number; explanation: string }> {
  const tokens = ctx.doc.tokens;
  const reported: Array<{ start: number; end: number; explanation: string }> = [];
  const report = (start: number, end: number, explanation: string): void => {
    if (reported.some((r) => r.start < end && start < r.end)) return;
    reported.push({ start, end, explanation });
  };
  for (const m of ctx.matches('apology.cue')) {
    // Negation scope is not used here: "…and it wasn't — sorry" is still an apology.
    if (ctx.isQuoted(m)) continue;
    const s = ctx.doc.sentenceAt(m.start);
    if (!s) continue;
    // Skip what precedes: "no need to apologise", "don't be sorry", "I'm not sorry".
    const prev = tokens[m.first - 1]?.norm;
    if (prev === 'to' && tokens[m.first - 2]?.norm === 'need') continue;
    if (prev === 'no' || prev === 'not' || prev === 'if' || prev === 'never') continue;
    if (prev === 'be' && ["don't", 'not', 'nothing', 'no', 'never'].includes(tokens[m.first - 2]?.norm ?? '')) continue;
    let j = m.last;
    // "I'm so very sorry", "my sincere apologies": what follows the cue decides.
    while (j < s.last && ['so', 'very', 'really', 'truly', 'deeply', 'sincerely', 'terribly', 'again'].includes(tokens[j]!.norm)) j++;
    const next = tokens[j];
    if (!next) continue;
    let from = -1;
    const endsClause = next.kind === 'punct' && (TERMINAL.has(next.text) || next.text === ';');
    if (endsClause || next.norm === 'for' && ['both', 'that', 'this', 'it', 'all', 'everything'].includes(tokens[j + 1]?.norm ?? '') && tokens[j + 2]?.kind !== 'word' || next.norm === 'about' && ['that', 'this', 'it'].includes(tokens[j + 1]?.norm ?? '') && tokens[j + 2]?.kind !== 'word') {
      // "…, and I'm sorry." / "I'm sorry for both." / "sorry about that": what went wrong
      // is named before, in the same sentence, or in the next sentence.
      const before = isSpecific(ctx, s.contentFirst, startTokenOfApology(ctx, m.first, s.contentFirst));
      const nextS = ctx.doc.sentences[s.index + 1];
      const prevS = s.index > 0 ? ctx.doc.sentences[s.index - 1] : undefined;
      const lone = startTokenOfApology(ctx, m.first, s.contentFirst) === s.contentFirst;
      if (before) {
        report(tokens[s.contentFirst]!.start, tokens[endOfApology(ctx, m.last, s.last)]!.end, 'You named what went wrong in your apology, so it reads as meant.');
      } else if (tokens[j]!.text === ';' && isSpecific(ctx, j + 1, s.last)) {
        report(tokens[s.contentFirst]!.start, s.end, 'You named what went wrong in your apology, so it reads as meant.');
      } else if (lone && nextS && nextS.paragraph === s.paragraph && !nextS.question && isSpecific(ctx, nextS.contentFirst, nextS.last) && nextNamesFailure(ctx, nextS.contentFirst, nextS.last)) {
        report(tokens[s.contentFirst]!.start, nextS.end, 'You named what went wrong right after your apology, so it reads as meant.');
      } else if (lone && prevS && prevS.paragraph === s.paragraph && !prevS.question && s.last - s.contentFirst <= 6 && isSpecific(ctx, prevS.contentFirst, prevS.last) && namesFailure(ctx, prevS.contentFirst, prevS.last)) {
        report(tokens[prevS.contentFirst]!.start, s.end, 'You named what went wrong right before your apology, so it reads as meant.');
      }
      continue;
    }
    if (next.norm === 'to') {
      const verb = tokens[j + 1]?.norm ?? '';
      // "sorry to keep you waiting" names the wait; "sorry to keep asking" is a softener.
      const keptWaiting = verb === 'keep' && tokens[j + 2]?.norm === 'you' && ['waiting', 'hanging', 'on'].includes(tokens[j + 3]?.norm ?? '');
      if (SORRY_TO_SOFTENER.has(verb) && !keptWaiting) continue;
      from = j + 1;
    } else if (next.norm === 'for' || next.norm === 'about' || next.norm === 'that' || next.norm === 'regarding' || next.norm === 'over') {
      from = j + 1;
      if (tokens[from]?.norm === 'any') continue; // "sorry for any…" is the generic formula
    } else if (next.kind === 'punct' && (next.text === ',' || next.text === '\u2014' || next.text === '-' || next.text === '\u2013' || next.text === ':')) {
      const after = tokens[j + 1];
      const after2 = tokens[j + 2];
      if (!after) continue;
      // "Three days waiting in and still no delivery — I'm really sorry, that's time off…":
      // what went wrong comes before the apology in the same sentence.
      const head = startTokenOfApology(ctx, m.first, s.contentFirst);
      if (head > s.contentFirst && isSpecific(ctx, s.contentFirst, head) && namesFailure(ctx, s.contentFirst, head)) {
        report(tokens[s.contentFirst]!.start, tokens[endOfApology(ctx, m.last, s.last)]!.end, 'You named what went wrong in your apology, so it reads as meant.');
        continue;
      }
      if ((after.norm === 'i' || after.norm === 'we') && after2 && FAULT_VERBS.has(after2.norm)) from = j + 1;
      else if (next.text !== ',' && (after.kind === 'word' || after.kind === 'num') && !REFUSAL_OPENERS.has(after.norm)) from = j + 1;
      else if (next.text === ',' && ["that's", 'that', 'it', "it's", 'the', 'your', 'our', 'this'].includes(after.norm) && hasFailure(ctx, j + 1, s.last)) from = j + 1;
      // "Sorry, yesterday's update is the cause.": any clause that admits the cause.
      else if (next.text === ',' && after.kind === 'word' && !REFUSAL_OPENERS.has(after.norm) && admitsIn(ctx, j + 1, s.last)) from = j + 1;
      else continue;
      if (REFUSAL_OPENERS.has(after.norm) && !(after.norm === 'i' || after.norm === 'we')) continue;
    } else if (['the', 'your', 'you', "you're", "you've", 'we', "we've", "we're", 'i', "i've", 'our', 'my', 'it', "it's", 'this', 'there', "there's", 'that', ...CLAUSE_SUBJECTS].includes(next.norm)) {
      if (next.norm === 'you' && ['feel', 'felt', 'think', 'thought', 'believe'].includes(tokens[j + 1]?.norm ?? '')) continue;
      from = j;
    } else continue;
    // Read up to a "but" that turns it into a refusal, or the sentence end;
    // the span stops at a dash or semicolon when what came before is specific.
    let to = from;
    while (to < s.last && !['but', 'however'].includes(tokens[to]!.norm)) to++;
    if (to <= from) continue;
    let clause = from + 1;
    while (clause < to && !CLAUSE_END.has(tokens[clause]!.text)) clause++;
    let whole = false;
    if (clause < to && isSpecific(ctx, from, clause)) to = clause;
    else if (!isSpecific(ctx, from, to)) {
      // "You shouldn't have been passed back and forth, and I'm sorry it went that way":
      // a short "it went that way" points back at what the sentence already named.
      const head = startTokenOfApology(ctx, m.first, s.contentFirst);
      if (to - from > 5 || head <= s.contentFirst || !isSpecific(ctx, s.contentFirst, head) || !namesFailure(ctx, s.contentFirst, head)) continue;
      whole = true;
    }
    // The span: the apology up to the end of its clause.
    let endTok = to - 1;
    while (endTok > from && tokens[endTok]!.kind === 'punct') endTok--;
    const from0 = whole ? tokens[s.contentFirst]!.start : tokens[m.first]!.start === m.start ? startOfApology(ctx, m.first, s.contentFirst) : m.start;
    report(from0, tokens[endTok]!.end, 'You named what went wrong in your apology, so it reads as meant.');
  }
  return reported;
}

const LEAD = new Set(["i'm", 'im', 'i', 'am', "we're", 'we', 'are', 'so', 'very', 'really', 'truly', 'deeply', 'my', 'our', 'sincere', 'sincerest', 'deepest', 'again', 'and', 'but']);
const TERMINAL = new Set(['.', '!', '?', '...', '!!', '!!!']);

/** The first token of the apology, taking in "I'm so", "we're", "my". */
function startTokenOfApology(ctx: RuleContext, first: number, sentenceFirst: number): number {
  const tokens = ctx.doc.tokens;
  let k = first;
  while (k > sentenceFirst && LEAD.has(tokens[k - 1]!.norm)) k--;
  // Skip back over the comma or dash that joins it to what came before.
  while (k > sentenceFirst && tokens[k - 1]!.kind === 'punct' && /^[,\u2014\u2013-]$/.test(tokens[k - 1]!.text)) k--;
  return k;
}

/** Extends the span back over "I'm so", "we're", "my". */
function startOfApology(ctx: RuleContext, first: number, sentenceFirst: number): number {
  const tokens = ctx.doc.tokens;
  let k = first;
  while (k > sentenceFirst && LEAD.has(tokens[k - 1]!.norm) && tokens[k - 1]!.norm !== 'and' && tokens[k - 1]!.norm !== 'but') k--;
  return tokens[k]!.start;
}

/** The last word token of the apology phrase ("sorry", "sorry for both"). */
function endOfApology(ctx: RuleContext, last: number, sentenceLast: number): number {
  const tokens = ctx.doc.tokens;
  let k = last;
  while (k < sentenceLast && tokens[k]!.kind === 'word' && ['for', 'about', 'both', 'that', 'this', 'it', 'all', 'everything'].includes(tokens[k]!.norm)) k++;
  return k - 1;
}
