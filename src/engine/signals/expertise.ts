// How technical the customer is, judged from their own words: what they say
// about themselves ("I'm not good with computers", "I'm the sysadmin"), the
// glossary terms they use and how precisely, and whether they paste logs,
// commands or code. `jargon` judges the agent's words against this.

import type { GlossaryTerm } from '../phrases/load.js';
import type { PhraseMatch } from '../phrases/matcher.js';
import type { Doc } from '../text/doc.js';
import type { Expertise } from '../types.js';

export function estimateExpertise(
  messages: Array<{ doc: Doc }>,
  glossaryIn: (doc: Doc) => Array<PhraseMatch & { term: GlossaryTerm }>,
  matchesIn: (listId: string, doc: Doc) => PhraseMatch[],
): Expertise {
  let novice = 0;
  let expert = 0;
  let technicalTerms = 0;
  let expertTerms = 0;
  let commonTerms = 0;
  let pasted = 0;
  const distinct = new Set<string>();
  for (const { doc } of messages) {
    novice += matchesIn('expertise.novice', doc).length;
    expert += matchesIn('expertise.expert', doc).length;
    for (const b of doc.blocks) if (b.kind === 'code' || b.kind === 'log') pasted++;
    for (const o of doc.opaque) if (o.kind === 'code' || o.kind === 'path') pasted++;
    for (const g of glossaryIn(doc)) {
      const key = g.term.term.toLowerCase();
      if (distinct.has(key)) continue;
      distinct.add(key);
      if (g.term.level === 'expert') expertTerms++;
      else if (g.term.level === 'technical') technicalTerms++;
      else commonTerms++;
    }
  }
  // What people say about themselves outweighs vocabulary.
  if (expert > 0 && novice === 0) return 'expert';
  if (novice > 0) return 'novice';
  const technical = expertTerms * 2 + technicalTerms + pasted * 2;
  if (technical >= 3 || expertTerms >= 2) return 'expert';
  if (technical >= 1 || commonTerms >= 1) return 'intermediate';
  return 'novice';
}
