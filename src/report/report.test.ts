import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { AuditAggregator, TopK, aggregateRecords, isoWeek, type AuditSummary } from './aggregate.js';
import { escapeHtml, renderHtmlReport, REPORT_CSP } from './html.js';
import { arc, generateRecords, makeRecord, problem, promise, rng, strength } from './testing.js';

const S = (o: Partial<Record<'empathy' | 'tone' | 'acknowledgment' | 'trust' | 'clarity' | 'listening' | 'overall', number | null>>) => ({
  empathy: null, tone: null, acknowledgment: null, trust: null, clarity: null, listening: null, overall: null, ...o,
});

/** Four hand-made conversations whose every figure is worked out in the tests. */
function handMade() {
  return [
    makeRecord({
      id: 'A-1', team: 'Desk', agents: ['Sam'], messageCount: 4,
      scores: S({ empathy: 70, tone: 90, overall: 80 }),
      findings: [problem('blunt', 1, 'Restart it.'), strength('empathy', 3, 'That sounds stressful.')],
      promises: [promise('kept')],
      arc: arc('neutral', 'satisfied'), outcome: 'resolved',
      started: '2026-03-02T09:00:00.000Z', ended: '2026-03-02T09:40:00.000Z',
    }),
    makeRecord({
      id: 'A-2', team: 'Desk', agents: ['Sam', 'Lena'], messageCount: 6, customer: 'Priya',
      scores: S({ tone: 30, overall: 40 }),
      findings: [
        problem('blunt', 1, 'Reinstall the driver and it will work.'),
        problem('blunt', 3, 'Do it.'),
        problem('broken-promise', 5, "I'll call you back within the hour", { skill: 'trust' }),
        problem('hostile', 3, 'this stupid system'),
      ],
      promises: [promise('broken', { deadline: '2026-03-04T11:00:00.000Z' })],
      arc: arc('neutral', 'angry'), outcome: 'unresolved',
      started: '2026-03-04T10:00:00.000Z', ended: '2026-03-04T12:00:00.000Z',
    }),
    makeRecord({
      id: 'A-3', team: null, agents: ['Lena'], messageCount: 3,
      promises: [promise('open', { deadline: '2026-03-10T15:00:00.000Z' })],
      arc: { start: { message: 0, mood: 'frustrated', signals: ['frustration'] }, end: { message: 0, mood: 'frustrated', signals: ['frustration'] }, points: [{ message: 0, mood: 'frustrated', signals: ['frustration'] }], trend: null },
      outcome: 'follow-up',
      started: '2026-03-10T14:00:00.000Z', ended: '2026-03-10T14:20:00.000Z',
    }),
    makeRecord({
      id: null, team: null, agents: [], customer: 'Ola', messageCount: 1,
      arc: { start: { message: 0, mood: 'anxious', signals: ['anxiety'] }, end: { message: 0, mood: 'anxious', signals: ['anxiety'] }, points: [{ message: 0, mood: 'anxious', signals: ['anxiety'] }], trend: null },
      outcome: 'no-reply',
      started: '2026-03-11T08:00:00.000Z', ended: '2026-03-11T08:00:00.000Z',
    }),
  ];
}

function summarize(records = handMade()): AuditSummary {
  const agg = new AuditAggregator();
  for (const r of records) agg.add(r);
  return agg.summary();
}

describe('isoWeek', () => {
  it('follows ISO 8601 at year boundaries', () => {
    assert.deepEqual(isoWeek('2026-01-01T12:00:00Z'), { week: '2026-W01', start: '2025-12-29' });
    assert.deepEqual(isoWeek('2021-01-03T23:59:00Z'), { week: '2020-W53', start: '2020-12-28' });
    assert.deepEqual(isoWeek('2024-12-30T00:00:00Z'), { week: '2025-W01', start: '2024-12-30' });
    assert.deepEqual(isoWeek('2026-03-02T09:00:00Z'), { week: '2026-W10', start: '2026-03-02' });
    assert.equal(isoWeek('not a date'), null);
  });
});

describe('TopK', () => {
  it('keeps exactly the k smallest, in order, whatever the order of arrival', () => {
    const r = rng(7);
    const all: number[] = [];
    const top = new TopK<number>(10, (a, b) => a - b);
    for (let i = 0; i < 5000; i++) {
      const v = Math.floor(r() * 100000);
      all.push(v);
      top.offer(v);
      assert.ok(top.size <= 10);
    }
    assert.deepEqual(top.values(), all.sort((a, b) => a - b).slice(0, 10));
  });
});

