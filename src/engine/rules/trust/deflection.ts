import type { Rule, RuleContext } from '../../rule.js';
import { byFirst, dead, followed } from './shared.js';

// Deflection: "not my department", "there's nothing I can do", "you'll have to
// contact the vendor". A handover the agent arranges ("I've passed this to the
// network team, they'll call you by 3pm") is not deflection, so a reply that
// holds one is left alone.

/** Tokens before a contact verb that mean the agent is doing it, or asking about it. */
const AGENT_DOES = new Set(["i'll", 'ill', "i've", "we'll", "we've", 'let', "i'm", "we're", "i'd", "we'd"]);
const MODALS = new Set(['can', 'will', 'could', 'would', 'shall', 'am', 'have', 'just', 'already']);
const CLAUSE_BREAK = new Set([',', ';', ':', '\u2014', '\u2013', '-', 'and', 'so', 'but', 'then', 'otherwise']);
/** Tokens before a contact verb that mean it is not a hand-off ("did you contact…?", "no need to call…"). */
const NOT_HANDOFF = new Set(['did', 'already', 'tried', 'if', 'when', 'whether', 'once', 'after', 'before', 'until', 'while', 'without', 'instead', 'rather']);

/** Verbs that, with any named party after them, send the customer elsewhere ("go to Settings" does not). */
const CONTACT_VERBS = new Set([
  'contact', 'call', 'ring', 'phone', 'email', 'e-mail', 'speak', 'talk', 'get', 'reach', 'write', 'message', 'give',
  'contacting', 'calling', 'ringing', 'phoning', 'emailing', 'speaking', 'talking', 'getting', 'reaching', 'messaging',
]);
/** "give BT a ring": the words that must follow the party for "give" to be a hand-off. */
const GIVE_CALL = new Set(['ring', 'call', 'bell', 'buzz', 'shout', 'phone', 'email']);
/** Nouns that finish a named party: "the integration team", "your exams office". */
const GROUP_NOUNS = new Set(['team', 'department', 'dept', 'office', 'desk', 'people', 'staff', 'helpdesk', 'line', 'support', 'company', 'provider', 'manager', 'admin', 'administrator', 'unit', 'group', 'service', 'services']);
/** Parties that are the agent's own side: "give us a ring" invites the customer back. */
const OWN_SIDE = new Set(['me', 'us', 'our', 'we', 'myself']);

function handoverInReply(ctx: RuleContext): boolean {
  for (const m of ctx.matches('trust.handover')) if (!dead(ctx, m)) return true;
  for (const p of followed(ctx, 'trust.agent-will', 'trust.handover.verb')) if (!dead(ctx, p)) return true;
  return false;
}

