// The audit report as one self-contained HTML file: inline CSS, inline SVG
// charts and one small inline script (sortable tables, details opened for
// printing). No external request of any kind; a Content-Security-Policy
// forbids them and allows only that script, by its hash.
//
// Every piece of text that came from a conversation or from the command line
// (ids, names, excerpts, explanations, suggestions, file names, the title)
// goes through `escapeHtml`, in element content and in attributes alike.

import { createHash } from 'node:crypto';
import { OUTCOMES, PROMISE_STATES, SKILLS } from '../engine/types.js';
import type { AgentSummary, AuditSummary, GroupSummary, PromiseItem, ScoreMeans, WeekPoint } from './aggregate.js';
import { moodLabel, outcomeLabel, problemTitle, PROMISE_STATE_LABELS } from './labels.js';
import { lookup } from '../engine/lookup.js';

export interface ReportMeta {
  title?: string;
  /** When the report was made (shown as given, e.g. an ISO timestamp). */
  generatedAt: string;
  /** The files the records came from. */
  inputs: string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content or a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const esc = escapeHtml;

// ---------------------------------------------------------------------------
// Formatting

const SKILL_TITLES: Readonly<Record<string, string>> = lookup({
  empathy: 'Empathy', tone: 'Tone', acknowledgment: 'Acknowledgment', trust: 'Trust', clarity: 'Clarity', listening: 'Listening', overall: 'Overall',
});

function num(n: number): string {
  return n.toLocaleString('en-US');
}

function score1(v: number | null): string {
  return v === null ? '—' : v.toFixed(1);
}

function pct(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const p = share * 100;
  if (p > 0 && p < 1) return '<1%';
  return `${Math.round(p)}%`;
}

function dateOnly(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—';
}

function dateTime(iso: string | null): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function band(v: number | null): 'good' | 'fair' | 'poor' | 'none' {
  if (v === null) return 'none';
  return v >= 80 ? 'good' : v >= 60 ? 'fair' : 'poor';
}

/** A score as a table cell: the number, tinted by band, sortable. */
function scoreCell(v: number | null): string {
  return `<td class="num score ${band(v)}" data-sort="${v === null ? -1 : v}">${esc(score1(v))}</td>`;
}

function numCell(n: number, shown?: string): string {
  return `<td class="num" data-sort="${n}">${esc(shown ?? num(n))}</td>`;
}

/** How a conversation is referred to: its id, or its place in the input. */
function convRef(id: string | null, seq: number): string {
  return id !== null && id !== '' ? `<code class="conv">${esc(id)}</code>` : `<span class="muted">record #${esc(seq)} (no id)</span>`;
}

function orDash(s: string | null | undefined): string {
  return s ? esc(s) : '<span class="muted">—</span>';
}

function showing(shown: number, total: number, what: string): string {
  return shown < total ? `<p class="note">Showing ${esc(num(shown))} of ${esc(num(total))} ${esc(what)}.</p>` : '';
}

// ---------------------------------------------------------------------------
// Charts

/** Okabe–Ito colours (safe for colour blindness), with a dash pattern and a marker shape each, so colour is never the only cue. */
const SERIES_STYLES = [
  { color: '#1f3b57', dash: '', marker: 'circle', width: 3 },
  { color: '#d55e00', dash: '7 4', marker: 'square', width: 2 },
  { color: '#009e73', dash: '2 3', marker: 'triangle', width: 2 },
  { color: '#cc79a7', dash: '10 3 2 3', marker: 'diamond', width: 2 },
  { color: '#0072b2', dash: '4 2', marker: 'cross', width: 2 },
  { color: '#b8860b', dash: '1 3', marker: 'circle-open', width: 2 },
] as const;
type SeriesStyle = (typeof SERIES_STYLES)[number];

function f1(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

function marker(style: SeriesStyle, x: number, y: number, title: string): string {
  const t = `<title>${esc(title)}</title>`;
  const c = esc(style.color);
  switch (style.marker) {
    case 'square':
      return `<rect x="${f1(x - 3.5)}" y="${f1(y - 3.5)}" width="7" height="7" fill="${c}">${t}</rect>`;
    case 'triangle':
      return `<path d="M${f1(x)} ${f1(y - 4.5)}L${f1(x + 4.5)} ${f1(y + 3.5)}L${f1(x - 4.5)} ${f1(y + 3.5)}Z" fill="${c}">${t}</path>`;
    case 'diamond':
      return `<path d="M${f1(x)} ${f1(y - 5)}L${f1(x + 5)} ${f1(y)}L${f1(x)} ${f1(y + 5)}L${f1(x - 5)} ${f1(y)}Z" fill="${c}">${t}</path>`;
    case 'cross':
      return `<path d="M${f1(x - 4)} ${f1(y - 4)}L${f1(x + 4)} ${f1(y + 4)}M${f1(x + 4)} ${f1(y - 4)}L${f1(x - 4)} ${f1(y + 4)}" stroke="${c}" stroke-width="2.2" fill="none">${t}</path>`;
    case 'circle-open':
      return `<circle cx="${f1(x)}" cy="${f1(y)}" r="4" fill="#fff" stroke="${c}" stroke-width="2">${t}</circle>`;
    default:
      return `<circle cx="${f1(x)}" cy="${f1(y)}" r="4" fill="${c}">${t}</circle>`;
  }
}

/** A small legend swatch: the line's dash and its marker. */
function swatch(style: SeriesStyle): string {
  return `<svg class="swatch" width="34" height="12" viewBox="0 0 34 12" aria-hidden="true" focusable="false"><line x1="1" y1="6" x2="33" y2="6" stroke="${esc(style.color)}" stroke-width="${style.width}"${style.dash ? ` stroke-dasharray="${esc(style.dash)}"` : ''}/>${marker(style, 17, 6, '')}</svg>`;
}

interface Series {
  name: string;
  weekly: WeekPoint[];
}

const MAX_WEEKS_SHOWN = 26;
const MAX_SERIES = SERIES_STYLES.length;

function trendSeries(summary: AuditSummary): { series: Series[]; by: 'team' | 'agent' } {
  const series: Series[] = [{ name: 'All conversations', weekly: summary.weekly }];
  const groups: GroupSummary[] = summary.teams.length ? summary.teams.filter((t) => !t.other) : summary.agents.filter((a) => !a.other);
  for (const g of groups) {
    if (series.length >= MAX_SERIES) break;
    if (g.weekly.some((w) => w.overall !== null)) series.push({ name: g.name, weekly: g.weekly });
  }
  return { series, by: summary.teams.length ? 'team' : 'agent' };
}

function trendChart(summary: AuditSummary): string {
  const { series, by } = trendSeries(summary);
  const allWeeks = [...new Set(series.flatMap((s) => s.weekly.filter((w) => w.overall !== null).map((w) => w.week)))].sort();
  const weeks = allWeeks.slice(-MAX_WEEKS_SHOWN);
  if (!weeks.length) {
    return '<p class="empty">No scored conversations with timestamps, so there is no weekly trend to draw.</p>';
  }
  const starts = new Map<string, string>();
  for (const s of series) for (const w of s.weekly) starts.set(w.week, w.start);

  const W = 760;
  const H = 330;
  const m = { left: 56, right: 150, top: 18, bottom: 66 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const x = (i: number) => m.left + (weeks.length === 1 ? pw / 2 : (i * pw) / (weeks.length - 1));
  const y = (v: number) => m.top + ph * (1 - v / 100);
  const index = new Map(weeks.map((w, i) => [w, i]));

  const grid: string[] = [];
  for (let v = 0; v <= 100; v += 20) {
    grid.push(`<line class="grid" x1="${m.left}" y1="${f1(y(v))}" x2="${m.left + pw}" y2="${f1(y(v))}"/>`);
    grid.push(`<text class="tick" x="${m.left - 8}" y="${f1(y(v) + 4)}" text-anchor="end">${v}</text>`);
  }
  // Label every n-th week counting back from the last, so the newest week always has one.
  const every = Math.max(1, Math.ceil(weeks.length / 9));
  const xTicks = weeks
    .map((w, i) =>
      (weeks.length - 1 - i) % every === 0
        ? `<line class="axis" x1="${f1(x(i))}" y1="${m.top + ph}" x2="${f1(x(i))}" y2="${m.top + ph + 5}"/><text class="tick" x="${f1(x(i))}" y="${m.top + ph + 18}" text-anchor="middle">${esc(w.slice(5))}</text><text class="tick sub" x="${f1(x(i))}" y="${m.top + ph + 31}" text-anchor="middle">${esc(dayMonth(starts.get(w)))}</text>`
        : '',
    )
    .join('');
  const years = [...new Set(weeks.map((w) => w.slice(0, 4)))];
  const xTitle = `ISO week${years.length > 1 ? `s of ${years[0]}–${years[years.length - 1]}` : ` of ${years[0]}`} (and the Monday it starts)`;

  const lines: string[] = [];
  const ends: { y: number; name: string; style: SeriesStyle; x: number }[] = [];
  series.forEach((s, si) => {
    const style = SERIES_STYLES[si]!;
    const pts = s.weekly.filter((w) => w.overall !== null && index.has(w.week)).map((w) => ({ w, px: x(index.get(w.week)!), py: y(w.overall!) }));
    if (!pts.length) return;
    const points = pts.map((p) => `${f1(p.px)},${f1(p.py)}`).join(' ');
    const markers = pts.map((p) => marker(style, p.px, p.py, `${s.name}, ${p.w.week}: ${score1(p.w.overall)} (${p.w.conversations} conversations)`)).join('');
    lines.push(
      `<g class="series" data-series="${esc(s.name)}"><polyline points="${points}" fill="none" stroke="${esc(style.color)}" stroke-width="${style.width}" stroke-linejoin="round" stroke-linecap="round"${style.dash ? ` stroke-dasharray="${esc(style.dash)}"` : ''}/>${markers}</g>`,
    );
    const last = pts[pts.length - 1]!;
    ends.push({ y: last.py, x: last.px, name: s.name, style });
  });
  // Direct labels at the right, pushed apart so they do not overlap.
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) if (ends[i]!.y - ends[i - 1]!.y < 13) ends[i]!.y = ends[i - 1]!.y + 13;
  const labels = ends
    .map((e) => `<text class="end-label" x="${m.left + pw + 12}" y="${f1(e.y + 4)}" fill="${esc(e.style.color)}">${esc(truncate(e.name, 22))}</text>`)
    .join('');

  const desc = `Mean overall score per ISO week, ${weeks[0]} to ${weeks[weeks.length - 1]}, for all conversations${series.length > 1 ? ` and the ${series.length - 1} busiest ${by === 'team' ? 'teams' : 'agents'}` : ''}. The same figures are in the table below the chart.`;
  const svg = `<svg id="trend-chart" class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="trend-title trend-desc" preserveAspectRatio="xMidYMid meet">
<title id="trend-title">Weekly trend of the overall score</title>
<desc id="trend-desc">${esc(desc)}</desc>
<g class="grid-lines">${grid.join('')}</g>
<line class="axis" x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + ph}"/>
<line class="axis" x1="${m.left}" y1="${m.top + ph}" x2="${m.left + pw}" y2="${m.top + ph}"/>
${xTicks}
<text class="axis-title" x="${m.left + pw / 2}" y="${H - 8}" text-anchor="middle">${esc(xTitle)}</text>
<text class="axis-title" transform="translate(14 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">Overall score (0–100)</text>
${lines.join('\n')}
${labels}
</svg>`;

  const legend = `<ul class="legend">${series
    .map((s, i) => `<li>${swatch(SERIES_STYLES[i]!)}<span>${esc(s.name)}</span></li>`)
    .join('')}</ul>`;

  const table = `<details class="fallback"><summary>Trend as a table</summary><div class="table-wrap"><table>
<caption>Mean overall score per week</caption>
<thead><tr><th scope="col">Week</th><th scope="col">Starts</th>${series.map((s) => `<th scope="col">${esc(s.name)}</th>`).join('')}</tr></thead>
<tbody>${weeks
    .map((w) => {
      const cells = series.map((s) => {
        const p = s.weekly.find((p) => p.week === w);
        return p ? `<td class="num">${esc(score1(p.overall))} <span class="muted">(${esc(num(p.conversations))})</span></td>` : '<td class="num muted">—</td>';
      });
      return `<tr><th scope="row">${esc(w)}</th><td>${esc(starts.get(w) ?? '')}</td>${cells.join('')}</tr>`;
    })
    .join('\n')}</tbody></table></div><p class="note">In brackets: conversations that week.</p></details>`;

  const note = allWeeks.length > weeks.length ? `<p class="note">The last ${weeks.length} of ${allWeeks.length} weeks are shown.</p>` : '';
  return `<figure class="chart-figure">${svg}<figcaption>${legend}</figcaption></figure>${note}${table}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-02" → "2 Mar". */
function dayMonth(date: string | undefined): string {
  const m = date ? /^\d{4}-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? `${Number(m[2])} ${MONTHS[Number(m[1]) - 1] ?? ''}` : '';
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function distributionChart(summary: AuditSummary): string {
  const { bins, unscored } = summary.distribution;
  const total = bins.reduce((s, b) => s + b.count, 0);
  if (!total) return '<p class="empty">No conversation has an overall score yet.</p>';
  const W = 760;
  const H = 290;
  const m = { left: 56, right: 16, top: 24, bottom: 58 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const max = Math.max(...bins.map((b) => b.count));
  const niceMax = niceCeil(max);
  const slot = pw / bins.length;
  const bw = slot * 0.72;
  const y = (v: number) => m.top + ph * (1 - v / niceMax);

  const grid: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (niceMax * i) / 4;
    grid.push(`<line class="grid" x1="${m.left}" y1="${f1(y(v))}" x2="${m.left + pw}" y2="${f1(y(v))}"/>`);
    grid.push(`<text class="tick" x="${m.left - 8}" y="${f1(y(v) + 4)}" text-anchor="end">${esc(num(Math.round(v)))}</text>`);
  }
  const bars = bins
    .map((b, i) => {
      const bx = m.left + i * slot + (slot - bw) / 2;
      const by = y(b.count);
      const h = m.top + ph - by;
      const label = `${b.from}–${b.to}`;
      return `<g class="bin"><rect class="bar ${band(b.from)}" x="${f1(bx)}" y="${f1(by)}" width="${f1(bw)}" height="${f1(h)}"><title>${esc(`Overall ${label}: ${num(b.count)} conversations`)}</title></rect><text class="bar-value" x="${f1(bx + bw / 2)}" y="${f1(by - 6)}" text-anchor="middle">${esc(num(b.count))}</text><text class="tick" x="${f1(bx + bw / 2)}" y="${m.top + ph + 18}" text-anchor="middle">${esc(label)}</text></g>`;
    })
    .join('');
  const svg = `<svg id="distribution-chart" class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="dist-title dist-desc" preserveAspectRatio="xMidYMid meet">
<title id="dist-title">Distribution of conversation overall scores</title>
<desc id="dist-desc">${esc(`Conversations per 10-point band of overall score; ${num(total)} scored conversations, the tallest band holds ${num(max)}. The same figures are in the table below the chart.`)}</desc>
<g class="grid-lines">${grid.join('')}</g>
<line class="axis" x1="${m.left}" y1="${m.top + ph}" x2="${m.left + pw}" y2="${m.top + ph}"/>
<line class="axis" x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + ph}"/>
${bars}
<text class="axis-title" x="${m.left + pw / 2}" y="${H - 10}" text-anchor="middle">Overall score band</text>
<text class="axis-title" transform="translate(14 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">Conversations</text>
</svg>`;
  const table = `<details class="fallback"><summary>Distribution as a table</summary><div class="table-wrap"><table>
<caption>Conversations per overall score band</caption>
<thead><tr><th scope="col">Overall score</th><th scope="col">Conversations</th><th scope="col">Share of scored</th></tr></thead>
<tbody>${bins.map((b) => `<tr><th scope="row">${b.from}–${b.to}</th>${numCell(b.count)}<td class="num">${esc(pct(b.count / total))}</td></tr>`).join('')}</tbody>
</table></div></details>`;
  const legend = `<ul class="legend"><li><span class="key poor" aria-hidden="true"></span><span>under 60: needs work</span></li><li><span class="key fair" aria-hidden="true"></span><span>60–79: fair</span></li><li><span class="key good" aria-hidden="true"></span><span>80–100: good</span></li></ul>`;
  const un = unscored ? `<p class="note">${esc(num(unscored))} conversations had no overall score (nothing was judged) and are not counted.</p>` : '';
  return `<figure class="chart-figure">${svg}<figcaption>${legend}</figcaption></figure>${un}${table}`;
}

function niceCeil(n: number): number {
  if (n <= 4) return 4;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const k of [1, 2, 2.5, 4, 5, 10]) if (k * p >= n) return k * p;
  return 10 * p;
}

// ---------------------------------------------------------------------------
// Sections

function section(id: string, title: string, body: string, intro = ''): string {
  return `<section id="${esc(id)}" aria-labelledby="${esc(id)}-h"><h2 id="${esc(id)}-h">${esc(title)}</h2>${intro ? `<p class="intro">${esc(intro)}</p>` : ''}${body}</section>`;
}

function overview(summary: AuditSummary): string {
  const t = summary.totals;
  const period = t.from || t.to ? `${dateOnly(t.from)} to ${dateOnly(t.to)}` : 'no timestamps';
  const stats: [string, string, string?][] = [
    ['Conversations', num(t.conversations)],
    ['Messages', num(t.messages)],
    ['Agents', `${num(t.agents)}${t.agentsCapped ? '+' : ''}`],
    ['Period', period, 'wide'],
    ['Mean overall score', score1(t.scores.overall), band(t.scores.overall)],
    ['Problems found', num(t.problems)],
    ['Broken promises', num(summary.promises.byState.broken)],
    ['Customers at risk', num(summary.atRisk.total)],
  ];
  return `<dl class="stats">${stats
    .map(([k, v, b]) => `<div class="stat${b ? ` ${b}` : ''}"><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`)
    .join('')}</dl>`;
}

function skillsSection(summary: AuditSummary): string {
  const s = summary.totals.scores;
  const rows = [...SKILLS, 'overall' as const]
    .map((k) => {
      const v = s[k];
      return `<tr${k === 'overall' ? ' class="total"' : ''}><th scope="row">${esc(SKILL_TITLES[k])}</th>${scoreCell(v)}<td class="bar-cell"><div class="meter" aria-hidden="true"><span class="${band(v)}" style="width:${v === null ? 0 : f1(v)}%"></span></div></td></tr>`;
    })
    .join('');
  return `<div class="table-wrap"><table class="skills"><caption>Mean score per skill over all conversations (0–100)</caption>
<thead><tr><th scope="col">Skill</th><th scope="col">Mean</th><th scope="col"><span class="sr-only">As a bar</span></th></tr></thead>
<tbody>${rows}</tbody></table></div>
<p class="note">Scores: 80–100 good, 60–79 fair, under 60 needs work. Tints repeat the number; they never replace it. A dash means the skill was never judged.</p>`;
}

function sortableHead(cols: { label: string; num?: boolean }[]): string {
  return `<thead><tr>${cols
    .map((c, i) => `<th scope="col" aria-sort="none"${c.num ? ' class="num"' : ''}><button type="button" data-col="${i}">${esc(c.label)}<span class="sort-icon" aria-hidden="true"></span></button></th>`)
    .join('')}</tr></thead>`;
}

function scoreCols(): { label: string; num: boolean }[] {
  return [{ label: 'Overall', num: true }, ...SKILLS.map((k) => ({ label: SKILL_TITLES[k]!, num: true }))];
}

function scoreCells(s: ScoreMeans): string {
  return scoreCell(s.overall) + SKILLS.map((k) => scoreCell(s[k])).join('');
}

function topProblem(g: GroupSummary): string {
  const p = g.problems[0];
  return p ? `${esc(problemTitle(p.category))} <span class="muted">(${esc(num(p.count))})</span>` : '<span class="muted">—</span>';
}

function agentsSection(summary: AuditSummary): string {
  if (!summary.agents.length) return '<p class="empty">No agent is named in these conversations.</p>';
  const head = sortableHead([
    { label: 'Agent' },
    { label: 'Conversations', num: true },
    ...scoreCols(),
    { label: 'Problems', num: true },
    { label: 'Most frequent problem' },
    { label: 'Broken promises', num: true },
  ]);
  const rows = summary.agents
    .map((a: AgentSummary) => {
      const rate = a.brokenRate === null ? '' : ` <span class="muted">(${esc(pct(a.brokenRate))} of due)</span>`;
      return `<tr${a.other ? ' class="other"' : ''}><th scope="row">${esc(a.name)}</th>${numCell(a.conversations)}${scoreCells(a.scores)}${numCell(a.problemTotal)}<td>${topProblem(a)}</td><td class="num nw" data-sort="${a.promises.broken}">${esc(num(a.promises.broken))}${rate}</td></tr>`;
    })
    .join('\n');
  const other = summary.agents.some((a) => a.other)
    ? `<p class="note">Agents past the first ${esc(num(summary.limits.maxAgents))} share the row “Other agents”.</p>`
    : '';
  return `<div class="table-wrap"><table class="sortable data"><caption>Per agent: conversations, mean scores and problems (select a column heading to sort)</caption>${head}<tbody>${rows}</tbody></table></div>${other}
<p class="note">A conversation with several agents counts for each of them, with all its findings.</p>`;
}

function teamsSection(summary: AuditSummary): string {
  if (!summary.teams.length) return '';
  const head = sortableHead([{ label: 'Team' }, { label: 'Conversations', num: true }, ...scoreCols(), { label: 'Problems', num: true }, { label: 'Most frequent problem' }]);
  const rows = summary.teams
    .map((t) => `<tr${t.other ? ' class="other"' : ''}><th scope="row">${esc(t.name)}</th>${numCell(t.conversations)}${scoreCells(t.scores)}${numCell(t.problemTotal)}<td>${topProblem(t)}</td></tr>`)
    .join('\n');
  return section('teams', 'Teams', `<div class="table-wrap"><table class="sortable data"><caption>Per team: conversations, mean scores and problems</caption>${head}<tbody>${rows}</tbody></table></div>`);
}

function problemsSection(summary: AuditSummary): string {
  if (!summary.problems.length) return '<p class="empty">No problem was found. Well done.</p>';
  const table = `<div class="table-wrap"><table class="data"><caption>Problems by category, most frequent first</caption>
<thead><tr><th scope="col">Problem</th><th scope="col">Skill</th><th scope="col" class="num">Findings</th><th scope="col" class="num">Conversations</th><th scope="col" class="num">Share of conversations</th></tr></thead>
<tbody>${summary.problems
    .map((p, i) => `<tr><th scope="row"><a href="#problem-${i}">${esc(problemTitle(p.category))}</a></th><td>${orDash(p.skill ? SKILL_TITLES[p.skill] ?? p.skill : null)}</td>${numCell(p.count)}${numCell(p.conversations)}<td class="num">${esc(pct(p.share))}</td></tr>`)
    .join('')}</tbody></table></div>`;
  const details = summary.problems
    .map((p, i) => {
      const examples = p.examples
        .map(
          (e) => `<li class="example">
<blockquote class="excerpt"><p>${esc(e.excerpt)}</p></blockquote>
<dl class="why"><dt>Why it hurts</dt><dd>${orDash(e.explanation)}</dd><dt>Better wording</dt><dd class="better">${orDash(e.suggestion)}</dd></dl>
<p class="source">Conversation ${convRef(e.conversation, e.seq)}, message ${esc(e.message + 1)}${e.agent ? `, ${esc(e.agent)}` : ''}</p>
</li>`,
        )
        .join('');
      return `<article class="problem" id="problem-${i}"><h3>${esc(problemTitle(p.category))} <span class="tag">${esc(p.category)}</span></h3>
<p class="meta">${esc(num(p.count))} findings in ${esc(num(p.conversations))} conversations (${esc(pct(p.share))} of all).</p>
${examples ? `<ul class="examples">${examples}</ul>` : ''}</article>`;
    })
    .join('\n');
  return `${table}${details}<p class="note">Examples are the first ones met in the input, each from a different conversation. Message numbers count from 1.</p>`;
}

function promiseTable(items: PromiseItem[], caption: string, emptyText: string): string {
  if (!items.length) return `<p class="empty">${esc(emptyText)}</p>`;
  return `<div class="table-wrap"><table class="data"><caption>${esc(caption)}</caption>
<thead><tr><th scope="col">Conversation</th><th scope="col">Agent</th><th scope="col">Promise</th><th scope="col">Made</th><th scope="col">Deadline</th></tr></thead>
<tbody>${items
    .map(
      (p) => `<tr><th scope="row">${convRef(p.conversation, p.seq)}</th><td>${orDash(p.agent)}</td><td><q>${esc(p.excerpt)}</q>${p.due ? ` <span class="muted">(${esc(p.due)})</span>` : ''}</td><td>${esc(dateTime(p.made))}</td><td>${esc(dateTime(p.deadline))}</td></tr>`,
    )
    .join('\n')}</tbody></table></div>`;
}

function promisesSection(summary: AuditSummary): string {
  const L = summary.promises;
  if (!L.total) return '<p class="empty">No agent made a timed promise in these conversations.</p>';
  const states = `<div class="table-wrap"><table class="data compact"><caption>Promises by where they ended up</caption>
<thead><tr><th scope="col">State</th><th scope="col" class="num">Promises</th><th scope="col" class="num">Share</th></tr></thead>
<tbody>${PROMISE_STATES.map((s) => `<tr${s === 'broken' ? ' class="attention"' : ''}><th scope="row">${esc(PROMISE_STATE_LABELS[s])}</th>${numCell(L.byState[s])}<td class="num">${esc(pct(L.byState[s] / L.total))}</td></tr>`).join('')}
<tr class="total"><th scope="row">All</th>${numCell(L.total)}<td class="num">100%</td></tr></tbody></table></div>`;
  const byAgent = L.byAgent.length
    ? `<div class="table-wrap"><table class="sortable data compact"><caption>Broken rate per agent (broken ÷ promises that came due)</caption>${sortableHead([
        { label: 'Agent' },
        { label: 'Promises made', num: true },
        { label: 'Came due', num: true },
        { label: 'Broken', num: true },
        { label: 'Broken rate', num: true },
      ])}<tbody>${L.byAgent
        .map((a) => `<tr><th scope="row">${esc(a.agent)}</th>${numCell(a.made)}${numCell(a.cameDue)}${numCell(a.broken)}<td class="num" data-sort="${a.brokenRate ?? -1}">${esc(pct(a.brokenRate))}</td></tr>`)
        .join('\n')}</tbody></table></div>`
    : '';
  return `<div class="two-col">${states}${byAgent}</div>
<h3>Broken promises</h3>${promiseTable(L.broken, 'Broken promises, most recent deadline first', 'No promise was broken.')}${showing(L.broken.length, L.byState.broken, 'broken promises')}
<h3>Open promises</h3>${promiseTable(L.open, 'Open promises, soonest deadline first', 'No promise is still open.')}${showing(L.open.length, L.byState.open, 'open promises')}`;
}

function severityWord(n: number): string {
  return n >= 5 ? 'high' : n >= 3 ? 'medium' : 'low';
}

function atRiskSection(summary: AuditSummary): string {
  const { items, total } = summary.atRisk;
  if (!items.length) return '<p class="empty">No customer ended upset or without an answer.</p>';
  return `<div class="table-wrap"><table class="data"><caption>Customers who ended upset or without a resolution, most severe first</caption>
<thead><tr><th scope="col">Conversation</th><th scope="col">Customer</th><th scope="col">Agent</th><th scope="col">Last mood</th><th scope="col">Outcome</th><th scope="col">Severity</th><th scope="col">Why</th></tr></thead>
<tbody>${items
    .map(
      (r) => `<tr><th scope="row">${convRef(r.conversation, r.seq)}</th><td class="nw">${orDash(r.customer)}</td><td>${orDash(r.agent)}</td><td>${orDash(r.mood ? moodLabel(r.mood) : null)}</td><td class="nw">${esc(outcomeLabel(r.outcome))}</td><td><span class="sev sev-${severityWord(r.severity)}">${esc(severityWord(r.severity))}</span></td><td>${esc(r.reason)}</td></tr>`,
    )
    .join('\n')}</tbody></table></div>${showing(items.length, total, 'conversations at risk')}`;
}

function coachingSection(summary: AuditSummary): string {
  const { items, total } = summary.coaching;
  if (!items.length) return '<p class="empty">Nothing stands out for review.</p>';
  return `<div class="table-wrap"><table class="data"><caption>Conversations most worth a human review, highest priority first</caption>
<thead><tr><th scope="col" class="num">Rank</th><th scope="col">Conversation</th><th scope="col">Agent</th><th scope="col" class="num">Overall</th><th scope="col" class="num">Priority</th><th scope="col">Why</th></tr></thead>
<tbody>${items
    .map(
      (c, i) => `<tr><td class="num">${i + 1}</td><th scope="row">${convRef(c.conversation, c.seq)}</th><td>${orDash(c.agent)}</td>${scoreCell(c.overall)}<td class="num">${esc(c.priority.toFixed(1))}</td><td><ul class="reasons">${c.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></td></tr>`,
    )
    .join('\n')}</tbody></table></div>${showing(items.length, total, 'conversations with something to review')}
<p class="note">Priority adds up what went wrong: broken promises and hostile wording weigh most, then ignored emotions and blame, then a low overall score, a customer whose mood worsened, and an unresolved ending.</p>`;
}

function outcomesSection(summary: AuditSummary): string {
  const n = summary.totals.conversations;
  const outcomeRows = OUTCOMES.map((o) => {
    const c = summary.outcomes[o];
    const share = n ? c / n : 0;
    return `<tr><th scope="row">${esc(outcomeLabel(o))}</th>${numCell(c)}<td class="num">${esc(pct(n ? share : null))}</td><td class="bar-cell"><div class="meter" aria-hidden="true"><span class="neutral" style="width:${f1(share * 100)}%"></span></div></td></tr>`;
  }).join('');
  const trendLabels: Record<string, string> = { improved: 'Improved', steady: 'Steady', worsened: 'Worsened', none: 'Not known (fewer than two customer messages)' };
  const trendRows = (['improved', 'steady', 'worsened', 'none'] as const)
    .map((k) => `<tr><th scope="row">${esc(trendLabels[k])}</th>${numCell(summary.trends[k])}<td class="num">${esc(pct(n ? summary.trends[k] / n : null))}</td></tr>`)
    .join('');
  return `<div class="two-col"><div class="table-wrap"><table class="data compact"><caption>How conversations ended</caption>
<thead><tr><th scope="col">Outcome</th><th scope="col" class="num">Conversations</th><th scope="col" class="num">Share</th><th scope="col"><span class="sr-only">As a bar</span></th></tr></thead><tbody>${outcomeRows}</tbody></table></div>
<div class="table-wrap"><table class="data compact"><caption>The customer's mood from first to last message</caption>
<thead><tr><th scope="col">Trend</th><th scope="col" class="num">Conversations</th><th scope="col" class="num">Share</th></tr></thead><tbody>${trendRows}</tbody></table></div></div>`;
}

// ---------------------------------------------------------------------------
// Page

const CSS = `
:root{--ink:#1d2733;--muted:#5b6775;--line:#d9dee5;--bg:#f5f7f9;--card:#fff;--accent:#1f5f7a;--good:#e3f1e7;--good-ink:#1d5a32;--fair:#fbf0d9;--fair-ink:#6b4b00;--poor:#f9e1e1;--poor-ink:#8a1f1f}
*{box-sizing:border-box}
html{font-size:15px}
body{margin:0;background:var(--bg);color:var(--ink);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
header.page{background:#fff;border-bottom:1px solid var(--line);padding:1.5rem 2rem 1rem}
header.page h1{margin:0 0 .25rem;font-size:1.6rem;font-weight:650;letter-spacing:-.01em}
header.page .meta{color:var(--muted);margin:.25rem 0}
header.page .inputs{margin:.25rem 0 0;padding:0;list-style:none;color:var(--muted);font-size:.9rem}
header.page .inputs li{display:inline}
header.page .inputs li+li:before{content:" · "}
nav.toc{margin-top:1rem}
nav.toc ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0;list-style:none;font-size:.92rem}
main{max-width:1280px;margin:0 auto;padding:1rem 2rem 3rem}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1.25rem 1.5rem;margin:1.25rem 0}
h2{font-size:1.25rem;margin:0 0 .75rem;font-weight:650}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem;font-weight:650}
a{color:var(--accent)}
a:focus,button:focus{outline:2px solid var(--accent);outline-offset:2px}
.intro{color:var(--muted);margin-top:-.25rem}
.note,.muted{color:var(--muted)}
.note{font-size:.88rem}
.empty{color:var(--muted);font-style:italic}
code,.conv{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;word-break:break-all}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:.75rem;margin:0}
.stat{border:1px solid var(--line);border-radius:6px;padding:.65rem .85rem;background:#fbfcfd}
.stat dt{color:var(--muted);font-size:.85rem}
.stat dd{margin:.1rem 0 0;font-size:1.35rem;font-weight:650;font-variant-numeric:tabular-nums}
.stat.wide{grid-column:span 2}.stat.wide dd{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.stat.good{border-left:4px solid var(--good-ink)}.stat.fair{border-left:4px solid #b7860b}.stat.poor{border-left:4px solid var(--poor-ink)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.25rem 0 .75rem;font-size:.92rem}
caption{text-align:left;color:var(--muted);font-size:.88rem;padding:.25rem 0 .5rem}
th,td{padding:.4rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #b9c2cc;font-weight:600;background:#fbfcfd;vertical-align:bottom}
tbody th{font-weight:600}
table.data tbody th{white-space:nowrap}
td.nw{white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.score.good{background:var(--good);color:var(--good-ink)}
td.score.fair{background:var(--fair);color:var(--fair-ink)}
td.score.poor{background:var(--poor);color:var(--poor-ink)}
td.score.none{color:var(--muted)}
tr.total th,tr.total td{border-top:2px solid #b9c2cc;font-weight:600}
tr.other th{font-style:italic}
tr.attention th,tr.attention td{font-weight:600}
table.compact{width:auto;min-width:320px}
table.skills{width:auto;min-width:460px}
.bar-cell{width:45%;min-width:140px;vertical-align:middle}
.meter{height:.6rem;background:#eef1f4;border-radius:3px;overflow:hidden}
.meter span{display:block;height:100%}
.meter .good{background:#4c9a67}.meter .fair{background:#d7a73a}.meter .poor{background:#c65353}.meter .neutral{background:#5f88a3}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
th[aria-sort="ascending"] .sort-icon:after{content:" ▲"}
th[aria-sort="descending"] .sort-icon:after{content:" ▼"}
th[aria-sort="none"] .sort-icon:after{content:" ↕";color:#9aa5b1}
.chart-figure{margin:0}
svg.chart{width:100%;height:auto;max-width:900px;display:block;font-family:inherit}
svg .grid{stroke:#e3e7ec;stroke-width:1}
svg .axis{stroke:#7b8794;stroke-width:1}
svg .tick{fill:#4a5562;font-size:11px}
svg .tick.sub{fill:#7b8794;font-size:10px}
svg .axis-title{fill:#4a5562;font-size:12px}
svg .end-label{font-size:12px;font-weight:600}
svg .bar-value{fill:#1d2733;font-size:11px}
svg rect.bar.poor{fill:#c65353}svg rect.bar.fair{fill:#d7a73a}svg rect.bar.good{fill:#4c9a67}
.legend{display:flex;flex-wrap:wrap;gap:.35rem 1.25rem;margin:.5rem 0 0;padding:0;list-style:none;font-size:.88rem;color:var(--ink)}
.legend li{display:flex;align-items:center;gap:.4rem}
.legend .key{display:inline-block;width:14px;height:14px;border-radius:2px}
.key.poor{background:#c65353}.key.fair{background:#d7a73a}.key.good{background:#4c9a67}
details.fallback{margin-top:.75rem}
details.fallback summary{cursor:pointer;color:var(--accent)}
.problem{border-top:1px solid var(--line);padding-top:.5rem;margin-top:1rem}
.problem .meta{color:var(--muted);margin:.1rem 0 .5rem}
.tag{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.75rem;font-weight:400;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 .3rem;vertical-align:middle}
.examples{list-style:none;padding:0;margin:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(320px,1fr))}
.example{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;background:#fbfcfd;break-inside:avoid}
.excerpt{margin:0 0 .5rem;padding:.35rem .75rem;border-left:4px solid #c65353;background:#fff;white-space:pre-wrap;word-break:break-word}
.excerpt p{margin:0}
.why{margin:0}
.why dt{font-weight:600;color:var(--muted);font-size:.85rem;margin-top:.35rem}
.why dd{margin:0}
.why dd.better{border-left:4px solid #4c9a67;padding-left:.5rem}
.source{margin:.5rem 0 0;font-size:.85rem;color:var(--muted)}
q{quotes:"“" "”"}
.reasons{margin:0;padding-left:1.1rem}
.sev{display:inline-block;padding:0 .4rem;border-radius:4px;font-size:.85rem;border:1px solid currentColor}
.sev-high{color:var(--poor-ink);background:var(--poor)}.sev-medium{color:var(--fair-ink);background:var(--fair)}.sev-low{color:var(--muted)}
.two-col{display:flex;flex-wrap:wrap;gap:0 2rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
footer{max-width:1280px;margin:0 auto;padding:0 2rem 2rem;color:var(--muted);font-size:.85rem}
@media (max-width:640px){main,header.page{padding-left:1rem;padding-right:1rem}section{padding:1rem}}
@media print{
  html{font-size:11pt}
  body{background:#fff}
  nav.toc,.skip,details.fallback summary{display:none}
  header.page{border:0;padding:0 0 .5rem}
  main{padding:0;max-width:none}
  section{border:0;border-radius:0;padding:0;margin:1rem 0;break-inside:auto}
  h2,h3{break-after:avoid}
  tr,.example,.chart-figure,.stat{break-inside:avoid}
  thead{display:table-header-group}
  a{color:inherit;text-decoration:none}
  .table-wrap{overflow:visible}
  table{font-size:8pt}
  th,td{padding:.2rem .3rem}
  .examples{grid-template-columns:1fr 1fr}
  th[aria-sort] .sort-icon:after{content:""}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

const SCRIPT = `(function(){
function key(cell){if(!cell)return '';var v=cell.getAttribute('data-sort');if(v!==null&&v!==''&&!isNaN(+v))return +v;return (cell.textContent||'').trim().toLowerCase();}
function cmp(a,b){if(typeof a==='number'&&typeof b==='number')return a-b;return String(a).localeCompare(String(b));}
Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(table){
var heads=table.querySelectorAll('thead th');
Array.prototype.forEach.call(heads,function(th,col){
var btn=th.querySelector('button');if(!btn)return;
btn.addEventListener('click',function(){
var asc=th.getAttribute('aria-sort')!=='ascending';
Array.prototype.forEach.call(heads,function(h){if(h.hasAttribute('aria-sort'))h.setAttribute('aria-sort','none');});
th.setAttribute('aria-sort',asc?'ascending':'descending');
var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
rows.forEach(function(r,i){r.__i=i;});
rows.sort(function(a,b){var d=cmp(key(a.cells[col]),key(b.cells[col]));return (asc?d:-d)||a.__i-b.__i;});
rows.forEach(function(r){body.appendChild(r);});
});});});
window.addEventListener('beforeprint',function(){Array.prototype.forEach.call(document.querySelectorAll('details'),function(d){d.setAttribute('data-was-open',d.open?'1':'');d.open=true;});});
window.addEventListener('afterprint',function(){Array.prototype.forEach.call(document.querySelectorAll('details[data-was-open]'),function(d){d.open=d.getAttribute('data-was-open')==='1';d.removeAttribute('data-was-open');});});
})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT, 'utf8').digest('base64');

/** The policy the page carries: nothing from outside, only our own script. */
export const REPORT_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;

/** The whole report, one HTML document with no external resources. */
export function renderHtmlReport(summary: AuditSummary, meta: ReportMeta): string {
  const title = meta.title?.trim() || 'Rapport audit report';
  const t = summary.totals;
  const sections: string[] = [
    section('overview', 'Overview', overview(summary)),
    section('skills', 'Skill scores', skillsSection(summary), 'How the agents did on each of the six skills, averaged over the conversations where the skill was judged.'),
    section('agents', 'Agents', agentsSection(summary)),
    teamsSection(summary),
    section('trend', 'Weekly trend', trendChart(summary), 'The mean overall score per week, by the week of each conversation’s first message.'),
    section('distribution', 'Score distribution', distributionChart(summary), 'How many conversations fall in each band of overall score.'),
    section('problems', 'Most frequent problems', problemsSection(summary), 'What hurt the customer relationship most often, with real examples, why it hurts and a better wording.'),
    section('promises', 'Promise ledger', promisesSection(summary), 'Every commitment an agent made with a time attached, and where it ended up.'),
    section('at-risk', 'Customers at risk', atRiskSection(summary), 'Conversations where the customer ended angry, frustrated or anxious, or was left without a resolution or a reply.'),
    section('coaching', 'Coaching queue', coachingSection(summary), 'The conversations most worth a human review, and why.'),
    section('outcomes', 'Outcomes', outcomesSection(summary)),
  ].filter(Boolean);
  const toc = [
    ['overview', 'Overview'], ['skills', 'Skills'], ['agents', 'Agents'], ...(summary.teams.length ? [['teams', 'Teams']] : []),
    ['trend', 'Trend'], ['distribution', 'Distribution'], ['problems', 'Problems'], ['promises', 'Promises'],
    ['at-risk', 'At risk'], ['coaching', 'Coaching'], ['outcomes', 'Outcomes'],
  ] as [string, string][];
  const inputs = meta.inputs.length ? `<ul class="inputs" aria-label="Input files">${meta.inputs.map((f) => `<li><code>${esc(f)}</code></li>`).join('')}</ul>` : '';
  const period = t.from || t.to ? ` covering ${dateOnly(t.from)} to ${dateOnly(t.to)}` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Rapport">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="page">
<h1>${esc(title)}</h1>
<p class="meta">${esc(num(t.conversations))} conversations${esc(period)} · generated ${esc(meta.generatedAt)}</p>
${inputs}
<nav class="toc" aria-label="Sections"><ul>${toc.map(([id, label]) => `<li><a href="#${esc(id)}">${esc(label)}</a></li>`).join('')}</ul></nav>
</header>
<main id="main">
${sections.join('\n')}
</main>
<footer><p>Made by Rapport, offline: no conversation left this machine. Scores run from 0 to 100; see the project README for how they are computed.</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
