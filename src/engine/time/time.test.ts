// Time as a help desk counts it: durations, the business calendar, and the
// deadlines read from promises.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BusinessCalendar } from './calendar.js';
import { findDeadlines, type DeadlineContext } from './deadline.js';
import { HOUR, MINUTE, parseDuration } from './duration.js';
import { DEFAULT_CHANNELS, parseCalendar, parseChannels } from './timing.js';
import { parseConfig } from '../config.js';

const utc = new BusinessCalendar();
const t = (iso: string): number => Date.parse(iso);

test('durations: wall clock and business time, with clear errors', () => {
  assert.deepEqual(parseDuration('3m', 8 * HOUR), { ms: 3 * MINUTE, business: false });
  assert.deepEqual(parseDuration('90 seconds', 8 * HOUR), { ms: 90_000, business: false });
  assert.deepEqual(parseDuration('1.5h', 8 * HOUR), { ms: 1.5 * HOUR, business: false });
  assert.deepEqual(parseDuration('1 business day', 8 * HOUR), { ms: 8 * HOUR, business: true });
  assert.deepEqual(parseDuration('2 working hours', 8 * HOUR), { ms: 2 * HOUR, business: true });
  assert.match(String(parseDuration('soon', 8 * HOUR)), /does not start with a number/);
  assert.match(String(parseDuration('3 fortnights', 8 * HOUR)), /unknown unit/);
});

test('working time: Friday 16:30 to Monday 09:10 is 40 minutes; a weekend message waits from Monday 09:00', () => {
  assert.equal(utc.workingMsBetween(t('2026-03-06T16:30:00Z'), t('2026-03-09T09:10:00Z')), 40 * MINUTE);
  assert.equal(utc.workingMsBetween(t('2026-03-07T11:00:00Z'), t('2026-03-09T10:00:00Z')), HOUR);
  assert.equal(utc.workingMsBetween(t('2026-03-09T10:00:00Z'), t('2026-03-09T09:00:00Z')), 0, 'backwards is nothing');
  // One business day (8 working hours) after Friday 16:30 is Monday 16:30; after Saturday, Monday 17:00.
  assert.equal(new Date(utc.addWorkingMs(t('2026-03-06T16:30:00Z'), 8 * HOUR)).toISOString(), '2026-03-09T16:30:00.000Z');
  assert.equal(new Date(utc.addWorkingMs(t('2026-03-07T12:00:00Z'), 8 * HOUR)).toISOString(), '2026-03-09T17:00:00.000Z');
});

test('holidays and time zones, across a daylight-saving change', () => {
  const xmas = new BusinessCalendar({ holidays: ['2026-12-25'] });
  // Thursday 24 Dec 16:00 + one business day skips Christmas Day and the weekend.
  assert.equal(new Date(xmas.addWorkingMs(t('2026-12-24T16:00:00Z'), 8 * HOUR)).toISOString(), '2026-12-28T16:00:00.000Z');
  const ny = new BusinessCalendar({ timezone: 'America/New_York' });
  // 8 March 2026: clocks go forward in New York. Friday 16:00 EST (21:00Z) to Monday 10:00 EDT (14:00Z) is 2 working hours.
  assert.equal(ny.workingMsBetween(t('2026-03-06T21:00:00Z'), t('2026-03-09T14:00:00Z')), 2 * HOUR);
  assert.equal(ny.offsetMinutes(t('2026-03-09T14:00:00Z')), -240);
});

function ctx(iso: string, business: boolean, calendar = utc): DeadlineContext {
  return { ref: t(iso), calendar, business, vague: business ? DEFAULT_CHANNELS.ticket.vague : DEFAULT_CHANNELS.chat.vague };
}
const due = (text: string, c: DeadlineContext): string[] => findDeadlines(text, c).map((m) => new Date(m.deadline).toISOString());

