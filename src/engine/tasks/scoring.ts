/** Metrics shared by the tasks: mean squared error on scored steps, persistence, accuracy. */
import type { Sequence } from '../types';
import { argmax, checkOutputs } from './sequence';
import type { TaskMetric } from './task';

/** (1/N) Σ (y_t − target_t)² over the scored steps of every sequence (one output per step). */
export function scoredMse(evalSet: readonly Sequence[], outputs: readonly Float64Array[]): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < evalSet.length; i++) {
    const seq = evalSet[i];
    for (let t = 0; t < seq.length; t++) {
      if (seq.mask[t] !== 1) continue;
      const e = outputs[i][t] - seq.targets[t];
      sum += e * e;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

/** The MSE of the persistence forecast ŝ_{t+1} = s_t, i.e. of answering the input x_t, on a one-input set. */
export function persistenceMse(evalSet: readonly Sequence[]): number {
  return scoredMse(evalSet, evalSet.map((s) => s.inputs));
}

/** Fraction of scored steps where argmax_r p_t[r] equals the class target (ties go to the lowest index). */
export function scoredAccuracy(evalSet: readonly Sequence[], outputs: readonly Float64Array[], outputSize: number): number {
  let hits = 0;
  let n = 0;
  for (let i = 0; i < evalSet.length; i++) {
    const seq = evalSet[i];
    for (let t = 0; t < seq.length; t++) {
      if (seq.mask[t] !== 1) continue;
      if (argmax(outputs[i], t * outputSize, outputSize) === seq.targets[t]) hits++;
      n++;
    }
  }
  return n === 0 ? 0 : hits / n;
}

/** Next-value prediction's metric: MSE on the scored steps against the persistence forecast's MSE on the same set. */
export function persistenceMetric(name: string, evalSet: readonly Sequence[], outputs: readonly Float64Array[], persistence: number): TaskMetric {
  checkOutputs(outputs, evalSet, 1);
  return { name, value: scoredMse(evalSet, outputs), baseline: persistence, baselineName: 'persistence (repeat the last value)', higherIsBetter: false };
}
