// The engine: a conversation in, findings and scores out. Pure and isomorphic
// (no file system, no network), so the same code runs in the CLI, the server
// and the agent's browser.

import { BUILTIN_GLOSSARY, BUILTIN_PHRASES } from './data/builtin.generated.js';
import { DEFAULT_THRESHOLDS, type EngineConfig, type Thresholds } from './config.js';
import { DataError, type GlossaryTerm, type LoadError, type PhraseEntry, type PhraseList } from './phrases/load.js';
import { PhraseMatcher, type PhraseMatch } from './phrases/matcher.js';
import { existenceRule } from './rules/existence.js';
import { RULES } from './rules/index.js';
import type { CustomerView, Rule, RuleContext, Report } from './rule.js';
import { estimateExpertise } from './signals/expertise.js';
import { scoreConversation, scoreMessage } from './score/score.js';
import { Doc } from './text/doc.js';
import { normalizeConversation } from './input.js';
import {
  CATEGORY_SKILL, kindOf, type AnalysisResult, type Category, type Conversation, type Diagnostic, type Finding,
  type MessageAnalysis, type Severity, type SignalCategory,
} from './types.js';
import { postProcess } from './postprocess.js';

export interface AnalyzeOptions {
  /** Only run these rule ids (used by rule tests and the coach's quick mode). */
  only?: string[];
}

interface PreparedRule {
  rule: Rule;
  severity: Severity;
}

export class Engine {
  readonly rules: Rule[];
  readonly lists: Map<string, PhraseList>;
  readonly glossaryTerms: GlossaryTerm[];
  readonly thresholds: Thresholds;
  private prepared: PreparedRule[];
  private matcher = new PhraseMatcher();
  private glossaryMatcher = new PhraseMatcher();

  constructor(config: EngineConfig = {}) {
    const errors: LoadError[] = [];
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...(config.thresholds ?? {}) };
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
          this.glossaryMatcher.add(escapePattern(form), { list: 'glossary', entry });
        } catch {
          /* a form with no words (e.g. only symbols) cannot be matched; the loader reports it */
        }
      }
    });
    // Rules: the built-in registry plus one rule per existence list, then the team's settings.
    const rules: Rule[] = [...RULES];
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
    const customerRules = active.filter((p) => p.rule.on === 'customer');
    const agentRules1 = active.filter((p) => p.rule.on === 'agent' && (p.rule.phase ?? 1) === 1);
    const agentRules2 = active.filter((p) => p.rule.on === 'agent' && p.rule.phase === 2);

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
      if (message.role === 'system' || message.role === 'note') {
        analyses.push({ index, role: message.role });
        return;
      }
      const doc = new Doc(message.text);
      const state = this.messageState(doc);
      const local: Finding[] = [];
      // One context per message; the rule being run is swapped in (no per-rule allocation).
      const ctx = new MessageContext(this, doc, state, index, conversation, customer, agentHistory, local);
      const makeCtx = (p: PreparedRule, found: Finding[]): RuleContext => ctx.use(p, found);
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
        customer.expertise = estimateExpertise(customer.messages, (d) => this.glossaryIn(d), (id, d) => this.matchesIn(id, d));
        findings.push(...processed);
        perMessage[index] = processed;
        analyses.push({ index, role: 'customer', expertise: customer.expertise });
        return;
      }
      // Agent message
      for (const p of agentRules1) runRule(p, makeCtx(p, local), diagnostics, index);
      const phase1 = [...local];
      for (const p of agentRules2) runRule(p, makeCtx(p, phase1), diagnostics, index);
      const processed = postProcess(local, doc);
      findings.push(...processed);
      perMessage[index] = processed;
      analyses.push({ index, role: 'agent', scores: scoreMessage(processed, { hasProse: doc.hasProse, afterCustomer: sawCustomer, customerSignals: customer.recentSignals }) });
      agentHistory.push({ index, doc });
      customer.recent = [];
      customer.recentSignals = new Set();
      customer.recentSignalFindings = [];
    });

    return { findings, scores: scoreConversation(analyses), messages: analyses, diagnostics };
  }

  /** Convenience for drafts: judges `draft` as the next agent message after `context`. */
  checkDraft(draft: string, context?: Conversation | null, options: AnalyzeOptions = {}): AnalysisResult {
    const messages = [...(context?.messages ?? []), { role: 'agent' as const, text: draft }];
    return this.analyze({ ...(context ?? {}), messages }, options);
  }

  glossaryIn(doc: Doc): Array<PhraseMatch & { term: GlossaryTerm }> {
    const out: Array<PhraseMatch & { term: GlossaryTerm }> = [];
    for (const m of this.glossaryMatcher.matchDoc(doc)) {
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
        return byList.get(listId) ?? [];
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

  use(p: PreparedRule, found: readonly Finding[]): this {
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

interface MessageState {
  matches(listId: string): PhraseMatch[];
  glossary(): Array<PhraseMatch & { term: GlossaryTerm }>;
}

function runRule(p: PreparedRule, ctx: RuleContext, diagnostics: Diagnostic[], index: number): void {
  try {
    p.rule.check(ctx);
  } catch (e) {
    // One faulty rule must not lose the other findings.
    diagnostics.push({ message: index, text: `rule ${p.rule.id} failed: ${(e as Error).message}` });
  }
}

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
