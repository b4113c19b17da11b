import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session';
import type { Activation, CellKind } from '../../src/engine/types';

const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));
const ACT: Record<Activation, (a: number) => number> = { tanh: Math.tanh, sigmoid, relu: (a) => (a > 0 ? a : 0), linear: (a) => a };
/** The nonlinearity of each gate: σ for f, i, o, z, r; tanh for g, n; the RNN's own activation for h. */
const gateAct = (name: string, act: Activation) => (name === 'h' ? ACT[act] : name === 'g' || name === 'n' ? Math.tanh : sigmoid);

describe('InspectRecord pre-activation parts', () => {
  const cases: [CellKind, Activation, unknown][] = [
    ['rnn', 'tanh', { kind: 'echo', lag: 3, symbols: 3 }],
    ['rnn', 'relu', { kind: 'sine', seqLength: 10, noise: 0, components: 1 }],
    ['lstm', 'tanh', { kind: 'echo', lag: 3, symbols: 3 }],
    ['gru', 'tanh', { kind: 'adding', seqLength: 8 }],
  ];
  it.each(cases)('%s (%s): act(preX + preH + preB) reproduces every gate value to 1e-12', (cell, activation, task) => {
    const s = new Session({ task, model: { cell, activation, hiddenSize: 5 }, batch: 4, seed: 7 });
    s.train(5);
    const rec = s.inspect(1);
    const { T, H, I } = rec;
    const G = rec.gateNames.length;
    const R = G * H;
    expect(rec.preX).toHaveLength(T * R);
    expect(rec.preH).toHaveLength(T * R);
    expect(rec.preB).toHaveLength(R);
    let worst = 0;
    for (let t = 0; t < T; t++) {
      for (let g = 0; g < G; g++) {
        const f = gateAct(rec.gateNames[g], activation);
        for (let j = 0; j < H; j++) {
          const r = g * H + j;
          const a = rec.preX[t * R + r] + rec.preH[t * R + r] + rec.preB[r];
          worst = Math.max(worst, Math.abs(f(a) - rec.gates[t * R + r]));
        }
      }
    }
    expect(worst).toBeLessThan(1e-12);
    // the RNN's gate row is h itself
    if (cell === 'rnn') expect(Array.from(rec.gates)).toEqual(Array.from(rec.h));
    // each part really is its own product: preB is b, preX at t = 0 is Wx x_0, preH at t = 0 is Wh h_{−1} = 0
    const { layout, theta } = s.net;
    expect(Array.from(rec.preB)).toEqual(Array.from(theta.subarray(layout.b, layout.b + R)));
    expect(Array.from(rec.preH.subarray(0, R)).every((v) => v === 0)).toBe(true);
    let wx0 = 0;
    for (let c = 0; c < I; c++) wx0 += theta[layout.wx + (R - 1) * I + c] * rec.inputs[c];
    expect(rec.preX[R - 1]).toBe(wx0);
    expect(rec.preH.subarray(R).some((v) => v !== 0)).toBe(true);
  });

  it('GRU candidate rows multiply r ⊙ h_{t−1}, not h_{t−1}', () => {
    const s = new Session({ task: { kind: 'echo', lag: 3, symbols: 3 }, model: { cell: 'gru', hiddenSize: 4 }, seed: 2 });
    s.train(3);
    const rec = s.inspect(0);
    const { H } = rec;
    const R = 3 * H;
    const t = 2;
    const j = 1;
    const { layout, theta } = s.net;
    let rh = 0;
    let plain = 0;
    for (let c = 0; c < H; c++) {
      const w = theta[layout.wh + (2 * H + j) * H + c];
      const hPrev = rec.h[(t - 1) * H + c];
      rh += w * rec.gates[t * R + H + c] * hPrev;
      plain += w * hPrev;
    }
    expect(rec.preH[t * R + 2 * H + j]).toBeCloseTo(rh, 14);
    expect(Math.abs(rh - plain)).toBeGreaterThan(1e-6);
  });
});
