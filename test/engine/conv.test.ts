import { describe, expect, it } from 'vitest';
import { ConvFront, checkImage } from '../../src/engine/conv';
import { EngineError } from '../../src/engine/errors';
import { Rng } from '../../src/engine/rng';
import { kinkMargin } from './conv-fixtures';
import { centralDifference, relErr } from './fixtures';

const TOL = 1e-6;

describe('3×3 convolution, ReLU, 2×2 max pooling', () => {
  it('computes the sums of the formula on a hand case', () => {
    // One 4×4 channel, one feature channel: the kernel is the Laplacian-like [0 1 0; 1 −4 1; 0 1 0], bias 0.5.
    const conv = new ConvFront({ size: 4, inChannels: 1, channels: 1 });
    const theta = Float64Array.from([0, 1, 0, 1, -4, 1, 0, 1, 0, 0.5]);
    const img = Float64Array.from([1, 2, 0, 0, 0, 3, 0, 1, 0, 0, 0, 0, 2, 0, 0, 1]);
    conv.forward(theta, 0, 9, img);
    // z(0,0) = 0.5 − 4·1 + 2 + 0 (right, below) = −1.5; z(1,1) = 0.5 − 12 + (2 + 0 + 0 + 0) = −9.5;
    // z(0,1) = 0.5 − 8 + 1 + 0 + 3 = −3.5; z(1,0) = 0.5 + 1 + 3 + 0 = 4.5; z(0,3) = 0.5 + 0 + 1 = 1.5; z(3,0) = 0.5 − 8 + 0 + 0 = −7.5
    expect(conv.pre[0]).toBe(-1.5);
    expect(conv.pre[5]).toBe(-9.5);
    expect(conv.pre[1]).toBe(-3.5);
    expect(conv.pre[4]).toBe(4.5);
    expect(conv.pre[3]).toBe(1.5);
    expect(conv.pre[12]).toBe(-7.5);
    for (let i = 0; i < 16; i++) expect(conv.relu[i]).toBe(Math.max(0, conv.pre[i]));
    // top-left window {−1.5, −3.5, 4.5, −9.5} → 4.5 at index 4
    expect(conv.pooled[0]).toBe(4.5);
    expect(conv.argmax[0]).toBe(4);
    for (let q = 0; q < 4; q++) {
      const i = Math.floor(q / 2), j = q % 2;
      const w = [0, 1, 4, 5].map((d) => conv.relu[(2 * i) * 4 + 2 * j + d]);
      expect(conv.pooled[q]).toBe(Math.max(...w));
    }
  });

  it('the gradient of every kernel weight and bias agrees with central differences, and reaches the argmax only', () => {
    const rng = new Rng(3);
    const conv = new ConvFront({ size: 6, inChannels: 3, channels: 4 });
    const nK = conv.kernelSize;
    const theta = Float64Array.from({ length: nK + 4 }, () => rng.normal(0, 0.5));
    const img = Float64Array.from({ length: 3 * 36 }, () => rng.next());
    const w = Float64Array.from({ length: conv.features }, () => rng.normal());
    // L = Σ_q w_q pooled_q, so ∂L/∂pooled = w
    const loss = () => conv.forward(theta, 0, nK, img).reduce((s, v, q) => s + w[q] * v, 0);
    loss();
    expect(kinkMargin(conv)).toBeGreaterThan(1e-3);
    const grad = new Float64Array(theta.length);
    conv.backward(grad, 0, nK, img, w);
    let worst = 0;
    for (let i = 0; i < theta.length; i++) worst = Math.max(worst, relErr(grad[i], centralDifference(theta, i, loss)));
    console.info(`conv front end: worst relative error ${worst.toExponential(2)} over ${theta.length} parameters`);
    expect(worst).toBeLessThan(TOL);
    // bias c: Σ of w_q over the windows whose maximum is positive
    loss();
    for (let c = 0; c < 4; c++) {
      let s = 0;
      for (let q = c * 9; q < (c + 1) * 9; q++) if (conv.pooled[q] > 0) s += w[q];
      expect(grad[nK + c]).toBeCloseTo(s, 12);
    }
  });

  it('refuses bad sizes and bad images, naming the field', () => {
    const code = (f: () => unknown): [string, string] => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(EngineError);
        return [(e as EngineError).code, (e as EngineError).message];
      }
      return ['', ''];
    };
    expect(code(() => new ConvFront({ size: 5, inChannels: 1, channels: 2 }))[1]).toMatch(/^imageSize:/);
    expect(code(() => new ConvFront({ size: 4, inChannels: 0, channels: 2 }))[1]).toMatch(/^imageChannels:/);
    expect(code(() => new ConvFront({ size: 4, inChannels: 1, channels: 17 }))[1]).toMatch(/^convChannels:/);
    const shape = { size: 4, inChannels: 3, channels: 2 };
    expect(code(() => checkImage(new Float64Array(47), shape))).toEqual(['bad-shape', 'image: holds 47 numbers, expected 3×4×4 = 48']);
    expect(code(() => checkImage([1, 2], shape))[0]).toBe('bad-shape');
    const nan = new Float64Array(48);
    nan[17] = NaN;
    expect(code(() => checkImage(nan, shape))).toEqual(['non-finite', 'image: pixel 17 is NaN, a finite number is required']);
    nan[17] = Infinity;
    expect(code(() => checkImage(nan, shape))[0]).toBe('non-finite');
  });
});
