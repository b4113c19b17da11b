import type { ClipConfig } from './clip';
import { KERNEL_PATHS } from './fast/choice';
import type { KernelPath } from './fast/choice';
import { INIT_SCHEMES } from './init-config';
import type { InitConfig } from './init-config';
import { OPTIMIZERS } from './optim-config';
import type { OptimizerConfig } from './optim-config';
import { normalizeTaskConfig, repairNumber } from './tasks/normalize';
import type { ParamLimit } from './tasks/limits';
import { fitExampleConfig } from './seq2seq-config';
import { describe } from './tasks/limits';
import { isExampleTask, TASK_KINDS } from './tasks/task';
import type { TaskConfig } from './tasks/task';
import { ACTIVATIONS, CELLS, FORGET_GATES, RECURRENCES, TRUNC_MODES } from './types';
import type { Activation, CellKind, ForgetGate, Recurrence, TruncMode } from './types';

/** The network's settings. The two optional ones are left out when they have their default. */
export interface ModelConfig {
  cell: CellKind;
  /** rnn only */
  activation: Activation;
  hiddenSize: number;
  /** absent = 'on'; 'off' freezes the recurrence: every step starts from the zero state and the Wh· stay 0 */
  recurrence?: Recurrence;
  /** LSTM only; absent = 'sigmoid'; 'tanh' lets f lie in (−1, 1) */
  forgetGate?: ForgetGate;
}

/** Everything that determines a training run: the same config and seed give the same run everywhere. */
export interface SessionConfig {
  task: TaskConfig;
  model: ModelConfig;
  init: InitConfig;
  optimizer: OptimizerConfig;
  clip: ClipConfig;
  /** truncated BPTT: k steps; 0 = full BPTT */
  truncate: number;
  /** how truncation cuts: chunks of k steps (TBPTT(k, k), O(T)) or a window of k steps per scored step (O(T·k)) */
  truncMode: TruncMode;
  /** sequences per update */
  batch: number;
  seed: number;
  /** which kernels train (fast/choice.ts); absent = 'reference', the Float64 path; 'fast' = float32 WebAssembly SIMD */
  kernels?: KernelPath;
}

const num = (min: number, max: number, def: number, integer = false): ParamLimit => ({ min, max, default: def, integer });

/** Range and default of every numeric setting outside the task (the task's are TASK_LIMITS). */
export const CONFIG_LIMITS = {
  hiddenSize: num(1, 128, 16, true),
  lr: num(1e-5, 10, 0.01),
  beta1: num(0, 0.999, 0.9),
  beta2: num(0, 0.99999, 0.999),
  eps: num(1e-12, 1, 1e-8),
  clipThreshold: num(1e-3, 1e4, 1),
  truncate: num(0, 400, 0, true),
  batch: num(1, 64, 16, true),
  seed: num(0, 2 ** 31 - 1, 1, true),
  initScale: num(0, 5, 0.1),
  recurrentScale: num(0, 5, 1),
  forgetBias: num(-5, 5, 1),
} as const;

