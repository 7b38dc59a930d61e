// The audit report: aggregate `rapport audit` records in bounded memory, then render one self-contained HTML file.
export {
  AuditAggregator, aggregateRecords, isoWeek, TopK, DEFAULT_LIMITS, COACHING_WEIGHTS, SCORE_FIELDS, OTHER_AGENTS, OTHER_TEAMS,
  type AuditSummary, type AuditLimits, type AgentSummary, type TeamSummary, type GroupSummary, type WeekPoint, type ScoreMeans,
  type ScoreBin, type ProblemSummary, type ProblemExample, type ProblemCount, type PromiseLedger, type PromiseItem,
  type AgentPromiseRate, type AtRiskItem, type CoachingItem, type ArcTrendKey, type ScoreField,
} from './aggregate.js';
export { renderHtmlReport, escapeHtml, REPORT_CSP, type ReportMeta } from './html.js';