describe('AuditAggregator on hand-made records', () => {
  const s = summarize();

  it('counts the totals and the date range', () => {
    assert.equal(s.totals.conversations, 4);
    assert.equal(s.totals.messages, 14);
    assert.equal(s.totals.agents, 2);
    assert.equal(s.totals.teams, 1);
    assert.equal(s.totals.problems, 5);
    assert.equal(s.totals.strengths, 1);
    assert.equal(s.totals.promises, 3);
    assert.equal(s.totals.from, '2026-03-02T09:00:00.000Z');
    assert.equal(s.totals.to, '2026-03-11T08:00:00.000Z');
    assert.equal(s.totals.scored, 2);
  });

  it('takes means over judged scores only, skipping nulls', () => {
    assert.deepEqual(s.totals.scores, { empathy: 70, tone: 60, acknowledgment: null, trust: null, clarity: null, listening: null, overall: 60 });
  });

  it('counts a conversation with several agents for each of them', () => {
    assert.deepEqual(s.agents.map((a) => [a.name, a.conversations]), [['Lena', 2], ['Sam', 2]]);
    const sam = s.agents.find((a) => a.name === 'Sam')!;
    const lena = s.agents.find((a) => a.name === 'Lena')!;
    assert.equal(sam.scores.overall, 60);
    assert.equal(sam.scores.empathy, 70);
    assert.equal(lena.scores.overall, 40);
    assert.equal(lena.messages, 9);
    assert.deepEqual(sam.problems, [{ category: 'blunt', count: 3 }, { category: 'broken-promise', count: 1 }, { category: 'hostile', count: 1 }]);
    assert.equal(sam.problemTotal, 5);
    assert.deepEqual(sam.weekly, [{ week: '2026-W10', start: '2026-03-02', conversations: 2, overall: 60 }]);
    assert.deepEqual(lena.weekly, [
      { week: '2026-W10', start: '2026-03-02', conversations: 1, overall: 40 },
      { week: '2026-W11', start: '2026-03-09', conversations: 1, overall: null },
    ]);
    assert.equal(s.agents.some((a) => a.other), false);
  });

  it('summarises teams when records have one', () => {
    assert.equal(s.teams.length, 1);
    assert.equal(s.teams[0]!.name, 'Desk');
    assert.equal(s.teams[0]!.conversations, 2);
    assert.equal(s.teams[0]!.scores.overall, 60);
    assert.equal(s.teams[0]!.scores.tone, 60);
  });

  it('bins overall scores in tens and counts the unscored', () => {
    assert.equal(s.distribution.bins.length, 10);
    assert.deepEqual(s.distribution.bins[8], { from: 80, to: 89, count: 1 });
    assert.deepEqual(s.distribution.bins[4], { from: 40, to: 49, count: 1 });
    assert.deepEqual(s.distribution.bins[9], { from: 90, to: 100, count: 0 });
    assert.equal(s.distribution.unscored, 2);
    const agg = new AuditAggregator();
    agg.add(makeRecord({ scores: S({ overall: 100 }) }));
    agg.add(makeRecord({ scores: S({ overall: 0 }) }));
    const d = agg.summary().distribution.bins;
    assert.equal(d[9]!.count, 1);
    assert.equal(d[0]!.count, 1);
  });

  it('ranks problems with counts, shares and first-seen examples from different conversations', () => {
    assert.deepEqual(s.problems.map((p) => [p.category, p.count, p.conversations]), [['blunt', 3, 2], ['broken-promise', 1, 1], ['hostile', 1, 1]]);
    const blunt = s.problems[0]!;
    assert.equal(blunt.share, 0.5);
    assert.deepEqual(blunt.examples.map((e) => [e.conversation, e.message, e.excerpt]), [['A-1', 1, 'Restart it.'], ['A-2', 1, 'Reinstall the driver and it will work.']]);
    assert.equal(blunt.examples[0]!.explanation, 'Why blunt hurts.');
    assert.equal(blunt.examples[0]!.suggestion, 'A better wording than “Restart it.”.');
    assert.equal(blunt.examples[1]!.agent, 'Sam, Lena');
  });

  it('keeps the promise ledger', () => {
    const L = s.promises;
    assert.equal(L.total, 3);
    assert.deepEqual(L.byState, { kept: 1, broken: 1, 'late-acknowledged': 0, cancelled: 0, superseded: 0, open: 1 });
    assert.deepEqual(L.byAgent, [
      { agent: 'Lena', made: 2, cameDue: 1, broken: 1, brokenRate: 1 },
      { agent: 'Sam', made: 2, cameDue: 2, broken: 1, brokenRate: 0.5 },
    ]);
    assert.deepEqual(L.broken.map((p) => [p.conversation, p.agent, p.deadline, p.state]), [['A-2', 'Sam, Lena', '2026-03-04T11:00:00.000Z', 'broken']]);
    assert.deepEqual(L.open.map((p) => [p.conversation, p.agent, p.excerpt]), [['A-3', 'Lena', "I'll call you back in an hour"]]);
  });

  it('attributes a promise to its own agent when it names one', () => {
    const agg = new AuditAggregator();
    agg.add(makeRecord({ agents: ['Sam', 'Lena'], promises: [{ ...promise('broken'), agent: 'Lena' } as ReturnType<typeof promise>] }));
    const sum = agg.summary();
    assert.deepEqual(sum.promises.byAgent.map((a) => [a.agent, a.broken]), [['Lena', 1]]);
    assert.equal(sum.promises.broken[0]!.agent, 'Lena');
  });

  it('lists customers at risk, most severe first, with the reason in words', () => {
    assert.equal(s.atRisk.total, 3);
    assert.deepEqual(s.atRisk.items.map((r) => [r.conversation, r.severity, r.mood, r.outcome]), [
      ['A-2', 6, 'angry', 'unresolved'],
      [null, 5, 'anxious', 'no-reply'],
      ['A-3', 2, 'frustrated', 'follow-up'],
    ]);
    assert.match(s.atRisk.items[0]!.reason, /ended angry \(started neutral\)/);
    assert.match(s.atRisk.items[0]!.reason, /unresolved/);
    assert.match(s.atRisk.items[1]!.reason, /no agent replied/);
    assert.equal(s.atRisk.items[0]!.customer, 'Priya');
    assert.equal(s.atRisk.items[1]!.seq, 4);
  });

  it('does not put an exchange the agent ended for abuse at risk', () => {
    const sum = summarize([makeRecord({ arc: arc('angry', 'angry'), outcome: 'ended-abusive' })]);
    assert.equal(sum.atRisk.total, 0);
  });

  it('ranks the coaching queue by weighted problems, low score, worsening and ending', () => {
    assert.equal(s.coaching.total, 4);
    assert.deepEqual(s.coaching.items.map((c) => [c.conversation, c.priority]), [['A-2', 20], [null, 3.5], ['A-1', 1.5], ['A-3', 1.5]]);
    const top = s.coaching.items[0]!;
    assert.deepEqual(top.reasons, [
      'broken promise',
      'hostile wording',
      'blunt wording ×2',
      "customer's mood worsened (neutral → angry)",
      'low overall score (40/100)',
      'ended without a fix, referral or follow-up',
    ]);
    assert.equal(top.agent, 'Sam, Lena');
    assert.equal(top.overall, 40);
  });

  it('counts outcomes and arc trends', () => {
    assert.deepEqual(s.outcomes, { resolved: 1, referred: 0, 'follow-up': 1, unresolved: 1, 'ended-abusive': 0, 'no-reply': 1, open: 0 });
    assert.deepEqual(s.trends, { improved: 1, worsened: 1, steady: 0, none: 2 });
  });

  it('keeps the most recent weeks, with exact counts, whatever the order', () => {
    const agg = new AuditAggregator({ maxWeeks: 3 });
    const weeks = ['2026-03-30', '2026-03-02', '2026-03-23', '2026-03-09', '2026-03-16', '2026-03-02', '2026-03-30'];
    for (const d of weeks) agg.add(makeRecord({ started: `${d}T10:00:00.000Z`, scores: S({ overall: 50 }) }));
    assert.deepEqual(agg.summary().weekly.map((w) => [w.week, w.conversations]), [['2026-W12', 1], ['2026-W13', 1], ['2026-W14', 2]]);
  });

  it('tolerates records missing the newer fields', () => {
    const old = { id: 'old', findings: [problem('blunt', 1, 'x')], scores: S({ overall: 70 }) } as unknown as Parameters<AuditAggregator['add']>[0];
    const sum = summarize([old]);
    assert.equal(sum.totals.conversations, 1);
    assert.equal(sum.outcomes.open, 1);
    assert.equal(sum.problems[0]!.count, 1);
  });
});

