// The listening rules, in the order they are registered.
import type { Rule } from '../../rule.js';
import { diagnosticQuestion } from './diagnostic-question.js';
import { ignoredEmotion } from './ignored-emotion.js';
import { paraphrase } from './paraphrase.js';
import { repeatedQuestion } from './repeated-question.js';

export const LISTENING_RULES: Rule[] = [diagnosticQuestion, ignoredEmotion, paraphrase, repeatedQuestion];
