import type { Rule, RuleContext } from '../../rule.js';
import { dead, followed, onePerSentence } from './shared.js';

// Ownership: "I'll take care of this", "leave it with me", "I'll make sure it's
// fixed", "I've escalated it and I'll follow it through".
//
// Beyond the phrase lists, the rule reads four general constructions:
// - the agent commits to doing something on the customer's behalf: "I'll correct
//   the spelling for you", "I'll raise it with the council on your behalf";
// - the agent stays with it until it is solved: "I'm not letting this go until it's fixed";
// - the agent admits the fault as theirs: "My mistake, I removed you from the group.";
// - the agent commits to checking the fix held: "I'll call you on Friday to make sure it's working".

/** Commitments that are only offers when they sit in a condition. */
const WEAK = new Set([
  'follow', 'contact', 'call', 'ring', 'email', 'keep', 'update', 'watch', 'monitor', 'stay', 'check',
  'sort', 'fix', 'escalate', 'refund', 'reimburse', 'credit', 'compensate', 'pay', 'reorder', 're-order', 'resend', 're-send',
  'reissue', 're-issue', 'rebook', 're-book', 'reship', 're-ship', 'redeliver', 're-deliver', 'replace', 'send', 'order', 'ship',
  'post', 'courier', 'book', 'arrange', 'trace', 'track', 'locate', 'raise', 'issue', 'print', 'prepare',
]);
/** Verbs that are ownership only in the first person singular: "we'll sort it out for you!!!" is a team's cheer, not one person taking it on. */
const PERSONAL = new Set([
  'sort', 'fix', 'escalate', 'refund', 'reimburse', 'credit', 'compensate', 'pay', 'reorder', 're-order', 'resend', 're-send', 'reissue',
  're-issue', 'rebook', 're-book', 'reship', 're-ship', 'redeliver', 're-deliver', 'replace', 'order', 'ship', 'post', 'courier', 'book',
  'arrange', 'trace', 'track', 'locate', 'raise', 'chase', 'issue', 'print', 'prepare', 'get',
]);
const NEGATORS = new Set(['not', 'never', "can't", 'cannot', "won't", 'unable']);
const CONDITIONS = new Set(['if', 'unless', 'whether', 'once', 'when']);

/** Before "I'll …": a condition or a question that is not a commitment. */
const NOT_COMMITTED = new Set(['if', 'whether', 'unless', 'should', 'shall', 'can', 'could', 'would', 'do', 'did']);
/** The agent alone as the subject of a commitment. */
const I_WILL = new Set(["i'll", 'ill']);
const CLAUSE_BREAK = new Set(['.', '!', '?', ';', ':', ',', '\u2014', '\u2013', '-', 'but', 'so', 'because', 'although', 'though', 'while', 'whereas']);
/** "…until it's sorted": the state the agent stays on it until. */
const SOLVED = new Set(['sorted', 'fixed', 'resolved', 'done', 'working', 'back', 'solved', 'cleared', 'restored', 'sorted.', 'through', 'found', 'live', 'here', 'delivered', 'refunded', 'in']);
/** Verbs of looking into it, not taking it on: "let me check that for you". */
const LOOKING = new Set(['check', 'look', 'see', 'find', 'investigate', 'explain', 'confirm', 'double-check', 'dig', 'search', 'read', 'ask', 'try', 'walk', 'talk', 'go', 'have', 'pull', 'review', 'test', 'show', 'write', 'spell', 'repeat']);
const FAULT = new Set(['mistake', 'fault', 'error', 'bad', 'oversight', 'slip', 'mix-up', 'blunder']);
const CONFIRM = new Set(['make', 'check', 'confirm', 'verify', 'ensure']);

