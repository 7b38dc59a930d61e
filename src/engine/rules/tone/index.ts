// The tone rules, in the order they are registered.
import type { Rule } from '../../rule.js';
import { blaming } from './blaming.js';
import { bluntCommand } from './blunt-command.js';
import { bluntShortReply } from './blunt-short-reply.js';
import { condescending } from './condescending.js';
import { dismissive } from './dismissive.js';
import { hostile } from './hostile.js';
import { negativeFraming } from './negative-framing.js';
import { overfriendly } from './overfriendly.js';
import { positiveFraming } from './positive-framing.js';

export const TONE_RULES: Rule[] = [blaming, bluntCommand, bluntShortReply, condescending, dismissive, hostile, negativeFraming, overfriendly, positiveFraming];
