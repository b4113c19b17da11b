import { describe, expect, it } from 'vitest';
import { Captioner } from '../../src/engine/captioner';
import type { CaptionExample, CaptionerShape } from '../../src/engine/captioner';
import { EngineError } from '../../src/engine/errors';
import { Rng } from '../../src/engine/rng';
import { ExampleTrainer } from '../../src/engine/seq2seq-trainer';
import type { CellKind } from '../../src/engine/types';
import { kinkMargin } from './conv-fixtures';
import { centralDifference, relErr } from './fixtures';

const TOL = 1e-6;
const small = (cell: CellKind): CaptionerShape => ({ cell, activation: 'tanh', imageSize: 6, imageChannels: 3, convChannels: 2, hiddenSize: 3, vocab: 5 });

/**
 * Random weights N(0, 0.6²) and pixels U(0, 1). The draw is repeated (same stream, in order) until no ReLU or pooling
 * window is within 1e-3 of a kink, where central differences would straddle two branches.
 */
function randomModel(seed: number, cell: CellKind): { m: Captioner; ex: CaptionExample } {
  const rng = new Rng(seed);
  const m = new Captioner(small(cell));
  for (;;) {
    for (let i = 0; i < m.theta.length; i++) m.theta[i] = rng.normal(0, 0.6);
    const image = Float64Array.from({ length: 3 * 36 }, () => rng.next());
    const ex = { image, target: [2, 4, 1] };
    m.forward(ex);
    if (kinkMargin(m.conv) > 1e-3) return { m, ex };
  }
}

const cells: CellKind[] = ['rnn', 'lstm', 'gru'];

describe.each(cells)('captioner (%s): end to end through decoder, projection, pooling, ReLU and convolution', (cell) => {
  it('agrees with central differences for every parameter', () => {
    const { m, ex } = randomModel(21, cell);
    m.forward(ex);
    expect(kinkMargin(m.conv)).toBeGreaterThan(1e-3);
    m.grad.fill(0);
    m.backward(1);
    const grad = m.grad.slice();
    let worst = 0;
    const names: string[] = [];
    for (const b of m.layout.blocks) {
      names.push(b.name);
      for (let i = b.offset; i < b.offset + b.rows * b.cols; i++) worst = Math.max(worst, relErr(grad[i], centralDifference(m.theta, i, () => m.forward(ex))));
    }
    console.info(`captioner ${cell}: worst relative error ${worst.toExponential(2)} over ${m.theta.length} parameters`);
    expect(worst).toBeLessThan(TOL);
    expect(names.slice(0, 4)).toEqual(['conv.K', 'conv.b', 'proj.W', 'proj.b']);
    // the error reaches the image's parts: kernels, conv biases and projection all get a nonzero gradient
    for (const b of m.layout.blocks.filter((x) => x.part === 'conv' || x.part === 'projection')) {
      let s = 0;
      for (let i = b.offset; i < b.offset + b.rows * b.cols; i++) s += grad[i] * grad[i];
      expect(Math.sqrt(s)).toBeGreaterThan(1e-4);
    }
  });

  it('records the feature maps, the pooled features and the image vector that starts the decoder', () => {
    const { m, ex } = randomModel(4, cell);
    const r = m.record(ex);
    expect(r.featureMaps.length).toBe(2 * 36);
    expect(r.pooled.length).toBe(2 * 9);
    expect(r.featureMaps.every((v) => v >= 0)).toBe(true);
    // [h0; c0] (LSTM) or h0 = tanh(Wp f + bp), recomputed from the recorded pooled features
    const W = m.layout.view(m.theta, 'proj.W');
    const b = m.layout.view(m.theta, 'proj.b');
    const R = cell === 'lstm' ? 6 : 3;
    expect(r.imageState.length).toBe(R);
    for (let r0 = 0; r0 < R; r0++) {
      let s = b[r0];
      for (let j = 0; j < 18; j++) s += W[r0 * 18 + j] * r.pooled[j];
      expect(r.imageState[r0]).toBeCloseTo(Math.tanh(s), 14);
    }
    expect(Array.from(r.decoder.outputs)).toEqual([2, 4, 1, 0]);
    expect(r.loss).toBeCloseTo(r.decoder.losses.reduce((s, v) => s + v, 0) / 4, 14);
    // decoding the same image starts from the same state: its first distribution is the teacher-forced one
    const d = m.decode(ex.image, { maxLength: 3 });
    for (let k = 0; k < 5; k++) expect(d.trace.probs[k]).toBe(r.decoder.probs[k]);
    expect(d.tokens.length).toBeLessThanOrEqual(3);
  });
});

describe('captioner: bad inputs are typed EngineErrors naming the field', () => {
  const { m, ex } = randomModel(1, 'lstm');
  const refuses = (f: () => unknown, code: string, start: string) => {
    let err: unknown;
    try {
      f();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe(code);
    expect((err as EngineError).message.startsWith(start)).toBe(true);
  };
  it('images, captions and decoding options', () => {
    refuses(() => m.forward({ image: new Float64Array(100), target: [1] }), 'bad-shape', 'image: holds 100 numbers');
    const nan = ex.image.slice();
    nan[5] = NaN;
    refuses(() => m.forward({ image: nan, target: [1] }), 'non-finite', 'image: pixel 5 is NaN');
    refuses(() => m.decode(nan, { maxLength: 3 }), 'non-finite', 'image:');
    refuses(() => m.forward({ image: ex.image, target: [7] }), 'bad-config', 'target: token 0 is 7');
    refuses(() => m.forward({ image: ex.image, target: [1, 0, 2] }), 'bad-config', 'target: token 1 is the end token');
    refuses(() => m.decode(ex.image, { maxLength: 0 }), 'bad-config', 'maxLength:');
  });
  it('shapes', () => {
    refuses(() => new Captioner({ ...small('gru'), imageSize: 7 }), 'bad-config', 'imageSize:');
    refuses(() => new Captioner({ ...small('gru'), vocab: 1 }), 'bad-config', 'vocab:');
    refuses(() => new Captioner({ ...small('gru'), hiddenSize: 0 }), 'bad-config', 'hiddenSize:');
    refuses(() => new Captioner({ ...small('gru'), convChannels: 0 }), 'bad-config', 'convChannels:');
  });
});

describe('captioner: training', () => {
  function run(seed: number, steps: number): Float64Array {
    const rng = new Rng(seed);
    const m = new Captioner(small('lstm'));
    m.initialize(rng.fork());
    const data = rng.fork();
    const tr = new ExampleTrainer(m, { optimizer: { kind: 'adam', lr: 0.01 }, clip: { kind: 'norm', threshold: 1 } });
    for (let s = 0; s < steps; s++) {
      const image = Float64Array.from({ length: 3 * 36 }, () => data.next());
      tr.trainBatch([{ image, target: [1 + data.int(4), 1 + data.int(4)] }]);
    }
    expect(tr.divergence).toBeNull();
    return m.theta.slice();
  }
  it('the same seed gives the same θ, bit for bit; another seed does not', () => {
    expect(Array.from(run(5, 40))).toEqual(Array.from(run(5, 40)));
    expect(Array.from(run(5, 40))).not.toEqual(Array.from(run(6, 40)));
  });
});
