/**
 * Our engine's benchmark adapter: a Network and a Trainer (plain SGD, no clipping, BPTT as the workload says) on the
 * workload's data, on the Float64 reference kernels (`unrolled`) or the float32 WebAssembly ones (`unrolled-fast`).
 */
import { initialize, INIT_DEFAULTS } from '../../../src/engine/init';
import { Network } from '../../../src/engine/network';
import { Rng } from '../../../src/engine/rng';
import type { KernelPath } from '../../../src/engine/fast/choice';
import { Trainer } from '../../../src/engine/trainer';
import { DATA_SEED, engineSequences, LEARNING_RATE } from '../workloads';
import type { BenchEngine, PrepareOptions, Workload } from '../workloads';

/** Builds Unrolled's network for `w`; `step()` is one SGD step (forward, BPTT, update), recording when opts.record. */
export function prepare(w: Workload, opts: PrepareOptions): BenchEngine {
  return prepareOn(w, opts, 'reference');
}

/** The same on the given kernels; throws if they cannot run here (a fast column must never time the reference). */
export function prepareOn(w: Workload, opts: PrepareOptions, kernels: KernelPath): BenchEngine {
  const net = new Network({ cell: w.cell, activation: w.activation, inputSize: w.inputSize, hiddenSize: w.hiddenSize, outputSize: w.outputSize, head: 'softmax' });
  initialize(net, INIT_DEFAULTS, new Rng(DATA_SEED));
  const trainer = new Trainer(net, { optimizer: { kind: 'sgd', lr: LEARNING_RATE }, clip: { kind: 'none' }, truncate: w.truncate ?? 0, truncMode: w.truncMode, kernels });
  if (trainer.kernels !== kernels) throw new Error(`the ${kernels} kernels cannot run here`);
  const batch = engineSequences(w);
  const record = opts.record;
  return {
    step() {
      if (!trainer.trainBatch(batch, record)) throw new Error(trainer.divergence?.message ?? 'diverged');
    },
    loss() {
      // the loss on the fixed data with the current θ, by the reference forward pass
      let s = 0;
      for (const seq of batch) s += net.forward(seq);
      return s / batch.length;
    },
  };
}
