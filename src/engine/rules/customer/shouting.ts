import type { Rule, RuleContext } from '../../rule.js';
import { signalRule } from './signal.js';

// Shouting: several words in capitals ("I NEED THIS FIXED NOW"). Acronyms
// (VPN, DNS, ASAP, the glossary's terms), words without a vowel, quoted words
// and error text the customer copies from a screen ("it says ACCESS DENIED")
// do not count.
export const shouting: Rule = signalRule({
  id: 'customer/shouting',
  category: 'anger',
  docs: {
    summary: 'The customer writes several words in capitals: on screen, that is shouting.',
    why: 'Capitals read as a raised voice. The customer is past polite frustration, and a chirpy or scripted reply will make it worse.',
    instead: 'Answer calmly and specifically: acknowledge how serious this is for them, own the next step and give a time.',
  },
  examples: {
    invalid: [
      { text: 'I NEED THIS FIXED NOW', excerpt: 'NEED THIS FIXED NOW' },
      'Why is it STILL NOT WORKING after three calls?',
      'THIS IS THE WORST SUPPORT I HAVE EVER HAD',
    ],
    valid: [
      'The VPN and DNS settings came from the IT team, ASAP please.',
      'The screen says ACCESS DENIED BY ADMINISTRATOR when I open it.',
      'The box shows NO SIGNAL.',
      'I use HP and DELL laptops with USB-C docks.',
    ],
  },
  lists: [],
  explain: () => 'Several words in capitals read as shouting: the customer is angry.',
  extra(ctx, emit) {
    findShouting(ctx, emit);
  },
});

const ACRONYMS = new Set([
  'asap', 'ok', 'okay', 'it', 'id', 'ids', 'os', 'ui', 'ux', 'ai', 'api', 'apis', 'url', 'urls', 'usb', 'ip', 'ips', 'ceo', 'cfo', 'cto', 'coo', 'hr', 'ios',
  'otp', 'sim', 'pin', 'isp', 'iis', 'eod', 'cob', 'fyi', 'eta', 'tba', 'tbd', 'am', 'pm', 'gif', 'jpeg', 'jpg', 'uefi', 'bios', 'raid', 'nas', 'san', 'lan',
  'wan', 'wlan', 'mac', 'imei', 'ssid', 'oauth', 'ad', 'aad', 'sso', 'mfa', 'ota', 'erp', 'sap', 'cad', 'atm', 'vat', 'iban', 'eu', 'uk', 'usa', 'us', 'nhs',
  'irs', 'hmrc', 'imap', 'pop', 'soap', 'json', 'yaml', 'aws', 'gcp', 'sla', 'kpi', 'roi', 'faq', 'diy', 'tv', 'hdmi', 'dvi', 'vga', 'ram', 'rom', 'ssd',
  'hdd', 'cpu', 'gpu', 'lcd', 'led', 'oled', 'ie', 'edge', 'ms', 'msi', 'exe', 'dll', 'pdf', 'docx', 'xlsx', 'csv', 'zip', 'iso', 'wifi', 'voip', 'pbx',
  'sip', 'crm', 'cms', 'seo', 'sql', 'nosql', 'php', 'java', 'node', 'npm', 'git', 'ci', 'cd', 'qa', 'uat', 'poc', 'mvp', 'hp', 'dell', 'asus', 'acer',
  'lenovo', 'ibm', 'intel', 'amd', 'ikea', 'nasa', 'saml', 'ldap', 'ldaps', 'oidc', 'jwt', 'tls', 'ssl', 'ssh', 'sftp', 'ftp', 'ftps', 'http', 'https',
  'arp', 'nat', 'vlan', 'vpn', 'dns', 'dhcp', 'tcp', 'udp', 'icmp', 'ipv4', 'ipv6', 'mtu', 'ttl', 'bgp', 'ospf', 'rdp', 'vnc', 'vm', 'vms', 'ova', 'iot',
  'nfc', 'gps', 'sms', 'mms', 'esim', 'ooo', 'pto', 'wfh', 'ooo', 'eom', 'eow', 'po', 'sku', 'upc', 'ean', 'uid', 'uuid', 'guid', 'ntp', 'utc', 'gmt',
  'est', 'pst', 'cet', 'bst', 'aest', 'oem', 'odm', 'ecc', 'nvme', 'sata', 'pcie', 'acpi', 'uac', 'gpo', 'ou', 'dc', 'fsmo', 'exo', 'spo', 'ou', 'cli',
  'gui', 'ide', 'sdk', 'ocr', 'ar', 'vr', 'aio', 'abc', 'xyz', 'covid', 'adobe', 'zoom', 'aol', 'msn', 'bbc', 'cnn', 'nyc', 'la', 'sf', 'dm', 'dms', 'ok.',
]);

