// Rules that judge the whole exchange (timing, promises, the close), in the order they are registered.
import type { ConversationRule } from '../../rule.js';
import { brokenPromise } from './broken-promise.js';
import { radioSilence } from './radio-silence.js';
import { unresolvedClose } from './unresolved-close.js';

export const CONVERSATION_RULES: ConversationRule[] = [brokenPromise, radioSilence, unresolvedClose];
