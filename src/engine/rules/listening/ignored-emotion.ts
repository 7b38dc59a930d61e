import type { Rule, RuleContext } from '../../rule.js';
import type { Doc } from '../../text/doc.js';
import type { SignalCategory } from '../../types.js';

// The customer's latest messages show frustration, anger, anxiety, abuse or a
// complaint about the process, and the reply neither acknowledges the feeling
// nor shows empathy. Runs in phase 2: it reads the empathy, sincere-apology and
// acknowledgment findings of this reply, and checks feeling words itself.
export const ignoredEmotion: Rule = {
  id: 'listening/ignored-emotion',
  category: 'ignored-emotion',
  on: 'agent',
  phase: 2,
  docs: {
    summary: 'The customer is upset or worried and the reply goes straight past it.',
    why: 'A customer who says "this is the third time!" or "I\'ll lose my job" and gets only steps back feels unheard, and stays angry or scared while reading the fix.',
    instead: 'Open with one sentence that names the feeling or what is at stake, then help: "I can hear how frustrating this has been — let\'s get it fixed."',
  },
  examples: {
    invalid: [
      { text: 'Please restart the router and try again.', customer: 'This is the THIRD time I have contacted you about this!!! Still not working.', excerpt: 'Please restart the router and try again.' },
      { text: 'Open the Recycle Bin and look for the file.', customer: "I'm panicking, I think I deleted my thesis and it's due tomorrow." },
      { text: 'Your ticket number is 4471. A technician will be assigned.', customer: 'This is ridiculous, I have been waiting all week and nobody has called me back.' },
      { text: 'Have you tried restarting the printer?', customer: "As I said, I've restarted it twice and it still shows offline." },
      { text: 'You should never have left the laptop in the car. Fill in the lost-device form.', customer: "My work laptop was stolen from my car and I'm really worried about the client files on it.", note: 'blame is not acknowledgment' },
      { text: 'Yeah, this rubbish portal is a nightmare. Try saving your work in Word first.', customer: "I've lost my essay again, this is driving me mad.", note: 'trap: contempt for the system is not empathy' },
      { text: "We apologise for any inconvenience. Please rebook online.", customer: 'Furious — you cancelled my appointment without telling me!' },
    ],
    valid: [
      { text: "I can hear how frustrating this has been — let's get it fixed. Please restart the router once more while I watch the line.", customer: 'This is the THIRD time I have contacted you about this!!! Still not working.' },
      { text: "I know how stressful that is with a deadline tomorrow. Files you delete usually go to the Recycle Bin, so let's look there first.", customer: "I'm panicking, I think I deleted my thesis and it's due tomorrow." },
      { text: 'Open the Recycle Bin from the desktop and look for the file there.', customer: 'Hi, where do I find the Recycle Bin on Windows 11?' },
      { text: "I'm sorry you've been waiting all week for a call back — that's not okay. I've booked a technician for 9am tomorrow.", customer: 'This is ridiculous, I have been waiting all week and nobody has called me back.' },
      { text: "I know how much those photos mean to you, and removing the app won't delete any of them — they're safe in your cloud account.", customer: "I'm scared that reinstalling will wipe all my photos." },
      { text: "Yes, it's safe: the update keeps your settings. Here's how to run it.", customer: "Is it safe to install the update? I'm worried I'll lose my settings." },
      { text: "With his exams next week it really has to hold up, so let's find the weak spot. Where is the router?", customer: "My son's wifi keeps dropping and I'm worried, he has exams next week." },
    ],
  },
  check(ctx) {
    if (!ctx.doc.hasProse || ctx.customer.recent.length === 0) return;
    const feelings = upsetSignals(ctx);
    if (feelings.size === 0) return;
    const gushing = ctx.found.some((f) => f.category === 'overfriendly');
    // Contempt, blame or talking down in the same words is not acknowledgment: "this rubbish platform is a
    // nightmare" (hostile), "you should never have left it in the car" (blaming).
    const harsh = ctx.found.filter((f) => f.kind === 'problem' && HARSH.has(f.category));
    const overlaps = (a: { start: number; end: number }, list: ReadonlyArray<{ start: number; end: number }>): boolean => list.some((h) => h.start < a.end && a.start < h.end);
    if (ctx.found.some((f) => ACKNOWLEDGING.has(f.category) && f.kind === 'strength' && acknowledgesFeeling(ctx, f.category, f.start, f.end) && !overlaps(f, harsh) && !(gushing && f.category === 'sincere-apology' && bareSentence(ctx, f.start)))) return;
    // A stock apology ("we apologise for any inconvenience") or a brush-off ("no need to get upset") acknowledges nothing,
    // and a gushing "sooo sorry!!!" reads as a formula too. The stock apologies are read from their phrase lists
    // here, so this does not depend on when the hollow-apology rule runs.
    const hollow = [...ctx.found.filter((f) => f.category === 'hollow-apology' || f.category === 'dismissive'), ...stockApologies(ctx), ...harsh];
    const toks = ctx.doc.tokens;
    for (const m of ctx.matches('listening.feeling-ack')) {
      if (ctx.isQuoted(m) || negatedNear(ctx, m.first)) continue;
      if (overlaps(m, hollow)) continue;
      const bareSorry = m.last - m.first <= 3 && toks.slice(m.first, m.last).some((t) => t.norm === 'sorry' || t.norm.startsWith('apolog'));
      if (bareSorry && (gushing || toks[m.last]?.norm === 'if' || toks[m.last + 1]?.norm === 'if')) continue;
      return;
    }
    // Ending an abusive exchange per policy is not ignoring it.
    if (feelings.size === 1 && feelings.has('abuse') && ctx.matches('listening.boundary').length > 0) return;
    // Point at the first sentence after a greeting line ("Hi Margaret,").
    const sentences = ctx.doc.sentences.filter((x) => x.last > x.contentFirst);
    const s = sentences.find((x) => !isGreeting(ctx, x)) ?? sentences[0];
    if (!s) return;
    const start = ctx.doc.tokens[s.contentFirst]!.start;
    const first = ctx.text.slice(start, s.end);
    const opening = openingFor(feelings);
    ctx.report({
      start,
      end: s.end,
      explanation: `The customer's last message shows ${describe(feelings)}, and this reply goes straight past it. Name the feeling or what is at stake before the fix.`,
      suggestion: `${opening} ${first.charAt(0).toUpperCase()}${first.slice(1)}`,
    });
  },
};

