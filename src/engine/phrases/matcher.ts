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
  any?: TrieNode;
  /** Edges taken by any word of a set (alternatives of single words). */
  sets?: Array<{ key: string; words: Set<string>; node: TrieNode }>;
  /** Phrases ending here. */
  out?: PhraseRef[];
}

const newNode = (): TrieNode => ({ next: new Map() });

export class PhraseMatcher {
  private root: TrieNode = newNode();
  private maxDepth = 0;

  add(pattern: string, ref: PhraseRef): void {
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

  /** Matches in tokens[first, last). */
  matchRange(tokens: Token[], first: number, last: number, out: PhraseMatch[] = []): PhraseMatch[] {
    let states: TrieNode[] = [];
    for (let i = first; i < last; i++) {
      states.length = 0;
      states.push(this.root);
      for (let j = i; j < last && states.length > 0; j++) {
        const tok = tokens[j]!;
        work.steps += states.length;
        const nextStates: TrieNode[] = [];
        for (const st of states) {
          const child = st.next.get(tok.norm);
          if (child) nextStates.push(child);
          if (st.any && tok.kind !== 'punct') nextStates.push(st.any);
          if (st.sets) for (const e of st.sets) if (e.words.has(tok.norm)) nextStates.push(e.node);
        }
        for (const st of nextStates) {
          if (st.out) for (const ref of st.out) out.push({ ...ref, first: i, last: j + 1, start: tokens[i]!.start, end: tok.end });
        }
        states = nextStates;
        if (j - i + 1 >= this.maxDepth) break;
      }
    }
    return out;
  }
}
