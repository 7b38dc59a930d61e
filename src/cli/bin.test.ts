// The installed command end to end: spawns `node bin/rapport.js`, which runs the
// compiled CLI in dist/ (built by `npm install` / `npm run build`). A missing
// build fails this test with what to run; it is never skipped silently.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url));
const dist = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

function rapport(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('bin/rapport.js runs the built CLI', () => {
  assert.ok(existsSync(dist), `${dist} is missing: run \`npm run build\` (npm install does it) before \`npm test\``);

  const help = rapport(['--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: rapport <command>/);

  const bad = rapport(['check', '--nope']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown option --nope/);

  // npm start: the example drafts with the example context.
  const json = rapport(['check', 'examples/drafts', '--context', 'examples/context.jsonl', '--format', 'json', '--fail-on', 'never']);
  assert.equal(json.status, 0, json.stderr);
  const entries = JSON.parse(json.stdout) as Array<{ file: string; findings: unknown[]; scores: Record<string, unknown> }>;
  assert.ok(entries.length >= 4);
  assert.ok(entries.every((e) => e.file.startsWith('examples/drafts/') && Array.isArray(e.findings)));

  const piped = rapport(['audit', '-'], '{"id":"x","messages":[{"role":"agent","text":"Hello there."}]}\nnot json\n');
  assert.equal(piped.status, 1);
  assert.equal(JSON.parse(piped.stdout).id, 'x');
  assert.match(piped.stderr, /^<stdin>:2: invalid JSON/m);
});
