import type { Rule } from '../../rule.js';
import { dead } from './shared.js';

// Alarming: "you may have lost everything", "this could wipe the disk", "your
// account might be hacked", left hanging. A warning that comes with what to do
// about it ("…so let's back up first", "don't worry, we can recover it") is
// not alarming, nor is a negated one ("this won't delete anything").

export const alarming: Rule = {
  id: 'trust/alarming',
  category: 'alarming',
  on: 'agent',
  docs: {
    summary: 'Frightening words about loss, damage or a breach with no next step.',
    why: 'A customer who hears "you may have lost everything" with nothing to do about it panics, and a panicking customer follows instructions badly.',
    instead: 'Pair the risk with the protective step: "This step can erase the disk, so let\'s back up your files first."',
  },
  examples: {
    invalid: [
      { text: 'Hmm. You may have lost everything on that drive.', excerpt: 'You may have lost everything' },
      'Running that tool could wipe the whole disk.',
      'Your account might have been compromised.',
      'Honestly, that drive is probably dying.',
    ],
    valid: [
      "This won't delete anything on your laptop.",
      "This could wipe the disk, so let's back up your files first.",
      "Your account might have been compromised. To be safe, let's change your password now.",
      { text: 'You wrote "I may have lost everything" — the good news is the backup from last night is intact.', note: 'quoted, with reassurance' },
      { text: 'Reformatting will erase the drive.\n\nBefore we do that, please copy your documents to the USB stick.', note: 'the next step comes in the next paragraph' },
    ],
  },
  check(ctx) {
    const ms = [...ctx.matches('trust.alarm')];
    // "could" + a danger within a few words: "it could take the whole server down".
    const dangers = ctx.matches('trust.alarm.danger');
    if (dangers.length) {
      for (const mod of ctx.matches('trust.alarm.modal')) {
        const s = ctx.doc.sentenceAt(mod.start);
        if (!s) continue;
        const d = dangers.find((x) => x.first >= mod.last && x.first <= mod.last + 6 && x.last <= s.last);
        if (d) ms.push({ ...mod, last: d.last, end: d.end });
      }
    }
    if (ms.length === 0) return;
    // A protective step or reassurance anywhere in the reply takes the fright out.
    for (const s of ctx.matches('trust.alarm.safety')) if (!ctx.isQuoted(s) && !ctx.isNegated(s)) return;
    for (const m of ms) {
      if (dead(ctx, m)) continue;
      const s = ctx.doc.sentenceAt(m.start);
      if (s?.question && ctx.doc.tokens[s.contentFirst]?.norm !== 'hopefully') continue;
      // "if you haven't lost everything" / "whether the disk is dying": a condition, not a claim.
      const prev = ctx.doc.tokens.slice(Math.max(s?.first ?? 0, m.first - 3), m.first).map((t) => t.norm);
      if (prev.includes('if') || prev.includes('whether') || prev.includes('unless')) continue;
      const entry = ctx.entry(m);
      ctx.report({
        start: m.start,
        end: m.end,
        explanation: 'This frightens the customer and gives them nothing to do about it. Pair the risk with the step that protects them.',
        suggestion: entry.suggest ?? "This can put your data at risk, so let's back it up first.",
      });
    }
  },
};
