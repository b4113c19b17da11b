/**
 * Random valid trace specs for comparing implementations: small sizes and modest weights, so that a
 * float32 reference stays accurate to about 1e-6 relative.
 */
import type { Rng } from '../../../src/engine/rng';
import { weightNames, type TraceActivation, type TraceCell, type TraceForgetGate, type TraceHead, type TraceRecurrence, type TraceSpec } from './trace-types';

/** Choices a caller may fix; anything left out is drawn at random. */
export interface RandomSpecOptions {
  cell?: TraceCell;
  /** rnn only */
  activation?: TraceActivation;
  output?: TraceHead;
  /** give h0 (and c0 for lstm) explicitly rather than leaving them to default to zeros */
  initialState?: boolean;
  /** σ of the N(0, σ²) weights; 0.5 unless given */
  weightScale?: number;
  /** set in the spec when given; 'off' makes every Wh· zero and leaves h0, c0 out */
  recurrence?: TraceRecurrence;
  /** set in the spec when given (lstm) */
  forgetGate?: TraceForgetGate;
}

const CELL_LIST: TraceCell[] = ['rnn', 'lstm', 'gru'];
const ACTIVATION_LIST: TraceActivation[] = ['tanh', 'relu', 'sigmoid', 'linear'];
const HEAD_LIST: TraceHead[] = ['softmax', 'linear'];

/** An integer uniform on {lo, …, hi}. */
const between = (rng: Rng, lo: number, hi: number): number => lo + rng.int(hi - lo + 1);
/** A vector of n draws from N(0, σ²). */
const normals = (rng: Rng, n: number, sigma: number): number[] => Array.from({ length: n }, () => rng.normal(0, sigma));

/**
 * A spec with input 1–4, hidden 1–5, output 1–4, T 1–7, weights ~ N(0, σ²), inputs ~ N(0, 1),
 * about 30% null targets (at least one step scored), h0/c0 present or absent.
 */
export function randomSpec(rng: Rng, opts: RandomSpecOptions = {}): TraceSpec {
  const cell = opts.cell ?? CELL_LIST[rng.int(CELL_LIST.length)];
  const output = opts.output ?? HEAD_LIST[rng.int(HEAD_LIST.length)];
  const off = opts.recurrence === 'off';
  const initialState = !off && (opts.initialState ?? rng.next() < 0.5);
  const sigma = opts.weightScale ?? 0.5;
  const I = between(rng, 1, 4);
  const H = between(rng, 1, 5);
  const O = between(rng, 1, 4);
  const T = between(rng, 1, 7);

  const weights: Record<string, number[][] | number[]> = {};
  for (const name of weightNames(cell)) {
    const rows = name === 'Why' || name === 'by' ? O : H;
    const cols = name.startsWith('Wx') ? I : name.startsWith('W') ? H : 0; // Wh· and Why read h; b· and by are vectors
    weights[name] = cols === 0 ? normals(rng, rows, sigma) : Array.from({ length: rows }, () => normals(rng, cols, sigma));
    if (off && name.startsWith('Wh') && name !== 'Why') weights[name] = (weights[name] as number[][]).map((r) => r.map(() => 0));
  }

  const inputs = Array.from({ length: T }, () => normals(rng, I, 1));
  const scored = Array.from({ length: T }, () => rng.next() >= 0.3);
  if (!scored.some(Boolean)) scored[rng.int(T)] = true;
  const targets = scored.map((s) => (!s ? null : output === 'softmax' ? rng.int(O) : normals(rng, O, 1)));

  const spec: TraceSpec = { cell, inputSize: I, hiddenSize: H, outputSize: O, output, weights, inputs, targets };
  if (cell === 'rnn') spec.activation = opts.activation ?? ACTIVATION_LIST[rng.int(ACTIVATION_LIST.length)];
  if (opts.recurrence) spec.recurrence = opts.recurrence;
  if (opts.forgetGate) spec.forgetGate = opts.forgetGate;
  if (initialState) {
    spec.h0 = normals(rng, H, 0.5);
    if (cell === 'lstm') spec.c0 = normals(rng, H, 0.5);
  }
  return spec;
}

/**
 * The two model options, per head: recurrence off for every cell and activation, and the LSTM's tanh forget gate
 * with recurrence on and off: 2 · (4 rnn + lstm + gru + 2 tanh-gate lstm) = 16.
 */
export function optionVariants(): RandomSpecOptions[] {
  const out: RandomSpecOptions[] = [];
  for (const output of HEAD_LIST) {
    for (const activation of ACTIVATION_LIST) out.push({ cell: 'rnn', activation, output, recurrence: 'off' });
    out.push({ cell: 'lstm', output, recurrence: 'off' }, { cell: 'gru', output, recurrence: 'off' });
    out.push({ cell: 'lstm', output, forgetGate: 'tanh' }, { cell: 'lstm', output, forgetGate: 'tanh', recurrence: 'off' });
  }
  return out;
}

/** Every (cell, activation, head) combination the contract allows: 4·2 rnn + 2 lstm + 2 gru = 12. */
export function allVariants(): RandomSpecOptions[] {
  const out: RandomSpecOptions[] = [];
  for (const output of HEAD_LIST) {
    for (const activation of ACTIVATION_LIST) out.push({ cell: 'rnn', activation, output });
    out.push({ cell: 'lstm', output }, { cell: 'gru', output });
  }
  return out;
}
