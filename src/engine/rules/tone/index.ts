// The tone rules, in the order they are registered.
import type { Rule } from '../../rule.js';

export const TONE_RULES: Rule[] = [];
