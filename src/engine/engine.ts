// The engine: a conversation in, findings and scores out. Pure and isomorphic
// (no file system, no network), so the same code runs in the CLI, the server
// and the agent's browser.

import { BUILTIN_GLOSSARY, BUILTIN_PHRASES } from './data/builtin.generated.js';
import { DEFAULT_THRESHOLDS, type EngineConfig, type Thresholds } from './config.js';
import { DataError, type GlossaryTerm, type LoadError, type PhraseEntry, type PhraseList } from './phrases/load.js';
import { PhraseMatcher, type PhraseMatch } from './phrases/matcher.js';
import { existenceRule } from './rules/existence.js';
import { RULES } from './rules/index.js';
import type { AnyRule, ConversationContext, ConversationRule, CustomerView, Rule, RuleContext, Report } from './rule.js';
import { estimateExpertise } from './signals/expertise.js';
import { scoreConversation, scoreMessage, type MessageScoreContext } from './score/score.js';
import { ConversationView, type TimelineEntry } from './conversation/view.js';
import { publicLedger } from './conversation/promises.js';
import { BusinessCalendar } from './time/calendar.js';
import { FALLBACK_CHANNEL, resolveTiming, type TimingConfig } from './time/timing.js';
import { Doc } from './text/doc.js';
import { normalizeConversation } from './input.js';
import {
  CATEGORY_SKILL, kindOf, type AnalysisResult, type Category, type Conversation, type Diagnostic, type Finding,
  type MessageAnalysis, type Severity, type SignalCategory,
} from './types.js';
import { postProcess } from './postprocess.js';
import { emotionalArc } from './conversation/arc.js';
import { politeness } from './learned/index.js';

export interface AnalyzeOptions {
  /** Only run these rule ids (used by rule tests and the coach's quick mode). */
  only?: string[];
  /**
   * The time the conversation is judged at (ISO 8601 or ms): a customer still
   * waiting, or a promise still running, at the end is judged against it.
   * Without it, only what the timestamps themselves show is judged.
   */
  now?: string | number;
  /**
   * The last agent message is a draft being written, not the end of the exchange: the
   * conversation rules that judge a finished exchange (the close, silences, broken
   * promises) do not run, and the outcome is `open`. `checkDraft` sets it.
   */
  draft?: boolean;
}

interface PreparedRule<R extends AnyRule = AnyRule> {
  rule: R;
  severity: Severity;
}

/** Problems an agent is never scored down for when they set a boundary with, or end, an abusive exchange. */
const BOUNDARY_EXEMPT = new Set(['ignored-emotion', 'no-next-step', 'blunt', 'negative-framing', 'dismissive', 'deflection']);

export class Engine {
  readonly rules: AnyRule[];
  /** Per-channel waiting thresholds and the business calendar (defaults, then the team's config). */
  readonly timing: TimingConfig;
  readonly calendar: BusinessCalendar;
  readonly lists: Map<string, PhraseList>;
  readonly glossaryTerms: GlossaryTerm[];
  readonly thresholds: Thresholds;
  private prepared: PreparedRule[];
  /** Every phrase list and every glossary form in one automaton: one pass over a message finds them all. */
  private matcher = new PhraseMatcher();

