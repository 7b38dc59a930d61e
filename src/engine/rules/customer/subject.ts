import type { Doc } from '../../text/doc.js';

// Whose feeling is it? "You seem worried" and "they don't know what love is"
// describe someone else; a customer signal is about the writer. Read back
// from the feeling word over the verbs and softeners that sit between a
// subject and its state ("you are really getting worried").

const BRIDGE = new Set([
  'am', 'are', 'is', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'seem', 'seems', 'seemed', 'look', 'looks', 'looked',
  'sound', 'sounds', 'sounded', 'get', 'gets', 'getting', 'got', 'feel', 'feels', 'felt', 'feeling', 'so', 'really', 'very', 'too',
  'a', 'bit', 'little', 'kind', 'of', 'kinda', 'pretty', 'quite', 'still', 'just', 'always', 'clearly', 'obviously', 'simply',
  'absolutely', 'honestly', 'even', 'genuinely', 'actually', 'truly', 'probably', 'apparently', 'literally', 'totally', 'seriously',
]);
const SELF = new Set(['i', 'we', "i'm", 'im', "we're", "i've", "we've", "i'd", "we'd", 'me', 'us', 'myself']);
const OTHERS = new Set([
  'you', 'u', 'ya', 'ye', "you're", 'youre', 'ur', "you've", "you'd", 'they', "they're", "they've", 'he', "he's", 'she', "she's",
  'people', 'who', 'nobody', 'everyone', 'everybody', 'someone', 'somebody', 'anyone', 'anybody',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'his', 'her', 'their', 'this', 'that', 'these', 'those', 'some']);

/**
 * True when the subject of the state word at token `k` is someone other than
 * the writer. With `nounPhrases`, "the contractor didn't know" counts too
 * (for not-knowing; "my boss is furious" stays the writer's worry).
 */
export function feltBySomeoneElse(doc: Doc, k: number, nounPhrases = false): boolean {
  const toks = doc.tokens;
  const s = doc.sentenceAt(toks[k]!.start);
  const first = s ? s.first : 0;
  let j = k - 1;
  while (j >= first && (BRIDGE.has(toks[j]!.norm) || toks[j]!.norm === 'not' || toks[j]!.norm.endsWith("n't"))) j--;
  if (j < first) return false;
  const n = toks[j]!.norm;
  if (SELF.has(n)) return false;
  if (OTHERS.has(n)) return true;
  if (nounPhrases && toks[j]!.kind === 'word') {
    for (let d = j - 1; d >= first && d >= j - 2; d--) if (DETERMINERS.has(toks[d]!.norm)) return true;
  }
  return false;
}
