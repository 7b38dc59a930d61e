// The explicit registry of built-in rules. A rule that is not listed here does
// not run; rules.test.ts fails when a rule file exists that is not registered,
// or when a registered rule lacks its docs or examples.

import type { Rule } from '../rule.js';
import { CLARITY_RULES } from './clarity/index.js';
import { CUSTOMER_RULES } from './customer/index.js';
import { LISTENING_RULES } from './listening/index.js';
import { TONE_RULES } from './tone/index.js';
import { TRUST_RULES } from './trust/index.js';

export const RULES: readonly Rule[] = [...TONE_RULES, ...TRUST_RULES, ...CLARITY_RULES, ...LISTENING_RULES, ...CUSTOMER_RULES].sort((a, b) => a.id.localeCompare(b.id));
