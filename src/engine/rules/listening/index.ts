// The listening rules, in the order they are registered.
import type { Rule } from '../../rule.js';

export const LISTENING_RULES: Rule[] = [];
