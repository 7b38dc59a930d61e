import type { Rule } from '../../rule.js';
import type { Token } from '../../text/tokenize.js';
import { customerUpset, own } from './shared.js';
import { tightenPunctuation } from '../../text/trim.js';
import { lookup } from '../../lookup.js';

// Gushing: stacked exclamation marks, several emoji, "OMG", stretched words
// ("sooo"), piled-up enthusiasm — especially right after the customer showed
// frustration, anger or worry. Counts against the thresholds
// overfriendlyExclamations and overfriendlyEmoji (lowered by one when the
// customer is upset). One "Happy to help!" or one "no worries" is fine.

/** Stretched words that are not gushing: "hmmm", "zzz", "www". */
const SAD = new Set([':(', ':-(', ':/', ':-/', 'T_T', '\u{1F622}', '\u{1F61E}', '\u{1F614}', '\u{1F615}', '\u{1F641}', '\u2639\uFE0F', '\u{1F625}', '\u{1F613}']);
const NOT_STRETCHED = new Set(['www', 'zzz', 'zzzz', 'hmm', 'hmmm', 'hmmmm', 'mmm', 'mmmm', 'shh', 'shhh', 'brrr', 'grrr', 'argh', 'arrgh', 'aaa', 'xxx']);
/** Collapsing "sooo" to one letter is right except for words that need a double letter. */
const DOUBLE_BACK: Readonly<Record<string, string>> = lookup({ col: 'cool', god: 'good', to: 'too', son: 'soon', se: 'see', al: 'all', fel: 'feel', wel: 'well', gret: 'great', lok: 'look', nic: 'nice', thx: 'thx', yes: 'yes', wo: 'woo' });

function stretched(t: Token): boolean {
  if (t.kind !== 'word' || t.caps || t.text.length < 4) return false;
  const w = t.norm;
  if (NOT_STRETCHED.has(w) || w.startsWith('hm') || w.startsWith('mm') || w.startsWith('sh')) return false;
  let distinct = true;
  for (let i = 1; i < w.length; i++) if (w[i] !== w[0]) distinct = false;
  if (distinct) return false;
  for (let i = 2; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === w.charCodeAt(i - 1) && c === w.charCodeAt(i - 2) && ((c >= 97 && c <= 122))) return true;
  }
  return false;
}

function unstretch(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) if (i < 2 || !(word[i] === word[i - 1] && word[i] === word[i - 2])) out += word[i];
  // now at most doubled; collapse doubles that came from a stretch
  let single = '';
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i]!.toLowerCase() !== out[i - 1]!.toLowerCase()) single += out[i];
  const fixed = DOUBLE_BACK[single.toLowerCase()];
  return fixed ? (word[0] === word[0]!.toUpperCase() ? fixed.charAt(0).toUpperCase() + fixed.slice(1) : fixed) : single;
}