describe('AuditAggregator stays bounded', () => {
  it('keeps every list within its limit over 100,000 records', async () => {
    const agg = new AuditAggregator();
    const L = agg.limits;
    let n = 0;
    for (const r of generateRecords(100_000, { oneOffAgentEvery: 10, oneOffTeamEvery: 40, days: 365 * 7 })) {
      agg.add(r);
      n++;
    }
    const s = agg.summary();
    assert.equal(n, 100_000);
    assert.equal(s.totals.conversations, 100_000);
    // 12 pooled agents + 10,000 one-offs: rows are capped, the rest share one row.
    assert.equal(s.totals.agents, 12 + 10_000);
    assert.equal(s.agents.length, L.maxAgents + 1);
    assert.equal(s.agents.filter((a) => a.other).length, 1);
    assert.equal(s.teams.length, L.maxTeams + 1);
    assert.ok(s.weekly.length <= L.maxWeeks && s.weekly.length > 200);
    for (const g of [...s.agents, ...s.teams]) assert.ok(g.weekly.length <= L.maxWeeks);
    for (const p of s.problems) assert.ok(p.examples.length <= L.examplesPerProblem);
    assert.ok(s.problems.length <= 8);
    assert.equal(s.promises.broken.length, L.maxPromises);
    assert.equal(s.promises.open.length, L.maxPromises);
    assert.ok(s.promises.byState.broken > L.maxPromises);
    assert.equal(s.atRisk.items.length, L.maxAtRisk);
    assert.ok(s.atRisk.total > L.maxAtRisk);
    assert.equal(s.coaching.items.length, L.maxCoaching);
    assert.ok(s.coaching.total > L.maxCoaching);
    // The counts still add up.
    assert.equal(s.distribution.bins.reduce((a, b) => a + b.count, 0) + s.distribution.unscored, 100_000);
    assert.equal(Object.values(s.outcomes).reduce((a, b) => a + b, 0), 100_000);
    assert.equal(Object.values(s.trends).reduce((a, b) => a + b, 0), 100_000);
    // Ranked lists really are ranked.
    for (let i = 1; i < s.coaching.items.length; i++) assert.ok(s.coaching.items[i - 1]!.priority >= s.coaching.items[i]!.priority);
    for (let i = 1; i < s.atRisk.items.length; i++) assert.ok(s.atRisk.items[i - 1]!.severity >= s.atRisk.items[i]!.severity);
    // The whole summary is small whatever the input size.
    assert.ok(JSON.stringify(s).length < 3_000_000, `summary is ${JSON.stringify(s).length} characters`);
  });

  it('gives the same summary for the same input (deterministic)', async () => {
    const a = await aggregateRecords(generateRecords(3000, { seed: 3 }));
    const b = await aggregateRecords(generateRecords(3000, { seed: 3 }));
    assert.deepEqual(a, b);
  });

  it('clips long texts it keeps', () => {
    const long = 'x'.repeat(5000);
    const s = summarize([makeRecord({ findings: [problem('wall-of-text', 1, long)] })]);
    assert.ok(s.problems[0]!.examples[0]!.excerpt.length <= 400);
  });
});

