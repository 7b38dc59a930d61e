import type { Rule } from '../../rule.js';
import type { PhraseMatch } from '../../phrases/matcher.js';
import type { Sentence } from '../../text/doc.js';
import { cap, own, sentenceOf, sentenceWithout, wordsIn } from './shared.js';

// Talking down: "obviously", minimising "just"/"simply", "it's easy",
// "anyone can do it", "as I already said", "surely you know". The phrases are
// in `tone.condescending`. The rewrite is the sentence without those words.

/** Adverbs that are the only belittling word in their match ("just click" → drop "just"). */
const MINIMISERS = new Set(['obviously', 'obvs', 'obviosly', 'obviusly', 'clearly', 'evidently', 'simply', 'merely', 'just']);
/** "I just restarted it", "we simply need…": the agent talking about themselves. */
const SELF = new Set(['i', 'we', "i've", "we've", "i'll", "we'll", "i'd", "we'd", "i'm", "we're", 'have', 'has', 'had', 'they', "they've", 'he', 'she', "it's", 'was', 'were', 'is', 'be']);
const AGENT_SUBJECT = new Set(['i', 'we']);
/** "it's easy for us to fix": easy for the agent, not a judgement of the customer. */
const AGENT_SIDE = new Set(['us', 'me', 'our', 'we', 'i', "i'll", "we'll", 'my', "i'm", "we're", 'fix', 'fixed']);

