// The customer rules, in the order they are registered. They report `signal`
// findings on customer messages; `ignored-emotion` and `jargon` read them.
import type { Rule } from '../../rule.js';
import { abuse } from './abuse.js';
import { anger } from './anger.js';
import { anxiety } from './anxiety.js';
import { confusion } from './confusion.js';
import { frustration } from './frustration.js';
import { gratitude } from './gratitude.js';
import { shouting } from './shouting.js';
import { urgency } from './urgency.js';

export const CUSTOMER_RULES: Rule[] = [abuse, anger, anxiety, confusion, frustration, gratitude, shouting, urgency];
