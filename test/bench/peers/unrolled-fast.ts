/** Our engine on its fast kernels (float32 WebAssembly SIMD, src/engine/fast): the `unrolled-fast` column. */
import type { BenchEngine, PrepareOptions, Workload } from '../workloads';
import { prepareOn } from './unrolled';

/** Builds Unrolled's network for `w` on the fast kernels; `step()` is one SGD step (forward, BPTT, update). */
export function prepare(w: Workload, opts: PrepareOptions): BenchEngine {
  return prepareOn(w, opts, 'fast');
}