  constructor(config: EngineConfig = {}) {
    const errors: LoadError[] = [];
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...(config.thresholds ?? {}) };
    this.timing = resolveTiming(config.calendar, config.channels);
    this.calendar = new BusinessCalendar(this.timing.calendar);
    // Phrase lists: built-ins, then the team's (which may extend built-ins).
    this.lists = new Map();
    for (const l of BUILTIN_PHRASES) this.lists.set(l.id, { ...l, entries: [...l.entries] });
    for (const l of config.phrases ?? []) {
      if (l.extends) {
        const target = this.lists.get(l.extends);
        if (!target) errors.push({ file: l.file ?? 'config', line: l.line ?? 1, message: `"extends: ${l.extends}" names no phrase list (see \`rapport lists\`)` });
        else target.entries.push(...l.entries);
      } else if (this.lists.has(l.id)) {
        errors.push({ file: l.file ?? 'config', line: l.line ?? 1, message: `phrase list "${l.id}" already exists; use "extends: ${l.id}" to add to it` });
      } else this.lists.set(l.id, { ...l, entries: [...l.entries] });
    }
    for (const list of this.lists.values()) {
      list.entries.forEach((e, entry) => {
        try {
          this.matcher.add(e.pattern, { list: list.id, entry });
        } catch (err) {
          errors.push({ file: list.file ?? 'config', line: e.line ?? 1, message: (err as Error).message });
        }
      });
    }
    // Glossary: built-in terms, then the team's (a team term replaces a built-in one).
    const byKey = new Map<string, GlossaryTerm>();
    for (const t of [...BUILTIN_GLOSSARY, ...(config.glossary ?? [])]) byKey.set(t.term.toLowerCase(), t);
    this.glossaryTerms = [...byKey.values()];
    this.glossaryTerms.forEach((t, entry) => {
      for (const form of [t.term, ...t.aliases]) {
        try {
          this.matcher.add(escapePattern(form), { list: GLOSSARY_LIST, entry });
        } catch {
          /* a form with no words (e.g. only symbols) cannot be matched; the loader reports it */
        }
      }
    });
    // Rules: the built-in registry plus one rule per existence list, then the team's settings.
    const rules: AnyRule[] = [...RULES];
    for (const list of this.lists.values()) if (list.kind === 'existence' && list.category) rules.push(existenceRule(list));
    const settings = config.rules ?? {};
    const known = new Set<string>([...rules.map((r) => r.id), ...rules.map((r) => r.category)]);
    for (const id of Object.keys(settings)) {
      if (!known.has(id)) errors.push({ file: 'config', line: 1, message: `"rules": no rule or category is called "${id}" (see \`rapport rules\`)` });
    }
    if (errors.length) throw new DataError(errors);
    this.rules = rules.sort((a, b) => a.id.localeCompare(b.id));
    this.prepared = [];
    for (const rule of this.rules) {
      const setting = settings[rule.id] ?? settings[rule.category];
      if (setting === 'off') continue;
      const kind = kindOf(rule.category);
      this.prepared.push({ rule, severity: setting ?? rule.severity ?? (kind === 'problem' ? 'warning' : 'info') });
    }
  }

  /** Analyzes one conversation in the canonical shape (see shared/TAXONOMY.md). */
  analyze(input: Conversation | unknown, options: AnalyzeOptions = {}): AnalysisResult {
    const { conversation, diagnostics } = normalizeConversation(input);
    const only = options.only ? new Set(options.only) : undefined;
    const active = only ? this.prepared.filter((p) => only.has(p.rule.id)) : this.prepared;
    const messageRules = active.filter((p): p is PreparedRule<Rule> => p.rule.on !== 'conversation');
    const conversationRules = active.filter((p): p is PreparedRule<ConversationRule> => p.rule.on === 'conversation');
    const customerRules = messageRules.filter((p) => p.rule.on === 'customer');
    const agentRules1 = messageRules.filter((p) => p.rule.on === 'agent' && (p.rule.phase ?? 1) === 1);
    const agentRules2 = messageRules.filter((p) => p.rule.on === 'agent' && p.rule.phase === 2);
    const entries: TimelineEntry[] = [];
    const scoreContexts = new Map<number, MessageScoreContext>();

    const findings: Finding[] = [];
    const analyses: MessageAnalysis[] = [];
    const customer: CustomerView = {
      expertise: 'novice', recentSignals: new Set(), recentSignalFindings: [], messages: [], recent: [], termsUsed: new Set(), wordsUsed: new Set(),
    };
    const agentHistory: Array<{ index: number; doc: Doc }> = [];
    const perMessage: Finding[][] = [];
    let sawCustomer = false;

    conversation.messages.forEach((message, index) => {
      perMessage[index] = [];
      const at = typeof message.at === 'string' ? Date.parse(message.at) : typeof message.at === 'number' ? message.at : NaN;
      const author = typeof message.author === 'string' && message.author.trim() ? message.author.trim() : null;
      if (message.role === 'system' || message.role === 'note') {
        // Not customer-facing: never scored, but its time still counts (a "ticket closed" line shows how long a wait ran).
        entries.push({ index, role: message.role, at: Number.isFinite(at) ? at : null, author, doc: EMPTY_DOC });
        analyses.push({ index, role: message.role });
        return;
      }
      const doc = new Doc(message.text);
      entries.push({ index, role: message.role, at: Number.isFinite(at) ? at : null, author, doc });
      const state = this.messageState(doc);
      const local: Finding[] = [];
      // One context per message; the rule being run is swapped in (no per-rule allocation).
      const ctx = new MessageContext(this, doc, state, index, conversation, customer, agentHistory, local);
      const makeCtx = (p: PreparedRule<Rule>, found: Finding[]): RuleContext => ctx.use(p, found);
      if (message.role === 'customer') {
        sawCustomer = true;
        for (const p of customerRules) runRule(p, makeCtx(p, local), diagnostics, index);
        const processed = postProcess(local, doc);
        customer.messages.push({ index, doc });
        customer.recent.push({ index, doc });
        for (const f of processed) {
          customer.recentSignals.add(f.category as SignalCategory);
          customer.recentSignalFindings.push(f);
        }
        for (const g of state.glossary()) customer.termsUsed.add(g.term.term.toLowerCase());
        for (const t of doc.tokens) if (t.kind === 'word') customer.wordsUsed.add(t.norm);
        customer.expertise = estimateExpertise(customer.messages, (d) => this.messageState(d).glossary(), (id, d) => this.matchesIn(id, d));
        findings.push(...processed);
        perMessage[index] = processed;
        analyses.push({ index, role: 'customer', expertise: customer.expertise });
        return;
      }
      // Agent message
      for (const p of agentRules1) runRule(p, makeCtx(p, local), diagnostics, index);
      const phase1 = [...local];
      for (const p of agentRules2) runRule(p, makeCtx(p, phase1), diagnostics, index);
      let processed = postProcess(local, doc);
      // Setting a boundary with an abusive customer, or ending the exchange, is never held against the agent.
      if (customer.recentSignals.has('abuse') && (state.matches('conversation.ending').length > 0 || state.matches('listening.boundary').length > 0)) {
        processed = processed.filter((f) => f.kind !== 'problem' || !BOUNDARY_EXEMPT.has(f.category));
      }
      findings.push(...processed);
      perMessage[index] = processed;
      const scoreContext: MessageScoreContext = { hasProse: doc.hasProse, afterCustomer: sawCustomer, customerSignals: customer.recentSignals, politeness: politeness(doc) };
      scoreContexts.set(index, scoreContext);
      analyses.push({ index, role: 'agent', scores: scoreMessage(processed, scoreContext) });
      agentHistory.push({ index, doc });
      customer.recent = [];
      customer.recentSignals = new Set();
      customer.recentSignalFindings = [];
    });

    // The whole exchange: promises, silences, the close.
    const view = new ConversationView({
      conversation, entries, findings,
      channel: conversation.channel ?? FALLBACK_CHANNEL,
      timing: this.timing.channels[conversation.channel ?? FALLBACK_CHANNEL],
      calendar: this.calendar,
      now: parseNow(options.now),
      matches: (listId, doc) => (doc === EMPTY_DOC ? [] : this.messageState(doc).matches(listId)),
    });
    const late: Finding[] = [];
    if (!options.draft) for (const p of conversationRules) runConversationRule(p, view, late, diagnostics);
    if (late.length) {
      findings.push(...late);
      findings.sort((a, b) => a.message - b.message || a.start - b.start || a.end - b.end);
      // A conversation finding counts in the score of its agent message, or of the last agent message before it.
      const touched = new Set<number>();
      for (const f of late) {
        const owner = [...scoreContexts.keys()].filter((i) => i <= f.message).pop();
        if (owner === undefined) continue;
        perMessage[owner]!.push(f);
        touched.add(owner);
      }
      for (const i of touched) {
        const a = analyses.find((x) => x.index === i);
        if (a) a.scores = scoreMessage(perMessage[i]!, scoreContexts.get(i)!);
      }
    }
    const customerIndices = analyses.filter((a) => a.role === 'customer').map((a) => a.index);
    return {
      findings, scores: scoreConversation(analyses), messages: analyses, diagnostics,
      promises: publicLedger(view.ledger.promises), arc: emotionalArc(customerIndices, findings), outcome: options.draft ? 'open' : view.close.outcome,
    };
  }

  /** Convenience for drafts: judges `draft` as the next agent message after `context`. */
  checkDraft(draft: string, context?: Conversation | null, options: AnalyzeOptions = {}): AnalysisResult {
    const messages = [...(context?.messages ?? []), { role: 'agent' as const, text: draft }];
    return this.analyze({ ...(context ?? {}), messages }, { draft: true, ...options });
  }

  glossaryIn(doc: Doc): Array<PhraseMatch & { term: GlossaryTerm }> {
    const out: Array<PhraseMatch & { term: GlossaryTerm }> = [];
    for (const m of this.messageState(doc).matches(GLOSSARY_LIST)) {
      const term = this.glossaryTerms[m.entry]!;
      if (term.caseSensitive) {
        const written = doc.text.slice(m.start, m.end);
        if (![term.term, ...term.aliases].includes(written)) continue;
      }
      if (term.context && !hasContextWord(doc, m, term.context)) continue;
      out.push({ ...m, term });
    }
    // Longest match wins where terms overlap ("IP address" over "IP").
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Array<PhraseMatch & { term: GlossaryTerm }> = [];
    for (const m of out) {
      const last = kept[kept.length - 1];
      if (last && m.start < last.end) continue;
      kept.push(m);
    }
    return kept;
  }

  matchesIn(listId: string, doc: Doc): PhraseMatch[] {
    return this.messageState(doc).matches(listId);
  }

  private stateCache = new WeakMap<Doc, MessageState>();

  private messageState(doc: Doc): MessageState {
    let st = this.stateCache.get(doc);
    if (st) return st;
    let byList: Map<string, PhraseMatch[]> | undefined;
    let glossary: Array<PhraseMatch & { term: GlossaryTerm }> | undefined;
    st = {
      matches: (listId: string): PhraseMatch[] => {
        if (!byList) {
          byList = new Map();
          for (const m of this.matcher.matchDoc(doc)) {
            let arr = byList.get(m.list);
            if (!arr) byList.set(m.list, (arr = []));
            arr.push(m);
          }
        }
        return byList.get(listId) ?? NO_MATCHES;
      },
      glossary: () => (glossary ??= this.glossaryIn(doc)),
    };
    this.stateCache.set(doc, st);
    return st;
  }


}

