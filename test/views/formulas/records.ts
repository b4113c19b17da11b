/** Genuine InspectRecords from the engine for the formula tests: each cell, both heads, a few training steps in. */
import { defaultConfig } from '../../../src/engine/config';
import type { SessionConfig } from '../../../src/engine/config';
import { Session } from '../../../src/engine/session';
import type { InspectRecord } from '../../../src/engine/session';
import type { Activation, CellKind } from '../../../src/engine/types';
import type { Frame } from '../../../src/worker/protocol';
import { frameWith } from '../frames';

/** A config for `cell` on the echo task (softmax head) or the adding task (linear head, only the last step scored). */
export function configFor(cell: CellKind, opts: { activation?: Activation; head?: 'softmax' | 'linear'; hiddenSize?: number; truncate?: number } = {}): SessionConfig {
  const d = defaultConfig();
  return {
    ...d,
    task: opts.head === 'linear' ? { kind: 'adding', seqLength: 8 } : { kind: 'echo', lag: 4, symbols: 4 },
    model: { cell, activation: opts.activation ?? 'tanh', hiddenSize: opts.hiddenSize ?? 5 },
    truncate: opts.truncate ?? 0,
    batch: 4,
  };
}

/** The session and its record of evaluation sequence 0 after `steps` training steps. */
export function recordFor(config: SessionConfig, steps = 3): { session: Session; rec: InspectRecord } {
  const session = new Session(config);
  session.train(steps);
  return { session, rec: session.inspect(0) };
}

/** A frame carrying `record` (history and the rest empty: the formulas view reads only the record). */
export function frameOf(record: InspectRecord): Frame {
  return frameWith(record, 3);
}
