import { describe, expect, it } from 'vitest';
import { backwardStep, flowValues, gateProduct, rnnJacobian } from '../../../src/views/formulas/bptt-values';
import {
  activate, cellOf, derivativeFromOutput, gateValue, gruStep, inputAt, invertActivation, lstmStep, meanLoss, outputStep, rnnHidden, stepLoss,
} from '../../../src/views/formulas/formulas-values';
import { configFor, recordFor } from './records';

describe('activation helpers', () => {
  it('inverts each activation where it can and says null where it cannot', () => {
    expect(invertActivation('tanh', Math.tanh(0.7))).toBeCloseTo(0.7, 12);
    expect(invertActivation('sigmoid', activate('sigmoid', -1.3))).toBeCloseTo(-1.3, 12);
    expect(invertActivation('relu', 0.4)).toBe(0.4);
    expect(invertActivation('relu', 0)).toBeNull();
    expect(invertActivation('linear', -2)).toBe(-2);
    expect(invertActivation('tanh', 1)).toBeNull();
    expect(invertActivation('sigmoid', 0)).toBeNull();
  });

  it('writes act′ through the output: 1 − h², h(1 − h), [h > 0], 1', () => {
    expect(derivativeFromOutput('tanh', 0.5)).toBe(0.75);
    expect(derivativeFromOutput('sigmoid', 0.25)).toBe(0.1875);
    expect(derivativeFromOutput('relu', 0.3)).toBe(1);
    expect(derivativeFromOutput('relu', 0)).toBe(0);
    expect(derivativeFromOutput('linear', -4)).toBe(1);
  });
});

describe('LSTM substitution against a real record', () => {
  const { rec } = recordFor(configFor('lstm'));
  it('recomputes c_t = f·c_{t−1} + i·g and h_t = o·tanh(c_t) to 1e-12 at every (t, unit)', () => {
    expect(cellOf(rec)).toBe('lstm');
    for (let t = 0; t < rec.T; t++) {
      for (let j = 0; j < rec.H; j++) {
        const v = lstmStep(rec, t, j);
        expect(v.c).toBe(rec.c[t * rec.H + j]);
        expect(Math.abs(v.cRhs - v.c)).toBeLessThan(1e-12);
        expect(Math.abs(v.hRhs - v.h)).toBeLessThan(1e-12);
        expect(v.cPrev).toBe(t === 0 ? 0 : rec.c[(t - 1) * rec.H + j]);
      }
    }
  });

  it('reads the gates in f i g o order and recovers their pre-activations', () => {
    const t = 2;
    const j = 3;
    const v = lstmStep(rec, t, j);
    const G = 4;
    expect([v.f, v.i, v.g, v.o]).toEqual([0, 1, 2, 3].map((g) => rec.gates[(t * G + g) * rec.H + j]));
    expect(activate('sigmoid', v.aF as number)).toBeCloseTo(v.f, 12);
    expect(Math.tanh(v.aG as number)).toBeCloseTo(v.g, 12);
  });

  it('recomputes ∂L/∂c_t = ∂L/∂h_t·o·(1 − tanh²c_t) + ∂L/∂c_{t+1}·f_{t+1} under full BPTT', () => {
    let largest = 0;
    for (let t = 0; t < rec.T; t++) {
      for (let j = 0; j < rec.H; j++) {
        const b = backwardStep(rec, t, j);
        expect(b.dc).toBe(rec.dc[t * rec.H + j]);
        largest = Math.max(largest, Math.abs(b.dc as number));
        expect(Math.abs((b.dcRhs as number) - (b.dc as number))).toBeLessThan(1e-12);
      }
    }
    expect(largest).toBeGreaterThan(1e-4); // a check on zeros would prove nothing
    const last = backwardStep(rec, rec.T - 1, 0);
    expect(last.dhNext).toBeNull();
    expect(last.fNext).toBe(0);
  });

  it('multiplies the forget gates along the memory line', () => {
    const tau = rec.tau;
    const j = 1;
    let p = 1;
    for (let s = 2; s <= tau; s++) p *= gateValue(rec, 'f', s, j);
    expect(gateProduct(rec, 'f', 1, tau, j)).toBe(p);
    expect(gateProduct(rec, 'f', tau, tau, j)).toBe(1);
  });
});

describe('GRU substitution against a real record', () => {
  const { rec } = recordFor(configFor('gru'));
  it('recomputes h_t = (1 − z)·n + z·h_{t−1} to 1e-12 and r ⊙ h_{t−1}', () => {
    expect(cellOf(rec)).toBe('gru');
    for (let t = 0; t < rec.T; t++) {
      for (let j = 0; j < rec.H; j++) {
        const v = gruStep(rec, t, j);
        expect(v.h).toBe(rec.h[t * rec.H + j]);
        expect(Math.abs(v.hRhs - v.h)).toBeLessThan(1e-12);
        expect(v.rh).toBe(v.r * v.hPrev);
      }
    }
    expect(gruStep(rec, 0, 0).hPrev).toBe(0);
  });
});

