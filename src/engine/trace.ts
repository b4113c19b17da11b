import { EngineError } from './errors';
import { Network } from './network';
import { weightNames } from './params';
import { GATES, TRUNC_MODES } from './types';
import type { Activation, CellKind, ForgetGate, HeadKind, ModelShape, Recurrence, Sequence, TruncMode } from './types';
import { oneHotIndices, validateSequence } from './validate';

/** The trace command's input (docs/engine.md, "npm run --silent trace"). */
export interface TraceSpec {
  cell: CellKind;
  activation?: Activation;
  /** optional, default 'on'; 'off': every step starts from the zero state, the Wh· weights may be omitted and must be 0 */
  recurrence?: Recurrence;
  /** optional, default 'sigmoid'; checked for every cell, used by lstm only */
  forgetGate?: ForgetGate;
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
  output: HeadKind;
  weights: Record<string, number[][] | number[]>;
  h0?: number[];
  c0?: number[];
  inputs: number[][];
  targets: (number | number[] | null)[];
  /** optional: truncated BPTT with k steps (Williams & Peng 1990); absent = full BPTT */
  truncate?: number;
  /** optional: how truncation cuts — chunks of k steps (default) or a window of k steps per scored step */
  truncMode?: TruncMode;
}

/** One step of the trace: h_t, c_t, gate values by name, y_t, p_t and ℓ_t (null if not scored). */
export interface TraceStep {
  h: number[];
  c?: number[];
  gates: Record<string, number[]>;
  y: number[];
  p?: number[];
  loss: number | null;
}