const HARSH = new Set(['hostile', 'blaming', 'condescending', 'dismissive']);

/** The sentence at this offset is only a few words ("So sorry!!!"): it names nothing. */
function bareSentence(ctx: RuleContext, offset: number): boolean {
  const s = ctx.doc.sentenceAt(offset);
  if (!s) return false;
  let words = 0;
  for (let k = s.contentFirst; k < s.last; k++) if (ctx.doc.tokens[k]!.kind === 'word') words++;
  return words <= 3;
}

const STOCK_LISTS = ['apology.generic', 'apology.bare-trouble'];
const STOCK_FILLER = new Set(['caused', 'this', 'has', 'may', 'have', 'might', 'you', 'experienced', 'been', 'had', 'it', 'that', 'here', 'today', 'again', 'all', 'so', 'far']);

/** "We apologise for any inconvenience", "sorry for the trouble" with nothing named after it. */
function stockApologies(ctx: RuleContext): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const id of STOCK_LISTS) {
    if (!ctx.list(id)) continue;
    for (const m of ctx.matches(id)) {
      if (ctx.isQuoted(m)) continue;
      if (id === 'apology.bare-trouble') {
        const s = ctx.doc.sentenceAt(m.start);
        let words = 0;
        for (let k = m.last; s && k < s.last; k++) {
          const t = ctx.doc.tokens[k]!;
          if (t.norm === 'but' || t.norm === 'however' || t.norm === 'please') break;
          if ((t.kind === 'word' || t.kind === 'num') && !STOCK_FILLER.has(t.norm)) words++;
        }
        if (words >= 2) continue;
      }
      out.push({ start: m.start, end: m.end });
    }
  }
  return out;
}

