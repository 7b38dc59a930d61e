// docs/rules/ is generated from the rule registry. This fails when a rule was
// added, removed or changed (docs or examples, or what the engine now reports on
// them) without running `npm run docs`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docsDrift, expectedDocs } from './gen-rule-docs.js';

test('docs/rules is up to date with the rule registry (run `npm run docs` to fix)', () => {
  const expected = expectedDocs();
  assert.ok(expected.has('README.md'));
  const drift = docsDrift(expected);
  assert.deepEqual(drift, [], `docs/rules is out of date — run \`npm run docs\`:\n  ${drift.join('\n  ')}`);
});

test('every rule has a page, linked from the index', () => {
  const expected = expectedDocs();
  const index = expected.get('README.md')!;
  for (const name of expected.keys()) if (name !== 'README.md') assert.ok(index.includes(`](${name})`), `${name} is not linked from README.md`);
});