/** The trace command's output: L, per-step values, ∂L/∂h_t, ∂L/∂c_t, ∂L/∂h0, ∂L/∂c0 and ∂L/∂θ by weight name. */
export interface TraceOutput {
  loss: number;
  steps: TraceStep[];
  dh: number[][];
  dc?: number[][];
  dh0: number[];
  dc0?: number[];
  grads: Record<string, number[][] | number[]>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(v: unknown, path: string): number {
  if (typeof v !== 'number') throw new EngineError('bad-config', `expected a number, got ${v === null ? 'null' : typeof v}`, path);
  if (!Number.isFinite(v)) throw new EngineError('non-finite', `${v} is not a finite number`, path);
  return v;
}

function vec(v: unknown, n: number, path: string): number[] {
  if (!Array.isArray(v)) throw new EngineError('bad-shape', `expected an array of ${n} numbers`, path);
  if (v.length !== n) throw new EngineError('bad-shape', `expected ${n} numbers, got ${v.length}`, path);
  return v.map((x, i) => num(x, `${path}[${i}]`));
}

/** Parses and checks a spec (unknown JSON) into a network with its weights and a sequence; throws EngineError. */
export function parseTraceSpec(raw: unknown): { net: Network; seq: Sequence; h0?: number[]; c0?: number[]; truncate: number; truncMode: TruncMode } {
  if (!isObj(raw)) throw new EngineError('bad-config', 'the spec must be a JSON object');
  const shape: ModelShape = {
    cell: raw.cell as CellKind,
    activation: (raw.activation ?? 'tanh') as Activation,
    recurrence: (raw.recurrence ?? 'on') as Recurrence,
    forgetGate: (raw.forgetGate ?? 'sigmoid') as ForgetGate,
    inputSize: raw.inputSize as number,
    hiddenSize: raw.hiddenSize as number,
    outputSize: raw.outputSize as number,
    head: raw.output as HeadKind,
  };
  const net = new Network(shape); // validates names and sizes
  const { inputSize: I, hiddenSize: H, outputSize: O } = shape;
  if (!isObj(raw.weights)) throw new EngineError('bad-config', 'expected an object of named weights', 'weights');
  const names = weightNames(shape.cell);
  for (const key of Object.keys(raw.weights)) {
    if (!names.includes(key)) throw new EngineError('unknown-name', `unknown weight "${key}" for a ${shape.cell} (expected ${names.join(', ')})`, 'weights');
  }
  const frozen = !net.recurrent;
  for (const b of net.layout.blocks) {
    const w = raw.weights[b.name];
    const path = `weights.${b.name}`;
    // Recurrence off holds the recurrent weights at zero: they may be left out, and given they must be zero.
    const held = frozen && b.role === 'recurrent';
    if (w === undefined && held) continue;
    if (w === undefined) throw new EngineError('bad-config', 'missing', path);
    if (b.vector) {
      net.theta.set(vec(w, b.rows, path), b.offset);
      continue;
    }
    if (!Array.isArray(w) || w.length !== b.rows) throw new EngineError('bad-shape', `expected ${b.rows} rows of ${b.cols}`, path);
    w.forEach((row, r) => net.theta.set(vec(row, b.cols, `${path}[${r}]`), b.offset + r * b.cols));
    if (held && net.theta.subarray(b.offset, b.offset + b.rows * b.cols).some((v) => v !== 0)) {
      throw new EngineError('bad-config', 'with recurrence off the recurrent weights are held at zero; give zeros or leave it out', path);
    }
  }
  if (!Array.isArray(raw.inputs)) throw new EngineError('bad-shape', 'expected an array of T input vectors', 'inputs');
  if (!Array.isArray(raw.targets)) throw new EngineError('bad-shape', 'expected an array of T targets', 'targets');
  const T = raw.inputs.length;
  if (T === 0) throw new EngineError('empty', 'the sequence is empty', 'inputs');
  if (raw.targets.length !== T) throw new EngineError('bad-shape', `expected ${T} targets (one per input, null for none), got ${raw.targets.length}`, 'targets');
  const inputs = new Float64Array(T * I);
  raw.inputs.forEach((x, t) => inputs.set(vec(x, I, `inputs[${t}]`), t * I));
  const mask = new Uint8Array(T);
  const targets = new Float64Array(shape.head === 'softmax' ? T : T * O);
  raw.targets.forEach((y, t) => {
    if (y === null) return;
    mask[t] = 1;
    if (shape.head === 'softmax') targets[t] = num(y, `targets[${t}]`);
    else targets.set(vec(y, O, `targets[${t}]`), t * O);
  });
  const seq: Sequence = { length: T, inputs, targets, mask, hot: oneHotIndices(inputs, T, I) };
  validateSequence(shape, seq, 'spec');
  const h0 = raw.h0 === undefined ? undefined : vec(raw.h0, H, 'h0');
  const c0 = raw.c0 === undefined ? undefined : vec(raw.c0, H, 'c0');
  if (c0 && shape.cell !== 'lstm') throw new EngineError('bad-config', `only an lstm has a cell state; remove c0 for a ${shape.cell}`, 'c0');
  for (const [name, v] of [['h0', h0], ['c0', c0]] as const) {
    if (frozen && v?.some((x) => x !== 0)) throw new EngineError('bad-config', 'with recurrence off every step starts from the zero state; give zeros or leave it out', name);
  }
  const truncate = raw.truncate === undefined ? 0 : num(raw.truncate, 'truncate');
  if (!Number.isInteger(truncate) || truncate < 0) throw new EngineError('bad-config', 'expected a non-negative integer (0 = full BPTT)', 'truncate');
  const truncMode = (raw.truncMode ?? 'chunk') as TruncMode;
  if (!TRUNC_MODES.includes(truncMode)) throw new EngineError('unknown-name', `unknown truncation mode "${String(raw.truncMode)}" (expected ${TRUNC_MODES.join(', ')})`, 'truncMode');
  return { net, seq, h0, c0, truncate, truncMode };
}

const rows = (a: Float64Array, o: number, n: number): number[] => Array.from(a.subarray(o, o + n));

/**
 * Evaluates a trace spec: forward, full (or truncated) BPTT, everything recorded, as plain JSON-ready numbers.
 * `grads` always has every weight name; with recurrence off the Wh· gradients are zeros (they multiply the zero state).
 */
export function runTrace(raw: unknown): TraceOutput {
  const { net, seq, h0, c0, truncate, truncMode } = parseTraceSpec(raw);
  const loss = net.forward(seq, h0, c0);
  if (!Number.isFinite(loss)) throw new EngineError('non-finite', `the forward pass overflowed: the loss is ${loss}; use smaller weights or inputs`);
  net.grad.fill(0);
  net.backward(seq, { record: true, truncate, truncMode });
  const T = seq.length;
  const Hn = net.shape.hiddenSize;
  const checks: [string, Float64Array, number][] = [['the gradient', net.grad, net.grad.length], ['dh', net.ws.dhRec, T * Hn], ['dc', net.ws.dcRec, net.shape.cell === 'lstm' ? T * Hn : 0], ['dh0', net.ws.dh0, Hn]];
  for (const [name, a, n] of checks) {
    for (let i = 0; i < n; i++) if (!Number.isFinite(a[i])) throw new EngineError('non-finite', `the backward pass overflowed: ${name} holds ${a[i]}; use smaller weights or inputs`);
  }
  const { ws, layout, shape } = net;
  const { hiddenSize: H, outputSize: O, cell } = shape;
  const gates = GATES[cell];
  const G = gates.length;
  const steps: TraceStep[] = [];
  for (let t = 0; t < seq.length; t++) {
    const g: Record<string, number[]> = {};
    if (cell !== 'rnn') gates.forEach((name, k) => (g[name] = rows(ws.act, t * G * H + k * H, H)));
    const step: TraceStep = { h: rows(ws.hs, (t + 1) * H, H), gates: g, y: rows(ws.ys, t * O, O), loss: seq.mask[t] ? ws.losses[t] : null };
    if (cell === 'lstm') step.c = rows(ws.cs, (t + 1) * H, H);
    if (shape.head === 'softmax') step.p = rows(ws.ps, t * O, O);
    steps.push(step);
  }
  const grads: Record<string, number[][] | number[]> = {};
  for (const b of layout.blocks) {
    grads[b.name] = b.vector ? rows(net.grad, b.offset, b.rows) : Array.from({ length: b.rows }, (_, r) => rows(net.grad, b.offset + r * b.cols, b.cols));
  }
  const out: TraceOutput = { loss, steps, dh: steps.map((_, t) => rows(ws.dhRec, t * H, H)), dh0: Array.from(ws.dh0), grads };
  if (cell === 'lstm') {
    out.dc = steps.map((_, t) => rows(ws.dcRec, t * H, H));
    out.dc0 = Array.from(ws.dc0);
  }
  return out;
}
