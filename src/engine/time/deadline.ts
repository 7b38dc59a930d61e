// Reads the time in a promise ("within the hour", "by Friday", "tomorrow
// morning", "end of day", "shortly") and resolves it to an instant, the way a
// help desk means it: chrono-node parses the words; the business calendar
// decides what "end of day", "tomorrow" on a ticket, or a bare "Friday" mean.

import { casual, type ParsedResult } from 'chrono-node/en';
import type { BusinessCalendar } from './calendar.js';
import { HOUR, MINUTE, type Duration } from './duration.js';
import { lookup } from '../lookup.js';

export interface TimeMention {
  /** Offsets into the text given. */
  start: number;
  end: number;
  text: string;
  /** The instant it falls due (ms since the epoch). */
  deadline: number;
  /** "shortly", "soon": the channel's default stood in for a time. */
  vague: boolean;
}

export interface DeadlineContext {
  /** When the words were written. */
  ref: number;
  calendar: BusinessCalendar;
  /** The channel counts in business time (email, ticket): "tomorrow" is the next working day. */
  business: boolean;
  /** What a vague promise means on this channel. */
  vague: Duration;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = lookup({ a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, twenty: 20, thirty: 30 });

interface Custom {
  re: RegExp;
  resolve(m: RegExpExecArray, c: DeadlineContext): { deadline: number; vague?: boolean } | undefined;
}

// Phrases chrono-node does not read, or reads differently from a help desk.
// Each pattern is a plain alternation (no nested repetition), so scanning is linear.
const CUSTOM: Custom[] = [
  {
    re: /\b(?:(?:the )?end of (?:the |to)?(?:business |working |the )?day|end of business|close of business|end of play|eod|cob|eop|close of play)\b/g,
    resolve: (_m, c) => ({ deadline: c.calendar.closeOfBusiness(c.ref) }),
  },
  {
    re: /\b(?:(?:the )?end of (?:the |this )?week|by the weekend|before the weekend)\b/g,
    resolve: (_m, c) => ({ deadline: endOfWorkingWeek(c) }),
  },
  {
    re: /\bnext (?:business|working) day\b/g,
    resolve: (_m, c) => ({ deadline: c.calendar.closeOfBusiness(c.calendar.nextWorkingDayAt(c.ref, c.calendar.config.start)) }),
  },
  {
    re: /\b(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty) (?:business|working) (days?|hours?)\b/g,
    resolve: (m, c) => {
      const n = toNumber(m[1]!);
      if (n === undefined) return undefined;
      const ms = m[2]!.startsWith('day') ? n * c.calendar.dayMs : n * HOUR;
      return { deadline: c.calendar.addWorkingMs(c.ref, ms) };
    },
  },
  {
    // "back in 10", "give me 5": minutes, said without the unit.
    re: /\b(?:back in|give me|gimme|be with you in|be back in) (\d{1,2})\b(?! ?(?::|\.\d|%|am\b|pm\b|a\.m|p\.m|days?\b|hours?\b|hrs?\b|mins?\b|minutes?\b|secs?\b|seconds?\b|weeks?\b|business\b|working\b))/g,
    resolve: (m, c) => ({ deadline: c.ref + Number(m[1]) * MINUTE }),
  },
  {
    re: /\b(?:by |at |before |around |after )?lunch(?:time)?\b/g,
    resolve: (m, c) => {
      const after = m[0].startsWith('after');
      const at = c.calendar.sameDayAt(c.ref, after ? 14 * 60 : 13 * 60);
      return { deadline: at > c.ref ? at : c.calendar.sameDayAt(c.calendar.nextWorkingDayAt(c.ref, 0), after ? 14 * 60 : 13 * 60) };
    },
  },
  {
    re: /\b(?:shortly|soon|in a bit|in a moment|in a few moments|in a little while|in a while|momentarily|asap|as soon as (?:possible|i can|we can|i'm able|we're able))\b/g,
    resolve: (_m, c) => ({ deadline: vagueDeadline(c), vague: true }),
  },
];

function toNumber(w: string): number | undefined {
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

function vagueDeadline(c: DeadlineContext): number {
  return c.vague.business ? c.calendar.addWorkingMs(c.ref, c.vague.ms) : c.ref + c.vague.ms;
}

function endOfWorkingWeek(c: DeadlineContext): number {
  // The last working day of this week (ISO week), at close; if that has passed, next week's.
  const cal = c.calendar;
  let day = cal.local(c.ref).startOf('week');
  let last: number | undefined;
  for (let i = 0; i < 7; i++) {
    if (cal.isWorkingDay(day)) last = cal.sameDayAt(day.toMillis(), cal.config.end);
    day = day.plus({ days: 1 });
  }
  if (last !== undefined && last > c.ref) return last;
  return cal.closeOfBusiness(cal.nextWorkingDayAt(c.ref, cal.config.start));
}

/**
 * Every time the text mentions, resolved against `c.ref`. Mentions in the past
 * (or less than a minute ahead: "now", "a sec") are not deadlines and are left out.
 */
export function findDeadlines(text: string, c: DeadlineContext): TimeMention[] {
  const lower = text.toLowerCase().replace(/\u2019/g, "'");
  const out: TimeMention[] = [];
  const taken = (s: number, e: number): boolean => out.some((o) => s < o.end && o.start < e);
  for (const custom of CUSTOM) {
    custom.re.lastIndex = 0;
    for (let m = custom.re.exec(lower); m; m = custom.re.exec(lower)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const r = custom.resolve(m, c);
      if (r && r.deadline > c.ref) out.push({ start, end, text: text.slice(start, end), deadline: r.deadline, vague: r.vague ?? false });
    }
  }
  let parsed: ParsedResult[] = [];
  try {
    parsed = casual.parse(text, { instant: new Date(c.ref), timezone: c.calendar.offsetMinutes(c.ref) }, { forwardDate: true });
  } catch {
    parsed = [];
  }
  for (const r of parsed) {
    const start = r.index;
    const end = r.index + r.text.length;
    if (taken(start, end)) continue;
    const deadline = interpret(r, lower.slice(Math.max(0, start - 12), end), c);
    if (deadline === undefined || deadline < c.ref + MINUTE) continue;
    out.push({ start, end, text: r.text, deadline, vague: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The instant a chrono result means as a deadline, with help-desk defaults for the parts left unsaid. */
function interpret(r: ParsedResult, said: string, c: DeadlineContext): number | undefined {
  const cal = c.calendar;
  const point = r.end ?? r.start;
  let t = point.date().getTime();
  if (!Number.isFinite(t)) return undefined;
  const tags = r.tags();
  const relative = tags.has('result/relativeDate');
  if (relative) return t; // "within the hour", "in 20 minutes", "in 2 days"
  const today = cal.local(c.ref).startOf('day');
  const thisPart = /\b(?:this|today|tonight)\b/.test(said);
  const part = tags.has('casualReference/morning') ? 'morning'
    : tags.has('casualReference/afternoon') ? 'afternoon'
    : tags.has('casualReference/evening') || tags.has('casualReference/tonight') ? 'evening' : undefined;
  // "on the morning they come": a part of the day with no day named is an event, not a deadline.
  if (part && part !== 'evening' && !point.isCertain('day') && !point.isCertain('weekday') && !thisPart && !/\btomorrow\b/.test(said)) return undefined;
  // "this afternoon" said at 16:30 is today's afternoon, not tomorrow's.
  if (part && thisPart && cal.local(t).startOf('day') > today) t = today.toMillis();
  if (tags.has('casualReference/today') && cal.local(t).startOf('day') > today) t = today.toMillis();
  let day = cal.local(t).startOf('day');
  // A bare weekday said on that weekday ("by Friday", on Friday) means today while the day is still working.
  if (point.isCertain('weekday') && !point.isCertain('day') && !/\bnext\b/.test(said) && day.diff(today, 'days').days === 7 && cal.closeOfBusiness(c.ref, true) > c.ref) {
    day = today;
  }
  // On a ticket or e-mail, "tomorrow" is the next working day.
  if (c.business && tags.has('casualReference/tomorrow') && !cal.isWorkingDay(day)) {
    day = cal.local(cal.nextWorkingDayAt(c.ref, 0)).startOf('day');
  }
  if (point.isCertain('hour')) {
    // Keep the clock time, on the (possibly moved) day.
    const local = cal.local(t);
    return day.set({ hour: local.hour, minute: local.minute }).toMillis();
  }
  const at = (minutes: number): number => day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
  if (/\bfirst thing\b/.test(said)) return at(cal.config.start + 60);
  if (part === 'morning') return at(12 * 60);
  if (part === 'evening') return at(21 * 60);
  // A day with no time: by the close of business that day (the end of the day when it is not a working day).
  const close = at(cal.config.end);
  if (close > c.ref) return cal.isWorkingDay(day) ? close : day.endOf('day').toMillis();
  return day.endOf('day').toMillis();
}
