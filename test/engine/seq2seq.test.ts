import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors';
import { Rng } from '../../src/engine/rng';
import { Seq2Seq } from '../../src/engine/seq2seq';
import type { Seq2SeqExample, Seq2SeqShape } from '../../src/engine/seq2seq';
import { ExampleTrainer } from '../../src/engine/seq2seq-trainer';
import type { CellKind } from '../../src/engine/types';
import { centralDifference, relErr } from './fixtures';

// Central differences with ε = 1e-5: truncation O(ε²) and rounding O(u/ε) both near 1e-10 (as gradcheck.test.ts).
const TOL = 1e-6;

function randomModel(seed: number, cell: CellKind, reverseSource: boolean, sigma = 0.6): Seq2Seq {
  const m = new Seq2Seq({ cell, activation: 'tanh', sourceVocab: 5, targetVocab: 4, hiddenSize: 3, reverseSource });
  const rng = new Rng(seed);
  for (let i = 0; i < m.theta.length; i++) m.theta[i] = rng.normal(0, sigma);
  return m;
}

const example: Seq2SeqExample = { source: [1, 4, 0, 2], target: [3, 1, 2] };

/** The analytic gradient of one example and the worst relative error against central differences, block by block. */
function check(m: Seq2Seq, ex: Seq2SeqExample): { worst: number; byBlock: Map<string, number>; grad: Float64Array } {
  m.forward(ex);
  m.grad.fill(0);
  m.backward(1);
  const grad = m.grad.slice();
  const byBlock = new Map<string, number>();
  let worst = 0;
  for (const b of m.layout.blocks) {
    let w = 0;
    for (let i = b.offset; i < b.offset + b.rows * b.cols; i++) w = Math.max(w, relErr(grad[i], centralDifference(m.theta, i, () => m.forward(ex))));
    byBlock.set(b.name, w);
    worst = Math.max(worst, w);
  }
  return { worst, byBlock, grad };
}

const cells: CellKind[] = ['rnn', 'lstm', 'gru'];

describe.each(cells)('encoder–decoder (%s): BPTT through decoder and encoder', (cell) => {
  it.each([false, true])('agrees with central differences for every parameter (reverseSource %s)', (reverse) => {
    const m = randomModel(7, cell, reverse);
    const { worst, byBlock, grad } = check(m, example);
    console.info(`seq2seq ${cell} reverse=${reverse}: worst relative error ${worst.toExponential(2)} over ${m.theta.length} parameters`);
    expect(worst).toBeLessThan(TOL);
    // every block was checked, encoder included
    expect([...byBlock.keys()].filter((n) => n.startsWith('enc.')).length).toBe(cell === 'rnn' ? 3 : cell === 'gru' ? 9 : 12);
    // the encoder learns only through the decoder's initial state: its gradient is nonzero in every block
    for (const b of m.layout.blocks.filter((x) => x.part === 'encoder')) {
      let s = 0;
      for (let i = b.offset; i < b.offset + b.rows * b.cols; i++) s += grad[i] * grad[i];
      expect(Math.sqrt(s)).toBeGreaterThan(1e-4);
    }
  });

  it('reversing the source is the same model reading the reversed tokens', () => {
    const a = randomModel(3, cell, true);
    const b = randomModel(3, cell, false);
    const la = a.forward({ source: [1, 2, 3, 4], target: [2, 1] });
    const lb = b.forward({ source: [4, 3, 2, 1], target: [2, 1] });
    expect(la).toBe(lb);
    a.grad.fill(0);
    a.backward(1);
    b.grad.fill(0);
    b.backward(1);
    expect(Array.from(a.grad)).toEqual(Array.from(b.grad));
    expect(la).not.toBe(a.forward({ source: [4, 3, 2, 1], target: [2, 1] }));
  });

  it('an empty target is one scored step, the end token', () => {
    const m = randomModel(5, cell, false);
    const r = m.record({ source: [2], target: [] });
    expect(r.decoder.outputs).toEqual(Int32Array.from([0]));
    expect(r.loss).toBeCloseTo(-Math.log(r.decoder.probs[0]), 14);
    const { worst } = check(m, { source: [2], target: [] });
    expect(worst).toBeLessThan(TOL);
  });

  it('records every state: the meaning vector is the encoder’s last state and the decoder’s first h0', () => {
    const m = randomModel(9, cell, false);
    const r = m.record(example);
    const H = 3;
    expect(r.encoderH.length).toBe(4 * H);
    expect(Array.from(r.meaningH)).toEqual(Array.from(r.encoderH.slice(3 * H)));
    expect(r.decoder.h.length).toBe(4 * H);
    expect(r.decoder.probs.length).toBe(4 * 4);
    expect(Array.from(r.decoder.inputs)).toEqual([0, 3, 1, 2]);
    expect(Array.from(r.decoder.outputs)).toEqual([3, 1, 2, 0]);
    for (let t = 0; t < 4; t++) {
      const row = r.decoder.probs.slice(t * 4, t * 4 + 4);
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
      expect(r.decoder.losses[t]).toBeCloseTo(-Math.log(row[r.decoder.outputs[t]]), 12);
    }
    expect(r.loss).toBeCloseTo(r.decoder.losses.reduce((s, v) => s + v, 0) / 4, 14);
    if (cell === 'lstm') expect(Array.from(r.meaningC)).toEqual(Array.from(r.encoderC.slice(3 * H)));
    else expect(r.meaningC.length).toBe(0);
  });
});

