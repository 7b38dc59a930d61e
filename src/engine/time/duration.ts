// Durations as a team writes them in its config: "3m", "90 seconds", "2h",
// "1 business day", "4 working hours". Business durations count only the
// calendar's working time; the others count the wall clock.

import { lookup } from '../lookup.js';

export interface Duration {
  ms: number;
  /** Counted in the business calendar's working time, not on the wall clock. */
  business: boolean;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

const UNITS: Readonly<Record<string, number>> = lookup({
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: MINUTE, min: MINUTE, mins: MINUTE, minute: MINUTE, minutes: MINUTE,
  h: HOUR, hr: HOUR, hrs: HOUR, hour: HOUR, hours: HOUR,
  d: 24 * HOUR, day: 24 * HOUR, days: 24 * HOUR,
  w: 7 * 24 * HOUR, week: 7 * 24 * HOUR, weeks: 7 * 24 * HOUR,
});

/**
 * Parses "3m", "3 minutes", "1.5h", "1 business day", "2 working hours".
 * A business day is `businessDayMs` of working time (the calendar's day length).
 * Returns an error message instead of throwing.
 */
export function parseDuration(value: unknown, businessDayMs: number): Duration | string {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return { ms: value * MINUTE, business: false };
  if (typeof value !== 'string') return 'expected a duration such as "3m", "2 hours" or "1 business day"';
  const words = value.trim().toLowerCase().split(/\s+/);
  if (words.length === 0 || words[0] === '') return 'empty duration';
  // "3m" / "90s": number and unit written together.
  let head = words[0]!;
  let i = 0;
  while (i < head.length && ((head[i]! >= '0' && head[i]! <= '9') || head[i] === '.')) i++;
  if (i === 0) return `"${value}" does not start with a number`;
  const n = Number(head.slice(0, i));
  if (!Number.isFinite(n) || n < 0) return `"${value}": not a number`;
  const rest = [head.slice(i), ...words.slice(1)].filter((w) => w !== '');
  let business = false;
  if (rest[0] === 'business' || rest[0] === 'working' || rest[0] === 'work') {
    business = true;
    rest.shift();
  }
  if (rest.length !== 1) return `"${value}": expected a unit (minutes, hours, days; "business days" for working time)`;
  const unit = rest[0]!;
  if (business) {
    if (unit === 'day' || unit === 'days' || unit === 'd') return { ms: n * businessDayMs, business: true };
    if (UNITS[unit] === HOUR) return { ms: n * HOUR, business: true };
    if (UNITS[unit] === MINUTE) return { ms: n * MINUTE, business: true };
    return `"${value}": business time is counted in days, hours or minutes`;
  }
  const per = UNITS[unit];
  if (per === undefined) return `"${value}": unknown unit "${unit}"`;
  return { ms: n * per, business: false };
}

/** "3 minutes", "1 business day", "2.5 hours" — for explanations. */
export function formatDuration(d: Duration, businessDayMs: number): string {
  if (d.business && businessDayMs > 0 && d.ms % businessDayMs === 0) return plural(d.ms / businessDayMs, 'business day');
  return `${formatSpan(d.ms)}${d.business ? ' of working time' : ''}`;
}

/** A wall-clock span in words: "45 minutes", "2 hours 10 minutes", "3 days". */
export function formatSpan(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 1) return plural(Math.max(0, Math.round(ms / 1000)), 'second');
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rem = minutes % 60;
  if (hours < 48) return rem ? `${plural(hours, 'hour')} ${plural(rem, 'minute')}` : plural(hours, 'hour');
  const days = Math.round(hours / 24);
  return plural(days, 'day');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
