// A phrase list of kind "existence" is a rule by itself: every match is a
// finding of the list's category. This is how a team adds its own checks
// ("never say 'per my last email'") without writing code.

import type { PhraseList } from '../phrases/load.js';
import type { Rule } from '../rule.js';

export function existenceRule(list: PhraseList): Rule {
  const examples = list.examples ?? { match: [], nomatch: [] };
  return {
    id: `phrases/${list.id}`,
    category: list.category!,
    on: ['frustration', 'anger', 'abuse', 'anxiety', 'confusion', 'urgency', 'gratitude'].includes(list.category!) ? 'customer' : 'agent',
    ...(list.severity ? { severity: list.severity } : {}),
    docs: {
      summary: list.description ?? list.message ?? `Phrases from the list "${list.id}".`,
      why: list.why ?? list.message ?? '',
      instead: list.instead ?? '',
    },
    examples: { invalid: examples.match, valid: examples.nomatch },
    check(ctx) {
      for (const m of ctx.matches(list.id)) {
        if (ctx.isQuoted(m) || ctx.isNegated(m)) continue;
        const entry = ctx.entry(m);
        const actual = ctx.text.slice(m.start, m.end);
        const message = (list.message ?? '').replace(/\{\{\s*actual\s*\}\}/g, actual);
        ctx.report({
          start: m.start, end: m.end,
          explanation: [message, list.why, entry.note].filter(Boolean).join(' ') || undefined,
          suggestion: entry.suggest ?? null,
        });
      }
    },
  };
}
