// `npm run eval:public`: Rapport's judgments against public data labelled by
// people, beside the published results on the same data. Reads the data where
// it lies (../shared/data/, or $RAPPORT_PUBLIC_DATA; never copied here) and
// writes docs/ACCURACY.md from scratch; what it writes is what it prints.
//
// Every figure marked "engine" comes from the engine as shipped (`analyze`,
// with the weights in data/models/). Figures marked "recipe" retrain the
// shipped recipe (scripts/train/recipes.ts) on other training rows, for the
// papers' protocols (cross-domain, cross-validation); "research only" models
// are trained here in memory on non-shippable data to show a ceiling, and are
// never written anywhere. Test rows are never trained on (see Splits).
//
//   npm run eval:public                 everything, writes docs/ACCURACY.md
//   npm run eval:public -- --no-write   print only

import { writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Engine } from '../src/engine/engine.js';
import { builtinModel, learnedSignal, politeness, useLearnedSignals } from '../src/engine/learned/index.js';
import { Doc } from '../src/engine/text/doc.js';
import { evaluate, evaluateConversations, loadConversationGold, loadGold } from './eval.js';
import { BUILTIN_MODELS } from '../src/engine/data/models.generated.js';
import type { AnalysisResult, Conversation } from '../src/engine/types.js';
import {
  loadAirline, loadBitext, loadEpitome, loadEsconv, loadGoEmotions, loadHolisticPoliteness, loadJigsaw, loadPoliteness, loadRsics, loadTweetsumm,
  politenessQuartiles, type Community, type EpitomeRow, type Mechanism, type PolitenessRow,
} from './public-data/datasets.js';
import { dataDir } from './public-data/io.js';
import { relative } from 'node:path';
import { bitextIsTest, rsicsIsTest } from './public-data/splits.js';
import { counts, dec, multiclass, pct, pearson, prf, spearman, tally, type Counts } from './public-data/metrics.js';
import { featurize } from './train/featurize.js';
import { logitOf, POLITENESS, POLITENESS_TEST_TEXTS, trainPoliteness } from './train/recipes.js';
import { trainBatch, type TrainedModel } from './train/logreg.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const engine = new Engine();
const engineErrors = { count: 0, examples: [] as string[] };

/** The engine's analysis, or null when it throws (counted and reported: such a row counts as a miss). */
function analyze(conversation: Conversation): AnalysisResult | null {
  try {
    return engine.analyze(conversation);
  } catch (e) {
    engineErrors.count++;
    if (engineErrors.examples.length < 3) engineErrors.examples.push(`${(e as Error).message} — “${conversation.messages.map((m) => m.text).join(' / ').slice(0, 80)}”`);
    return null;
  }
}

function categoriesOn(result: AnalysisResult | null, message: number): string[] {
  return result ? result.findings.filter((f) => f.message === message).map((f) => f.category) : [];
}

/** Runs `f` with the learned customer signals off (the phrase rules alone), then restores them. */
function rulesOnly<T>(f: () => T): T {
  useLearnedSignals(false);
  try {
    return f();
  } finally {
    useLearnedSignals(true);
  }
}

const out: string[] = [];
const say = (...lines: string[]): void => {
  out.push(...lines);
};
const row = (...cells: Array<string | number>): string => `| ${cells.join(' | ')} |`;
/** A table's alignment row: the first `left` columns left-aligned (text), the rest right-aligned (figures). */
const rule = (n: number, left = 1): string => `|${Array.from({ length: n }, (_, i) => (i < left ? '---' : '---:')).join('|')}|`;
const f1s = (c: Counts): string => {
  const r = prf(c);
  return `${dec(r.precision)} | ${dec(r.recall)} | ${dec(r.f1)}`;
};

// ====================================================================== politeness

const PAPER_POLITENESS = {
  wikipedia: { bow: 0.7984, ling: 0.8379, human: 0.8672 },
  'stack-exchange': { bow: 0.7447, ling: 0.7819, human: 0.8089 },
} as const;
const PAPER_CROSS = { 'stack-exchange→wikipedia': { bow: 0.7217, ling: 0.7543 }, 'wikipedia→stack-exchange': { bow: 0.6423, ling: 0.6753 } } as const;
const NAMES: Record<Community, string> = { wikipedia: 'Wikipedia', 'stack-exchange': 'Stack Exchange' };

function enginePoliteness(text: string): number | null {
  return analyze({ messages: [{ role: 'agent', text }] })?.scores.politeness ?? null;
}

function recipeAccuracy(m: TrainedModel, rows: Array<PolitenessRow & { polite: 0 | 1 }>): number {
  let ok = 0;
  for (const r of rows) if ((logitOf(m, featurize(r.text, POLITENESS.bits)) >= 0 ? 1 : 0) === r.polite) ok++;
  return ok / rows.length;
}

/** Runs the optional scikit-learn check of the politeness baseline; null when Python or scikit-learn is missing. */
function sklearnPolitenessCheck(): Record<Community, { requests: number; best: number }> | null {
  const script = join(root, 'scripts/public-data/politeness-bow-check.py');
  for (const python of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(python, [script, join(dataDir(), 'stanford-politeness')], { encoding: 'utf8', timeout: 300_000 });
    if (r.status === 0) {
      try {
        return JSON.parse(r.stdout) as Record<Community, { requests: number; best: number }>;
      } catch {
        return null;
      }
    }
  }
  return null;
}

