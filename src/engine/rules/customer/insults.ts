// Insults aimed at the agent, found by structure rather than fixed phrases:
// an insult word near "you" ("are you actually this stupid", "you lot are
// useless", "you thieving muppets"), or a bare insult used to address the agent
// ("sort it out, idiot"). Shared by customer/abuse and customer/anger (in the
// gold labels abuse is always strong hostility too).

import type { RuleContext } from '../../rule.js';
import { isNegatedMatch } from './signal.js';

const INSULT = new Set([
  'useless', 'idiot', 'idiots', 'moron', 'morons', 'stupid', 'thick', 'incompetent', 'clown', 'clowns', 'muppet', 'muppets', 'brain-dead',
  'braindead', 'brainless', 'thieves', 'thieving', 'parasites', 'parasite', 'dumb', 'lazy', 'deaf', 'imbecile', 'imbeciles', 'cretin', 'cretins',
  'fool', 'fools', 'numpty', 'numpties', 'halfwit', 'dimwit', 'dumbass', 'pathetic', 'clueless', 'hopeless', 'worthless', 'liars', 'liar',
  'crooks', 'scammers', 'amateurs', 'amateur', 'bastard', 'bastards', 'prick', 'twat', 'wanker', 'tosser', 'asshole', 'arsehole', 'dickhead',
  'jerk', 'jerks', 'losers', 'loser', 'incompetents', 'monkeys', 'monkey', 'robots', 'mince', 'dense', 'illiterate', 'brain',
]);
/** Nouns that, used to address someone, are insults on their own ("sort it out idiot"). */
const VOCATIVE = new Set(['idiot', 'idiots', 'moron', 'morons', 'muppet', 'muppets', 'clown', 'clowns', 'imbecile', 'cretin', 'numpty', 'dumbass', 'parasites', 'twat', 'prick', 'wanker', 'tosser', 'dickhead', 'halfwit', 'dimwit']);
const YOU = new Set(['you', 'u', 'ya', 'you\'re', 'youre', 'ur', 'yourself', 'yourselves', 'y\'all']);
/** "your engineers are incompetent": the agent's side, as people. */
const YOUR_PEOPLE = new Set(['engineers', 'engineer', 'staff', 'people', 'team', 'agents', 'agent', 'colleague', 'colleagues', 'rep', 'reps', 'techs', 'technicians', 'technician', 'support', 'lot', 'guys', 'department', 'company']);
const BREAK = new Set(['.', '!', '?', ';', ':', '—', '–']);
const NOT_ABOUT_AGENT = new Set(['a', 'an', 'like', 'such', 'my', 'the', 'this', 'that', 'feel', 'felt', 'myself', 'i', "i'm", 'me']);

export function findInsults(ctx: RuleContext, emit: (start: number, end: number, explanation?: string) => void): void {
  const doc = ctx.doc;
  const toks = doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'word' || t.quoted) continue;
    let norm = t.norm;
    if (norm === 'brain' && toks[k + 1]?.text === '-' ) norm = 'brain-dead';
    if (!INSULT.has(norm)) continue;
    if (norm === 'brain' && toks[k + 1]?.norm !== 'dead' && toks[k + 2]?.norm !== 'dead') continue;
    if (isNegatedMatch(doc, k)) continue;
    const s = doc.sentenceAt(t.start);
    if (!s) continue;
    // "you" (or "your people") within six words before, or three after, in the same clause.
    let from = -1;
    for (let j = k - 1; j >= s.first && j >= k - 6; j--) {
      const u = toks[j]!;
      if (u.kind === 'punct' && BREAK.has(u.text)) break;
      if (YOU.has(u.norm) || (u.norm === 'your' && toks[j + 1] && YOUR_PEOPLE.has(toks[j + 1]!.norm))) { from = j; break; }
      if ((u.norm === 'are' || u.norm === 'r') && toks[j - 1] && (toks[j - 1]!.norm === 'so' || toks[j - 1]!.norm === 'and')) { from = j; break; }
    }
    let to = k;
    if (from === -1) {
      for (let j = k + 1; j < s.last && j <= k + 3; j++) {
        const u = toks[j]!;
        if (u.kind === 'punct' && BREAK.has(u.text)) break;
        if (YOU.has(u.norm) && (toks[j - 1]!.norm === 'are' || toks[j - 1]!.norm === 'r' || toks[j - 1]!.norm === 'so')) { to = j; from = k; break; }
      }
    }
    if (from === -1) {
      // "whoever built this is a moron, and (frankly) so are you": the insult carried over to the agent.
      for (let j = k + 1; j + 2 < s.last && j <= k + 5; j++) {
        const u = toks[j]!;
        if (u.kind === 'punct' && BREAK.has(u.text)) break;
        if ((u.norm === 'so' || u.norm === 'as') && (toks[j + 1]!.norm === 'are' || toks[j + 1]!.norm === 'r') && YOU.has(toks[j + 2]!.norm)) {
          to = j + 2;
          from = k;
          break;
        }
      }
    }
    if (from === -1 && VOCATIVE.has(norm)) {
      // A bare insult used to address the agent: at the end of a clause, not "an idiot" / "like an idiot".
      const prev = toks[k - 1];
      const next = toks[k + 1];
      const endOfClause = !next || next.kind === 'punct' || next.start > s.end;
      if (endOfClause && (!prev || !NOT_ABOUT_AGENT.has(prev.norm))) from = k;
    }
    if (from === -1) continue;
    // Self-directed: "I feel like an idiot", "I'm so stupid".
    if (toks.slice(Math.max(s.first, from - 2), k).some((u) => u.norm === 'i' || u.norm === "i'm" || u.norm === 'myself')) continue;
    const a = Math.min(from, k);
    const b = Math.max(to, k);
    emit(toks[a]!.start, toks[b]!.end);
  }
}
