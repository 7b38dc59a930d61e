// What the customer has already told us: error codes and messages, operating
// system, versions, browser, device and model, app, order/ticket/invoice/account
// numbers, e-mail addresses, screenshots, and the steps they already tried.
// `repeated-question` compares an agent's question with these facts.
//
// Everything here works on a Doc's tokens with small word tables (no regex over
// unbounded text), and each customer message is read once: results are cached
// per Doc.

import type { Doc, Sentence } from '../../text/doc.js';
import type { Token } from '../../text/tokenize.js';
import { trimEndOf } from '../../text/trim.js';
import { lookup } from '../../lookup.js';

export type FactKind =
  | 'error' | 'screenshot' | 'os' | 'version' | 'browser' | 'device' | 'model' | 'app'
  | 'order' | 'ticket' | 'invoice' | 'account' | 'reference' | 'email' | 'tried'
  | 'name' | 'dob' | 'year' | 'room' | 'address' | 'phone' | 'domain' | 'username'
  /** A value the customer named with a noun of their own: "project ID prj_8f3k2", "the server is db-fra-04", "card ending 4410". */
  | 'labelled'
  /** A sum of money: "£1,240", "$50", "30 pounds". */
  | 'amount'
  /** Something the customer says they already sent: "I've sent you the openssl output twice". */
  | 'provided'
  /** Whether it happens elsewhere: "other macro files open fine", "every device in the house drops". */
  | 'scope';

