import { BUILTIN_GLOSSARY } from '../../data/builtin.generated.js';
import type { Rule, RuleContext } from '../../rule.js';
import type { Token } from '../../text/tokenize.js';
import { explanationOf, termsInProse } from './explain.js';

// Technical terms left unexplained for a customer who shows no technical
// background. The glossary (data/glossary.yaml) says how technical each term is
// and gives its plain explanation, which the suggestion puts right after it.
// Acronyms and code-like names the glossary does not know count too.
export const jargon: Rule = {
  id: 'clarity/jargon',
  category: 'jargon',
  on: 'agent',
  docs: {
    summary: 'Technical terms or acronyms the customer is unlikely to know, left unexplained.',
    why: 'A customer who does not know the terms cannot follow the fix, and may feel too embarrassed to ask. They stop reading, guess, or try it wrong.',
    instead: 'Say what each thing is in everyday words, right where you use it: "Flush the DNS cache (the list of web addresses your computer remembers)". Or skip the term and describe the action.',
  },
  examples: {
    invalid: [
      { text: 'Please flush your DNS and renew the DHCP lease, then try again.', customer: "The internet is broken on my laptop, nothing loads. I'm not very technical.", excerpt: 'DNS' },
      { text: 'It looks like the SMTP relay is rejecting your messages because SPF fails.', customer: 'My emails keep bouncing back and I have no idea why.' },
      { text: 'Your session token expired, so clear the browser cache and cookies and reload.', customer: 'The website shows old prices, help!' },
      { text: 'The ONT shows LOS, so the GPON link is down.', customer: 'my internet is not working at all' },
      { text: 'NAT strict means the inbound UDP ports are blocked, so enable UPnP on the router.', customer: "my son's console says 'NAT type strict' and I have no idea what that means", note: 'a term the customer only quotes from a screen is not theirs' },
    ],
    valid: [
      { text: 'Your DNS resolver is timing out — switch it to 1.1.1.1 and flush the DNS cache.', customer: 'My DNS resolver times out on every lookup since the ISP change.', note: 'the customer used the terms first' },
      { text: 'Please flush the DNS cache (the list of web addresses your computer remembers) and renew the DHCP lease, which hands your laptop its network address.', customer: 'The internet is broken, nothing loads.' },
      { text: 'The DNS — think of it as the internet\'s phone book — is not answering, so nothing loads.', customer: 'the internet stopped working' },
      { text: 'Run `ipconfig /flushdns` and `ipconfig /renew`, then let me know what it prints.', customer: "I'm the sysadmin; the resolver on this box is stuck." },
      { text: 'You wrote "the VPN thing" — no problem, I\'ll set it up for you remotely.', customer: 'My boss said to use the VPN thing but I have no clue.', note: 'quoting the customer' },
      { text: 'I restarted the server and your site is back.', customer: 'my website is down', note: 'one everyday-ish term is not jargon' },
      { text: 'They live under Settings, the first thing on the page, and it works the same on any PaaS.', customer: 'new here, where do I set env vars for a preview deploy? cannot find it anywhere', note: 'a practised user who cannot find a setting is still technical' },
    ],
  },
  check(ctx) {
    const background = customerBackground(ctx);
    if (background === 'technical') return;
    const items = jargonItems(ctx);
    if (items.length === 0) return;
    const expert = items.some((i) => i.level === 'expert' || i.level === 'unknown');
    const words = Math.max(1, ctx.doc.wordCount);
    // One stray technical word is tolerable; a reply that leans on several, or on an expert term, is not.
    const dense = background === 'some'
      ? items.length >= 3 && expert && words / items.length <= 15
      : items.length >= 3 || (items.length >= 2 && words / items.length <= 40) || (expert && words <= 40);
    if (!dense) return;
    for (const it of items) {
      const written = ctx.text.slice(it.start, it.end);
      ctx.report({
        start: it.start,
        end: it.end,
        explanation: it.plain
          ? `"${written}" is a technical term the customer has not used and may not know. Say what it is in everyday words.`
          : `"${written}" is technical shorthand the customer is unlikely to know. Spell out what it means in everyday words, or leave it out.`,
        suggestion: it.plain ? `${written} (${it.plain})` : null,
      });
    }
  },
};

