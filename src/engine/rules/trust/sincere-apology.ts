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

const CLAUSE_END = new Set(['\u2014', '\u2013', '-', ';', '(']);

function hasFailure(ctx: RuleContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (FAILURE.has(ctx.doc.tokens[k]!.norm)) return true;
  return false;
}

/** Nouns of a stock "sorry you're having trouble with…". */
const STOCK_TROUBLE = new Set(['trouble', 'troubles', 'issue', 'issues', 'problem', 'problems', 'difficulty', 'difficulties', 'inconvenience']);

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
    if (STOCK_TROUBLE.has(n)) stock = true;
    if (FAILURE.has(n)) failure = true;
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
    ],
  },
  check(ctx) {
    const tokens = ctx.doc.tokens;
    const reported: Array<{ start: number; end: number }> = [];
    const report = (start: number, end: number, explanation: string): void => {
      if (reported.some((r) => r.start < end && start < r.end)) return;
      reported.push({ start, end });
      ctx.report({ start, end, explanation });
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
        } else if (lone && nextS && nextS.paragraph === s.paragraph && !nextS.question && isSpecific(ctx, nextS.contentFirst, nextS.last)) {
          report(tokens[s.contentFirst]!.start, nextS.end, 'You named what went wrong right after your apology, so it reads as meant.');
        } else if (lone && prevS && prevS.paragraph === s.paragraph && !prevS.question && s.last - s.contentFirst <= 6 && isSpecific(ctx, prevS.contentFirst, prevS.last)) {
          report(tokens[prevS.contentFirst]!.start, s.end, 'You named what went wrong right before your apology, so it reads as meant.');
        }
        continue;
      }
      if (next.norm === 'to') {
        const verb = tokens[j + 1]?.norm ?? '';
        if (SORRY_TO_SOFTENER.has(verb)) continue;
        from = j + 1;
      } else if (next.norm === 'for' || next.norm === 'about' || next.norm === 'that' || next.norm === 'regarding' || next.norm === 'over') {
        from = j + 1;
        if (tokens[from]?.norm === 'any') continue; // "sorry for any…" is the generic formula
      } else if (next.kind === 'punct' && (next.text === ',' || next.text === '\u2014' || next.text === '-' || next.text === '\u2013' || next.text === ':')) {
        const after = tokens[j + 1];
        const after2 = tokens[j + 2];
        if (!after) continue;
        if ((after.norm === 'i' || after.norm === 'we') && after2 && FAULT_VERBS.has(after2.norm)) from = j + 1;
        else if (next.text !== ',' && after.kind === 'word' && !REFUSAL_OPENERS.has(after.norm)) from = j + 1;
        else if (next.text === ',' && ["that's", 'that', 'it', "it's", 'the', 'your', 'our', 'this'].includes(after.norm) && hasFailure(ctx, j + 1, s.last)) from = j + 1;
        else continue;
        if (REFUSAL_OPENERS.has(after.norm) && !(after.norm === 'i' || after.norm === 'we')) continue;
      } else if (['the', 'your', 'you', "you're", "you've", 'we', "we've", "we're", 'i', "i've", 'our', 'my', 'it', "it's", 'this', 'there', "there's", 'that'].includes(next.norm)) {
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
      if (clause < to && isSpecific(ctx, from, clause)) to = clause;
      else if (!isSpecific(ctx, from, to)) continue;
      // The span: the apology up to the end of its clause.
      let endTok = to - 1;
      while (endTok > from && tokens[endTok]!.kind === 'punct') endTok--;
      report(tokens[m.first]!.start === m.start ? startOfApology(ctx, m.first, s.contentFirst) : m.start, tokens[endTok]!.end, 'You named what went wrong in your apology, so it reads as meant.');
    }
  },
};

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
