// Runs a phrase list's own examples: each "invalid" example must contain one of
// its phrases and each "valid" one must not. Used at build time for built-in
// lists and on load for a team's lists, so a broken list is caught where it is written.

import { Doc } from '../text/doc.js';
import type { LoadError, PhraseList } from './load.js';
import { PhraseMatcher } from './matcher.js';

export function checkListExamples(list: PhraseList, extraEntries: PhraseList['entries'] = []): LoadError[] {
  const errors: LoadError[] = [];
  if (!list.examples) return errors;
  const matcher = new PhraseMatcher();
  [...list.entries, ...extraEntries].forEach((e, entry) => matcher.add(e.pattern, { list: list.id, entry }));
  const file = list.file ?? 'config';
  for (const ex of list.examples.match) {
    if (matcher.matchDoc(new Doc(ex)).length === 0) errors.push({ file, line: list.line ?? 1, message: `list "${list.id}": the example "${ex}" should contain one of its phrases, but none matched` });
  }
  for (const ex of list.examples.nomatch) {
    const found = matcher.matchDoc(new Doc(ex));
    if (found.length > 0) errors.push({ file, line: list.line ?? 1, message: `list "${list.id}": the valid example "${ex}" matches "${ex.slice(found[0]!.start, found[0]!.end)}"` });
  }
  return errors;
}
