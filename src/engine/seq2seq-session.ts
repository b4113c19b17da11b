/**
 * A training run of the translation or the captioning task: an encoder–decoder (seq2seq.ts) or a captioner
 * (captioner.ts) trained on whole examples by ExampleTrainer, behind the same TrainingSession interface as Session, so
 * the worker's loop, snapshots and the views drive it the same way.
 */
import { Captioner } from './captioner';
import type { CaptionExample } from './captioner';
import { defaultConfig, normalizeConfig } from './config';
import type { SessionConfig } from './config';
import { EngineError } from './errors';
import { inspectNetwork } from './inspect';
import type { StepLabels } from './inspect';
import { largestSingularValue, spectralRadius } from './linalg';
import { Network } from './network';
import { Rng } from './rng';
import { Seq2Seq } from './seq2seq';
import type { Seq2SeqExample } from './seq2seq';
import { BOUNDARY, teacherForced } from './seq2seq-decoder';
import type { Decoded } from './seq2seq-decoder';
import { ExampleTrainer } from './seq2seq-trainer';
import type { InspectRecord, SessionMetrics, SpectralInfo } from './session';
import { checkSnapshot } from './snapshot';
import type { RunSnapshot } from './snapshot';
import { CaptionTask } from './tasks/caption';
import type { CaptionPair } from './tasks/caption';
import { argmax } from './tasks/sequence';
import type { TaskMetric } from './tasks/task';
import { TranslateTask } from './tasks/translate';
import type { TranslatePair } from './tasks/translate';
import { divergenceMessage } from './trainer';
import type { Divergence } from './trainer';
import type { LatestStep, SessionShape, TrainingSession } from './training-session';

/** The captioner's convolution channels: the setting measured in docs/engine.md ("Captions"). */
export const CAPTION_CONV_CHANNELS = 6;

/** The task, its model and trainer, by kind: the one place the two applications differ. */
export type ExampleApp =
  | { kind: 'translate'; task: TranslateTask; model: Seq2Seq; trainer: ExampleTrainer<Seq2SeqExample>; batch: TranslatePair[] }
  | { kind: 'caption'; task: CaptionTask; model: Captioner; trainer: ExampleTrainer<CaptionExample>; batch: CaptionPair[] };

/** The decoder's state before its first step for one example: the meaning vector, or the picture's projection. */
export interface DecoderStart {
  h0: Float64Array;
  /** c0 for the LSTM, else empty */
  c0: Float64Array;
}

/** A test example decoded greedily: its tokens (end token left out) and the decoder's start state. */
export interface DecodedExample extends Decoded {
  start: DecoderStart;
}

/**
 * Builds the task and model of the config: the encoder–decoder reads the number words (reversed when the task says
 * so) into its final state; the captioner's convolution reads the picture; both decoders write through a softmax.
 */
function buildApp(config: SessionConfig): ExampleApp {
  const { cell, activation, hiddenSize } = config.model;
  const forgetBias = config.init.forgetBias;
  const opts = { optimizer: config.optimizer, clip: config.clip };
  const batch = new Array(config.batch);
  if (config.task.kind === 'translate') {
    const task = new TranslateTask();
    const model = new Seq2Seq({ cell, activation, hiddenSize, forgetBias, sourceVocab: task.sourceVocab.length, targetVocab: task.targetVocab.length, reverseSource: config.task.reverse });
    return { kind: 'translate', task, model, trainer: new ExampleTrainer<Seq2SeqExample>(model, opts), batch };
  }
  if (config.task.kind === 'caption') {
    const task = new CaptionTask();
    const model = new Captioner({ cell, activation, hiddenSize, forgetBias, imageSize: task.imageSize, imageChannels: task.imageChannels, convChannels: CAPTION_CONV_CHANNELS, vocab: task.vocab.length });
    return { kind: 'caption', task, model, trainer: new ExampleTrainer<CaptionExample>(model, opts), batch };
  }
  throw new EngineError('bad-config', `the ${config.task.kind} task is trained by a Session, not a Seq2SeqSession`, 'task.kind');
}

/** One run of an ExampleApp: the seed's first fork draws θ, its second is the data stream (as Session). */
export class Seq2SeqSession implements TrainingSession {
  readonly family = 'example' as const;
  readonly config: SessionConfig;
  readonly notes: string[];
  readonly app: ExampleApp;
  /** a plain Network with the decoder's shape and, for each inspection, a copy of its weights: the views' record */
  private readonly probe: Network;
  private data!: Rng;

  /** Builds a session from any config (normalized first); throws EngineError for a task it does not train. */
  constructor(raw: unknown = { ...defaultConfig(), task: { kind: 'translate', reverse: false } }) {
    const { config, notes } = normalizeConfig(raw);
    this.config = config;
    this.notes = notes;
    this.app = buildApp(config);
    this.probe = new Network(this.app.model.decoder.shape);
    this.reset();
  }

