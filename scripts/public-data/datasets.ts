// Loaders for the public data sets in ../shared/data/ (each folder's SOURCE.md
// says what the labels mean and under which licence). Every loader returns
// plain rows with the split each row belongs to; the split rules are fixed
// (see splits.ts) and stated in docs/ACCURACY.md.

import { readdirSync } from 'node:fs';
import { dataPath, readCsv, readJsonl, readText, readTsv } from './io.js';
import { airlineIsTest, epitomeIsTest, politenessIsTest } from './splits.js';
import { quantileSorted } from './metrics.js';

export type Split = 'train' | 'dev' | 'test';

// ------------------------------------------------------------ politeness

export type Community = 'wikipedia' | 'stack-exchange';

export interface PolitenessRow {
  community: Community;
  id: string;
  text: string;
  /** The mean of the five annotators' z-scored ratings (higher is more polite). */
  score: number;
  split: 'train' | 'test';
}

/** The Stanford Politeness Corpus (Danescu-Niculescu-Mizil et al. 2013), one community. */
export function loadPoliteness(community: Community): PolitenessRow[] {
  const file = community === 'wikipedia' ? 'wikipedia.annotated.csv' : 'stack-exchange.annotated.csv';
  return readCsv('stanford-politeness', file).map((r) => ({
    community,
    id: r.Id!,
    text: r.Request!,
    score: Number(r['Normalized Score']),
    split: politenessIsTest(r.Id!) ? 'test' : 'train',
  }));
}

/**
 * The paper's binary task: rank by the normalised score over the whole
 * community, the top quartile is polite (1) and the bottom quartile impolite
 * (0); the middle half is dropped. The quartiles are the community's own
 * (SOURCE.md: Wikipedia −0.4426 / 0.5144, Stack Exchange −0.3438 / 0.4208).
 */
export function politenessQuartiles(rows: PolitenessRow[]): { q1: number; q3: number; binary: Array<PolitenessRow & { polite: 0 | 1 }> } {
  const sorted = rows.map((r) => r.score).sort((a, b) => a - b);
  const q = (p: number): number => quantileSorted(sorted, p);
  const q1 = q(0.25);
  const q3 = q(0.75);
  const binary: Array<PolitenessRow & { polite: 0 | 1 }> = [];
  for (const r of rows) {
    if (r.score >= q3) binary.push({ ...r, polite: 1 });
    else if (r.score <= q1) binary.push({ ...r, polite: 0 });
  }
  return { q1, q3, binary };
}

export interface HolisticPolitenessRow {
  text: string;
  /** Mean of three ratings, 0 (very rude) … 2 (neutral) … 4 (very polite). */
  label: number;
  split: Split;
}

/** Havaldar et al. 2023, English (CC BY-NC: evaluation only). */
export function loadHolisticPoliteness(split: Split): HolisticPolitenessRow[] {
  const file = split === 'dev' ? 'english_val.csv' : `english_${split}.csv`;
  return readCsv('holistic-politeness-havaldar2023', file).map((r) => ({ text: r.Utterance!, label: Number(r.labels), split }));
}

// ------------------------------------------------------------ empathy

export type Mechanism = 'ER' | 'IP' | 'EX';
export const MECHANISM_FILES: Record<Mechanism, string> = {
  ER: 'emotional-reactions-reddit.csv',
  IP: 'interpretations-reddit.csv',
  EX: 'explorations-reddit.csv',
};

export interface EpitomeRow {
  spId: string;
  rpId: string;
  seeker: string;
  response: string;
  level: 0 | 1 | 2;
  rationales: string[];
  split: 'train' | 'test';
}

/** EPITOME (Sharma et al. 2020), Reddit portion, one mechanism (evaluation only). */
export function loadEpitome(mechanism: Mechanism): EpitomeRow[] {
  return readCsv('epitome-empathy', MECHANISM_FILES[mechanism]).map((r) => ({
    spId: r.sp_id!,
    rpId: r.rp_id!,
    seeker: r.seeker_post!,
    response: r.response_post!,
    level: Number(r.level) as 0 | 1 | 2,
    rationales: (r.rationales ?? '').split('|').map((s) => s.trim()).filter(Boolean),
    split: epitomeIsTest(r.sp_id!, r.rp_id!) ? 'test' : 'train',
  }));
}

export interface EsconvTurn {
  context: Array<{ role: 'seeker' | 'supporter'; text: string; strategy: string | null }>;
  response: string;
  strategy: string;
  split: 'dev' | 'test';
}

/** ESConv (Liu et al. 2021) strategy-labelled supporter turns (CC BY-NC: evaluation only). */
export function loadEsconv(split: 'dev' | 'test'): EsconvTurn[] {
  return readJsonl<Omit<EsconvTurn, 'split'>>('esconv-partial', `${split}_supporter_turns.jsonl`).map((r) => ({ ...r, split }));
}

// ------------------------------------------------------------ customer emotion

export interface GoEmotionsRow {
  text: string;
  /** The 28 original labels (27 emotions + neutral), by name. */
  labels: string[];
  id: string;
  split: Split;
}

export function goEmotionsLabelNames(): string[] {
  return readText('goemotions', 'original', 'labels.txt').split('\n').map((s) => s.trim()).filter(Boolean);
}

/** GoEmotions (Demszky et al. 2020), the official filtered splits (CC BY 4.0). */
export function loadGoEmotions(split: Split): GoEmotionsRow[] {
  const names = goEmotionsLabelNames();
  return readTsv('goemotions', 'original', `${split}.tsv`).map(([text, ids, id]) => ({
    text: text!,
    labels: ids!.split(',').map((i) => names[Number(i)]!),
    id: id!,
    split,
  }));
}

