/**
 * Real records for the gates tests, from the engine (no hand-made fakes): small echo runs trained a few
 * dozen steps so the gates are no longer at their initial ½, and a frame to put one in a store.
 */
import { Session } from '../../../src/engine/session';
import type { InspectRecord } from '../../../src/engine/session';
import type { CellKind } from '../../../src/engine/types';
import type { Frame } from '../../../src/worker/protocol';
import { frameWith } from '../frames';

const cache = new Map<string, InspectRecord>();

/** Echo (lag 6, 3 symbols), 6 hidden units, seed 4, trained `steps` steps; the record of evaluation sample `sample`. */
export function echoRecord(cell: CellKind, steps = 40, sample = 0): InspectRecord {
  const key = `${cell}/${steps}/${sample}`;
  let r = cache.get(key);
  if (!r) {
    const s = new Session({ task: { kind: 'echo', lag: 6, symbols: 3 }, model: { cell, hiddenSize: 6 }, seed: 4 });
    s.train(steps);
    r = s.inspect(sample);
    cache.set(key, r);
  }
  return r;
}

/** A frame carrying `record`, as the worker would send it. */
export function frameOf(record: InspectRecord, step = 40): Frame {
  return frameWith(record, step);
}

/** A hand-sized record with the given gate values (T × G × H), for exact arithmetic; labels are the step numbers. */
export function syntheticRecord(gateNames: readonly string[], T: number, H: number, gates: number[], c: number[], h: number[]): InspectRecord {
  const f = (a: number[]) => Float64Array.from(a);
  return {
    T, H, I: 1, O: 1, gateNames, cell: gateNames[0] === 'f' ? 'lstm' : gateNames[0] === 'z' ? 'gru' : 'rnn',
    inputs: new Float64Array(T), targets: new Float64Array(T), mask: new Uint8Array(T),
    h: f(h), c: f(c), gates: f(gates), preX: new Float64Array(0), preH: new Float64Array(0), preB: new Float64Array(0),
    y: new Float64Array(T), p: new Float64Array(0), losses: new Float64Array(T).fill(NaN), loss: 0,
    dh: new Float64Array(T * H), dc: new Float64Array(0), tau: 0, flowH: new Float64Array(1), flowC: new Float64Array(0),
    blockNames: [], blockGradNorms: new Float64Array(0),
    inputLabels: Array.from({ length: T }, (_, t) => String(t)), targetLabels: [], outputLabels: [],
  };
}
