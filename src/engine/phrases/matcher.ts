// Every phrase of every list, compiled into one token trie. One pass over a
// message's tokens finds all phrases of all lists at once: the cost per message
// depends on its length and the depth of the trie, not on the number of phrases.
// Before matching, the trie is minimised into a graph (identical subtrees are
// shared: alternatives multiply prefixes, but their endings are the same), which
// keeps it small enough to stay in the processor's cache.

import type { Doc } from '../text/doc.js';
import type { Token } from '../text/tokenize.js';
import { work } from '../work.js';
import { expandPattern, type Sequence } from './pattern.js';

export interface PhraseRef {
  /** The phrase list it belongs to. */
  list: string;
  /** Index of the entry in that list. */
  entry: number;
}

export interface PhraseMatch extends PhraseRef {
  /** Token indexes [first, last) in the Doc. */
  first: number;
  last: number;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  any: TrieNode | undefined;
  /** Edges taken by any word of a set (alternatives of single words). */
  sets: Array<{ key: string; words: Set<string>; node: TrieNode }> | undefined;
  /** Phrases ending here. */
  out: PhraseRef[] | undefined;
  /** Built once before matching: every word (by its number in the vocabulary) to every node it leads to. */
  index: Map<number, TrieNode[]> | undefined;
  /** Number in the minimised graph (orders a set of nodes into one key). */
  id: number;
}

/**
 * A state of the deterministic matcher: a set of graph nodes reached together.
 * Built lazily, the first time a word leads there, then reused: matching does one
 * lookup per token however many phrases are in progress (as RE2 does for regexes).
 */
interface DState {
  nodes: TrieNode[];
  /** Next state by word number (UNKNOWN_WORD / UNKNOWN_PUNCT for words no pattern has); DEAD: nothing left. */
  next: Map<number, DState>;
  /** Phrases that end in this state. */
  out: PhraseRef[] | undefined;
}

/** The state with no phrase left in progress (one object, so a dead end is one lookup). */
const DEAD: DState = { nodes: [], next: new Map(), out: undefined };

/** Keys for tokens outside the vocabulary: a word still feeds "*" and "**", punctuation does not. */
const UNKNOWN_WORD = -1;
const UNKNOWN_PUNCT = -2;
/** The lazily built states are dropped and rebuilt past this many (bounded memory on any input). */
const MAX_DSTATES = 20_000;

/** Every node has every field from the start: one object shape keeps the matching loop's reads fast. */
const newNode = (): TrieNode => ({ next: new Map(), any: undefined, sets: undefined, out: undefined, index: undefined, id: -1 });

export class PhraseMatcher {
  private root: TrieNode = newNode();
  private maxDepth = 0;
  /** The minimised graph matching runs on; rebuilt after an `add`. */
  private compiled: TrieNode | undefined;
  /** Deterministic states by the ids of their nodes, and the state each word starts. */
  private dstates = new Map<string, DState>();
  /** By word number: the state a phrase starting with it is in (DEAD: none starts with it; undefined: not built yet). */
  private starts: Array<DState | undefined> = [];
  /** Word numbers of punctuation in the vocabulary ("*" and "**" do not cross punctuation). */
  private punct = new Set<number>();
  /** Every word of every pattern, numbered: a token is looked up once, then states follow numbers. */
  private vocab = new Map<string, number>();
  /** The word numbers of the tokens being matched (reused between calls; -1: a word no pattern has). */
  private ids = new Int32Array(256);
  /** Nodes in the trie as built and in the minimised graph (for the benchmark and tests). */
  readonly size = { trie: 1, graph: 0 };

  private frozen = false;
  /** How many lazily built states are kept before they are dropped and rebuilt. */
  private readonly maxStates: number;

  constructor(options: { maxStates?: number } = {}) {
    this.maxStates = options.maxStates ?? MAX_DSTATES;
  }

  add(pattern: string, ref: PhraseRef): void {
    this.frozen = false;
    for (const seq of expandPattern(pattern, { sets: true })) this.addSequence(seq, ref);
  }

  private addSequence(seq: Sequence, ref: PhraseRef): void {
    let node = this.root;
    for (const item of seq) {
      if ('any' in item) {
        if (!node.any) this.size.trie++;
        node = node.any ??= newNode();
      } else if ('set' in item) {
        const key = item.set.join('|');
        node.sets ??= [];
        let edge = node.sets.find((e) => e.key === key);
        if (!edge) {
          node.sets.push((edge = { key, words: new Set(item.set), node: newNode() }));
          this.size.trie++;
        }
        node = edge.node;
      } else {
        let child = node.next.get(item.lit);
        if (!child) {
          node.next.set(item.lit, (child = newNode()));
          this.size.trie++;
        }
        node = child;
      }
    }
    // A pattern can expand to the same sequence twice ("a ** ** d"): one output is enough.
    const out = (node.out ??= []);
    if (!out.some((r) => r.list === ref.list && r.entry === ref.entry)) out.push(ref);
    this.maxDepth = Math.max(this.maxDepth, seq.length);
  }