export const ownership: Rule = {
  id: 'trust/ownership',
  category: 'ownership',
  on: 'agent',
  docs: {
    summary: 'The agent takes responsibility for getting the problem solved.',
    why: 'Customers relax when one named person says the problem is now theirs; it means they will not have to chase.',
    instead: 'Say it in the first person: "I\'ll take care of this and keep you posted."',
  },
  examples: {
    invalid: [
      { text: "Leave it with me, I'll sort it out.", excerpt: 'Leave it with me' },
      "I'll make sure the refund goes through today.",
      "I've escalated it to the network team and I'll follow it through.",
      'Let me take care of that for you.',
      { text: "I'll rebook the delivery for Saturday morning.", note: 'a remedy the agent commits to' },
      { text: "I'll chase the warehouse and confirm with you by noon.", note: 'chasing is following it through' },
      { text: "I'll move your account to the new plan for you this afternoon.", excerpt: "I'll move your account to the new plan for you", note: 'on the customer\'s behalf' },
      { text: "I'm not closing this until it's fixed.", note: 'staying with it until it is solved' },
      { text: 'My mistake, I sent the form to the old address. A new one is on its way.', excerpt: 'My mistake' },
      { text: "I'll ring you on Thursday to make sure the new router is holding up.", note: 'following the fix through' },
      "The outage on Monday was on our side, not yours, and I've credited the day.",
      'Leave this one with me.',
    ],
    valid: [
      "You'll need to contact the vendor.",
      'Can I make sure I have your number right?',
      { text: 'Your manager said "leave it with me" last week?', note: 'quoted' },
      "I can't make sure of that, sorry.",
      { text: "If the parcel hasn't come by Friday, I'll send a replacement.", note: 'an offer on a condition, not ownership yet' },
      { text: "We'll sort it out for you asap!!!", note: 'a team cheer, not one person taking it on' },
      { text: 'Keep the laptop plugged in until it is done.', note: 'the customer is told to wait, the agent takes nothing on' },
      { text: "It's not my mistake to fix, I'm afraid.", note: 'negated' },
      { text: 'I can order a replacement for you if you like.', note: 'an offer' },
    ],
  },
  check(ctx) {
    const found: Array<{ start: number; end: number }> = [];
    const tokens = ctx.doc.tokens;
    if (tokens.length === 0) return;
    const conditional = (first: number): boolean => {
      const s = ctx.doc.sentenceAt(tokens[first]!.start);
      if (!s) return false;
      for (let k = s.first; k < first; k++) if (CONDITIONS.has(tokens[k]!.norm)) return true;
      return false;
    };
    for (const m of ctx.matches('trust.own')) {
      if (dead(ctx, m)) continue;
      found.push({ start: m.start, end: m.end });
    }
    // "I'll come over myself", "I'm handling it personally".
    for (const s of ctx.doc.sentences) {
      let agent = -1;
      for (let k = s.first; k < s.last; k++) {
        const n = tokens[k]!.norm;
        if (["i'll", "i've", "i'm", 'i'].includes(n) && agent < 0) agent = k;
        if (agent >= 0 && (NEGATORS.has(n) || n.endsWith("n't"))) break; // "I'm not able to … myself"
        if ((n === 'myself' || n === 'personally') && agent >= 0 && !tokens[k]!.quoted && !ctx.doc.negated[k]) {
          found.push({ start: tokens[agent]!.start, end: tokens[k]!.end });
          break;
        }
      }
    }
    for (const p of followed(ctx, 'trust.agent-will', 'trust.own.verb')) {
      if (dead(ctx, p)) continue;
      const s = ctx.doc.sentenceAt(p.start);
      if (s?.question) continue;
      const prev = ctx.doc.tokens[p.first - 1]?.norm;
      if (prev && NOT_COMMITTED.has(prev)) continue;
      const verb = tokens[p.tail.first]!.norm;
      // "I can make sure…" is an offer, still ownership; "I need to make sure you…" checks, not owns.
      // A weak commitment inside a condition ("if it hasn't come by Friday, I'll follow it up") is an offer, not ownership yet.
      if (WEAK.has(verb) && conditional(p.first)) continue;
      let checking = false;
      let team = false;
      let offer = false;
      for (let k = p.head.first; k < p.head.last; k++) {
        const n = ctx.doc.tokens[k]!.norm;
        if (['need', 'want', 'like'].includes(n)) checking = true;
        if (n === 'we' || n === "we'll" || n === "we're" || n === 'us') team = true;
        if (n === 'can') offer = true;
      }
      if (checking) continue;
      if (PERSONAL.has(verb) && (team || offer)) continue;
      found.push({ start: p.start, end: p.end });
    }
    for (const f of behalf(ctx, conditional)) found.push(f);
    for (const f of untilSolved(ctx)) found.push(f);
    for (const f of ownFault(ctx)) found.push(f);
    for (const f of followThrough(ctx, conditional)) found.push(f);
    for (const f of onePerSentence(ctx, found)) {
      ctx.report({ start: f.start, end: f.end, explanation: 'You took the problem on as yours, so the customer knows they will not have to chase it.' });
    }
  },
};