function politenessSection(): Record<string, number> {
  const figures: Record<string, number> = {};
  const data = {} as Record<Community, { all: PolitenessRow[]; binary: Array<PolitenessRow & { polite: 0 | 1 }>; q1: number; q3: number }>;
  for (const c of ['wikipedia', 'stack-exchange'] as const) {
    const all = loadPoliteness(c);
    const q = politenessQuartiles(all);
    data[c] = { all, ...q };
  }
  say('## Politeness', '');
  say('**Data**: the Stanford Politeness Corpus (Danescu-Niculescu-Mizil et al., ACL 2013), requests from Wikipedia talk pages and Stack Exchange, each rated by five annotators. **Task** (the paper\'s): rank a community\'s requests by the normalised score; the top quartile is polite, the bottom quartile impolite, the middle half is dropped. '
    + `Quartiles over the whole community: Wikipedia ${dec(data.wikipedia.q1, 4)} / ${dec(data.wikipedia.q3, 4)}, Stack Exchange ${dec(data['stack-exchange'].q1, 4)} / ${dec(data['stack-exchange'].q3, 4)}. `
    + '**What is measured**: `scores.politeness` from `analyze`, each request fed as a one-message agent conversation; polite when the score is 50 or more.', '');

  // In-domain, the fixed test split, the shipped engine.
  say('### In-domain, on the fixed test split (engine)', '');
  say('Test rows: requests whose `Id` is divisible by 5 (never trained on). The shipped model is trained on the other rows of both communities.', '');
  say(row('community', 'test requests', 'Rapport (engine)', 'paper: bag-of-words SVM', 'paper: linguistic SVM', 'paper: human agreement'), rule(6));
  for (const c of ['wikipedia', 'stack-exchange'] as const) {
    const test = data[c].binary.filter((r) => r.split === 'test');
    let ok = 0;
    for (const r of test) {
      const s = enginePoliteness(r.text);
      if (s !== null && (s >= 50 ? 1 : 0) === r.polite) ok++;
    }
    const acc = ok / test.length;
    figures[`politeness.${c}`] = acc;
    const p = PAPER_POLITENESS[c];
    say(row(NAMES[c], test.length, `**${pct(acc, 2)}**`, pct(p.bow, 2), pct(p.ling, 2), pct(p.human, 2)));
  }
  say('', 'The paper\'s in-domain figures are leave-one-out cross-validation over all of a community\'s quartile requests; ours are a held-out fifth, so the two differ by the split as well as by the model. The cross-validated figures below follow the paper\'s protocol more closely.', '');

  // In-domain, cross-validation within the training split, one community at a time (the recipe).
  say('### In-domain, 10-fold cross-validation within the training split (recipe)', '');
  say('The paper trains and tests within one community (leave-one-out). Here: the shipped recipe trained on nine tenths of one community\'s training rows (fold = position in the file mod 10) and tested on the remaining tenth\'s quartile requests; the test split is not used.', '');
  say(row('community', 'requests judged', 'Rapport (recipe, 10-fold CV)', 'paper: bag-of-words SVM', 'paper: linguistic SVM'), rule(5));
  for (const c of ['wikipedia', 'stack-exchange'] as const) {
    const train = data[c].all.filter((r) => r.split === 'train');
    const { q1, q3 } = data[c];
    const polite = new Map(train.map((r) => [r, r.score >= q3 ? 1 : r.score <= q1 ? 0 : undefined] as const));
    let ok = 0;
    let n = 0;
    for (let f = 0; f < 10; f++) {
      const held = train.filter((_, i) => i % 10 === f);
      const m = trainPoliteness(train.filter((_, i) => i % 10 !== f), new Set([...POLITENESS_TEST_TEXTS(), ...held.map((r) => r.text)]));
      for (const r of held) {
        const p = polite.get(r);
        if (p === undefined) continue;
        n++;
        if ((logitOf(m, featurize(r.text, POLITENESS.bits)) >= 0 ? 1 : 0) === p) ok++;
      }
    }
    figures[`politeness.cv.${c}`] = ok / n;
    say(row(NAMES[c], n, `**${pct(ok / n, 2)}**`, pct(PAPER_POLITENESS[c].bow, 2), pct(PAPER_POLITENESS[c].ling, 2)));
  }
  say('');

  // The paper's bag-of-words SVM rebuilt with scikit-learn, when it is installed: an outside check of what this data allows.
  const check = sklearnPolitenessCheck();
  say('### Independent check: the bag-of-words SVM rebuilt with scikit-learn', '');
  if (check) {
    say('`scripts/public-data/politeness-bow-check.py`: scikit-learn\'s `LinearSVC` on binary unigrams (the paper\'s bag-of-words baseline), 10-fold stratified cross-validation over all of a community\'s quartile requests, the best of C ∈ {0.02, 0.1, 0.5}. It shows what a standard implementation of the paper\'s baseline reaches on these very files.', '');
    say(row('community', 'quartile requests', 'scikit-learn BOW SVM (10-fold CV)', 'paper: bag-of-words SVM'), rule(4));
    for (const c of ['wikipedia', 'stack-exchange'] as const) {
      figures[`politeness.sklearn.${c}`] = check[c].best;
      say(row(NAMES[c], check[c].requests, pct(check[c].best, 2), pct(PAPER_POLITENESS[c].bow, 2)));
    }
  } else {
    say('Not run: scikit-learn is not installed here (`apt-get install python3-sklearn` to include it). It is optional.');
  }
  say('');

  // Cross-domain (the recipe, trained on one community's training rows only).
  say('### Cross-domain (recipe)', '');
  say('The shipped recipe trained on one community\'s training rows only, tested on the other community: on all its quartile requests (the paper\'s protocol: the model never saw that community) and on its fixed test split.', '');
  say(row('train → test', 'Rapport: all quartile requests', 'Rapport: test split', 'paper: bag-of-words SVM', 'paper: linguistic SVM'), rule(5));
  const directions: Array<[Community, Community, keyof typeof PAPER_CROSS]> = [['stack-exchange', 'wikipedia', 'stack-exchange→wikipedia'], ['wikipedia', 'stack-exchange', 'wikipedia→stack-exchange']];
  for (const [from, to, key] of directions) {
    const m = trainPoliteness(data[from].all.filter((r) => r.split === 'train'));
    const all = recipeAccuracy(m, data[to].binary);
    const test = recipeAccuracy(m, data[to].binary.filter((r) => r.split === 'test'));
    figures[`politeness.cross.${key}`] = all;
    say(row(`${NAMES[from]} → ${NAMES[to]}`, `**${pct(all, 2)}** (${data[to].binary.length})`, pct(test, 2), pct(PAPER_CROSS[key].bow, 2), pct(PAPER_CROSS[key].ling, 2)));
  }
  say('', 'The paper\'s figures are as recorded in `stanford-politeness/SOURCE.md`, which notes they were recalled, not checked against the PDF. A plain unigram logistic regression (the bag-of-words analogue) run the same way reaches Wikipedia comfortably but stays near 65 % on Stack Exchange, so the recorded Stack Exchange figures may not be reproducible from this data (see "Where it falls short" at the top).', '');

  // Holistic politeness (Havaldar et al. 2023): correlation, and 3 buckets with cut points from the dev split.
  const val = loadHolisticPoliteness('dev');
  const test = loadHolisticPoliteness('test');
  const scoreAll = (rows: typeof test): number[] => rows.map((r) => enginePoliteness(r.text) ?? 50);
  const vs = scoreAll(val);
  const ts = scoreAll(test);
  const bucket = (l: number): number => (l < 1.5 ? 0 : l <= 2.5 ? 1 : 2);
  let best = { a: 0, b: 0, acc: -1 };
  for (let a = 0; a <= 100; a += 2) for (let b = a; b <= 100; b += 2) {
    const acc = val.reduce((n, r, i) => n + ((vs[i]! < a ? 0 : vs[i]! <= b ? 1 : 2) === bucket(r.label) ? 1 : 0), 0) / val.length;
    if (acc > best.acc) best = { a, b, acc };
  }
  const gold = test.map((r) => bucket(r.label));
  const three = multiclass(gold, ts.map((s) => (s < best.a ? 0 : s <= best.b ? 1 : 2)));
  const majority = Math.max(...[0, 1, 2].map((k) => gold.filter((g) => g === k).length)) / gold.length;
  const r = pearson(ts, test.map((x) => x.label));
  const rho = spearman(ts, test.map((x) => x.label));
  figures['politeness.holistic.pearson'] = r;
  say('### Holistic politeness of talk-page utterances (engine)', '');
  say(`Havaldar et al. (EMNLP 2023), English: ${test.length} test utterances (not only requests), each the mean of three 0–4 ratings. Evaluation only (CC BY-NC); the paper fine-tunes multilingual transformers and its exact English figures are not recorded in SOURCE.md.`, '');
  say(row('measure', 'Rapport (engine)', 'reference'), rule(3));
  say(row('Pearson r with the mean rating', `**${dec(r)}**`, '—'));
  say(row('Spearman ρ', dec(rho), '—'));
  say(row(`3 buckets (rude < 1.5 ≤ neutral ≤ 2.5 < polite); our cut points ${best.a} / ${best.b} chosen on the ${val.length} dev utterances`, `${pct(three.accuracy)} (macro-F1 ${dec(three.macroF1)})`, `majority class ${pct(majority)}`));
  say('');
  return figures;
}

