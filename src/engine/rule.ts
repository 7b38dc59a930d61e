// What a rule is: one small module with its id, category, plain-words docs and
// examples (which are also its tests), and a check that reports spans.

import type { PhraseList, PhraseEntry, GlossaryTerm } from './phrases/load.js';
import type { PhraseMatch } from './phrases/matcher.js';
import type { Doc } from './text/doc.js';
import type { Category, Channel, Conversation, Expertise, Finding, Message, Severity, SignalCategory } from './types.js';
import type { Thresholds } from './config.js';
import type { ConversationView } from './conversation/view.js';

/** An example in a rule's docs. A plain string is an agent reply with no context. */
export interface RuleExample {
  /** The message the rule judges (an agent reply, or a customer message for signal rules). */
  text: string;
  /** What the customer wrote before (one message or several). */
  customer?: string | string[];
  /** Earlier messages in full, when the example needs more than customer lines. */
  before?: Message[];
  /** For invalid examples: the text the finding should cover. */
  excerpt?: string;
  note?: string;
}

export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters to the customer, in plain words. */
  why: string;
  /** What to do instead. */
  instead: string;
}

interface RuleBase {
  id: string;
  category: Category;
  /** Default severity; problems default to warning, strengths and signals to info. */
  severity?: Severity;
  docs: RuleDocs;
}

/** A rule that judges one message at a time (most rules). */
export interface Rule extends RuleBase {
  /** Which messages the rule reads. */
  on: 'agent' | 'customer';
  /**
   * Rules in phase 2 run after all phase-1 rules on the same message and can
   * see their findings (`ctx.found`): "no next step" needs to know whether a
   * question or an invitation was found, "ignored emotion" whether empathy was.
   */
  phase?: 1 | 2;
  examples: { valid: Array<string | RuleExample>; invalid: Array<string | RuleExample> };
  check(ctx: RuleContext): void;
}

/** An example conversation for a conversation rule: whole, with timestamps where the rule needs them. */
export interface ConversationExample {
  channel?: Channel;
  /** Extra fields of the conversation (e.g. `status`). */
  fields?: Record<string, unknown>;
  messages: Message[];
  /** For invalid examples: the message the finding belongs on. */
  target?: number;
  note?: string;
}

/** A rule that judges the whole exchange once every message has been read (timing, promises, the close). */
export interface ConversationRule extends RuleBase {
  on: 'conversation';
  examples: { valid: ConversationExample[]; invalid: ConversationExample[] };
  check(ctx: ConversationContext): void;
}

/** Every kind of rule, as the registry holds them. */
export type AnyRule = Rule | ConversationRule;

export interface ConversationContext {
  readonly rule: ConversationRule;
  /** The conversation with its timeline, promise ledger and close, computed once and shared by the rules. */
  readonly view: ConversationView;
  /** Reports on one message of the conversation (offsets into that message's text). */
  report(r: Report & { message: number }): void;
}

export interface Report {
  start: number;
  end: number;
  /** Overrides the rule's summary with a message about this very span. */
  explanation?: string;
  suggestion?: string | null;
  /** Overrides the rule's severity for this finding (e.g. profanity is an error). */
  severity?: Severity;
}

/** What the engine knows about the customer when an agent message is judged. */
export interface CustomerView {
  /** Expertise estimated from every customer message so far. */
  expertise: Expertise;
  /** Signals on the customer messages since the previous agent message. */
  recentSignals: Set<SignalCategory>;
  /** Signal findings since the previous agent message (with their message index). */
  recentSignalFindings: Finding[];
  /** Customer messages so far, oldest first. */
  messages: Array<{ index: number; doc: Doc }>;
  /** Customer messages since the previous agent message. */
  recent: Array<{ index: number; doc: Doc }>;
  /** Lower-case glossary terms (canonical `term`) the customer has used. */
  termsUsed: Set<string>;
  /** Lower-case words the customer has used (for "used the term first"). */
  wordsUsed: Set<string>;
}

export interface RuleContext {
  readonly rule: Rule;
  readonly doc: Doc;
  readonly text: string;
  readonly index: number;
  readonly message: Message;
  readonly conversation: Conversation;
  readonly channel: Channel | undefined;
  readonly customer: CustomerView;
  /** Earlier agent messages, oldest first. */
  readonly agentHistory: Array<{ index: number; doc: Doc }>;
  readonly thresholds: Thresholds;
  /** Phase-1 findings on this message (empty in phase 1). */
  readonly found: readonly Finding[];
  /** Matches of a phrase list in this message's prose (computed once per message). */
  matches(listId: string): PhraseMatch[];
  /** The entry a match came from. */
  entry(match: PhraseMatch): PhraseEntry;
  list(listId: string): PhraseList | undefined;
  /** Glossary matches in this message: the term and the token range. */
  glossary(): Array<PhraseMatch & { term: GlossaryTerm }>;
  /** A negation ("not", "won't", "never"…) governs the start of the match. */
  isNegated(m: { first: number }): boolean;
  /** Any token of the match sits inside quotation marks. */
  isQuoted(m: { first: number; last: number }): boolean;
  report(r: Report): void;
}
