/**
 * Sanity check run by hand (not a timed test): does each engine actually learn on each workload?
 * Prints, per engine and workload, the mean cross-entropy on the fixed data before and after N benchmark steps.
 * Usage: npx tsx test/bench/check-learning.ts [--engines=brain.js,tfjs,unrolled,unrolled-fast] [--workloads=a,b,c,d] [--steps=200]
 * Exit code 1 if any engine's loss did not go down (or an engine has no `loss()`).
 * Known: brain.js's LSTM under plain SGD first gains loss for a few hundred steps (its bias gradients are overwritten
 * by one time step instead of summed; freezing its biases removes the rise), then learns: try --steps=1000.
 */
import type { Prepare } from './workloads';
import { WORKLOADS, describe, workloadById } from './workloads';

const ADAPTERS: Record<string, () => Promise<{ prepare: Prepare }>> = {
  unrolled: () => import('./peers/unrolled'),
  'unrolled-fast': () => import('./peers/unrolled-fast'),
  'brain.js': () => import('./peers/brainjs'),
  tfjs: () => import('./peers/tfjs'),
};

const args = process.argv.slice(2);
const opt = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const engines = (opt('engines') ?? 'brain.js,tfjs,unrolled,unrolled-fast').split(',');
const workloads = opt('workloads')?.split(',').map(workloadById) ?? WORKLOADS;
const steps = Number(opt('steps') ?? 200);

let failed = false;
for (const name of engines) {
  const load = ADAPTERS[name];
  if (!load) throw new Error(`unknown engine "${name}"`);
  const { prepare } = await load();
  for (const w of workloads) {
    if (w.unrolledOnly && !name.startsWith('unrolled')) continue;
    try {
      const engine = await prepare(w, { record: false });
      if (!engine.loss) throw new Error('the adapter has no loss()');
      const before = engine.loss();
      for (let k = 0; k < steps; k++) engine.step();
      const after = engine.loss();
      const ok = Number.isFinite(after) && after < before;
      failed ||= !ok;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(9)} ${w.id} ${describe(w).padEnd(34)} loss ${before.toFixed(4)} → ${after.toFixed(4)} after ${steps} steps`);
    } catch (e) {
      failed = true;
      console.log(`FAIL ${name.padEnd(9)} ${w.id} ${describe(w).padEnd(34)} ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
process.exitCode = failed ? 1 : 0;