export interface Fact {
  kind: FactKind;
  /** How the customer put it, for a suggestion that reuses it: "#48213", "Windows 11", "restarted the router". */
  value: string;
  /**
   * A finer key: the product of a version ("windows", "outlook", or "" when not
   * named), the class of a device ("laptop", "phone"…), the step tried
   * ("restart", "clear-cache"…).
   */
  key: string;
  /** For a step: what it was done to ("network", "computer", "app"…, several joined by "|"), or "". */
  object?: string;
  /** The customer's own noun for a value ("project", "server", "card", "port"), when they named it. */
  label?: string;
  /** Index of the customer message in the conversation. */
  message: number;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------
// Word tables

/** The noun before an identifier says what it identifies. */
const ID_NOUNS: Readonly<Record<string, FactKind>> = lookup({
  order: 'order', orders: 'order', purchase: 'order', shipment: 'order', tracking: 'order',
  ticket: 'ticket', case: 'ticket', incident: 'ticket', request: 'ticket', ref: 'ticket', reference: 'ticket', confirmation: 'ticket', booking: 'ticket', claim: 'ticket', rma: 'ticket',
  invoice: 'invoice', bill: 'invoice', receipt: 'invoice', transaction: 'invoice', payment: 'invoice',
  account: 'account', customer: 'account', member: 'account', membership: 'account', subscription: 'account', policy: 'account', employee: 'account', licence: 'account', license: 'account', serial: 'account', nhs: 'account', patient: 'account', student: 'account', asset: 'account', tag: 'account', fault: 'ticket', job: 'ticket',
  error: 'error', code: 'error', errorcode: 'error', status: 'error', exception: 'error', 'error-code': 'error',
});
/** Words that may sit between the noun and the identifier ("order number is #123"). */
const ID_FILLERS = new Set(['number', 'no', 'no.', 'nr', 'num', '#', 'id', 'is', 'was', ':', 'my', 'the', 'our', 'of', 'reference', 'ref', 'code', 'it', "it's", '-', '(', 'number:', 'details', 'says', 'shows', 'showing', 'says:', 'a', 'an']);
/** Prefixes that name an identifier by themselves: INC0012345, INV-2231, ORD-77. */
const ID_PREFIXES: Array<[string, FactKind]> = [
  ['inc', 'ticket'], ['req', 'ticket'], ['ritm', 'ticket'], ['tkt', 'ticket'], ['cs', 'ticket'], ['case', 'ticket'], ['sr', 'ticket'], ['chg', 'ticket'],
  ['inv', 'invoice'], ['ord', 'order'], ['po', 'order'], ['so', 'order'], ['acct', 'account'], ['0x', 'error'],
];

const ERROR_CONTEXT = new Set([
  'error', 'errors', 'message', 'messages', 'says', 'said', 'saying', 'reads', 'popup', 'pop-up', 'pops', 'popped', 'warning', 'alert',
  'shows', 'showing', 'displays', 'displaying', 'dialog', 'prompt', 'notification', 'code', 'screen', 'get', 'getting', 'got',
]);
/** Who "says" something that is not an error message. */
const SPEAKERS = new Set([
  'i', 'you', 'he', 'she', 'they', 'we', 'boss', 'manager', 'colleague', 'coworker', 'co-worker', 'someone', 'somebody', 'who', 'husband', 'wife',
  'son', 'daughter', 'friend', 'team', 'it', 'support', 'agent', 'website', 'site', 'guy', 'lady', 'tech', 'technician', 'person', 'everyone', 'nobody', 'one',
  'article', 'guide', 'forum', 'google', 'docs', 'documentation',
]);

const OS_WORDS: Readonly<Record<string, string>> = lookup({
  windows: 'windows', win10: 'windows', win11: 'windows', win7: 'windows', macos: 'macos', osx: 'macos', 'mac': 'macos', macbook: 'macos', imac: 'macos',
  sonoma: 'macos', ventura: 'macos', monterey: 'macos', catalina: 'macos', sequoia: 'macos', mojave: 'macos', ios: 'ios', iphone: 'ios', ipad: 'ios', ipados: 'ios',
  android: 'android', linux: 'linux', ubuntu: 'linux', debian: 'linux', fedora: 'linux', mint: 'linux', chromebook: 'chromeos', chromeos: 'chromeos',
});

const BROWSERS: Readonly<Record<string, string>> = lookup({
  chrome: 'Chrome', firefox: 'Firefox', safari: 'Safari', edge: 'Edge', opera: 'Opera', brave: 'Brave', vivaldi: 'Vivaldi', ie: 'Internet Explorer', explorer: 'Internet Explorer',
});
/** Browsers that are also ordinary words only count with a capital or a cue. */
const GATED_BROWSERS = new Set(['edge', 'opera', 'brave', 'ie', 'explorer']);

const DEVICE_WORDS: Readonly<Record<string, string>> = lookup({
  laptop: 'laptop', laptops: 'laptop', notebook: 'laptop', macbook: 'laptop', chromebook: 'laptop', thinkpad: 'laptop', ultrabook: 'laptop',
  desktop: 'desktop', imac: 'desktop', tower: 'desktop', workstation: 'desktop',
  computer: 'computer', pc: 'computer', mac: 'computer',
  phone: 'phone', iphone: 'phone', smartphone: 'phone', mobile: 'phone', cellphone: 'phone', cell: 'phone', android: 'phone', pixel: 'phone', galaxy: 'phone',
  tablet: 'tablet', ipad: 'tablet', surface: 'tablet',
  printer: 'printer', scanner: 'printer',
});

const BRANDS = new Set([
  'hp', 'dell', 'lenovo', 'canon', 'epson', 'brother', 'asus', 'acer', 'samsung', 'apple', 'microsoft', 'logitech', 'netgear', 'linksys', 'tp-link', 'xerox', 'kyocera', 'ricoh',
  'motorola', 'huawei', 'xiaomi', 'oneplus', 'sony', 'toshiba', 'msi', 'razer', 'google', 'lexmark', 'konica', 'sharp', 'fujitsu', 'panasonic', 'nokia', 'jabra', 'plantronics', 'poly', 'cisco', 'ubiquiti',
]);
const GATED_BRANDS = new Set(['brother', 'apple', 'sharp', 'poly', 'google', 'microsoft']);
const MODEL_WORDS = new Set([
  'iphone', 'ipad', 'macbook', 'imac', 'thinkpad', 'ideapad', 'xps', 'inspiron', 'latitude', 'optiplex', 'pavilion', 'elitebook', 'probook', 'spectre', 'envy', 'surface',
  'laserjet', 'officejet', 'deskjet', 'pixma', 'ecotank', 'workforce', 'imageclass', 'galaxy', 'pixel', 'chromebook', 'zenbook', 'vivobook', 'aspire', 'yoga',
]);

const APPS: Readonly<Record<string, string>> = lookup({
  outlook: 'Outlook', teams: 'Teams', zoom: 'Zoom', excel: 'Excel', powerpoint: 'PowerPoint', onedrive: 'OneDrive', sharepoint: 'SharePoint', slack: 'Slack', gmail: 'Gmail',
  dropbox: 'Dropbox', quickbooks: 'QuickBooks', salesforce: 'Salesforce', webex: 'Webex', skype: 'Skype', acrobat: 'Acrobat', thunderbird: 'Thunderbird', whatsapp: 'WhatsApp',
  word: 'Word', photoshop: 'Photoshop', spotify: 'Spotify', itunes: 'iTunes', netflix: 'Netflix', xero: 'Xero', jira: 'Jira', confluence: 'Confluence', okta: 'Okta', authenticator: 'Authenticator',
});
const GATED_APPS = new Set(['word', 'teams', 'zoom', 'slack']);

/** Words that make the next word more likely a product name: "on Windows", "using Edge". */
const USING_CUES = new Set(['on', 'using', 'use', 'in', 'with', 'via', 'through', 'from', 'run', 'running', 'runs', 'microsoft', 'google', 'my', 'the', 'open', 'opened', 'opening']);

// --- Steps already tried --------------------------------------------------------

/** Past forms (customer side) and base forms (agent side) of each step's verb. */
interface StepVerb {
  step: string;
  past: boolean;
  /** Needs one of these nouns within a few tokens to be this step. */
  needs?: Set<string>;
}
const CACHE_NOUNS = new Set(['cache', 'caches', 'cookies', 'cookie', 'history', 'data', 'temp', 'temporary', 'browsing', 'cached']);
const PASSWORD_NOUNS = new Set(['password', 'passwords', 'pin', 'passcode']);
const BROWSER_NOUNS = new Set(['browser', 'browsers', 'incognito', 'private', 'chrome', 'firefox', 'safari', 'edge']);
const CABLE_NOUNS = new Set(['cable', 'cables', 'cord', 'cords', 'plug', 'connections', 'connection', 'wires', 'wire', 'ethernet']);
const SPAM_NOUNS = new Set(['spam', 'junk', 'quarantine', 'promotions']);
const DRIVER_NOUNS = new Set(['driver', 'drivers', 'firmware', 'updates', 'update', 'app', 'windows', 'software', 'version', 'os', 'browser', 'ios', 'android', 'macos', 'it', 'everything']);
const DEVICE_NOUNS = new Set(['computer', 'pc', 'laptop', 'desktop', 'machine', 'device', 'phone', 'tablet', 'mac', 'browser', 'network', 'wifi', 'wi-fi']);

const STEP_VERBS: Readonly<Record<string, StepVerb>> = lookup({
  restarted: { step: 'restart', past: true }, rebooted: { step: 'restart', past: true }, 'power-cycled': { step: 'restart', past: true }, 're-started': { step: 'restart', past: true },
  restart: { step: 'restart', past: false }, reboot: { step: 'restart', past: false }, restarting: { step: 'restart', past: false }, rebooting: { step: 'restart', past: false },
  cleared: { step: 'clear-cache', past: true, needs: CACHE_NOUNS }, deleted: { step: 'clear-cache', past: true, needs: CACHE_NOUNS }, emptied: { step: 'clear-cache', past: true, needs: CACHE_NOUNS },
  clear: { step: 'clear-cache', past: false, needs: CACHE_NOUNS }, clearing: { step: 'clear-cache', past: false, needs: CACHE_NOUNS }, delete: { step: 'clear-cache', past: false, needs: CACHE_NOUNS }, empty: { step: 'clear-cache', past: false, needs: CACHE_NOUNS },
  reinstalled: { step: 'reinstall', past: true }, 're-installed': { step: 'reinstall', past: true }, uninstalled: { step: 'reinstall', past: true },
  reinstall: { step: 'reinstall', past: false }, 're-install': { step: 'reinstall', past: false }, reinstalling: { step: 'reinstall', past: false }, uninstall: { step: 'reinstall', past: false }, uninstalling: { step: 'reinstall', past: false },
  updated: { step: 'update', past: true, needs: DRIVER_NOUNS }, upgraded: { step: 'update', past: true, needs: DRIVER_NOUNS },
  update: { step: 'update', past: false, needs: DRIVER_NOUNS }, updating: { step: 'update', past: false, needs: DRIVER_NOUNS },
  reset: { step: 'reset-password', past: true, needs: PASSWORD_NOUNS }, changed: { step: 'reset-password', past: true, needs: PASSWORD_NOUNS },
  resetting: { step: 'reset-password', past: false, needs: PASSWORD_NOUNS }, change: { step: 'reset-password', past: false, needs: PASSWORD_NOUNS },
  unplugged: { step: 'unplug', past: true }, replugged: { step: 'unplug', past: true }, reseated: { step: 'unplug', past: true }, reconnected: { step: 'unplug', past: true, needs: CABLE_NOUNS },
  unplug: { step: 'unplug', past: false }, unplugging: { step: 'unplug', past: false }, reseat: { step: 'unplug', past: false }, reseating: { step: 'unplug', past: false },
  checked: { step: 'check-spam', past: true, needs: SPAM_NOUNS }, looked: { step: 'check-spam', past: true, needs: SPAM_NOUNS }, searched: { step: 'check-spam', past: true, needs: SPAM_NOUNS },
  check: { step: 'check-spam', past: false, needs: SPAM_NOUNS }, checking: { step: 'check-spam', past: false, needs: SPAM_NOUNS }, look: { step: 'check-spam', past: false, needs: SPAM_NOUNS },
});
/** "logged out and back in", "signed out and in again" */
const LOG_VERBS_PAST = new Set(['logged', 'signed']);
const LOG_VERBS = new Set(['log', 'sign', 'logging', 'signing']);
/** "turned it off and on", "switched it off and back on" */
const TURN_VERBS_PAST = new Set(['turned', 'switched', 'powered']);
const TURN_VERBS = new Set(['turn', 'switch', 'power', 'turning', 'switching', 'powering']);
/** "tried another browser", "used incognito" */
const TRY_PAST = new Set(['tried', 'used', 'tested', 'done', 'did']);
const TRY_BASE = new Set(['try', 'use', 'trying', 'using', 'test']);

/** What a step was done to, from the noun after the verb. */
const STEP_OBJECTS: Readonly<Record<string, string>> = lookup({
  router: 'network', modem: 'network', wifi: 'network', 'wi-fi': 'network', hub: 'network', internet: 'network', network: 'network', ont: 'network', box: 'network', access: 'network',
  computer: 'computer', laptop: 'computer', pc: 'computer', desktop: 'computer', machine: 'computer', mac: 'computer', macbook: 'computer', system: 'computer', workstation: 'computer',
  phone: 'phone', iphone: 'phone', mobile: 'phone', tablet: 'phone', ipad: 'phone', device: 'device',
  printer: 'printer', scanner: 'printer',
  app: 'app', application: 'app', program: 'app', software: 'app', outlook: 'app', teams: 'app', zoom: 'app', browser: 'app', chrome: 'app', firefox: 'app', safari: 'app', edge: 'app', excel: 'app', word: 'app', client: 'app',
  monitor: 'monitor', screen: 'monitor', dock: 'dock', docking: 'dock', headset: 'headset',
  windows: 'computer', macos: 'computer', ios: 'phone', android: 'phone', driver: 'driver', drivers: 'driver', firmware: 'firmware',
});

const STEP_LABELS: Readonly<Record<string, string>> = lookup({
  restart: 'restarted', 'clear-cache': 'cleared the cache', reinstall: 'reinstalled', update: 'updated', 'reset-password': 'reset the password',
  unplug: 'unplugged and reconnected it', 'check-spam': 'checked the spam folder', 'log-out-in': 'signed out and back in', 'other-browser': 'tried another browser',
  'other-device': 'tried another device',
});

export function stepLabel(step: string): string {
  return STEP_LABELS[step] ?? step;
}

// ---------------------------------------------------------------------------
// Customer side

const cache = new WeakMap<Doc, Fact[]>();

/** The facts a customer message gives. Cached per Doc. */
export function extractFacts(doc: Doc, message: number): Fact[] {
  const hit = cache.get(doc);
  if (hit) return hit.map((f) => (f.message === message ? f : { ...f, message }));
  const facts: Fact[] = [];
  const add = (kind: FactKind, value: string, key: string, start: number, end: number, object?: string, label?: string): void => {
    const same = facts.find((x) => x.kind === kind && x.start === start && x.end === end);
    if (same) {
      if (label && !same.label) same.label = label;
      return;
    }
    const f: Fact = { kind, value, key, message, start, end };
    if (object) f.object = object;
    if (label) f.label = label;
    facts.push(f);
  };
  const { tokens, text } = doc;

  // Pasted logs and code: the customer gave the error output.
  for (const b of doc.blocks) {
    if (b.kind !== 'code' && b.kind !== 'log') continue;
    const firstLine = firstNonEmptyLine(text, b.start, b.end);
    if (firstLine) add('error', firstLine.text, 'pasted', firstLine.start, firstLine.end);
  }
  for (const o of doc.opaque) if (o.kind === 'email') add('email', text.slice(o.start, o.end), '', o.start, o.end);

  for (const s of doc.sentences) {
    const end = s.last;
    // Quoted words in a sentence about an error: the error message itself.
    let hasErrorWord = false;
    for (let k = s.first; k < end; k++) if (ERROR_CONTEXT.has(tokens[k]!.norm) && !tokens[k]!.quoted) { hasErrorWord = true; break; }
    if (hasErrorWord) {
      for (const q of doc.quotes) {
        if (q.start >= s.start && q.end <= s.end && q.end - q.start >= 3) add('error', text.slice(q.start, q.end), 'message', q.start, q.end);
      }
    }
    for (let k = s.first; k < end; k++) {
      const t = tokens[k]!;
      if (t.kind === 'opaque') {
        // "The registered URI is https://…", "the endpoint: /v2/builds": a link, path or code the customer named.
        if (t.opaque === 'url' || t.opaque === 'path' || t.opaque === 'code') {
          const label = labelBefore(tokens, k, s);
          if (label) add(labelKind(label), t.text, '', t.start, t.end, undefined, label);
        }
        continue;
      }
      const n = t.norm;
      // "error: Access denied", "it says Access denied", "the screen says no signal"
      if ((n === 'says' || n === 'saying' || n === 'reads' || n === 'error' || n === 'message') && !t.quoted && !s.question) {
        const colon = tokens[k + 1]?.text === ':';
        const prev = tokens[k - 1];
        const speakerOk = n === 'error' || n === 'message' ? colon : !(prev && (SPEAKERS.has(prev.norm) && prev.norm !== 'it' ? true : false));
        const itSays = (n === 'says' || n === 'saying' || n === 'reads') && prev && ['it', 'screen', 'error', 'message', 'popup', 'box', 'window', 'prompt', 'this', 'that', 'which', 'warning', 'notification', 'banner', 'page', 'display', 'printer', 'app', 'outlook', 'teams', 'light', 'thing', 'computer', 'laptop', 'phone'].includes(prev.norm);
        if (speakerOk && (colon || itSays)) {
          let a = k + 1 + (colon ? 1 : 0);
          if (tokens[a]?.text === '"' || tokens[a]?.text === '\u201c' || tokens[a]?.text === "'") a++;
          if (tokens[a]?.norm === 'that') a++;
          if (tokens[a]?.quoted) a = end; // the quotation itself was taken above
          let b = a;
          while (b < end && b - a < 14 && !(tokens[b]!.kind === 'punct' && /^[.!?;]+$/.test(tokens[b]!.text) && !tokens[b]!.quoted)) b++;
          if (b - a >= 2 && !facts.some((f) => f.kind === 'error' && f.start <= tokens[a]!.start && f.end >= tokens[b - 1]!.start)) {
            add('error', trimEndOf(text.slice(tokens[a]!.start, tokens[b - 1]!.end), '"\u201d\''), 'message', tokens[a]!.start, tokens[b - 1]!.end);
          }
        }
      }
      // Identifiers: order/ticket/invoice/account numbers and error codes.
      // Any other identifier the customer names with a noun of their own: "project ID prj_8f3k2",
      // "flight BA1442", "card ending 4410", "the server is db-fra-04".
      if (isIdLike(t)) {
        const kind = idKind(tokens, k, s);
        const label = labelBefore(tokens, k, s);
        if (kind) add(kind, kind === 'error' ? t.text : idValue(tokens, k), '', t.start, t.end, undefined, label);
        else if (label && !isYear(t)) add(labelKind(label), idValue(tokens, k), '', t.start, t.end, undefined, label);
      } else if (isValueLike(t)) {
        const label = labelBefore(tokens, k, s);
        if (label) add(labelKind(label), t.text, '', t.start, t.end, undefined, label);
      }
      // "my router is the Hub 4", "model is Ring Video Doorbell 4": a named thing.
      if ((n === 'is' || t.text === ':') && !t.quoted && !s.question && k > s.first) {
        const named = namedValue(tokens, k, end);
        const label = named && labelWord(tokens[k - 1]!);
        if (named && label && (ID_NOUNS[label] || LABEL_KINDS[label] || DETERMINERS.has(tokens[k - 2]?.norm ?? '')) && !facts.some((f) => f.start <= named.start && f.end >= named.end)) {
          add(labelKind(label), text.slice(named.start, named.end), '', named.start, named.end, undefined, label);
        }
      }
      // "£1,240 taken twice", "$50", "30 pounds"
      if (t.kind === 'num' && !t.text.includes(':') && !t.text.includes('/')) {
        const prev = k > s.first ? tokens[k - 1] : undefined;
        const next = k + 1 < end ? tokens[k + 1] : undefined;
        if (prev && CURRENCY_SIGNS.has(prev.text)) add('amount', text.slice(prev.start, t.end), '', prev.start, t.end);
        else if (next && CURRENCY_WORDS.has(next.norm)) add('amount', text.slice(t.start, next.end), '', t.start, next.end);
      }
      // Operating system (and its version), browser, device, model, app.
      const os = OS_WORDS[n];
      if (os && osGate(tokens, k, text)) {
        const v = versionAfter(tokens, k, end);
        const value = v ? `${t.text} ${v.text}` : t.text;
        add('os', value, os, t.start, v ? v.end : t.end);
        if (v) add('version', value, os, t.start, v.end);
      }
      const br = BROWSERS[n];
      if (br && (!GATED_BROWSERS.has(n) || gated(tokens, k, text)) && !(n === 'chrome' && tokens[k + 1]?.norm === 'os') && !(n === 'explorer' && tokens[k - 1]?.norm !== 'internet')) {
        add('browser', br, n === 'explorer' ? 'ie' : n, t.start, t.end);
      }
      const dev = DEVICE_WORDS[n];
      if (dev && !(n === 'mac' && tokens[k + 1]?.norm === 'address') && !(n === 'cell' && tokens[k + 1]?.norm !== 'phone') && !(n === 'surface' && !/^S/.test(t.text)) && !(n === 'tower' && !tokens[k - 1]?.norm.match(/^(my|the|pc|computer|a)$/))) {
        add('device', t.text, dev, t.start, t.end);
      }
      if (((BRANDS.has(n) && (!GATED_BRANDS.has(n) || /^[A-Z]/.test(t.text))) || MODEL_WORDS.has(n)) && !facts.some((f) => f.kind === 'model' && f.start < t.start && f.end >= t.end)) {
        const next = tokens[k + 1];
        const model = next && k + 1 < end && (next.kind === 'num' || (next.kind === 'word' && /\d/.test(next.text)) || MODEL_WORDS.has(next.norm) || (BRANDS.has(n) && next.caps === true && /\d/.test(tokens[k + 2]?.text ?? '')));
        if (model || (MODEL_WORDS.has(n) && n !== 'surface' && n !== 'galaxy' && n !== 'pixel' && n !== 'envy' && n !== 'yoga' && n !== 'aspire' && n !== 'workforce')) {
          let b = k + 1;
          while (b < end && b < k + 4 && (tokens[b]!.kind === 'num' || /\d/.test(tokens[b]!.text) || (tokens[b]!.caps === true && b === k + 1) || MODEL_WORDS.has(tokens[b]!.norm) || ['pro', 'air', 'max', 'plus', 'mini', 'ultra', 'laptop', 'go'].includes(tokens[b]!.norm))) b++;
          add('model', text.slice(t.start, tokens[b - 1]!.end), n, t.start, tokens[b - 1]!.end);
        }
      }
      const app = APPS[n];
      if (app && (!GATED_APPS.has(n) || (/^[A-Z]/.test(t.text) && (k > s.contentFirst || USING_CUES.has(tokens[k + 1]?.norm ?? '') || tokens[k + 1]?.kind === 'punct')))) {
        add('app', app, n, t.start, t.end);
        const v = versionAfter(tokens, k, end);
        if (v) add('version', `${app} ${v.text}`, n, t.start, v.end);
      }
      // "version 3.2", "v3.2", "build 22631", "updated to 5.1"
      if ((n === 'version' || n === 'build' || n === 'ver' || n === 'release') && tokens[k + 1] && k + 1 < end && isVersionToken(tokens[k + 1]!, true)) {
        const product = productBefore(tokens, k, s);
        add('version', `${t.text} ${tokens[k + 1]!.text}`, product, t.start, tokens[k + 1]!.end);
      } else if (t.kind === 'word' && /^v\d+(\.\d+)+[a-z]?$/i.test(t.text)) {
        add('version', t.text, productBefore(tokens, k, s), t.start, t.end);
      } else if (t.kind === 'num' && /^\d+\.\d+(\.\d+)*$/.test(t.text) && !facts.some((f) => f.kind === 'version' && f.end >= t.end && f.start <= t.start)) {
        const prev = tokens[k - 1];
        if (prev && (APPS[prev.norm] || OS_WORDS[prev.norm] || BROWSERS[prev.norm] || prev.norm === 'to' || prev.norm === 'on')) {
          const product = productBefore(tokens, k, s);
          if (product || ((prev.norm === 'to' || prev.norm === 'on') && (t.text.split('.').length !== 3 || looksLikeVersion(t.text)))) add('version', t.text, product, t.start, t.end);
        } else if (prev && k - 1 >= s.first && prev.kind === 'word' && (TECH_PRODUCTS.has(prev.norm) || (prev.caps === true && prev.text.length <= 6 && !CURRENCY_WORDS.has(prev.norm)))) {
          // "python SDK 2.8", "firmware 1.4.2", "PHP 8.1"
          add('version', `${prev.text} ${t.text}`, prev.norm, prev.start, t.end);
        } else if (looksLikeVersion(t.text) && !(prev && k - 1 >= s.first && CURRENCY_SIGNS.has(prev.text))) {
          // "2.7.3, worked fine there": three-part numbers are versions, not amounts or dates.
          add('version', t.text, '', t.start, t.end);
        }
      }
      // "screenshot attached", "I've attached a photo of the error"
      if ((n === 'screenshot' || n === 'screenshots' || n === 'screengrab' || n === 'photo' || n === 'picture' || n === 'pic' || n === 'image' || n === 'capture') && !s.question && !doc.negated[k]) {
        if (hasAny(tokens, s.first, end, ['attached', 'attach', 'attaching', 'attachment', 'enclosed', 'included', 'sent', 'sending', 'here', "here's", 'uploaded', 'below', 'added', 'pasted'])) add('screenshot', t.text, '', t.start, t.end);
      }
    }
    stepsInSentence(doc, s, true, (step, object, a, b) => add('tried', text.slice(a, b), step, a, b, object));
    if (!s.question) scopeInSentence(doc, s, (nouns, a, b) => add('scope', text.slice(a, b), '', a, b, nouns));
    personalFacts(doc, s, add);
  }
  cache.set(doc, facts);
  return facts;
}

const INTRO = new Set(["it's", 'its', 'name', 'this', "i'm", 'son', 'daughter', 'called', 'mum', 'dad', 'husband', 'wife', 'student', 'pupil', 'child']);
const STREET = new Set(['rd', 'road', 'street', 'st', 'ave', 'avenue', 'lane', 'ln', 'close', 'drive', 'dr', 'way', 'crescent', 'court', 'place', 'terrace', 'grove', 'gardens', 'park', 'square', 'hill', 'row', 'mews', 'walk']);
const TLDS = new Set(['com', 'uk', 'org', 'net', 'io', 'dev', 'app', 'shop', 'store', 'biz', 'info', 'eu', 'de', 'fr', 'ie', 'au', 'ca', 'us', 'nz', 'co']);

/** Name, date of birth, school year, room, street address, phone number, domain, username. */
function personalFacts(doc: Doc, s: Sentence, add: (kind: FactKind, value: string, key: string, start: number, end: number) => void): void {
  const { tokens, text } = doc;
  const end = s.last;
  for (let k = s.first; k < end; k++) {
    const t = tokens[k]!;
    const n = t.norm;
    if (t.quoted || t.kind === 'opaque') continue;
    // "it's Jean Morris", "my son Ethan Clarke", "my name is Ana Silva"
    if (INTRO.has(n) || (n === 'is' && tokens[k - 1]?.norm === 'name')) {
      let a = k + 1;
      if (tokens[a]?.norm === 'is') a++;
      const first = tokens[a];
      const second = tokens[a + 1];
      if (first && second && a + 1 < end && /^\p{Lu}\p{Ll}+$/u.test(first.text) && /^\p{Lu}\p{Ll}+$/u.test(second.text) && !['Year', 'Room', 'Windows', 'Microsoft', 'The'].includes(first.text)) {
        add('name', `${first.text} ${second.text}`, '', first.start, second.end);
      }
    }
    // "DOB 03/09/1951", "date of birth is 12/04/1968", "born 3 May 1951"
    if (n === 'dob' || n === 'd.o.b.' || (n === 'birth' && tokens[k - 1]?.norm === 'of') || n === 'born') {
      for (let j = k + 1; j < end && j <= k + 4; j++) {
        const d = tokens[j]!;
        if (d.kind === 'num' && (d.text.includes('/') || d.text.includes('-') || /^(19|20)\d\d$/.test(d.text))) { add('dob', d.text, '', d.start, d.end); break; }
      }
    }
    // "I'm in Year 10", "Year 8, tutor group 8M", "grade 5"
    if ((n === 'year' || n === 'grade' || n === 'yr') && /^[A-Z]/.test(t.text) && tokens[k + 1]?.kind === 'num' && tokens[k + 1]!.text.length <= 2) {
      add('year', `${t.text} ${tokens[k + 1]!.text}`, '', t.start, tokens[k + 1]!.end);
    }
    // "room 4B", "in E4"
    if (n === 'room' && tokens[k + 1] && k + 1 < end && /\d/.test(tokens[k + 1]!.text) && tokens[k + 1]!.text.length <= 6) {
      add('room', tokens[k + 1]!.text, '', tokens[k + 1]!.start, tokens[k + 1]!.end);
    }
    // "41 Elm Rd", "12 Station Road"
    if (t.kind === 'num' && t.text.length <= 4 && /^\d+[a-zA-Z]?$/.test(t.text)) {
      const w1 = tokens[k + 1];
      const w2 = tokens[k + 2];
      if (w1 && w2 && k + 2 < end && /^\p{Lu}/u.test(w1.text) && STREET.has(w2.norm.replace(/\.$/, ''))) add('address', text.slice(t.start, w2.end), '', t.start, w2.end);
    }
    // "020 7946 0321", "+44 7700 900123": runs of digit groups
    if (t.kind === 'num' && (t.text.startsWith('0') || tokens[k - 1]?.text === '+') && !t.text.includes('/') && !t.text.includes('.')) {
      let j = k;
      let digits = 0;
      while (j < end && tokens[j]!.kind === 'num' && /^\d+$/.test(tokens[j]!.text) && (j === k || tokens[j]!.start - tokens[j - 1]!.end <= 1)) { digits += tokens[j]!.text.length; j++; }
      if (digits >= 10 && digits <= 13) { add('phone', text.slice(t.start, tokens[j - 1]!.end), '', t.start, tokens[j - 1]!.end); k = j - 1; continue; }
    }
    // "bakerandrye.co.uk": letters joined by dots, ending in a known top-level domain
    if (t.kind === 'word' && (k === s.first || tokens[k - 1]!.end < t.start)) {
      let e = t.start;
      while (e < s.end && e - t.start < 100 && /[A-Za-z0-9.-]/.test(text.charAt(e))) e++;
      while (e > t.start && text.charAt(e - 1) === '.') e--;
      const host = text.slice(t.start, e).toLowerCase();
      const parts = host.split('.');
      if (parts.length >= 2 && parts.every((x) => x.length > 0) && TLDS.has(parts[parts.length - 1]!) && /[a-z]/.test(parts[0]!) && !/^\d/.test(host)) {
        add('domain', text.slice(t.start, e), '', t.start, e);
        while (k + 1 < end && tokens[k + 1]!.start < e) k++;
        continue;
      }
    }
    // "my login is 22aking", "username: jsmith4"
    if ((n === 'login' || n === 'username' || n === 'user' || n === 'userid') && k + 2 < end) {
      let j = k + 1;
      if (tokens[j]?.norm === 'name' || tokens[j]?.norm === 'id') j++;
      if (tokens[j]?.norm === 'is' || tokens[j]?.text === ':') j++;
      const u = tokens[j];
      if (u && j < end && j > k + 1 && (u.kind === 'word' || u.kind === 'num') && u.text.length >= 3) add('username', u.text, '', u.start, u.end);
    }
  }
}

/** Words that say where a problem does or does not happen: "other", "all", "every"… */
export const SCOPE_WORDS = new Set(['other', 'another', 'different', 'all', 'every', 'both']);
const SCOPE_SKIP = new Set(['the', 'of', 'my', 'our', 'your', 'those', 'these', 'its', 'their', 'other']);
/** A statement about how things behave: "open fine", "same thing", "also affected". */
const STATE_WORDS = new Set([
  'fine', 'ok', 'okay', 'work', 'works', 'working', 'worked', 'open', 'opens', 'opened', 'load', 'loads', 'print', 'prints', 'same', 'too', 'also', 'either', 'affected',
  'unaffected', 'normal', 'normally', 'good', 'perfectly', 'crash', 'crashes', 'fail', 'fails', 'failing', 'happens', 'happening', 'happened', 'drop', 'drops', 'connect',
  'connects', 'sync', 'syncs', 'behave', 'behaves', 'issue', 'problem', 'problems', 'trouble',
]);

/** The nouns after a scope word ("other macro files" gives "macro|file"), each singular. */
export function scopeNouns(tokens: Token[], k: number, end: number): string[] {
  const out: string[] = [];
  for (let j = k + 1; j < end && j <= k + 4 && out.length < 2; j++) {
    const t = tokens[j]!;
    if (SCOPE_SKIP.has(t.norm)) continue;
    if (t.kind === 'punct' || STATE_WORDS.has(t.norm)) break;
    const w = labelWord(t);
    if (!w) break;
    out.push(w);
  }
  return out;
}

function scopeInSentence(doc: Doc, s: Sentence, add: (nouns: string, start: number, end: number) => void): void {
  const { tokens } = doc;
  let state = false;
  for (let k = s.first; k < s.last; k++) if (STATE_WORDS.has(tokens[k]!.norm)) state = true;
  if (!state) return;
  for (let k = s.first; k < s.last; k++) {
    const t = tokens[k]!;
    if (!SCOPE_WORDS.has(t.norm) || t.quoted) continue;
    const nouns = scopeNouns(tokens, k, s.last);
    if (nouns.length === 0) continue;
    add(nouns.join('|'), t.start, tokens[Math.min(s.last - 1, k + nouns.length)]!.end);
  }
}

function firstNonEmptyLine(text: string, start: number, end: number): { text: string; start: number; end: number } | undefined {
  let a = start;
  while (a < end) {
    let b = text.indexOf('\n', a);
    if (b === -1 || b > end) b = end;
    const line = text.slice(a, b);
    const trimmed = line.trim();
    if (trimmed && !/^(```|~~~)/.test(trimmed)) {
      const off = a + line.indexOf(trimmed);
      const cut = Math.min(trimmed.length, 120);
      return { text: trimmed.slice(0, cut), start: off, end: off + cut };
    }
    a = b + 1;
  }
  return undefined;
}

export function isIdLike(t: Token): boolean {
  if (t.kind === 'num') return /^\d{3,}$/.test(t.text.replace(/[-]/g, '')) && !t.text.includes('.') && !t.text.includes(':') && !t.text.includes('/') && !t.text.includes(',');
  if (t.kind !== 'word' || t.text.length < 4 || t.text.length > 24) return false;
  let digits = 0;
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 3) return false;
  if (t.text.includes('.')) return false;
  return true;
}

function idKind(tokens: Token[], k: number, s: Sentence): FactKind | undefined {
  const t = tokens[k]!;
  // Years, times and amounts are not identifiers.
  if (t.kind === 'num' && /^(19|20)\d\d$/.test(t.text)) {
    const prev = tokens[k - 1]?.norm;
    if (!prev || !['#', 'order', 'ticket', 'error', 'code', 'invoice', 'case', 'number', 'no', 'no.'].includes(prev)) return undefined;
  }
  const prevTok = tokens[k - 1];
  if (prevTok && k - 1 >= s.first && ['$', '£', '€', 'usd', 'eur', 'gbp'].includes(prevTok.norm)) return undefined;
  const lower = t.norm;
  for (const [p, kind] of ID_PREFIXES) if (lower.startsWith(p) && /\d/.test(lower.charAt(p.length) === '-' ? lower.charAt(p.length + 1) : lower.charAt(p.length))) return kind;
  // Look back over fillers for the noun that names it.
  let j = k - 1;
  let hops = 0;
  while (j >= s.first && hops < 5) {
    const n = tokens[j]!.norm;
    const kind = ID_NOUNS[n];
    if (kind) return kind;
    if (!ID_FILLERS.has(n)) break;
    j--;
    hops++;
  }
  // "404 error", "0x80070005 code", "12345 order"
  const next = tokens[k + 1];
  if (next && next.kind === 'word' && k + 1 < s.last) {
    const kind = ID_NOUNS[next.norm];
    if (kind === 'error' || kind === 'order' || kind === 'invoice' || kind === 'ticket') return kind;
  }
  if (prevTok && prevTok.text === '#' && k - 1 >= s.first) return 'reference';
  return undefined;
}

function idValue(tokens: Token[], k: number): string {
  const prev = tokens[k - 1];
  return prev && prev.text === '#' ? `#${tokens[k]!.text}` : tokens[k]!.text;
}

// --- Values the customer names with their own noun ---------------------------------

/** Words between a noun and its value: "card ending 4410", "project ID: prj_8f3k2", "server is db-fra-04". */
const LABEL_FILLERS = new Set(['number', 'no', 'no.', 'nr', 'num', '#', 'id', 'is', 'was', ':', '=', 'the', 'my', 'our', 'a', 'an', '-', '(', 'ending', 'ends', 'ref', 'reference', 'code']);
/** Words that are never the noun naming a value. */
const LABEL_STOP = new Set([
  'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'she', 'it', 'its', 'they', 'them', 'their', 'this', 'that', 'these', 'those', 'there', 'here',
  'is', 'are', 'was', 'were', 'be', 'been', 'am', 'have', 'has', 'had', 'do', 'does', 'did', 'done', 'get', 'gets', 'got', 'see', 'sees', 'saw', 'say', 'says', 'said',
  'show', 'shows', 'read', 'reads', 'give', 'gives', 'gave', 'take', 'takes', 'took', 'pay', 'paid', 'cost', 'costs', 'call', 'calls', 'dial', 'make', 'made', 'put', 'set', 'run', 'ran',
  'at', 'on', 'in', 'to', 'from', 'for', 'by', 'with', 'about', 'around', 'since', 'until', 'till', 'after', 'before', 'than', 'over', 'under', 'into', 'onto', 'of', 'off',
  'via', 'through', 'across', 'between', 'without', 'within', 'and', 'or', 'but', 'so', 'then', 'just', 'only', 'still', 'also', 'even', 'now', 'today', 'yesterday',
  'tomorrow', 'last', 'next', 'every', 'each', 'per', 'all', 'some', 'any', 'no', 'not', 'yes', 'ok', 'okay', 'hi', 'hello', 'hey', 'thanks', 'thank', 'please', 'like',
  'what', 'which', 'who', 'when', 'where', 'why', 'how', 'nearly', 'almost', 'roughly', 'approximately', 'up', 'down', 'out', 'again', 'twice', 'times', 'time',
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours', 'minute', 'minutes', 'second', 'seconds', 'pm', 'ago', 'use', 'new', 'old',
  'same', 'other', 'another', 'more', 'most', 'less', 'many', 'much', 'few', 'very', 'really', 'one', 'two', 'three', 'first', 'total', 'line', 'lines',
  'gb', 'mb', 'kb', 'tb', 'ms', 'kbps', 'mbps', 'percent', 'x', 'v', 'version', 'build', 'release', 'error', 'errors', 'message', 'status', 'code', 'exception', 'because', 'if',
]);
/** A named value is one of these kinds when its noun says so. */
const LABEL_KINDS: Readonly<Record<string, FactKind>> = lookup({
  model: 'model', room: 'room', username: 'username', login: 'username', domain: 'domain', website: 'domain', site: 'domain', url: 'domain',
});
const DETERMINERS = new Set(['my', 'our', 'the', 'his', 'her', 'their']);
const CURRENCY_SIGNS = new Set(['$', '£', '€', '¥', '₹']);
const CURRENCY_WORDS = new Set(['dollars', 'dollar', 'pounds', 'pound', 'euros', 'euro', 'quid', 'bucks', 'usd', 'gbp', 'eur', 'aud', 'cad', 'nzd', 'chf']);
/** Names of software a version number may follow without being a known app: "python SDK 2.8", "firmware 1.4.2". */
const TECH_PRODUCTS = new Set([
  'sdk', 'api', 'python', 'node', 'nodejs', 'java', 'php', 'ruby', 'golang', 'rust', 'firmware', 'kernel', 'driver', 'plugin', 'library', 'package', 'cli', 'agent',
  'client', 'server', 'bios', 'postgres', 'postgresql', 'mysql', 'redis', 'nginx', 'apache', 'docker', 'kubernetes', 'terraform', 'helm', 'wordpress', 'django',
  'rails', 'react', 'angular', 'vue', 'npm', 'pip', 'openssl', 'openssh', 'tls', 'jdk', 'dotnet', 'unity', 'app', 'module', 'extension',
]);

export function isYear(t: Token): boolean {
  return t.kind === 'num' && /^(19|20)\d\d$/.test(t.text);
}

/** A word joining letters and digits with a dash or underscore: "db-fra-04", "web_01", "eu-west-2". */
export function isValueLike(t: Token): boolean {
  if (t.kind !== 'word' || t.text.length < 4 || t.text.length > 40) return false;
  if (!/[0-9]/.test(t.text) || !/[a-z]/i.test(t.text)) return false;
  return t.text.includes('-') || t.text.includes('_') || /[a-z][0-9]|[0-9][a-z]/i.test(t.text);
}

/** A word that can name a value, in singular; undefined for function words, verbs and the like. */
export function labelWord(t: Token | undefined): string | undefined {
  if (!t || t.kind !== 'word' || t.quoted) return undefined;
  const n = t.norm;
  if (n.length < 2 || n.length > 24 || !/^[a-z][a-z0-9-]*$/.test(n) || LABEL_STOP.has(n)) return undefined;
  if (/(ed|ing|ly)$/.test(n) && !ID_NOUNS[n]) return undefined;
  return n.length > 3 && n.endsWith('s') && !n.endsWith('ss') && !n.endsWith('us') ? n.slice(0, -1) : n;
}

/** The noun that names the value at k ("project ID prj_…" gives "project"), looking back over a few fillers. */
function labelBefore(tokens: Token[], k: number, s: Sentence): string | undefined {
  let j = k - 1;
  let hops = 0;
  while (j >= s.first && hops < 4) {
    const t = tokens[j]!;
    if (t.quoted) return undefined;
    if (LABEL_FILLERS.has(t.norm) || (t.norm === 'in' && (tokens[j - 1]?.norm === 'ending' || tokens[j - 1]?.norm === 'ends'))) { j--; hops++; continue; }
    return labelWord(t);
  }
  return undefined;
}

function labelKind(label: string): FactKind {
  return ID_NOUNS[label] ?? LABEL_KINDS[label] ?? 'labelled';
}

/** After "is" or ":", a run of capitalised words and numbers naming a thing: "the Hub 4", "Ring Video Doorbell 4". */
function namedValue(tokens: Token[], k: number, end: number): { start: number; end: number } | undefined {
  let a = k + 1;
  if (a < end && ['the', 'a', 'an'].includes(tokens[a]!.norm)) a++;
  let b = a;
  let strong = false;
  while (b < end && b < a + 5) {
    const t = tokens[b]!;
    if (t.quoted || t.kind === 'punct' || t.kind === 'opaque') break;
    if (t.kind === 'num' || /^\p{Lu}/u.test(t.text) || (b > a && /\d/.test(t.text))) {
      if (t.kind === 'num' || /\d/.test(t.text) || b > a || t.caps) strong = true;
      b++;
      continue;
    }
    if (b > a && ['gen', 'pro', 'plus', 'max', 'mini', 'air'].includes(t.norm)) { b++; continue; }
    break;
  }
  if (b === a || !strong || !/^[\p{Lu}0-9]/u.test(tokens[a]!.text)) return undefined;
  return { start: tokens[a]!.start, end: tokens[b - 1]!.end };
}

/** "2.7.3" is a version; "12.03.24" (a date) and "10.0.0.1" (an address) are not. */
function looksLikeVersion(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 3 || parts.some((p) => p.length === 0 || p.length > 3)) return false;
  const [a, b, c] = parts.map(Number) as [number, number, number];
  return !(parts[2]!.length === 2 && a >= 1 && a <= 31 && b >= 1 && b <= 12 && c >= 0);
}

function osGate(tokens: Token[], k: number, text: string): boolean {
  const t = tokens[k]!;
  const n = t.norm;
  if (n === 'windows') {
    const next = tokens[k + 1];
    if (next && (next.kind === 'num' || ['xp', 'vista', 'pro', 'home', 'update', 'updates', 'laptop', 'pc', 'machine', 'computer', 'version', 'os', 'settings', 'defender', 'explorer', 'hello', 'key'].includes(next.norm))) return true;
    return /^W/.test(t.text) || gated(tokens, k, text);
  }
  if (n === 'mac') return tokens[k + 1]?.norm !== 'address' && gated(tokens, k, text);
  if (n === 'mint') return /^M/.test(t.text) && tokens[k - 1]?.norm === 'linux';
  if (n === 'yoga' || n === 'monterey' || n === 'catalina' || n === 'sonoma' || n === 'ventura' || n === 'sequoia' || n === 'mojave') return /^[A-Z]/.test(t.text) && (tokens[k - 1]?.norm === 'macos' || tokens[k - 1]?.norm === 'on' || tokens[k - 1]?.norm === 'to');
  return true;
}

/** A capital letter, or a cue before it ("using edge", "on mac"). */
function gated(tokens: Token[], k: number, text: string): boolean {
  const t = tokens[k]!;
  void text;
  if (/^[A-Z]/.test(t.text)) return true;
  return USING_CUES.has(tokens[k - 1]?.norm ?? '') && tokens[k - 1]?.norm !== 'the' && tokens[k - 1]?.norm !== 'my';
}

function isVersionToken(t: Token, loose: boolean): boolean {
  if (t.kind === 'num') return loose ? /^\d+(\.\d+)*$/.test(t.text) : /^\d+(\.\d+)*$/.test(t.text) && t.text.length <= 8;
  if (t.kind === 'word') return /^v?\d+(\.\d+)*[a-z]?$/i.test(t.text) || (loose && /^(xp|vista|me)$/i.test(t.text));
  return false;
}

function versionAfter(tokens: Token[], k: number, end: number): Token | undefined {
  const next = tokens[k + 1];
  if (!next || k + 1 >= end) return undefined;
  if (isVersionToken(next, false) && !(next.kind === 'num' && next.text.length > 5)) return next;
  if (/^(xp|vista)$/i.test(next.text)) return next;
  return undefined;
}

/** The product a version number belongs to: the nearest OS, app or browser word before it. */
function productBefore(tokens: Token[], k: number, s: Sentence): string {
  for (let j = k - 1; j >= s.first && j >= k - 4; j--) {
    const n = tokens[j]!.norm;
    if (OS_WORDS[n]) return OS_WORDS[n]!;
    if (APPS[n]) return n;
    if (BROWSERS[n]) return n;
  }
  // "version 3.2 of Outlook"
  for (let j = k + 1; j < s.last && j <= k + 4; j++) {
    const n = tokens[j]!.norm;
    if (OS_WORDS[n]) return OS_WORDS[n]!;
    if (APPS[n]) return n;
    if (BROWSERS[n]) return n;
  }
  return '';
}

function hasAny(tokens: Token[], a: number, b: number, words: string[]): boolean {
  for (let k = a; k < b; k++) if (words.includes(tokens[k]!.norm)) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Steps, both sides

/** Words that, before a step verb, mean it did not happen or has not yet. */
const NOT_DONE = new Set(['will', "i'll", "we'll", 'going', 'gonna', 'should', 'shall', 'could', 'can', 'may', 'might', 'want', 'need', 'how', 'if', 'whether', 'before', 'to', 'would', 'about']);

/**
 * Finds steps in one sentence. Customer mode (`past`): steps they report as done
 * ("I restarted it", "rebooting didn't help", "tried another browser"), not
 * negated, not asked, not planned. Agent mode: steps mentioned in any form.
 */
export function stepsInSentence(doc: Doc, s: Sentence, past: boolean, found: (step: string, object: string, start: number, end: number) => void): void {
  const { tokens } = doc;
  const end = s.last;
  if (past && s.question) return;
  const seen = new Set<string>();
  const emit = (step: string, k: number, last: number): void => {
    if (seen.has(step)) return;
    if (past) {
      if (doc.negated[k] || tokens[k]!.quoted) return;
      for (let j = Math.max(s.first, k - 3); j < k; j++) if (NOT_DONE.has(tokens[j]!.norm)) return;
    }
    seen.add(step);
    found(step, objectsAfter(tokens, k, end), tokens[k]!.start, tokens[Math.min(last, end - 1)]!.end);
  };
  for (let k = s.first; k < end; k++) {
    const t = tokens[k]!;
    const n = t.norm;
    // "did a factory reset", "factory-reset the box", "reset it to factory settings"
    if (n === 'factory' && FACTORY_NEXT.has(tokens[k + 1]?.norm ?? '') && k + 1 < end) {
      if (!past || hasBefore(tokens, s.first, k, DID_IT)) emit('factory-reset', k, k + 1);
      continue;
    }
    if (n === 'factory-reset' || n === 'factory-resetted') {
      if (!past || hasBefore(tokens, s.first, k, DID_IT) || n === 'factory-resetted') emit('factory-reset', k, k);
      continue;
    }
    if ((n === 'reset' || n === 'resetting' || n === 'restored' || n === 'restore') && findWithin(tokens, k + 1, Math.min(end, k + 6), FACTORY_WORDS) !== -1) {
      if (!past || n === 'reset' || n === 'restored') emit('factory-reset', k, k + 1);
      continue;
    }
    // "power cycled the router", "power-cycle it"
    if (n === 'power' && POWER_CYCLE.has(tokens[k + 1]?.norm ?? '') && k + 1 < end) {
      if (!past || tokens[k + 1]!.norm === 'cycled') emit('restart', k, k + 2);
      continue;
    }
    // "give the modem a reboot", "did a restart"
    if (n === 'give' || n === 'gave' || n === 'giving') {
      const r = findWithin(tokens, k + 1, Math.min(end, k + 6), RESTART_NOUNS);
      if (r !== -1 && (!past || n === 'gave')) emit('restart', k, r);
    }
    // "forgot the network and rejoined", "forget eduroam and join it again"
    if (FORGET_PAST.has(n) || (!past && FORGET.has(n))) {
      const after = tokens[k + 1]?.norm ?? '';
      const network = findWithin(tokens, k + 1, Math.min(end, k + 5), NETWORK_NOUNS) !== -1 || findWithin(tokens, k + 1, Math.min(end, k + 7), REJOIN_PAST) !== -1;
      if (past ? network : after !== '' && findWithin(tokens, k + 1, Math.min(end, k + 4), NOT_FORGOTTEN) === -1) emit('rejoin', k, k + 2);
      continue;
    }
    if (REJOIN_PAST.has(n) || (!past && REJOIN.has(n))) {
      emit('rejoin', k, k + 2);
      continue;
    }
    const v = STEP_VERBS[n];
    if (v && (v.past === past || !past || isGerundSubject(tokens, k, end, v))) {
      if (v.needs) {
        const hit = findWithin(tokens, k + 1, Math.min(end, k + 6), v.needs);
        if (hit !== -1) emit(v.step, k, hit);
        // "reset the router" is a restart
        else if ((n === 'reset' || n === 'resetting') && findWithin(tokens, k + 1, Math.min(end, k + 4), ROUTER_NOUNS) !== -1) emit('restart', k, k + 2);
      } else emit(v.step, k, k + 1 < end && ['it', 'the', 'my', 'your'].includes(tokens[k + 1]!.norm) ? k + 2 : k);
      continue;
    }
    if (LOG_VERBS_PAST.has(n) || (!past && LOG_VERBS.has(n))) {
      const a = tokens[k + 1]?.norm;
      if ((a === 'out' || a === 'off') && findWithin(tokens, k + 2, Math.min(end, k + 6), new Set(['in', 'on'])) !== -1) emit('log-out-in', k, k + 4);
      continue;
    }
    if (TURN_VERBS_PAST.has(n) || (!past && TURN_VERBS.has(n))) {
      const off = findWithin(tokens, k + 1, Math.min(end, k + 5), new Set(['off']));
      if (off !== -1 && findWithin(tokens, off + 1, Math.min(end, off + 5), new Set(['on'])) !== -1) emit('restart', k, off + 2);
      continue;
    }
    if (TRY_PAST.has(n) || (!past && TRY_BASE.has(n))) {
      const a = findWithin(tokens, k + 1, Math.min(end, k + 4), new Set(['another', 'different', 'other', 'incognito', 'private']));
      if (a !== -1) {
        const what = tokens[a + 1]?.norm ?? '';
        if (BROWSER_NOUNS.has(what) || tokens[a]!.norm === 'incognito' || tokens[a]!.norm === 'private') emit('other-browser', k, a + 1);
        else if (DEVICE_NOUNS.has(what) || ['computer', 'laptop', 'phone', 'device', 'pc'].includes(what)) emit('other-device', k, a + 1);
        else {
          // "a different cable", "another USB port", "a different charger": the same kind of swap on both sides.
          let cls = '';
          for (let j = a + 1; j < end && j <= a + 3 && !cls; j++) cls = OTHER_CLASSES[tokens[j]!.norm] ?? '';
          if (!cls && tokens[a + 1]?.kind === 'word') cls = tokens[a + 1]!.norm.replace(/s$/, '');
          if (cls) emit(`other-${cls}`, k, a + 1);
        }
      }
      // "tried restarting", "did a reboot", "done a restart"
      const nx = tokens[k + 1];
      const nx2 = tokens[k + 2];
      const cand = nx && STEP_VERBS[nx.norm] ? k + 1 : nx && (nx.norm === 'a' || nx.norm === 'the') && nx2 && STEP_VERBS[nx2.norm] ? k + 2 : -1;
      if (cand !== -1 && cand < end) {
        const sv = STEP_VERBS[tokens[cand]!.norm]!;
        if (!sv.needs || findWithin(tokens, cand + 1, Math.min(end, cand + 6), sv.needs) !== -1) emit(sv.step, k, cand + 1);
      }
    }
  }
}

const POWER_CYCLE = new Set(['cycle', 'cycled', 'cycling', 'cycles']);
const RESTART_NOUNS = new Set(['restart', 'reboot', 'power-cycle']);
const FACTORY_NEXT = new Set(['reset', 'resetted', 'restore', 'restored', 'default', 'defaults', 'settings', 'setting', 'wipe', 'wiped']);
const FACTORY_WORDS = new Set(['factory', 'default', 'defaults']);
/** Before "a factory reset": someone did it. */
const DID_IT = new Set(['done', 'did', 'tried', 'performed', 'ran', 'run', 'carried', "i've", "we've", 'i', 'we', 'already', 'have', 'had', 'also', 'and']);
const FORGET_PAST = new Set(['forgot', 'forgotten']);
const FORGET = new Set(['forget', 'forgetting']);
const REJOIN_PAST = new Set(['rejoined', 're-joined', 're-added', 'readded', 're-paired', 'unpaired']);
const REJOIN = new Set(['rejoin', 'rejoining', 're-join', 're-add', 're-pair', 're-pairing', 'unpair', 'unpairing']);
const NETWORK_NOUNS = new Set(['network', 'networks', 'wifi', 'wi-fi', 'connection', 'ssid', 'hotspot', 'device', 'devices', 'bluetooth', 'pairing', 'headphones', 'earbuds', 'speaker']);
/** "forget your password", "forget about it": not forgetting a network. */
const NOT_FORGOTTEN = new Set(['password', 'passwords', 'about', 'to', 'pin', 'passcode', 'login', 'details', 'username', 'code']);
const OTHER_CLASSES: Readonly<Record<string, string>> = lookup({
  cable: 'cable', cables: 'cable', lead: 'cable', cord: 'cable', wire: 'cable', charger: 'charger', adapter: 'charger', adaptor: 'charger', plug: 'charger',
  port: 'port', socket: 'port', outlet: 'port', usb: 'port', network: 'network', wifi: 'network', 'wi-fi': 'network', account: 'account', user: 'account', profile: 'account',
  file: 'file', document: 'file', card: 'card', battery: 'battery', batteries: 'battery', printer: 'printer', monitor: 'monitor', screen: 'monitor',
});

function hasBefore(tokens: Token[], first: number, k: number, words: ReadonlySet<string>): boolean {
  for (let j = Math.max(first, k - 3); j < k; j++) if (words.has(tokens[j]!.norm)) return true;
  return false;
}

const ROUTER_NOUNS = new Set(['router', 'modem', 'hub', 'wifi', 'wi-fi', 'box', 'ont', 'computer', 'laptop', 'pc', 'phone', 'device', 'printer']);

/** "Restarting didn't help", "clearing the cache doesn't work": the gerund as subject of a failure. */
function isGerundSubject(tokens: Token[], k: number, end: number, v: StepVerb): boolean {
  if (!tokens[k]!.norm.endsWith('ing')) return false;
  for (let j = k + 1; j < end && j <= k + 6; j++) {
    const n = tokens[j]!.norm;
    if (["didn't", "doesn't", "hasn't", "won't", "wasn't"].includes(n) || n === 'did' || n === 'does') {
      const nx = tokens[j + 1]?.norm;
      if (["didn't", "doesn't", "hasn't", "won't", "wasn't"].includes(n) || nx === 'not' || nx === 'nothing') return !v.needs || findWithin(tokens, k + 1, j, v.needs) !== -1;
    }
    if (n === 'made' || n === 'fixed' || n === 'helped' || n === 'worked') return false;
  }
  return false;
}

function findWithin(tokens: Token[], a: number, b: number, words: Set<string>): number {
  for (let k = a; k < b; k++) if (words.has(tokens[k]!.norm)) return k;
  return -1;
}

const PRONOUNS = new Set(['it', 'them', 'both', 'everything']);

/**
 * What a step was done to: every object named after the verb up to the next verb ("the printer and
 * the router" gives "printer|network"); "it" is the last thing named before the verb.
 */
function objectsAfter(tokens: Token[], k: number, end: number): string {
  const out: string[] = [];
  for (let j = k + 1; j < end && j <= k + 7; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct' && t.text !== '-' && t.text !== "'") break;
    if (j > k + 1 && (STEP_VERBS[t.norm] || t.norm === 'but' || t.norm === 'then' || t.norm === 'so')) break;
    const o = STEP_OBJECTS[t.norm];
    if (o && !out.includes(o)) out.push(o);
    if (PRONOUNS.has(t.norm) && j <= k + 2) {
      const back = objectBefore(tokens, k);
      if (back && !out.includes(back)) out.push(back);
    }
  }
  return out.join('|');
}

/** The last step object named before token k (what "it" refers to). */
function objectBefore(tokens: Token[], k: number): string {
  for (let j = k - 1; j >= 0 && j >= k - 30; j--) {
    const o = STEP_OBJECTS[tokens[j]!.norm];
    if (o) return o;
  }
  return '';
}

// ---------------------------------------------------------------------------
// Conversation helpers

/** All the facts the customer has given so far. */
export function customerFacts(messages: ReadonlyArray<{ index: number; doc: Doc }>): Fact[] {
  const out: Fact[] = [];
  for (const m of messages) out.push(...extractFacts(m.doc, m.index));
  return out;
}

/** Product words the agent may name in "which version of X". */
export function productKey(norm: string): string {
  return OS_WORDS[norm] ?? (APPS[norm] || BROWSERS[norm] ? norm : '');
}

export function isOsKey(key: string): boolean {
  return ['windows', 'macos', 'ios', 'android', 'linux', 'chromeos'].includes(key);
}

export { DEVICE_WORDS, STEP_OBJECTS };
