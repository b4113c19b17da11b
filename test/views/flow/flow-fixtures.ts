/** Fixtures of the flow views' tests: real InspectRecords from the engine, a frame to hold one, SVG path points. */
import type { SessionConfig } from '../../../src/engine/config';
import { Session } from '../../../src/engine/session';
import type { InspectRecord } from '../../../src/engine/session';
import type { Frame } from '../../../src/worker/protocol';

/** A linear RNN of 4 units with Whh = s·I (identity init × s) on the adding task of 12 steps, plain SGD. */
export function linearRnn(s: number, extra: Partial<SessionConfig> = {}): Session {
  return new Session({
    model: { cell: 'rnn', activation: 'linear', hiddenSize: 4 },
    init: { scheme: 'identity', recurrentScale: s },
    task: { kind: 'adding', seqLength: 12 },
    optimizer: { kind: 'sgd', lr: 0.001 },
    ...extra,
  });
}

/** A frame at `step` showing `record` (no history, metric or output). */
export function frameOf(record: InspectRecord, step = 0): Frame {
  return {
    frameId: 1,
    step,
    playing: false,
    handled: 0,
    stepsPerSecond: 0,
    history: { step: new Float64Array(0), loss: new Float64Array(0), gradNorm: new Float64Array(0), gradNormClipped: new Float64Array(0), clipped: new Uint8Array(0) },
    metric: null,
    record,
    spectral: null,
    output: null,
  };
}

/** The [x, y] pairs of an SVG path of M/L commands. */
export function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.e-]+),(-?[\d.e-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}
