// The clarity rules, in the order they are registered.
import type { Rule } from '../../rule.js';

export const CLARITY_RULES: Rule[] = [];
