import { describe, expect, it } from 'vitest';
import { Captioner } from '../../src/engine/captioner';
import { normalizeConfig } from '../../src/engine/config';
import type { SessionConfig } from '../../src/engine/config';
import { createSession } from '../../src/engine/create-session';
import { EngineError } from '../../src/engine/errors';
import type { OptimizerKind } from '../../src/engine/optim';
import { Rng } from '../../src/engine/rng';
import { Seq2Seq } from '../../src/engine/seq2seq';
import { CAPTION_CONV_CHANNELS, Seq2SeqSession } from '../../src/engine/seq2seq-session';
import { ExampleTrainer } from '../../src/engine/seq2seq-trainer';
import { Session } from '../../src/engine/session';
import type { RunSnapshot } from '../../src/engine/snapshot';
import { CaptionTask } from '../../src/engine/tasks/caption';
import { TranslateTask } from '../../src/engine/tasks/translate';
import type { CellKind } from '../../src/engine/types';

/** The bytes of a Float64Array: equal bytes are equal doubles, −0 and NaN payloads included. */
const bytes = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

const translate = (cell: CellKind, o: Partial<SessionConfig> & { reverse?: boolean } = {}): SessionConfig =>
  normalizeConfig({ task: { kind: 'translate', reverse: o.reverse ?? false }, model: { cell, hiddenSize: 8 }, optimizer: o.optimizer ?? { kind: 'adam', lr: 0.01 }, batch: 4, seed: o.seed ?? 3, clip: o.clip }).config;
const caption = (cell: CellKind, o: Partial<SessionConfig> = {}): SessionConfig =>
  normalizeConfig({ task: { kind: 'caption' }, model: { cell, hiddenSize: 6 }, optimizer: o.optimizer ?? { kind: 'adam', lr: 0.005 }, batch: 2, seed: o.seed ?? 5 }).config;

/** Trains n steps one by one: step, loss, ‖g‖, ‖g‖ clipped and clipped of each. */
function trainLog(s: Seq2SeqSession, n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    expect(s.train(1)).toBe(1);
    const m = s.metrics();
    out.push([m.step, m.loss, m.gradNorm, m.gradNormClipped, Number(m.clipped)]);
  }
  return out;
}

describe('createSession picks the session that trains the task', () => {
  it('translate and caption get a Seq2SeqSession, the sequence tasks a Session', () => {
    expect(createSession({ task: { kind: 'translate' } }).family).toBe('example');
    expect(createSession({ task: { kind: 'caption' } }).family).toBe('example');
    expect(createSession({ task: { kind: 'echo', lag: 2, symbols: 2 } }).family).toBe('sequence');
    expect(createSession(undefined)).toBeInstanceOf(Session);
  });

  it('a Session refuses a translate config and a Seq2SeqSession an echo one, naming the field', () => {
    expect(() => new Session({ task: { kind: 'translate' } })).toThrow(/task\.kind: the translate task is trained by a Seq2SeqSession/);
    expect(() => new Seq2SeqSession({ task: { kind: 'echo' } })).toThrow(EngineError);
  });
});

describe('the config of an encoder–decoder or a captioner', () => {
  it('keeps the settings they run and puts the others back, one note each', () => {
    const { config, notes } = normalizeConfig({ task: { kind: 'translate', reverse: '1' }, model: { cell: 'lstm', hiddenSize: 12, recurrence: 'off', forgetGate: 'tanh' }, init: { scheme: 'orthogonal', recurrentScale: 2, forgetBias: 2 }, truncate: 3, truncMode: 'window' });
    expect(config.task).toEqual({ kind: 'translate', reverse: true });
    expect(config.model).toEqual({ cell: 'lstm', activation: 'tanh', hiddenSize: 12 });
    expect(config.init).toEqual({ scheme: 'xavier', scale: 0.1, recurrentScale: 1, forgetBias: 2 });
    expect([config.truncate, config.truncMode]).toEqual([0, 'chunk']);
    expect(notes).toEqual([
      'The encoder–decoder trains with full BPTT; truncation k 3 is not used.',
      'The encoder–decoder always carries its state from step to step; recurrence stays on.',
      'The encoder–decoder uses the sigmoid forget gate.',
      'The encoder–decoder starts its weights Xavier-uniform (only the forget-gate bias is set); the orthogonal initialization, recurrent scale 2 not used.',
    ]);
    // normalizing the result changes nothing: a saved run's config passes checkSnapshot
    expect(normalizeConfig(config)).toEqual({ config, notes: [] });
  });

  it('trains on the reference kernels: the fast path is dropped with a note', () => {
    const { config, notes } = normalizeConfig({ task: { kind: 'caption' }, kernels: 'fast' });
    expect(config.kernels).toBeUndefined();
    expect(notes).toEqual(['The captioner trains on the Float64 reference kernels only.']);
  });

  it('repairs a reverse that is not a yes or no, and drops fields the task does not use', () => {
    expect(normalizeConfig({ task: { kind: 'translate', reverse: 'sideways' } }).notes).toEqual(['reverse was "sideways", not true or false; using false.']);
    expect(normalizeConfig({ task: { kind: 'translate', reverse: 0 } }).config.task).toEqual({ kind: 'translate', reverse: false });
    const c = normalizeConfig({ task: { kind: 'caption', lag: 5, text: '<b>' } });
    expect(c.config.task).toEqual({ kind: 'caption' });
    expect(c.notes).toEqual(['Ignored the field "lag", which the caption task does not use.', 'Ignored the field "text", which the caption task does not use.']);
  });
});

