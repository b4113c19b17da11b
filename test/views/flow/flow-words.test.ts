/**
 * The flow view's words against what was measured: ρ·⟨act′⟩ as a rough guide (and why it can disagree), the
 * gate that carries a gated cell's error, the truncation-versus-lag caption, the recurrent-scale hint.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/engine/session';
import { h as hAt, gate } from '../../../src/worker/record';
import { rhoText, recurrentScaleHint } from '../../../src/views/controls/ModelSettings';
import { flowShape } from '../../../src/views/flow/flow-shape';
import type { FlowShape } from '../../../src/views/flow/flow-shape';
import { carryGateMean, carryWords, guideKind, guideWords, slopeStats, spectralWords, taskLag, truncationLagWords } from '../../../src/views/flow/flow-words';

/** A tanh RNN of 16 units on the lag-10 echo, Xavier init times `rscale` (the lab's default task). */
const tanhRnn = (rscale: number, scheme: 'xavier' | 'uniform' | 'orthogonal' = 'xavier') =>
  new Session({ model: { cell: 'rnn', activation: 'tanh', hiddenSize: 16 }, init: { scheme, recurrentScale: rscale }, task: { kind: 'echo', lag: 10, symbols: 4 } });

/** A measured shape with a given per-step factor over `steps` (and no turn). */
function measured(factor: number, steps = 10): FlowShape {
  const v = Array.from({ length: steps + 1 }, (_, k) => factor ** (steps - k));
  return flowShape(v)!;
}

describe('slopeStats: ⟨act′⟩ read from the record', () => {
  it('is the geometric mean over steps of the mean over units of 1 − h² (tanh), computed here independently', () => {
    const s = tanhRnn(1);
    const rec = s.inspect(0);
    const st = slopeStats(rec, 'tanh', rec.tau, 0)!;
    let logSum = 0;
    for (let j = 1; j <= rec.tau; j++) {
      let m = 0;
      for (let u = 0; u < rec.H; u++) m += 1 - hAt(rec, j, u) ** 2;
      logSum += Math.log(m / rec.H);
    }
    expect(st.mean).toBeCloseTo(Math.exp(logSum / rec.tau), 12);
    expect(st.steps).toBe(rec.tau);
    expect(st.saturated).toBeGreaterThanOrEqual(0);
    expect(st.saturated).toBeLessThanOrEqual(1);
    expect(slopeStats(rec, 'tanh', 3, 3)).toBeNull();
  });

  it('is exactly 1 for a linear RNN, and counts inactive ReLUs as saturated', () => {
    const lin = new Session({ model: { cell: 'rnn', activation: 'linear', hiddenSize: 4 }, init: { scheme: 'identity', recurrentScale: 0.5 }, task: { kind: 'adding', seqLength: 12 } });
    expect(slopeStats(lin.inspect(0), 'linear', 11, 0)).toEqual({ mean: 1, saturated: 0, steps: 11 });
    const relu = new Session({ model: { cell: 'rnn', activation: 'relu', hiddenSize: 16 }, task: { kind: 'adding', seqLength: 20 } });
    const rec = relu.inspect(0);
    let off = 0;
    for (let j = 1; j <= rec.tau; j++) for (let u = 0; u < rec.H; u++) off += hAt(rec, j, u) > 0 ? 0 : 1;
    expect(slopeStats(rec, 'relu', rec.tau, 0)!.saturated).toBeCloseTo(off / (rec.tau * rec.H), 12);
  });
});