// ====================================================================== empathy

const PAPER_EPITOME: Record<Mechanism, { accuracy: number; macroF1: number }> = {
  ER: { accuracy: 0.794, macroF1: 0.745 },
  IP: { accuracy: 0.84, macroF1: 0.626 },
  EX: { accuracy: 0.926, macroF1: 0.726 },
};
const MECHANISM_NAMES: Record<Mechanism, string> = { ER: 'Emotional reactions', IP: 'Interpretations', EX: 'Explorations' };
/** Which of our findings on the reply stand for each EPITOME mechanism (issue 4). */
const MECHANISM_CATEGORIES: Record<Mechanism, string[]> = {
  ER: ['empathy'],
  IP: ['empathy', 'acknowledgment', 'paraphrase'],
  EX: ['diagnostic-question'],
};

/** Our level for a reply: 0 without a mapped finding, 1 with one, 2 with two or more (distinct spans). */
function levelOf(categories: string[], mapped: string[]): 0 | 1 | 2 {
  const n = categories.filter((c) => mapped.includes(c)).length;
  return n === 0 ? 0 : n === 1 ? 1 : 2;
}

/** A research-only model trained on EPITOME's training split (never shipped): level ≥ 1, and level 2, from the reply's features. */
function epitomeResearch(train: EpitomeRow[], test: EpitomeRow[]): { binary: number[]; three: number[] } {
  const bits = 18;
  const x = train.map((r) => featurize(r.response, bits));
  const opts = { bits, lambda: 1e-3, iterations: 150, rate: 0.05 };
  const any = trainBatch(train.map((r, i) => ({ x: x[i]!, y: r.level > 0 ? 1 : 0 })), opts);
  const strong = trainBatch(train.map((r, i) => ({ x: x[i]!, y: r.level === 2 ? 1 : 0 })), opts);
  const binary: number[] = [];
  const three: number[] = [];
  for (const r of test) {
    const f = featurize(r.response, bits);
    const a = logitOf(any, f) >= 0;
    binary.push(a ? 1 : 0);
    three.push(!a ? 0 : logitOf(strong, f) >= 0 ? 2 : 1);
  }
  return { binary, three };
}

