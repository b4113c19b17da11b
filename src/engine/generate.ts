import { EngineError } from './errors';
import type { Network } from './network';
import type { Rng } from './rng';
import { SineTask } from './tasks/sine';
import type { Task } from './tasks/task';
import { sampleIndex, TextTask } from './tasks/text';
import type { Sequence } from './types';

/** Runs one step from state (h, c) on input x and leaves the new state in h, c; returns the step's output row offset (0). */
function stepOnce(net: Network, one: Sequence, h: Float64Array, c: Float64Array): void {
  const H = net.H;
  net.forward(one, h, c);
  h.set(net.ws.hs.subarray(H, 2 * H));
  if (net.shape.cell === 'lstm') c.set(net.ws.cs.subarray(H, 2 * H));
}

/**
 * Text sampled from the character model: prime it with `prime` (default: the text's first character),
 * then draw each next character from softmax(log p / temperature) and feed it back.
 */
export function generateText(net: Network, task: Task, length: number, temperature: number, rng: Rng, prime?: string): string {
  if (!(task instanceof TextTask)) throw new EngineError('bad-config', 'text can be sampled only on the text task', 'task');
  if (!Number.isInteger(length) || length < 1 || length > 5000) throw new EngineError('bad-config', `expected 1…5000 characters, got ${length}`, 'length');
  const V = task.inputSize;
  const H = net.H;
  const one: Sequence = { length: 1, inputs: new Float64Array(V), targets: new Float64Array(1), mask: new Uint8Array(1), hot: new Int32Array(1) };
  const h = new Float64Array(H);
  const c = new Float64Array(H);
  const start = task.encode(prime && prime.length > 0 ? prime : task.vocab[task.codes[0]]);
  for (let i = 0; i < start.length; i++) {
    const k = start[i];
    one.inputs.fill(0);
    one.inputs[k] = 1;
    one.hot![0] = k;
    stepOnce(net, one, h, c);
  }
  const out: number[] = [];
  for (let n = 0; n < length; n++) {
    const k = sampleIndex(net.ws.ps, 0, V, temperature, rng);
    out.push(k);
    one.inputs.fill(0);
    one.inputs[k] = 1;
    one.hot![0] = k;
    stepOnce(net, one, h, c);
  }
  return task.decode(out);
}

/** A free-running forecast: the network reads a sequence's inputs, then feeds each prediction back as the next input. */
export interface Forecast {
  /** the inputs it read (T values) */
  context: Float64Array;
  /** its predictions for steps T … T+horizon−1 */
  predicted: Float64Array;
  /** the noiseless truth for those steps where the task knows it (sine), else empty */
  truth: Float64Array;
}

/** Reads `seq` (a 1-input, 1-output series task's sequence), then predicts `horizon` further values closed-loop. */
export function forecast(net: Network, task: Task, seq: Sequence, horizon: number): Forecast {
  if (net.shape.inputSize !== 1 || net.shape.outputSize !== 1 || net.shape.head !== 'linear') throw new EngineError('bad-config', 'forecasts need a series task (one input, one linear output)', 'task');
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 2000) throw new EngineError('bad-config', `expected a horizon of 1…2000 steps, got ${horizon}`, 'horizon');
  const H = net.H;
  const one: Sequence = { length: 1, inputs: new Float64Array(1), targets: new Float64Array(1), mask: new Uint8Array(1) };
  const h = new Float64Array(H);
  const c = new Float64Array(H);
  for (let t = 0; t < seq.length; t++) {
    one.inputs[0] = seq.inputs[t];
    stepOnce(net, one, h, c);
  }
  const predicted = new Float64Array(horizon);
  for (let n = 0; n < horizon; n++) {
    const y = net.ws.ys[0];
    predicted[n] = y;
    one.inputs[0] = y;
    stepOnce(net, one, h, c);
  }
  const truth = task instanceof SineTask ? task.truth(seq, seq.length, horizon) : new Float64Array(0);
  return { context: seq.inputs.slice(0, seq.length), predicted, truth };
}
