/** Real records for the unrolled view's tests, from the engine, wrapped in the frame the store holds. */
import { defaultConfig } from '../../../src/engine/config';
import type { SessionConfig } from '../../../src/engine/config';
import { Session } from '../../../src/engine/session';
import type { InspectRecord } from '../../../src/engine/session';
import type { Frame } from '../../../src/worker/protocol';
import { frameWith } from '../frames';

/** A vanilla tanh RNN with 8 hidden units on the default echo task (lag 10, T = 11, only the last step scored). */
export const RNN_ECHO: SessionConfig = { ...defaultConfig(), model: { cell: 'rnn', activation: 'tanh', hiddenSize: 8 } };

/** The same with another task or truncation window. */
export function rnnConfig(patch: Partial<SessionConfig>): SessionConfig {
  return { ...RNN_ECHO, ...patch };
}

/** The record of evaluation sequence 0 at the seed's initial weights. */
export function recordFor(config: SessionConfig): InspectRecord {
  return new Session(config).inspect(0);
}

/** A frame carrying `record` (the history and the rest are empty: the view reads only the record). */
export function frameOf(record: InspectRecord): Frame {
  return frameWith(record, 0);
}