function empathySection(): Record<string, number> {
  const figures: Record<string, number> = {};
  say('## Empathy', '');
  say('**Data**: EPITOME (Sharma et al., EMNLP 2020), the public Reddit portion: 3,084 seeker posts with a reply, each reply rated 0 (none), 1 (weak) or 2 (strong) on three mechanisms. **Test rows**: the pairs whose SHA-1 of `sp_id|rp_id` starts with a byte below 52 (about 20 %). '
    + '**What is measured**: each pair fed as a conversation (the seeker post as the customer, the reply as the agent); a mechanism is present when the reply has one of its findings: emotional reactions ↔ `empathy`; interpretations ↔ `empathy`, `acknowledgment` or `paraphrase`; explorations ↔ `diagnostic-question`. Our 3-level reading: 0 without such a finding, 1 with one, 2 with two or more.', '');
  const rows = { ER: loadEpitome('ER'), IP: loadEpitome('IP'), EX: loadEpitome('EX') };
  const test = rows.ER.filter((r) => r.split === 'test');
  const found = new Map<string, string[]>();
  for (const r of test) found.set(`${r.spId}|${r.rpId}`, categoriesOn(analyze({ messages: [{ role: 'customer', text: r.seeker }, { role: 'agent', text: r.response }] }), 1));
  say(row('mechanism', 'test pairs', 'Rapport: binary accuracy', 'binary macro-F1', 'majority class', 'Rapport: 3-level accuracy', '3-level macro-F1', 'paper: 3-level accuracy', 'paper: 3-level macro-F1'), rule(9));
  const research: string[] = [];
  for (const m of ['ER', 'IP', 'EX'] as const) {
    const t = rows[m].filter((r) => r.split === 'test');
    const gold3 = t.map((r) => r.level);
    const pred3 = t.map((r) => levelOf(found.get(`${r.spId}|${r.rpId}`) ?? [], MECHANISM_CATEGORIES[m]));
    const bin = multiclass(gold3.map((g) => (g > 0 ? 1 : 0)), pred3.map((p) => (p > 0 ? 1 : 0)));
    const three = multiclass(gold3, pred3);
    const majority = Math.max(...[0, 1].map((k) => gold3.filter((g) => (g > 0 ? 1 : 0) === k).length)) / t.length;
    figures[`empathy.${m}.binary`] = bin.accuracy;
    say(row(MECHANISM_NAMES[m], t.length, `**${pct(bin.accuracy)}**`, dec(bin.macroF1), pct(majority), pct(three.accuracy), dec(three.macroF1), `~${pct(PAPER_EPITOME[m].accuracy)}`, `~${dec(PAPER_EPITOME[m].macroF1)}`));
    const rr = epitomeResearch(rows[m].filter((r) => r.split === 'train'), t);
    const rb = multiclass(gold3.map((g) => (g > 0 ? 1 : 0)), rr.binary);
    const r3 = multiclass(gold3, rr.three);
    figures[`empathy.${m}.research`] = rb.accuracy;
    research.push(row(MECHANISM_NAMES[m], pct(rb.accuracy), dec(rb.macroF1), pct(r3.accuracy), dec(r3.macroF1)));
  }
  say('', 'The paper\'s figures (as recorded in SOURCE.md, recalled, "~") are a RoBERTa bi-encoder trained and tested on Reddit and TalkLife together, 3-level; they are not on this split.', '');
  say('**Research only, not shipped**: the same feature set and logistic regression trained on EPITOME\'s own training split (4/5 of the pairs), reading the reply only. EPITOME\'s licence (SOURCE.md: research and evaluation use; ask the authors for anything else) keeps such weights out of the product; this row shows what a learned component would reach if they were allowed.', '');
  say(row('mechanism', 'binary accuracy', 'binary macro-F1', '3-level accuracy', '3-level macro-F1'), rule(5), ...research, '');

  // ESConv: the supporter strategies that are acknowledgment moves, and questions.
  const turns = loadEsconv('test');
  const STRATEGY: Array<[string, string, string[]]> = [
    ['Reflection of feelings', 'empathy or acknowledgment', ['empathy', 'acknowledgment']],
    ['Restatement or Paraphrasing', 'paraphrase or acknowledgment', ['paraphrase', 'acknowledgment']],
    ['Questions', 'diagnostic-question', ['diagnostic-question']],
  ];
  const cats = turns.map((t) => {
    const messages = [...t.context.map((c) => ({ role: c.role === 'seeker' ? ('customer' as const) : ('agent' as const), text: c.text })), { role: 'agent' as const, text: t.response }];
    return categoriesOn(analyze({ messages }), messages.length - 1);
  });
  say('### Supporter strategies in emotional-support chats (engine)', '');
  say(`ESConv (Liu et al., ACL 2021), the ${turns.length} strategy-labelled supporter turns of its test file, each with its (short) preceding context as the conversation. Evaluation only (CC BY-NC). Strategies are self-selected by the supporter while chatting, so the labels are noisy; the paper reports no classification baseline. Each strategy is scored one-against-the-rest.`, '');
  say(row('strategy', 'turns', 'our findings', 'precision', 'recall', 'F1'), rule(6).replace(/^\|---\|---:\|---:/, '|---|---:|---'));
  for (const [strategy, label, mapped] of STRATEGY) {
    const c = counts();
    turns.forEach((t, i) => tally(c, cats[i]!.some((x) => mapped.includes(x)), t.strategy === strategy));
    figures[`esconv.${strategy}`] = prf(c).f1;
    say(row(strategy, prf(c).support, label, f1s(c)));
  }
  say('');
  return figures;
}

// ====================================================================== customer emotion

/** GoEmotions labels → our customer signals (the mapping of issue 4). */
const GOEMOTIONS_MAP: Array<{ signal: string; ours: string[]; theirs: string[]; macro: boolean }> = [
  { signal: 'anger / frustration', ours: ['anger', 'frustration'], theirs: ['anger', 'annoyance'], macro: true },
  { signal: 'anxiety', ours: ['anxiety'], theirs: ['nervousness', 'fear'], macro: true },
  { signal: 'confusion', ours: ['confusion'], theirs: ['confusion'], macro: true },
  { signal: 'gratitude', ours: ['gratitude'], theirs: ['gratitude'], macro: true },
  { signal: '(detail) anger', ours: ['anger'], theirs: ['anger'], macro: false },
  { signal: '(detail) frustration', ours: ['frustration'], theirs: ['annoyance'], macro: false },
];
const NEGATIVE_SIGNALS = ['frustration', 'anger', 'abuse', 'anxiety'];