// ---------------------------------------------------------------------------
// HTML

const HOSTILE_ID = '<script>alert(1)</script>';
const HOSTILE_AGENT = '"><img src=x onerror=alert(2)>';
const HOSTILE_TEAM = `Ops "A" & 'B'`;

function hostileSummary(): AuditSummary {
  const agg = new AuditAggregator();
  // First, so that its finding is the first example of its category.
  agg.add(
    makeRecord({
      id: HOSTILE_ID,
      agents: [HOSTILE_AGENT],
      team: HOSTILE_TEAM,
      customer: '<b>Mallory</b>',
      scores: S({ tone: 10, overall: 10 }),
      findings: [problem('hostile', 1, `Tom & Jerry <script>alert(3)</script>`, { explanation: 'It "hurts" & <i>stings</i>', suggestion: "Say 'sorry' </textarea>" })],
      promises: [promise('broken', { excerpt: '<svg onload=alert(4)>' })],
      arc: arc('neutral', 'angry'),
      outcome: 'unresolved',
      started: '2026-02-10T10:00:00.000Z',
    }),
  );
  for (const r of generateRecords(200, { seed: 5, days: 60 })) agg.add(r);
  return agg.summary();
}

function withoutScript(html: string): string {
  return html.replace(/<script>[\s\S]*?<\/script>/g, '');
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    assert.equal(escapeHtml(null), '');
    assert.equal(escapeHtml(42), '42');
  });
});