describe('Seq2SeqSession trains the same model as ExampleTrainer does by hand', () => {
  it('translation: θ and every loss after 30 steps equal, bit for bit, and the metric is the task’s', () => {
    const cfg = translate('gru', { reverse: true });
    const s = new Seq2SeqSession(cfg);
    const task = new TranslateTask();
    const rng = new Rng(cfg.seed);
    const m = new Seq2Seq({ cell: 'gru', activation: 'tanh', sourceVocab: 29, targetVocab: 11, hiddenSize: 8, reverseSource: true });
    m.initialize(rng.fork());
    const data = rng.fork();
    const tr = new ExampleTrainer(m, { optimizer: cfg.optimizer, clip: cfg.clip });
    const mine = trainLog(s, 30).map((r) => r[1]);
    const theirs: number[] = [];
    for (let i = 0; i < 30; i++) {
      tr.trainBatch(Array.from({ length: 4 }, () => task.sample(data)));
      theirs.push(tr.loss);
    }
    expect(mine).toEqual(theirs);
    expect(bytes(s.app.model.theta)).toEqual(bytes(m.theta));
    expect(s.evaluate()).toEqual(task.evaluate(m.greedy(task.test.map((p) => p.source), task.maxLength)));
    expect(s.shape().task).toEqual({ kind: 'translate', inputSize: 11, outputSize: 11, head: 'softmax', length: 5, evalSize: 205 });
    expect(s.shape().model.paramCount).toBe(m.theta.length);
  });

  it('captions: the same for an LSTM captioner with 6 convolution channels', () => {
    const cfg = caption('lstm');
    const s = new Seq2SeqSession(cfg);
    const task = new CaptionTask();
    const rng = new Rng(cfg.seed);
    const m = new Captioner({ cell: 'lstm', activation: 'tanh', imageSize: 16, imageChannels: 3, convChannels: CAPTION_CONV_CHANNELS, hiddenSize: 6, vocab: task.vocab.length });
    m.initialize(rng.fork());
    const data = rng.fork();
    const tr = new ExampleTrainer(m, { optimizer: cfg.optimizer, clip: cfg.clip });
    trainLog(s, 8);
    for (let i = 0; i < 8; i++) tr.trainBatch(Array.from({ length: 2 }, () => task.sample(data)));
    expect(bytes(s.app.model.theta)).toEqual(bytes(m.theta));
    expect(s.evaluate().value).toBe(task.evaluate(m.greedy(task.test.map((p) => p.image), task.maxLength)).value);
    expect(s.shape().task.evalSize).toBe(256);
  });

  it('reset replays the same run', () => {
    const s = new Seq2SeqSession(translate('lstm'));
    const a = trainLog(s, 10);
    s.reset();
    expect(s.step).toBe(0);
    expect(trainLog(s, 10)).toEqual(a);
  });
});