export const overfriendly: Rule = {
  id: 'tone/overfriendly',
  category: 'overfriendly',
  on: 'agent',
  docs: {
    summary: 'Gushing: stacked exclamation marks, several emoji, "OMG", "sooo", piled-up enthusiasm — especially to an upset customer.',
    why: 'A burst of cheer reads as insincere, and to someone who is frustrated it sounds like you have not noticed how they feel.',
    instead: 'Keep one friendly touch and match the customer\'s mood: "Happy to help — let\'s get this sorted."',
  },
  examples: {
    invalid: [
      'OMG no worries at all!!! 😊😊 Happy to help!!!',
      { text: 'Sooo sorry about that!! 😅', customer: 'This is the THIRD time the VPN has dropped. Unacceptable.' },
      'Yay!!! It works!!! 🎉🎉🎉',
      { text: 'Awesome!! Amazing news, so happy for you!!', customer: 'It finally printed.' },
    ],
    valid: [
      { text: 'Happy to help!', customer: 'Thanks, that worked.' },
      { text: 'No worries — I\'ll reset it now.', customer: 'Sorry, I forgot my password again.' },
      'Thanks for your patience. The update is installed; could you restart and tell me if the error is gone?',
      { text: 'Glad that worked! 🙂', customer: 'That did it, thank you!' },
      { text: 'The log says "ERROR!!! disk full!!!" — let me clear some space.', note: 'quoted log text' },
    ],
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!doc.hasProse) return;
    let ex = 0;
    let stacked = false;
    let em = 0;
    let stretch = 0;
    const offenders: Token[] = [];
    for (const t of doc.tokens) {
      if (t.quoted) continue;
      if (t.kind === 'punct' && t.text.includes('!')) {
        let n = 0;
        for (let i = 0; i < t.text.length; i++) if (t.text.charCodeAt(i) === 33) n++;
        ex += n;
        if (n >= 2) stacked = true;
        offenders.push(t);
      } else if (t.kind === 'emoji') {
        // A sad face is sympathy, not gushing.
        if (SAD.has(t.text)) continue;
        em++;
        offenders.push(t);
      } else if (stretched(t)) {
        stretch++;
        offenders.push(t);
      }
    }
    const strong = own(ctx, 'tone.gush-strong');
    const laugh = own(ctx, 'tone.gush-laugh');
    const mild = own(ctx, 'tone.gush-mild');
    if (ex === 0 && em === 0 && stretch === 0 && strong.length === 0 && laugh.length === 0) return;
    const upset = customerUpset(ctx);
    const tEx = Math.max(2, ctx.thresholds.overfriendlyExclamations - (upset ? 1 : 0));
    const tEm = ctx.thresholds.overfriendlyEmoji;
    const sentences = Math.max(1, doc.sentences.length);
    const reasons: string[] = [];
    if (stacked && ex >= tEx) reasons.push('stacked exclamation marks');
    else if (ex >= tEx + 1 && ex / sentences >= 0.5) reasons.push(`${ex} exclamation marks`);
    if (em >= tEm) reasons.push(`${em} emoji`);
    if (strong.length > 0 && (ex > 0 || em > 0 || upset || strong.length > 1)) reasons.push(`"${doc.text.slice(strong[0]!.start, strong[0]!.end)}"`);
    if (stretch > 0 && (ex > 0 || em > 0 || strong.length + mild.length > 0 || upset)) reasons.push('stretched words');
    if (mild.length >= 2 && ex >= 2) reasons.push('piled-up enthusiasm');
    if (upset && laugh.length > 0 && (ex > 0 || em > 0)) reasons.push('laughing');
    if (upset && reasons.length === 0 && em >= 1 && ex >= 2) reasons.push('emoji and exclamation marks');
    if (reasons.length === 0) return;
    for (const m of [...strong, ...laugh]) offenders.push(...doc.tokens.slice(m.first, m.last));
    offenders.sort((a, b) => a.start - b.start);
    const first = offenders[0]!;
    const last = offenders[offenders.length - 1]!;
    const s0 = doc.sentenceAt(first.start);
    const s1 = doc.sentenceAt(last.start);
    const start = s0 ? doc.tokens[s0.contentFirst]!.start : first.start;
    const end = s1 ? s1.end : last.end;
    ctx.report({
      start,
      end,
      explanation: `${cap(reasons.join(', '))}${upset ? ' right after the customer showed they are upset' : ''} reads as gushing rather than sincere. One friendly touch is enough.`,
      suggestion: calmDown(ctx, start, end, new Set([...strong, ...laugh].flatMap((m) => range(m.first, m.last)))),
    });
  },
};

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The span rewritten: one "!" at most, no emoji, no "OMG"/"lol", no stretched words. */
function calmDown(ctx: Parameters<Rule['check']>[0], start: number, end: number, drop: Set<number>): string {
  const doc = ctx.doc;
  let out = '';
  let keptBang = false;
  let capNext = true;
  let prevEnd = -1;
  for (let i = doc.tokenIndexAt(start); i < doc.tokens.length && doc.tokens[i]!.start < end; i++) {
    const t = doc.tokens[i]!;
    let text = t.text;
    if (t.quoted) { /* keep quoted text as it is */ }
    else if (drop.has(i) || t.kind === 'emoji') {
      // a comma after a dropped word goes too
      if (doc.tokens[i + 1]?.text === ',') i++;
      continue;
    } else if (t.kind === 'punct' && text.includes('!')) {
      text = keptBang ? '.' : '!';
      keptBang = true;
    } else if (stretched(t)) text = unstretch(text);
    const gap = prevEnd < 0 ? '' : doc.text.slice(prevEnd, t.start).length > 0 ? (t.kind === 'punct' && /^[.,!?;:)]/.test(text) ? '' : ' ') : '';
    if (capNext && t.kind === 'word') {
      text = cap(text);
      capNext = false;
    }
    out += gap + text;
    if (t.kind === 'punct' && /[.!?]/.test(text)) capNext = true;
    prevEnd = t.end;
  }
  return tightenPunctuation(out).replace(/([.!?])[.!?]+/g, '$1').trim();
}
