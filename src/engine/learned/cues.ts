// Named cues the learned models read beside the n-grams. The politeness
// strategies follow Danescu-Niculescu-Mizil et al. (ACL 2013, Table 3):
// gratitude, deference, greeting, apologising, please (and please opening the
// request), the indirect "by the way", direct questions and starts,
// counterfactual and indicative modals, first and second person (and at the
// start), hedges and factuality. A cue has a name so an explanation can say
// which strategy moved a score ("could you" is a counterfactual modal).
//
// Each cue is a word sequence, matched on the tokens' lower-cased `norm`;
// `at: 'start'` cues only count as the first words of a sentence, `any` cues
// count anywhere and also get a "…@start" twin when they open the sentence.

import { hashString } from './hash.js';

export interface NamedCue {
  name: string;
  words: string[];
  at: 'start' | 'any';
  hash: number;
  startHash: number;
}

/** What each cue is, in words an explanation can use. */
export const CUE_LABELS: Record<string, string> = {
  gratitude: 'thanks',
  deference: 'a compliment opening the request',
  greeting: 'a greeting',
  apologizing: 'an apology',
  please: '“please”',
  'please@start': '“please” opening a sentence',
  indirect: 'an aside (“by the way”)',
  'direct-question': 'a direct question',
  'direct-start': 'a sentence opening with “so”, “and”, “but”…',
  'counterfactual-modal': 'an indirect request (“could you”, “would you”)',
  'indicative-modal': 'a direct request (“can you”, “will you”)',
  'first-person': 'first person',
  'first-person@start': 'a sentence opening with “I”',
  'first-person-plural': '“we”',
  'second-person': '“you”',
  'second-person@start': 'a sentence opening with “you”',
  hedge: 'a hedge (“I think”, “perhaps”)',
  factuality: 'an insistence on fact (“actually”, “in fact”)',
  'negative-word': 'a negative word',
  'positive-word': 'a positive word',
  profanity: 'swearing',
  imperative: 'a bare command',
  'exclaim:1': 'an exclamation mark',
  'exclaim:2': 'several exclamation marks',
  'caps:1': 'a word in capitals',
  'caps:3': 'shouting in capitals',
  'question:1': 'a question',
  'question:2': 'several questions',
  'len:s': 'a very short message',
  'len:m': 'a short message',
  'len:l': 'a longer message',
  'len:xl': 'a long message',
};

/** Whole-message cues (no span of their own), by name. */
const SHAPE_CUES = ['exclaim:1', 'exclaim:2', 'caps:1', 'caps:3', 'question:1', 'question:2', 'len:s', 'len:m', 'len:l', 'len:xl'];