/** The paper's Ekman grouping of the 27 emotions (ekman_mapping.json); neutral stays neutral. */
export function goEmotionsEkman(): Record<string, string> {
  const mapping = JSON.parse(readText('goemotions', 'ekman_mapping.json')) as Record<string, string[]>;
  const out: Record<string, string> = { neutral: 'neutral' };
  for (const [group, members] of Object.entries(mapping)) for (const m of members) out[m] = group;
  return out;
}

export interface AirlineRow {
  id: string;
  airline: string;
  sentiment: 'negative' | 'neutral' | 'positive';
  confidence: number;
  reason: string;
  text: string;
  split: 'train' | 'test';
}

/** Twitter US Airline Sentiment (CC BY-NC-SA: evaluation only). */
export function loadAirline(): AirlineRow[] {
  return readCsv('twitter-airline-sentiment', 'Tweets.csv.gz').map((r) => ({
    id: r.tweet_id!,
    airline: r.airline!,
    sentiment: r.airline_sentiment as AirlineRow['sentiment'],
    confidence: Number(r.airline_sentiment_confidence),
    reason: r.negativereason ?? '',
    text: r.text!,
    split: airlineIsTest(r.tweet_id!) ? 'test' : 'train',
  }));
}

export interface TweetsummDialog {
  split: Split;
  dialogId: string;
  turns: Array<{ role: 'customer' | 'agent'; text: string }>;
  isNegative: 0 | 1;
  negativeCustomerTurns: string[];
  hasGratitude: 0 | 1;
  gratitudeCustomerTurns: string[];
}

/** TweetSumm dialogues with the student team's silver negativity and gratitude labels (evaluation only). */
export function loadTweetsumm(): TweetsummDialog[] {
  type Raw = { split: string; dialog_id: string; turns: TweetsummDialog['turns']; is_negative: 0 | 1; negative_customer_turns: string[] | null; has_gratitude: 0 | 1; gratitude_customer_turns: string[] | null };
  return readJsonl<Raw>('tweetsumm-customer-care', 'dialogs_labeled.jsonl').map((r) => ({
    split: (r.split === 'valid' ? 'dev' : r.split) as Split,
    dialogId: r.dialog_id,
    turns: r.turns,
    isNegative: r.is_negative,
    negativeCustomerTurns: r.negative_customer_turns ?? [],
    hasGratitude: r.has_gratitude,
    gratitudeCustomerTurns: r.gratitude_customer_turns ?? [],
  }));
}

export interface RsicsRow {
  dataset: number;
  id: string;
  text: string;
  /** The relational text the reviewers selected. */
  selected: string;
  tags: { greeting: boolean; backstory: boolean; justification: boolean; rant: boolean; gratitude: boolean; other: boolean; expressEmotion: boolean };
}

/** RSiCS (Beaver et al. 2020), requests to customer-service virtual agents (ODbL 1.0). */
export function loadRsics(): RsicsRow[] {
  return readCsv('rsics-relational-strategies', 'tagged_selections_by_sentence.csv').map((r) => ({
    dataset: Number(r.Dataset),
    id: `${r.Dataset}-${r.Partition}-${r.SentenceID}`,
    text: `${r.MergedSelections ?? ''}`.replace(/[[\]]/g, ''),
    selected: r.Selected ?? '',
    tags: {
      greeting: r.Greeting === '1', backstory: r.Backstory === '1', justification: r.Justification === '1', rant: r.Rant === '1',
      gratitude: r.Gratitude === '1', other: r.Other === '1', expressEmotion: r['Express Emotion'] === '1',
    },
  }));
}

// ------------------------------------------------------------ hostility

export interface JigsawRow {
  text: string;
  toxic: boolean;
  severeToxic: boolean;
  obscene: boolean;
  threat: boolean;
  insult: boolean;
  identityHate: boolean;
}

/** The 101-row Jigsaw toxic-comment sample (CC0). */
export function loadJigsaw(): JigsawRow[] {
  return readCsv('jigsaw-toxic-sample', 'test_examples.csv').map((r) => ({
    text: r.comment_text!,
    toxic: r.toxic === '1', severeToxic: r.severe_toxic === '1', obscene: r.obscene === '1',
    threat: r.threat === '1', insult: r.insult === '1', identityHate: r.identity_hate === '1',
  }));
}

export interface BitextRow {
  flags: string;
  text: string;
  category: string;
  intent: string;
}

/** Bitext's synthetic customer-service utterances (CDLA-Sharing 1.0); flag W is offensive, P polite. */
export function loadBitext(): BitextRow[] {
  return readCsv('bitext-customer-service-sample', 'Bitext_Sample_Customer_Service_Training_Dataset.csv').map((r) => ({
    flags: r.flags ?? '', text: r.utterance!, category: r.category!, intent: r.intent!,
  }));
}

// ------------------------------------------------------------ unlabelled support chat

/**
 * Messages of the #ubuntu help channel (Kummerfeld et al. 2019, CC BY 4.0),
 * training files only: `[HH:MM] <nick> text` lines, with a leading "nick:"
 * address dropped. Unlabelled; every `step`-th message is kept.
 */
export function loadUbuntuIrcTrain(step = 1): string[] {
  const files = readdirSync(dataPath('ubuntu-irc-disentanglement', 'train')).filter((f) => f.endsWith('.raw.txt.gz')).sort();
  const out: string[] = [];
  let k = 0;
  for (const f of files) {
    for (const line of readText('ubuntu-irc-disentanglement', 'train', f).split('\n')) {
      const m = /^\[\d\d:\d\d\] <[^>\s]{1,40}> (.*)$/.exec(line);
      if (!m) continue;
      if (k++ % step !== 0) continue;
      out.push(m[1]!.replace(/^[\w`|^[\]{}\\-]{1,30}[:,] /, ''));
    }
  }
  return out;
}