interface JargonItem {
  start: number;
  end: number;
  level: 'technical' | 'expert' | 'unknown';
  plain?: string;
}

/** The unexplained technical terms of the reply that the customer did not use, first occurrence each. */
export function jargonItems(ctx: RuleContext): JargonItem[] {
  const items: JargonItem[] = [];
  const seen = new Set<string>();
  // Tokens inside a glossary term, marked once (a per-token search over every term is quadratic on long text).
  const inGlossaryTerm = new Uint8Array(ctx.doc.tokens.length);
  for (const g of ctx.glossary()) inGlossaryTerm.fill(1, g.first, g.last);
  for (const g of termsInProse(ctx)) {
    const term = g.term;
    if (term.level === 'common') continue;
    const key = term.term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (!standsAlone(ctx, g.start, g.end)) continue;
    const written = ctx.text.slice(g.start, g.end);
    // "Nat" the name is not NAT the acronym.
    if (isAcronym(term.term) && written.toUpperCase() === term.term.toUpperCase() && written !== written.toUpperCase() && written !== written.toLowerCase()) continue;
    if (ctx.customer.termsUsed.has(key)) continue;
    if (usedByCustomer(ctx, g.first, g.last)) continue;
    if (explanationOf(ctx, g)) continue;
    items.push({ start: g.start, end: g.end, level: term.level, plain: term.plain });
  }
  // Acronyms and code names the glossary does not know: "EHR", "3DS", "PaymentIntent".
  const toks = ctx.doc.tokens;
  for (const s of ctx.doc.sentences) {
    if (shouting(toks, s.first, s.last)) continue;
    for (let k = s.contentFirst; k < s.last; k++) {
      const t = toks[k]!;
      if (t.kind !== 'word' || t.quoted || inGlossaryTerm[k] === 1) continue;
      if (!isUnknownShorthand(t)) continue;
      const key = t.norm;
      if (seen.has(key) || ctx.customer.wordsUsed.has(key)) continue;
      if (!standsAlone(ctx, t.start, t.end)) continue;
      seen.add(key);
      // Explained right after: "EHR (your health record)".
      const next = toks[k + 1];
      if (next && next.text === '(' && k + 2 < s.last && !/^[A-Z]/.test(toks[k + 2]!.text)) continue;
      items.push({ start: t.start, end: t.end, level: 'unknown' });
    }
  }
  items.sort((a, b) => a.start - b.start);
  return items;
}

/** Words people write in capitals for emphasis, not shorthand. */
const EMPHASIS = new Set([
  'love', 'best', 'not', 'now', 'never', 'ever', 'all', 'very', 'really', 'must', 'please', 'help', 'urgent', 'important', 'note', 'free', 'new', 'only', 'still',
  'again', 'one', 'any', 'every', 'this', 'that', 'the', 'and', 'you', 'your', 'we', 'our', 'today', 'tomorrow', 'do', "don't", 'done', 'fixed', 'working', 'sorry',
  'thanks', 'thank', 'great', 'amazing', 'huge', 'big', 'totally', 'absolutely', 'always', 'warning', 'stop', 'wait', 'before', 'after', 'need', 'want', 'can',
  "can't", 'will', "won't", 'off', 'out', 'sure', 'yay', 'wow', 'omg', 'hey', 'why', 'what', 'how', 'who', 'asap', 'exactly', 'right', 'wrong', 'hate', 'nothing',
  'everything', 'anything', 'nobody', 'day', 'week', 'hour', 'minute', 'time', 'times', 'three', 'two', 'first', 'last', 'more', 'less', 'most', 'least', 'cool', 'fun',
]);

