/**
 * Worker events from presenter-channel data, every type and every field: the run's own events (ready with its
 * RunInfo, frame, refused, error, diverged, progress, restarted) here, the answers to requests in parse-answers.ts.
 * Apart from channel-messages.ts, which holds the channel's own messages, because the protocol is the bigger half.
 */
import { normalizeConfig } from '../engine/config';
import type { SpectralInfo } from '../engine/session';
import { KERNEL_PATHS } from '../engine/fast/choice';
import type { KernelPath } from '../engine/fast/choice';
import { TASK_KINDS } from '../engine/tasks/task';
import type { MetricExtra, TaskMetric } from '../engine/tasks/task';
import { CELLS, HEADS } from '../engine/types';
import type { Frame, RunInfo, WorkerEvent } from '../worker/protocol';
import { MAX_TRAIN_TO } from '../worker/protocol';
import { ANSWER_PARSERS } from './parse-answers';
import { parseOutput } from './parse-outputs';
import { parseChunk, parseRecord } from './parse-record';
import { all, count, finite, intIn, isObj, LIMITS, list, oneOf, own, parseDivergence, runId, str } from './parse-values';
import type { Obj } from './parse-values';

/** A task's metric: finite figures (the worker sends none when the weights give NaN: that is a divergence). */
export function parseMetric(v: unknown): TaskMetric | null {
  if (!isObj(v)) return null;
  const [name, value, baseline, baselineName, higherIsBetter, extra] = ['name', 'value', 'baseline', 'baselineName', 'higherIsBetter', 'extra'].map((k) => own(v, k));
  if (!str(name, LIMITS.name) || !finite(value) || !finite(baseline) || !str(baselineName, LIMITS.sentence) || typeof higherIsBetter !== 'boolean') return null;
  const m: TaskMetric = { name, value, baseline, baselineName, higherIsBetter };
  if (extra === undefined) return m;
  if (!list(extra, LIMITS.blocks)) return null;
  const extras: MetricExtra[] = [];
  for (const x of extra) {
    if (!isObj(x)) return null;
    const [n, val] = [own(x, 'name'), own(x, 'value')];
    if (!str(n, LIMITS.sentence) || !finite(val)) return null;
    extras.push({ name: n, value: val });
  }
  return { ...m, extra: extras };
}

/** The recurrent matrices' ρ and σ_max: ≥ 0, or NaN/+∞ when weights near overflow make the iteration overflow. */
export function parseSpectral(v: unknown): SpectralInfo[] | null {
  if (!list(v, LIMITS.blocks)) return null;
  const out: SpectralInfo[] = [];
  for (const s of v) {
    if (!isObj(s)) return null;
    const [name, radius, sigmaMax] = ['name', 'radius', 'sigmaMax'].map((k) => own(s, k));
    if (!str(name, LIMITS.name) || typeof radius !== 'number' || radius < 0 || typeof sigmaMax !== 'number' || sigmaMax < 0) return null;
    out.push({ name, radius, sigmaMax });
  }
  return out;
}

export function parseFrame(v: unknown): Frame | null {
  if (!isObj(v)) return null;
  const [frameId, step, playing, handled, stepsPerSecond] = ['frameId', 'step', 'playing', 'handled', 'stepsPerSecond'].map((k) => own(v, k));
  if (!count(frameId) || !count(step) || !count(handled) || !finite(stepsPerSecond) || stepsPerSecond < 0 || typeof playing !== 'boolean') return null;
  const history = parseChunk(own(v, 'history'));
  const record = parseRecord(own(v, 'record'));
  if (!history || !record) return null;
  const [m, s, o] = [own(v, 'metric'), own(v, 'spectral'), own(v, 'output')];
  let metric: Frame['metric'] = null;
  if (m !== null) {
    const value = isObj(m) ? parseMetric(own(m, 'value')) : null;
    const at = isObj(m) ? own(m, 'step') : undefined;
    if (!value || !count(at)) return null;
    metric = { step: at, value };
  }
  const spectral = s === null ? null : parseSpectral(s);
  const output = o === null ? null : parseOutput(o);
  if ((s !== null && !spectral) || (o !== null && !output)) return null;
  // the meaning vector is the decoder's start: as many units as the record's
  if (output?.kind === 'translations' && output.meaning.h.length !== record.H) return null;
  return { frameId, step, playing, handled, stepsPerSecond, history, metric, record, spectral, output };
}

/** SessionShape's kernels: absent (a build before the field) is the reference path. */
const kernelsOf = (v: unknown): KernelPath | null => (v === undefined ? 'reference' : oneOf(v, KERNEL_PATHS) ? v : null);

