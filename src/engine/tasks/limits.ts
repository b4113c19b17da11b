/**
 * The allowed range and default of every numeric task parameter, shared by the tasks (which
 * refuse values outside it), `normalizeTaskConfig` (which clamps into it) and the UI/URL layer.
 */
import { EngineError } from '../errors';

/** The range [min, max] and default of one numeric parameter; `integer` says it counts something. */
export interface ParamLimit {
  readonly min: number;
  readonly max: number;
  readonly default: number;
  readonly integer: boolean;
}

const int = (min: number, max: number, def: number): ParamLimit => ({ min, max, default: def, integer: true });

/** Numeric parameters of each task kind: min/max/default. */
export const TASK_LIMITS = {
  text: { seqLength: int(4, 256, 32) },
  sine: { seqLength: int(4, 256, 40), noise: { min: 0, max: 1, default: 0.05, integer: false } as ParamLimit, components: int(1, 4, 2) },
  echo: { lag: int(1, 200, 10), symbols: int(2, 8, 4) },
  adding: { seqLength: int(4, 400, 50) },
  // holdout: the last points kept out of training, for a forecast of the future; 0 trains on the whole series
  series: { seqLength: int(4, 256, 32), holdout: int(0, 2000, 0) },
} as const;

/** The longest user text accepted, in characters (Unicode code points). */
export const MAX_TEXT_CHARS = 200_000;
/** The largest vocabulary (distinct characters) a text may have: the softmax and input width. */
export const MAX_VOCAB = 96;
/** The most points a user series may have. */
export const MAX_SERIES_POINTS = 100_000;

/** Throws `bad-config` unless `value` is a number inside `limit` (and an integer when it must be). */
export function checkParam(value: unknown, limit: ParamLimit, path: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new EngineError('bad-config', `must be a number, got ${describe(value)}`, path);
  }
  if (!Number.isFinite(value)) throw new EngineError('non-finite', `must be finite, got ${value}`, path);
  if (limit.integer && !Number.isInteger(value)) throw new EngineError('bad-config', `must be a whole number, got ${value}`, path);
  if (value < limit.min || value > limit.max) {
    throw new EngineError('bad-config', `must be between ${limit.min} and ${limit.max}, got ${value}`, path);
  }
  return value;
}

/** A short description of an unexpected value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