describe('guideWords: ρ·⟨act′⟩ is a rough guide, the curve is the measurement', () => {
  it('states both, and agrees with a linear RNN exactly (Whh = 0.5·I: the guide is the Jacobian)', () => {
    const s = new Session({ model: { cell: 'rnn', activation: 'linear', hiddenSize: 4 }, init: { scheme: 'identity', recurrentScale: 0.5 }, task: { kind: 'adding', seqLength: 12 } });
    const rec = s.inspect(0);
    const fit = flowShape(rec.flowH)!;
    const g = guideWords('linear', s.spectral(), slopeStats(rec, 'linear', fit.from, fit.to), fit)!;
    expect(g.agrees).toBe(true);
    expect(g.why).toBeNull();
    expect(g.text).toBe('Rough guide: ρ(Whh) · ⟨linear′⟩ = 0.50 × 1.00 = 0.50 per step (vanishing), 0.000488 over 11 steps; measured: 0.000488 (×0.50 per step, vanishing).');
  });

  it('says why when the guide predicts growth and the error shrinks (the brief: (2.06·0.55)^10 = 3.48 against a measured 0.328)', () => {
    const spectral = [{ name: 'Whh', radius: 2.06, sigmaMax: 3.1 }];
    const g = guideWords('tanh', spectral, { mean: 0.55, saturated: 0.1, steps: 10 }, measured(0.328 ** 0.1))!;
    expect(guideKind(2.06 * 0.55)).toBe('exploding');
    expect(g.agrees).toBe(false);
    expect(g.text).toBe('Rough guide: ρ(Whh) · ⟨tanh′⟩ = 2.06 × 0.55 = 1.13 per step (exploding), 3.49 over 10 steps; measured: 0.328 (×0.89 per step, vanishing).');
    expect(g.why).toBe(
      "They disagree because the product of the Jacobians is not the product of their norms: ρ is the growth along W_hh's top eigenvector, and the error is not aligned with it — each diag(act′) turns it off that direction again.",
    );
    // one sentence
    expect(g.why!.split(/[.!?](\s|$)/).filter((p) => p.trim().length > 1)).toHaveLength(1);
  });

  it('names saturation when many slopes are near 0, σmax when the error grows faster than ρ, and a turn when the curve bends', () => {
    const spectral = [{ name: 'Whh', radius: 2, sigmaMax: 3.2 }];
    const sat = guideWords('tanh', spectral, { mean: 0.6, saturated: 0.4, steps: 10 }, measured(0.8))!;
    expect(sat.why).toBe('They disagree mostly through saturation: 40% of the slopes act′ along the way are below a tenth of their maximum (saturated units), and an error through those units is all but stopped, which an average slope hides.');
    const relu = guideWords('relu', spectral, { mean: 0.6, saturated: 0.5, steps: 10 }, measured(0.8))!;
    expect(relu.why).toMatch(/^They disagree mostly through saturation: 50% of the slopes act′ along the way are 0 \(inactive ReLUs\)/);
    const up = guideWords('tanh', spectral, { mean: 0.45, saturated: 0, steps: 10 }, measured(1.2))!;
    expect(up.why).toBe('They disagree because the product of the Jacobians is not the product of their norms: W_hh is not symmetric, so it stretches some directions by up to σmax = 3.20 per step, more than ρ = 2.00, and the error grows along them.');
    const orth = guideWords('tanh', [{ name: 'Whh', radius: 2, sigmaMax: 2 }], { mean: 0.45, saturated: 0, steps: 10 }, measured(1.2))!;
    expect(orth.why).toMatch(/\(alignment\)\.$/);
    const u = flowShape([3.5e-4, 2.0e-4, 1.0e-4, 5.4e-5, 2.9e-5, 1.4e-5, 8.4e-6, 8.7e-6, 2.8e-5, 2.0e-4, 7.6e-4])!;
    const turn = guideWords('tanh', spectral, { mean: 0.45, saturated: 0, steps: 10 }, u)!;
    expect(turn.text).toMatch(/measured: 0\.461 \(×0\.93 per step, falls, then rises\)\.$/);
    expect(turn.why).toMatch(/^They disagree because no single factor draws a curve that turns/);
  });

  it('agrees on the engine whenever it says so, and otherwise gives a reason (tanh RNNs at init, scales 1…3)', () => {
    for (const rs of [1, 1.5, 2, 3]) {
      const s = tanhRnn(rs);
      const rec = s.inspect(0);
      const fit = flowShape(rec.flowH)!;
      const g = guideWords('tanh', s.spectral(), slopeStats(rec, 'tanh', fit.from, fit.to), fit)!;
      expect(g.agrees).toBe(guideKind(g.step) === fit.shape);
      expect(g.why === null).toBe(g.agrees);
    }
  });

  it('is null without a spectrum or slopes, and words only the measurement without one', () => {
    expect(guideWords('tanh', null, { mean: 0.5, saturated: 0, steps: 3 }, null)).toBeNull();
    expect(guideWords('tanh', [{ name: 'Whh', radius: 1, sigmaMax: 1 }], null, null)).toBeNull();
    expect(guideWords('tanh', [{ name: 'Whh', radius: 1, sigmaMax: 1 }], { mean: 0.5, saturated: 0, steps: 3 }, null)!.text).toBe('Rough guide: ρ(Whh) · ⟨tanh′⟩ = 1.00 × 0.50 = 0.50 per step (vanishing), 0.125 over 3 steps.');
  });
});