function customerSection(): Record<string, number> {
  const figures: Record<string, number> = {};
  say('## Customer emotion', '');
  say('Each text is fed as a customer message and the customer signals found on it are compared with the labels. "Rules" is the phrase rules alone; "engine" adds the learned signal models (they speak only where no phrase rule of that signal, or a stronger related one, matched). The mapping:', '');
  say(row('data set', 'their label', 'our signal'), rule(3, 3));
  say(row('GoEmotions', '`anger`, `annoyance`', '`anger` or `frustration` (one class: the taxonomy splits the same feeling by intensity)'));
  say(row('GoEmotions', '`nervousness`, `fear`', '`anxiety`'));
  say(row('GoEmotions', '`confusion`', '`confusion`'));
  say(row('GoEmotions', '`gratitude`', '`gratitude`'));
  say(row('airline tweets, TweetSumm, RSiCS', 'negative / negative turn / `Rant` or `Express Emotion`', 'any of `frustration`, `anger`, `abuse`, `anxiety`'));
  say(row('TweetSumm, RSiCS', 'gratitude / `Gratitude`', '`gratitude`'));
  say('');

  // GoEmotions test.tsv
  const ge = loadGoEmotions('test');
  const runGe = (): string[][] => ge.map((r) => categoriesOn(analyze({ messages: [{ role: 'customer', text: r.text }] }), 0));
  const withLearned = runGe();
  const rules = rulesOnly(runGe);
  say('### GoEmotions, test split', '');
  say(`Demszky et al. (ACL 2020): ${ge.length} Reddit comments (\`test.tsv\`, never trained on), multi-label. Macro-F1 over the four mapped signals.`, '');
  say(row('signal', 'support', 'rules: P', 'R', 'F1', 'engine: P', 'R', 'F1'), rule(8));
  const macro = { rules: 0, engine: 0 };
  for (const m of GOEMOTIONS_MAP) {
    const cr = counts();
    const ce = counts();
    ge.forEach((r, i) => {
      const g = r.labels.some((l) => m.theirs.includes(l));
      tally(cr, rules[i]!.some((c) => m.ours.includes(c)), g);
      tally(ce, withLearned[i]!.some((c) => m.ours.includes(c)), g);
    });
    if (m.macro) {
      macro.rules += prf(cr).f1 / 4;
      macro.engine += prf(ce).f1 / 4;
    }
    say(row(m.signal, prf(ce).support, f1s(cr), f1s(ce).replace(/([\d.]+)$/, '**$1**')));
  }
  figures['goemotions.macro'] = macro.engine;
  say(row('**macro-F1** (four signals)', '', '', '', dec(macro.rules), '', '', `**${dec(macro.engine)}**`));
  say('', 'Published reference: a fine-tuned BERT-base reaches macro-F1 0.64 over the Ekman grouping (6 emotions + neutral) and 0.46 over all 28 labels (Demszky et al.; monologg\'s reproduction 0.62 / 0.50). Those are different label sets from ours (four signals, no neutral class), so they are context, not the same protocol.', '');

  // Twitter airline sentiment
  const air = loadAirline().filter((r) => r.split === 'test');
  const runAir = (): boolean[] => air.map((r) => categoriesOn(analyze({ messages: [{ role: 'customer', text: r.text }] }), 0).some((c) => NEGATIVE_SIGNALS.includes(c)));
  const airE = runAir();
  const airR = rulesOnly(runAir);
  say('### Customer tweets to airlines', '');
  say(`Twitter US Airline Sentiment (Crowdflower 2015; evaluation only, CC BY-NC-SA): the test split is the tweets whose \`tweet_id\` is divisible by 5 (${air.length}). Negative vs not; no published baseline.`, '');
  say(row('subset', 'tweets', 'negative', 'rules: accuracy', 'engine: accuracy', 'engine: P', 'R', 'F1', 'always "negative"'), rule(9));
  for (const [name, keep] of [['confidence ≥ 0.7', (r: (typeof air)[number]) => r.confidence >= 0.7], ['all', () => true]] as const) {
    const ce = counts();
    const cr = counts();
    let n = 0;
    let neg = 0;
    air.forEach((r, i) => {
      if (!keep(r)) return;
      n++;
      if (r.sentiment === 'negative') neg++;
      tally(ce, airE[i]!, r.sentiment === 'negative');
      tally(cr, airR[i]!, r.sentiment === 'negative');
    });
    if (name === 'confidence ≥ 0.7') {
      figures['airline.accuracy'] = prf(ce).accuracy;
      figures['airline.recall'] = prf(ce).recall;
      figures['airline.precision'] = prf(ce).precision;
    }
    say(row(name, n, neg, pct(prf(cr).accuracy), `**${pct(prf(ce).accuracy)}**`, f1s(ce), pct(neg / n)));
  }
  const reasons = new Map<string, Counts>();
  air.forEach((r, i) => {
    if (r.sentiment !== 'negative' || r.confidence < 0.7) return;
    let c = reasons.get(r.reason);
    if (!c) reasons.set(r.reason, (c = counts()));
    tally(c, airE[i]!, true);
  });
  say('', `Recall of negative tweets (confidence ≥ 0.7) by the complaint's reason: ${[...reasons.entries()].sort((a, b) => prf(b[1]).support - prf(a[1]).support).map(([k, c]) => `${k} ${pct(prf(c).recall, 0)} (${prf(c).support})`).join(', ')}.`, '');

  // TweetSumm
  const dialogs = loadTweetsumm();
  const runTs = (): Array<AnalysisResult | null> => dialogs.map((d) => analyze({ messages: d.turns.map((t) => ({ role: t.role, text: t.text })) }));
  const tsE = runTs();
  const tsR = rulesOnly(runTs);
  say('### Twitter customer-care dialogues', '');
  say(`TweetSumm dialogues (Feigenblat et al. 2021) with a student team's labels (silver: no guidelines or agreement reported; evaluation only): ${dialogs.length} dialogues, all splits (nothing trains on them). A dialogue is negative when a customer turn has a negative signal; a turn is negative when the labellers listed it.`, '');
  say(row('judgment', 'positives', 'rules: P', 'R', 'F1', 'engine: P', 'R', 'F1'), rule(8));
  const judge = (results: Array<AnalysisResult | null>): Record<string, Counts> => {
    const k = { dialogNeg: counts(), turnNeg: counts(), dialogGrat: counts(), turnGrat: counts() };
    dialogs.forEach((d, i) => {
      const res = results[i] ?? null;
      let anyNeg = false;
      let anyGrat = false;
      d.turns.forEach((t, j) => {
        if (t.role !== 'customer') return;
        const cats = categoriesOn(res, j);
        const neg = cats.some((c) => NEGATIVE_SIGNALS.includes(c));
        const grat = cats.includes('gratitude');
        anyNeg ||= neg;
        anyGrat ||= grat;
        tally(k.turnNeg, neg, d.negativeCustomerTurns.includes(t.text));
        tally(k.turnGrat, grat, d.gratitudeCustomerTurns.includes(t.text));
      });
      tally(k.dialogNeg, anyNeg, d.isNegative === 1);
      tally(k.dialogGrat, anyGrat, d.hasGratitude === 1);
    });
    return k;
  };
  const je = judge(tsE);
  const jr = judge(tsR);
  for (const [key, name] of [['dialogNeg', 'negative dialogue'], ['turnNeg', 'negative customer turn'], ['dialogGrat', 'dialogue with gratitude'], ['turnGrat', 'grateful customer turn']] as const) {
    figures[`tweetsumm.${key}`] = prf(je[key]!).f1;
    say(row(name, prf(je[key]!).support, f1s(jr[key]!), f1s(je[key]!)));
  }
  say('');

  // RSiCS held-out fifth
  const rsics = loadRsics().filter((r) => rsicsIsTest(r.id));
  const runRs = (): string[][] => rsics.map((r) => categoriesOn(analyze({ messages: [{ role: 'customer', text: r.text }] }), 0));
  const rsE = runRs();
  const rsR = rulesOnly(runRs);
  say('### Requests to customer-service virtual agents', '');
  say(`RSiCS (Beaver et al., AAAI 2020; ODbL): requests to airline, train and telecom virtual agents and airline-forum posts, with the relational language reviewers marked. The held-out fifth (SHA-1 of the request id below 52; the rest trains the signal models): ${rsics.length} requests. No published classifier baseline.`, '');
  say(row('their tag', 'our signal', 'positives', 'rules: P', 'R', 'F1', 'engine: P', 'R', 'F1'), rule(9, 2));
  const tags: Array<[string, (r: (typeof rsics)[number]) => boolean, string[]]> = [
    ['Rant or Express Emotion', (r) => r.tags.rant || r.tags.expressEmotion, NEGATIVE_SIGNALS],
    ['Gratitude', (r) => r.tags.gratitude, ['gratitude']],
  ];
  for (const [name, gold, ours] of tags) {
    const ce = counts();
    const cr = counts();
    rsics.forEach((r, i) => {
      tally(ce, rsE[i]!.some((c) => ours.includes(c)), gold(r));
      tally(cr, rsR[i]!.some((c) => ours.includes(c)), gold(r));
    });
    figures[`rsics.${name}`] = prf(ce).f1;
    say(row(name, ours.map((o) => `\`${o}\``).join(' / '), prf(ce).support, f1s(cr), f1s(ce)));
  }
  say('');
  return figures;
}

