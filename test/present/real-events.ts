import { normalizeConfig } from '../../src/engine/config';
import type { Frame, TaskOutput, WorkerEvent } from '../../src/worker/protocol';
import { loopHarness } from '../worker/loop-harness';

/**
 * Worker events made by the real worker code (the SessionLoop on real sessions, loop-harness.ts), for the channel
 * parsers' tests: what an owner window really relays, not a guess at it. Cached: each run is made once per file.
 */
const CSV = Array.from({ length: 120 }, (_, i) => (Math.sin(i / 5) * 3 + i / 40).toFixed(3)).join('\n');

export const TASKS = {
  text: { kind: 'text' },
  sine: { kind: 'sine' },
  echo: { kind: 'echo' },
  adding: { kind: 'adding' },
  series: { kind: 'series', csv: CSV, seqLength: 16, holdout: 30 },
  translate: { kind: 'translate' },
  caption: { kind: 'caption' },
} as const;
export type TaskName = keyof typeof TASKS;

const cache = new Map<string, WorkerEvent[]>();

/** The events of a run of `task` with `cell`: ready, a few frames (the first with every costly part), an export, a benchmark, a surface. */
export function realEvents(task: TaskName, cell: 'rnn' | 'lstm' | 'gru' = 'lstm', extra: Record<string, unknown> = {}): WorkerEvent[] {
  const key = `${task}/${cell}/${JSON.stringify(extra)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { config, notes } = normalizeConfig({ task: TASKS[task], model: { cell, hiddenSize: 6 }, batch: 2, seed: 3, ...extra });
  if (notes.length > 0) throw new Error(`a test config the engine repairs: ${notes.join(' ')}`);
  const h = loopHarness(config);
  h.send({ type: 'inspect', runId: 1, sample: 1, tau: null });
  h.send({ type: 'step', runId: 1 });
  h.send({ type: 'trainTo', runId: 1, step: 6 });
  h.run(400);
  h.send({ type: 'exportRun', runId: 1, requestId: 9 });
  h.send({ type: 'benchmark', runId: 1, requestId: 4, cells: ['rnn', 'gru'], budgetMs: 20 });
  h.send({ type: 'trainTo', runId: 1, step: 2 });
  h.run(400);
  const events = h.events.slice();
  cache.set(key, events);
  return events;
}

/** A real error surface, with descents, restarts and annealing. */
export function realSurface(): WorkerEvent {
  const h = loopHarness(normalizeConfig({}).config);
  h.send({ type: 'surface', runId: 7, request: { wRange: [-2, 8], bRange: [-6, 2], nw: 12, nb: 9, start: { w: 3, b: -1 }, lr: 0.5, steps: 30, clip: 1, restarts: { n: 4 }, annealing: { steps: 40, stepSize: 0.3, t0: 1, t1: 0.01 }, seed: 5 } });
  h.run(50);
  const e = h.events.find((x) => x.type === 'surface');
  if (!e) throw new Error('no surface answer');
  return e;
}

/** A real run that diverges (a ReLU RNN with a huge learning rate, no clipping): ready, frames, its divergence. */
export function divergingEvents(): WorkerEvent[] {
  const hit = cache.get('diverging');
  if (hit) return hit;
  const { config } = normalizeConfig({ task: { kind: 'echo' }, model: { cell: 'rnn', activation: 'relu', hiddenSize: 16 }, optimizer: { kind: 'sgd', lr: 10 }, init: { scale: 5 }, clip: { kind: 'none' } });
  const h = loopHarness(config);
  h.send({ type: 'trainTo', runId: 1, step: 300 });
  h.run(2000);
  cache.set('diverging', h.events.slice());
  return h.events.slice();
}

export const framesOf = (events: WorkerEvent[]): Frame[] => events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));

/** The first frame of a run whose output is of this kind. */
export function frameWith<K extends TaskOutput['kind']>(task: TaskName, kind: K, cell: 'rnn' | 'lstm' | 'gru' = 'lstm'): Frame & { output: Extract<TaskOutput, { kind: K }> } {
  const f = framesOf(realEvents(task, cell)).find((x) => x.output?.kind === kind);
  if (!f) throw new Error(`no ${kind} output in a ${task} run`);
  return f as Frame & { output: Extract<TaskOutput, { kind: K }> };
}
