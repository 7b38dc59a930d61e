// The fact extractors behind `repeated-question`: what a customer message gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../text/doc.js';
import { extractFacts, stepsInSentence, type Fact, type FactKind } from './facts.js';

const facts = (text: string): Fact[] => extractFacts(new Doc(text), 0);
const kinds = (text: string): FactKind[] => [...new Set(facts(text).map((f) => f.kind))].sort();
const of = (text: string, kind: FactKind): Fact[] => facts(text).filter((f) => f.kind === kind);
const steps = (text: string, past = true): string[] => {
  const doc = new Doc(text);
  const out: string[] = [];
  for (const s of doc.sentences) stepsInSentence(doc, s, past, (step) => out.push(step));
  return out;
};

test('order, ticket, invoice and account numbers', () => {
  assert.deepEqual(of('My order #48213 never arrived.', 'order').map((f) => f.value), ['#48213']);
  assert.deepEqual(of('order number is 77120, placed on Monday', 'order').map((f) => f.value), ['77120']);
  assert.deepEqual(of('I opened ticket INC0012345 last week.', 'ticket').map((f) => f.value), ['INC0012345']);
  assert.deepEqual(of('Case no. 55821 is still open', 'ticket').map((f) => f.value), ['55821']);
  assert.deepEqual(of('Invoice INV-2231 charged me twice', 'invoice').map((f) => f.value), ['INV-2231']);
  assert.deepEqual(of('my account number: 99812345', 'account').map((f) => f.value), ['99812345']);
  assert.deepEqual(of('I paid for #33781 yesterday', 'reference').map((f) => f.value), ['#33781']);
});

test('amounts, years and times are not identifiers', () => {
  assert.deepEqual(kinds('I was charged $1299 in 2024 at 10:30.'), ['amount']);
  assert.deepEqual(kinds('It started in 2023 and costs 4500 a year.'), []);
});

test('amounts of money', () => {
  assert.deepEqual(of('£1,240 was taken twice this month', 'amount').map((f) => f.value), ['£1,240']);
  assert.deepEqual(of('they took 30 pounds from my account', 'amount').map((f) => f.value), ['30 pounds']);
  assert.deepEqual(of('I have 300 emails stuck in the outbox', 'amount'), []);
});

test('error codes and error messages', () => {
  assert.deepEqual(of('I get error 0x80070005 when I install it', 'error').map((f) => f.value), ['0x80070005']);
  assert.deepEqual(of('The site gives a 404 error now.', 'error').map((f) => f.value), ['404']);
  assert.deepEqual(of('It says "Your password has expired" every time.', 'error').map((f) => f.value), ['Your password has expired']);
  assert.deepEqual(of('The screen says no signal detected.', 'error').map((f) => f.value), ['no signal detected']);
  assert.deepEqual(of('Error: cannot connect to the server', 'error').map((f) => f.value), ['cannot connect to the server']);
  assert.equal(of('Here is what I see:\n\n```\nFATAL: disk quota exceeded\n```\n', 'error').length, 1);
  assert.equal(of('My manager says it should work.', 'error').length, 0, 'a person saying something is not an error message');
  assert.equal(of('I get an error when I open it.', 'error').length, 0, 'an error without its text is not given');
  assert.equal(of('What does "sync pending" mean?', 'error').length, 0);
});

test('screenshots', () => {
  assert.equal(of("I've attached a screenshot of the error.", 'screenshot').length, 1);
  assert.equal(of('Should I send a screenshot?', 'screenshot').length, 0);
  assert.equal(of("I can't attach a screenshot here.", 'screenshot').length, 0);
});

