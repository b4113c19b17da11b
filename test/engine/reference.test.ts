// The engine's trace (hand-derived BPTT, float64) against an independent TensorFlow.js reference
// (automatic differentiation, float32) on random specs of every cell, activation, head and
// initial-state choice, plus a case small enough to check by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng';
import { runTrace } from '../../src/engine/trace';
import { differences, type Tolerance } from './reference/compare';
import { handExpected, handSpec } from './reference/hand-case';
import { allVariants, optionVariants, randomSpec } from './reference/random-spec';
import { initTfjs, tfjsTrace } from './reference/tfjs-reference';
import type { TraceResult, TraceSpec } from './reference/trace-types';

beforeAll(initTfjs);

/**
 * Why |a − b| ≤ 1e-4 + 1e-3·|b|: the reference computes in float32 (unit roundoff 6e-8). With
 * weights ~ N(0, 0.25), inputs ~ N(0, 1), at most 7 steps and 5 units, values and derivatives are
 * O(1) and each is a few hundred flops deep, so its rounding error stays near 1e-5 absolute
 * (measured over these 72 specs: worst |Δ| 7.0e-6, worst relative 1.7e-5 where |b| > 0.01, i.e.
 * under 1% of this tolerance). 1e-4 absolute covers quantities that cancel to near zero, 1e-3
 * relative the larger gradients. A wrong formula (a missing term, a transposed matrix, a wrong
 * gate) shifts a value by a fraction of its own size, far above this.
 */
const TOL: Tolerance = { abs: 1e-4, rel: 1e-3 };

/** The contract's fields of an engine trace, so that extra fields the engine may add are not compared. */
function contractView(r: TraceResult): TraceResult {
  const out: TraceResult = {
    loss: r.loss,
    steps: r.steps.map((s) => ({ h: s.h, c: s.c, gates: s.gates, y: s.y, p: s.p, loss: s.loss })),
    dh: r.dh,
    dc: r.dc,
    dh0: r.dh0,
    dc0: r.dc0,
    grads: r.grads,
  };
  return out;
}

function describeSpec(spec: TraceSpec): string {
  const kind = spec.cell === 'rnn' ? `rnn/${spec.activation}` : spec.cell;
  const init = spec.h0 ? 'h0 given' : 'h0 absent';
  const options = `${spec.recurrence ? `, recurrence ${spec.recurrence}` : ''}${spec.forgetGate ? `, ${spec.forgetGate} forget gate` : ''}`;
  return `${kind}, ${spec.output} head, I=${spec.inputSize} H=${spec.hiddenSize} O=${spec.outputSize} T=${spec.inputs.length}, ${init}${options}`;
}

/** Every mismatch between the engine's trace and the reference over `specs`, with the first failing spec. */
function mismatches(specs: TraceSpec[]): { count: number; report: string } {
  const failures: string[] = [];
  let firstBad: TraceSpec | null = null;
  specs.forEach((spec, k) => {
    const label = `spec ${k} (${describeSpec(spec)})`;
    let gaps: string[];
    try {
      gaps = differences(contractView(runTrace(spec)), tfjsTrace(spec), TOL, label);
    } catch (e) {
      gaps = [`${label}: threw ${(e as Error).message}`];
    }
    if (gaps.length > 0 && !firstBad) firstBad = spec;
    failures.push(...gaps);
  });
  const report = failures.length === 0 ? '' : `${failures.length} mismatches (got = engine, expected = tfjs reference), first 25:\n${failures.slice(0, 25).join('\n')}\nfirst failing spec: ${JSON.stringify(firstBad)}`;
  return { count: failures.length, report };
}