export const deflection: Rule = {
  id: 'trust/deflection',
  category: 'deflection',
  on: 'agent',
  docs: {
    summary: 'Pushing the customer elsewhere without a warm handover, or disowning the problem.',
    why: '"Not my department" or "call the vendor" leaves the customer to start again somewhere else, alone, and tells them nobody here owns their problem.',
    instead: 'Own the handover: "I\'ll pass this to our billing team now and make sure they call you back today."',
  },
  examples: {
    invalid: [
      { text: "That's not my department.", excerpt: 'not my department' },
      "There's nothing I can do, you'll have to call the vendor.",
      { text: "You'll need to contact your bank about that charge.", excerpt: 'contact your bank' },
      'That is a billing issue, please email billing.',
      'Please contact the manufacturer for warranty repairs.',
      { text: "Sounds like a line fault. Give BT a ring.", excerpt: 'Give BT a ring', note: '"give X a ring" names the party to call' },
      { text: 'Parking fines are dealt with by the enforcement office.', note: 'handled elsewhere, with no handover' },
      { text: 'Whether it is replaced is up to the seller.', excerpt: 'is up to the' },
      { text: "You'd be better off ringing the integration team.", excerpt: 'ringing the integration team' },
      { text: 'You will need to speak to your landlord.', note: 'a named party after the verb, with no listed target in the message' },
    ],
    valid: [
      "I've passed this to Priya in networking; she'll call you by 3pm.",
      "You won't need to contact the vendor — I'll do that for you.",
      'Did you contact your bank already?',
      { text: 'If it happens again, contact us any time.', note: 'an invitation back, not a hand-off' },
      { text: 'You wrote "not my department" — who said that to you?', note: 'quoted' },
      "I'll contact the vendor on your behalf and let you know what they say today.",
      { text: 'If it drops again, give us a ring.', note: 'an invitation back to us, not a hand-off' },
      { text: 'Give the router a restart and tell me what the light does.', note: '"give" without "a ring/call"' },
      { text: "Parking fines are dealt with by the enforcement office, so I've passed your letter to them and they'll reply by Friday.", note: 'a handover the agent arranged' },
      { text: "We're responsible for the hosting, so I'll fix this now.", note: 'owning it, not disowning it' },
    ],
  },
  check(ctx) {
    const flat = ctx.matches('trust.deflect.flat');
    const verbs = ctx.matches('trust.deflect.verb');
    if (flat.length === 0 && verbs.length === 0) return;
    if (handoverInReply(ctx)) return;
    const tokens = ctx.doc.tokens;
    for (const m of flat) {
      if (dead(ctx, m)) continue;
      const entry = ctx.entry(m);
      ctx.report({
        start: m.start,
        end: m.end,
        explanation: 'This tells the customer the problem is not yours, so they are left to find help elsewhere on their own.',
        suggestion: entry.suggest ?? "I'll find the right team for this and hand it over myself.",
      });
    }
    if (verbs.length === 0) return;
    // No early return when no listed target is found: a named party ("contact Netflix",
    // "speak to your RA") is read from the words after the verb below.
    const targets = byFirst(ctx, 'trust.deflect.target');
    const pushes = ctx.matches('trust.deflect.push');
    for (const v of verbs) {
      if (dead(ctx, v)) continue;
      const t = targets.get(v.last);
      let target = t ? t.reduce((a, b) => (b.last > a.last ? b : a)) : undefined;
      // Any named third party also counts: "contact Netflix", "call 0800 123 456",
      // "email finance@…", "speak to your RA".
      if (!target) {
        const nx = tokens[v.last];
        const verbWord = tokens[v.first]!.norm;
        if (!nx || !CONTACT_VERBS.has(verbWord)) continue;
        let end = v.last;
        if (nx.kind === 'opaque' && (nx.opaque === 'email' || nx.opaque === 'url')) end = v.last + 1;
        else if (nx.kind === 'num') { end = v.last; while (end < tokens.length && tokens[end]!.kind === 'num') end++; }
        else if (nx.kind === 'word' && /^\p{Lu}/u.test(nx.text) && (!nx.caps || nx.text.length <= 4) && !['I', 'Me', 'Us', 'ME', 'US'].includes(nx.text)) end = v.last + 1;
        else if ((nx.norm === 'your' || nx.norm === 'the' || nx.norm === 'their') && tokens[v.last + 1]?.kind === 'word' && !['me', 'us'].includes(tokens[v.last + 1]!.norm)) {
          end = v.last + 2;
          // "the integration team", "your exams office": take the group noun too.
          if (GROUP_NOUNS.has(tokens[end]?.norm ?? '')) end++;
        }
        if (end === v.last) continue;
        target = { ...v, first: v.last, last: end, start: tokens[v.last]!.start, end: tokens[end - 1]!.end };
      }
      // "give" only hands off as "give BT a ring" / "give the vendor a call", never "give us a ring".
      if (tokens[v.first]!.norm === 'give') {
        if (OWN_SIDE.has(tokens[target.first]?.norm ?? '')) continue;
        if (tokens[target.last]?.norm !== 'a' || !GIVE_CALL.has(tokens[target.last + 1]?.norm ?? '')) continue;
        target = { ...target, last: target.last + 2, end: tokens[target.last + 1]!.end };
      }
      const s = ctx.doc.sentenceAt(v.start);
      if (!s || s.question) continue;
      // Who is told to do it? A push word ("you'll need to", "please") right before,
      // or the verb opening the sentence as a command.
      let pushed = v.first === s.contentFirst;
      for (const p of pushes) if (p.last <= v.first && p.last >= v.first - 2 && p.first >= s.first && !dead(ctx, p)) pushed = true;
      // "to" before the verb after a push: "you need to contact" is covered by the push list.
      if (!pushed) continue;
      let clause = v.first;
      while (clause > s.first && !CLAUSE_BREAK.has(tokens[clause - 1]!.norm)) clause--;
      let blocked = false;
      for (let k = clause; k < v.first; k++) {
        const n = tokens[k]!.norm;
        if (AGENT_DOES.has(n) || NOT_HANDOFF.has(n) || ((n === 'i' || n === 'we') && MODALS.has(tokens[k + 1]?.norm ?? ''))) { blocked = true; break; }
      }
      // "If it still fails, …" earlier in the sentence: still a hand-off; "did you…" anywhere: a question.
      if (tokens[s.first]?.norm === 'did' || tokens[s.first]?.norm === 'have') blocked = true;
      if (blocked) continue;
      const who = ctx.text.slice(target.start, tokens[v.first]!.norm === 'give' ? tokens[target.last - 3]!.end : target.end);
      ctx.report({
        start: v.start,
        end: target.end,
        explanation: `This sends the customer to ${who} on their own, with no handover from you.`,
        suggestion: `I'll get in touch with ${who.replace(/^(your|their)\b/i, 'your')} for you now and let you know what they say today.`,
      });
    }
  },
};