class MessageContext implements RuleContext {
  rule!: Rule;
  found: readonly Finding[] = [];
  private severity: Severity = 'info';
  readonly text: string;
  readonly message: Conversation['messages'][number];
  readonly channel: Conversation['channel'];
  readonly thresholds: Thresholds;

  constructor(
    private readonly engine: Engine,
    readonly doc: Doc,
    private readonly state: MessageState,
    readonly index: number,
    readonly conversation: Conversation,
    readonly customer: CustomerView,
    readonly agentHistory: Array<{ index: number; doc: Doc }>,
    private readonly sink: Finding[],
  ) {
    this.text = doc.text;
    this.message = conversation.messages[index]!;
    this.channel = conversation.channel;
    this.thresholds = engine.thresholds;
  }

  use(p: PreparedRule<Rule>, found: readonly Finding[]): this {
    this.rule = p.rule;
    this.severity = p.severity;
    this.found = found;
    return this;
  }

  matches(listId: string): PhraseMatch[] {
    if (!this.engine.lists.has(listId)) throw new Error(`rule ${this.rule.id} asked for unknown phrase list "${listId}"`);
    return this.state.matches(listId);
  }

  entry(m: PhraseMatch): PhraseEntry {
    return this.engine.lists.get(m.list)!.entries[m.entry] as PhraseEntry;
  }

