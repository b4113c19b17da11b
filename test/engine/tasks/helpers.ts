/** Shared test helpers: outputs a perfect or a uniform predictor would give on a task's eval set. */
import type { Task } from '../../../src/engine/tasks/task';
import type { Sequence } from '../../../src/engine/types';

/** Softmax head: p_t = e_{target_t} at scored steps (uniform elsewhere); linear head: y_t = target_t. */
export function perfectOutputs(task: Task): Float64Array[] {
  return task.evalSet().map((seq) => {
    const O = task.outputSize;
    const out = new Float64Array(seq.length * O);
    for (let t = 0; t < seq.length; t++) {
      if (task.head === 'softmax') {
        if (seq.mask[t] === 1) out[t * O + seq.targets[t]] = 1;
        else out.fill(1 / O, t * O, (t + 1) * O);
      } else {
        for (let r = 0; r < O; r++) out[t * O + r] = seq.targets[t * O + r];
      }
    }
    return out;
  });
}

/** p_t = 1/O everywhere (softmax head). */
export function uniformOutputs(task: Task): Float64Array[] {
  return task.evalSet().map((seq) => new Float64Array(seq.length * task.outputSize).fill(1 / task.outputSize));
}

/** Every step's input index when the inputs are one-hot, checking the row has exactly one 1. */
export function oneHotIndices(seq: Sequence, inputSize: number): number[] {
  const idx: number[] = [];
  for (let t = 0; t < seq.length; t++) {
    let ones = 0;
    let at = -1;
    for (let r = 0; r < inputSize; r++) {
      const v = seq.inputs[t * inputSize + r];
      if (v === 1) {
        ones++;
        at = r;
      } else if (v !== 0) return [];
    }
    idx.push(ones === 1 ? at : -1);
  }
  return idx;
}

/** Plain arrays of a sequence's fields, for deep equality. */
export function plain(seq: Sequence): object {
  return { length: seq.length, inputs: [...seq.inputs], targets: [...seq.targets], mask: [...seq.mask], hot: seq.hot ? [...seq.hot] : null };
}
