import type { Rule, RuleContext } from '../../rule.js';
import type { Sentence } from '../../text/doc.js';
import { instructionsBySentence, isNumbered } from './instructions.js';

// Instructions given as small ordered steps: a numbered or bulleted list of two
// or more steps, or prose ordered with "first … then … finally".
export const clearSteps: Rule = {
  id: 'clarity/clear-steps',
  category: 'clear-steps',
  on: 'agent',
  docs: {
    summary: 'Breaks instructions into small, ordered steps.',
    why: 'One action per step lets the customer follow along, keep their place, and tell you exactly where it went wrong.',
    instead: 'Keep doing it: a short numbered list, one action per line, with what the customer should see after each.',
  },
  examples: {
    invalid: [
      { text: "Here's how to reconnect:\n1. Click the Wi-Fi icon at the bottom right.\n2. Choose the network called Office.\n3. Enter the new password and press Connect.", excerpt: "1. Click the Wi-Fi icon at the bottom right.\n2. Choose the network called Office.\n3. Enter the new password and press Connect." },
      "Could you try this:\n- Close Teams completely\n- Open it again from the Start menu\n- Sign in with your work email",
      'First, close every browser window. Then open Chrome again and go to the login page. Finally, sign in with your new password.',
      { text: 'Hold the power button for ten seconds so the tablet shuts down fully, then switch it back on.', note: 'a short chain of two instructions' },
      { text: 'Please sit near the router for a minute so the laptop picks up the signal. Then open the VPN app again.' },
      { text: 'To order the replacement I need two things from you:\n1. The serial number on the base.\n2. A delivery address for the new unit.', note: 'a numbered list orders itself' },
      { text: "Here's the plan: first, I'll text you a link; then you open it on your phone; finally, the app asks for a new PIN." },
      { text: 'Please clear the old install and start again:\n```\nrm -rf ~/.appcache\nappctl install --fresh\n```\nTell me what it prints.', note: 'an instruction followed by the commands in order' },
    ],
    valid: [
      "Here's what I found:\n- your licence expired on Monday\n- the renewal is already approved",
      'I restarted the service first, then checked the logs, and everything looks normal now.',
      'Restart the router and try again.',
      { text: 'I rebooted the switch, then checked the port lights, and all is well.', note: 'the agent telling what they did' },
      { text: 'The update downloads overnight, then it installs when you next restart.', note: '"then" followed by a pronoun: a description, not a step' },
      { text: 'Run this once:\n```\nappctl repair\n```', note: 'one command is not a sequence' },
    ],
  },
  check(ctx) {
    const { doc } = ctx;
    const instr = instructionsBySentence(ctx);
    const has = (s: Sentence): boolean => (instr.get(s.index) ?? 0) > 0;
    // Lists: runs of list items (a wrapped item may hold a second sentence).
    let i = 0;
    let reported = false;
    while (i < doc.sentences.length) {
      const s = doc.sentences[i]!;
      if (!s.listItem) { i++; continue; }
      const items: Sentence[][] = [[s]];
      let j = i + 1;
      while (j < doc.sentences.length) {
        const t = doc.sentences[j]!;
        if (t.listItem) items.push([t]);
        else if (t.paragraph === s.paragraph || sameLine(ctx, doc.sentences[j - 1]!, t)) items[items.length - 1]!.push(t);
        else break;
        j++;
      }
      // Trailing non-item sentences of the last item that start a new line are not part of the list.
      const steps = items.filter((it) => it.some(has)).length;
      const numbered = items.filter((it) => isNumbered(ctx, it[0]!) && !it[0]!.question).length;
      // A numbered list is ordered by itself ("1. your account name… 2. a quick call…"); bullets need instructions.
      if (items.length >= 2 && (steps >= 2 || numbered >= 2)) {
        const lastItem = items[items.length - 1]!;
        const end = lastListSentence(ctx, lastItem);
        ctx.report({ start: s.start, end: end.end, explanation: `The instructions are set out as ${items.length} ordered steps, easy to follow one at a time.` });
        reported = true;
      }
      i = j;
    }
    if (reported) return;
    // Prose sequencing: "First … then … finally …"
    const markers: Array<{ kind: 'first' | 'then' | 'last'; s: Sentence }> = [];
    for (const m of ctx.matches('clarity.sequence')) {
      const s = doc.sentenceAt(m.start);
      if (!s || s.question || ctx.isQuoted(m)) continue;
      const prev = doc.tokens[m.first - 1];
      const atClause = m.first === s.contentFirst || m.first === s.first || (prev !== undefined && m.first > s.first && [',', ';', 'and', ':', '—', '–'].includes(prev.norm));
      if (!atClause) continue;
      const w = doc.tokens[m.first]!.norm;
      const kind = ['first', 'firstly', 'to', 'start', 'begin', 'step'].includes(w) ? 'first' : ['finally', 'lastly', 'last', 'the'].includes(w) ? 'last' : 'then';
      // "first" must lead an instruction: "First, close…" / "First close…", not "First of all, sorry".
      markers.push({ kind, s });
    }
    const kinds = new Set(markers.map((m) => m.kind));
    const sents = [...new Set(markers.map((m) => m.s))];
    const instructed = sents.filter(has).length;
    if (markers.length >= 2 && kinds.size >= 2 && kinds.has('then') && instructed >= 2 || (markers.length >= 3 && instructed >= 3) || kinds.size === 3) {
      const first = sents[0]!;
      const last = sents[sents.length - 1]!;
      ctx.report({ start: doc.tokens[first.contentFirst]!.start, end: last.end, explanation: 'The steps are given in order ("first … then …"), so the customer knows what to do when.' });
      return;
    }
    // A short chain of instructions: "Stand near the office so it can connect, then tap Sync." / "Open Settings. Then tap Wi-Fi."
    // In a long dense paragraph the same chain is a wall of text, not steps.
    const chain = thenChain(ctx, instr);
    if (chain) ctx.report({ ...chain, explanation: 'The steps are given one after the other ("do this, then that"), so the customer knows the order.' });
    else {
      const block = commandBlock(ctx, instr);
      if (block) ctx.report({ ...block, explanation: 'The instruction is followed by the exact commands to run, in order.' });
    }
  },
};