/** Brand names in CamelCase that anyone may write. */
const CONSUMER_BRANDS = new Set(['youtube', 'whatsapp', 'facetime', 'paypal', 'linkedin', 'tiktok', 'playstation', 'mcafee', 'macbook', 'airpods', 'iphone', 'ipad', 'skype', 'facebook', 'instagram', 'snapchat', 'doordash', 'airbnb', 'powerpoint', 'onedrive', 'onenote', 'hotmail']);

/** Everyday acronyms nobody needs explained, and a few frequent abbreviations. */
const EVERYDAY = new Set([
  'ok', 'id', 'pin', 'pc', 'tv', 'usb', 'uk', 'us', 'usa', 'eu', 'faq', 'faqs', 'asap', 'it', 'pdf', 'ceo', 'cfo', 'hr', 'am', 'pm', 'utc', 'gmt', 'bst', 'cet', 'est', 'pst', 'eta', 'fyi',
  'sms', 'vat', 'nhs', 'gp', 'diy', 'atm', 'cv', 'hq', 'rsvp', 'tbc', 'tbd', 'lol', 'omg', 'btw', 'aka', 'gb', 'mb', 'kb', 'tb', 'mr', 'mrs', 'ms', 'dr', 'ups', 'dhl', 'dpd', 'usps', 'hd',
  'dvd', 'cd', 'ps', 'nb', 'ai', 'hp', 'lg', 'bt', 'ee', 'o2', 'ibm', 'bbc', 'nasa', 'ny', 'la', 'ip', 'wifi', 'wi-fi', 'tx', 'ca', 'nz', 'au', 'uae', 'dm', 'pto', 'ooo', 'q1', 'q2', 'q3', 'q4',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'no', 'yes', 'hi', 'ty', 'thx', 'pls', 'asap', 'nb', 'ie', 'eg',
  'pc', 'mac', 'ios', 'apple', 'gps', 'led', 'lcd', 'hdmi', 'vga', 'ssn', 'dob', 'iban', 'bic', 'sort', 'pto', 'rma', 'sku', 'po', 'inc', 'ltd', 'llc', 'plc', 'co', 'dept', 'ref', 'tel', 'fax',
  'jpg', 'jpeg', 'png', 'gif', 'mp3', 'mp4', 'mov', 'avi', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'zip', 'rar', 'wav', 'tiff', 'bmp', 'svg', 'odt',
  'ps4', 'ps5', 'ps3', '3g', '4g', '5g', 'a4', 'a3', 'a5', 'b2b', 'p2p', 'mp3', 'mp4', 'm4a', 'h2o', 'co2', 'f1', 'g7',
  'mfa', 'sso', 'vpn', 'url', 'dns', 'isp', 'os', 'ram', 'cpu', 'ssd', 'hdd', 'gpu', 'sim', 'nfc', 'qr', 'uid', 'sla', 'kpi', 'roi', 'crm', 'erp', 'api', 'it', 'ict', 'itsm', 'a', 'i',
]);

