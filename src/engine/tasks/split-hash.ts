/**
 * MurmurHash3's 32-bit finalizer: a fixed, seed-independent scramble of an integer. The held-out test sets of the
 * translate and caption tasks are chosen by it, so every run, on every machine, tests on the same examples.
 */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
