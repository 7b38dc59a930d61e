import { test } from 'node:test';
import assert from 'node:assert/strict';
import { counts, multiclass, pearson, prf, ranks, spearman, tally } from './metrics.js';
import { airlineIsTest, epitomeIsTest, politenessIsTest } from './splits.js';

test('precision, recall and F1 from counts', () => {
  const c = counts();
  for (const [p, g] of [[true, true], [true, false], [false, true], [false, false], [true, true]] as const) tally(c, p, g);
  const r = prf(c);
  assert.equal(r.precision, 2 / 3);
  assert.equal(r.recall, 2 / 3);
  assert.equal(r.accuracy, 3 / 5);
  assert.equal(r.support, 3);
});

test('multiclass accuracy and macro-F1', () => {
  const r = multiclass([0, 1, 2, 2], [0, 1, 2, 1]);
  assert.equal(r.accuracy, 0.75);
  assert.ok(Math.abs(r.macroF1 - (1 + 2 / 3 + 2 / 3) / 3) < 1e-12);
});

test('correlations: Pearson, and Spearman with tied ranks', () => {
  assert.ok(Math.abs(pearson([1, 2, 3], [2, 4, 6]) - 1) < 1e-12);
  assert.deepEqual(ranks([10, 20, 20, 5]), [2, 3.5, 3.5, 1]);
  assert.ok(Math.abs(spearman([1, 2, 3, 4], [1, 4, 9, 16]) - 1) < 1e-12);
});

test('the fixed test splits of issue 4', () => {
  assert.equal(politenessIsTest('629705'), true);
  assert.equal(politenessIsTest('244336'), false);
  // 18-digit tweet ids are read as text: a float would round the last digit.
  assert.equal(airlineIsTest('570306133677760513'), false);
  assert.equal(airlineIsTest('570306133677760515'), true);
  assert.throws(() => airlineIsTest('5.7e17'));
  // SHA-1("65m92s|dgbdk7z") starts with a byte that decides it, the same every run.
  assert.equal(epitomeIsTest('65m92s', 'dgbdk7z'), epitomeIsTest('65m92s', 'dgbdk7z'));
  let test_ = 0;
  for (let i = 0; i < 2000; i++) if (epitomeIsTest(`s${i}`, `r${i}`)) test_++;
  assert.ok(test_ > 300 && test_ < 500, `about 20 % held out (${test_}/2000)`);
});
