import type { Rule } from '../../rule.js';
import { capsInSentences } from './shouting.js';
import { q, signalRule } from './signal.js';

// Annoyance and exasperation: "still not working", "third time", "I already
// told you", "this is ridiculous", sighs, sarcastic thanks, and "?!".
export const frustration: Rule = signalRule({
  id: 'customer/frustration',
  category: 'frustration',
  docs: {
    summary: 'The customer is annoyed or exasperated: the problem persists, or they have to repeat themselves.',
    why: 'A frustrated customer mostly wants to know they were heard. A reply that jumps straight to the next step reads as "not listening" and raises the temperature.',
    instead: 'Acknowledge the repetition or the wait in one specific sentence ("I\'m sorry you\'ve had to chase this three times"), then give the next step.',
  },
  examples: {
    invalid: [
      { text: "It's still not working and this is the third time I've written in.", excerpt: 'still not working' },
      'ugh. same error as yesterday',
      { text: 'Seriously?! I already told you the model number.', excerpt: 'Seriously?!' },
      'Thanks for nothing.',
      'how hard can it be to reset one password',
    ],
    valid: [
      'It works again, the backup ran overnight.',
      "I'm not frustrated, just curious why it happened.",
      'Could you send the link again? I deleted the email.',
      { text: 'The agent before you wrote "this is ridiculous" in the notes, is that normal?', note: 'the customer quotes someone' },
      'This is the first time I have seen this message.',
    ],
  },
  lists: ['customer.frustration'],
  explain: (x) => `${q(x)} shows frustration: acknowledge it before the next step.`,
  extra(ctx, emit) {
    // "?!" and "!?": exasperated questions.
    for (const t of ctx.doc.tokens) {
      if (t.kind !== 'punct' || t.quoted || t.text.length < 2) continue;
      if (t.text.includes('?') && t.text.includes('!')) emit(t.start, t.end, `${q(t.text)}: an exasperated question shows frustration.`);
    }
    // One or two words stressed in capitals ("I TOLD you", "broken AGAIN"): exasperation, short of shouting.
    for (const c of capsInSentences(ctx)) {
      if (c.copied || c.mostly || c.score >= 2.5) continue;
      for (const k of c.tokens) {
        const t = ctx.doc.tokens[k]!;
        if (t.text.length < 3 || NOT_EMPHASIS.has(t.norm)) continue;
        if (k === ctx.doc.sentenceAt(t.start)?.contentFirst && ctx.doc.tokens[k + 1]?.text === ':') continue; // "UPDATE: …"
        emit(t.start, t.end, `${q(t.text)} in capitals stresses the point: the customer is exasperated.`);
      }
    }
  },
});

/** Capitalised words that are labels or greetings, not stress. */
const NOT_EMPHASIS = new Set([
  'urgent', 'important', 'note', 'update', 'help', 'please', 'attn', 'action', 'required', 'new', 'alert', 'yes', 'hello', 'thanks', 'thank',
  'fyi', 'asap', 'reminder', 'request', 'query', 'question', 'issue', 'problem', 'ticket', 'ref', 'subject', 'hi', 'dear',
  'the', 'and', 'for', 'but', 'are', 'was', 'you', 'has', 'had', 'its', 'our', 'her', 'his', 'she', 'him', 'they', 'them', 'this', 'that', 'with',
  'from', 'into', 'then', 'than', 'your', 'will', 'can', 'get', 'got', 'out', 'off', 'any', 'one', 'new', 'old', 'day', 'way', 'see', 'say', 'use',
]);
