/**
 * `npm run bench`: Unrolled and its peers (brain.js, TF.js cpu) on the same workloads, one child process per
 * (engine, workload), run one after another (never in parallel: the machine has 2 cores).
 *
 * Flags: --json (one JSON line per engine and workload on stdout, nothing else), --engines=unrolled,unrolled-fast,brain.js,tfjs,
 * --workloads=a,b,c,d,h, --seconds=N (per timed repetition, default 1.5), --reps=N (default 5),
 * --warmup=N (seconds, default 1), --no-record (skip the unrolled+record run that `unrolled` implies).
 * A child that fails is reported with the first line of its stderr; the others still run.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WORKLOADS, describe, workloadById } from './workloads';
import type { Workload } from './workloads';

/** Engine names accepted by --engines, in column order: ours on its reference and on its fast kernels, then the peers. */
const ENGINES = ['unrolled', 'unrolled-fast', 'brain.js', 'tfjs'] as const;
const PEERS = ['brain.js', 'tfjs'];
const KNOWN_FLAGS = ['json', 'engines', 'workloads', 'seconds', 'reps', 'warmup', 'no-record'];

/** The outcome of one (engine, workload) child: its median steps/s, or why it has none. */
interface Cell {
  engine: string;
  workload: string;
  stepsPerSec: number | null;
  error?: string;
}

interface Options {
  json: boolean;
  engines: string[];
  workloads: Workload[];
  record: boolean;
  childArgs: string[];
  seconds: number;
  reps: number;
  warmup: number;
}

function parseArgs(args: readonly string[]): Options {
  const value = (name: string): string | undefined =>
    args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  for (const a of args) {
    const name = a.replace(/^--/, '').split('=')[0];
    if (!a.startsWith('--') || !KNOWN_FLAGS.includes(name)) throw new Error(`unknown argument "${a}" (flags: ${KNOWN_FLAGS.map((f) => `--${f}`).join(' ')})`);
  }
  const engines = value('engines')?.split(',') ?? [...ENGINES];
  for (const e of engines) {
    if (!(ENGINES as readonly string[]).includes(e)) throw new Error(`unknown engine "${e}" (known: ${ENGINES.join(', ')})`);
  }
  const num = (name: string, fallback: number): number => {
    const v = Number(value(name) ?? fallback);
    if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
    return v;
  };
  const seconds = num('seconds', 1.5);
  const reps = Math.round(num('reps', 5));
  const warmup = num('warmup', 1);
  return {
    json: args.includes('--json'),
    engines: ENGINES.filter((e) => engines.includes(e)),
    workloads: value('workloads')?.split(',').map(workloadById) ?? [...WORKLOADS],
    record: !args.includes('--no-record'),
    childArgs: [`--seconds=${seconds}`, `--reps=${reps}`, `--warmup=${warmup}`],
    seconds,
    reps,
    warmup,
  };
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const childPath = fileURLToPath(new URL('./child.ts', import.meta.url));

/** Run one engine on one workload in a fresh Node process and read its JSON line. */
function runChild(engine: string, w: Workload, record: boolean, o: Options): Cell {
  const name = record ? `${engine}+record` : engine;
  const args = ['--expose-gc', '--import', 'tsx', childPath, `--engine=${engine}`, `--workload=${w.id}`, ...o.childArgs];
  if (record) args.push('--record');
  const budget = (o.warmup + o.reps * o.seconds + 60) * 1000; // start-up, warm-up, reps, generous slack
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: budget });
  const line = r.stdout?.split('\n').reverse().find((l) => l.startsWith('{'));
  if (r.status === 0 && line) {
    const parsed = JSON.parse(line) as { stepsPerSec: number };
    return { engine: name, workload: w.id, stepsPerSec: parsed.stepsPerSec };
  }
  const why = r.error?.message ?? r.stderr?.split('\n').find((l) => l.trim() !== '') ?? `exit code ${r.status}`;
  return { engine: name, workload: w.id, stepsPerSec: null, error: why };
}

/** A number of steps/s for the table: 3 significant figures, thousands separated. */
function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined) return 'n/a';
  return Number(x.toPrecision(3)).toLocaleString('en-US');
}

function pad(s: string, n: number, left = false): string {
  return left ? s.padEnd(n) : s.padStart(n);
}

