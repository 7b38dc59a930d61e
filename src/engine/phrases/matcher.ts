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
  /** The last matching step that reached this node (to keep each state once per step). */
  seen: number;
}

/** Every node has every field from the start: one object shape keeps the matching loop's reads fast. */
const newNode = (): TrieNode => ({ next: new Map(), any: undefined, sets: undefined, out: undefined, index: undefined, seen: 0 });

export class PhraseMatcher {
  private root: TrieNode = newNode();
  private maxDepth = 0;
  /** The minimised graph matching runs on; rebuilt after an `add`. */
  private compiled: TrieNode | undefined;
  private step = 0;
  /** Every word of every pattern, numbered: a token is looked up once, then states follow numbers. */
  private vocab = new Map<string, number>();
  /** The word numbers of the tokens being matched (reused between calls; -1: a word no pattern has). */
  private ids = new Int32Array(256);
  /** Nodes in the trie as built and in the minimised graph (for the benchmark and tests). */
  readonly size = { trie: 1, graph: 0 };

  private frozen = false;

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
        c = { next, any, sets, out: node.out, index: undefined, seen: 0 };
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
    this.size.graph = canon.size;
    this.frozen = true;
  }

  /** Matches in tokens[first, last). */
  matchRange(tokens: Token[], first: number, last: number, out: PhraseMatch[] = []): PhraseMatch[] {
    if (!this.frozen) this.freeze();
    const rootIndex = this.compiled!.index!;
    let states: TrieNode[] = [];
    let nextStates: TrieNode[] = [];
    // One vocabulary lookup per token; from then on, states follow word numbers.
    if (this.ids.length < last - first) this.ids = new Int32Array(Math.max(last - first, this.ids.length * 2));
    const ids = this.ids;
    const vocab = this.vocab;
    for (let k = first; k < last; k++) ids[k - first] = vocab.get(tokens[k]!.norm) ?? -1;
    for (let i = first; i < last; i++) {
      // Most tokens start no phrase: one lookup decides.
      const starts = rootIndex.get(ids[i - first]!);
      if (!starts) continue;
      states.length = 0;
      for (const st of starts) states.push(st);
      work.steps += 1;
      this.emit(states, tokens, i, i, out);
      for (let j = i + 1; j < last && states.length > 0 && j - i < this.maxDepth; j++) {
        const tok = tokens[j]!;
        work.steps += states.length;
        nextStates.length = 0;
        // Paths can meet in the graph: keep each node once per step.
        const step = ++this.step;
        const id = ids[j - first]!;
        for (const st of states) {
          const children = id < 0 ? undefined : st.index!.get(id);
          if (children) {
            for (const c of children) {
              if (c.seen === step) continue;
              c.seen = step;
              nextStates.push(c);
            }
          }
          const any = st.any;
          if (any && tok.kind !== 'punct' && any.seen !== step) {
            any.seen = step;
            nextStates.push(any);
          }
        }
        this.emit(nextStates, tokens, i, j, out);
        const swap = states;
        states = nextStates;
        nextStates = swap;
      }
    }
    return out;
  }

  private emit(states: TrieNode[], tokens: Token[], i: number, j: number, out: PhraseMatch[]): void {
    for (const st of states) {
      if (st.out) for (const ref of st.out) out.push({ list: ref.list, entry: ref.entry, first: i, last: j + 1, start: tokens[i]!.start, end: tokens[j]!.end });
    }
  }
}
