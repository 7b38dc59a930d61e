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
    ],
    valid: [
      "Here's what I found:\n- your licence expired on Monday\n- the renewal is already approved",
      'I restarted the service first, then checked the logs, and everything looks normal now.',
      'Restart the router and try again.',
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
      if (items.length >= 2 && (steps >= 2 || (numbered >= 2 && steps >= 1))) {
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
    if (markers.length >= 2 && kinds.size >= 2 && kinds.has('then') && instructed >= 2 || (markers.length >= 3 && instructed >= 3)) {
      const first = sents[0]!;
      const last = sents[sents.length - 1]!;
      ctx.report({ start: doc.tokens[first.contentFirst]!.start, end: last.end, explanation: 'The steps are given in order ("first … then …"), so the customer knows what to do when.' });
    }
  },
};

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