export const condescending: Rule = {
  id: 'tone/condescending',
  category: 'condescending',
  on: 'agent',
  docs: {
    summary: 'Talking down: "obviously", minimising "just" or "simply", "it\'s easy", "as I already said", "surely you know".',
    why: 'Words that make the task sound trivial tell a customer who is stuck that they should not be. "As I said" tells them they were not listening. Either way they feel small.',
    instead: 'Drop the belittling words and give the step plainly: "Click Save first."',
  },
  examples: {
    invalid: [
      { text: 'Obviously you need to save the file before closing it.', excerpt: 'Obviously' },
      "It's really simple, anyone can do it.",
      'As I already explained, the VPN has to be connected first.',
      { text: 'You just click the blue button at the top.', customer: "I can't find where to upload the form." },
      'Surely you know how to reset a password.',
      "Surely you've used a USB stick before.",
      'Super easy — tap the cog, then Sign out.',
    ],
    valid: [
      'I just checked the logs and the job finished at 9:14.',
      'Your mail server uses SMTP (Simple Mail Transfer Protocol) on port 587.',
      'Just a moment while I pull up your account.',
      'Just to confirm, is this your work laptop or your own?',
      "It's easy for us to fix on our side — I'll do it now.",
      { text: 'The new app makes sharing so easy: you scan the code and you are in.', note: 'praise for the product, not a judgement of the customer' },
      { text: 'You said it "should obviously work" — let me check why it doesn\'t.', note: 'the agent quotes the customer' },
    ],
  },
  check(ctx) {
    const doc = ctx.doc;
    const kept: PhraseMatch[] = [];
    for (const m of own(ctx, 'tone.condescending')) {
      if (ctx.isNegated(m)) continue;
      const first = doc.tokens[m.first]!;
      const prev = doc.tokens[m.first - 1];
      const s = sentenceOf(doc, m);
      const prevInSentence = prev && s && m.first - 1 >= s.first ? prev : undefined;
      if (MINIMISERS.has(first.norm)) {
        const adverbOfAgent = first.norm === 'just' || first.norm === 'simply' || first.norm === 'merely' ? SELF : AGENT_SUBJECT;
        if (prevInSentence && adverbOfAgent.has(prevInSentence.norm)) continue;
        if (first.norm.startsWith('obv')) {
          // "Obviously we'll refund it" / "obviously this shouldn't have happened": the agent's own side.
          let k = m.first + 1;
          while (k < doc.tokens.length && doc.tokens[k]!.text === ',') k++;
          const nx = doc.tokens[k]?.norm ?? '';
          if (OWN_SIDE_AFTER_OBVIOUSLY.has(nx)) continue;
        }
      }
      // "Sooo easy — tap the book": an exclamation that opens the sentence, not "makes sharing so easy: …".
      if (ctx.entry(m).pattern.startsWith('(sooo') && s) {
        let opens = true;
        for (let k = s.contentFirst; k < m.first; k++) if (doc.tokens[k]!.kind === 'word' && !EXCLAIM_LEAD.has(doc.tokens[k]!.norm)) opens = false;
        if (!opens) continue;
      }
      if (EASY_WORDS.has(doc.tokens[m.last - 1]!.norm) || EASY_WORDS.has(doc.tokens[m.last - 2]?.norm ?? '')) {
        let agentSide = false;
        for (let k = m.last; k < Math.min(m.last + 5, s ? s.last : m.last); k++) if (AGENT_SIDE.has(doc.tokens[k]!.norm)) agentSide = true;
        if (agentSide) continue;
      }
      kept.push(m);
    }
    if (kept.length === 0) return;
    // A lone "just click…" in a warm reply is ordinary guidance; it belittles when it comes with other
    // talking-down or in a reply with no courtesy at all.
    const isMinimiser = (m: PhraseMatch): boolean => { const n = doc.tokens[m.first]!.norm; return n === 'just' || n === 'simply' || n === 'merely'; };
    if (kept.every(isMinimiser) && own(ctx, 'tone.courtesy').length > 0) return;
    // One rewrite per sentence, without all its belittling words.
    const bySentence = new Map<Sentence, PhraseMatch[]>();
    for (const m of kept) {
      const s = sentenceOf(doc, m);
      if (!s) continue;
      const arr = bySentence.get(s) ?? [];
      arr.push(m);
      bySentence.set(s, arr);
    }
    for (const [s, ms] of bySentence) {
      const remove = ms.map((m) => (MINIMISERS.has(doc.tokens[m.first]!.norm) ? { first: m.first, last: m.first + 1 } : { first: m.first, last: m.last }));
      let rewrite = sentenceWithout(doc, s, remove);
      const firstWord = rewrite.split(/\s/, 1)[0]?.toLowerCase() ?? '';
      if (firstWord === 'how' || firstWord === 'what' || firstWord === 'where') rewrite = `Here's ${rewrite.charAt(0).toLowerCase()}${rewrite.slice(1)}`;
      else if (firstWord === 'that') rewrite = cap(rewrite.slice(5));
      if (wordsIn(rewrite) < 3) rewrite = "Here's how to do it, step by step:";
      for (const m of ms) {
        ctx.report({
          start: m.start,
          end: MINIMISERS.has(doc.tokens[m.first]!.norm) ? doc.tokens[m.first]!.end : m.end,
          explanation: explain(doc.tokens[m.first]!.norm, doc.text.slice(m.start, m.end)),
          suggestion: rewrite,
        });
      }
    }
  },
};

const EXCLAIM_LEAD = new Set(['oh', 'honestly', 'it\'s', 'its', 'that\'s', 'thats', 'this', 'is', 'it', 'was', 'and', 'well']);
const OWN_SIDE_AFTER_OBVIOUSLY = new Set(['i', 'we', "i'll", "we'll", "i'm", "we're", "i've", "we've", "i'd", "we'd", 'our', 'my', 'sorry', 'not']);
const EASY_WORDS = new Set(['easy', 'simple', 'basic', 'trivial', 'straightforward', 'self-explanatory', 'elementary', 'no-brainer', 'hard', 'difficult', 'complicated', 'complex', 'science', 'surgery']);

function explain(firstNorm: string, phrase: string): string {
  if (MINIMISERS.has(firstNorm)) return `"${phrase.split(/\s/, 1)[0]}" makes the step sound trivial, which tells a customer who is stuck that they should not be. Leave it out.`;
  if (firstNorm === 'as' || firstNorm === 'like' || firstNorm === 'i' || firstNorm === "i've" || firstNorm === 'we' || firstNorm === "we've") return `"${phrase}" reminds the customer they were told already, which reads as "you weren't listening". Just give the information again.`;
  return `"${phrase}" talks down to the customer and makes their difficulty sound silly. Give the step without the judgement.`;
}