  /** The words of the decoder's vocabulary (index 0, the boundary, first). */
  get vocabulary(): readonly string[] {
    return this.app.kind === 'translate' ? this.app.task.targetVocab : this.app.task.vocab;
  }

  /** The held-out examples the metric is measured on. */
  get testSize(): number {
    return this.app.task.test.length;
  }

  get step(): number {
    return this.app.trainer.step;
  }

  get divergence(): Divergence | null {
    return this.app.trainer.divergence;
  }

  /** The trainer itself carries loss, gradNorm, gradNormClipped and clipped of the latest step. */
  get latest(): LatestStep {
    return this.app.trainer;
  }

  /** Back to step 0: the seed's initial θ, a fresh optimizer (and figures), the data stream from its start. */
  reset(): void {
    const root = new Rng(this.config.seed);
    this.app.model.initialize(root.fork());
    this.data = root.fork();
    const tr = this.app.trainer;
    Object.assign(tr, { step: 0, loss: 0, gradNorm: 0, gradNormClipped: 0, clipped: false, divergence: null });
    tr.optimizer.reset();
  }

  /** Up to n updates, each on `batch` fresh training examples; stops at a divergence. Returns the updates done. */
  train(n: number): number {
    const { app } = this;
    let done = 0;
    for (; done < n; done++) {
      const ok = app.kind === 'translate' ? trainOn(app.trainer, app.batch, () => app.task.sample(this.data)) : trainOn(app.trainer, app.batch, () => app.task.sample(this.data));
      if (!ok) break;
    }
    return done;
  }

  metrics(): SessionMetrics {
    const t = this.app.trainer;
    return { step: t.step, loss: t.loss, gradNorm: t.gradNorm, gradNormClipped: t.gradNormClipped, clipped: t.clipped, divergence: t.divergence };
  }

  /** Test example i (mod the set's size) decoded greedily, at most the task's maxLength tokens. */
  decodeTest(i: number): DecodedExample {
    const { app } = this;
    const k = this.index(i);
    const o = { maxLength: app.task.maxLength };
    if (app.kind === 'translate') {
      const d = app.model.decode(app.task.test[k].source, o);
      return { tokens: d.tokens, ended: d.ended, trace: d.trace, start: { h0: d.record.meaningH, c0: d.record.meaningC } };
    }
    const d = app.model.decode(app.task.test[k].image, o);
    return { tokens: d.tokens, ended: d.ended, trace: d.trace, start: this.imageStart(d.record.imageState) };
  }

  /** The reference tokens of test example i (end token left out). */
  reference(i: number): readonly number[] {
    return this.app.task.test[this.index(i)].target;
  }

  /**
   * The task's metric on its held-out examples, from greedy outputs (exact match for translation, per-word accuracy
   * for captions). Throws EngineError 'non-finite' when a probability is NaN — weights that no longer give an answer.
   */
  evaluate(): TaskMetric {
    const outputs: number[][] = [];
    for (let i = 0; i < this.testSize; i++) {
      const d = this.decodeTest(i);
      const p = d.trace.probs;
      for (let j = 0; j < p.length; j++) if (!Number.isFinite(p[j])) throw new EngineError('non-finite', `a probability of test example ${i} is ${p[j]}`, 'output');
      outputs.push(d.tokens);
    }
    return this.app.kind === 'translate' ? this.app.task.evaluate(outputs) : this.app.task.evaluate(outputs);
  }

  declareDivergence(quantity: string): void {
    const tr = this.app.trainer;
    if (tr.divergence) return;
    tr.divergence = { step: tr.step, cause: 'weights', quantity, message: divergenceMessage(tr.step, 'weights', quantity) };
  }

  /** ρ and σ_max of the encoder's and the decoder's recurrent matrices (enc.Wh·, dec.Wh·). */
  spectral(): SpectralInfo[] {
    const { layout, theta } = this.app.model;
    return layout.blocks
      .filter((b) => /^(enc|dec)\.Wh/.test(b.name))
      .map((b) => {
        const w = theta.subarray(b.offset, b.offset + b.rows * b.cols);
        return { name: b.name, radius: spectralRadius(w, b.rows), sigmaMax: largestSingularValue(w, b.rows, b.cols) };
      });
  }

