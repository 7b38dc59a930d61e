import type { Rule } from '../../rule.js';
import { hedgedBefore, own, sentenceOf, textFrom } from './shared.js';

// Blame: "you should have backed up", "you didn't save it", "user error",
// "you must have deleted it", "why did you…", "you were supposed to". The
// phrases are in `tone.blaming`. Not blame: the agent owning it ("I should
// have"), conditions ("if you didn't get the e-mail"), reassurance ("you
// didn't do anything wrong", negated "it's not your fault"), expectations
// ("you should have received a link") and feelings ("you must have been worried").

/** Words before the phrase that make it a condition, a hope or a reassurance. */
const HEDGES = new Set(['if', 'unless', 'whether', 'hope', 'hopefully', 'sorry', 'worry', 'worried', 'once', 'when', 'since', 'assuming', 'even', 'whenever', 'until', 'incase', 'ensure', 'sure']);
/** After "you should have" / "you must have": expectations and feelings, not hindsight. */
const NOT_HINDSIGHT = new Set([
  'received', 'receive', 'gotten', 'got', 'get', 'been', 'seen', 'heard', 'lost', 'had', 'felt', 'experienced', 'encountered', 'expected',
  'access', 'a', 'an', 'the', 'your', 'it', 'this', 'that', 'one', 'some', 'no', 'full', 'admin', 'permission', 'permissions', 'two',
  'three', 'all', 'everything', 'something', 'thought', 'wondered', 'noticed', 'gone', 'come', 'missed',
]);
const IRREGULAR_PARTICIPLES = new Set(['done', 'made', 'known', 'read', 'kept', 'told', 'run', 'written', 'taken', 'sent', 'given', 'left', 'put', 'set', 'brought', 'bought', 'said', 'shut', 'hit', 'chosen', 'broken', 'deleted', 'forgotten', 'understood', 'paid', 'built', 'spent', 'held', 'stuck', 'let', 'begun', 'drawn', 'driven', 'eaten', 'fallen', 'flown', 'grown', 'hidden', 'ridden', 'shown', 'spoken', 'stolen', 'thrown', 'worn', 'backed', 'overwritten', 'redone', 'reset', 'uninstalled']);
/** "you didn't do anything wrong", "you didn't have to wait": reassurance. */
const REASSURING_AFTER = new Set(['anything', 'nothing', 'wrong', 'have', 'need', 'miss', 'lose', 'break', 'cause']);