function isUnknownShorthand(t: Token): boolean {
  const text = t.text;
  if (text.length < 2 || text.length > 8) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) digits++;
  // Postcodes, sizes, model and server names carry digits: "LS10", "35MB", "FS02". "3DS" is shorthand.
  if (EMPHASIS.has(t.norm)) return false;
  if (EVERYDAY.has(t.norm)) return false;
  // Stretched words are excitement, not shorthand: "YAYYY", "NOOO".
  for (let i = 2; i < text.length; i++) if (text[i] === text[i - 1] && text[i] === text[i - 2]) return false;
  if (digits > 0) {
    // One digit among capitals is shorthand ("A2DP", "3DS"); more are models, sizes, postcodes ("LS10", "FS02", "A54").
    let upper = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 65 && text.charCodeAt(i) <= 90) upper++;
    const inside = !/[0-9]/.test(text[0]!) && !/[0-9]/.test(text[text.length - 1]!);
    return digits === 1 && inside && upper >= 2 && upper + digits === text.length && text.length >= 4;
  }
  // Mixed-case shorthand: "CoP", "PoE", "WebRTC", "SaaS".
  if (/^[A-Z][a-z]{1,3}[A-Z]{1,3}[a-z]?$/.test(text) && text.length >= 3 && !CONSUMER_BRANDS.has(t.norm)) return true;
  // ALL CAPS shorthand: "EHR", "3DS", "UPN" (not "I", not a shout checked by the caller).
  if (t.caps && /^[A-Z0-9]+$/.test(text) && /[A-Z]{2}/.test(text) && text.length >= 3) return true;
  // Capitals then lower case and digits: "MSCHAPv2" (not plurals like "URLs").
  if (/^[A-Z]{2,}[a-z]+\d*$/.test(text) && text.length >= 5) return true;
  return false;
}

/** A word in a run of capitals ("THIS IS RIDICULOUS") is shouting, not shorthand. */
function shoutedWord(toks: Token[], k: number): boolean {
  const near = [toks[k - 1], toks[k + 1]].filter((x) => x && x.kind === 'word');
  return near.some((x) => x!.caps && x!.text.length >= 2);
}

/** Most of the sentence in capitals: a shout or a heading, not shorthand. */
function shouting(toks: Token[], a: number, b: number): boolean {
  let words = 0;
  let caps = 0;
  for (let k = a; k < b; k++) {
    if (toks[k]!.kind !== 'word') continue;
    words++;
    if (toks[k]!.caps) caps++;
  }
  return words >= 3 && caps * 2 > words;
}

/** Not glued to other characters: ".net" in "status.example.net" is part of an address. */
function standsAlone(ctx: RuleContext, start: number, end: number): boolean {
  const before = ctx.text.charAt(start - 1);
  const after = ctx.text.charAt(end);
  // "AVS/CVV", "SPF/DKIM": acronyms paired with a slash each stand alone; "/usr/bin" and "and/or" do not.
  const paired = (side: string): boolean => /^[A-Z0-9]{2,6}$/.test(side) && /[A-Z]/.test(side);
  if (before === '/' && paired(alnumRun(ctx.text, start - 2, -1)) && paired(ctx.text.slice(start, end))) {
    // fall through to the check on the other side
  } else if (before && /[\p{L}\p{N}._\/@-]/u.test(before)) return false;
  if (after === '/' && paired(alnumRun(ctx.text, end + 1, 1)) && paired(ctx.text.slice(start, end))) return true;
  if (after && /[\p{L}\p{N}_\/@]/u.test(after)) return false;
  if (after === '.' && /[\p{L}\p{N}]/u.test(ctx.text.charAt(end + 1))) return false;
  return true;
}

/** The run of letters and digits (at most 8) from offset i going in direction dir. */
function alnumRun(text: string, i: number, dir: 1 | -1): string {
  let j = i;
  let n = 0;
  while (j >= 0 && j < text.length && n < 8 && /[A-Za-z0-9]/.test(text.charAt(j))) { j += dir; n++; }
  return dir === 1 ? text.slice(i, j) : text.slice(j + 1, i + 1);
}

function isAcronym(term: string): boolean {
  return term.length >= 2 && term.length <= 6 && term === term.toUpperCase() && /[A-Z]/.test(term);
}

let LEVELS: Map<string, string> | undefined;

/**
 * Whether the customer shows a technical background: the expertise estimate
 * says expert, or they used an expert term or several technical ones, their
 * own shorthand, or pasted code or logs ('technical'); one technical term
 * ('some'); none ('none'). A customer who says they do not understand is
 * judged by that.
 */
