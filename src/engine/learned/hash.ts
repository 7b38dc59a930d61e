// Hashing for the learned models' features: stable across runs and platforms.

/** FNV-1a over a string's UTF-16 units, as an unsigned 32-bit integer. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two hashes into one (order matters): murmur3's finaliser over a combination. */
export function combine(a: number, b: number, salt: number): number {
  let h = (Math.imul(a ^ salt, 0x9e3779b1) + b) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
