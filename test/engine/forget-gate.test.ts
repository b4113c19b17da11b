// The LSTM's tanh forget gate (lesson "LSTM"): f = tanh(Wxf x_t + Whf h_{t−1} + bf) lies in (−1, 1) and can flip the
// sign of the memory. Its gradient is checked by central finite differences in gradcheck.test.ts and against the
// tfjs reference in reference.test.ts; here: what it computes, and what it does to learning.
import { describe, expect, it } from 'vitest';
import { Network } from '../../src/engine/network';
import { Rng } from '../../src/engine/rng';
import { Session } from '../../src/engine/session';
import type { ForgetGate } from '../../src/engine/types';

/** Mean of L over the task's fixed evaluation set. */
function evalLoss(s: Session): number {
  const set = s.task.evalSet();
  let sum = 0;
  for (const seq of set) sum += s.net.forward(seq);
  return sum / set.length;
}

/** A 1-input LSTM with every weight 0 but the given biases, run for T steps from c0 = 1 on zero inputs; returns c_t. */
function memory(forgetGate: ForgetGate, bf: number, bi: number, T: number): number[] {
  const net = new Network({ cell: 'lstm', activation: 'tanh', forgetGate, inputSize: 1, hiddenSize: 1, outputSize: 1, head: 'linear' });
  net.layout.view(net.theta, 'bf')[0] = bf;
  net.layout.view(net.theta, 'bi')[0] = bi;
  net.forward({ length: T, inputs: new Float64Array(T), targets: new Float64Array(T), mask: new Uint8Array(T).fill(1) }, [0], [1]);
  return Array.from(net.ws.cs.subarray(1, T + 1));
}

describe('the tanh forget gate', () => {
  it('f = tanh(a_f) lies in (−1, 1) and takes both signs; with σ it stays in (0, 1)', () => {
    const rng = new Rng(7);
    const I = 3, H = 6, T = 40;
    const inputs = Float64Array.from({ length: T * I }, () => rng.normal());
    const seq = { length: T, inputs, targets: new Float64Array(T * 2), mask: new Uint8Array(T).fill(1) };
    const theta = Float64Array.from({ length: 4 * H * (I + H + 1) + 2 * (H + 1) }, () => rng.normal(0, 1));
    const fValues = (forgetGate: ForgetGate): number[] => {
      const net = new Network({ cell: 'lstm', activation: 'tanh', forgetGate, inputSize: I, hiddenSize: H, outputSize: 2, head: 'linear' });
      net.theta.set(theta);
      net.forward(seq);
      const out: number[] = [];
      for (let t = 0; t < T; t++) for (let j = 0; j < H; j++) out.push(net.ws.act[t * 4 * H + j]);
      return out;
    };
    const tanhF = fValues('tanh');
    expect(tanhF.every((f) => f > -1 && f < 1)).toBe(true);
    expect(tanhF.filter((f) => f < -0.2).length).toBeGreaterThan(20);
    expect(tanhF.filter((f) => f > 0.2).length).toBeGreaterThan(20);
    expect(fValues('sigmoid').every((f) => f > 0 && f < 1)).toBe(true);
  });

  it('a negative forget pre-activation flips the memory every step (tanh) where σ erases it', () => {
    // i = σ(−40) ≈ 4e-18: nothing is written, c_t = f · c_{t−1} from c0 = 1.
    const flip = memory('tanh', -20, -40, 6); // tanh(−20) = −1 in binary64
    expect(flip.map((c) => Math.round(c))).toEqual([-1, 1, -1, 1, -1, 1]);
    flip.forEach((c) => expect(Math.abs(c)).toBeCloseTo(1, 12));
    memory('sigmoid', -20, -40, 6).forEach((c) => expect(Math.abs(c)).toBeLessThan(1e-8));
    // a positive one keeps it with both gates: tanh(3) ≈ 0.995 per step, σ(3) ≈ 0.953
    expect(memory('tanh', 3, -40, 10)[9]).toBeCloseTo(Math.tanh(3) ** 10, 12);
    expect(memory('sigmoid', 3, -40, 10)[9]).toBeCloseTo((1 / (1 + Math.exp(-3))) ** 10, 12);
  });
});

describe('what the tanh forget gate does to learning echo (LSTM, hidden 16, batch 32, Adam 0.003, norm clipping 1)', () => {
  const run = (lag: number, forgetBias: number, forgetGate: ForgetGate, seed: number, steps: number) => {
    const s = new Session({ task: { kind: 'echo', lag, symbols: 4 }, model: { cell: 'lstm', hiddenSize: 16, forgetGate }, init: { scheme: 'xavier', forgetBias }, optimizer: { kind: 'adam', lr: 0.003 }, clip: { kind: 'norm', threshold: 1 }, batch: 32, seed });
    expect(s.train(steps)).toBe(steps);
    return { accuracy: s.evaluate().value, loss: evalLoss(s) };
  };

  // Forget bias 0 (no bias trick), lag 10, 150 steps. σ starts every forget gate near 0.5, tanh near 0 with either
  // sign, which wipes (or flips) the memory at every step until training has pushed f up. Measured at step 150,
  // accuracy / eval loss, sigmoid vs tanh: seed 1 100% / 0.175 vs 50% / 0.689; seed 2 75% / 0.375 vs 50% / 0.846;
  // seed 3 100% / 0.023 vs 75% / 0.713. Over seeds 1–8 the sigmoid gate had the lower loss in 7 (seed 7: 0.476
  // vs 0.349) and at least the accuracy of the tanh gate in all 8. Every run reaches 100% by step 250 (σ by step
  // 100–200, tanh by 150–250): the tanh gate learns slower here, it does not prevent learning.
  it.each([1, 2, 3])('forget bias 0, lag 10, seed %i: after 150 steps σ has the higher accuracy and at most half the loss', (seed) => {
    const sig = run(10, 0, 'sigmoid', seed, 150);
    const tanh = run(10, 0, 'tanh', seed, 150);
    expect(sig.accuracy).toBeGreaterThan(tanh.accuracy);
    expect(sig.loss).toBeLessThan(tanh.loss / 2);
  });

  // The contrast disappears with the forget bias of docs/experiments.md (3): tanh(3) ≈ 0.995 keeps the memory even
  // better than σ(3) ≈ 0.953. Measured at lag 20, seeds 1–3: both gates at 100% from the first evaluation (step
  // 100), eval loss at step 100 0.057 / 0.074 / 0.040 (σ) vs 0.061 / 0.096 / 0.060 (tanh), both below 0.001 by
  // step 1500. (Also measured, no reliable difference either way: lag 20 and 40 with forget bias 1, where the tanh
  // gate was faster at lag 20; the adding problem, T = 25 with bias 0 and T = 50 with bias 1 and 3.)
  it('forget bias 3, lag 20: both gates solve it within 100 steps', () => {
    for (const seed of [1, 2, 3]) {
      for (const gate of ['sigmoid', 'tanh'] as const) expect(run(20, 3, gate, seed, 100).accuracy, `${gate}, seed ${seed}`).toBe(1);
    }
  });
});
