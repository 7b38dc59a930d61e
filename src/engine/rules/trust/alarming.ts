import type { Rule } from '../../rule.js';
import type { RuleContext } from '../../rule.js';
import { followed } from './shared.js';

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
      'Sounds like the laptop at the airport was infected, so your mailbox is likely compromised.',
      'Someone has your login. They might have emptied your wallet already.',
      "If the rack overheats, someone could get hurt.",
      { text: 'Without a valid card the workspace could be suspended and the files purged.', note: '"without" sets a condition, it does not deny the threat' },
      { text: 'The backup job has failed, so you may not have a usable backup at all.', note: 'the threat\'s own word "backup" is not a protective step' },
      { text: 'If the server dies now, everything could be gone.', excerpt: 'everything could be gone' },
      'Your router\'s been hacked, by the look of it.',
      { text: 'You must not have saved it before closing. The letter is probably gone for good.', note: '"before closing" in a negated clause is no protective step' },
      'That is ransomware, and it has probably spread to the other machines.',
      'Misuse like that can lead to a disciplinary hearing.',
    ],
    valid: [
      "This won't delete anything on your laptop.",
      "This could wipe the disk, so let's back up your files first.",
      "Your account might have been compromised. To be safe, let's change your password now.",
      { text: 'You wrote "I may have lost everything" — the good news is the backup from last night is intact.', note: 'quoted, with reassurance' },
      { text: 'Reformatting will erase the drive.\n\nBefore we do that, please copy your documents to the USB stick.', note: 'the next step comes in the next paragraph' },
      { text: 'Your mailbox is probably compromised. I\'ve taken this over and I\'ll reset your sign-in within ten minutes.', note: 'the agent owns it and says what happens next' },
      { text: 'Once the job stops, your team can wipe the duplicate rows.', note: '"can" after a person is an ability, not a threat' },
      { text: 'You will no longer lose anything when the app closes.', note: 'denied' },
      { text: 'Missing two shifts because of it is serious, and I understand.', note: 'weighing the customer\'s loss, not a threat' },
      { text: 'Export your history before downgrading, because it cannot be restored afterwards.', note: 'the warning comes with when to act' },
      { text: 'If the server dies now, everything could be gone, so let\'s take a fresh backup this morning.', note: 'the threat comes with the protective step' },
      { text: "The error's probably gone now after the restart.", note: 'nothing of value lost' },
      { text: 'Your nightly backup is intact, so nothing was lost when the disk failed.', note: 'a reassurance' },
    ],
  },
  check(ctx) {
    const toks = ctx.doc.tokens;
    const ms = [...ctx.matches('trust.alarm')];
    // "could" + a danger within a few words: "it could take the whole server down".
    const dangers = ctx.matches('trust.alarm.danger');
    if (dangers.length) {
      for (const mod of ctx.matches('trust.alarm.modal')) {
        const s = ctx.doc.sentenceAt(mod.start);
        if (!s) continue;
        // "you can purge the duplicates", "we can wipe it for you": ability or an offer, not a threat.
        if (toks[mod.first]!.norm === 'can' && ABLE_SUBJECTS.has(toks[mod.first - 1]?.norm ?? '')) continue;
        const d = dangers.find((x) => x.first >= mod.last && x.first <= mod.last + 6 && x.last <= s.last);
        if (!d) continue;
        // "can no longer see anything", "could not lose data": the danger is denied.
        let denied = false;
        for (let k = mod.last; k < d.first; k++) if (DENIALS.has(toks[k]!.norm) || toks[k]!.norm.endsWith("n't")) denied = true;
        if (!denied) ms.push({ ...mod, last: d.last, end: d.end });
      }
    }
    if (ms.length === 0) return;
    // A protective step, a reassurance, or the agent taking it on anywhere in the reply takes the fright out.
    if (hasNextStep(ctx, ms)) return;
    for (const m of ms) {
      if (ctx.isQuoted(m) || denied(ctx, m.first)) continue;
      const s = ctx.doc.sentenceAt(m.start);
      if (s?.question && toks[s.contentFirst]?.norm !== 'hopefully') continue;
      // "if you haven't lost everything" / "whether the disk is dying": a condition, not a claim.
      const prev = toks.slice(Math.max(s?.first ?? 0, m.first - 3), m.first).map((t) => t.norm);
      if (prev.includes('if') || prev.includes('whether') || prev.includes('unless')) continue;
      // "losing a week of pay because of it is serious": the agent weighing the customer's loss, not a threat.
      if (prev[prev.length - 1] === 'of' || prev[prev.length - 1] === 'about') continue;
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

/** Subjects that make "can" an ability or an offer ("you can delete the copies"). */
const ABLE_SUBJECTS = new Set(['you', 'we', 'i', 'team', 'they', 'admins', 'admin', 'staff', 'colleagues']);
/** Words between a modal and a danger that deny it. */
const DENIALS = new Set(['not', 'never', 'no', 'longer', 'nothing', 'cannot']);
/** Negators before a claim; "without" is left out ("without a card, your account may be closed" is still a threat). */
const NEGATORS = new Set(['not', 'never', 'no', 'nothing', 'cannot', 'hardly', 'nobody']);

/** A negator in the three words before token k, in the same clause. */
function denied(ctx: RuleContext, k: number): boolean {
  const toks = ctx.doc.tokens;
  for (let i = k - 1; i >= 0 && i >= k - 3; i--) {
    const t = toks[i]!;
    if (t.kind === 'punct') return false;
    if (NEGATORS.has(t.norm) || t.norm.endsWith("n't")) return true;
  }
  return false;
}

/** The reply gives the customer something to hold on to: a protective step, a reassurance, the agent owning it or what happens next. */
function hasNextStep(ctx: RuleContext, threats: Array<{ first: number; last: number }>): boolean {
  // Tokens inside a threat: its own words protect nothing ("you may not have a usable backup").
  const inThreat = new Uint8Array(ctx.doc.tokens.length);
  for (const t of threats) for (let k = t.first; k < t.last; k++) inThreat[k] = 1;
  const insideThreat = (m: { first: number; last: number }): boolean => {
    for (let k = m.first; k < m.last; k++) if (inThreat[k]) return true;
    return false;
  };
  for (const id of ['trust.alarm.safety', 'trust.own', 'trust.next', 'trust.keep-posted']) {
    for (const m of ctx.matches(id)) {
      if (ctx.isQuoted(m) || ctx.isNegated(m) || insideThreat(m)) continue;
      return true;
    }
  }
  for (const p of followed(ctx, 'trust.agent-will', 'trust.own.verb')) if (!ctx.isQuoted(p) && !ctx.isNegated(p)) return true;
  // "before switching", "before resetting it": the warning comes with the moment to act.
  const toks = ctx.doc.tokens;
  for (let k = 0; k < toks.length - 1; k++) {
    // Not in a negated clause: "you must not have pressed Save before closing" blames, it protects nothing.
    if (toks[k]!.norm !== 'before' || toks[k]!.quoted || ctx.doc.negated[k] || denied(ctx, k)) continue;
    const n = toks[k + 1]!.norm;
    if (n.length > 4 && n.endsWith('ing')) return true;
  }
  return false;
}