  list(listId: string): PhraseList | undefined {
    return this.engine.lists.get(listId);
  }

  glossary(): Array<PhraseMatch & { term: GlossaryTerm }> {
    return this.state.glossary();
  }

  isNegated(m: { first: number }): boolean {
    return this.doc.negated[m.first] === 1;
  }

  isQuoted(m: { first: number; last: number }): boolean {
    for (let k = m.first; k < m.last; k++) if (this.doc.tokens[k]?.quoted) return true;
    return false;
  }

  report(r: Report): void {
    const text = this.doc.text;
    const start = Math.max(0, Math.min(r.start, text.length));
    const end = Math.max(start, Math.min(r.end, text.length));
    if (end <= start) return;
    const rule = this.rule;
    const kind = kindOf(rule.category);
    this.sink.push({
      rule: rule.id, category: rule.category, kind, skill: kind === 'signal' ? null : CATEGORY_SKILL[rule.category as Exclude<Category, SignalCategory>],
      message: this.index, start, end, excerpt: text.slice(start, end),
      explanation: r.explanation ?? `${rule.docs.why} ${rule.docs.instead}`,
      suggestion: r.suggestion ?? null, severity: r.severity ?? this.severity,
    });
  }
}

/** The glossary's forms in the shared automaton (a name no phrase list can have). */
const GLOSSARY_LIST = '\u0000glossary';

