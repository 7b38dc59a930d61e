// How long a customer may wait on each channel, and what a vague promise
// ("shortly") means there: the taxonomy's defaults, overridable in the team
// config (`channels:` and `calendar:`), checked here with errors that say where.

import type { Channel } from '../types.js';
import { CHANNELS } from '../types.js';
import { DEFAULT_CALENDAR, isValidZone, type CalendarConfig } from './calendar.js';
import { HOUR, MINUTE, parseDuration, type Duration } from './duration.js';
import { lookup } from '../lookup.js';

export interface ChannelTiming {
  /** The customer waits longer than this with no agent message: radio silence. */
  wait: Duration;
  /** What "shortly", "soon", "in a moment" promise on this channel. */
  vague: Duration;
}

const BUSINESS_DAY = 8 * HOUR;

export const DEFAULT_CHANNELS: Record<Channel, ChannelTiming> = {
  chat: { wait: { ms: 3 * MINUTE, business: false }, vague: { ms: 10 * MINUTE, business: false } },
  phone: { wait: { ms: 2 * MINUTE, business: false }, vague: { ms: 10 * MINUTE, business: false } },
  sms: { wait: { ms: HOUR, business: false }, vague: { ms: 2 * HOUR, business: false } },
  email: { wait: { ms: BUSINESS_DAY, business: true }, vague: { ms: BUSINESS_DAY, business: true } },
  ticket: { wait: { ms: BUSINESS_DAY, business: true }, vague: { ms: BUSINESS_DAY, business: true } },
};

/** A conversation without a channel is timed as a ticket. */
export const FALLBACK_CHANNEL: Channel = 'ticket';

export interface TimingConfig {
  calendar: CalendarConfig;
  channels: Record<Channel, ChannelTiming>;
}

const WEEKDAYS: Readonly<Record<string, number>> = lookup({
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
});

type Err = (path: Array<string | number>, message: string) => void;

/** "09:00" → 540; undefined when not a time of day. */
export function parseClock(s: string): number | undefined {
  const parts = s.trim().split(':');
  if (parts.length !== 2) return undefined;
  const [h, m] = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : NaN)) as [number, number];
  if (!(h >= 0 && h <= 24 && m >= 0 && m < 60) || h * 60 + m > 24 * 60) return undefined;
  return h * 60 + m;
}

/** Checks `calendar:` from a team config. */
export function parseCalendar(value: unknown, err: Err): Partial<CalendarConfig> {
  const out: Partial<CalendarConfig> = {};
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    err(['calendar'], '"calendar" is a mapping: timezone, days, hours, holidays');
    return out;
  }
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    if (!['timezone', 'days', 'hours', 'holidays'].includes(k)) err(['calendar', k], `calendar: unknown key "${k}" (expected timezone, days, hours, holidays)`);
  }
  if (v.timezone !== undefined) {
    if (typeof v.timezone !== 'string' || !isValidZone(v.timezone)) err(['calendar', 'timezone'], `calendar.timezone: ${JSON.stringify(v.timezone)} is not a time zone (e.g. "Europe/London", "America/New_York", "UTC")`);
    else out.timezone = v.timezone;
  }
  if (v.days !== undefined) {
    const days: number[] = [];
    if (!Array.isArray(v.days)) err(['calendar', 'days'], 'calendar.days: a list of weekdays, e.g. [mon, tue, wed, thu, fri]');
    else v.days.forEach((d, i) => {
      const n = typeof d === 'number' && d >= 1 && d <= 7 ? d : typeof d === 'string' ? WEEKDAYS[d.toLowerCase()] : undefined;
      if (n === undefined) err(['calendar', 'days', i], `calendar.days: ${JSON.stringify(d)} is not a weekday (mon … sun)`);
      else if (!days.includes(n)) days.push(n);
    });
    out.days = days;
  }
  if (v.hours !== undefined) {
    const parts = typeof v.hours === 'string' ? v.hours.split('-') : [];
    const start = parts.length === 2 ? parseClock(parts[0]!) : undefined;
    const end = parts.length === 2 ? parseClock(parts[1]!) : undefined;
    if (start === undefined || end === undefined || end <= start) err(['calendar', 'hours'], `calendar.hours: expected "HH:MM-HH:MM" with the end after the start (got ${JSON.stringify(v.hours)})`);
    else Object.assign(out, { start, end });
  }
  if (v.holidays !== undefined) {
    const holidays: string[] = [];
    if (!Array.isArray(v.holidays)) err(['calendar', 'holidays'], 'calendar.holidays: a list of dates "YYYY-MM-DD"');
    else v.holidays.forEach((d, i) => {
      const s = d instanceof Date ? d.toISOString().slice(0, 10) : String(d);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) err(['calendar', 'holidays', i], `calendar.holidays: ${JSON.stringify(d)} is not a date "YYYY-MM-DD"`);
      else holidays.push(s);
    });
    out.holidays = holidays;
  }
  return out;
}

/** Checks `channels:` from a team config: per channel, `wait` and `vague` durations. */
export function parseChannels(value: unknown, calendar: Partial<CalendarConfig>, err: Err): Partial<Record<Channel, Partial<ChannelTiming>>> {
  const out: Partial<Record<Channel, Partial<ChannelTiming>>> = {};
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    err(['channels'], `"channels" maps a channel (${CHANNELS.join(', ')}) to {wait, vague}`);
    return out;
  }
  const start = calendar.start ?? DEFAULT_CALENDAR.start;
  const end = calendar.end ?? DEFAULT_CALENDAR.end;
  const dayMs = Math.max(0, end - start) * MINUTE;
  for (const [name, spec] of Object.entries(value as Record<string, unknown>)) {
    if (!(CHANNELS as readonly string[]).includes(name)) {
      err(['channels', name], `channels: unknown channel "${name}" (expected ${CHANNELS.join(', ')})`);
      continue;
    }
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      err(['channels', name], `channels.${name}: expected {wait: "3m", vague: "10m"}`);
      continue;
    }
    const timing: Partial<ChannelTiming> = {};
    for (const [k, d] of Object.entries(spec as Record<string, unknown>)) {
      if (k !== 'wait' && k !== 'vague') {
        err(['channels', name, k], `channels.${name}: unknown key "${k}" (expected wait, vague)`);
        continue;
      }
      const parsed = parseDuration(d, dayMs);
      if (typeof parsed === 'string') err(['channels', name, k], `channels.${name}.${k}: ${parsed}`);
      else timing[k] = parsed;
    }
    out[name as Channel] = timing;
  }
  return out;
}

/** The defaults with the team's settings laid over them. */
export function resolveTiming(calendar: Partial<CalendarConfig> = {}, channels: Partial<Record<Channel, Partial<ChannelTiming>>> = {}): TimingConfig {
  const merged = { ...DEFAULT_CHANNELS };
  for (const c of CHANNELS) merged[c] = { ...DEFAULT_CHANNELS[c], ...(channels[c] ?? {}) };
  return { calendar: { ...DEFAULT_CALENDAR, ...calendar }, channels: merged };
}