describe('Seq2SeqSession.inspect: the decoder’s steps on one held-out example, as a Session records a sequence', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as CellKind[]) {
    it(`${cell}: every field sized and honest, the start state is the meaning vector, nothing of the run changes`, () => {
      const s = new Seq2SeqSession(translate(cell));
      s.train(5);
      const before = s.snapshot();
      const rec = s.inspect(7);
      const after = s.snapshot();
      expect(bytes(after.theta)).toEqual(bytes(before.theta));
      expect(after.data).toEqual(before.data);
      expect(bytes(after.optimizer.m)).toEqual(bytes(before.optimizer.m));
      const ex = s.app.kind === 'translate' ? s.app.task.test[7] : null;
      const T = ex!.target.length + 1;
      const H = 8;
      const G = cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
      expect([rec.T, rec.H, rec.I, rec.O, rec.cell]).toEqual([T, H, 11, 11, cell]);
      expect([rec.h.length, rec.gates.length, rec.p.length, rec.dh.length, rec.losses.length, rec.preX.length]).toEqual([T * H, T * G * H, T * 11, T * H, T, T * G * H]);
      expect(rec.c.length).toBe(cell === 'lstm' ? T * H : 0);
      expect(Array.from(rec.mask)).toEqual(new Array(T).fill(1));
      // the loss is the model's own teacher-forced loss of the pair; the start state its meaning vector
      const model = s.app.model as Seq2Seq;
      const r = model.record(ex!);
      expect(rec.loss).toBe(r.loss);
      expect(bytes(rec.h0!)).toEqual(bytes(r.meaningH));
      if (cell === 'lstm') expect(bytes(rec.c0!)).toEqual(bytes(r.meaningC));
      else expect(rec.c0).toBeUndefined();
      expect(bytes(rec.h)).toEqual(bytes(r.decoder.h));
      expect(bytes(rec.p)).toEqual(bytes(r.decoder.probs));
      // labels: it reads start then the reference, writes the reference then end
      expect(rec.inputLabels[0]).toBe('start');
      expect(rec.targetLabels.at(-1)).toBe('end');
      expect(rec.targetLabels.slice(0, -1).join('')).toBe(String(ex!.n));
      // the flow profile from the last step, and a gradient norm for every block of the whole model
      expect(rec.tau).toBe(T - 1);
      expect(rec.flowH.length).toBe(T);
      expect(rec.blockNames).toEqual(model.layout.blocks.map((b) => b.name));
      expect(rec.blockNames.some((n) => n.startsWith('enc.'))).toBe(true);
      expect(rec.blockGradNorms.length).toBe(rec.blockNames.length);
      expect([...rec.dh, ...rec.flowH, ...rec.blockGradNorms].every(Number.isFinite)).toBe(true);
      expect(rec.blockGradNorms.every((v) => v > 0)).toBe(true);
    });
  }

  it('captions: the start state is the picture’s projection tanh(Wp f + bp), h0 then c0', () => {
    const s = new Seq2SeqSession(caption('lstm'));
    s.train(2);
    const rec = s.inspect(3);
    const ex = s.app.kind === 'caption' ? s.app.task.test[3] : null;
    const r = (s.app.model as Captioner).record(ex!);
    expect(bytes(rec.h0!)).toEqual(bytes(r.imageState.slice(0, 6)));
    expect(bytes(rec.c0!)).toEqual(bytes(r.imageState.slice(6, 12)));
    expect(rec.loss).toBe(r.loss);
    expect(rec.blockNames.slice(0, 4)).toEqual(['conv.K', 'conv.b', 'proj.W', 'proj.b']);
  });

  it('τ: any step of the decoder is scored; an outside one is refused by scoredStep and throws in inspect', () => {
    const s = new Seq2SeqSession(translate('rnn'));
    const T = s.reference(0).length + 1;
    expect(s.scoredStep(0, 0)).toBe(0);
    expect(s.scoredStep(0, T - 1)).toBe(T - 1);
    expect(s.scoredStep(0, T)).toBeUndefined();
    expect(s.scoredStep(0, -1)).toBeUndefined();
    expect(s.scoredStep(0, null)).toBeUndefined();
    expect(s.inspect(0, 0).flowH.length).toBe(1);
    expect(() => s.inspect(0, T)).toThrow(/τ must be a scored step/);
    // the sample wraps around the test set, negative ones too
    expect(s.inspect(-1).loss).toBe(s.inspect(204).loss);
  });
});

