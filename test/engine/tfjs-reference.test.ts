// Checks the tfjs reference on its own, so that a disagreement with the engine can be blamed on the
// right side: its gradients against central finite differences of its own forward, its forward
// against hand-derived and scalar formulas.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng';
import { close, differences } from './reference/compare';
import { handExpected, handSpec } from './reference/hand-case';
import { randomSpec, type RandomSpecOptions } from './reference/random-spec';
import { initTfjs, tfjsLoss, tfjsTrace, type StateShift } from './reference/tfjs-reference';
import type { TraceSpec } from './reference/trace-types';

beforeAll(initTfjs);

const exact = { abs: 1e-6, rel: 1e-6 }; // float32 rounding of values of size ~1

describe('tfjs reference: the hand-checkable 1-unit linear rnn', () => {
  it('gives the hand-derived loss, states, derivatives and gradients', () => {
    const r = tfjsTrace(handSpec);
    const got = { loss: r.loss, h: r.steps.map((s) => s.h), y: r.steps.map((s) => s.y), stepLoss: r.steps.map((s) => s.loss), dh: r.dh, dh0: r.dh0, grads: r.grads };
    expect(differences(got, handExpected, exact, 'hand')).toEqual([]);
    expect(r.steps[0].gates).toEqual({});
    expect(r.steps[0].p).toBeUndefined();
    expect(r.dc).toBeUndefined();
  });

  it('disposes every tensor it makes', () => {
    const before = tf.memory().numTensors;
    tfjsTrace(handSpec);
    tfjsLoss(handSpec);
    expect(tf.memory().numTensors).toBe(before);
  });
});

const sig = (z: number): number => 1 / (1 + Math.exp(-z));

describe('tfjs reference: gated cells against scalar formulas (1 unit, float64)', () => {
  // Weight w_g for Wx·, u_g for Wh·, b_g for b·; one input, one unit, two steps.
  const w: Record<string, number> = { f: 0.7, i: -0.4, g: 0.9, o: 0.3, z: 0.6, r: -0.8, n: 1.1 };
  const u: Record<string, number> = { f: -0.2, i: 0.5, g: -0.6, o: 0.8, z: 0.4, r: 0.9, n: -0.7 };
  const b: Record<string, number> = { f: 0.1, i: 0.2, g: -0.3, o: 0.05, z: -0.1, r: 0.3, n: 0.2 };
  const xs = [0.8, -1.3];
  const oneUnit = (cell: 'lstm' | 'gru', gates: string[]): TraceSpec => ({
    cell, inputSize: 1, hiddenSize: 1, outputSize: 2, output: 'softmax', h0: [0.4], ...(cell === 'lstm' ? { c0: [-0.5] } : {}),
    weights: { ...Object.fromEntries(gates.flatMap((g) => [[`Wx${g}`, [[w[g]]]], [`Wh${g}`, [[u[g]]]], [`b${g}`, [b[g]]]])), Why: [[1.5], [-0.5]], by: [0.1, -0.2] },
    inputs: xs.map((x) => [x]), targets: [1, 0],
  });

  it('lstm: f,i,o = σ(·), g = tanh(·), c = f c₋ + i g, h = o tanh c, y and p', () => {
    const r = tfjsTrace(oneUnit('lstm', ['f', 'i', 'g', 'o']));
    let h = 0.4;
    let c = -0.5;
    xs.forEach((x, t) => {
      const [f, i, o] = ['f', 'i', 'o'].map((k) => sig(w[k] * x + u[k] * h + b[k]));
      const g = Math.tanh(w.g * x + u.g * h + b.g);
      c = f * c + i * g;
      h = o * Math.tanh(c);
      const y = [1.5 * h + 0.1, -0.5 * h - 0.2];
      const e = y.map(Math.exp);
      const p = e.map((v) => v / (e[0] + e[1]));
      expect(differences(r.steps[t], { h: [h], c: [c], gates: { f: [f], i: [i], g: [g], o: [o] }, y, p, loss: -Math.log(p[t === 0 ? 1 : 0]) }, exact, `lstm step ${t}`)).toEqual([]);
    });
  });

  it('lstm with the tanh forget gate: f = tanh(·), the rest as above', () => {
    const r = tfjsTrace({ ...oneUnit('lstm', ['f', 'i', 'g', 'o']), forgetGate: 'tanh' });
    let h = 0.4;
    let c = -0.5;
    xs.forEach((x, t) => {
      const f = Math.tanh(w.f * x + u.f * h + b.f);
      const [i, o] = ['i', 'o'].map((k) => sig(w[k] * x + u[k] * h + b[k]));
      const g = Math.tanh(w.g * x + u.g * h + b.g);
      c = f * c + i * g;
      h = o * Math.tanh(c);
      expect(differences(r.steps[t].gates, { f: [f], i: [i], g: [g], o: [o] }, exact, `lstm tanh-f gates ${t}`)).toEqual([]);
      expect(close(r.steps[t].c![0], c, exact) && close(r.steps[t].h[0], h, exact)).toBe(true);
    });
  });

  it('recurrence off: every step reads h₋ = c₋ = 0, whatever h0, c0 and Wh· are', () => {
    for (const cell of ['lstm', 'gru'] as const) {
      const gates = cell === 'lstm' ? ['f', 'i', 'g', 'o'] : ['z', 'r', 'n'];
      const r = tfjsTrace({ ...oneUnit(cell, gates), recurrence: 'off' });
      xs.forEach((x, t) => {
        const [s1, s2] = (cell === 'lstm' ? ['i', 'o'] : ['z', 'r']).map((k) => sig(w[k] * x + b[k]));
        const cand = Math.tanh(w[cell === 'lstm' ? 'g' : 'n'] * x + b[cell === 'lstm' ? 'g' : 'n']);
        const h = cell === 'lstm' ? s2 * Math.tanh(s1 * cand) : (1 - s1) * cand;
        expect(close(r.steps[t].h[0], h, exact), `${cell} h at ${t}`).toBe(true);
      });
      expect(r.dh0).toEqual([0]);
      for (const g of gates) expect(r.grads[`Wh${g}`]).toEqual([[0]]);
    }
  });

  it('gru: z,r = σ(·), n = tanh(Wxn x + Whn (r h₋) + bn), h = (1−z) n + z h₋', () => {
    const r = tfjsTrace(oneUnit('gru', ['z', 'r', 'n']));
    let h = 0.4;
    xs.forEach((x, t) => {
      const z = sig(w.z * x + u.z * h + b.z);
      const rr = sig(w.r * x + u.r * h + b.r);
      const n = Math.tanh(w.n * x + u.n * (rr * h) + b.n);
      h = (1 - z) * n + z * h;
      expect(differences(r.steps[t].gates, { z: [z], r: [rr], n: [n] }, exact, `gru gates ${t}`)).toEqual([]);
      expect(close(r.steps[t].h[0], h, exact)).toBe(true);
    });
  });
});