// ====================================================================== hostility

function hostilitySection(): Record<string, number> {
  const figures: Record<string, number> = {};
  say('## Hostility and abuse (a smaller check)', '');
  const jig = loadJigsaw();
  const asCustomer = jig.map((r) => categoriesOn(analyze({ messages: [{ role: 'customer', text: r.text }] }), 0));
  const asAgent = jig.map((r) => categoriesOn(analyze({ messages: [{ role: 'agent', text: r.text }] }), 0));
  const bitext = loadBitext().filter((r) => bitextIsTest(r.text));
  const bx = bitext.map((r) => categoriesOn(analyze({ messages: [{ role: 'customer', text: r.text }] }), 0));
  say(`Jigsaw toxic comments, a ${jig.length}-comment sample of the Kaggle test set (CC0; too small for more than a smoke test), read as a customer message and as an agent message; Bitext's synthetic customer utterances (CDLA-Sharing), the held-out fifth (SHA-1 of the utterance below 52; ${bitext.length} utterances, ${bitext.filter((r) => r.flags.includes('W')).length} with the offensive flag W), read as customer messages. No published baselines for these samples.`, '');
  say(row('data', 'their label', 'our finding', 'positives', 'precision', 'recall', 'F1'), rule(7, 3));
  const add = (name: string, label: string, ours: string[], gold: boolean[], found: string[][]): void => {
    const c = counts();
    gold.forEach((g, i) => tally(c, found[i]!.some((x) => ours.includes(x)), g));
    figures[`hostility.${name}.${label}`] = prf(c).f1;
    say(row(name, label, ours.map((o) => `\`${o}\``).join(' / '), prf(c).support, f1s(c)));
  };
  add('Jigsaw (customer)', '`toxic`', ['abuse', 'anger'], jig.map((r) => r.toxic), asCustomer);
  add('Jigsaw (customer)', '`insult`', ['abuse'], jig.map((r) => r.insult), asCustomer);
  add('Jigsaw (agent)', '`toxic`', ['hostile'], jig.map((r) => r.toxic), asAgent);
  add('Bitext (customer)', 'flag `W`', ['anger', 'abuse'], bitext.map((r) => r.flags.includes('W')), bx);
  say('');
  return figures;
}

// ====================================================================== the team's gold set, and cost

