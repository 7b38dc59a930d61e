// The clarity rules, in the order they are registered.
import type { Rule } from '../../rule.js';
import { clearSteps } from './clear-steps.js';
import { jargon } from './jargon.js';
import { plainExplanation } from './plain-explanation.js';
import { wallOfText } from './wall-of-text.js';

export const CLARITY_RULES: Rule[] = [clearSteps, jargon, plainExplanation, wallOfText];