/** The first "I'll" / "I will" / "I'm going to" / "let me" that opens a commitment in tokens [from, to). */
function commitmentAt(ctx: RuleContext, k: number): number {
  const t = ctx.doc.tokens;
  const n = t[k]!.norm;
  if (I_WILL.has(n)) return k + 1;
  if (n === 'i' && t[k + 1]?.norm === 'will') return k + 2;
  if ((n === "i'm" || (n === 'i' && t[k + 1]?.norm === 'am')) && t[k + (n === 'i' ? 2 : 1)]?.norm === 'going' && t[k + (n === 'i' ? 3 : 2)]?.norm === 'to') return k + (n === 'i' ? 4 : 3);
  if (n === 'let' && t[k + 1]?.norm === 'me') return k + 2;
  return -1;
}

/** "I'll correct the spelling for you", "I'll raise it with your department on your behalf". */
function behalf(ctx: RuleContext, conditional: (first: number) => boolean): Array<{ start: number; end: number }> {
  const t = ctx.doc.tokens;
  const out: Array<{ start: number; end: number }> = [];
  for (const s of ctx.doc.sentences) {
    if (s.question) continue;
    for (let k = s.first; k < s.last; k++) {
      const body = commitmentAt(ctx, k);
      if (body < 0 || t[k]!.quoted || ctx.doc.negated[body] || NEGATORS.has(t[body]?.norm ?? '')) continue;
      if (NOT_COMMITTED.has(t[k - 1]?.norm ?? '') || conditional(k)) break;
      // "Let me check that for you" goes off to look, it does not take the problem on.
      let verb = body;
      while (['also', 'then', 'now', 'just', 'quickly', 'personally', 'gladly', 'happily', 'first'].includes(t[verb]?.norm ?? '')) verb++;
      if (LOOKING.has(t[verb]?.norm ?? '')) break;
      // Within the clause: up to eight words to "for you" / "on your behalf".
      for (let j = body; j < s.last && j < body + 10; j++) {
        const n = t[j]!.norm;
        if (t[j]!.kind === 'punct' && CLAUSE_BREAK.has(n)) break;
        if (n === 'and' && j > body + 1) break;
        const forYou = n === 'for' && t[j + 1]?.norm === 'you' && !['to', 'on'].includes(t[j + 2]?.norm ?? '');
        const onBehalf = n === 'on' && t[j + 1]?.norm === 'your' && t[j + 2]?.norm === 'behalf';
        if (forYou || onBehalf) {
          out.push({ start: t[k]!.start, end: t[j + (onBehalf ? 2 : 1)]!.end });
          break;
        }
      }
      break;
    }
  }
  return out;
}

