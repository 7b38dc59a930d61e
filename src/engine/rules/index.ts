// The explicit registry of built-in rules. A rule that is not listed here does
// not run; rules.test.ts fails when a rule file exists that is not registered,
// or when a registered rule lacks its docs or examples.

import type { AnyRule } from '../rule.js';
import { CLARITY_RULES } from './clarity/index.js';
import { CONVERSATION_RULES } from './conversation/index.js';
import { CUSTOMER_RULES } from './customer/index.js';
import { LISTENING_RULES } from './listening/index.js';
import { TONE_RULES } from './tone/index.js';
import { TRUST_RULES } from './trust/index.js';

export const RULES: readonly AnyRule[] = [...TONE_RULES, ...TRUST_RULES, ...CLARITY_RULES, ...LISTENING_RULES, ...CUSTOMER_RULES, ...CONVERSATION_RULES].sort((a, b) => a.id.localeCompare(b.id));
