/**
 * The arguments of a LabActions call that arrived over the channel, checked before the owner's lab runs it. The
 * actions this build knows get their own check (a config is normalized, a surface request parsed, numbers bounded);
 * an action added later passes if its arguments are plain data, so mirroring keeps working as the lab grows.
 */
import { normalizeConfig } from '../engine/config';
import { parseSurfaceRequest } from '../worker/surface-request';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const whole = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;

/** The owner's page settings and notices are its own: a speaker window keeps its own (they are local there too). */
export const NOT_FORWARDED: ReadonlySet<string> = new Set(['notify', 'dismissNotice', 'setUi']);

/** The longest run a forwarded "train to" may ask for (the lab's own control bounds it further). */
const MAX_STEPS = 10_000_000;

/** A selection patch: only the known fields, each of its type. */
function selection(v: unknown): Obj | null {
  if (!isObj(v)) return null;
  const out: Obj = {};
  for (const k of ['sample', 'unit'] as const) if (v[k] !== undefined) {
    if (!whole(v[k], 100_000)) return null;
    out[k] = v[k];
  }
  for (const k of ['t', 'tau'] as const) if (v[k] !== undefined) {
    if (v[k] !== null && !whole(v[k], 100_000)) return null;
    out[k] = v[k];
  }
  if (v.highlight !== undefined) {
    if (v.highlight !== null && (typeof v.highlight !== 'string' || v.highlight.length > 20)) return null;
    out.highlight = v.highlight;
  }
  return out;
}

const CHECKS: Record<string, (args: unknown[]) => unknown[] | null> = {
  play: () => [],
  pause: () => [],
  togglePlay: () => [],
  step: () => [],
  reset: () => [],
  restartWorker: () => [],
  setSpeed: ([v]) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? [Math.min(v, 100_000)] : null),
  // anything object-shaped becomes a valid config (what normalizing changed is the worker's to report)
  configure: ([v]) => (isObj(v) ? [normalizeConfig(v).config] : null),
  select: ([v]) => {
    const patch = selection(v);
    return patch && [patch];
  },
  requestSurface: ([v]) => {
    const request = parseSurfaceRequest(v);
    return request && [request];
  },
  trainTo: ([v]) => (whole(v, MAX_STEPS) ? [v] : null),
};

/** Whether v is plain data of modest size: finite numbers, short strings, booleans, null, and small arrays and objects of them. */
export function plainData(v: unknown, depth = 0): boolean {
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return v.length <= 2000;
  if (depth >= 4) return false;
  if (Array.isArray(v)) return v.length <= 64 && v.every((x) => plainData(x, depth + 1));
  if (isObj(v) && Object.getPrototypeOf(v) === Object.prototype) {
    const entries = Object.entries(v);
    return entries.length <= 64 && entries.every(([, x]) => plainData(x, depth + 1));
  }
  return false;
}

/** The arguments to call action `name` with, or null to refuse the call. */
export function checkArgs(name: string, args: unknown[]): unknown[] | null {
  if (NOT_FORWARDED.has(name)) return null;
  const check = Object.hasOwn(CHECKS, name) ? CHECKS[name] : null;
  if (check) return check(args);
  return plainData(args) ? args : null;
}