function goldSection(): Record<string, number> {
  const figures: Record<string, number> = {};
  const { cases } = loadGold();
  const conv = loadConversationGold();
  const run = (): { micro: number; worst: [string, number]; conversations: number } => {
    const r = evaluate(cases, new Engine());
    const c = evaluateConversations(conv.cases);
    const worst = Object.entries(r.perCategory).filter(([, k]) => k.support > 0).sort((a, b) => a[1].f1 - b[1].f1)[0]!;
    const signals = ['abuse', 'anger', 'anxiety', 'confusion', 'frustration', 'gratitude', 'urgency'].map((s) => `\`${s}\` ${dec(r.perCategory[s]?.f1 ?? 0)}`).join(', ');
    lines.push(signals);
    return { micro: r.micro.f1, worst: [worst[0], worst[1].f1], conversations: c.micro.f1 };
  };
  const lines: string[] = [];
  const rules = rulesOnly(run);
  const eng = run();
  figures['gold.micro'] = eng.micro;
  figures['gold.worst'] = eng.worst[1];
  figures['gold.conversations'] = eng.conversations;
  say('## The team\'s gold set (`npm run eval`), with and without the learned signals', '');
  say(`The learned customer signals must not cost the help-desk judgments the gold set measures (${cases.length} replies, ${conv.cases.length} conversations; see gold/LABELING.md).`, '');
  say(row('', 'micro-F1 (messages)', 'lowest category F1', 'micro-F1 (conversations)', 'customer signals F1'), rule(5, 1).replace(/---:\|$/, '---|'));
  say(row('phrase rules alone', dec(rules.micro), `${rules.worst[0]} ${dec(rules.worst[1])}`, dec(rules.conversations), lines[0]!));
  say(row('engine (with learned signals)', `**${dec(eng.micro)}**`, `${eng.worst[0]} ${dec(eng.worst[1])}`, `**${dec(eng.conversations)}**`, lines[1]!));
  say('', 'The politeness score adds no finding, so it does not move these figures. It does agree with the team\'s tone labels: the mean `politeness` of the gold replies (the last message of each case), by label:', '');
  const TONE = ['blaming', 'blunt', 'condescending', 'dismissive', 'hostile'];
  const groups = new Map<string, number[]>();
  const rude: number[] = [];
  const rest: number[] = [];
  for (const c of cases) {
    const r = analyze({ messages: c.messages });
    const score = r?.messages[r.messages.length - 1]?.scores?.politeness;
    if (score === null || score === undefined) continue;
    const tone = c.expect.reply.filter((x) => TONE.includes(x));
    (tone.length ? rude : rest).push(score);
    for (const t of tone.length ? tone : ['(no tone problem)']) {
      let g = groups.get(t);
      if (!g) groups.set(t, (g = []));
      g.push(score);
    }
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  let wins = 0;
  for (const a of rest) for (const b of rude) wins += a > b ? 1 : a === b ? 0.5 : 0;
  const auc = wins / (rest.length * rude.length);
  figures['gold.politeness.auc'] = auc;
  say(row('gold label on the reply', 'replies', 'mean politeness'), rule(3));
  for (const [k, v] of [...groups.entries()].sort((a, b) => mean(a[1]) - mean(b[1]))) say(row(k.startsWith('(') ? k : `\`${k}\``, v.length, mean(v).toFixed(1)));
  say('', `A reply without a tone problem scores above one with a tone problem ${pct(auc)} of the time (ROC AUC ${dec(auc)}).`, '');
  return figures;
}

function costSection(): void {
  const texts = [...loadGoEmotions('test').slice(0, 2000).map((r) => r.text), ...loadPoliteness('wikipedia').slice(0, 2000).map((r) => r.text)];
  const docs: Doc[] = [];
  for (const t of texts) {
    try {
      docs.push(new Doc(t));
    } catch {
      /* the tokenizer bug, counted elsewhere */
    }
  }
  const heads = ['anger', 'frustration', 'anxiety', 'confusion', 'gratitude'];
  const time = (f: () => void): number => {
    f(); // warm
    const t = process.hrtime.bigint();
    f();
    return Number(process.hrtime.bigint() - t) / 1000 / docs.length;
  };
  const pol = time(() => docs.forEach((d) => politeness(d)));
  const sig = time(() => docs.forEach((d) => heads.forEach((h) => learnedSignal(d, h))));
  const convs = docs.slice(0, 1000).map((d) => ({ messages: [{ role: 'customer' as const, text: d.text }, { role: 'agent' as const, text: 'Thanks for letting me know. Could you send me a screenshot of the error?' }] }));
  const whole = time(() => convs.forEach((c) => analyze(c))) * (docs.length / convs.length) / 2;
  const tables = ['politeness', ...heads.map((h) => `signal-${h}`)].map((n) => builtinModel(n)).filter((m) => m !== null);
  const bytes = tables.reduce((n, m) => n + m!.table.byteLength, 0);
  say('## Cost in the engine', '');
  say(`Measured on ${docs.length} messages on this machine, the text already read into the engine's \`Doc\` (as \`analyze\` has it): the politeness score costs **${pol.toFixed(1)} µs** per agent message (features once, one dot product); the five signal heads **${sig.toFixed(1)} µs** per customer message (one feature pass shared by the heads; the words behind a judgment are looked up again only when a head fires). A whole \`analyze\` runs at about ${whole.toFixed(0)} µs per message here. Features go into a reused buffer (no allocation per feature); the weight tables take ${(bytes / 1048576).toFixed(1)} MB once per process, unpacked on first use.`, '');
}

function acceptanceSection(fig: Record<string, number>): string[] {
  const lines: string[] = ['## Issue 4 acceptance, point by point', ''];
  lines.push(row('point', 'needed', 'measured', 'holds'), rule(4, 1).replace(/---:\|$/, '---|'));
  const add = (point: string, needed: string, measured: string, holds: boolean): void => {
    lines.push(row(point, needed, measured, holds ? 'yes' : '**no**'));
  };
  const p = (k: string): number => fig[k] ?? NaN;
  add('Politeness in-domain, Wikipedia (test split)', '≥ 79.84 %', pct(p('politeness.wikipedia'), 2), p('politeness.wikipedia') >= 0.7984);
  add('Politeness in-domain, Stack Exchange (test split)', '≥ 74.47 %', pct(p('politeness.stack-exchange'), 2), p('politeness.stack-exchange') >= 0.7447);
  add('Politeness cross-domain, Stack Exchange → Wikipedia', '≥ 75.43 %', pct(p('politeness.cross.stack-exchange→wikipedia'), 2), p('politeness.cross.stack-exchange→wikipedia') >= 0.7543);
  add('Politeness cross-domain, Wikipedia → Stack Exchange', '≥ 67.53 %', pct(p('politeness.cross.wikipedia→stack-exchange'), 2), p('politeness.cross.wikipedia→stack-exchange') >= 0.6753);
  add('Empathy: emotional reactions, binary', '≥ 80 %', pct(p('empathy.ER.binary')), p('empathy.ER.binary') >= 0.8);
  add('Empathy: interpretations, binary', '≥ 80 %', pct(p('empathy.IP.binary')), p('empathy.IP.binary') >= 0.8);
  add('Empathy: explorations, binary', '≥ 90 %', pct(p('empathy.EX.binary')), p('empathy.EX.binary') >= 0.9);
  add('Customer signals: GoEmotions test, macro-F1', '≥ 0.55', dec(p('goemotions.macro')), p('goemotions.macro') >= 0.55);
  add('Customer signals: airline tweets (confidence ≥ 0.7), accuracy', '≥ 80 %', pct(p('airline.accuracy')), p('airline.accuracy') >= 0.8);
  add('Gold set: every category F1', '≥ 0.70', dec(p('gold.worst')), p('gold.worst') >= 0.7);
  add('Gold set: conversations micro-F1', '≥ 0.85', dec(p('gold.conversations')), p('gold.conversations') >= 0.85);
  lines.push('', `Gold-set micro-F1 (messages): ${dec(p('gold.micro'))} (0.939 before this work).`, '');
  const short: string[] = [];
  if (p('politeness.stack-exchange') < 0.7447 || p('politeness.cross.wikipedia→stack-exchange') < 0.6753) {
    short.push(`- **Politeness on Stack Exchange.** The same recipe that passes the linguistic SVM on Wikipedia (${pct(p('politeness.wikipedia'), 1)} on the test split, ${pct(p('politeness.cv.wikipedia'), 1)} cross-validated) reaches ${pct(p('politeness.cv.stack-exchange'), 1)} cross-validated on Stack Exchange. During development every variant tried (unigrams to trigrams, hard or soft labels, naive Bayes, regularisation from 1e-4 to 1e-2) stayed between 64 % and 68 % there, in cross-validation on the training split, while a plain unigram model beat the recorded bag-of-words figure on Wikipedia. ${p('politeness.sklearn.stack-exchange') ? `The paper's own baseline rebuilt with scikit-learn on these files (above) gives the same picture: ${pct(p('politeness.sklearn.wikipedia'), 1)} on Wikipedia (paper ${pct(PAPER_POLITENESS.wikipedia.bow, 1)}) but ${pct(p('politeness.sklearn.stack-exchange'), 1)} on Stack Exchange (paper ${pct(PAPER_POLITENESS['stack-exchange'].bow, 1)}), below our ${pct(p('politeness.cv.stack-exchange'), 1)}. ` : ''}The recorded Stack Exchange figures come from memory (SOURCE.md says so) and are not reproducible from this data with the paper's method; Wikipedia → Stack Exchange (${pct(p('politeness.cross.wikipedia→stack-exchange'), 1)}) meets the same ceiling. Checking the paper's table against the PDF, or the Stack Exchange release the paper used, is the next step.`);
  }
  if (p('empathy.ER.binary') < 0.8 || p('empathy.IP.binary') < 0.8) {
    short.push(`- **Empathy, emotional reactions and interpretations.** EPITOME's "emotional reaction" counts sympathy formulas ("sorry to hear that", "hugs", "stay strong") that the taxonomy deliberately does not call \`empathy\` (boilerplate is weak; perspective-taking is strong), and its "interpretation" is mostly self-disclosure ("I've been there too"), which the help-desk rules never look for. No shippable data teaches these constructs; a model trained on EPITOME's own training split reaches ${pct(p('empathy.ER.research'))} / ${pct(p('empathy.IP.research'))} / ${pct(p('empathy.EX.research'))} (research only, above), but EPITOME's licence keeps those weights out of the product. Shipping them needs the authors' permission.`);
  }
  if (p('goemotions.macro') < 0.55) {
    short.push(`- **GoEmotions.** The phrase rules, written for support messages, fire on Reddit banter ("fucking trooper", "oh dear", 😭) that the annotators labelled otherwise, and the learned heads only add to them: the engine's macro-F1 is ${dec(p('goemotions.macro'))}, the rules' own precision is the limit (table above). In trials during development, letting a head veto the rule findings it scored very low raised that signal's GoEmotions F1 by 0.01–0.06 and cut its gold-set F1 far more (anger 0.88 → 0.61–0.78, anxiety 0.93 → 0.54–0.81), so the rules keep their say.`);
  }
  if (p('airline.accuracy') < 0.8) {
    short.push(`- **Airline tweets.** The engine finds a negative signal in ${pct(p('airline.recall'), 0)} of the negative tweets, at ${pct(p('airline.precision'), 0)} precision: most negative tweets are plain reports of a failure ("flight Cancelled Flightled, no rebooking") with no emotion word, the taxonomy has no "complaint" signal, and the team's gold set labels a plain problem report as no signal at all. No permissively licensed data labels complaints (the airline and TweetSumm labels are non-commercial), so nothing learned can close this gap today; a \`complaint\` signal in the taxonomy, with labelled data of its own, is the way to meet it.`);
  }
  if (short.length) lines.push('### Where it falls short, and why', '', ...short);
  lines.push('');
  return lines;
}

// ====================================================================== main

function modelsSection(): void {
  say('## What trained what', '');
  say('Only data whose licence allows it shapes shipped weights, and only its training rows. The non-commercial sets (EPITOME, ESConv, Havaldar, the airline tweets, TweetSumm\'s texts and labels, twcs) are evaluation only.', '');
  say(row('model (data/models/)', 'weights kept', 'trained on', 'licence of that data'), rule(4, 1).replace(/^\|---\|---:\|---:\|---:\|$/, '|---|---:|---|---|'));
  const licence = (line: string): string => (/^stanford-politeness/.test(line) ? 'Apache-2.0 code repository; CC BY 4.0 in redistributions (attribution)' : /^goemotions/.test(line) ? 'CC BY 4.0' : /^rsics/.test(line) ? 'ODbL 1.0' : /^bitext/.test(line) ? 'CDLA-Sharing 1.0' : '');
  for (const m of Object.values(BUILTIN_MODELS).sort((a, b) => a.name.localeCompare(b.name))) {
    const data = m.trainedOn.filter((t) => licence(t));
    const notes = m.trainedOn.filter((t) => !licence(t));
    say(row(`\`${m.name}\``, m.count, [...data, ...notes].join('; '), [...new Set(data.map(licence))].join('; ')));
  }
  say('', '`npm run train` rebuilds these files from the data (full-batch optimisation, no randomness: the same data gives the same weights).', '');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { values } = parseArgs({ options: { 'no-write': { type: 'boolean' } } });
  const t0 = Date.now();
  const body: string[] = [];
  const figures: Record<string, number> = {};
  const sections = [politenessSection, empathySection, customerSection, hostilitySection, goldSection, (): Record<string, number> => (costSection(), {})];
  for (const s of sections) {
    out.length = 0;
    Object.assign(figures, s());
    body.push(...out);
  }
  out.length = 0;
  modelsSection();
  const models = [...out];
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  const head = [
    '# Accuracy against published human judgments',
    '',
    `Written by \`npm run eval:public\` on ${new Date().toISOString().slice(0, 10)} (${seconds} s on this machine), from the data in \`${relative(root, dataDir())}\` read in place. Do not edit by hand: rerun the command.`,
    '',
    'Rapport\'s judgments on public data labelled by people, beside the published results on the same data. **Engine** figures are the shipped engine (`analyze`, with the learned weights in `data/models/`); **recipe** figures retrain the shipped training recipe on other rows to follow a paper\'s protocol; **research only** figures come from models trained here in memory on data whose licence keeps them out of the product.',
    '',
    '## Splits (fixed; nothing ever trains on a test row)',
    '',
    '- Stanford politeness: test = rows whose `Id` is divisible by 5 (435 Wikipedia and 628 Stack Exchange quartile requests).',
    '- GoEmotions: the official `train.tsv` / `dev.tsv` / `test.tsv`; models train on train, thresholds are chosen on dev, figures are on test.',
    '- EPITOME: test = pairs whose SHA-1 of `sp_id|rp_id` starts with a byte below 52 (669 of 3,084). Evaluation only.',
    '- Airline tweets: test = `tweet_id` divisible by 5. Evaluation only.',
    '- RSiCS and Bitext (no official split): held out = SHA-1 of the request id / the utterance below 52 (about 20 %); the rest may train.',
    '- Havaldar: the official val (cut points) / test. ESConv: its test file. TweetSumm, Jigsaw: all rows, evaluation only.',
    '',
  ];
  const tail: string[] = [];
  if (engineErrors.count) {
    tail.push('## Engine errors', '', `The engine threw on ${engineErrors.count} inputs (each counted as a miss above): ${engineErrors.examples.map((e) => `\`${e}\``).join('; ')}. The cause is in the tokenizer (a word like "constructor" looks up an Object property in its typo table); reported to the text-handling owner.`, '');
  }
  const text = [...head, ...acceptanceSection(figures), ...body, ...models, ...tail].join('\n').replace(/\n{3,}/g, '\n\n');
  console.log(text);
  if (!values['no-write']) {
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'docs/ACCURACY.md'), text);
    console.error(`\nwrote docs/ACCURACY.md (${seconds} s)`);
  }
}
