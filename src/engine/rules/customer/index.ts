// The customer rules, in the order they are registered.
import type { Rule } from '../../rule.js';

export const CUSTOMER_RULES: Rule[] = [];