test('operating system, version, browser, device, model, app', () => {
  assert.deepEqual(of("I'm on Windows 11 at home.", 'os').map((f) => [f.value, f.key]), [['Windows 11', 'windows']]);
  assert.deepEqual(of("I'm on Windows 11 at home.", 'version').map((f) => f.key), ['windows']);
  assert.deepEqual(of('my macbook air keeps freezing', 'os').map((f) => f.key), ['macos']);
  assert.deepEqual(of('I cleaned the windows yesterday.', 'os'), [], 'house windows');
  assert.deepEqual(of('The MAC address is blocked.', 'os'), []);
  assert.deepEqual(of('It only fails in Chrome, Firefox is fine.', 'browser').map((f) => f.key), ['chrome', 'firefox']);
  assert.deepEqual(of('we are on the edge of giving up', 'browser'), []);
  assert.deepEqual(of('I use Edge at work', 'browser').map((f) => f.key), ['edge']);
  assert.deepEqual(of('My laptop shuts down randomly.', 'device').map((f) => f.key), ['laptop']);
  assert.deepEqual(of('The HP LaserJet 4050 jams.', 'model').map((f) => f.value), ['HP LaserJet 4050']);
  assert.deepEqual(of('my iPhone 14 won\'t sync', 'model').map((f) => f.value), ['iPhone 14']);
  assert.deepEqual(of('Outlook keeps asking for my password.', 'app').map((f) => f.value), ['Outlook']);
  assert.deepEqual(of('I updated to version 3.2.1 last night', 'version').map((f) => f.value), ['version 3.2.1']);
  assert.deepEqual(of('Outlook 2019 crashes', 'version').map((f) => f.key), ['outlook']);
  assert.deepEqual(of('I have a word with my manager.', 'app'), []);
});

test('e-mail addresses', () => {
  assert.deepEqual(of('You can reach me at dana.k@example.org thanks', 'email').map((f) => f.value), ['dana.k@example.org']);
});

test('steps the customer already tried', () => {
  assert.deepEqual(steps("I've already restarted the router twice."), ['restart']);
  assert.deepEqual(steps('Rebooting didn\'t help at all.'), ['restart']);
  assert.deepEqual(steps('I turned it off and on again, no luck.'), ['restart']);
  assert.deepEqual(steps('cleared my cache and cookies'), ['clear-cache']);
  assert.deepEqual(steps('I uninstalled and reinstalled Teams.'), ['reinstall']);
  assert.deepEqual(steps('I tried a different browser and incognito too.'), ['other-browser']);
  assert.deepEqual(steps('Logged out and back in, same thing.'), ['log-out-in']);
  assert.deepEqual(steps('I reset my password this morning.'), ['reset-password']);
  assert.deepEqual(steps('I checked the junk folder already.'), ['check-spam']);
  assert.deepEqual(steps('I tried restarting it.'), ['restart']);
});

test('steps not done: negated, asked, planned', () => {
  assert.deepEqual(steps("I haven't restarted it yet."), []);
  assert.deepEqual(steps('Should I restart the computer?'), []);
  assert.deepEqual(steps("I'll reboot it tonight."), []);
  assert.deepEqual(steps('I cleared my desk and left.'), []);
  assert.deepEqual(steps('The update restarted my laptop overnight.'), ['restart'], 'a restart happened, which is what an agent would ask about');
});

test('the step object is kept', () => {
  const f = of('I restarted the router this morning.', 'tried');
  assert.deepEqual(f.map((x) => [x.key, x.object]), [['restart', 'network']]);
});

test('agent mode finds base forms', () => {
  assert.deepEqual(steps('Have you tried restarting your computer?', false), ['restart']);
  assert.deepEqual(steps('Please clear your browser cache.', false), ['clear-cache']);
  assert.deepEqual(steps('Could you sign out and back in?', false), ['log-out-in']);
});

