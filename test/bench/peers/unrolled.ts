/**
 * Our engine's benchmark adapter — a placeholder until the engine's training API lands; the lead replaces it.
 * The runner reports the engine as not available while this throws.
 */
import type { BenchEngine, PrepareOptions, Workload } from '../workloads';

/** Build Unrolled's network for `w`; `step()` will be one SGD step (forward, BPTT, update), recording per `opts`. */
export function prepare(_w: Workload, _opts: PrepareOptions): BenchEngine {
  throw new Error('unrolled adapter not written yet');
}
