// The shapes every layer shares. Category ids and the finding shape are fixed by
// shared/TAXONOMY.md: reports, scorecards and evaluation sets key on them.

export const SKILLS = ['empathy', 'tone', 'acknowledgment', 'trust', 'clarity', 'listening'] as const;
export type Skill = (typeof SKILLS)[number];

export const ROLES = ['customer', 'agent', 'system', 'note'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['chat', 'email', 'ticket', 'phone', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export const EXPERTISE = ['novice', 'intermediate', 'expert'] as const;
export type Expertise = (typeof EXPERTISE)[number];

/** Agent problems found on one agent message. */
export const MESSAGE_PROBLEMS = [
  'blunt', 'jargon', 'condescending', 'blaming', 'alarming', 'hostile', 'dismissive',
  'hollow-apology', 'negative-framing', 'deflection', 'overpromise', 'overfriendly',
  'wall-of-text', 'no-next-step',
] as const;
/** Problems that need the exchange (and timestamps for some). */
export const CONVERSATION_PROBLEMS = [
  'ignored-emotion', 'radio-silence', 'broken-promise', 'repeated-question', 'unresolved-close',
] as const;
export const STRENGTHS = [
  'empathy', 'acknowledgment', 'paraphrase', 'ownership', 'sincere-apology', 'expectation-setting',
  'open-door', 'clear-steps', 'diagnostic-question', 'positive-framing', 'plain-explanation',
] as const;
export const SIGNALS = ['frustration', 'anger', 'abuse', 'anxiety', 'confusion', 'urgency', 'gratitude'] as const;

export type ProblemCategory = (typeof MESSAGE_PROBLEMS)[number] | (typeof CONVERSATION_PROBLEMS)[number];
export type StrengthCategory = (typeof STRENGTHS)[number];
export type SignalCategory = (typeof SIGNALS)[number];
export type Category = ProblemCategory | StrengthCategory | SignalCategory;
export type Kind = 'problem' | 'strength' | 'signal';

/** Which skill each category counts towards (signals count towards none). */
export const CATEGORY_SKILL: Record<ProblemCategory | StrengthCategory, Skill> = {
  blunt: 'tone', jargon: 'clarity', condescending: 'tone', blaming: 'tone', alarming: 'trust',
  hostile: 'tone', dismissive: 'empathy', 'hollow-apology': 'trust', 'negative-framing': 'tone',
  deflection: 'trust', overpromise: 'trust', overfriendly: 'tone', 'wall-of-text': 'clarity',
  'no-next-step': 'acknowledgment', 'ignored-emotion': 'empathy', 'radio-silence': 'acknowledgment',
  'broken-promise': 'trust', 'repeated-question': 'listening', 'unresolved-close': 'trust',
  empathy: 'empathy', acknowledgment: 'acknowledgment', paraphrase: 'listening', ownership: 'trust',
  'sincere-apology': 'trust', 'expectation-setting': 'acknowledgment', 'open-door': 'acknowledgment',
  'clear-steps': 'clarity', 'diagnostic-question': 'listening', 'positive-framing': 'tone',
  'plain-explanation': 'clarity',
};

export function kindOf(category: Category): Kind {
  if ((SIGNALS as readonly string[]).includes(category)) return 'signal';
  if ((STRENGTHS as readonly string[]).includes(category)) return 'strength';
  return 'problem';
}

export function isCategory(x: string): x is Category {
  return (
    (MESSAGE_PROBLEMS as readonly string[]).includes(x) ||
    (CONVERSATION_PROBLEMS as readonly string[]).includes(x) ||
    (STRENGTHS as readonly string[]).includes(x) ||
    (SIGNALS as readonly string[]).includes(x)
  );
}

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export interface Message {
  role: Role;
  text: string;
  author?: string;
  at?: string;
  [extra: string]: unknown;
}

export interface Conversation {
  id?: string;
  channel?: Channel;
  messages: Message[];
  [extra: string]: unknown;
}

/** A finding in the taxonomy's shape (plus severity, which the CLI gates on). */
export interface Finding {
  rule: string;
  category: Category;
  kind: Kind;
  skill: Skill | null;
  message: number;
  start: number;
  end: number;
  excerpt: string;
  explanation: string;
  suggestion: string | null;
  severity: Severity;
}

export type SkillScores = Record<Skill, number | null>;
export interface Scores extends SkillScores {
  overall: number | null;
  /**
   * How polite the agent's words read, 0–100 (a learned estimate, see
   * src/engine/learned/): per message, and the mean over the agent messages
   * with prose for a conversation. Not part of `overall`. Null without agent prose.
   * The engine always sets it; optional in the type so hand-built score objects need not.
   */
  politeness?: number | null;
}

export interface MessageAnalysis {
  index: number;
  role: Role;
  /** For customer messages: the expertise estimate from this message and earlier ones. */
  expertise?: Expertise;
  /** For agent messages: the six skills rated on this message alone. */
  scores?: Scores;
}

/** Something about the input the caller should know; analysis carried on. */
export interface Diagnostic {
  message?: number;
  text: string;
}

/** Where a promise the agent made ended up (see the promise ledger). */
export const PROMISE_STATES = ['kept', 'broken', 'late-acknowledged', 'cancelled', 'superseded', 'open'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];

/** One commitment an agent made ("I'll call you back within the hour"), resolved against the clock. */
export interface PromiseEntry {
  /** The agent message that made it, and the words (UTF-16 offsets into that message's text). */
  message: number;
  start: number;
  end: number;
  excerpt: string;
  /** What was promised, in a few words: "call you back", "update you", "send the invoice". */
  action: string;
  /** When it was made and when it falls due (ISO 8601, UTC); null without timestamps. */
  made: string | null;
  deadline: string | null;
  /** The words that set the time ("within the hour", "by Friday"); vague ones ("shortly") get the channel's default. */
  due: string;
  vague: boolean;
  state: PromiseState;
  /** The message that kept, broke, cancelled or superseded it; null while open. */
  settledBy: number | null;
}

/** How the customer felt, from their signals: one word for a message. */
export const MOODS = ['angry', 'frustrated', 'anxious', 'confused', 'neutral', 'satisfied'] as const;
export type Mood = (typeof MOODS)[number];

export interface MoodPoint {
  message: number;
  mood: Mood;
  signals: SignalCategory[];
}

/** The customer's emotional arc over the conversation. */
export interface EmotionalArc {
  start: MoodPoint | null;
  end: MoodPoint | null;
  /** Every customer message, in order. */
  points: MoodPoint[];
  trend: 'improved' | 'worsened' | 'steady' | null;
}

/**
 * How the exchange ended: the customer confirmed the fix (`resolved`), was
 * referred to someone who can help (`referred`), has an open promise of a
 * follow-up (`follow-up`), none of these (`unresolved`), the agent ended an
 * abusive exchange (`ended-abusive`), no agent ever answered (`no-reply`), or
 * the conversation is still open by its status field (`open`).
 */
export const OUTCOMES = ['resolved', 'referred', 'follow-up', 'unresolved', 'ended-abusive', 'no-reply', 'open'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface AnalysisResult {
  findings: Finding[];
  scores: Scores;
  messages: MessageAnalysis[];
  diagnostics: Diagnostic[];
  /** The promise ledger: every commitment the agents made and its state. */
  promises: PromiseEntry[];
  arc: EmotionalArc;
  outcome: Outcome;
}
