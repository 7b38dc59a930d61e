// The fixed test splits of issue 4. Nothing may ever train on these rows.

import { createHash } from 'node:crypto';

/** Politeness: a request is test when its `Id` is divisible by 5. */
export function politenessIsTest(id: string): boolean {
  return isDivisibleBy5(id);
}

/** Airline tweets: test when `tweet_id` is divisible by 5 (18-digit ids: read as text, not as a float). */
export function airlineIsTest(tweetId: string): boolean {
  return isDivisibleBy5(tweetId);
}

/** EPITOME: test when the first byte of SHA-1(`sp_id|rp_id`) is below 52 (about 20 %). */
export function epitomeIsTest(spId: string, rpId: string): boolean {
  return createHash('sha1').update(`${spId}|${rpId}`).digest()[0]! < 52;
}

function isDivisibleBy5(id: string): boolean {
  const s = id.trim();
  if (!/^\d+$/.test(s)) throw new Error(`not a whole-number id: "${id}"`);
  const last = s[s.length - 1];
  return last === '0' || last === '5';
}

/**
 * RSiCS has no official split: a request is held out (evaluation only, never
 * trained on) when SHA-1 of its id (`dataset-partition-sentence`) starts with a
 * byte below 52, as for EPITOME (about 20 %).
 */
export function rsicsIsTest(id: string): boolean {
  return createHash('sha1').update(id).digest()[0]! < 52;
}

/** Bitext has no split: an utterance is held out when SHA-1 of its text starts with a byte below 52 (about 20 %). */
export function bitextIsTest(utterance: string): boolean {
  return createHash('sha1').update(utterance).digest()[0]! < 52;
}
