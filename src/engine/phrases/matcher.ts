// Every phrase of every list, compiled into one token trie. One pass over a
// message's tokens finds all phrases of all lists at once: the cost per message
// depends on its length and the depth of the trie, not on the number of phrases.

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
  /** Built once before matching: every word to every node it leads to (literal and set edges). */
  index: Map<string, TrieNode[]> | undefined;
}

/** Every node has every field from the start: one object shape keeps the matching loop's reads fast. */
const newNode = (): TrieNode => ({ next: new Map(), any: undefined, sets: undefined, out: undefined, index: undefined });

export class PhraseMatcher {
  private root: TrieNode = newNode();
  private maxDepth = 0;

  private frozen = false;

  add(pattern: string, ref: PhraseRef): void {
    this.frozen = false;
    for (const seq of expandPattern(pattern, { sets: true })) this.addSequence(seq, ref);
  }

  private addSequence(seq: Sequence, ref: PhraseRef): void {
    let node = this.root;
    for (const item of seq) {
      if ('any' in item) node = node.any ??= newNode();
      else if ('set' in item) {
        const key = item.set.join('|');
        node.sets ??= [];
        let edge = node.sets.find((e) => e.key === key);
        if (!edge) node.sets.push((edge = { key, words: new Set(item.set), node: newNode() }));
        node = edge.node;
      } else {
        let child = node.next.get(item.lit);
        if (!child) node.next.set(item.lit, (child = newNode()));
        node = child;
      }
    }
    (node.out ??= []).push(ref);
    this.maxDepth = Math.max(this.maxDepth, seq.length);
  }

  /** All matches in the prose of a document, within sentences, in order of start. */
  matchDoc(doc: Doc): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (const s of doc.sentences) this.matchRange(doc.tokens, s.first, s.last, out);
    return out;
  }

  /** Indexes every node's edges by word, so that matching does one lookup per active state. */
  private freeze(): void {
    const visit = (node: TrieNode): void => {
      const index = new Map<string, TrieNode[]>();
      for (const [w, child] of node.next) index.set(w, [child]);
      for (const e of node.sets ?? []) {
        for (const w of e.words) {
          const arr = index.get(w);
          if (arr) {
            if (!arr.includes(e.node)) arr.push(e.node);
          } else index.set(w, [e.node]);
        }
      }
      node.index = index;
      for (const child of node.next.values()) visit(child);
      for (const e of node.sets ?? []) visit(e.node);
      if (node.any) visit(node.any);
    };
    visit(this.root);
    this.frozen = true;
  }

  /** Matches in tokens[first, last). */
  matchRange(tokens: Token[], first: number, last: number, out: PhraseMatch[] = []): PhraseMatch[] {
    if (!this.frozen) this.freeze();
    const rootIndex = this.root.index!;
    let states: TrieNode[] = [];
    let nextStates: TrieNode[] = [];
    for (let i = first; i < last; i++) {
      // Most tokens start no phrase: one lookup decides.
      const starts = rootIndex.get(tokens[i]!.norm);
      if (!starts) continue;
      states.length = 0;
      for (const st of starts) states.push(st);
      work.steps += 1;
      this.emit(states, tokens, i, i, out);
      for (let j = i + 1; j < last && states.length > 0 && j - i < this.maxDepth; j++) {
        const tok = tokens[j]!;
        work.steps += states.length;
        nextStates.length = 0;
        for (const st of states) {
          const children = st.index!.get(tok.norm);
          if (children) for (const c of children) nextStates.push(c);
          if (st.any && tok.kind !== 'punct') nextStates.push(st.any);
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
