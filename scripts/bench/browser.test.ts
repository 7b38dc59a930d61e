// The browser bundle gives the same answers as the engine in Node: built with
// esbuild, loaded by Debian's headless Chromium, fed a short conversation and
// a draft. Checks findings (rule, category, span), promises and scores, never
// timings. Without /usr/bin/chromium it fails and says how to install it.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Engine, type AnalysisResult, type Conversation } from '../../src/engine/index.js';
import { buildBrowserBundle } from '../build-browser.js';
import { openEnginePage } from './browser.js';

const CONVERSATION: Conversation = {
  id: 'T-42',
  channel: 'chat',
  messages: [
    { role: 'customer', at: '2026-03-03T09:00:00Z', text: "My laptop won't connect to the wifi and I have a client call in 20 minutes!! I'm not very technical, please help." },
    { role: 'agent', at: '2026-03-03T09:02:00Z', text: 'Restart it. If that fails, flush your DNS cache and renew the DHCP lease. We apologize for any inconvenience caused.' },
    { role: 'customer', at: '2026-03-03T09:05:00Z', text: "I don't know what any of that means. This is so frustrating." },
    { role: 'agent', at: '2026-03-03T09:06:00Z', text: "I'm sorry, that was too technical, and I know the clock is ticking. Could you tell me whether the wifi icon near the clock shows a small globe? I'll call you back by 9:30 if we can't fix it in chat." },
  ],
};
const DRAFT_CONTEXT: Conversation = { channel: 'email', messages: [CONVERSATION.messages[0]!] };
const DRAFT = 'Obviously you need to reboot the router. Just read the FAQ, it is all in there.';

/** What must agree: the findings with their spans, the promises, the scores and the outcome. */
function essentials(r: AnalysisResult): unknown {
  return {
    findings: r.findings.map((f) => ({ message: f.message, rule: f.rule, category: f.category, start: f.start, end: f.end, excerpt: f.excerpt, severity: f.severity })),
    promises: r.promises,
    scores: r.scores,
    outcome: r.outcome,
  };
}

describe('engine bundle in Chromium', () => {
  it('finds what the Node engine finds, on a conversation and a draft', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapport-bundle-'));
    try {
      const bundle = await buildBrowserBundle({ outfile: join(dir, 'rapport-engine.js') });
      const opened = await openEnginePage(bundle.code, bundle.models.code);
      let inBrowser: { conversation: AnalysisResult; draft: AnalysisResult };
      try {
        inBrowser = await opened.page.evaluate(([conversation, draftContext, draft]) => {
          const { Engine: BundledEngine } = (globalThis as unknown as { rapport: typeof import('../../src/engine/browser.js') }).rapport;
          const engine = new BundledEngine();
          // Through JSON, as the page would send results anywhere.
          return JSON.parse(JSON.stringify({
            conversation: engine.analyze(conversation, { now: '2026-03-03T12:00:00Z' }),
            draft: engine.checkDraft(draft, draftContext),
          })) as { conversation: AnalysisResult; draft: AnalysisResult };
        }, [CONVERSATION, DRAFT_CONTEXT, DRAFT] as const);
        assert.deepEqual(opened.problems, [], 'the page reported problems');
      } finally {
        await opened.close();
      }

      const engine = new Engine();
      const inNode = JSON.parse(JSON.stringify({
        conversation: engine.analyze(CONVERSATION, { now: '2026-03-03T12:00:00Z' }),
        draft: engine.checkDraft(DRAFT, DRAFT_CONTEXT),
      })) as { conversation: AnalysisResult; draft: AnalysisResult };

      // The comparison means something only if the engine found things: problems, strengths, customer signals, a promise.
      const kinds = new Set(inNode.conversation.findings.map((f) => f.kind));
      assert.deepEqual([...kinds].sort(), ['problem', 'signal', 'strength'], `kinds found in Node: ${[...kinds].join(', ')}`);
      assert.ok(inNode.conversation.promises.length >= 1, 'the call-back promise is in the ledger');
      assert.ok(inNode.draft.findings.some((f) => f.kind === 'problem'), 'the draft has problems');

      assert.deepEqual(essentials(inBrowser.conversation), essentials(inNode.conversation), 'conversation: bundle in Chromium vs engine in Node');
      assert.deepEqual(essentials(inBrowser.draft), essentials(inNode.draft), 'draft: bundle in Chromium vs engine in Node');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('engine bundle without its weights', () => {
  it('analyses at once, and gains the politeness score when the weights are registered', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapport-bundle-'));
    try {
      const bundle = await buildBrowserBundle({ outfile: join(dir, 'rapport-engine.js') });
      const mod = (await import(pathToFileURL(bundle.file).href)) as typeof import('../../src/engine/browser.js');
      const conversation = { messages: [{ role: 'customer' as const, text: 'My laptop will not start.' }, { role: 'agent' as const, text: 'Could you please hold the power button for ten seconds and tell me what you see?' }] };
      const before = new mod.Engine().analyze(conversation);
      assert.equal(before.scores.politeness, null, 'no weights yet: no politeness score');
      assert.ok(before.findings.some((f) => f.category === 'diagnostic-question'), 'the phrase rules work without the weights');
      const { BUILTIN_MODELS } = (await import(pathToFileURL(bundle.models.file).href)) as { BUILTIN_MODELS: Parameters<typeof mod.registerModels>[0] };
      mod.registerModels(BUILTIN_MODELS);
      const after = new mod.Engine().analyze(conversation);
      assert.equal(after.scores.politeness, new Engine().analyze(conversation).scores.politeness);
      assert.equal(typeof after.scores.politeness, 'number');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
