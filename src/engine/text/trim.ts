// Small string helpers written as loops, so that no input can make them
// backtrack (a trailing-class regex like /[.!]+$/ is quadratic on long runs).

/** Drops every trailing character that is in `chars` (and, when `spaces`, whitespace). */
export function trimEndOf(s: string, chars: string, spaces = false): string {
  let e = s.length;
  while (e > 0) {
    const c = s[e - 1]!;
    if (chars.includes(c) || (spaces && isSpace(c))) e--;
    else break;
  }
  return s.slice(0, e);
}

/** Removes whitespace that stands right before `.`, `,`, `!` or `?` ("so , then ." → "so, then."). */
export function tightenPunctuation(s: string): string {
  let out = '';
  let pending = '';
  for (const c of s) {
    if (isSpace(c)) {
      pending += c;
      continue;
    }
    if (!'.,!?'.includes(c)) out += pending;
    pending = '';
    out += c;
  }
  return out + pending;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\f' || c === '\v' || /\s/u.test(c);
}
