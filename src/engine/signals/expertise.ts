// How technical the customer is, judged from their own words across all their
// messages: what they say about themselves ("I'm not good with computers", "I'm
// the sysadmin") outweighs everything else; then the glossary terms they use
// (expert terms count double), precise technical words and tools, pasted
// commands, code and stack traces, exact versions and addresses. Naming things
// correctly (Outlook, the router, Settings, "restarted it already") is
// intermediate; symptoms in everyday words ("the internet is broken", "the
// little wheel") and confusion ("what does that mean?") point to novice.
// Words the customer quotes (an error dialog they copied) are what they read,
// not their vocabulary, and do not count. `jargon` judges the agent against this.

import type { GlossaryTerm } from '../phrases/load.js';
import type { PhraseMatch } from '../phrases/matcher.js';
import type { Doc } from '../text/doc.js';
import type { Expertise } from '../types.js';

export interface ExpertiseEvidence {
  /** "I'm not technical", "my son usually does this". */
  selfNovice: number;
  /** "I'm the sysadmin", "I work in IT". */
  selfExpert: number;
  /** Distinct glossary terms by level (ordinary-word expert terms count as technical). */
  expertTerms: number;
  technicalTerms: number;
  /** Common glossary terms that show the customer names things (router, browser…). */
  namingTerms: number;
  /** Precise technical words and tools outside the glossary (expertise.technical). */
  technicalWords: number;
  /** Correctly named programs, places and actions (expertise.intermediate). */
  naming: number;
  /** Everyday descriptions and confusion. */
  everyday: number;
  confused: number;
  /** Pasted commands and code (strong), technical logs and traces, dialog-like error lines (weak). */
  commands: number;
  logs: number;
  errorLines: number;
  /** Exact versions, IP addresses, inline code, paths, command-line flags, identifiers. */
  precise: number;
  /** Writes for an organisation ("our customers", "we invoice"): a practised user, at least intermediate. */
  organisation: number;
  /** Everything written in lower case, chat-style. */
  casual: number;
}

type GlossaryIn = (doc: Doc) => Array<PhraseMatch & { term: GlossaryTerm }>;
type MatchesIn = (listId: string, doc: Doc) => PhraseMatch[];

export function estimateExpertise(messages: Array<{ doc: Doc }>, glossaryIn: GlossaryIn, matchesIn: MatchesIn): Expertise {
  return decideExpertise(expertiseEvidence(messages, glossaryIn, matchesIn));
}

/** Common-level glossary terms that show the customer names things correctly. */
const NAMING_TERMS = new Set([
  'router', 'modem', 'hotspot', 'browser', 'browser extension', 'incognito mode', 'task manager', 'operating system', 'reboot',
  'windows update', 'antivirus', 'phishing', 'factory reset', 'hard drive', 'zip file', 'external drive', 'cloud storage', 'bluetooth', 'hdmi',
]);

/** Expert-level terms that are also ordinary words: they count as technical only. */
const ORDINARY = new Set([
  'production', 'prod', 'staging', 'exception', 'exceptions', 'transaction', 'transactions', 'string', 'strings', 'null', 'index', 'indexes',
  'table', 'thread', 'threads', 'instance', 'instances', 'root', 'node', 'nodes', 'cluster', 'clusters', 'mount', 'mounted', 'hash', 'commit',
  'commits', 'committed', 'branch', 'branches', 'pipeline', 'tenant', 'tenants', 'registrar', 'compile', 'compiled', 'dependency',
  'dependencies', 'throughput', 'jitter', 'provisioning', 'provisioned', 'replica', 'replication', 'exploit', 'sandbox', 'pod', 'pods',
  'schema', 'shell', 'query', 'deadlock', 'codec', 'index', 'runtime', 'failover', 'unmount', 'deploy', 'deployed',
]);

