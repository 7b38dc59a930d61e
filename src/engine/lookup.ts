// Word tables keyed by what people type. A plain object literal inherits
// "constructor", "toString", "__proto__"… from Object.prototype, so a message
// containing the word "constructor" would find a function in the table; a
// table made here has no prototype and answers undefined for any word it lacks.

export function lookup<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  const table = Object.create(null) as Record<string, T>;
  for (const [k, v] of Object.entries(entries)) table[k] = v;
  return table;
}