export function parseInfo(v: unknown): RunInfo | null {
  if (!isObj(v)) return null;
  const [configRunId, rawConfig, notes, t, m] = ['configRunId', 'config', 'notes', 'task', 'model'].map((k) => own(v, k));
  if (!runId(configRunId) || !isObj(rawConfig) || !list(notes, 64) || !all(notes, (n) => typeof n === 'string') || !isObj(t) || !isObj(m)) return null;
  const [kind, inputSize, outputSize, head, length, evalSize] = ['kind', 'inputSize', 'outputSize', 'head', 'length', 'evalSize'].map((k) => own(t, k));
  if (!oneOf(kind, TASK_KINDS) || !intIn(inputSize, 1, LIMITS.width) || !intIn(outputSize, 1, LIMITS.width) || !oneOf(head, HEADS)) return null;
  if (!intIn(length, 1, LIMITS.steps) || !intIn(evalSize, 1, LIMITS.evalSize)) return null;
  const [cell, paramCount, rawBlocks] = ['cell', 'paramCount', 'blocks'].map((k) => own(m, k));
  if (!oneOf(cell, CELLS) || !intIn(paramCount, 1, LIMITS.params) || !list(rawBlocks, LIMITS.blocks) || rawBlocks.length === 0) return null;
  const blocks: RunInfo['model']['blocks'] = [];
  let sum = 0;
  for (const b of rawBlocks) {
    if (!isObj(b)) return null;
    const [name, rows, cols] = ['name', 'rows', 'cols'].map((k) => own(b, k));
    if (!str(name, LIMITS.name) || name.length === 0 || !intIn(rows, 1, LIMITS.params) || !intIn(cols, 1, LIMITS.params)) return null;
    blocks.push({ name, rows, cols });
    sum += rows * cols;
  }
  // the blocks tile θ
  if (sum !== paramCount) return null;
  const kernels = kernelsOf(own(v, 'kernels'));
  // the owner sends a config its worker normalized; normalizing again makes anything else a valid config too
  const { config } = normalizeConfig(rawConfig);
  if (!kernels || config.task.kind !== kind || config.model.cell !== cell) return null;
  const shape = { task: { kind, inputSize, outputSize, head, length, evalSize }, model: { cell, paramCount, blocks }, kernels };
  // `as`: the shape's fields are each checked above; the cast lets this build compile with or without SessionShape.kernels
  return { ...shape, configRunId, config, notes: (notes as string[]).slice(0, 20).map((n) => n.slice(0, 500)) } as RunInfo;
}

type RunEvent = Exclude<WorkerEvent, { type: 'surface' | 'exported' | 'benchmark' }>;

const RUN_PARSERS: { [K in RunEvent['type']]: (v: Obj, runId: number) => Extract<RunEvent, { type: K }> | null } = {
  ready: (v, r) => {
    const info = parseInfo(own(v, 'info'));
    const step = own(v, 'step');
    // a run opened from a saved file starts at its step, not at 0
    if (!info || (step !== undefined && !count(step))) return null;
    return step === undefined ? { type: 'ready', runId: r, info } : { type: 'ready', runId: r, info, step };
  },
  frame: (v, r) => {
    const frame = parseFrame(own(v, 'frame'));
    return frame && { type: 'frame', runId: r, frame };
  },
  refused: (v, r) => {
    const message = own(v, 'message');
    return typeof message === 'string' ? { type: 'refused', runId: r, message: message.slice(0, 500) } : null;
  },
  error: (v, r) => {
    const [message, recoverable] = [own(v, 'message'), own(v, 'recoverable')];
    return typeof message === 'string' && typeof recoverable === 'boolean' ? { type: 'error', runId: r, message: message.slice(0, 500), recoverable } : null;
  },
  diverged: (v, r) => {
    const divergence = parseDivergence(own(v, 'divergence'));
    return divergence && { type: 'diverged', runId: r, divergence };
  },
  progress: (v, r) => {
    const [step, to] = [own(v, 'step'), own(v, 'to')];
    return intIn(to, 0, MAX_TRAIN_TO) && intIn(step, 0, to) ? { type: 'progress', runId: r, step, to } : null;
  },
  restarted: (_v, r) => ({ type: 'restarted', runId: r }),
};

const PARSERS = { ...RUN_PARSERS, ...ANSWER_PARSERS } as Record<WorkerEvent['type'], (v: Obj, runId: number) => WorkerEvent | null>;

/**
 * A worker event from channel data, rebuilt from its checked fields only, or null. Both tables are typed by the
 * protocol, so a new event type there does not compile here until it has its parser; at run time a type this build
 * does not know (another build's window) is refused, as the lab would ignore it anyway.
 */
export function parseEvent(v: unknown): WorkerEvent | null {
  if (!isObj(v)) return null;
  const [type, r] = [own(v, 'type'), own(v, 'runId')];
  if (typeof type !== 'string' || !Object.hasOwn(PARSERS, type) || !runId(r)) return null;
  return PARSERS[type as WorkerEvent['type']](v, r);
}
