/**
 * The value checks every parser of presenter-channel data shares (channel-messages.ts, parse-*.ts): one place says
 * what a count, a bounded string or a typed array of the right class is, so the parsers read as lists of fields.
 */
import type { Divergence } from '../engine/trainer';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The field `k` of `o` if `o` holds it itself, else undefined: never a value inherited from Object.prototype, so a
 * message lacking `constructor` or `toString` does not read the prototype's, and a polluted prototype adds nothing.
 */
export const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

export const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** any number, NaN and ±∞ included: for figures a diverged network may make non-finite (the lab shows them as such) */
export const anyNumber = (v: unknown): v is number => typeof v === 'number';
/** a whole number ≥ 0 (steps, counts, sizes) */
export const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
/** a whole number in lo…hi */
export const intIn = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= lo && v <= hi;
export const runId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
/** a string of at most `max` UTF-16 units */
export const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
/** one of a literal list */
export const oneOf = <T>(v: unknown, list: readonly T[]): v is T => (list as readonly unknown[]).includes(v);
/** an array of at most `max` entries (its length is read before anything else) */
export const list = (v: unknown, max: number): v is unknown[] => Array.isArray(v) && v.length <= max;
/**
 * Whether every entry of `a` passes, holes included: Array.prototype.every skips the holes of a sparse array (which a
 * structured clone keeps), so `[, , 'x']` would pass it; a hole here reads as undefined and fails.
 */
export const all = (a: readonly unknown[], ok: (x: unknown, i: number) => boolean): boolean => {
  for (let i = 0; i < a.length; i++) if (!ok(a[i], i)) return false;
  return true;
};
/** an array of exactly `n` strings of at most `max` units each */
export const strings = (v: unknown, n: number, max: number): v is string[] => Array.isArray(v) && v.length === n && all(v, (s) => str(s, max));

// by tag, not instanceof: a clone may come from another realm's constructors (a test's, an iframe's)
const tag = (v: unknown): string => Object.prototype.toString.call(v);
export const f64 = (v: unknown): v is Float64Array => tag(v) === '[object Float64Array]';
export const u8 = (v: unknown): v is Uint8Array => tag(v) === '[object Uint8Array]';
export const rgba = (v: unknown): v is Uint8ClampedArray => tag(v) === '[object Uint8ClampedArray]';
/** a Float64Array of exactly n entries */
export const f64n = (v: unknown, n: number): v is Float64Array => f64(v) && v.length === n;
/** a Float64Array of at most max entries */
export const f64max = (v: unknown, max: number): v is Float64Array => f64(v) && v.length <= max;
/** every entry is 0 or 1 (a mask, the clipped flags) */
export const bits = (a: ArrayLike<number>): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0 && a[i] !== 1) return false;
  return true;
};
/** every entry is a finite number ≥ 0 (training steps) */
export const steps = (a: ArrayLike<number>): boolean => {
  for (let i = 0; i < a.length; i++) if (!(a[i] >= 0 && a[i] < Infinity)) return false;
  return true;
};

/** A divergence (trainer.ts): its step, cause and quantity checked, its sentence cut to 500 characters like every message. */
export function parseDivergence(v: unknown): Divergence | null {
  if (!isObj(v)) return null;
  const [step, cause, quantity, message] = ['step', 'cause', 'quantity', 'message'].map((k) => own(v, k));
  if (!count(step) || (cause !== 'update' && cause !== 'weights') || !str(quantity, LIMITS.name) || typeof message !== 'string') return null;
  return { step, cause, quantity, message: message.slice(0, 500) };
}

/** Sizes the channel accepts: above the engine's own limits (config.ts, tasks/limits.ts), far below what would hurt. */
export const LIMITS = {
  /** timesteps of a record, values of a forecast */
  steps: 4096,
  /** input and output widths */
  width: 4096,
  /** hidden units (the engine allows 128) */
  hidden: 1024,
  /** weights of a network */
  params: 4_000_000,
  /** named blocks of θ, spectra, metric extras */
  blocks: 64,
  /** examples of an evaluation set */
  evalSize: 1_000_000,
  /** answered, translated or captioned examples in one output */
  items: 64,
  /** a name, a label of one step, a word or a digit string */
  name: 200,
  /** a sentence: a source, a reference, an answer, a caption */
  sentence: 2000,
  /** sampled text, the inputs of one answered sequence */
  text: 20_000,
  /** the side of a caption picture, and its feature channels */
  imageSide: 256,
  channels: 64,
} as const;