/** Words of someone writing for a business or an institution. */
const WORK = new Set([
  'customers', 'clients', 'patients', 'staff', 'students', 'pupils', 'invoice', 'invoices', 'payroll', 'team', 'colleagues', 'office', 'business',
  'company', 'plan', 'account', 'accounts', 'users', 'seats', 'practice', 'school', 'department', 'shop', 'store', 'orders', 'contract', 'billing',
  'subscription', 'licences', 'licenses', 'platform', 'integration', 'site', 'website', 'server', 'servers', 'clinic', 'branch',
]);

const PROMPT = /^\s*(\$|#|>>>|PS [A-Za-z]:\\|[A-Za-z]:\\[^>]{0,120}>|[\w.-]{1,40}@[\w.-]{1,60}:[~/])/;
const TRACE = /^\s*(at [\w$.<>/]+|File "|Traceback|\[?\d{4}-\d{2}-\d{2}|\[?\d{1,2}:\d{2}:\d{2}|#\d+ 0x|(kernel|systemd|sshd|nginx|httpd|postfix|cron|dhclient)(\[\d+\])?:|HTTP\/\d|(GET|POST|PUT|DELETE|PATCH|HEAD) \/|\w+(\.\w+)+(Error|Exception)\b)/;

/** What one message shows; cached per Doc, since the estimate re-reads every earlier message. */
interface DocEvidence {
  counts: ExpertiseEvidence;
  /** Glossary terms by canonical key: 'expert' | 'technical' | 'naming' | 'none'. */
  terms: Map<string, 'expert' | 'technical' | 'naming' | 'none'>;
  naming: Set<string>;
  technical: Set<string>;
}

const cache = new WeakMap<Doc, DocEvidence>();

const emptyEvidence = (): ExpertiseEvidence => ({
  selfNovice: 0, selfExpert: 0, expertTerms: 0, technicalTerms: 0, namingTerms: 0, technicalWords: 0, naming: 0, everyday: 0, confused: 0,
  commands: 0, logs: 0, errorLines: 0, precise: 0, organisation: 0, casual: 0,
});

export function expertiseEvidence(messages: Array<{ doc: Doc }>, glossaryIn: GlossaryIn, matchesIn: MatchesIn): ExpertiseEvidence {
  const e = emptyEvidence();
  const terms = new Map<string, string>();
  const naming = new Set<string>();
  const technical = new Set<string>();
  for (const { doc } of messages) {
    let d = cache.get(doc);
    if (!d) cache.set(doc, (d = docEvidence(doc, glossaryIn, matchesIn)));
    for (const k of Object.keys(e) as Array<keyof ExpertiseEvidence>) {
      if (k === 'organisation' || k === 'casual') e[k] = Math.max(e[k], d.counts[k]);
      else e[k] += d.counts[k];
    }
    for (const [key, kind] of d.terms) if (!terms.has(key)) terms.set(key, kind);
    for (const x of d.naming) naming.add(x);
    for (const x of d.technical) technical.add(x);
  }
  for (const kind of terms.values()) {
    if (kind === 'expert') e.expertTerms++;
    else if (kind === 'technical') e.technicalTerms++;
    else if (kind === 'naming') e.namingTerms++;
  }
  e.naming = naming.size;
  e.technicalWords = technical.size;
  return e;
}

function docEvidence(doc: Doc, glossaryIn: GlossaryIn, matchesIn: MatchesIn): DocEvidence {
  const e = emptyEvidence();
  const out: DocEvidence = { counts: e, terms: new Map(), naming: new Set(), technical: new Set() };
  const own = (m: PhraseMatch): boolean => !doc.tokens[m.first]!.quoted && !doc.tokens[m.last - 1]!.quoted;
  for (const m of matchesIn('expertise.novice', doc)) if (own(m)) e.selfNovice++;
  // "I'm not very good with these gadgets", "I don't really understand websites": the same, in other words.
  if (e.selfNovice === 0 && notTechnical(doc).length > 0) e.selfNovice++;
  for (const m of matchesIn('expertise.expert', doc)) if (own(m) && !doc.negated[m.first]) e.selfExpert++;
  for (const m of matchesIn('expertise.novice-words', doc)) if (own(m)) e.everyday++;
  for (const m of matchesIn('customer.confusion', doc)) if (own(m) && !doc.negated[m.first]) e.confused++;
  for (const m of matchesIn('expertise.intermediate', doc)) {
    if (!own(m)) continue;
    out.naming.add(doc.text.slice(m.start, m.end).toLowerCase());
  }
  for (const m of matchesIn('expertise.technical', doc)) {
    if (!own(m)) continue;
    out.technical.add(doc.text.slice(m.start, m.end).toLowerCase());
  }
  for (const g of glossaryIn(doc)) {
    if (doc.tokens[g.first]?.quoted) continue;
    // "what's a router?", "something called MFA": asking about a term is not knowing it.
    if (askedAbout(doc, g.first)) { e.confused++; continue; }
    const key = g.term.term.toLowerCase();
    if (out.terms.has(key)) continue;
    const written = doc.text.slice(g.start, g.end).toLowerCase();
    if (g.term.level === 'expert') out.terms.set(key, ORDINARY.has(written) || ORDINARY.has(key) ? 'technical' : 'expert');
    else if (g.term.level === 'technical') out.terms.set(key, 'technical');
    else out.terms.set(key, NAMING_TERMS.has(key) ? 'naming' : 'none');
  }
  // Pasted blocks: commands and code, technical logs, or an error line copied from a dialog.
  for (const b of doc.blocks) {
    if (b.kind === 'code') { e.commands++; continue; }
    if (b.kind !== 'log') continue;
    let prompt = false;
    let trace = false;
    for (const line of doc.text.slice(b.start, b.end).split('\n')) {
      const l = line.length > 300 ? line.slice(0, 300) : line;
      if (PROMPT.test(l)) prompt = true;
      else if (TRACE.test(l)) trace = true;
    }
    if (prompt) e.commands++;
    else if (trace) e.logs++;
    else e.errorLines++;
  }
  let precise = 0;
  for (const o of doc.opaque) if (o.kind === 'code') precise += 1.5;
  else if (o.kind === 'path') precise += 0.5;
  const toks = doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.quoted) continue;
    if (t.kind === 'num' || t.kind === 'word') {
      const dots = countChar(t.text, '.');
      if (dots >= 2 && /^v?\d/.test(t.text) && !/\.$/.test(t.text)) precise += 1; // 10.0.19045, 192.168.1.20, v2.3.1
      else if (t.kind === 'word' && /^v\d+(\.\d+)+$/i.test(t.text)) precise += 1;
      else if (t.kind === 'word' && t.text.length <= 30 && isHostName(t.text) && /[a-z]{2}/.test(t.text)) precise += 1; // host names: db-fra-04, app-02, esx-07
      else if (t.kind === 'num' && dots === 1 && /^\d{1,2}\.\d{1,2}$/.test(t.text) && k > 0 && /^[A-Za-z]/.test(toks[k - 1]!.text) && toks[k - 1]!.kind === 'word') precise += 0.5; // macOS 14.3, Python 3.12
      else if (t.kind === 'word' && t.text.length <= 40 && (t.text.includes('_') || /^[a-z]+[A-Z][a-zA-Z]*$/.test(t.text)) && !t.text.startsWith('_')) precise += 1; // snake_case, camelCase
    } else if (t.kind === 'punct' && (t.text === '--' || t.text === '-') && toks[k + 1]?.kind === 'word' && toks[k + 1]!.start === t.end && (k === 0 || toks[k - 1]!.end < t.start)) {
      if (t.text === '--' || toks[k + 1]!.text.length <= 3) precise += 1; // --force, -rf
    }
  }
  e.precise += Math.min(precise, 4);
  let we = false;
  let work = false;
  let words = 0;
  let upper = false;
  for (const t of toks) {
    if (t.kind !== 'word' || t.quoted) continue;
    words++;
    if (t.norm === 'we' || t.norm === 'our' || t.norm === "we're" || t.norm === "we've") we = true;
    if (WORK.has(t.norm)) work = true;
    if (t.text !== t.norm && t.text.toLowerCase() === t.norm && t.norm !== 'i') upper = true;
  }
  if (we && work) e.organisation = 1;
  if (words >= 5 && !upper) e.casual = 1;
  return out;
}