function customerBackground(ctx: RuleContext): 'technical' | 'some' | 'none' {
  return technicalCustomer(ctx) ? 'technical' : someTechnical(ctx) ? 'some' : 'none';
}

function someTechnical(ctx: RuleContext): boolean {
  // A novice who only quotes a term ("the school says I need to 'whitelist' it") does not know it.
  const quoted = ctx.customer.expertise === 'novice' && ctx.customer.messages.length > 0 ? quotedOnlyWords(ctx) : NONE;
  for (const term of ctx.customer.termsUsed) if (LEVELS!.get(term) === 'technical' && !quoted.has(term.split(' ')[0]!)) return true;
  return false;
}

function technicalCustomer(ctx: RuleContext): boolean {
  if (ctx.customer.expertise === 'expert') return true;
  LEVELS ??= new Map(BUILTIN_GLOSSARY.map((t) => [t.term.toLowerCase(), t.level]));
  if (ctx.customer.messages.length === 0) return false;
  // Confusion outweighs vocabulary for a customer who reads as a novice; a practised user who
  // "couldn't find it in the dashboard" still knows the words they used.
  if (ctx.customer.recentSignals.has('confusion') && ctx.customer.expertise === 'novice') return false;
  let technical = 0;
  // For a customer who reads as a novice, a term they only quote ("it says 'NAT type strict'") is
  // what they read on a screen, not what they know.
  const quoted = ctx.customer.expertise === 'novice' ? quotedOnlyWords(ctx) : NONE;
  for (const term of ctx.customer.termsUsed) {
    if (quoted.has(term.split(' ')[0]!)) continue;
    const level = LEVELS.get(term);
    if (level === 'expert') return true;
    if (level === 'technical') technical++;
  }
  if (technical >= 2) return true;
  for (const m of ctx.customer.messages) {
    for (const b of m.doc.blocks) if (b.kind === 'code' || b.kind === 'log') return true;
    for (const o of m.doc.opaque) if (o.kind === 'code' || o.kind === 'path') return true;
    // Shorthand of their own ("SSL", "SMTP") shows they know the field.
    const toks = m.doc.tokens;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.kind !== 'word' || t.quoted) continue;
      if (isUnknownShorthand(t) && !shoutedWord(toks, k)) return true;
      // Code-like names: "AuthorizationFailed", "WordPress", "PowerShell" (not consumer brands).
      if (/^[A-Z][a-z]+[A-Z][A-Za-z0-9]*$/.test(t.text) && t.text.length >= 7 && !CONSUMER_BRANDS.has(t.norm)) return true;
    }
  }
  return false;
}

const quotedCache = new WeakMap<object, Set<string>>();
const NONE = new Set<string>();

/** Words the customer wrote only inside quotation marks (copied from a screen or a letter), never in their own voice. */
function quotedOnlyWords(ctx: RuleContext): Set<string> {
  const key = ctx.customer.messages[ctx.customer.messages.length - 1]!.doc;
  const hit = quotedCache.get(key);
  if (hit) return hit;
  const quoted = new Set<string>();
  const own = new Set<string>();
  for (const m of ctx.customer.messages) {
    for (const t of m.doc.tokens) {
      if (t.kind !== 'word') continue;
      (t.quoted ? quoted : own).add(t.norm);
    }
  }
  for (const w of own) quoted.delete(w);
  quotedCache.set(key, quoted);
  return quoted;
}

/** Every word of the term appears in what the customer wrote. */
function usedByCustomer(ctx: RuleContext, first: number, last: number): boolean {
  let words = 0;
  for (let k = first; k < last; k++) {
    const t = ctx.doc.tokens[k]!;
    if (t.kind !== 'word' && t.kind !== 'num') continue;
    words++;
    if (!ctx.customer.wordsUsed.has(t.norm) && !ctx.customer.wordsUsed.has(singular(t.norm))) return false;
  }
  return words > 0;
}

function singular(w: string): string {
  return w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : `${w}s`;
}