/** Words that, right after "then", do not start an instruction ("then it restarts", "then we'll see"). */
const NOT_STEP = new Set([
  'the', 'a', 'an', 'it', "it's", 'its', 'that', "that's", 'this', 'these', 'those', 'there', "there's", 'we', "we'll", "we've", "we're",
  'i', "i'll", "i've", "i'm", 'they', "they'll", 'he', 'she', 'our', 'my', 'his', 'her', 'their', 'is', 'was', 'will', 'would', 'should',
  'could', 'can', 'may', 'might', 'again', 'back', 'later', 'maybe', 'perhaps', 'probably', 'nothing', 'everything', 'all', 'some', 'any',
  'no', 'not', 'if', 'when', 'so', 'as', 'by', 'at', 'in', 'on', 'for', 'to', 'from', 'with', 'of', 'your', 'too', 'only', 'just', 'also',
]);

const LEADS = new Set(['please', 'kindly', 'you', "you'll", 'first', 'firstly', 'now', 'just']);
const YOU_CAN = new Set(['can', 'could', 'need', 'should', 'must', "'ll", 'will']);

/** Does the token after "then" (at k) open a step for the customer: a verb, or "you" + verb? */
function opensStep(ctx: RuleContext, k: number): boolean {
  const t = ctx.doc.tokens[k];
  if (!t || t.kind !== 'word' || t.quoted) return false;
  if (t.norm === 'please') return true;
  if (t.norm === 'you' || t.norm === "you'll") {
    const v = ctx.doc.tokens[k + 1];
    return v !== undefined && v.kind === 'word' && !NOT_STEP.has(v.norm) && !v.norm.endsWith('ed');
  }
  if (NOT_STEP.has(t.norm) || !/^\p{Ll}/u.test(t.text)) return false;
  // Past forms and gerunds tell a story ("then checked the logs", "then waiting").
  if (t.norm.endsWith('ed') || t.norm.endsWith('ing') || (t.norm.endsWith('s') && !t.norm.endsWith('ss'))) return false;
  return true;
}

function inWall(ctx: RuleContext, s: Sentence): boolean {
  const p = ctx.doc.paragraphs.find((q) => s.index >= q.firstSentence && s.index < q.lastSentence);
  if (p === undefined || p.words < ctx.thresholds.wallOfTextWords) return false;
  // Run-on prose (see wall-of-text): long sentences strung together.
  let own = 0;
  for (let k = s.first; k < s.last; k++) if (ctx.doc.tokens[k]!.kind === 'word') own++;
  return p.words / (p.lastSentence - p.firstSentence) >= 35 || own >= 60;
}