describe('renderHtmlReport', () => {
  const summary = hostileSummary();
  const html = renderHtmlReport(summary, { title: 'Q1 <audit> & "review"', generatedAt: '2026-03-31T12:00:00Z', inputs: ['march<1>.jsonl', `it's "here".jsonl`] });

  it('has every section', () => {
    for (const id of ['overview', 'skills', 'agents', 'teams', 'trend', 'distribution', 'problems', 'promises', 'at-risk', 'coaching', 'outcomes']) {
      assert.match(html, new RegExp(`<section id="${id}"`), id);
    }
    assert.match(html, /<svg id="trend-chart"[^>]*role="img"/);
    assert.match(html, /<svg id="distribution-chart"/);
    assert.match(html, /<polyline points="[\d., ]+"/);
    assert.match(html, /<rect class="bar /);
    assert.match(html, /Most frequent problems/);
    assert.match(html, /Promise ledger/);
    assert.match(html, /Coaching queue/);
  });

  it('shows hostile text as text, never as markup', () => {
    assert.equal(html.match(/<script/g)?.length, 1, 'only the report’s own script');
    assert.ok(!html.includes(HOSTILE_ID));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'));
    assert.ok(!html.includes('<svg onload'));
    assert.ok(html.includes('&lt;svg onload=alert(4)&gt;'));
    assert.ok(html.includes('Tom &amp; Jerry &lt;script&gt;alert(3)&lt;/script&gt;'));
    assert.ok(html.includes('It &quot;hurts&quot; &amp; &lt;i&gt;stings&lt;/i&gt;'));
    assert.ok(html.includes('Say &#39;sorry&#39; &lt;/textarea&gt;'));
    assert.ok(!html.includes('<b>Mallory'));
    assert.ok(html.includes('<title>Q1 &lt;audit&gt; &amp; &quot;review&quot;</title>'));
    assert.ok(html.includes('march&lt;1&gt;.jsonl'));
    assert.ok(html.includes('it&#39;s &quot;here&quot;.jsonl'));
    // In attributes: the team name is a chart series, named in a data attribute.
    assert.ok(html.includes(`data-series="Ops &quot;A&quot; &amp; &#39;B&#39;"`));
    // No raw ampersand that is not an entity.
    assert.equal(html.replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '').match(/&(?!(?:amp|lt|gt|quot|#39);)/g), null);
  });

  it('allows only its own script, by hash, and loads nothing from outside', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    assert.ok(REPORT_CSP.includes(`'sha256-${hash}'`));
    assert.ok(html.includes(`content="${escapeHtml(REPORT_CSP)}"`));
    assert.doesNotMatch(html, /\b(?:src|href)="(?:https?:)?\/\//);
    assert.doesNotMatch(html, /@import|url\(/);
  });

  it('is accessible: headings in order, header cells scoped, charts described', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    assert.equal(levels[0], 1);
    assert.equal(levels.filter((l) => l === 1).length, 1);
    for (let i = 1; i < levels.length; i++) assert.ok(levels[i]! <= levels[i - 1]! + 1, `h${levels[i]} after h${levels[i - 1]}`);
    assert.doesNotMatch(html, /<th(?![^>]*\bscope=)[\s>]/);
    assert.match(html, /<title id="trend-title">/);
    assert.match(html, /<desc id="trend-desc">/);
    assert.match(html, /<title id="dist-title">/);
    assert.match(html, /Trend as a table/);
    assert.match(html, /Distribution as a table/);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /@media print/);
  });

  it('renders an empty summary without failing', () => {
    const empty = renderHtmlReport(new AuditAggregator().summary(), { generatedAt: 'now', inputs: [] });
    assert.match(empty, /<h1>Rapport audit report<\/h1>/);
    assert.match(empty, /no weekly trend/);
    assert.match(empty, /No conversation has an overall score/);
    assert.doesNotMatch(withoutScript(empty), /NaN|undefined/);
  });

  it('writes no NaN or undefined anywhere', () => {
    assert.doesNotMatch(withoutScript(html), /NaN|undefined|\[object Object\]/);
  });
});