describe('Seq2SeqSession.snapshot and restore: a saved run goes on bit for bit', () => {
  const cases: [string, SessionConfig][] = [];
  for (const cell of ['rnn', 'lstm', 'gru'] as CellKind[]) {
    for (const kind of ['sgd', 'momentum', 'rmsprop', 'adam'] as OptimizerKind[]) cases.push([`translate ${cell} ${kind}`, translate(cell, { optimizer: { kind, lr: kind === 'sgd' ? 0.1 : 0.01 }, reverse: cell === 'rnn', seed: 9 })]);
    cases.push([`caption ${cell} adam`, caption(cell)]);
  }
  it.each(cases)('%s', (_, cfg) => {
    const isCaption = cfg.task.kind === 'caption';
    const [first, then] = isCaption ? [4, 4] : [30, 20];
    const straight = new Seq2SeqSession(cfg);
    expect(straight.notes).toEqual([]);
    straight.train(first);
    const snap = straight.snapshot();
    const restored = new Seq2SeqSession(cfg);
    restored.restore(snap);
    expect(restored.metrics()).toEqual(straight.metrics());
    const a = trainLog(straight, then);
    const b = trainLog(restored, then);
    expect(b[0][0]).toBe(first + 1);
    expect(b).toEqual(a);
    expect(bytes(restored.app.model.theta)).toEqual(bytes(straight.app.model.theta));
    const [sa, sb] = [straight.snapshot(), restored.snapshot()];
    expect(bytes(sb.optimizer.m)).toEqual(bytes(sa.optimizer.m));
    expect(bytes(sb.optimizer.v)).toEqual(bytes(sa.optimizer.v));
    expect(sb.data).toEqual(sa.data);
  });

  it('a snapshot at step 0 restores (its figures are 0, not NaN)', () => {
    const cfg = translate('lstm');
    const s = new Seq2SeqSession(cfg);
    const r = new Seq2SeqSession(cfg);
    r.restore(s.snapshot());
    expect(trainLog(r, 3)).toEqual(trainLog(s, 3));
  });

  it('a diverged run is saved with its divergence and stays diverged', () => {
    const cfg = translate('rnn', { optimizer: { kind: 'sgd', lr: 1 }, clip: { kind: 'none' } });
    const s = new Seq2SeqSession(cfg);
    // an output head near the largest double: y overflows, and the loss with it
    const huge = s.snapshot();
    const why = s.app.model.layout.find('Why')!;
    for (let i = 0; i < why.rows * why.cols; i++) huge.theta[why.offset + i] = i % 2 ? -1e308 : 1e308;
    s.restore(huge);
    expect(s.train(3)).toBe(0);
    const d = s.divergence!;
    expect(d).toMatchObject({ step: 0, cause: 'update', quantity: 'loss' });
    const r = new Seq2SeqSession(cfg);
    r.restore(s.snapshot());
    expect(r.divergence).toEqual(d);
    expect(r.train(2)).toBe(0);
  });

  it('refuses, naming the field, a snapshot of another config, the wrong size, NaN, or a quantity training cannot name; the run is left as it was', () => {
    const s = new Seq2SeqSession(translate('lstm', { reverse: true }));
    s.train(4);
    const good = s.snapshot();
    const other = new Seq2SeqSession(translate('lstm'));
    other.train(2);
    const nan = good.theta.slice();
    nan[0] = NaN;
    const bad: [unknown, RegExp][] = [
      [other.snapshot(), /another configuration/],
      [{ ...good, theta: good.theta.slice(1) }, /theta: has \d+ entries; this network needs \d+/],
      [{ ...good, theta: nan }, /theta: entry 0 is NaN/],
      [{ ...good, trainer: { ...good.trainer, divergence: { step: 4, cause: 'update', quantity: 'gradient of <img src=x>', message: '' } } }, /trainer\.divergence\.quantity/],
      [{ ...good, trainer: { ...good.trainer, divergence: { step: 4, cause: 'update', quantity: 'gradient of enc.Wnope', message: '' } } }, /trainer\.divergence\.quantity/],
      [new Session({ task: { kind: 'echo', lag: 2, symbols: 2 } }).snapshot(), /another configuration/],
    ];
    s.train(1);
    for (const [b, message] of bad) {
      const before = s.snapshot();
      expect(() => s.restore(b as RunSnapshot)).toThrow(message);
      const after = s.snapshot();
      expect(bytes(after.theta)).toEqual(bytes(before.theta));
      expect(after.trainer).toEqual(before.trainer);
      expect(after.data).toEqual(before.data);
    }
    // a dotted block name of this network is a quantity it can name; the sentence is the engine's own
    s.restore({ ...good, trainer: { ...good.trainer, divergence: { step: 4, cause: 'update', quantity: 'gradient of enc.Whf', message: 'ignored' } } });
    expect(s.divergence!.message).toBe('Training diverged at step 4: the next update made the gradient of enc.Whf infinite or NaN, so it was not applied.');
  });
});

describe('Seq2SeqSession outside training', () => {
  it('spectral: ρ and σ_max of the encoder’s and the decoder’s recurrent blocks', () => {
    const s = new Seq2SeqSession(translate('gru'));
    expect(s.spectral().map((b) => b.name)).toEqual(['enc.Whz', 'enc.Whr', 'enc.Whn', 'dec.Whz', 'dec.Whr', 'dec.Whn']);
    for (const b of s.spectral()) expect(b.sigmaMax).toBeGreaterThanOrEqual(b.radius - 1e-9);
    expect(new Seq2SeqSession(caption('rnn')).spectral().map((b) => b.name)).toEqual(['dec.Whh']);
  });

  it('declareDivergence dates a divergence found outside training to the latest update, once', () => {
    const s = new Seq2SeqSession(translate('rnn'));
    s.train(2);
    s.declareDivergence('output on the evaluation set');
    s.declareDivergence('loss');
    expect(s.divergence).toMatchObject({ step: 2, cause: 'weights', quantity: 'output on the evaluation set' });
    expect(s.train(1)).toBe(0);
  });
});