/** "I'm staying on this until it's sorted", "I won't close the ticket until it's fixed": the agent, then "until" + solved. */
function untilSolved(ctx: RuleContext): Array<{ start: number; end: number }> {
  const t = ctx.doc.tokens;
  const out: Array<{ start: number; end: number }> = [];
  for (const s of ctx.doc.sentences) {
    let agent = -1;
    for (let k = s.contentFirst; k < s.last; k++) {
      const n = t[k]!.norm;
      if (agent < 0 && (n === "i'm" || n === "i'll" || n === 'i' || n === "i've")) { agent = k; continue; }
      if (agent < 0 || (n !== 'until' && n !== 'till' && n !== 'til')) continue;
      if (t[k]!.quoted || t[agent]!.quoted) break;
      // "until it's sorted", "until it is fixed", "until everything's working again", "until we've got it back".
      let j = k + 1;
      const subj = t[j]?.norm ?? '';
      if (["it's", "that's", "everything's", "this's", "we've", "you're", "you've"].includes(subj)) j += 1;
      else if (['it', 'this', 'that', 'everything', 'the', 'your', 'we'].includes(subj)) {
        j += subj === 'the' || subj === 'your' ? 2 : 1;
        if (['is', 'has', 'are', 'have'].includes(t[j]?.norm ?? '')) j++;
        if (t[j]?.norm === 'been') j++;
      } else break;
      if (['fully', 'completely', 'properly', 'all', 'definitely'].includes(t[j]?.norm ?? '')) j++;
      const state = t[j]?.norm ?? '';
      if (!SOLVED.has(state) && !(state === 'got' && t[j + 1]?.norm === 'it')) break;
      out.push({ start: t[agent]!.start, end: t[j]!.end });
      break;
    }
  }
  return out;
}

/** "My mistake, I sent the old link." / "Our fault entirely." opening a sentence. */
function ownFault(ctx: RuleContext): Array<{ start: number; end: number }> {
  const t = ctx.doc.tokens;
  const out: Array<{ start: number; end: number }> = [];
  for (const s of ctx.doc.sentences) {
    const a = t[s.contentFirst];
    const b = t[s.contentFirst + 1];
    if (!a || !b || a.quoted || (a.norm !== 'my' && a.norm !== 'our') || !FAULT.has(b.norm)) continue;
    const after = t[s.contentFirst + 2];
    // "My mistake, …", "Our fault entirely.", "My bad —": not "my mistake was to…".
    if (after && after.kind !== 'punct' && !['entirely', 'completely', 'totally', 'there', 'again', 'sorry'].includes(after.norm)) continue;
    out.push({ start: a.start, end: b.end });
  }
  return out;
}

/** "I'll call you at 11 to make sure it's working", "I'll check on Friday that the refund has landed". */
function followThrough(ctx: RuleContext, conditional: (first: number) => boolean): Array<{ start: number; end: number }> {
  const t = ctx.doc.tokens;
  const out: Array<{ start: number; end: number }> = [];
  for (const s of ctx.doc.sentences) {
    if (s.question) continue;
    for (let k = s.first; k < s.last; k++) {
      const body = commitmentAt(ctx, k);
      if (body < 0 || t[k]!.quoted || NEGATORS.has(t[body]?.norm ?? '') || ctx.doc.negated[body]) continue;
      if (NOT_COMMITTED.has(t[k - 1]?.norm ?? '') || conditional(k)) break;
      for (let j = body; j < s.last && j < body + 12; j++) {
        const n = t[j]!.norm;
        if (t[j]!.kind === 'punct' && n !== ',') break;
        // "… to make sure it's working", "… and confirm it has held", "check … that it has landed".
        const linked = (n === 'to' || n === 'and') && CONFIRM.has(t[j + 1]?.norm ?? '');
        const direct = j === body && n === 'check' && t.slice(j + 1, Math.min(s.last, j + 7)).some((x) => x.norm === 'that');
        if (!linked && !direct) continue;
        const v = linked ? j + 1 : j;
        let o = v + 1;
        if (t[v]!.norm === 'make' && t[o]?.norm !== 'sure') continue;
        if (t[v]!.norm === 'make') o++;
        // "check on Friday that it has landed": what is checked follows "that".
        if (direct) while (o < s.last && t[o]!.norm !== 'that') o++;
        if (t[o]?.norm === 'that') o++;
        // What is checked is the fix: "it's working", "the refund has landed", "everything is back", "the fix has held".
        const what = t[o]?.norm ?? '';
        if (!["it's", 'it', 'it has', "everything's", 'everything', 'the', 'your', "you're", 'you', 'they', "they're", 'this', 'that', "that's", "it'll", 'all', 'nothing'].includes(what)) continue;
        out.push({ start: t[k]!.start, end: t[Math.min(o, s.last - 1)]!.end });
        break;
      }
      break;
    }
  }
  return out;
}
