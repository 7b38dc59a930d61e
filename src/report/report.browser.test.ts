// The HTML report opened in a real browser: Debian's Chromium, driven by
// playwright-core (which downloads no browser of its own). CI installs the
// `chromium` package; without it this test fails and says so.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { AuditAggregator } from './aggregate.js';
import { renderHtmlReport } from './html.js';
import { arc, generateRecords, makeRecord, problem, promise } from './testing.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];
const HOSTILE = '<script>window.__pwned=1</script>';

function report(): string {
  const agg = new AuditAggregator();
  agg.add(
    makeRecord({
      id: `T-${HOSTILE}`,
      agents: [`Eve ${HOSTILE}`],
      team: 'Team A',
      customer: `"><img src=x onerror="window.__pwned=2">`,
      scores: { empathy: 20, tone: 10, acknowledgment: 40, trust: 30, clarity: 50, listening: null, overall: 30 },
      findings: [problem('hostile', 1, `Tom & Jerry ${HOSTILE}`, { explanation: `Hostile words & "quotes" ${HOSTILE}`, suggestion: `Say it kindly ${HOSTILE}` })],
      promises: [promise('broken', { excerpt: `I'll call ${HOSTILE}` })],
      arc: arc('neutral', 'angry'),
      outcome: 'unresolved',
      started: '2026-02-10T10:00:00.000Z',
      ended: '2026-02-10T11:00:00.000Z',
    }),
  );
  for (const r of generateRecords(400, { seed: 11, days: 90 })) agg.add(r);
  return renderHtmlReport(agg.summary(), { title: `Audit ${HOSTILE}`, generatedAt: '2026-04-01T08:00:00Z', inputs: [`conversations ${HOSTILE}.jsonl`] });
}

describe('HTML report in Chromium', () => {
  it('renders the charts, runs no injected script and shows hostile text as text', { timeout: 120_000 }, async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `Chromium is not installed at ${CHROMIUM}. This test needs Debian's chromium package: run "apt-get install -y chromium" (as root, after apt-get update); .ci/run installs it too.`,
    );
    const dir = await mkdtemp(join(tmpdir(), 'rapport-report-'));
    let browser: Browser | null = null;
    try {
      const file = join(dir, 'report.html');
      await writeFile(file, report(), 'utf8');
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) problems.push(`external request: ${r.url()}`);
      });
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });

      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      // No injected script ran.
      assert.equal(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned), undefined);
      assert.equal(await page.locator('script').count(), 1, 'only the report’s own script');
      assert.equal(await page.locator('img').count(), 0);

      // The hostile string is on the page as visible text.
      const bodyText = await page.locator('body').innerText();
      assert.ok(bodyText.includes(`T-${HOSTILE}`), 'hostile id shown as text');
      assert.ok(bodyText.includes(`Tom & Jerry ${HOSTILE}`), 'hostile excerpt shown as text');
      assert.ok(bodyText.includes(`Say it kindly ${HOSTILE}`), 'hostile suggestion shown as text');
      assert.equal(await page.title(), `Audit ${HOSTILE}`);
      assert.ok(await page.getByText(`T-${HOSTILE}`).first().isVisible());

      // The trend chart: lines with points, drawn with a real size.
      const lines = await page.$$eval('#trend-chart polyline', (els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { points: (el.getAttribute('points') ?? '').trim().split(/\s+/).length, width: r.width, height: r.height };
        }),
      );
      assert.ok(lines.length >= 2, `trend lines: ${lines.length}`);
      assert.ok(lines.every((l) => l.points >= 2), JSON.stringify(lines));
      assert.ok(lines.some((l) => l.width > 100 && l.height > 0), JSON.stringify(lines));
      const trendBox = await page.locator('#trend-chart').boundingBox();
      assert.ok(trendBox && trendBox.width > 300 && trendBox.height > 100, JSON.stringify(trendBox));
      assert.ok((await page.locator('#trend-chart text.tick').count()) > 5, 'axis labels');

      // The distribution chart: bars with a real size.
      const bars = await page.$$eval('#distribution-chart rect.bar', (els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ width: r.width, height: r.height })));
      assert.equal(bars.length, 10);
      assert.ok(bars.filter((b) => b.width > 5 && b.height > 1).length >= 5, JSON.stringify(bars));

      // Accessible names for the charts.
      assert.equal(await page.locator('#trend-chart').getAttribute('role'), 'img');
      assert.match((await page.locator('#trend-title').textContent()) ?? '', /Weekly trend/);

      // Sorting the agents table by overall score.
      const table = page.locator('#agents table.sortable');
      const header = table.locator('thead th').nth(2);
      const overallCells = table.locator('tbody tr > :nth-child(3)');
      await header.locator('button').click();
      assert.equal(await header.getAttribute('aria-sort'), 'ascending');
      const asc = await overallCells.evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-sort'))));
      assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
      await header.locator('button').click();
      assert.equal(await header.getAttribute('aria-sort'), 'descending');
      const desc = await overallCells.evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-sort'))));
      assert.deepEqual(desc, [...desc].sort((a, b) => b - a));

      assert.equal(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned), undefined);
      assert.deepEqual(problems, []);
    } finally {
      await browser?.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