  /**
   * The decoder's steps on test example `sample` under teacher forcing — it reads the start token and the reference,
   * from the start state the encoder (or the picture) gives it — with every field of a Session's record: forward
   * values, ∂L/∂h_t and ∂L/∂c_t, the flow profile from τ (default: the end token's step), and h0 (and c0), the meaning
   * vector. `blockNames` and `blockGradNorms` cover the whole model (encoder or convolution too) for this example.
   * θ, the optimizer and the data stream are left alone; the model's gradient buffer is overwritten, which training
   * zeroes before every batch anyway.
   */
  inspect(sample = 0, tau?: number): InspectRecord {
    const { app, probe } = this;
    const k = this.index(sample);
    const { model } = app;
    model.grad.fill(0);
    const start = app.kind === 'translate' ? this.translateStart(app.model, app.task.test[k]) : this.captionStart(app.model, app.task.test[k]);
    model.backward(1);
    const norms = app.trainer.blockNorms();
    probe.theta.set(model.decoder.theta);
    const target = this.reference(k);
    const V = this.vocabulary.length;
    const seq = teacherForced(target, V);
    const rec = inspectNetwork(probe, seq, { truncate: 0, truncMode: 'chunk', h0: start.h0, c0: start.c0.length > 0 ? start.c0 : undefined, tau, labels: this.labels(seq.hot!, seq.targets) });
    rec.blockNames = model.layout.blocks.map((b) => b.name);
    rec.blockGradNorms = norms;
    return rec;
  }

  /** Every step of a teacher-forced decoder is scored: τ in 0 … T − 1, else undefined. */
  scoredStep(sample: number, tau: number | null): number | undefined {
    if (tau === null) return undefined;
    const T = this.reference(sample).length + 1;
    return Number.isInteger(tau) && tau >= 0 && tau < T ? tau : undefined;
  }

  shape(): SessionShape {
    const { app, config } = this;
    const V = this.vocabulary.length;
    return {
      task: { kind: app.kind, inputSize: V, outputSize: V, head: 'softmax', length: app.task.maxLength + 1, evalSize: this.testSize },
      model: { cell: config.model.cell, paramCount: app.model.theta.length, blocks: app.model.layout.blocks.map((b) => ({ name: b.name, rows: b.rows, cols: b.cols })) },
      // the encoder–decoder and the captioner train on the Float64 kernels only (seq2seq-config.ts)
      kernels: 'reference',
    };
  }

  snapshot(): RunSnapshot {
    const tr = this.app.trainer;
    return {
      config: JSON.parse(JSON.stringify(this.config)) as SessionConfig,
      theta: this.app.model.theta.slice(),
      optimizer: tr.optimizer.state(),
      trainer: { step: tr.step, loss: tr.loss, gradNorm: tr.gradNorm, gradNormClipped: tr.gradNormClipped, clipped: tr.clipped, divergence: tr.divergence && { ...tr.divergence } },
      data: this.data.state(),
    };
  }

  /** Continues the run of `s`; checked whole first (checkSnapshot), so a refused snapshot throws and changes nothing. */
  restore(s: RunSnapshot): void {
    const { model, trainer } = this.app;
    const ok = checkSnapshot(s, { config: this.config, paramCount: model.theta.length, moments: trainer.optimizer.sizes(), blockNames: model.layout.blocks.map((b) => b.name) });
    model.theta.set(ok.theta);
    trainer.optimizer.setState(ok.optimizer);
    const t = ok.trainer;
    Object.assign(trainer, { step: t.step, loss: t.loss, gradNorm: t.gradNorm, gradNormClipped: t.gradNormClipped, clipped: t.clipped, divergence: t.divergence && { ...t.divergence } });
    this.data = Rng.fromState(ok.data);
  }

  private index(i: number): number {
    const n = this.testSize;
    return ((Math.trunc(i) % n) + n) % n;
  }

  /** Runs the pair forward (kept for backward); the decoder starts from the encoder's final state. */
  private translateStart(model: Seq2Seq, ex: TranslatePair): DecoderStart {
    const r = model.record(ex);
    return { h0: r.meaningH, c0: r.meaningC };
  }

  /** Runs the picture and caption forward (kept for backward); the decoder starts from tanh(Wp f + bp). */
  private captionStart(model: Captioner, ex: CaptionPair): DecoderStart {
    return this.imageStart(model.record(ex).imageState);
  }

  /** s0 split into h0 and, for the LSTM (2H rows), c0. */
  private imageStart(s0: Float64Array): DecoderStart {
    const H = this.config.model.hiddenSize;
    return { h0: s0.slice(0, H), c0: s0.length > H ? s0.slice(H, 2 * H) : new Float64Array(0) };
  }

  /** The decoder's steps in words: it reads "start" then the reference, and writes the reference then "end". */
  private labels(inputs: Int32Array, targets: Float64Array): StepLabels {
    const V = this.vocabulary;
    const word = (k: number, boundary: string) => (k === BOUNDARY ? boundary : V[k] ?? '?');
    return {
      input: (t) => word(inputs[t], 'start'),
      target: (t) => word(targets[t], 'end'),
      output: (p, at) => word(argmax(p, at, V.length), 'end'),
    };
  }
}

/** One update on a batch of fresh examples drawn by `draw`. */
function trainOn<E>(trainer: ExampleTrainer<E>, batch: E[], draw: () => E): boolean {
  for (let b = 0; b < batch.length; b++) batch[b] = draw();
  return trainer.trainBatch(batch);
}
