/**
 * A training run frozen between two steps — everything a Session needs to go on exactly as if it had never
 * stopped — and the checks a snapshot from outside (a file, a message) must pass before a Session takes it.
 */
import { normalizeConfig } from './config';
import type { SessionConfig } from './config';
import { EngineError } from './errors';
import type { OptimizerState } from './optim';
import type { RngState } from './rng';
import { isDivergenceQuantity, divergenceMessage } from './trainer';
import type { Divergence, TrainerState } from './trainer';

/**
 * One run at one step. θ, the optimizer's state and the data stream's RNG are the whole of what training reads
 * besides the config (tasks draw every sample from that RNG and keep no other state), so a Session built from
 * `config` and given this snapshot trains on bit for bit as the run it was taken from.
 */
export interface RunSnapshot {
  /** the session's config, as normalized */
  config: SessionConfig;
  /** the weights θ, in the layout of the config's network */
  theta: Float64Array;
  optimizer: OptimizerState;
  trainer: TrainerState;
  /** the data stream the training batches are drawn from */
  data: RngState;
}

/** What a snapshot must fit: the session taking it. */
export interface SnapshotTarget {
  config: SessionConfig;
  paramCount: number;
  /** the lengths of the optimizer's moment arrays */
  moments: { m: number; v: number };
  blockNames: readonly string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of two JSON values, key order aside. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (!isObj(a) || !isObj(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

function field(o: Record<string, unknown>, key: string, path: string): unknown {
  if (!Object.hasOwn(o, key) || o[key] === undefined) throw new EngineError('bad-config', 'is missing', `${path}.${key}`);
  return o[key];
}

function section(o: Record<string, unknown>, key: string, path: string): Record<string, unknown> {
  const v = field(o, key, path);
  if (!isObj(v)) throw new EngineError('bad-config', 'must be an object', `${path}.${key}`);
  return v;
}

function count(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new EngineError('bad-config', `must be a whole number ≥ 0, got ${typeof v === 'number' ? v : typeof v}`, path);
  return v;
}

function finite(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError('non-finite', `must be a finite number, got ${typeof v === 'number' ? v : typeof v}`, path);
  return v;
}

/** Whether v is a Float64Array, of this realm or another (a structured clone may bring another's). */
const isFloat64Array = (v: unknown): v is Float64Array => Object.prototype.toString.call(v) === '[object Float64Array]';

/** A copy (of this realm; same type, so the bytes are copied) of a Float64Array of exactly `length` entries, all finite unless `allowNonFinite`. */
function vector(v: unknown, length: number, path: string, allowNonFinite = false): Float64Array {
  if (!isFloat64Array(v)) throw new EngineError('bad-shape', 'must be a Float64Array', path);
  if (v.length !== length) throw new EngineError('bad-shape', `has ${v.length} entries; this network needs ${length}`, path);
  if (!allowNonFinite) {
    for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) throw new EngineError('non-finite', `entry ${i} is ${v[i]}, a finite number is required`, path);
  }
  return new Float64Array(v);
}

/** A 32-bit word of sfc32's state, read signed or unsigned. */
function word(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 32) throw new EngineError('bad-config', 'must be a 32-bit integer', path);
  return v | 0;
}

function checkConfig(raw: unknown, target: SessionConfig): SessionConfig {
  const { config, notes } = normalizeConfig(raw);
  // a saved config is one the engine ran: complete, in range, nothing to repair; anything else was edited
  if (notes.length > 0) throw new EngineError('bad-config', `the saved settings are not ones this version runs as they are: ${notes.join(' ')}`, 'config');
  if (!sameJson(raw, config)) throw new EngineError('bad-config', 'the saved settings are incomplete or hold extra fields', 'config');
  if (JSON.stringify(config) !== JSON.stringify(target)) throw new EngineError('bad-config', 'the snapshot was taken from another configuration than this session’s', 'config');
  return config;
}

function checkDivergence(raw: unknown, step: number, blockNames: readonly string[]): Divergence | null {
  if (raw === null) return null;
  const path = 'trainer.divergence';
  if (!isObj(raw)) throw new EngineError('bad-config', 'must be null or an object', path);
  const at = count(field(raw, 'step', path), `${path}.step`);
  if (at !== step) throw new EngineError('bad-config', `is dated step ${at} but the run stopped at step ${step}`, `${path}.step`);
  const cause = field(raw, 'cause', path);
  if (cause !== 'update' && cause !== 'weights') throw new EngineError('unknown-name', 'must be "update" or "weights"', `${path}.cause`);
  const quantity = field(raw, 'quantity', path);
  if (typeof quantity !== 'string' || quantity.length > 80 || !isDivergenceQuantity(quantity, blockNames)) {
    throw new EngineError('unknown-name', 'is not a quantity of this network that training can name', `${path}.quantity`);
  }
  // the sentence is made again from the facts: a file never puts its own words on the page
  return { step, cause, quantity, message: divergenceMessage(step, cause, quantity) };
}

function checkOptimizer(raw: unknown, target: SnapshotTarget, trainer: TrainerState): OptimizerState {
  if (!isObj(raw)) throw new EngineError('bad-config', 'must be an object', 'optimizer');
  const kind = field(raw, 'kind', 'optimizer');
  if (kind !== target.config.optimizer.kind) {
    throw new EngineError('unknown-name', `is ${typeof kind === 'string' ? JSON.stringify(kind.slice(0, 20)) : typeof kind}, but the settings use ${target.config.optimizer.kind}`, 'optimizer.kind');
  }
  const t = count(field(raw, 't', 'optimizer'), 'optimizer.t');
  // an update whose weights overflowed was counted by the optimizer, then undone: t may then run one ahead
  const { step, divergence } = trainer;
  if (t !== step && !(divergence?.cause === 'update' && t === step + 1)) throw new EngineError('bad-config', `is ${t} but the trainer is at step ${step}`, 'optimizer.t');
  // after a divergence the moments may hold the overflow; training never reads them again until a reset
  const m = vector(field(raw, 'm', 'optimizer'), target.moments.m, 'optimizer.m', divergence !== null);
  const v = vector(field(raw, 'v', 'optimizer'), target.moments.v, 'optimizer.v', divergence !== null);
  return { kind: target.config.optimizer.kind, t, m, v };
}

/**
 * A checked copy of a snapshot from outside for the session described by `target`, or an EngineError naming the
 * first field that is wrong: missing or mistyped fields, another config, arrays of the wrong size, NaN or ±∞ in
 * θ or the figures, a negative or fractional step, an unknown optimizer, a divergence of another step.
 */
export function checkSnapshot(raw: unknown, target: SnapshotTarget): RunSnapshot {
  if (!isObj(raw)) throw new EngineError('bad-config', 'a run snapshot must be an object');
  const config = checkConfig(field(raw, 'config', 'snapshot'), target.config);
  const tr = section(raw, 'trainer', 'snapshot');
  const step = count(field(tr, 'step', 'trainer'), 'trainer.step');
  const clipped = field(tr, 'clipped', 'trainer');
  if (typeof clipped !== 'boolean') throw new EngineError('bad-config', 'must be true or false', 'trainer.clipped');
  const trainer: TrainerState = {
    step,
    loss: finite(field(tr, 'loss', 'trainer'), 'trainer.loss'),
    gradNorm: finite(field(tr, 'gradNorm', 'trainer'), 'trainer.gradNorm'),
    gradNormClipped: finite(field(tr, 'gradNormClipped', 'trainer'), 'trainer.gradNormClipped'),
    clipped,
    divergence: checkDivergence(field(tr, 'divergence', 'trainer'), step, target.blockNames),
  };
  const theta = vector(field(raw, 'theta', 'snapshot'), target.paramCount, 'theta');
  const optimizer = checkOptimizer(field(raw, 'optimizer', 'snapshot'), target, trainer);
  const d = section(raw, 'data', 'snapshot');
  const spare = field(d, 'spare', 'data');
  const data: RngState = {
    a: word(field(d, 'a', 'data'), 'data.a'),
    b: word(field(d, 'b', 'data'), 'data.b'),
    c: word(field(d, 'c', 'data'), 'data.c'),
    d: word(field(d, 'd', 'data'), 'data.d'),
    spare: spare === null ? null : finite(spare, 'data.spare'),
  };
  return { config, theta, optimizer, trainer, data };
}