export function decideExpertise(e: ExpertiseEvidence): Expertise {
  // What people say about themselves outweighs vocabulary.
  if (e.selfExpert > 0 && e.selfNovice === 0) return 'expert';
  if (e.selfNovice > 0 && e.selfExpert === 0) return 'novice';
  const technical = e.expertTerms * 2 + e.technicalTerms + e.technicalWords * 1.5 + e.commands * 3 + e.logs * 1.5 + e.errorLines * 0.5 + Math.min(e.precise, 3);
  const plain = Math.min(e.everyday, 3) + Math.min(e.confused, 3) * 0.75 + e.casual * 0.5;
  const naming = e.naming + e.namingTerms;
  // Expert: precise vocabulary or pasted commands, not outweighed by signs of confusion.
  // Lower case alone says nothing about an expert ("fyi dns resolves fine…"): only confusion and everyday words count here.
  if (e.everyday === 0 && e.confused === 0 && (e.expertTerms > 0 || e.commands > 0 || e.technicalWords > 0 || e.logs > 0) && technical >= 2) return 'expert';
  const unsure = Math.min(e.everyday, 3) + Math.min(e.confused, 3) * 0.75;
  if (technical >= 3 && technical - unsure * 1.5 >= 3) return 'expert';
  // Intermediate: names things correctly, with some technical words at most; or writes for an organisation.
  const middle = naming + Math.min(technical, 2) + e.organisation;
  if (middle >= 1 && middle > plain) return 'intermediate';
  return 'novice';
}

