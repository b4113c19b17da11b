/**
 * Shared by the views' extremes tests: the pool of extreme values (1e-300 … 1e300, the ends of the double range,
 * ±0, NaN, ±∞), a seeded PRNG so a failure names its case, random series drawn from the pool, and checks of
 * printed text that collect failures into an array (one `expect` per test keeps thousands of cases cheap).
 */

/** The values every series is drawn from. */
export const POOL = [0, -0, -1, 1e-300, -1e-300, 1e-200, 1e-100, 1e-12, 1e-3, 0.5, 1, 2, -2.5, 1e3, 1e12, -1e12, 1e100, 1e200, 1e300, -1e300, Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, NaN, Infinity, -Infinity];

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One value of the pool, at random. */
export const pick = (r: () => number, pool: readonly number[] = POOL): number => pool[Math.floor(r() * pool.length)];

/** Series of extreme values: empty, single values, every pair of the pool, `random` mixes up to 60 long, and smooth runs over the whole range. */
export function seriesCases(seed: number, random = 100): number[][] {
  const out: number[][] = [[], ...POOL.map((v) => [v])];
  for (const a of POOL) for (const b of POOL) out.push([a, b]);
  const r = rng(seed);
  for (let i = 0; i < random; i++) out.push(Array.from({ length: 1 + Math.floor(r() * 60) }, () => pick(r)));
  out.push(Array.from({ length: 61 }, (_, k) => 10 ** (300 - 10 * k)));
  out.push(Array.from({ length: 61 }, (_, k) => 10 ** (-300 + 10 * k)));
  out.push(Array.from({ length: 61 }, (_, k) => -(10 ** (300 - 10 * k))));
  return out;
}

/** Text that must never appear in what the views print. */
export const BROKEN = /NaN|Infinity|undefined|null|\[object|e\+?Infinity/;

/** A number as the failure list names it (−0 and NaN included). */
export const show = (v: unknown): string => (Object.is(v, -0) ? '-0' : typeof v === 'number' ? String(v) : JSON.stringify(v));

/** Collected failures: `check(ok, what)` records `what` when !ok; `done()` lists the first few. */
export function failures() {
  const list: string[] = [];
  return {
    list,
    check(ok: boolean, what: () => string) {
      if (!ok && list.length < 200) list.push(what());
    },
  };
}

/**
 * Why a printed label is unreadable, or null: empty, longer than `max` characters, "NaN"/"Infinity"/"undefined",
 * or a raw run of 10 or more digits without separators (toFixed / String of a double beyond what the formatters allow).
 */
export function unreadable(label: string, max = 12): string | null {
  if (label.length === 0) return 'empty';
  if (label.length > max) return `longer than ${max}`;
  if (BROKEN.test(label)) return 'broken text';
  if (/\d{10,}/.test(label)) return 'raw digits';
  return null;
}

/** Every number printed in `text` ("1,230", "−0.412", "1.55e+129", "96%"), read back. */
export function numbersIn(text: string): number[] {
  return [...text.replace(/−/g, '-').matchAll(/-?\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
}

/**
 * Whether a printed number ("1,230", "−0.412", "1.80e+308", "96%") is within `rel` of v, read as mantissa × 10^exponent
 * so that "1.80e+308" (Number.MAX_VALUE to 3 digits) is not read as ∞ nor "4.94e-324" as 0; `shift` lowers the exponent
 * (2 for a percentage).
 */
export function near(label: string, v: number, rel: number, shift = 0): boolean {
  const [m, e = '0'] = label.replace(/,/g, '').replace('−', '-').replace(/%$/, '').split('e');
  const k = Number(e) - shift;
  const x = Number(m);
  const w = k > -300 ? v / 10 ** k : (v * 1e300) / 10 ** (k + 300); // v in units of the printed exponent (10^-324 is 0)
  if (w === 0) return x === 0;
  return Number.isFinite(w) && Math.abs(x - w) <= rel * Math.abs(w);
}

/** Whether a label printed to 3 significant digits reads back as v: within half a unit of the 3rd digit. */
export function reads3(label: string, v: number): boolean {
  return near(label, v, 5.0001e-3);
}
