import { describe, expect, it } from 'vitest';
import { defaultConfig, normalizeConfig } from '../../../src/engine/config';
import type { SessionConfig } from '../../../src/engine/config';
import { Network } from '../../../src/engine/network';
import { Session } from '../../../src/engine/session';
import { isDivergenceQuantity, Trainer } from '../../../src/engine/trainer';

/** The default lab with some settings replaced. */
const lab = (over: Partial<SessionConfig>): SessionConfig => ({ ...defaultConfig(), ...over });

/**
 * Training on the fast path follows the reference's trajectory: the two differ by float32 roundoff at the first step
 * (~1e−7 of the loss) and gradient descent carries the difference on, growing it slowly in these well-conditioned
 * runs (measured: at most 5e−6 after 50 steps). Each of the 50 steps' loss and gradient norm must stay within 1e−4.
 */
const STEPS = 50;
const TRAJECTORY_TOL = 1e-4;

const runs: [string, Partial<SessionConfig>][] = [
  ['the default lab (LSTM, Adam, clipping by norm, batch 16)', {}],
  ['a tanh RNN with truncation in chunks of 5', { model: { cell: 'rnn', activation: 'tanh', hiddenSize: 24 }, truncate: 5 }],
  ['a GRU with a truncation window of 4', { model: { cell: 'gru', activation: 'tanh', hiddenSize: 12 }, truncate: 4, truncMode: 'window' }],
  ['an LSTM with the tanh forget gate, clipping by value', { model: { cell: 'lstm', activation: 'tanh', hiddenSize: 16, forgetGate: 'tanh' }, clip: { kind: 'value', threshold: 0.5 } }],
  ['a sigmoid RNN with recurrence off', { model: { cell: 'rnn', activation: 'sigmoid', hiddenSize: 8, recurrence: 'off' } }],
  ['a GRU on the adding task (linear head), momentum', { task: { kind: 'adding', seqLength: 20 }, model: { cell: 'gru', activation: 'tanh', hiddenSize: 16 }, optimizer: { kind: 'momentum', lr: 0.05 } }],
];

describe('training on the fast path', () => {
  it.each(runs)('follows the Float64 run step by step: %s', (_, over) => {
    const ref = new Session(lab(over));
    const fast = new Session(lab({ ...over, kernels: 'fast' }));
    expect(ref.trainer.kernels).toBe('reference');
    expect(fast.trainer.kernels).toBe('fast');
    let worst = 0;
    for (let s = 0; s < STEPS; s++) {
      expect(ref.train(1)).toBe(1);
      expect(fast.train(1)).toBe(1);
      const a = ref.metrics();
      const b = fast.metrics();
      worst = Math.max(worst, Math.abs(a.loss - b.loss) / Math.abs(a.loss), Math.abs(a.gradNorm - b.gradNorm) / a.gradNorm);
    }
    expect(worst).toBeLessThan(TRAJECTORY_TOL);
  });

  it('in a chaotic run the trajectories separate, as any two precisions would, but the two learn the same', () => {
    // a ReLU RNN started at W = I on the adding task: a step's roundoff is amplified, the losses part after ~50 steps
    const over: Partial<SessionConfig> = { task: { kind: 'adding', seqLength: 20 }, model: { cell: 'rnn', activation: 'relu', hiddenSize: 16 }, init: { scheme: 'identity', scale: 0.1, recurrentScale: 1, forgetBias: 1 } };
    const ref = new Session(lab(over));
    const fast = new Session(lab({ ...over, kernels: 'fast' }));
    expect(ref.train(300)).toBe(300);
    expect(fast.train(300)).toBe(300);
    const a = ref.evaluate().value;
    const b = fast.evaluate().value;
    expect(Math.abs(a - b) / a).toBeLessThan(0.05);
  });

  it('is deterministic: the same config and seed give the same weights bit for bit, and a restored run goes on as the original', () => {
    const cfg = lab({ kernels: 'fast', batch: 4 });
    const a = new Session(cfg);
    const b = new Session(cfg);
    a.train(20);
    b.train(20);
    expect(Array.from(a.net.theta)).toEqual(Array.from(b.net.theta));
    const snap = a.snapshot();
    const c = new Session(cfg);
    c.restore(snap);
    a.train(10);
    c.train(10);
    expect(Array.from(c.net.theta)).toEqual(Array.from(a.net.theta));
  });

  it('diverges sooner than the reference, float32 overflowing at 3.4e38: the quantity named, the weights kept', () => {
    const make = () => {
      const net = new Network({ cell: 'rnn', activation: 'linear', inputSize: 2, hiddenSize: 4, outputSize: 2, head: 'softmax' });
      net.theta.fill(3); // h grows ×12 a step: past float32's range within 40 steps, within double's only after 280
      return net;
    };
    const T = 60;
    const seq = { length: T, inputs: new Float64Array(T * 2).fill(1), targets: new Float64Array(T), mask: new Uint8Array(T).fill(1) };
    const options = { optimizer: { kind: 'sgd', lr: 0.1 }, clip: { kind: 'none' }, truncate: 0 } as const;
    const net = make();
    const before = net.theta.slice();
    const tr = new Trainer(net, { ...options, kernels: 'fast' });
    expect(tr.kernels).toBe('fast');
    expect(tr.trainBatch([seq])).toBe(false);
    expect(tr.divergence?.cause).toBe('update');
    // y = Why h + by is the first to overflow (it sums four entries of h)
    expect(tr.divergence?.quantity).toMatch(/^output y at t = 3\d$/);
    expect(isDivergenceQuantity(tr.divergence!.quantity, net.layout.blocks.map((b) => b.name))).toBe(true);
    expect(Array.from(net.theta)).toEqual(Array.from(before));
    expect(new Trainer(make(), options).trainBatch([seq])).toBe(true);
  });
});

describe('the kernels setting', () => {
  it('is left out at its default, kept when fast, and an unknown value is refused with a note', () => {
    expect('kernels' in normalizeConfig(defaultConfig()).config).toBe(false);
    expect(normalizeConfig({ ...defaultConfig(), kernels: 'reference' }).config.kernels).toBeUndefined();
    const fast = normalizeConfig({ ...defaultConfig(), kernels: 'fast' });
    expect(fast.config.kernels).toBe('fast');
    expect(fast.notes).toEqual([]);
    const odd = normalizeConfig({ ...defaultConfig(), kernels: 'gpu' });
    expect(odd.config.kernels).toBeUndefined();
    expect(odd.notes).toEqual(['Unknown kernels "gpu"; using reference.']);
  });

  it('trains on the reference kernels unless asked', () => {
    expect(new Session(defaultConfig()).trainer.kernels).toBe('reference');
    expect(new Session(lab({ kernels: 'fast' })).trainer.kernels).toBe('fast');
  });
});
