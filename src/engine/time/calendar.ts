// The business calendar a help desk counts email and ticket waits in: a time
// zone, working days and hours, and holidays. A message sent on Friday at 16:30
// and answered on Monday at 09:10 waited 40 working minutes, not 65 hours.
// Time-zone arithmetic (DST included) is luxon's; nothing here reads a clock.

import { DateTime } from 'luxon';

export interface CalendarConfig {
  /** IANA time zone, e.g. "Europe/London"; default "UTC". */
  timezone: string;
  /** Working days as ISO weekdays (1 = Monday … 7 = Sunday); default Monday to Friday. */
  days: number[];
  /** Working hours, in minutes after local midnight; default 09:00–17:00. */
  start: number;
  end: number;
  /** Days off, as local dates "YYYY-MM-DD". */
  holidays: string[];
}

export const DEFAULT_CALENDAR: CalendarConfig = { timezone: 'UTC', days: [1, 2, 3, 4, 5], start: 9 * 60, end: 17 * 60, holidays: [] };

/** The longest stretch a calculation walks day by day (ten years); beyond it the answer is capped. */
const MAX_DAYS = 3700;

export class BusinessCalendar {
  readonly config: CalendarConfig;
  private readonly days: Set<number>;
  private readonly holidays: Set<string>;

  constructor(config: Partial<CalendarConfig> = {}) {
    this.config = { ...DEFAULT_CALENDAR, ...config };
    this.days = new Set(this.config.days);
    this.holidays = new Set(this.config.holidays);
  }

  /** Working time in one business day, in milliseconds (8 hours by default). */
  get dayMs(): number {
    return Math.max(0, this.config.end - this.config.start) * 60_000;
  }

  /** The instant as a date-time in the calendar's zone. */
  local(t: number): DateTime {
    return DateTime.fromMillis(t, { zone: this.config.timezone });
  }

  /** The zone's offset from UTC at that instant, in minutes (what a date parser needs as its reference). */
  offsetMinutes(t: number): number {
    return this.local(t).offset;
  }

  isWorkingDay(day: DateTime): boolean {
    return this.days.has(day.weekday) && !this.holidays.has(day.toISODate() ?? '');
  }

  /** The working window [open, close] of a local day, as instants. */
  private window(day: DateTime): [number, number] {
    const d = day.startOf('day');
    const open = d.set({ hour: Math.floor(this.config.start / 60), minute: this.config.start % 60 }).toMillis();
    const close = d.set({ hour: Math.floor(this.config.end / 60), minute: this.config.end % 60 }).toMillis();
    return [open, close];
  }

  /** Working milliseconds between two instants (0 when b ≤ a). */
  workingMsBetween(a: number, b: number): number {
    if (!(b > a) || this.dayMs === 0 || this.days.size === 0) return 0;
    let total = 0;
    let day = this.local(a).startOf('day');
    for (let i = 0; i < MAX_DAYS; i++) {
      const [open, close] = this.window(day);
      if (open >= b) break;
      if (this.isWorkingDay(day)) {
        const s = Math.max(open, a);
        const e = Math.min(close, b);
        if (e > s) total += e - s;
      }
      day = day.plus({ days: 1 });
    }
    return total;
  }

  /** The instant `ms` of working time after `t` (t itself when ms ≤ 0 and t is in working time). */
  addWorkingMs(t: number, ms: number): number {
    if (this.dayMs === 0 || this.days.size === 0) return t + ms;
    let left = Math.max(0, ms);
    let day = this.local(t).startOf('day');
    for (let i = 0; i < MAX_DAYS; i++) {
      if (this.isWorkingDay(day)) {
        const [open, close] = this.window(day);
        const s = Math.max(open, t);
        if (close > s) {
          if (s + left <= close) return s + left;
          left -= close - s;
        }
      }
      day = day.plus({ days: 1 });
    }
    return t + ms;
  }

  /** Close of business on the first working day on or after the instant's local day. */
  closeOfBusiness(t: number, sameDayOnly = false): number {
    let day = this.local(t).startOf('day');
    for (let i = 0; i < MAX_DAYS; i++) {
      if (this.isWorkingDay(day)) {
        const close = this.window(day)[1];
        if (close > t || sameDayOnly) return close;
      }
      if (sameDayOnly) break;
      day = day.plus({ days: 1 });
    }
    return this.window(this.local(t))[1];
  }

  /** The first working day strictly after the instant's local day, at the given local time (minutes after midnight). */
  nextWorkingDayAt(t: number, minutes: number): number {
    let day = this.local(t).startOf('day').plus({ days: 1 });
    for (let i = 0; i < MAX_DAYS && !this.isWorkingDay(day); i++) day = day.plus({ days: 1 });
    return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
  }

  /** The same local day as `t`, at the given local time. */
  sameDayAt(t: number, minutes: number): number {
    return this.local(t).startOf('day').set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
  }
}

/** Whether luxon knows the zone ("Europe/London", "UTC", "America/New_York"). */
export function isValidZone(zone: string): boolean {
  return DateTime.fromMillis(0, { zone }).isValid;
}