describe('engine trace: the hand-checkable 1-unit linear rnn', () => {
  it('gives L = 1.25, dh = (2, 2), dh0 = 1, ∂L/∂(Wxh, Whh, bh, Why, by) = (6, 2, 4, 3, 1.5)', () => {
    const r = runTrace(handSpec);
    const got = { loss: r.loss, h: r.steps.map((s) => s.h), y: r.steps.map((s) => s.y), stepLoss: r.steps.map((s) => s.loss), dh: r.dh, dh0: r.dh0, grads: r.grads };
    expect(differences(got, handExpected, { abs: 1e-12, rel: 1e-12 }, 'hand')).toEqual([]);
    expect(r.steps.map((s) => s.gates)).toEqual([{}, {}]);
    expect(r.dc).toBeUndefined();
  });

  it('agrees with the tfjs reference on it', () => {
    expect(differences(contractView(runTrace(handSpec)), tfjsTrace(handSpec), TOL, 'hand')).toEqual([]);
  });
});

describe('engine trace against the tfjs reference on random specs', () => {
  // 12 (cell, activation, head) variants × {h0 given, h0 absent} × 3 seeds = 72 specs.
  const rng = new Rng(20260601);
  const specs: TraceSpec[] = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const initialState of [true, false]) {
      for (const v of allVariants()) specs.push(randomSpec(rng.fork(), { ...v, initialState }));
    }
  }

  it('covers every cell × activation × head × initial-state combination', () => {
    const combos = new Set(specs.map((s) => `${s.cell}/${s.activation ?? '-'}/${s.output}/${s.h0 ? 'h0' : '-'}/${s.c0 ? 'c0' : '-'}`));
    expect(specs.length).toBeGreaterThanOrEqual(60);
    expect(combos.size).toBe(24);
    expect(specs.some((s) => s.targets.includes(null))).toBe(true);
    // a null last target: dh_{T−1} must be 0 there, and the steps after the last scored one untouched by L
    expect(specs.some((s) => s.targets[s.targets.length - 1] === null)).toBe(true);
  });

  it('matches loss, h, c, gates, y, p, ℓ_t, dh, dc, dh0, dc0 and every ∂L/∂W', () => {
    const { count, report } = mismatches(specs);
    expect(count, report).toBe(0);
  });
});

describe('engine trace against the tfjs reference with the model options', () => {
  // recurrence off (every cell and activation; Wh· zero, no h0) and the LSTM's tanh forget gate (recurrence on
  // and off): 16 variants × 3 seeds = 48 specs, compared field by field like the ones above.
  const rng = new Rng(20260602);
  const specs: TraceSpec[] = [];
  for (let rep = 0; rep < 3; rep++) for (const v of optionVariants()) specs.push(randomSpec(rng.fork(), v));

  it('covers recurrence off for every cell × activation × head and the tanh forget gate with recurrence on and off', () => {
    const combos = new Set(specs.map((s) => `${s.cell}/${s.activation ?? '-'}/${s.output}/${s.recurrence ?? 'on'}/${s.forgetGate ?? 'sigmoid'}`));
    expect(combos.size).toBe(16);
    expect(specs.filter((s) => s.recurrence === 'off').every((s) => !s.h0 && !s.c0)).toBe(true);
  });

  it('matches loss, h, c, gates (f in (−1, 1) with the tanh gate), y, p, ℓ_t, dh, dc, dh0, dc0 and every ∂L/∂W', () => {
    const { count, report } = mismatches(specs);
    expect(count, report).toBe(0);
    // the tanh gate really produced negative forget values, and recurrence off really zeroed ∂L/∂Wh·, dh0, dc0
    expect(specs.some((s) => s.forgetGate === 'tanh' && runTrace(s).steps.some((st) => st.gates.f.some((f) => f < 0)))).toBe(true);
    for (const s of specs.filter((x) => x.recurrence === 'off')) {
      const r = runTrace(s);
      for (const [name, g] of Object.entries(r.grads)) if (/^Wh[^y]/.test(name)) expect((g as number[][]).flat().every((v) => v === 0), name).toBe(true);
      expect(r.dh0.every((v) => v === 0)).toBe(true);
      if (r.dc0) expect(r.dc0.every((v) => v === 0)).toBe(true);
    }
  });
});