/** An instruction, then ", then <step>" in the same sentence or "Then <step>" in the next. */
function thenChain(ctx: RuleContext, instr: Map<number, number>): { start: number; end: number } | undefined {
  const { doc } = ctx;
  const toks = doc.tokens;
  const starts = new Set<number>();
  for (const m of ctx.matches('clarity.instruction')) if (!ctx.isQuoted(m) && !ctx.isNegated(m)) starts.add(m.first);
  for (const s of doc.sentences) {
    if (s.question || s.listItem || inWall(ctx, s)) continue;
    for (let k = s.first; k < s.last; k++) {
      if (toks[k]!.norm !== 'then' || toks[k]!.quoted) continue;
      const prev = toks[k - 1];
      const atSentence = k === s.contentFirst;
      const atClause = prev !== undefined && k > s.first && [',', ';', 'and', '—', '–'].includes(prev.norm);
      if (!atSentence && !atClause) continue;
      let next = k + 1;
      if (toks[next]?.text === ',') next++;
      if (next >= s.last || !opensStep(ctx, next)) continue;
      if (atSentence) {
        // "Open Settings. Then tap Wi-Fi.": the sentence before gives an instruction.
        const before = doc.sentences[s.index - 1];
        if (!before || before.question || before.paragraph !== s.paragraph) continue;
        const lead = toks[before.contentFirst]!.norm;
        if ((instr.get(before.index) ?? 0) === 0 && lead !== 'please' && lead !== 'kindly') continue;
        return { start: toks[before.contentFirst]!.start, end: s.end };
      }
      // An instruction earlier in the same sentence, where a clause starts.
      let led = false;
      for (let j = s.contentFirst; j < k && !led; j++) {
        const t = toks[j]!;
        const clause = j === s.contentFirst || [',', ';', ':', 'and', 'but', 'so', '—', '–'].includes(toks[j - 1]!.norm);
        if ((starts.has(j) && (clause || LEADS.has(t.norm))) || (clause && (t.norm === 'please' || t.norm === 'kindly'))) led = true;
        // "you can email it…, then collect it"
        else if (t.norm === 'you' && YOU_CAN.has(toks[j + 1]?.norm ?? '')) led = true;
      }
      if (!led) continue;
      return { start: toks[s.contentFirst]!.start, end: s.end };
    }
  }
  return undefined;
}

/** "Please remove it and reinstall:" followed by a code block of two or more commands. */
function commandBlock(ctx: RuleContext, instr: Map<number, number>): { start: number; end: number } | undefined {
  const { doc, text } = ctx;
  for (const b of doc.blocks) {
    if (b.kind !== 'code') continue;
    let lines = 0;
    let i = b.start;
    while (i < b.end) {
      let j = text.indexOf('\n', i);
      if (j === -1 || j > b.end) j = b.end;
      const line = text.slice(i, j).trim();
      if (line && !line.startsWith('```') && !line.startsWith('#')) lines++;
      i = j + 1;
    }
    if (lines < 2) continue;
    // The sentence right before the block ends with a colon and gives an instruction.
    let k = doc.tokenIndexAt(b.start) - 1;
    if (k < 0 || doc.tokens[k]!.text !== ':') continue;
    const s = doc.sentenceAt(doc.tokens[k]!.start);
    if (!s || (instr.get(s.index) ?? 0) === 0) continue;
    return { start: doc.tokens[s.contentFirst]!.start, end: b.end };
  }
  return undefined;
}

function sameLine(ctx: RuleContext, a: Sentence, b: Sentence): boolean {
  return ctx.text.indexOf('\n', a.end) === -1 || ctx.text.indexOf('\n', a.end) > b.start;
}

/** The last sentence of an item that stays on the item's own lines. */
function lastListSentence(ctx: RuleContext, item: Sentence[]): Sentence {
  let last = item[0]!;
  for (const s of item.slice(1)) {
    if (!sameLine(ctx, last, s) && ctx.text.slice(last.end, s.start).includes('\n')) break;
    last = s;
  }
  return last;
}