describe('spectralWords never predicts what the measurement may contradict', () => {
  it('hedges ρ < 1 when σmax ≥ 1, and tells gated cells that their gates carry the error', () => {
    expect(spectralWords([{ name: 'Whh', radius: 0.99, sigmaMax: 1.8 }])).toBe('ρ(Whh) = 0.99, σmax = 1.80: ρ < 1, so repeated products with Whh shrink the error — it tends to vanish in the long run, though σmax ≥ 1 lets single steps stretch it.');
    const lstm = [{ name: 'Whf', radius: 0.9, sigmaMax: 1 }, { name: 'Who', radius: 1.4, sigmaMax: 2 }];
    expect(spectralWords(lstm, 'lstm')).toBe("largest ρ over Whf, Who: ρ(Who) = 1.40, σmax = 2.00. In an LSTM the error's direct path runs along the cell state c, multiplied at each step by the forget gate f, so ρ alone does not say whether it vanishes.");
    expect(spectralWords(lstm, 'gru')).toMatch(/In a GRU the error's direct path runs along h, multiplied at each step by the update gate z/);
  });
});

describe('the gate that carries a gated cell', () => {
  it("averages the LSTM's forget gate over units, geometrically over steps, through the record accessors", () => {
    const s = new Session({ model: { cell: 'lstm', hiddenSize: 16 }, task: { kind: 'echo', lag: 10, symbols: 4 }, truncate: 3 });
    const rec = s.inspect(0);
    let logSum = 0;
    for (let t = 1; t <= 10; t++) {
      let m = 0;
      for (let u = 0; u < rec.H; u++) m += gate(rec, 'f', t, u);
      logSum += Math.log(m / rec.H);
    }
    const f = carryGateMean(rec, 10, 0)!;
    expect(f).toBeCloseTo(Math.exp(logSum / 10), 12);
    // forget bias 1 at init: σ(≈1) ≈ 0.73 per step, as the brief measured
    expect(f).toBeGreaterThan(0.68);
    expect(f).toBeLessThan(0.78);
    expect(carryWords('lstm', f, 10)).toBe(`In an LSTM the error's direct path runs along the cell state c, multiplied at each step by the forget gate f: it averages ${f.toFixed(2)} here, ${Number((f ** 10).toPrecision(3))} over 10 steps; ρ·⟨act′⟩ is no guide to that path.`);
    expect(carryGateMean(tanhRnn(1).inspect(0), 10, 0)).toBeNull();
    expect(carryWords('rnn', 0.5, 3)).toBeNull();
  });
});

describe('truncation shorter than the lag', () => {
  it('says the lag-10 echo is beyond k = 3, and that the state still carries the symbol (forget gates ≈ 0.73 per step)', () => {
    const task = { kind: 'echo' as const, lag: 10, symbols: 4 };
    expect(taskLag(task)).toMatchObject({ answer: 10, earliest: 0 });
    const text = truncationLagWords(task, 3, 'chunk', 'lstm', 0.7306)!;
    expect(text).toBe(
      "Truncation k = 3 is shorter than this task's lag: the echo asks at step 10 for the symbol shown at step 0, 10 steps earlier, but the answer's error reaches back only to step 9. Truncation limits what the gradient can teach, not what the state carries: the forward pass still runs every step, and the LSTM carries it along the cell state c through forget gates averaging 0.73 per step, 0.0433 after 10 steps, so the output can still learn to read what is left of the input.",
    );
    expect(truncationLagWords(task, 3, 'window', 'rnn', null)).toMatch(/reaches back only to step 8\. .* the state carries it through W_hh and the activation at every step,/);
  });

  it('is silent without truncation, when the window reaches the input, and for tasks without a fixed lag', () => {
    const task = { kind: 'echo' as const, lag: 10, symbols: 4 };
    expect(truncationLagWords(task, 0, 'chunk', 'lstm', 0.7)).toBeNull();
    expect(truncationLagWords(task, 11, 'window', 'lstm', 0.7)).toBeNull();
    expect(truncationLagWords(task, 12, 'chunk', 'lstm', 0.7)).toBeNull();
    expect(truncationLagWords({ kind: 'sine', seqLength: 30, noise: 0, components: 1 }, 3, 'chunk', 'lstm', 0.7)).toBeNull();
    // the adding problem's first marker lies ⌈T/2⌉ … T − 1 steps back
    expect(taskLag({ kind: 'adding', seqLength: 50 })).toMatchObject({ answer: 49, earliest: 0 });
    expect(truncationLagWords({ kind: 'adding', seqLength: 50 }, 30, 'window', 'gru', 0.5)).toMatch(/^Truncation k = 30 is shorter than this task's lag: the adding problem answers at step 49 with a value marked 25 to 49 steps earlier, but the answer's error reaches back only to step 20\./);
  });
});

describe('the recurrent-scale hint (settings panel)', () => {
  it('says what the scale does and what decides, true for any init', () => {
    expect(recurrentScaleHint('rnn')).toBe("Multiplies the initial recurrent weights Wh·. What decides vanishing or exploding is roughly ρ(Whh) times the activation's slope, not the scale itself.");
    expect(recurrentScaleHint('lstm')).toMatch(/In an LSTM the forget gate sets how much error flows back/);
    for (const cell of ['rnn', 'lstm', 'gru'] as const) expect(recurrentScaleHint(cell)).not.toMatch(/above 1 invites explosion|below 1 vanishing/);
  });

  it('shows the live ρ: at scale 1 with the uniform init ρ is far below 1', () => {
    const s = new Session({ model: { cell: 'rnn', activation: 'tanh', hiddenSize: 16 }, init: { scheme: 'uniform', scale: 0.1, recurrentScale: 1 }, task: { kind: 'echo', lag: 10, symbols: 4 } });
    const text = rhoText(s.spectral())!;
    expect(text).toMatch(/^ρ\(Whh\) = 0\.\d\d$/);
    expect(Number(text.slice(-4))).toBeLessThan(0.5);
    expect(rhoText(null)).toBeNull();
    expect(rhoText([{ name: 'Whf', radius: 0.5, sigmaMax: 1 }, { name: 'Whg', radius: 2.4, sigmaMax: 3 }])).toBe('ρ(Whg) = 2.40');
  });
});