describe('greedy decoding of a hand-set network', () => {
  // A tanh RNN, H = 2; source tokens X = 0, Y = 1; target vocabulary {end = 0, A = 1, B = 2}.
  // Encoder: Wxh = 3·[e_X e_Y] (X lights unit 0, Y unit 1), Whh = 0, b = 0: the meaning is tanh(3)·e(last token).
  // Decoder: Whh = 3·I keeps the state, Wxh(start) = 0, Wxh(A) = [−6, 6] moves unit 0's charge to unit 1,
  // Wxh(B) = [0, −9] erases unit 1. Head: y = [−2h₀ − 2h₁ + 1, 3h₀ − 1, 3h₁ − 1] (end wins when the state is empty).
  function handSet(): Seq2Seq {
    const m = new Seq2Seq({ cell: 'rnn', activation: 'tanh', sourceVocab: 2, targetVocab: 3, hiddenSize: 2, reverseSource: false });
    const set = (name: string, v: number[]) => m.layout.view(m.theta, name).set(v);
    set('enc.Wxh', [3, 0, 0, 3]);
    set('enc.Whh', [0, 0, 0, 0]);
    set('enc.bh', [0, 0]);
    set('dec.Wxh', [0, -6, 0, 0, 6, -9]); // rows: unit 0 reads (start, A, B), unit 1 likewise
    set('dec.Whh', [3, 0, 0, 3]);
    set('dec.bh', [0, 0]);
    set('Why', [-2, -2, 3, 0, 0, 3]);
    set('by', [1, -1, -1]);
    return m;
  }

  it('X gives "A B" then the end token; Y gives "B" then the end token', () => {
    const m = handSet();
    // X: h0 = (0.995, 0); t0: h = tanh(3·h0) = (0.9951, 0) → y = (−0.99, 1.99, −1) → A.
    // t1 reads A: h = tanh((−6 + 2.99, 6)) = (−0.995, 1) → y = (1.01, −3.99, 2.0) → B.
    // t2 reads B: h = tanh((−2.99, 3 − 9)) = (−0.995, −1) → y = (4.99, −3.99, −4) → end.
    const x = m.decode([0], { maxLength: 10 });
    expect(x.tokens).toEqual([1, 2]);
    expect(x.ended).toBe(true);
    expect(Array.from(x.trace.inputs)).toEqual([0, 1, 2]);
    const h = Math.tanh(3 * Math.tanh(3));
    expect(x.trace.h[0]).toBeCloseTo(h, 14);
    // Y: h0 = (0, 0.995); t0: h = (0, 0.9951) → y = (−0.99, −1, 1.99) → B; t1 reads B: h = (0, tanh(2.99 − 9)) → end.
    const y = m.decode([1], { maxLength: 10 });
    expect(y.tokens).toEqual([2]);
    expect(Array.from(y.trace.outputs)).toEqual([2, 0]);
    // the decoder reads the last source token's state: "Y X" decodes as X
    expect(m.decode([1, 0], { maxLength: 10 }).tokens).toEqual([1, 2]);
  });

  it('stops at maxLength, and temperature sampling is seeded', () => {
    const m = handSet();
    const cut = m.decode([0], { maxLength: 1 });
    expect(cut.tokens).toEqual([1]);
    expect(cut.ended).toBe(false);
    const a = m.decode([0], { maxLength: 6, temperature: 3, rng: new Rng(4) }).tokens;
    const b = m.decode([0], { maxLength: 6, temperature: 3, rng: new Rng(4) }).tokens;
    expect(a).toEqual(b);
    // at a high temperature the samples differ from the greedy output for some seed
    const outs = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => m.decode([0], { maxLength: 6, temperature: 5, rng: new Rng(s) }).tokens.join(' ')));
    expect(outs.size).toBeGreaterThan(1);
  });
});