/** The lab's opening scenario: a small LSTM learning to echo a symbol across 10 steps. */
export function defaultConfig(): SessionConfig {
  return {
    task: { kind: 'echo', lag: 10, symbols: 4 },
    model: { cell: 'lstm', activation: 'tanh', hiddenSize: 16 },
    init: { scheme: 'xavier', scale: 0.1, recurrentScale: 1, forgetBias: 1 },
    optimizer: { kind: 'adam', lr: 0.01 },
    clip: { kind: 'norm', threshold: 1 },
    truncate: 0,
    truncMode: 'chunk',
    batch: 16,
    seed: 1,
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function pick<T extends string>(raw: unknown, allowed: readonly T[], def: T, name: string, notes: string[]): T {
  if (raw === undefined) return def;
  if ((allowed as readonly unknown[]).includes(raw)) return raw as T;
  notes.push(`Unknown ${name} ${describe(raw)}; using ${def}.`);
  return def;
}

function section(raw: unknown, name: string, notes: string[]): Record<string, unknown> {
  if (raw === undefined) return {};
  if (isObj(raw)) return raw;
  notes.push(`${name} was ${describe(raw)}, not an object; using its defaults.`);
  return {};
}

/**
 * A valid SessionConfig made from anything (parsed JSON, URL parameters): unknown keys ignored,
 * out-of-range numbers clamped, garbage replaced by defaults; `notes` says what changed, one sentence each.
 */
export function normalizeConfig(raw: unknown): { config: SessionConfig; notes: string[] } {
  const notes: string[] = [];
  const d = defaultConfig();
  if (raw !== undefined && !isObj(raw)) notes.push(`The configuration was ${describe(raw)}, not an object; using the defaults.`);
  const r = isObj(raw) ? raw : {};
  const L = CONFIG_LIMITS;
  const rt = r.task;
  const kindOk = isObj(rt) && (TASK_KINDS as readonly unknown[]).includes(rt.kind);
  // A missing or unknown task kind falls back to the lab's default task, not to another kind with the given fields.
  const task = rt === undefined ? { config: d.task, notes: [] } : kindOk ? normalizeTaskConfig(rt) : { config: d.task, notes: [`Unknown task kind ${describe(isObj(rt) ? rt.kind : rt)}; using the ${d.task.kind} task.`] };
  notes.push(...task.notes);
  const m = section(r.model, 'model', notes);
  const i = section(r.init, 'init', notes);
  const o = section(r.optimizer, 'optimizer', notes);
  const c = section(r.clip, 'clip', notes);
  const clipKind = pick(c.kind, ['none', 'norm', 'value'] as const, d.clip.kind, 'clipping', notes);
  const optimizer: OptimizerConfig = { kind: pick(o.kind, OPTIMIZERS, d.optimizer.kind, 'optimizer', notes), lr: repairNumber(o.lr, L.lr, 'learning rate', notes) };
  if (o.beta1 !== undefined) optimizer.beta1 = repairNumber(o.beta1, L.beta1, 'beta1', notes);
  if (o.beta2 !== undefined) optimizer.beta2 = repairNumber(o.beta2, L.beta2, 'beta2', notes);
  if (o.eps !== undefined) optimizer.eps = repairNumber(o.eps, L.eps, 'epsilon', notes);
  const sectionKeys: [Record<string, unknown>, string, string[]][] = [
    [m, 'model', ['cell', 'activation', 'hiddenSize', 'recurrence', 'forgetGate']],
    [i, 'init', ['scheme', 'scale', 'recurrentScale', 'forgetBias']],
    [o, 'optimizer', ['kind', 'lr', 'beta1', 'beta2', 'eps']],
    [c, 'clip', ['kind', 'threshold']],
  ];
  for (const [obj, name, keys] of sectionKeys) {
    for (const k of Object.keys(obj)) if (!keys.includes(k)) notes.push(`Ignored the unknown setting ${JSON.stringify(`${name}.${k}`)}.`);
  }
  const model: ModelConfig = {
    cell: pick(m.cell, CELLS, d.model.cell, 'cell', notes),
    activation: pick(m.activation, ACTIVATIONS, d.model.activation, 'activation', notes),
    hiddenSize: repairNumber(m.hiddenSize, L.hiddenSize, 'hidden size', notes),
  };
  // Left out at their defaults, so that configs and links without them stay as they were.
  const recurrence = pick(m.recurrence, RECURRENCES, RECURRENCES[0], 'recurrence', notes);
  if (recurrence !== RECURRENCES[0]) model.recurrence = recurrence;
  const forgetGate = pick(m.forgetGate, FORGET_GATES, FORGET_GATES[0], 'forget gate', notes);
  if (forgetGate !== FORGET_GATES[0]) model.forgetGate = forgetGate;
  const config: SessionConfig = {
    task: task.config,
    model,
    init: {
      scheme: pick(i.scheme, INIT_SCHEMES, d.init.scheme, 'initialization', notes),
      scale: repairNumber(i.scale, L.initScale, 'init scale', notes),
      recurrentScale: repairNumber(i.recurrentScale, L.recurrentScale, 'recurrent scale', notes),
      forgetBias: repairNumber(i.forgetBias, L.forgetBias, 'forget-gate bias', notes),
    },
    optimizer,
    clip: clipKind === 'none' ? { kind: 'none' } : { kind: clipKind, threshold: repairNumber(c.threshold, L.clipThreshold, 'clipping threshold', notes) },
    truncate: repairNumber(r.truncate, L.truncate, 'truncation k', notes),
    truncMode: pick(r.truncMode, TRUNC_MODES, d.truncMode, 'truncation mode', notes),
    batch: repairNumber(r.batch, L.batch, 'batch size', notes),
    seed: repairNumber(r.seed, L.seed, 'seed', notes),
  };
  // left out at its default, as the model's optional settings are
  const kernels = pick(r.kernels, KERNEL_PATHS, KERNEL_PATHS[0], 'kernels', notes);
  if (kernels !== KERNEL_PATHS[0]) config.kernels = kernels;
  const known = ['task', 'model', 'init', 'optimizer', 'clip', 'truncate', 'truncMode', 'batch', 'seed', 'kernels'];
  for (const k of Object.keys(r)) if (!known.includes(k)) notes.push(`Ignored the unknown setting ${JSON.stringify(k)}.`);
  // an encoder–decoder or a captioner runs fewer of the settings: the rest go back to their defaults, each with a note
  if (isExampleTask(config.task)) fitExampleConfig(config, notes);
  return { config, notes };
}
