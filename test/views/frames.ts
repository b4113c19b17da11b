import type { InspectRecord } from '../../src/engine/session';
import type { Frame } from '../../src/worker/protocol';

/** A frame carrying `record` at training step `step`, as the worker would send it (history and the rest empty). */
export function frameWith(record: InspectRecord, step: number): Frame {
  const empty = new Float64Array(0);
  return {
    frameId: 1,
    step,
    playing: false,
    handled: 0,
    stepsPerSecond: 0,
    history: { step: empty, loss: empty, gradNorm: empty, gradNormClipped: empty, clipped: new Uint8Array(0) },
    metric: null,
    record,
    spectral: null,
    output: null,
  };
}