/** What a list with no match in a message returns: one shared, frozen array (a rule that tried to change it would fail its tests). */
const NO_MATCHES = Object.freeze([]) as unknown as PhraseMatch[];

interface MessageState {
  matches(listId: string): PhraseMatch[];
  glossary(): Array<PhraseMatch & { term: GlossaryTerm }>;
}

function runRule(p: PreparedRule<Rule>, ctx: RuleContext, diagnostics: Diagnostic[], index: number): void {
  try {
    p.rule.check(ctx);
  } catch (e) {
    // One faulty rule must not lose the other findings.
    diagnostics.push({ message: index, text: `rule ${p.rule.id} failed: ${(e as Error).message}` });
  }
}

/** Runs a conversation rule; its reports become findings on the message they name. */
function runConversationRule(p: PreparedRule<ConversationRule>, view: ConversationView, sink: Finding[], diagnostics: Diagnostic[]): void {
  const rule = p.rule;
  const ctx: ConversationContext = {
    rule, view,
    report(r) {
      const entry = view.entries[r.message];
      if (!entry) return;
      const text = view.conversation.messages[r.message]?.text ?? '';
      const start = Math.max(0, Math.min(r.start, text.length));
      const end = Math.max(start, Math.min(r.end, text.length));
      if (end <= start) return;
      sink.push({
        rule: rule.id, category: rule.category, kind: 'problem', skill: CATEGORY_SKILL[rule.category as Exclude<Category, SignalCategory>],
        message: r.message, start, end, excerpt: text.slice(start, end),
        explanation: r.explanation ?? `${rule.docs.why} ${rule.docs.instead}`,
        suggestion: r.suggestion ?? null, severity: r.severity ?? p.severity,
      });
    },
  };
  try {
    rule.check(ctx);
  } catch (e) {
    diagnostics.push({ text: `rule ${rule.id} failed: ${(e as Error).message}` });
  }
}

function parseNow(now: AnalyzeOptions['now']): number | null {
  if (now === undefined) return null;
  const t = typeof now === 'number' ? now : Date.parse(now);
  return Number.isFinite(t) ? t : null;
}

/** The text of system lines and internal notes is not read: one empty document stands in for all of them. */
const EMPTY_DOC = new Doc('');

function escapePattern(form: string): string {
  return form.replace(/[()[\]|]/g, ' ').replace(/(^|\s)\*+(?=\s|$)/g, ' ').trim();
}

/** A context word within the same sentence as the match. */
function hasContextWord(doc: Doc, m: PhraseMatch, context: string[]): boolean {
  const s = doc.sentenceAt(m.start);
  if (!s) return false;
  for (let k = s.first; k < s.last; k++) {
    if (k >= m.first && k < m.last) continue;
    const norm = doc.tokens[k]!.norm;
    for (const c of context) if (norm === c || norm.startsWith(c)) return true;
  }
  return false;
}

let defaultEngine: Engine | undefined;

/** Analyzes with the built-in rules and lists (no team config). */
export function analyze(conversation: Conversation | unknown, options?: AnalyzeOptions): AnalysisResult {
  defaultEngine ??= new Engine();
  return defaultEngine.analyze(conversation, options);
}

export function getDefaultEngine(): Engine {
  return (defaultEngine ??= new Engine());
}
