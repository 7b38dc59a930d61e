import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../text/doc.js';
import { analyze } from '../engine.js';
import { cueHash, extractFeatures, FeatureBuffer, hashString } from './features.js';
import { builtinModel, explainPoliteness, featuresFor, learnedSignal, politeness } from './index.js';
import { fromBase64, LinearModel, packWeights, toBase64, unpackWeights } from './model.js';

test('feature hashes are stable across runs and platforms', () => {
  // FNV-1a of "please": a change here silently invalidates every shipped model.
  assert.equal(hashString('please'), 0x4dd58d63);
  assert.equal(hashString(''), 0x811c9dc5);
  assert.equal(hashString('a'), 0xe40c292c);
  assert.equal(cueHash('gratitude'), 0xaf082781);
  assert.notEqual(cueHash('gratitude'), cueHash('gratitude@start'));
});

test('features: each counted once, the same for the same text, named cues found', () => {
  const doc = new Doc('Could you please check the log? Thanks!');
  const a = new FeatureBuffer();
  extractFeatures(doc, a);
  a.finish();
  const b = featuresFor(new Doc('Could you please check the log? Thanks!'));
  assert.deepEqual([...a.hashes.subarray(0, a.count)], [...b.hashes.subarray(0, b.count)]);
  const hashes = new Set(a.hashes.subarray(0, a.count));
  assert.equal(hashes.size, a.count, 'deduplicated');
  for (const cue of ['counterfactual-modal', 'please', 'gratitude', 'exclaim:1', 'question:1']) assert.ok(hashes.has(cueHash(cue)), cue);
  assert.ok(!hashes.has(cueHash('please@start')), '"please" does not open a sentence here');
});

test('quoted words are not the writer\'s own', () => {
  const spans: Array<[number, number]> = [];
  const doc = new Doc('The error says "you idiot" when I log in.');
  extractFeatures(doc, { add: (h, first, last) => { if (h === hashString('idiot')) spans.push([first, last]); } });
  assert.deepEqual(spans, []);
});

test('weights pack and unpack to what was trained (16-bit quantisation)', () => {
  const table = new Float32Array(1 << 10);
  table[3] = 1.5;
  table[700] = -0.25;
  table[701] = 0.001; // below the floor: dropped
  table[1023] = 0.75;
  const packed = packWeights(table, 0.01);
  assert.equal(packed.count, 3);
  const back = unpackWeights({ name: 't', bits: 10, ...packed });
  assert.ok(Math.abs(back[3]! - 1.5) < 1e-4 && Math.abs(back[700]! + 0.25) < 1e-4 && Math.abs(back[1023]! - 0.75) < 1e-4);
  assert.equal(back[701], 0);
  const bytes = Uint8Array.from([0, 1, 2, 250, 251, 255, 7]);
  assert.deepEqual([...fromBase64(toBase64(bytes))], [...bytes]);
  assert.equal(toBase64(Uint8Array.from([104, 105])), 'aGk=');
});

test('a linear model: logit is the bias plus the weights of the features present', () => {
  const doc = new Doc('thanks');
  const table = new Float32Array(1 << 8);
  const buf = featuresFor(doc);
  table[buf.hashes[0]! & 255] = 2;
  const m = new LinearModel({ name: 'toy', bias: -1, bits: 8, table });
  assert.equal(m.logit(buf), -1 + 2 * [...buf.hashes.subarray(0, buf.count)].filter((h) => (h & 255) === (buf.hashes[0]! & 255)).length);
});

const trained = builtinModel('politeness') !== null;

test('politeness: a courteous request reads more polite than a curt one, and says why', { skip: !trained && 'no trained model' }, () => {
  const polite = politeness(new Doc('Hi Sam, thanks for waiting. Could you please send me a screenshot of the error when you have a moment?'))!;
  const curt = politeness(new Doc('Why did you break it again? Send the screenshot now.'))!;
  assert.ok(polite > 60 && curt < 40, `${polite} vs ${curt}`);
  const why = explainPoliteness(new Doc('Could you please send the log? Thanks!'))!;
  assert.ok(why.raised.spans.length > 0);
  assert.ok(why.raised.cues.some((c) => /thanks|please|indirect request/.test(c)), why.raised.cues.join(', '));
  assert.equal(politeness(new Doc('```\nls -la\n```')), null, 'no prose, no judgment');
});

test('politeness is in the scores of every conversation with agent prose', { skip: !trained && 'no trained model' }, () => {
  const r = analyze({ messages: [{ role: 'customer', text: 'My printer is broken.' }, { role: 'agent', text: 'Sorry about that! Could you tell me the model?' }, { role: 'agent', text: 'Restart it.' }] });
  const [a, b] = r.messages.filter((m) => m.role === 'agent').map((m) => m.scores!.politeness!);
  assert.ok(typeof a === 'number' && typeof b === 'number' && a > b);
  assert.equal(r.scores.politeness, Math.round((a + b) / 2));
  assert.equal(analyze({ messages: [{ role: 'customer', text: 'hello?' }] }).scores.politeness, null);
});

test('a learned customer signal points at the words that drove it and says it is learned', { skip: !builtinModel('signal-anger') && 'no trained model' }, () => {
  // No anger phrase matches "hate" said like this, but it reads as anger.
  const text = 'i hate this so much';
  const learned = learnedSignal(new Doc(text), 'anger')!;
  assert.ok(learned && learned.probability > 0 && learned.spans.length > 0);
  for (const s of learned.spans) assert.equal(text.slice(s.start, s.end), s.text);
  const f = analyze({ messages: [{ role: 'customer', text }] }).findings.find((x) => x.category === 'anger')!;
  assert.equal(f.excerpt, 'hate');
  assert.equal(text.slice(f.start, f.end), f.excerpt);
  assert.match(f.explanation, /learned judgment: the words "hate" read as anger/);
});

test('learned signals respect the rules\' negation and blockers', { skip: !builtinModel('signal-gratitude') && 'no trained model' }, () => {
  for (const text of ['Thanks for nothing.', "I'm not worried about the data, it's all backed up."]) {
    const cats = analyze({ messages: [{ role: 'customer', text }] }).findings.map((f) => f.category);
    assert.ok(!cats.includes('gratitude') && !cats.includes('anxiety'), `${text}: ${cats.join(', ')}`);
  }
});

test('learned signals pass the rule\'s own test on a match: someone else\'s worry is not the customer\'s', { skip: !builtinModel('signal-anxiety') && 'no trained model' }, () => {
  // "terrifying" is in no phrase list: only the learned head reads it, and its span goes through the rule's accept test.
  const own = analyze({ messages: [{ role: 'customer', text: "Honestly that's terrifying, the whole drive could be gone." }] });
  assert.deepEqual(own.diagnostics.filter((d) => d.text.includes('failed')), []);
  assert.ok(own.findings.some((f) => f.category === 'anxiety'), own.findings.map((f) => f.category).join(', '));
  for (const text of ['You seem worried.', "If you're worried about the cost, the basic plan is fine for us."]) {
    const r = analyze({ messages: [{ role: 'customer', text }] });
    assert.deepEqual(r.diagnostics.filter((d) => d.text.includes('failed')), []);
    assert.ok(!r.findings.some((f) => f.category === 'anxiety'), `${text}: ${r.findings.map((f) => f.category).join(', ')}`);
  }
});