function printTable(cells: Cell[], o: Options, wallSeconds: number, load: [number, number]): void {
  const get = (engine: string, w: string): number | null =>
    cells.find((c) => c.engine === engine && c.workload === w)?.stepsPerSec ?? null;
  const columns = o.engines.flatMap((e) => (e === 'unrolled' && o.record ? ['unrolled', 'unrolled+record'] : [e]));
  const fast = o.engines.includes('unrolled-fast');
  const ratioNames = ['unrolled/best peer', ...(fast ? ['fast/best peer', 'fast/unrolled'] : []), 'record overhead'];
  const header = [pad('workload', 50, true), ...columns.map((c) => pad(c, 16)), ...ratioNames.map((r) => pad(r, 20))];
  const lines = [header.join('')];
  const ratio = (a: number | null, b: number | null): string => (a !== null && b !== null ? `${(a / b).toFixed(2)}×` : 'n/a');
  for (const w of o.workloads) {
    const plain = get('unrolled', w.id);
    const rec = get('unrolled+record', w.id);
    const quick = get('unrolled-fast', w.id);
    const peers = PEERS.map((p) => get(p, w.id)).filter((x): x is number => x !== null);
    const best = peers.length ? Math.max(...peers) : null;
    const overhead = plain !== null && rec !== null ? `${((1 - rec / plain) * 100).toFixed(1)} %` : 'n/a';
    const ratios = [ratio(plain, best), ...(fast ? [ratio(quick, best), ratio(quick, plain)] : []), overhead];
    lines.push([pad(`${w.id}  ${describe(w)}`, 50, true), ...columns.map((c) => pad(fmt(get(c, w.id)), 16)), ...ratios.map((r) => pad(r, 20))].join(''));
  }
  const cpu = cpus();
  console.log(`Training steps per second (one step = forward + BPTT (full unless the workload truncates) + SGD update on one batch), higher is better.`);
  console.log(`Median of ${o.reps} × ${o.seconds} s after ${o.warmup} s warm-up, one process per cell; Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}.\n`);
  console.log(lines.join('\n'));
  // the truncation workloads against full BPTT on the same network and data (same run: ratios are steadier than rates)
  const full = o.workloads.find((w) => w.unrolledOnly && !w.truncate);
  const truncated = o.workloads.filter((w) => w.unrolledOnly && w.truncate && full && w.T === full.T && w.hiddenSize === full.hiddenSize);
  const fullRate = full ? get('unrolled', full.id) : null;
  if (full && fullRate !== null && truncated.length) {
    const parts = truncated.map((w) => {
      const r = get('unrolled', w.id);
      return `${w.id} (${w.truncMode === 'window' ? 'window' : 'chunks'} of ${w.truncate}) ${r === null ? 'n/a' : `${(r / fullRate).toFixed(2)}×`}`;
    });
    console.log(`\nTruncated vs full BPTT (${full.id}), unrolled steps/s: ${parts.join(', ')}.`);
  }
  const failures = cells.filter((c) => c.error !== undefined);
  if (failures.length) {
    console.log('\nNot available:');
    for (const f of failures) console.log(`  ${f.engine} on ${f.workload}: ${f.error}`);
  }
  console.log(`\nRecord overhead = 1 − (unrolled+record)/unrolled. Total wall time ${wallSeconds.toFixed(0)} s.`);
  console.log(`1-minute load average: ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end (${cpus().length} cores).`);
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const load0 = loadavg()[0];
  const cells: Cell[] = [];
  for (const w of o.workloads) {
    for (const engine of o.engines) {
      if (w.unrolledOnly && !engine.startsWith('unrolled')) continue; // the peers have no truncated BPTT
      for (const record of engine === 'unrolled' && o.record ? [false, true] : [false]) {
        const cell = runChild(engine, w, record, o);
        cells.push(cell);
        if (o.json) {
          const { engine: e, workload, stepsPerSec, error } = cell;
          console.log(JSON.stringify(error === undefined ? { engine: e, workload, stepsPerSec } : { engine: e, workload, stepsPerSec, error }));
        } else {
          process.stderr.write(`  ${w.id} ${cell.engine}: ${cell.error === undefined ? `${fmt(cell.stepsPerSec)} steps/s` : `failed (${cell.error})`}\n`);
        }
      }
    }
  }
  if (!o.json) printTable(cells, o, (performance.now() - t0) / 1000, [load0, loadavg()[0]]);
}

try {
  main();
} catch (e) {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