const NEGATORS = new Set(['not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "wasn't", "can't", 'cannot', "won't", "haven't", 'nothing']);

/** A negator right before the phrase ("I don't understand"), not one further back in the sentence. */
function negatedNear(ctx: RuleContext, first: number): boolean {
  const s = ctx.doc.sentenceAt(ctx.doc.tokens[first]!.start);
  for (let k = first - 1; k >= first - 2 && s && k >= s.first; k--) if (NEGATORS.has(ctx.doc.tokens[k]!.norm)) return true;
  return false;
}

const GREETING_WORDS = new Set(['hi', 'hello', 'hey', 'dear', 'morning', 'afternoon', 'evening', 'agent', 'caller', 'good']);

function isGreeting(ctx: RuleContext, s: { contentFirst: number; last: number }): boolean {
  const toks = ctx.doc.tokens;
  if (!GREETING_WORDS.has(toks[s.contentFirst]!.norm)) return false;
  let words = 0;
  for (let k = s.contentFirst; k < s.last; k++) if (toks[k]!.kind === 'word') words++;
  return words <= 4;
}

const UPSET: SignalCategory[] = ['frustration', 'anger', 'anxiety', 'abuse'];
const ACKNOWLEDGING = new Set(['empathy', 'sincere-apology', 'acknowledgment']);

/** Upset signals on the customer's messages since the last agent reply. */
function upsetSignals(ctx: RuleContext): Set<SignalCategory> {
  const out = new Set<SignalCategory>();
  for (const f of ctx.customer.recentSignalFindings) {
    const c = f.category as SignalCategory;
    if (!UPSET.includes(c)) continue;
    // An acronym in capitals ("ONT", "FHIR") is not shouting.
    if (/^[A-Z0-9^_-]{2,8}$/.test(f.excerpt) && f.excerpt.length <= 8) continue;
    out.add(c);
  }
  if (out.size === 0 && ctx.customer.recent.some((m) => complainsAboutProcess(m.doc))) out.add('frustration');
  return out;
}

const SAID = new Set(['said', 'told', 'mentioned', 'explained', 'wrote']);
const ALREADY = new Set(['already', 'before', 'start', 'beginning', 'twice', 'above', 'earlier', 'times', 'again', 'three', 'twice']);
const COUNTS = new Set(['three', 'four', 'five', 'six', 'several', 'multiple', 'many', '3', '4', '5', '6', '7', '8', '9', '10']);
const ATTEMPTS = new Set(['attempts', 'tries', 'times', 'calls', 'emails', 'chats']);
const NTH = new Set(['second', 'third', 'fourth', 'fifth', '2nd', '3rd', '4th', '5th']);

/**
 * A complaint about the process the signal rules may miss: "I said the model at the
 * start", "I already told you", "this is the third time".
 */
function complainsAboutProcess(doc: Doc): boolean {
  const toks = doc.tokens;
  for (const s of doc.sentences) {
    for (let k = s.first; k < s.last; k++) {
      const t = toks[k]!;
      if (t.quoted) continue;
      if (t.norm === 'i' || t.norm === "i've") {
        let j = k + 1;
        if (toks[j]?.norm === 'already' || toks[j]?.norm === 'have') j++;
        if (toks[j]?.norm === 'already') j++;
        if (j < s.last && SAID.has(toks[j]!.norm) && !toks.slice(s.first, s.last).some((x) => x.norm === 'wrong' || x.norm === 'sorry' || x.norm === 'mistake')) {
          for (let q = s.first; q < s.last; q++) if (ALREADY.has(toks[q]!.norm)) return true;
        }
      }
      if (NTH.has(t.norm) && toks[k + 1]?.norm === 'time' && toks[k - 1]?.norm !== 'first') return true;
      // "As I said, I've restarted both", "like I told you": the customer is repeating themselves.
      if ((t.norm === 'as' || t.norm === 'like') && k === s.contentFirst && toks[k + 1]?.norm === 'i' && SAID.has(toks[k + 2]?.norm ?? '')) return true;
      // "That's three attempts now!", "4 tries already": counting the attempts.
      if (COUNTS.has(t.norm) && ATTEMPTS.has(toks[k + 1]?.norm ?? '') && ['now', 'already', '!', 'today', 'this'].includes(toks[k + 2]?.norm ?? toks[k + 2]?.text ?? '')) return true;
      if (t.norm === 'how' && toks[k + 1]?.norm === 'many' && toks[k + 2]?.norm === 'times') return true;
    }
  }
  return false;
}

/** "Thanks for the screenshot" or "I'm checking now" acknowledges a fact, not a feeling; "thanks for your patience" does. */
function acknowledgesFeeling(ctx: RuleContext, category: string, start: number, end: number): boolean {
  if (category !== 'acknowledgment') return true;
  const words = ctx.text.slice(start, end).toLowerCase();
  return /patien|wait|right|fair|hassle|trouble|again|already|time|chas|repeat|frustrat|understand|bear|through|effort|long/.test(words);
}

function describe(f: Set<SignalCategory>): string {
  const parts: string[] = [];
  if (f.has('anger') || f.has('abuse')) parts.push('anger');
  if (f.has('frustration')) parts.push('frustration');
  if (f.has('anxiety')) parts.push('worry');
  return parts.join(' and ');
}

function openingFor(f: Set<SignalCategory>): string {
  if (f.has('anxiety') && !f.has('frustration') && !f.has('anger')) return "I can tell how worrying this is — let's sort it out together.";
  if (f.has('anger') || f.has('abuse')) return "I can hear how fed up you are, and you're right to expect better — let's get this fixed now.";
  return "I can hear how frustrating this has been — let's get it fixed.";
}