/**
 * Central differences (L(θ+δ) − L(θ−δ)) / 2δ of the float32 forward, for every weight, h0, c0 and
 * every h_t, c_t (through StateShift). With δ = 1e-2 the truncation error is ~δ²·L'''/6 ≈ 2e-5 and
 * float32 rounding of L (~1e-7) contributes ~1e-7/δ = 1e-5, hence the 5e-4 + 1e-2·|g| tolerance.
 */
function finiteDifferenceGaps(spec: TraceSpec): string[] {
  const delta = 1e-2;
  const tol = { abs: 5e-4, rel: 1e-2 };
  const ref = tfjsTrace(spec);
  const T = spec.inputs.length;
  const H = spec.hiddenSize;
  const gaps: string[] = [];
  const check = (label: string, analytic: number, lossAt: (d: number) => number): void => {
    const fd = (lossAt(delta) - lossAt(-delta)) / (2 * delta);
    if (!close(analytic, fd, tol)) gaps.push(`${label}: autodiff ${analytic}, finite difference ${fd}`);
  };
  const copy = (): TraceSpec => JSON.parse(JSON.stringify(spec)) as TraceSpec;
  for (const [name, value] of Object.entries(spec.weights)) {
    const g = ref.grads[name];
    (value as (number | number[])[]).forEach((entry, i) => {
      if (Array.isArray(entry)) {
        entry.forEach((_, j) => check(`${name}[${i}][${j}]`, (g as number[][])[i][j], (d) => { const s = copy(); (s.weights[name] as number[][])[i][j] += d; return tfjsLoss(s); }));
      } else {
        check(`${name}[${i}]`, (g as number[])[i], (d) => { const s = copy(); (s.weights[name] as number[])[i] += d; return tfjsLoss(s); });
      }
    });
  }
  const zeros = (): number[][] => Array.from({ length: T }, () => new Array<number>(H).fill(0));
  for (let k = 0; k < H; k++) {
    check(`dh0[${k}]`, ref.dh0[k], (d) => { const s = copy(); s.h0 = spec.h0 ? [...spec.h0] : new Array<number>(H).fill(0); s.h0[k] += d; return tfjsLoss(s); });
    if (spec.cell === 'lstm') check(`dc0[${k}]`, ref.dc0![k], (d) => { const s = copy(); s.c0 = spec.c0 ? [...spec.c0] : new Array<number>(H).fill(0); s.c0[k] += d; return tfjsLoss(s); });
    for (let t = 0; t < T; t++) {
      const shifted = (which: 'h' | 'c', d: number): number => { const z = zeros(); z[t][k] = d; const sh: StateShift = { [which]: z }; return tfjsLoss(spec, sh); };
      check(`dh[${t}][${k}]`, ref.dh[t][k], (d) => shifted('h', d));
      if (spec.cell === 'lstm') check(`dc[${t}][${k}]`, ref.dc![t][k], (d) => shifted('c', d));
    }
  }
  return gaps;
}

describe('tfjs reference: autodiff against central finite differences', () => {
  const cases: [number, RandomSpecOptions][] = [
    [11, { cell: 'rnn', activation: 'tanh', output: 'softmax', initialState: true }],
    [12, { cell: 'rnn', activation: 'sigmoid', output: 'linear', initialState: false }],
    [13, { cell: 'lstm', output: 'softmax', initialState: true }],
    [14, { cell: 'lstm', output: 'linear', initialState: false }],
    [15, { cell: 'gru', output: 'linear', initialState: true }],
    [16, { cell: 'gru', output: 'softmax', initialState: false }],
    [17, { cell: 'lstm', output: 'softmax', initialState: true, forgetGate: 'tanh' }],
    [18, { cell: 'lstm', output: 'linear', recurrence: 'off', forgetGate: 'tanh' }],
    [19, { cell: 'gru', output: 'softmax', recurrence: 'off' }],
    [20, { cell: 'rnn', activation: 'tanh', output: 'linear', recurrence: 'off' }],
  ];
  for (const [seed, opts] of cases) {
    it(`${opts.cell}${opts.activation ? `/${opts.activation}` : ''}, ${opts.output} head${opts.recurrence ? `, recurrence ${opts.recurrence}` : ''}${opts.forgetGate ? `, ${opts.forgetGate} forget gate` : ''}, seed ${seed}`, () => {
      const spec = randomSpec(new Rng(seed), opts);
      expect(finiteDifferenceGaps(spec)).toEqual([]);
    });
  }
});
