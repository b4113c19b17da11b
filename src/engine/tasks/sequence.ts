/** Allocation of task sequences and validation of the outputs a network returns for them. */
import { EngineError } from '../errors';
import type { Sequence } from '../types';

/**
 * A zeroed sequence of T steps: inputs T×inputSize, targets T×targetWidth (1 for a softmax
 * class index), mask all 0 (nothing scored yet), and `hot` filled with −1 when one-hot inputs are promised.
 */
export function newSequence(T: number, inputSize: number, targetWidth: number, oneHot: boolean): Sequence {
  const seq: Sequence = {
    length: T,
    inputs: new Float64Array(T * inputSize),
    targets: new Float64Array(T * targetWidth),
    mask: new Uint8Array(T),
  };
  if (oneHot) seq.hot = new Int32Array(T).fill(-1);
  return seq;
}

/** Sets x_t = e_k (one-hot at k) in a sequence whose inputs are one-hot, and records k in `hot`. */
export function setOneHot(seq: Sequence, inputSize: number, t: number, k: number): void {
  seq.inputs[t * inputSize + k] = 1;
  if (seq.hot) seq.hot[t] = k;
}

/**
 * Throws unless there is one output per evaluation sequence, each of length T×outputSize and finite
 * on the scored steps (NaN outputs of a diverged network are refused, never averaged into a metric).
 */
export function checkOutputs(outputs: readonly Float64Array[], evalSet: readonly Sequence[], outputSize: number): void {
  if (!Array.isArray(outputs) || outputs.length !== evalSet.length) {
    throw new EngineError('bad-shape', `expected ${evalSet.length} output arrays (one per evaluation sequence), got ${Array.isArray(outputs) ? outputs.length : typeof outputs}`, 'outputs');
  }
  for (let i = 0; i < evalSet.length; i++) {
    const out = outputs[i];
    const seq = evalSet[i];
    const want = seq.length * outputSize;
    if (!(out instanceof Float64Array) || out.length !== want) {
      throw new EngineError('bad-shape', `must be a Float64Array of ${seq.length}×${outputSize} = ${want} numbers, got ${out instanceof Float64Array ? out.length : typeof out}`, `outputs[${i}]`);
    }
    for (let t = 0; t < seq.length; t++) {
      if (seq.mask[t] !== 1) continue;
      for (let r = 0; r < outputSize; r++) {
        const v = out[t * outputSize + r];
        if (!Number.isFinite(v)) throw new EngineError('non-finite', `step ${t} holds ${v}, a finite number is required`, `outputs[${i}]`);
      }
    }
  }
}

/** argmax_r v[offset + r] for r = 0…size−1 (the first index on ties). */
export function argmax(v: ArrayLike<number>, offset: number, size: number): number {
  let best = 0;
  for (let r = 1; r < size; r++) if (v[offset + r] > v[offset + best]) best = r;
  return best;
}

/** Throws `bad-config` unless 0 ≤ t < seq.length (a step index asked for by a view). */
export function checkStep(seq: Sequence, t: number): void {
  if (!Number.isInteger(t) || t < 0 || t >= seq.length) {
    throw new EngineError('bad-config', `step ${t} is outside 0…${seq.length - 1}`, 't');
  }
}