  /** All matches in the prose of a document, within sentences, in order of start. */
  matchDoc(doc: Doc): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (const s of doc.sentences) this.matchRange(doc.tokens, s.first, s.last, out);
    return out;
  }

  /**
   * Minimises the trie (bottom-up, a node is replaced by an identical one already
   * seen: same phrases ending there, same edges to the same nodes), then indexes
   * every node's edges by word, so that matching does one lookup per active state.
   */
  private freeze(): void {
    const canon = new Map<string, TrieNode>();
    const ids = new Map<TrieNode, number>();
    const built = new Map<TrieNode, TrieNode>();
    const build = (node: TrieNode): TrieNode => {
      const done = built.get(node);
      if (done) return done;
      const next = new Map<string, TrieNode>();
      for (const [w, child] of node.next) next.set(w, build(child));
      const sets = node.sets?.map((e) => ({ key: e.key, words: e.words, node: build(e.node) }));
      const any = node.any ? build(node.any) : undefined;
      const parts: string[] = [(node.out ?? []).map((r) => `${r.list}#${r.entry}`).join(',')];
      for (const w of [...next.keys()].sort()) parts.push(`${w}>${ids.get(next.get(w)!)}`);
      for (const e of [...(sets ?? [])].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) parts.push(`{${e.key}}>${ids.get(e.node)}`);
      if (any) parts.push(`*>${ids.get(any)}`);
      const sig = parts.join('\u0000');
      let c = canon.get(sig);
      if (!c) {
        c = { next, any, sets, out: node.out, index: undefined, id: canon.size };
        canon.set(sig, c);
        ids.set(c, ids.size);
      }
      built.set(node, c);
      return c;
    };
    this.compiled = build(this.root);
    const vocab = new Map<string, number>();
    const idOf = (w: string): number => {
      let id = vocab.get(w);
      if (id === undefined) vocab.set(w, (id = vocab.size));
      return id;
    };
    for (const node of canon.values()) {
      const index = new Map<number, TrieNode[]>();
      for (const [w, child] of node.next) index.set(idOf(w), [child]);
      for (const e of node.sets ?? []) {
        for (const w of e.words) {
          const id = idOf(w);
          const arr = index.get(id);
          if (arr) {
            if (!arr.includes(e.node)) arr.push(e.node);
          } else index.set(id, [e.node]);
        }
      }
      node.index = index;
    }
    this.vocab = vocab;
    this.punct = new Set([...vocab].filter(([w]) => !/[\p{L}\p{N}]/u.test(w)).map(([, id]) => id));
    this.dstates = new Map();
    this.starts = new Array<DState | undefined>(vocab.size).fill(undefined);
    this.size.graph = canon.size;
    this.frozen = true;
  }

  /** The deterministic state for a set of nodes (each node once), or DEAD for the empty set. */
  private stateOf(nodes: TrieNode[]): DState {
    if (nodes.length === 0) return DEAD;
    nodes.sort((a, b) => a.id - b.id);
    let key = '';
    for (const n of nodes) key += `${n.id},`;
    let st = this.dstates.get(key);
    if (!st) {
      if (this.dstates.size >= this.maxStates) {
        this.dstates = new Map();
        this.starts.fill(undefined);
      }
      let out: PhraseRef[] | undefined;
      for (const n of nodes) if (n.out) (out ??= []).push(...n.out);
      // Phrases ending together come out in the order of their lists' entries: the earlier entry wins ties downstream.
      if (out && out.length > 1) {
        const rank = new Map<string, number>();
        for (const r of out) if (!rank.has(r.list)) rank.set(r.list, rank.size);
        out.sort((a, b) => rank.get(a.list)! - rank.get(b.list)! || a.entry - b.entry);
      }
      st = { nodes, next: new Map(), out };
      this.dstates.set(key, st);
    }
    return st;
  }

  /** Where a word leads from a state, built the first time it is asked. */
  private follow(st: DState, word: number): DState {
    const punct = word === UNKNOWN_PUNCT || this.punct.has(word);
    const reached: TrieNode[] = [];
    for (const n of st.nodes) {
      if (word >= 0) {
        const children = n.index!.get(word);
        if (children) for (const c of children) if (!reached.includes(c)) reached.push(c);
      }
      if (n.any && !punct && !reached.includes(n.any)) reached.push(n.any);
    }
    const to = this.stateOf(reached);
    st.next.set(word, to);
    return to;
  }

  /** The state a phrase starting with this word is in (phrases start with a word, never with "*"). */
  private start(word: number): DState {
    let st = this.starts[word];
    if (st === undefined) {
      const first = this.compiled!.index!.get(word);
      st = first ? this.stateOf([...first]) : DEAD;
      this.starts[word] = st;
    }
    return st;
  }

  /** Matches in tokens[first, last). */
  matchRange(tokens: Token[], first: number, last: number, out: PhraseMatch[] = []): PhraseMatch[] {
    if (!this.frozen) this.freeze();
    // One vocabulary lookup per token; from then on, states follow word numbers.
    if (this.ids.length < last - first) this.ids = new Int32Array(Math.max(last - first, this.ids.length * 2));
    const ids = this.ids;
    const vocab = this.vocab;
    for (let k = first; k < last; k++) {
      const t = tokens[k]!;
      ids[k - first] = vocab.get(t.norm) ?? (t.kind === 'punct' ? UNKNOWN_PUNCT : UNKNOWN_WORD);
    }
    for (let i = first; i < last; i++) {
      const w = ids[i - first]!;
      // Most tokens start no phrase: one lookup decides.
      if (w < 0) continue;
      let st = this.starts[w] ?? this.start(w);
      if (st === DEAD) continue;
      work.steps += 1;
      if (st.out) this.emit(st.out, tokens, i, i, out);
      for (let j = i + 1; j < last && j - i < this.maxDepth; j++) {
        const word = ids[j - first]!;
        st = st.next.get(word) ?? this.follow(st, word);
        if (st === DEAD) break;
        work.steps += 1;
        if (st.out) this.emit(st.out, tokens, i, j, out);
      }
    }
    return out;
  }

  private emit(refs: PhraseRef[], tokens: Token[], i: number, j: number, out: PhraseMatch[]): void {
    for (const ref of refs) out.push({ list: ref.list, entry: ref.entry, first: i, last: j + 1, start: tokens[i]!.start, end: tokens[j]!.end });
  }
}
