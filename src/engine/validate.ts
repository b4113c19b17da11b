import { EngineError } from './errors';
import { ACTIVATIONS, CELLS, FORGET_GATES, HEADS, RECURRENCES } from './types';
import type { ModelShape, Sequence } from './types';

/** Hard limits the engine enforces whatever the UI allows: beyond them a browser tab would stall or run out of memory. */
export const LIMITS = {
  inputSize: { min: 1, max: 256 },
  hiddenSize: { min: 1, max: 256 },
  outputSize: { min: 1, max: 256 },
  sequenceLength: { min: 1, max: 2000 },
} as const;

/** Throws EngineError unless n is an integer in [min, max]. */
export function checkInt(n: unknown, min: number, max: number, path: string): number {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new EngineError(typeof n === 'number' ? 'non-finite' : 'bad-config', `expected an integer in [${min}, ${max}], got ${String(n)}`, path);
  if (!Number.isInteger(n) || n < min || n > max) throw new EngineError('bad-config', `expected an integer in [${min}, ${max}], got ${n}`, path);
  return n;
}

/** Throws EngineError unless the shape names a known cell, activation, recurrence, forget gate and head with sizes within LIMITS. */
export function validateShape(s: ModelShape): void {
  if (!CELLS.includes(s.cell)) throw new EngineError('unknown-name', `unknown cell "${String(s.cell)}" (expected ${CELLS.join(', ')})`, 'cell');
  if (!ACTIVATIONS.includes(s.activation)) throw new EngineError('unknown-name', `unknown activation "${String(s.activation)}" (expected ${ACTIVATIONS.join(', ')})`, 'activation');
  if (s.recurrence !== undefined && !RECURRENCES.includes(s.recurrence)) throw new EngineError('unknown-name', `unknown recurrence "${String(s.recurrence)}" (expected ${RECURRENCES.join(', ')})`, 'recurrence');
  if (s.forgetGate !== undefined && !FORGET_GATES.includes(s.forgetGate)) throw new EngineError('unknown-name', `unknown forget gate "${String(s.forgetGate)}" (expected ${FORGET_GATES.join(', ')})`, 'forgetGate');
  if (!HEADS.includes(s.head)) throw new EngineError('unknown-name', `unknown output "${String(s.head)}" (expected ${HEADS.join(', ')})`, 'output');
  checkInt(s.inputSize, LIMITS.inputSize.min, LIMITS.inputSize.max, 'inputSize');
  checkInt(s.hiddenSize, LIMITS.hiddenSize.min, LIMITS.hiddenSize.max, 'hiddenSize');
  checkInt(s.outputSize, LIMITS.outputSize.min, LIMITS.outputSize.max, 'outputSize');
}

/** Throws EngineError unless `seq` fits the shape: sizes, finite inputs and targets, class indices in range, a 0/1 mask with one scored step at least. */
export function validateSequence(shape: ModelShape, seq: Sequence, path = 'sequence'): void {
  const T = seq.length;
  if (T === 0) throw new EngineError('empty', 'the sequence is empty', path);
  checkInt(T, LIMITS.sequenceLength.min, LIMITS.sequenceLength.max, `${path}.length`);
  const { inputSize: I, outputSize: O } = shape;
  if (seq.inputs.length !== T * I) throw new EngineError('bad-shape', `inputs hold ${seq.inputs.length} numbers, expected T·inputSize = ${T * I}`, path);
  if (seq.mask.length !== T) throw new EngineError('bad-shape', `mask has ${seq.mask.length} entries, expected ${T}`, path);
  const tlen = shape.head === 'softmax' ? T : T * O;
  if (seq.targets.length !== tlen) throw new EngineError('bad-shape', `targets hold ${seq.targets.length} numbers, expected ${tlen}`, path);
  for (let i = 0; i < seq.inputs.length; i++) {
    if (!Number.isFinite(seq.inputs[i])) throw new EngineError('non-finite', `input at step ${Math.floor(i / I)} is ${seq.inputs[i]}`, path);
  }
  let scored = 0;
  for (let t = 0; t < T; t++) {
    if (seq.mask[t] !== 1) continue;
    scored++;
    if (shape.head === 'softmax') {
      const k = seq.targets[t];
      if (!Number.isInteger(k) || k < 0 || k >= O) throw new EngineError('bad-shape', `target at step ${t} is ${k}, expected a class index in [0, ${O - 1}]`, path);
    } else {
      for (let r = 0; r < O; r++) {
        if (!Number.isFinite(seq.targets[t * O + r])) throw new EngineError('non-finite', `target at step ${t} is ${seq.targets[t * O + r]}`, path);
      }
    }
  }
  if (scored === 0) throw new EngineError('empty', 'no step has a target, so there is no loss to learn from', path);
  if (seq.hot) {
    if (seq.hot.length !== T) throw new EngineError('bad-shape', `hot has ${seq.hot.length} entries, expected ${T}`, path);
    for (let t = 0; t < T; t++) {
      const k = seq.hot[t];
      if (k < 0) continue;
      for (let j = 0; j < I; j++) {
        if (seq.inputs[t * I + j] !== (j === k ? 1 : 0)) throw new EngineError('bad-shape', `step ${t} is marked one-hot at ${k} but its input is not`, path);
      }
    }
  }
}

/** The one-hot index of each step's input (−1 where x_t is not one-hot), for Sequence.hot. */
export function oneHotIndices(inputs: Float64Array, T: number, I: number): Int32Array {
  const hot = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    let k = -1;
    for (let j = 0; j < I; j++) {
      const v = inputs[t * I + j];
      if (v === 0) continue;
      if (v === 1 && k === -1) k = j;
      else {
        k = -2;
        break;
      }
    }
    hot[t] = k >= 0 ? k : -1;
  }
  return hot;
}