describe('bad inputs are typed EngineErrors naming the field', () => {
  const m = randomModel(1, 'lstm', false);
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
  it('source and target', () => {
    refuses(() => m.forward({ source: [], target: [1] }), 'empty', 'source:');
    refuses(() => m.forward({ source: [1, 5], target: [1] }), 'bad-config', 'source: token 1 is 5');
    refuses(() => m.forward({ source: [1, -1], target: [1] }), 'bad-config', 'source:');
    refuses(() => m.forward({ source: [1.5], target: [1] }), 'bad-config', 'source:');
    refuses(() => m.forward({ source: [1], target: [4] }), 'bad-config', 'target: token 0 is 4');
    refuses(() => m.forward({ source: [1], target: [2, 0] }), 'bad-config', 'target: token 1 is the end token');
    refuses(() => m.decode([], { maxLength: 3 }), 'empty', 'source:');
  });
  it('decoding options', () => {
    refuses(() => m.decode([1], { maxLength: 0 }), 'bad-config', 'maxLength:');
    refuses(() => m.decode([1], { maxLength: -2 }), 'bad-config', 'maxLength:');
    refuses(() => m.decode([1], { maxLength: 2.5 }), 'bad-config', 'maxLength:');
    refuses(() => m.decode([1], { maxLength: 3, temperature: -1 }), 'bad-config', 'temperature:');
    refuses(() => m.decode([1], { maxLength: 3, temperature: NaN }), 'bad-config', 'temperature:');
    refuses(() => m.decode([1], { maxLength: 3, temperature: 1 }), 'bad-config', 'rng:');
  });
  it('shapes', () => {
    const base: Seq2SeqShape = { cell: 'gru', activation: 'tanh', sourceVocab: 3, targetVocab: 3, hiddenSize: 4, reverseSource: false };
    refuses(() => new Seq2Seq({ ...base, cell: 'elman' as CellKind }), 'unknown-name', 'cell:');
    refuses(() => new Seq2Seq({ ...base, hiddenSize: 0 }), 'bad-config', 'hiddenSize:');
    refuses(() => new Seq2Seq({ ...base, sourceVocab: 0 }), 'bad-config', 'sourceVocab:');
    refuses(() => new Seq2Seq({ ...base, targetVocab: 1 }), 'bad-config', 'targetVocab:');
    refuses(() => new Seq2Seq({ ...base, reverseSource: 'yes' as unknown as boolean }), 'bad-config', 'reverseSource:');
  });
});

describe('training', () => {
  const pairs: Seq2SeqExample[] = [
    { source: [1, 2], target: [2, 1] },
    { source: [3], target: [3, 3] },
    { source: [4, 1, 2], target: [1] },
    { source: [2, 2], target: [] },
  ];
  function run(seed: number, steps: number): ExampleTrainer<Seq2SeqExample> {
    const rng = new Rng(seed);
    const m = new Seq2Seq({ cell: 'lstm', activation: 'tanh', sourceVocab: 5, targetVocab: 4, hiddenSize: 8, reverseSource: true });
    m.initialize(rng.fork());
    const data = rng.fork();
    const tr = new ExampleTrainer(m, { optimizer: { kind: 'adam', lr: 0.02 }, clip: { kind: 'norm', threshold: 1 } });
    for (let s = 0; s < steps; s++) tr.trainBatch([pairs[data.int(4)], pairs[data.int(4)]]);
    return tr;
  }

  it('the same seed gives the same θ, bit for bit; another seed does not', () => {
    const a = run(11, 60);
    const b = run(11, 60);
    const c = run(12, 60);
    expect(Array.from(a.model.theta)).toEqual(Array.from(b.model.theta));
    expect(a.loss).toBe(b.loss);
    expect(Array.from(a.model.theta)).not.toEqual(Array.from(c.model.theta));
  });

  it('fits four pairs, the encoder telling them apart', () => {
    const tr = run(2, 300);
    const m = tr.model as Seq2Seq;
    expect(tr.divergence).toBeNull();
    expect(m.greedy(pairs.map((p) => p.source), 5)).toEqual(pairs.map((p) => Array.from(p.target)));
  });

  it('a non-finite loss is a divergence, and no update is applied', () => {
    const m = new Seq2Seq({ cell: 'rnn', activation: 'tanh', sourceVocab: 5, targetVocab: 4, hiddenSize: 3, reverseSource: false });
    m.initialize(new Rng(1));
    m.layout.view(m.theta, 'by')[1] = Infinity;
    const before = m.theta.slice();
    const tr = new ExampleTrainer(m, { optimizer: { kind: 'sgd', lr: 0.1 }, clip: { kind: 'none' } });
    expect(tr.trainBatch([{ source: [1], target: [1] }])).toBe(false);
    expect(tr.divergence?.quantity).toBe('loss');
    expect(tr.step).toBe(0);
    expect(Array.from(m.theta)).toEqual(Array.from(before));
  });
});

describe('a backward pass needs its own forward pass', () => {
  it('is refused before any forward pass, and after a decode overwrote the buffers', () => {
    const m = randomModel(2, 'gru', false);
    expect(() => m.backward(1)).toThrow(EngineError);
    m.forward(example);
    m.decode([1, 2], { maxLength: 3 });
    expect(() => m.backward(1)).toThrow(/^backward:/);
  });
});