const DEFS: Array<[string, 'start' | 'any', string[]]> = [
  ['gratitude', 'any', ['thanks', 'thank you', 'thank u', 'thx', 'ty', 'i appreciate', 'appreciate it', 'appreciated', 'much appreciated', 'grateful', 'cheers']],
  ['deference', 'start', ['great', 'good', 'nice', 'interesting', 'cool', 'excellent', 'awesome', 'wonderful', 'impressive', 'brilliant', 'fantastic', 'well done', 'good job', 'nice work', 'great work', 'good point', 'fair point']],
  ['greeting', 'start', ['hi', 'hello', 'hey', 'hiya', 'greetings', 'good morning', 'good afternoon', 'good evening', 'dear', 'howdy']],
  ['apologizing', 'any', ['sorry', 'apologies', 'i apologize', 'i apologise', 'my apologies', 'excuse me', 'forgive me', 'oops', 'woops', 'whoops', 'my bad', 'pardon']],
  ['please', 'any', ['please', 'pls', 'plz', 'kindly']],
  ['indirect', 'any', ['by the way', 'btw', 'incidentally']],
  ['direct-question', 'start', ['what', 'why', 'who', 'how', 'where', 'when', 'which', "what's", "why's", "how's", 'wtf']],
  ['direct-start', 'start', ['so', 'then', 'and', 'but', 'or', 'also', 'now', 'just']],
  ['counterfactual-modal', 'any', ['could you', 'would you', 'could u', 'would u', 'would it be possible', 'would you mind', 'could we', 'would you be', 'could i', 'would it be', 'might you', 'might i', 'may i', "i'd be grateful", "i'd appreciate", 'i would appreciate', 'if you could', 'if you would', 'if possible', 'if you can', 'if you have time', 'when you get a chance', 'when you have a moment', 'do you mind', 'would you like']],
  ['indicative-modal', 'any', ['can you', 'will you', 'can u', 'will u', 'can we', 'can i', 'can someone', 'can anyone', 'can somebody']],
  ['first-person', 'any', ['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]],
  ['first-person-plural', 'any', ['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'll", "let's"]],
  ['second-person', 'any', ['you', 'your', 'yours', 'yourself', 'u', 'ur', "you're", "you've", "you'd", "you'll"]],
  ['hedge', 'any', ['i think', 'i believe', 'i guess', 'i suppose', 'i suggest', 'i feel', 'i wonder', 'i was wondering', 'i am wondering', "i'm wondering", 'perhaps', 'maybe', 'possibly', 'probably', 'might', 'somewhat', 'apparently', 'seems', 'seem', 'seemed', 'it seems', 'in my opinion', 'imho', 'imo', 'not sure', 'i assume', 'presumably', 'sort of', 'kind of', 'a bit', 'a little', 'generally', 'mostly', 'roughly', 'likely', 'unlikely', 'suggest', 'suggested', 'suggestion']],
  ['factuality', 'any', ['in fact', 'actually', 'the point is', 'the reality is', 'the truth is', 'in reality', 'obviously', 'clearly', 'of course', 'really', 'honestly', 'literally', 'seriously']],
  ['negative-word', 'any', [
    'bad', 'wrong', 'stupid', 'idiot', 'idiotic', 'dumb', 'ridiculous', 'absurd', 'nonsense', 'useless', 'pointless', 'terrible', 'awful', 'horrible',
    'worst', 'pathetic', 'lazy', 'incompetent', 'rude', 'hate', 'hated', 'annoying', 'annoyed', 'irritating', 'disgusting', 'garbage', 'crap', 'rubbish',
    'sucks', 'suck', 'lame', 'silly', 'mess', 'broken', 'fail', 'failed', 'failure', 'problem', 'unfortunately', 'disappointed', 'disappointing',
    'vandalism', 'vandal', 'spam', 'bias', 'biased', 'pov', 'false', 'lie', 'lies', 'lying', 'wtf', 'ugh', 'unacceptable', 'shame', 'shameful',
  ]],
  ['positive-word', 'any', [
    'good', 'great', 'nice', 'excellent', 'awesome', 'wonderful', 'helpful', 'glad', 'happy', 'appreciate', 'welcome', 'kind', 'lovely', 'perfect',
    'fantastic', 'brilliant', 'amazing', 'love', 'enjoy', 'enjoyed', 'hope', 'hopefully', 'interesting', 'useful', 'well', 'fine', 'pleasure',
    'congratulations', 'congrats', 'best', 'better', 'cool', 'fair', 'right', 'correct', 'clear', 'easy', 'beautiful', 'super',
  ]],
  ['profanity', 'any', [
    'fuck', 'fucking', 'fucked', 'fucker', 'fck', 'fuk', 'shit', 'shitty', 'bullshit', 'damn', 'dammit', 'goddamn', 'hell', 'crap', 'crappy', 'ass',
    'asshole', 'arse', 'bitch', 'bastard', 'wtf', 'bloody', 'piss', 'pissed', 'dick', 'prick', 'screw', 'screwed', 'sucks',
  ]],
  ['imperative', 'start', [
    'stop', 'do', "don't", 'dont', 'read', 'look', 'check', 'fix', 'give', 'tell', 'send', 'get', 'go', 'remove', 'delete', 'add', 'change', 'use',
    'try', 'see', 'explain', 'answer', 'reply', 'leave', 'keep', 'put', 'make', 'quit', 'learn', 'move', 'revert', 'undo', 'show', 'provide',
  ]],
];

function build(): Map<string, NamedCue[]> {
  const byFirst = new Map<string, NamedCue[]>();
  for (const [name, at, phrases] of DEFS) {
    for (const p of phrases) {
      const words = p.split(' ');
      const cue: NamedCue = { name, words, at, hash: hashString(`#${name}`), startHash: hashString(`#${name}@start`) };
      let arr = byFirst.get(words[0]!);
      if (!arr) byFirst.set(words[0]!, (arr = []));
      arr.push(cue);
    }
  }
  return byFirst;
}

/** The cues by their first word. */
export const NAMED_CUES: Map<string, NamedCue[]> = build();

/** Every cue feature's hash with its name (for explanations): the cue and its "@start" twin. */
export const CUE_NAMES: Map<number, string> = (() => {
  const m = new Map<number, string>();
  for (const [name] of DEFS) {
    m.set(hashString(`#${name}`), name);
    m.set(hashString(`#${name}@start`), `${name}@start`);
  }
  for (const name of SHAPE_CUES) m.set(hashString(`#${name}`), name);
  return m;
})();