test('deadlines: durations, clock times, days and the end of the day', () => {
  const fri = ctx('2026-03-06T16:30:00Z', false);
  assert.deepEqual(due("I'll call you back within the hour.", fri), ['2026-03-06T17:30:00.000Z']);
  assert.deepEqual(due('Give me 20 minutes.', fri), ['2026-03-06T16:50:00.000Z']);
  assert.deepEqual(due('Back in 10!', fri), ['2026-03-06T16:40:00.000Z']);
  assert.deepEqual(due("I'll update you by Friday.", fri), ['2026-03-06T17:00:00.000Z'], 'said on a Friday: today');
  assert.deepEqual(due("You'll have it by Monday.", fri), ['2026-03-09T17:00:00.000Z'], 'a day without a time: close of business');
  assert.deepEqual(due('first thing Monday', fri), ['2026-03-09T10:00:00.000Z']);
  assert.deepEqual(due("I'll send it by end of day.", fri), ['2026-03-06T17:00:00.000Z']);
  assert.deepEqual(due('by 3pm', fri), ['2026-03-07T15:00:00.000Z'], '3pm has passed: tomorrow');
  assert.deepEqual(due('within 2 business days', fri), ['2026-03-10T16:30:00.000Z']);
  assert.deepEqual(due('We last spoke on Monday.', fri).length, 1, 'the parser finds the day; the ledger decides it is not a promise');
});

test('deadlines: "tomorrow morning" is the next business morning on a ticket, the next morning on chat', () => {
  assert.deepEqual(due("I'll have it to you by tomorrow morning.", ctx('2026-03-06T16:30:00Z', true)), ['2026-03-09T12:00:00.000Z']);
  assert.deepEqual(due("I'll have it to you by tomorrow morning.", ctx('2026-03-06T16:30:00Z', false)), ['2026-03-07T12:00:00.000Z']);
});

test('deadlines: vague words get the channel default, marked vague', () => {
  const chat = findDeadlines("I'll get back to you shortly.", ctx('2026-03-06T10:00:00Z', false));
  assert.equal(chat.length, 1);
  assert.equal(chat[0]!.vague, true);
  assert.equal(new Date(chat[0]!.deadline).toISOString(), '2026-03-06T10:10:00.000Z');
  const ticket = findDeadlines("We'll be in touch soon.", ctx('2026-03-06T16:30:00Z', true));
  assert.equal(new Date(ticket[0]!.deadline).toISOString(), '2026-03-09T16:30:00.000Z', 'one business day');
});

test('deadlines: the calendar time zone sets what "by 5pm" means', () => {
  const london = new BusinessCalendar({ timezone: 'Europe/London' });
  // 1 June 2026 is British Summer Time: 5pm in London is 16:00Z.
  assert.deepEqual(due('by 5pm', ctx('2026-06-01T09:00:00Z', false, london)), ['2026-06-01T16:00:00.000Z']);
});

test('team config: calendar and channels are checked, with the failing key named', () => {
  const errs: string[] = [];
  const err = (path: Array<string | number>, m: string): void => void errs.push(`${path.join('.')}: ${m}`);
  assert.deepEqual(parseCalendar({ timezone: 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu'], hours: '08:30-16:00', holidays: ['2026-12-24'] }, err), {
    timezone: 'Europe/Berlin', days: [1, 2, 3, 4], start: 510, end: 960, holidays: ['2026-12-24'],
  });
  assert.equal(errs.length, 0, errs.join('\n'));
  parseCalendar({ timezone: 'Mars/Olympus', days: ['funday'], hours: '17:00-09:00', holidays: ['soon'], colour: 'red' }, err);
  assert.equal(errs.length, 5, errs.join('\n'));
  assert.ok(errs.some((e) => e.startsWith('calendar.timezone')));
  const channelErrs: string[] = [];
  const ch = parseChannels({ chat: { wait: '5m', vague: '15 minutes' }, email: { wait: '2 business days' }, fax: { wait: '1h' }, sms: { wait: 'later' } }, {}, (p, m) => void channelErrs.push(`${p.join('.')}: ${m}`));
  assert.deepEqual(ch.chat, { wait: { ms: 5 * MINUTE, business: false }, vague: { ms: 15 * MINUTE, business: false } });
  assert.deepEqual(ch.email, { wait: { ms: 16 * HOUR, business: true } });
  assert.equal(channelErrs.length, 2, channelErrs.join('\n'));
  const { config, errors } = parseConfig({ calendar: { timezone: 'UTC' }, channels: { chat: { wait: '1m' } } }, 'rapport.config.yaml');
  assert.deepEqual(errors, []);
  assert.equal(config.calendar?.timezone, 'UTC');
});
