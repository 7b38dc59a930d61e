// The trust rules, in the order they are registered.
import type { Rule } from '../../rule.js';
import { hollowApology } from './hollow-apology.js';

export const TRUST_RULES: Rule[] = [hollowApology];