describe('vanilla RNN substitution against a real record', () => {
  const { rec, session } = recordFor(configFor('rnn'));
  it('recovers a_t = atanh(h_t) and tanh(a_t) gives h_t back', () => {
    expect(cellOf(rec)).toBe('rnn');
    const v = rnnHidden(rec, 'tanh', 3, 2);
    expect(v.h).toBe(rec.h[3 * rec.H + 2]);
    expect(v.hPrev).toBe(rec.h[2 * rec.H + 2]);
    expect(v.a).toBe(Math.atanh(v.h));
    expect(Math.abs((v.rhs as number) - v.h)).toBeLessThan(1e-15);
  });

  it('gives the Jacobian row scale act′ = 1 − h² and the rule-of-thumb product (ρ⟨act′⟩)^{τ−k}', () => {
    const rho = session.spectral().find((s) => s.name === 'Whh')?.radius ?? NaN;
    const k = 1;
    const jac = rnnJacobian(rec, 'tanh', 2, 4, k, rho);
    const h = rec.h[2 * rec.H + 4];
    expect(jac.actPrime).toBe(1 - h * h);
    // ⟨act′⟩: geometric mean over steps k+1…τ of each step's mean 1 − h² over units
    const H = rec.H;
    const means: number[] = [];
    for (let s = k + 1; s <= rec.tau; s++) {
      let m = 0;
      for (let u = 0; u < H; u++) m += 1 - rec.h[s * H + u] ** 2;
      means.push(m / H);
    }
    const geo = Math.exp(means.reduce((a, m) => a + Math.log(m), 0) / means.length);
    expect(jac.meanActPrime).toBeCloseTo(geo, 12);
    expect(jac.ruleProduct).toBeCloseTo((rho * geo) ** (rec.tau - k), 12);
    expect(rnnJacobian(rec, 'tanh', 2, 4, k, null).ruleProduct).toBeNull();
    expect(rnnJacobian(rec, 'tanh', 2, 4, rec.tau, rho).meanActPrime).toBeNull();
  });

  it('reads ‖∂ℓ_τ/∂h_k‖ from the flow profile and its ratio to ‖∂ℓ_τ/∂h_τ‖', () => {
    const f = flowValues(rec, 1);
    expect(f.tau).toBe(rec.T - 1); // echo scores the last step only
    expect(f.gradK).toBe(rec.flowH[1]);
    expect(f.gradTau).toBe(rec.flowH[rec.tau]);
    expect(f.ratio).toBe(rec.flowH[1] / rec.flowH[rec.tau]);
    expect(f.perStep).toBeCloseTo(f.ratio ** (1 / (rec.tau - 1)), 14);
    expect(f.cellK).toBeNull();
    // softmax head: the error entering at τ is p_τ − e_target, which sums to 0
    const target = rec.targets[rec.tau];
    expect(f.dy[target]).toBe(rec.p[rec.tau * rec.O + target] - 1);
    expect(f.dy.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(flowValues(rec, rec.tau).perStep).toBeNull();
  });
});

describe('the head: y_t, p_t, ℓ_t and L', () => {
  const { rec } = recordFor(configFor('lstm'));
  it('recomputes p_t = softmax(y_t) at the target class, ℓ_t = −log p_t[target] and L', () => {
    const t = rec.tau;
    const o = outputStep(rec, t);
    expect(o.k).toBe(rec.targets[t]);
    expect(o.p).toBe(rec.p[t * rec.O + o.k]);
    expect(Math.abs((o.pRhs as number) - (o.p as number))).toBeLessThan(1e-15);
    const l = stepLoss(rec, t);
    expect(l.scored).toBe(true);
    expect(l.loss).toBe(rec.losses[t]);
    expect(Math.abs((l.rhs as number) - (l.loss as number))).toBeLessThan(1e-12);
    const L = meanLoss(rec);
    expect(L.N).toBe(1);
    expect(L.mean).toBe(rec.losses[t]);
    expect(Math.abs(L.mean - rec.loss)).toBeLessThan(1e-12);
  });

  it('says an unscored step is not scored and shows its most probable class', () => {
    const o = outputStep(rec, 0);
    const p = Array.from(rec.p.subarray(0, rec.O));
    expect(o.k).toBe(p.indexOf(Math.max(...p)));
    const l = stepLoss(rec, 0);
    expect(l).toMatchObject({ scored: false, loss: null, rhs: null });
  });

  it('recomputes ℓ_t = ½‖y_t − target_t‖² for a linear head, and L over its scored steps', () => {
    const { rec: lin } = recordFor(configFor('gru', { head: 'linear' }));
    expect(lin.p.length).toBe(0);
    const t = lin.tau;
    const l = stepLoss(lin, t);
    expect(l.residuals).toEqual([lin.y[t] - lin.targets[t]]);
    expect(Math.abs((l.rhs as number) - (l.loss as number))).toBeLessThan(1e-14);
    expect(outputStep(lin, t)).toMatchObject({ k: 0, p: null, pRhs: null });
    expect(Math.abs(meanLoss(lin).mean - lin.loss)).toBeLessThan(1e-14);
    const f = flowValues(lin, 0);
    expect(f.dy).toEqual([lin.y[t] - lin.targets[t]]);
  });

  it('knows a one-hot input from a real-valued one', () => {
    const one = inputAt(rec, 0);
    expect(one.hot).toBe(one.x.indexOf(1));
    expect(one.hot).toBeGreaterThanOrEqual(0);
    const { rec: lin } = recordFor(configFor('rnn', { head: 'linear' }), 0);
    expect(inputAt(lin, 0).hot).toBe(-1);
    expect(inputAt(lin, 0).x).toEqual(Array.from(lin.inputs.subarray(0, lin.I)));
  });
});