test('names, dates of birth, school years, rooms, addresses, phone numbers, domains, usernames', () => {
  assert.deepEqual(of("hi its Jean Morris, DOB 03/09/1951. I can't see my appointment", 'name').map((f) => f.value), ['Jean Morris']);
  assert.deepEqual(of("hi its Jean Morris, DOB 03/09/1951. I can't see my appointment", 'dob').map((f) => f.value), ['03/09/1951']);
  assert.deepEqual(of("my login is 22aking and I'm in Year 10.", 'username').map((f) => f.value), ['22aking']);
  assert.deepEqual(of("my login is 22aking and I'm in Year 10.", 'year').map((f) => f.value), ['Year 10']);
  assert.deepEqual(of('The projector in room E4 is broken.', 'room').map((f) => f.value), ['E4']);
  assert.deepEqual(of("it went to 14 Elm Rd, I'm at 41 Elm Rd", 'address').map((f) => f.value), ['14 Elm Rd', '41 Elm Rd']);
  assert.deepEqual(of('no dial tone on 020 7946 0321 since yesterday', 'phone').map((f) => f.value), ['020 7946 0321']);
  assert.deepEqual(of('I already sent the domain twice: bakerandrye.co.uk. Why so slow?', 'domain').map((f) => f.value), ['bakerandrye.co.uk']);
  assert.deepEqual(of('The report was done in 2023 by 3 people.', 'phone'), []);
  assert.deepEqual(of('I am in the year of the dragon', 'year'), []);
});

test('values named with the customer\'s own noun', () => {
  const label = (text: string): Array<[string, string | undefined]> => facts(text).filter((f) => f.label).map((f) => [f.value, f.label]);
  assert.deepEqual(label('Deploys to project ID prj_8f3k2 fail.'), [['prj_8f3k2', 'project']]);
  assert.deepEqual(label('My flight was BA1442 from Heathrow.').map((x) => x[1]), ['flight']);
  assert.deepEqual(label('the card ending in 4410 was charged'), [['4410', 'card']]);
  assert.deepEqual(label('The server is db-fra-04 and it refuses connections.'), [['db-fra-04', 'server']]);
  assert.deepEqual(label('The registered URI is https://app.example.org/callback today.'), [['https://app.example.org/callback', 'uri']]);
  assert.deepEqual(label('my router is the Hub 4 and it drops'), [['Hub 4', 'router']]);
  assert.deepEqual(of('It is an Elo touchscreen, model ET1502.', 'model').map((f) => f.value), ['ET1502']);
  assert.deepEqual(label('I waited 300 minutes at 10am on covid-19 day'), [], 'times, counts and words are not labelled values');
  assert.deepEqual(label("I'm on floor 3 since 2019"), []);
});

test('versions without a known product', () => {
  assert.deepEqual(of('python SDK 2.8 throws on deploy', 'version').map((f) => f.value), ['SDK 2.8']);
  assert.deepEqual(of('2.7.3, worked fine there', 'version').map((f) => f.value), ['2.7.3']);
  assert.deepEqual(of('the meeting was on 12.03.24', 'version'), [], 'a date');
  assert.deepEqual(of('ping 10.0.0.1 fails', 'version'), [], 'an address');
});

test('where it happens', () => {
  assert.deepEqual(of('Excel crashes on Budget.xlsx. Other macro files open fine.', 'scope').map((f) => f.object), ['macro|file']);
  assert.deepEqual(of('Every device in the house drops off the wifi.', 'scope').map((f) => f.object), ['device']);
  assert.deepEqual(of('Do other people have this?', 'scope'), [], 'a question gives nothing');
});

test('more steps: factory reset, forgetting a network, swapping a cable', () => {
  assert.deepEqual(steps('We already did a factory reset on Sunday.'), ['factory-reset']);
  assert.deepEqual(steps('Will a factory reset delete my photos?'), []);
  assert.deepEqual(steps('i already forgot the network and rejoined it'), ['rejoin']);
  assert.deepEqual(steps('I forgot my password again.'), [], 'forgetting a password is not a step');
  assert.deepEqual(steps('tried a different USB-C cable, no change'), ['other-cable']);
  assert.deepEqual(steps('Have you tried forgetting the network?', false), ['rejoin']);
});

test('step objects: several, and "it" resolved to what was named before', () => {
  const objs = (text: string): string[] => facts(text).filter((f) => f.kind === 'tried').map((f) => f.object ?? '');
  assert.deepEqual(objs('The app crashes. I reinstalled it and restarted my phone.'), ['app', 'phone']);
  assert.deepEqual(objs('I restarted the printer and the router.'), ['printer|network']);
});
