/**
 * One benchmark cell in its own process: build one engine on one workload, warm up, then time `reps` repetitions
 * of `seconds` each and print one JSON line to stdout:
 *   {"engine", "workload", "stepsPerSec": median over reps, "reps": [steps/s of each rep], "steps": total timed, "warmupSteps"}
 * Usage: node --expose-gc --import tsx test/bench/child.ts --engine=tfjs --workload=a [--record] [--seconds=1.5] [--reps=5] [--warmup=1]
 * Errors go to stderr (first line = the message) with exit code 1.
 */
import type { BenchEngine, Prepare } from './workloads';
import { workloadById } from './workloads';

/** Adapter module of each engine name (loaded lazily, so a child loads only its own engine's library). */
const ADAPTERS: Record<string, () => Promise<{ prepare: Prepare }>> = {
  unrolled: () => import('./peers/unrolled'),
  'unrolled-fast': () => import('./peers/unrolled-fast'),
  'brain.js': () => import('./peers/brainjs'),
  tfjs: () => import('./peers/tfjs'),
};

/** Median of a non-empty list (mean of the middle two for an even count). */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Steps per second over one timed window of at least `seconds` (and at least `minSteps` steps). */
function timeSteps(engine: BenchEngine, seconds: number, minSteps: number): { steps: number; rate: number } {
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let n = 0;
  let now: number;
  // Reading the clock costs ~0.05 µs against ≥ ~50 µs per step, so checking it every step is free.
  do {
    engine.step();
    n++;
    now = performance.now();
  } while (now < end || n < minSteps);
  return { steps: n, rate: n / ((now - t0) / 1000) };
}

function flag(args: readonly string[], name: string): string | undefined {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a === undefined ? undefined : a.slice(name.length + 3);
}

function positive(args: readonly string[], name: string, fallback: number): number {
  const raw = flag(args, name);
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return v;
}

async function main(args: readonly string[]): Promise<void> {
  const engineName = flag(args, 'engine') ?? '';
  const load = ADAPTERS[engineName];
  if (!load) throw new Error(`unknown engine "${engineName}" (known: ${Object.keys(ADAPTERS).join(', ')})`);
  const workload = workloadById(flag(args, 'workload') ?? '');
  const record = args.includes('--record');
  const seconds = positive(args, 'seconds', 1.5);
  const reps = Math.round(positive(args, 'reps', 5));
  const warmup = positive(args, 'warmup', 1);

  const { prepare } = await load();
  const engine = await prepare(workload, { record });
  const gc = (globalThis as { gc?: () => void }).gc;
  const warm = timeSteps(engine, warmup, 10); // ≥ 10 steps: the slowest peer does ~15 steps/s on workload b
  const rates: number[] = [];
  let steps = 0;
  for (let r = 0; r < reps; r++) {
    gc?.(); // start each repetition without the previous one's garbage
    const { steps: n, rate } = timeSteps(engine, seconds, 1);
    rates.push(rate);
    steps += n;
  }
  const line = {
    engine: record ? `${engineName}+record` : engineName,
    workload: workload.id,
    stepsPerSec: median(rates),
    reps: rates,
    steps,
    warmupSteps: warm.steps,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${e instanceof Error ? (e.stack ?? '') : ''}\n`);
  process.exitCode = 1;
});