const ASK_BEFORE = new Set(["what's", 'whats', 'called', 'named', 'mean', 'means']);

function askedAbout(doc: Doc, first: number): boolean {
  const s = doc.sentenceAt(doc.tokens[first]!.start);
  if (!s) return false;
  for (let k = first - 1; k >= s.first && k >= first - 3; k--) {
    const n = doc.tokens[k]!.norm;
    if (ASK_BEFORE.has(n)) return n === 'called' || n === 'named' || s.question;
    if (n === 'what' && (doc.tokens[k + 1]?.norm === 'is' || doc.tokens[k + 1]?.norm === 'are')) return s.question;
  }
  return false;
}

function countChar(s: string, c: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === c) n++;
  return n;
}

/** "db-fra-04", "app02", "esx-7": lower-case letters, digits and single hyphens, starting with a letter, with digits after a letter. */
function isHostName(w: string): boolean {
  if (!/^[a-z]/.test(w) || w.endsWith('-') || w.includes('--') || !/^[a-z0-9-]+$/.test(w)) return false;
  // The digits must follow the start (the first character is a letter, so any digit does).
  return /\d/.test(w);
}

// ------------------------------------------------------------ "I'm not good with computers"

/** Adjectives of ability: "not very good with", "not confident on". */
const ABLE = new Set([
  'good', 'great', 'confident', 'comfortable', 'quick', 'clever', 'savvy', 'handy', 'competent', 'brilliant', 'familiar', 'experienced',
  'capable', 'strong', 'best', 'sure', 'au', 'fait', 'used', 'up', 'clued',
]);
/** Adjectives of inability: "hopeless with phones", "useless on computers". */
const UNABLE = new Set([
  'hopeless', 'useless', 'terrible', 'rubbish', 'awful', 'clueless', 'pants', 'dreadful', 'poor', 'dinosaur', 'technophobe', 'luddite',
  'disaster', 'numpty', 'dunce', 'hopelessly', 'bad',
]);
const WITH = new Set(['with', 'at', 'on', 'using', 'around', 'about']);
/** What people say they are not good with. */
const TECH_THINGS = new Set([
  'computers', 'computer', 'pcs', 'pc', 'tech', 'technology', 'gadgets', 'gadget', 'phones', 'phone', 'smartphones', 'smartphone', 'mobiles',
  'ipads', 'ipad', 'tablets', 'tablet', 'laptops', 'laptop', 'internet', 'online', 'websites', 'website', 'web', 'apps', 'app', 'emails', 'email',
  'machines', 'printers', 'electronics', 'devices', 'screens', 'stuff', 'things', 'these', 'all', 'this', 'technical',
  'banking', 'settings', 'keyboards', 'anything', 'modern',
]);
/** "with this", "with all this": a self-description only when nothing more specific follows ("not comfortable with this change" is not). */
const DEICTIC = new Set(['this', 'these', 'all', 'anything']);
const DEICTIC_OK = new Set(['stuff', 'sort', 'kind', 'thing', 'things', 'tech', 'technology', 'technical', 'gadgets', 'gadget', 'computer', 'computers', 'new', 'modern', 'tbh', 'this', 'that', 'sorry', 'lol', 'really']);
/** For "I don't know/understand X": only domain words, not "this" or "it" ("I don't understand this error" is not a self-description). */
const TECH_NOUNS = new Set([
  'computers', 'computer', 'pcs', 'tech', 'technology', 'gadgets', 'phones', 'smartphones', 'ipads', 'tablets', 'laptops', 'internet',
  'websites', 'web', 'apps', 'emails', 'electronics', 'devices', 'technical', 'it', 'networks', 'networking', 'wifi', 'wi-fi', 'routers',
  'printers', 'software',
]);
const KNOW = new Set(['know', 'understand', 'get']);
const MUCH = new Set(['much', 'anything', 'a', 'thing', 'the', 'first', 'lot', 'really', 'even', 'very', 'honestly', 'at', 'all', 'about', 'great', 'deal', 'the']);
const HOW_WORKS = new Set(['works', 'work', 'set', 'setup', 'to', 'use', 'does', 'do', 'operate', 'connected', 'done']);
/** "not a computer person", "not very techy". */
const TECHY = new Set([
  'techy', 'techie', 'technical', 'tech-savvy', 'techsavvy', 'computer-literate', 'technically', 'technological', 'technologically',
  'digital', 'digitally', 'savvy', 'literate',
]);
const TECHY_NOUNS = new Set(['computer', 'tech', 'technology', 'it', 'internet', 'gadget', 'gadgets', 'phone', 'computers', 'online']);
const PERSON = new Set(['person', 'guy', 'girl', 'woman', 'man', 'lady', 'expert', 'whizz', 'whiz', 'wizard', 'native', 'minded', 'savvy', 'literate', 'buff', 'geek', 'nerd', 'type']);
/** After "not techy": the end of the thought, not a noun it describes ("not a technical problem"). */
const AFTER_TECHY = new Set(['at', 'so', 'and', 'but', 'tbh', 'really', 'whatsoever', 'enough', 'either', 'myself', 'minded', 'in', 'or', 'like', 'sorry', 'lol', 'honestly']);
const FIRST_PERSON = new Set(['i', "i'm", 'im', "i've", 'ive', "i'd", 'me', 'myself', "i'll"]);
const NEGATORS = new Set(['not', 'never', 'no', "don't", 'dont', "didn't", 'didnt', "can't", 'cant', 'cannot', "isn't", "wasn't", "haven't", "ain't"]);
const SOFT = new Set(['very', 'really', 'particularly', 'that', 'too', 'so', 'the', 'most', 'terribly', 'at', 'all', 'great', 'a', 'bit', 'very', 'overly', 'exactly', 'massively', 'hugely', 'super', 'remotely', 'much', 'of', 'an', 'completely', 'totally', 'absolutely', 'pretty', 'quite', 'bit', 'little', 'ever', 'been', 'always', 'honestly', 'hopelessly']);