/** Capitals copied from a screen or a log, not the customer's own voice. */
const SCREEN_WORDS = new Set([
  'error', 'errors', 'fatal', 'warning', 'failed', 'failure', 'fail', 'denied', 'invalid', 'exception', 'critical', 'found', 'unauthorized',
  'unauthorised', 'forbidden', 'timeout', 'timed', 'refused', 'unreachable', 'unavailable', 'offline', 'signal', 'input', 'disk', 'boot', 'device',
  'code', 'null', 'undefined', 'true', 'false', 'ready', 'insert', 'press', 'enter', 'alert', 'stop', 'info', 'debug', 'status', 'paper', 'jam', 'toner',
  'low', 'battery', 'admin', 'administrator', 'access', 'connection', 'password', 'expired', 'locked', 'caution', 'notice',
]);
const CUE_WORDS = new Set(['returns', 'returned', 'returning', 'throws', 'threw', 'throwing', 'gives', 'giving', 'reports', 'reported', 'status', 'state', 'code', 'error', 'clicked', 'click', 'press', 'pressed', 'select', 'selected', 'choose', 'chose', 'option', 'setting', 'mode', 'says', 'said', 'saying', 'reads', 'read', 'shows', 'showing', 'shown', 'displays', 'displayed', 'displaying', 'message', 'popup', 'pop-up', 'dialog', 'dialogue', 'prompt', 'banner', 'label', 'labelled', 'labeled', 'button', 'tab', 'menu', 'called', 'titled', 'named']);
const SHORT_SHOUTS = new Set(['is', 'it', 'in', 'on', 'to', 'do', 'no', 'my', 'me', 'we', 'so', 'be', 'of', 'up', 'an', 'at', 'go', 'or', 'if', 'he', 'am']);
const VOWEL = /[AEIOUY]/;
/** Everyday words of three or four letters that people shout. */
const COMMON_SHORT = new Set([
  'not', 'now', 'why', 'the', 'and', 'you', 'are', 'was', 'has', 'had', 'all', 'any', 'one', 'two', 'six', 'ten', 'how', 'who', 'did', 'does',
  'this', 'that', 'told', 'said', 'paid', 'over', 'down', 'dead', 'gone', 'just', 'only', 'ever', 'even', 'what', 'when', 'more', 'last', 'four',
  'five', 'nine', 'week', 'days', 'hour', 'able', 'also', 'very', 'much', 'many', 'same', 'stop', 'help', 'work', 'need', 'want', 'have', 'been',
  'done', 'fix', 'get', 'got', 'can', "can't", "won't", "don't", 'isnt', "isn't", "didn't", 'cant', 'wont', 'dont', 'will', 'your', 'they', 'them',
  'here', 'there', 'then', 'than', 'from', 'with', 'into', 'onto', 'back', 'again', 'still', 'hate', 'sick', 'mad', 'bad', 'sad', 'lie', 'lies',
  'lied', 'rude', 'fed', 'let', 'say', 'see', 'saw', 'use', 'way', 'out', 'off', 'for', 'but', 'yet', 'our', 'its', "it's", 'her', 'him', 'his',
  'she', 'she\'s', 'day', 'new', 'old', 'red', 'lost', 'keep', 'kept', 'send', 'sent', 'made', 'make', 'take', 'took', 'call', 'rang', 'ring',
  'fail', 'late', 'long', 'once', 'twice', 'every', 'each', 'idiot', 'joke', 'sort', 'bill', 'card', 'paid', 'owe', 'year', 'month', 'must',
  'should', 'would', 'could', 'were', 'where', 'which', 'whose', 'whom', 'ever', 'mine', 'mean', 'real', 'true', 'hold', 'wait',
]);

export interface CapsSentence {
  /** Capitalised words that are not acronyms, glossary terms or quoted (token indexes). */
  tokens: number[];
  score: number;
  /** Most of a long sentence is in capitals. */
  whole: boolean;
  /** Half the words or more are in capitals. */
  mostly: boolean;
  /** The capitals follow "it says" / a colon, or include error words (copied from a screen). */
  copied: boolean;
}

/** The capitalised words of each sentence, as the shouting and emphasis checks read them. */
export function capsInSentences(ctx: RuleContext): CapsSentence[] {
  const doc = ctx.doc;
  const out: CapsSentence[] = [];
  let caps = 0;
  for (const t of doc.tokens) if (t.caps) caps++;
  if (caps === 0) return out;
  const inGlossary = new Uint8Array(doc.tokens.length);
  for (const g of ctx.glossary()) for (let k = g.first; k < g.last; k++) inGlossary[k] = 1;
  for (const s of doc.sentences) {
    let score = 0;
    let words = 0;
    let capsWords = 0;
    let screen = false;
    let cue = false;
    const tokens: number[] = [];
    for (let k = s.first; k < s.last; k++) {
      const t = doc.tokens[k]!;
      if (t.kind !== 'word') {
        if (t.kind === 'punct' && t.text === ':') cue = true;
        continue;
      }
      words++;
      if (CUE_WORDS.has(t.norm)) cue = true;
      if (!t.caps || t.quoted) continue;
      capsWords++;
      if (SCREEN_WORDS.has(t.norm)) screen = true;
      if (inGlossary[k] || ACRONYMS.has(t.norm) || !VOWEL.test(t.text) || /\d/.test(t.text)) continue;
      // Short words in capitals are mostly acronyms (ONT, PSOD, HAR); only everyday ones count.
      let w = 0;
      if (t.text.length >= 5 || (t.text.length >= 3 && COMMON_SHORT.has(t.norm))) w = 1;
      else if (SHORT_SHOUTS.has(t.norm)) w = 0.5;
      if (w === 0) continue;
      score += w;
      tokens.push(k);
    }
    if (tokens.length === 0) continue;
    // A whole long sentence in capitals is shouting even when it mentions an error;
    // a few capitals next to "it says" or an error word are copied from a screen.
    const whole = capsWords >= 6 && capsWords >= words * 0.7;
    out.push({ tokens, score, whole, mostly: capsWords >= words * 0.5, copied: (cue || screen) && !whole });
  }
  return out;
}

function findShouting(ctx: RuleContext, emit: (start: number, end: number, explanation?: string) => void): void {
  const doc = ctx.doc;
  for (const c of capsInSentences(ctx)) {
    if (c.score < 2.5 || c.copied) continue;
    emit(doc.tokens[c.tokens[0]!]!.start, doc.tokens[c.tokens[c.tokens.length - 1]!]!.end);
  }
}
