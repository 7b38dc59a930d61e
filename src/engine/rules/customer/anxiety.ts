import type { Rule } from '../../rule.js';
import { q, signalRule } from './signal.js';
import { feltBySomeoneElse } from './subject.js';

// Worry about a loss or its consequences: lost work, a deadline, money, a job
// ("I'm scared I lost my thesis", "my boss will kill me").
export const anxiety: Rule = signalRule({
  id: 'customer/anxiety',
  category: 'anxiety',
  docs: {
    summary: 'The customer is worried about losing something or about what will happen next.',
    why: 'A worried customer reads every word for bad news. Until someone tells them what is safe and what happens next, steps and questions feel like delay.',
    instead: 'Name the stake and reassure with facts first ("Your thesis is most likely still on the disk; let\'s check before anything else"), then give the next step.',
  },
  examples: {
    invalid: [
      { text: "I'm panicking, I think I deleted the whole project folder.", excerpt: 'panicking' },
      'all my wedding photos are gone from the laptop',
      'My manager is going to kill me if this report is late.',
      'I have been charged twice for the same licence.',
      "I don't want to lose my emails when you reset it.",
      { text: 'printer is dead and the tickets print at 6 😰', excerpt: '😰' },
      'Please tell me I am not going to lose the lot.',
    ],
    valid: [
      "I'm not worried about the data, it's all backed up.",
      'No worries, take your time.',
      'We got a kernel panic on three hosts after the update.',
      'I deleted the old drafts to free up space, all fine.',
      { text: 'Thanks, that sorted it 😊', note: 'a happy face' },
      { text: 'Our pods keep getting evicted at peak load.', note: 'evicted pods are not a feeling' },
      "As far as I'm concerned the old printer can go.",
      { text: "If you're worried about the cost, the basic plan is fine for us.", note: "the customer describing someone else's worry" },
    ],
  },
  lists: ['customer.anxiety'],
  blockers: ['customer.anxiety.not'],
  // "You seem worried", "if you're scared of losing it": someone else's feeling.
  accept: (ctx, m) => {
    for (let k = m.first; k < m.last; k++) if (FEELINGS.has(ctx.doc.tokens[k]!.norm)) return !feltBySomeoneElse(ctx.doc, k);
    return true;
  },
  explain: (x) => `${q(x)} shows worry about a loss or its consequences: reassure with facts before the steps.`,
  extra(ctx, emit) {
    // Worried, fearful or crying faces: "board meeting in 20 mins 😰", "essay due at midnight 😭".
    for (const t of ctx.doc.tokens) {
      if (t.kind !== 'emoji' || t.quoted) continue;
      for (const ch of t.text) {
        if (WORRIED.has(ch)) {
          emit(t.start, t.end, `${q(t.text)}: a worried face — the customer is anxious.`);
          break;
        }
      }
    }
  },
});

/** Faces of worry, fear, distress or tears. */
const WORRIED = new Set(['😰', '😬', '😟', '😭', '😩', '😫', '😨', '😱', '😥', '😢', '😓', '🙁', '☹', '😖', '😣', '😞', '😔', '😧', '😦', '🥺']);

/** Words naming the feeling itself, whose subject must be the writer. */
const FEELINGS = new Set(['worried', 'worrying', 'worries', 'worry', 'scared', 'terrified', 'frightened', 'petrified', 'panicking', 'panicked', 'panicky', 'panic', 'anxious', 'nervous', 'stressed', 'stressing', 'desperate', 'distraught', 'devastated', 'crying', 'heartbroken', 'dreading', 'afraid', 'concerned']);