/**
 * Where the customer says, in their own words, that they are not technical:
 * "I'm not very good with these gadgets", "I'm hopeless with phones", "I don't
 * really understand websites", "I'm not a computer person", "not very techy
 * tbh". Token ranges [first, last) in the Doc; linear in the message length.
 */
export function notTechnical(doc: Doc): Array<{ first: number; last: number }> {
  const out: Array<{ first: number; last: number }> = [];
  const toks = doc.tokens;
  for (const s of doc.sentences) {
    let me = -1;
    const elliptic = toks[s.contentFirst]?.norm === 'not';
    for (let k = s.first; k < s.last; k++) {
      const t = toks[k]!;
      if (t.quoted) continue;
      const n = t.norm;
      if (FIRST_PERSON.has(n)) me = k;
      if (me < 0 && !elliptic) continue;
      // "(not) very good with computers" / "hopeless with phones"
      if ((ABLE.has(n) || UNABLE.has(n)) && WITH.has(toks[k + 1]?.norm ?? '')) {
        const negated = back(toks, k, s.first, NEGATORS, 4);
        if (ABLE.has(n) && negated < 0) continue;
        // "not bad with computers", "not lost with this": a negated weakness is not one.
        if (UNABLE.has(n) && negated >= 0) continue;
        let thing = forward(toks, k + 2, s.last, TECH_THINGS, 3);
        if (thing >= 0 && DEICTIC.has(toks[thing]!.norm)) {
          const after = toks[thing + 1];
          // "bad at all." is "at all", not "all this stuff".
          if (toks[thing]!.norm === 'all' && (!after || thing + 1 >= s.last || after.kind !== 'word')) continue;
          if (after && thing + 1 < s.last && after.kind === 'word' && !DEICTIC_OK.has(after.norm) && !TECH_THINGS.has(after.norm)) thing = -1;
          else if (after && after.kind === 'word' && (DEICTIC_OK.has(after.norm) || TECH_THINGS.has(after.norm))) thing++;
        }
        if (thing < 0) continue;
        out.push({ first: negated >= 0 ? negated : Math.max(me, s.first), last: thing + 1 });
        continue;
      }
      // "I don't (really) know/understand (much about) computers", "don't know anything about how it's set up"
      if (KNOW.has(n)) {
        const negated = back(toks, k, s.first, NEGATORS, 3);
        if (negated < 0 || back(toks, negated, s.first, FIRST_PERSON, 2) < 0) continue;
        let j = k + 1;
        while (j < s.last && j <= k + 5 && MUCH.has(toks[j]!.norm)) j++;
        const w = toks[j];
        if (!w || j >= s.last) continue;
        if (TECH_NOUNS.has(w.norm)) { out.push({ first: negated, last: j + 1 }); continue; }
        if (w.norm === 'how' && toks[j - 1]?.norm === 'about' && forward(toks, j + 1, s.last, HOW_WORKS, 4) >= 0) out.push({ first: negated, last: j + 1 });
        continue;
      }
      // "not a computer person", "not very techy", "not technically minded"
      if (TECHY.has(n) || (TECHY_NOUNS.has(n) && PERSON.has(toks[k + 1]?.norm ?? ''))) {
        const negated = back(toks, k, s.first, NEGATORS, 4);
        if (negated < 0) continue;
        const next = toks[k + 1];
        const ends = !next || k + 1 >= s.last || next.kind !== 'word' || AFTER_TECHY.has(next.norm) || PERSON.has(next.norm);
        if (!ends) continue;
        out.push({ first: negated, last: PERSON.has(next?.norm ?? '') ? k + 2 : k + 1 });
      }
    }
  }
  return out;
}

/** Index of a word of `set` at most `max` tokens before k (only soft words in between), or -1. */
function back(toks: Doc['tokens'], k: number, floor: number, set: Set<string>, max: number): number {
  for (let j = k - 1; j >= floor && j >= k - max; j--) {
    const n = toks[j]!.norm;
    if (set.has(n) || (set === NEGATORS && n.endsWith("n't"))) return j;
    if (!SOFT.has(n) && !FIRST_PERSON.has(n) && n !== 'am' && n !== 'with' && n !== 'been' && n !== 'really') return -1;
  }
  return -1;
}

/** Index of a word of `set` within `max` tokens from k, or -1. */
function forward(toks: Doc['tokens'], k: number, ceil: number, set: Set<string>, max: number): number {
  for (let j = k; j < ceil && j < k + max; j++) {
    const t = toks[j]!;
    if (t.kind === 'punct') return -1;
    if (set.has(t.norm)) return j;
  }
  return -1;
}
