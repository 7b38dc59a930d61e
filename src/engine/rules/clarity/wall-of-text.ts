import type { Rule, RuleContext } from '../../rule.js';
import type { Paragraph, Sentence } from '../../text/doc.js';
import { instructionsBySentence } from './instructions.js';

// One dense paragraph holding several steps or ideas, with no list: the
// customer has to dig the steps out. The suggestion numbers them.
export const wallOfText: Rule = {
  id: 'clarity/wall-of-text',
  category: 'wall-of-text',
  on: 'agent',
  docs: {
    summary: 'A long, dense paragraph holding several steps or ideas that should be a list.',
    why: 'Customers skim. Steps buried in a block of prose get missed or done in the wrong order, especially on a phone or when the customer is stressed.',
    instead: 'Open with one short sentence, then give the steps as a numbered list, one action per line.',
  },
  examples: {
    invalid: [
      {
        text: 'To fix this you will need to open the Control Panel on your computer and go into the section called Devices and Printers where you should see your printer listed, and once you find it right-click it and choose Remove Device, then unplug the USB cable from the back of the computer and wait about thirty seconds before plugging it back in. After that Windows should detect the printer again and install the driver automatically, but if it does not you will need to go to the manufacturer website and download the latest driver for your model and run the installer. Finally print a test page to make sure everything works as expected.',
        customer: 'My printer stopped working.',
      },
      {
        text: "I've looked at your account and the mailbox is almost full, which is why new messages bounce. Open Outlook and go to the Folder tab. Empty the Deleted Items folder and the Junk folder. Then right-click your mailbox name and choose Properties to see how much space is left now. If it is still above ninety percent, archive anything older than a year using File, Tools, Clean Up Old Items. Let me know how much space it shows afterwards and I will raise the limit if needed.",
      },
    ],
    valid: [
      "1. Open Outlook.\n2. Go to the Folder tab.\n3. Empty Deleted Items.\n4. Right-click your mailbox and choose Properties.\n\nThat should free up space, and I'll keep an eye on the bounce reports for the next day or two in case anything else is blocking your mail.",
      'Thanks for waiting. I checked with the network team and the outage that affected your building this morning has been resolved; the switch on your floor was replaced at ten and everything has been stable since. You should not need to do anything, but if your computer still shows no connection, just reply here and I will take a look straight away.',
    ],
  },
  check(ctx) {
    const { doc, thresholds } = ctx;
    if (doc.wordCount < thresholds.wallOfTextWords) return;
    const instr = instructionsBySentence(ctx);
    for (const p of doc.paragraphs) {
      if (p.words < thresholds.wallOfTextWords) continue;
      const sentences = doc.sentences.slice(p.firstSentence, p.lastSentence);
      if (sentences.some((s) => s.listItem)) continue;
      let instructions = 0;
      for (const s of sentences) instructions += instr.get(s.index) ?? 0;
      // Run-on prose: a few very long sentences strung together with "and", "so", "then".
      let longest = 0;
      for (const s of sentences) longest = Math.max(longest, wordsIn(ctx, s));
      const runOn = p.words / sentences.length >= 35 || longest >= 60;
      // Short, separate sentences are readable even in a long paragraph: only many instructions make it a wall.
      const dense = runOn || instructions >= 4 || (sentences.length >= thresholds.wallOfTextSentences && instructions >= 3 && p.words >= thresholds.wallOfTextWords * 1.25);
      if (!dense) continue;
      ctx.report({
        start: p.start,
        end: p.end,
        explanation: `This paragraph packs ${p.words} words${instructions >= 2 ? ` and ${instructions} instructions` : ` and ${sentences.length} sentences`} into one block. Customers skim and miss steps buried in prose; break it into short numbered steps.`,
        suggestion: numbered(ctx, p, sentences, instr),
      });
    }
  },
};

function wordsIn(ctx: RuleContext, s: Sentence): number {
  let n = 0;
  for (let k = s.first; k < s.last; k++) {
    const t = ctx.doc.tokens[k]!;
    if (t.kind === 'word' || t.kind === 'num') n++;
  }
  return n;
}

const LEAD_INS = new Set(['then', 'next', 'after', 'afterwards', 'finally', 'lastly', 'also', 'and', 'now', 'first', 'firstly', 'secondly', 'once']);

/** The paragraph rewritten: its opening remarks, then its sentences as numbered steps. */
function numbered(ctx: RuleContext, p: Paragraph, sentences: Sentence[], instr: Map<number, number>): string {
  void p;
  const text = (s: Sentence): string => ctx.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
  let firstStep = sentences.findIndex((s) => (instr.get(s.index) ?? 0) > 0);
  if (firstStep === -1) firstStep = 0;
  const intro = sentences.slice(0, firstStep).map(text).join(' ');
  const steps: string[] = [];
  for (const s of sentences.slice(firstStep)) {
    // "…, then unplug the cable…" becomes two steps.
    for (const part of text(s).split(/,? (?:and )?then (?=[a-z])/)) {
      let item = part.trim();
      const firstWord = item.split(/[\s,]/)[0]!.toLowerCase();
      if (LEAD_INS.has(firstWord)) item = item.replace(/^(after that|once that's done|then|next|afterwards|finally|lastly|also|and|now|first|firstly|secondly)[,]?\s+/i, '');
      if (!item) continue;
      item = item.charAt(0).toUpperCase() + item.slice(1);
      if (!/[.!?]$/.test(item)) item += '.';
      steps.push(item);
    }
  }
  // Run-on sentences: split long items at their clause joints (", and", ", so", ", then").
  const parts: string[] = [];
  for (const st of steps) {
    if (st.split(/\s+/).length <= 25) { parts.push(st); continue; }
    for (let piece of st.split(/[,;] (?:and then |and |then |so |also |plus )?(?=[a-z])/)) {
      piece = piece.trim();
      if (!piece) continue;
      piece = piece.charAt(0).toUpperCase() + piece.slice(1);
      if (!/[.!?]$/.test(piece)) piece += '.';
      parts.push(piece);
    }
  }
  // A greeting split off a run-on sentence ("Hi Pam.") opens the reply, it is not a step.
  let opener = intro;
  while (parts.length > 1 && /^(hi|hello|hey|dear|sure|ok|okay|right|thanks|thank you)\b/i.test(parts[0]!) && parts[0]!.split(/\s+/).length <= 4) {
    opener = opener ? `${opener} ${parts.shift()!.replace(/\.$/, ',')}` : parts.shift()!.replace(/\.$/, ',');
  }
  const list = parts.map((st, i) => `${i + 1}. ${st}`).join('\n');
  return opener ? `${opener}\n\n${list}` : list;
}