export const blaming: Rule = {
  id: 'tone/blaming',
  category: 'blaming',
  on: 'agent',
  docs: {
    summary: 'Making the customer feel at fault: "you should have…", "you didn\'t…", "user error", "why did you…".',
    why: 'Hindsight and blame do not fix anything; they make the customer defensive and embarrassed, and less likely to tell you what really happened next time.',
    instead: 'Talk about the problem, not the person, and look forward: "Let\'s get the file back, and I\'ll show you how to turn on automatic backup."',
  },
  examples: {
    invalid: [
      { text: 'You should have backed up your files before the upgrade.', excerpt: 'You should have backed up your files before the upgrade.' },
      { text: "You didn't save it before closing, so it's gone.", customer: 'My document disappeared!' },
      "That's user error, the system is fine.",
      { text: 'You must have deleted the folder by accident.', customer: 'My folder is gone.' },
      'Why did you change the proxy settings?',
      'You were supposed to restart after the update.',
      { text: 'You must not have ticked the box when you signed up.', customer: 'I never got the newsletter.' },
      { text: 'You should never have shared your password with a colleague.', customer: 'Someone logged into my account.' },
      { text: "You didn't specify which laptop it was.", customer: 'It still does not work.' },
      { text: 'Everybody else seems to manage the new login fine.', customer: 'I cannot log in with the new system.' },
      { text: "You've probably left too many tabs open.", customer: 'My browser keeps freezing.' },
    ],
    valid: [
      'I should have checked that sooner — sorry.',
      'You should have received an email with the reset link.',
      "You didn't have to wait — you can always call the hotline.",
      "You didn't do anything wrong; the update broke it.",
      "If you didn't get the code, I can send another.",
      'You must have been worried when the files vanished.',
      "It's not your fault at all.",
      { text: 'You should have full access now.', note: '"should have" as possession' },
      { text: "You should never have been charged twice — I'm sorry.", note: 'on us, not on the customer' },
      { text: "You must not have received the link yet, so I'll resend it.", note: 'an expectation, not blame' },
    ],
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const m of own(ctx, 'tone.blaming')) {
      if (ctx.isNegated(m)) continue;
      if (hedgedBefore(doc, m, HEDGES, 6)) continue;
      const said = doc.text.slice(m.start, m.end).toLowerCase().replace(/\u2019/g, "'");
      const next = doc.tokens[m.last];
      const s = sentenceOf(doc, m);
      if (!s) continue;
      const nextInSentence = next && m.last < s.last ? next : undefined;
      // A paraphrase checking the customer's own account: "So you didn't make it — have I got that right?"
      if (s.question && isConfirming(doc, s)) continue;
      const hindsight = /should have|should've|shouldve|shoulda|must have|must've|musta|could have|could've|ought to have|shouldn't have|should not have|shouldnt have|shouldn't've/.test(said) || HINDSIGHT_ADVERB.test(said);
      const reproach = /shouldn't|should not|shouldnt|should never|ought to never/.test(said);
      if (hindsight) {
        // Hindsight needs a past participle after it: "you should have backed up".
        if (!nextInSentence || nextInSentence.kind !== 'word') continue;
        const w = nextInSentence.norm;
        if (reproach) {
          // "you shouldn't have had to wait", "you shouldn't have been charged": on us, not on them.
          if (w === 'been' || w === 'to' || (w === 'had' && doc.tokens[m.last + 1]?.norm === 'to') || ON_US.has(w)) continue;
        } else if (NOT_HINDSIGHT.has(w)) continue;
        if (!(w.endsWith('ed') || IRREGULAR_PARTICIPLES.has(w) || (reproach && w === 'had'))) continue;
        if (said.includes('could') && CONSEQUENCE.has(w)) continue;
      }
      if (/didn't|did not|didnt|never|haven't|have not|havent/.test(said) && !said.startsWith('why') && nextInSentence && REASSURING_AFTER.has(nextInSentence.norm)) continue;
      if (/^why/.test(said) && nextInSentence && WHY_NEUTRAL.has(nextInSentence.norm)) continue;
      const start = doc.tokens[s.contentFirst]!.start;
      const rest = textFrom(doc, m.last, s.last);
      const template = ctx.entry(m).suggest ?? "Let's look at what happened and get it fixed.";
      const suggestion = template.includes('{{rest}}') ? (rest ? template.replace('{{rest}}', rest) : "Let's look at what happened and get it fixed.") : template;
      ctx.report({
        start: Math.min(start, m.start),
        end: s.end,
        explanation: `"${doc.text.slice(m.start, m.end)}" puts the fault on the customer. It fixes nothing and makes them defensive; talk about the problem and the way forward instead.`,
        suggestion,
      });
    }
  },
};

/** "you shouldn't have received that email", "…needed to": something that happened to them. */
const ON_US = new Set(['received', 'gotten', 'got', 'seen', 'heard', 'needed', 'experienced', 'encountered', 'lost', 'waited', 'faced', 'dealt', 'paid', 'been']);
/** "you should really have…", "you should never have…": hindsight with an adverb in the middle. */
const HINDSIGHT_ADVERB = /(should|ought to) (never|really|honestly|definitely|probably|just|always|at least) have$/;

/** "you could have lost everything": a consequence, not a reproach (that is alarming, not blaming). */
const CONSEQUENCE = new Set(['lost', 'damaged', 'corrupted', 'wiped', 'infected', 'locked', 'charged', 'hacked', 'compromised', 'exposed', 'affected', 'deleted', 'harmed', 'injured', 'bricked']);
/** "why did you want/decide…" asks for context rather than blame. */
const WHY_NEUTRAL = new Set(['want', 'need', 'decide', 'choose', 'contact', 'reach', 'get', 'write', 'pick', 'go', 'prefer', 'switch', 'move', 'opt', 'like']);

/** The sentence asks the customer to confirm a summary ("…is that right?", "So you…?"). */
function isConfirming(doc: import('../../text/doc.js').Doc, s: import('../../text/doc.js').Sentence): boolean {
  if (doc.tokens[s.contentFirst]?.norm === 'so') return true;
  for (let k = Math.max(s.first, s.last - 6); k < s.last; k++) {
    const n = doc.tokens[k]!.norm;
    if (n === 'right' || n === 'correct' || n === 'understood') return true;
  }
  return false;
}
