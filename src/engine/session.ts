import { defaultConfig, normalizeConfig } from './config';
import type { SessionConfig } from './config';
import { EngineError } from './errors';
import { FastPath } from './fast/path';
import { initialize } from './init';
import { inspectNetwork } from './inspect';
import { largestSingularValue, spectralRadius } from './linalg';
import { Network } from './network';
import { Rng } from './rng';
import { checkSnapshot } from './snapshot';
import type { RunSnapshot } from './snapshot';
import { createTask } from './tasks/create';
import { isExampleTask } from './tasks/task';
import type { Task, TaskMetric } from './tasks/task';
import { Trainer } from './trainer';
import type { Divergence, StepStats } from './trainer';
import type { LatestStep, SessionShape, TrainingSession } from './training-session';
import type { CellKind, ForgetGate, Recurrence, Sequence } from './types';

/** Running figures of a session after its latest training step. */
export interface SessionMetrics {
  /** updates applied */
  step: number;
  /** mean loss of the latest batch */
  loss: number;
  /** ‖∇θ‖ before and after clipping, of the latest batch */
  gradNorm: number;
  gradNormClipped: number;
  clipped: boolean;
  divergence: Divergence | null;
}

/** The spectral radius ρ(W) = max|λ| and largest singular value σ_max(W) of one recurrent matrix Wh·. */
export interface SpectralInfo {
  name: string;
  radius: number;
  sigmaMax: number;
}

/** Everything the views show about one sequence, per timestep, as typed arrays (T rows each). */
export interface InspectRecord {
  T: number;
  H: number;
  I: number;
  O: number;
  /** the cell that produced the record: which gates `gates` holds, and whether `c` and `dc` exist */
  cell: CellKind;
  gateNames: readonly string[];
  /** 'off': every step started from the zero state (preH, dh flowing back and the Wh· gradients are 0); absent = 'on' */
  recurrence?: Recurrence;
  /** the LSTM forget gate's nonlinearity: with 'tanh' the f in `gates` lies in (−1, 1); absent = 'sigmoid' */
  forgetGate?: ForgetGate;
  /** x_t (T×I), targets (as Sequence.targets), mask (1 = scored) */
  inputs: Float64Array;
  targets: Float64Array;
  mask: Uint8Array;
  /** h_t, c_t (LSTM, else empty) — T×H */
  h: Float64Array;
  c: Float64Array;
  /** h_{−1} and c_{−1} (H each) when the sequence did not start from zero — a decoder starts from the encoder's final
   * state or the picture's projection; absent = 0 */
  h0?: Float64Array;
  c0?: Float64Array;
  /** gate values, T × G × H in gateNames order (rnn: its h; lstm f,i,g,o; gru z,r,n) */
  gates: Float64Array;
  /**
   * The parts of each gate pre-activation a_t = Wx· x_t + Wh· h_{t−1} + b·, in the rows of `gates`:
   * preX = (Wx x_t) and preH = (Wh h_{t−1}) — T × G·H, GRU n rows (Whn (r_t ⊙ h_{t−1})) —, and
   * preB = b — G·H, not per step (b is the same at every t). act(preX + preH + preB) gives `gates`.
   */
  preX: Float64Array;
  preH: Float64Array;
  preB: Float64Array;
  /** y_t and p_t (softmax head, else empty) — T×O */
  y: Float64Array;
  p: Float64Array;
  /** ℓ_t, NaN where not scored */
  losses: Float64Array;
  /** L of this sequence */
  loss: number;
  /** ∂L/∂h_t and ∂L/∂c_t — T×H (as training computes them: truncated when training truncates) */
  dh: Float64Array;
  dc: Float64Array;
  /** the step τ of the gradient-flow profile, and ‖∂ℓ_τ/∂h_k‖, ‖∂ℓ_τ/∂c_k‖ for k = 0…τ (exact, untruncated) */
  tau: number;
  flowH: Float64Array;
  flowC: Float64Array;
  /** ‖∂L/∂W‖ of this sequence per named block (names in blockNames) */
  blockNames: readonly string[];
  blockGradNorms: Float64Array;
  /** labels for the views */
  inputLabels: string[];
  targetLabels: string[];
  outputLabels: string[];
}

/**
 * A training run: a task, a network, an optimizer and a seeded data stream. No worker and no DOM:
 * the worker wraps this object, the command line drives it directly.
 */
export class Session implements TrainingSession {
  readonly family = 'sequence' as const;
  readonly config: SessionConfig;
  /** what normalizing the given config changed, one sentence each */
  readonly notes: string[];
  readonly task: Task;
  readonly net: Network;
  readonly trainer: Trainer;
  private data!: Rng;
  private readonly batch: Sequence[];

  /** Builds a session from any config (normalized first); throws EngineError if the task cannot be built. */
  constructor(raw: unknown = defaultConfig()) {
    const { config, notes } = normalizeConfig(raw);
    this.config = config;
    this.notes = notes;
    if (isExampleTask(config.task)) throw new EngineError('bad-config', `the ${config.task.kind} task is trained by a Seq2SeqSession (createSession picks it)`, 'task.kind');
    this.task = createTask(config.task);
    const { cell, activation, hiddenSize, recurrence, forgetGate } = config.model;
    this.net = new Network({ cell, activation, recurrence, forgetGate, hiddenSize, inputSize: this.task.inputSize, outputSize: this.task.outputSize, head: this.task.head });
    this.trainer = new Trainer(this.net, { optimizer: config.optimizer, clip: config.clip, truncate: config.truncate, truncMode: config.truncMode, kernels: config.kernels });
    if (config.kernels === 'fast' && this.trainer.kernels !== 'fast') {
      this.notes.push(`The fast kernels cannot run here (${FastPath.unavailable() ?? 'unavailable'}); training on the Float64 reference kernels.`);
    }
    this.batch = new Array<Sequence>(config.batch);
    this.reset();
  }

  /** Back to step 0: the seed's initial weights, a fresh optimizer, the data stream from its start. */
  reset(): void {
    const root = new Rng(this.config.seed);
    initialize(this.net, this.config.init, root.fork());
    this.data = root.fork();
    this.trainer.reset();
  }

  /** Runs up to n training steps; stops early on divergence. Returns the number of steps done. */
  train(n: number, record = false): number {
    let done = 0;
    for (; done < n; done++) {
      for (let b = 0; b < this.batch.length; b++) this.batch[b] = this.task.sample(this.data);
      if (!this.trainer.trainBatch(this.batch, record)) break;
    }
    return done;
  }

  /** The run as it stands between two steps: a Session of the same config given it by `restore` trains on bit for bit. */
  snapshot(): RunSnapshot {
    return {
      config: JSON.parse(JSON.stringify(this.config)) as SessionConfig,
      theta: this.net.theta.slice(),
      optimizer: this.trainer.optimizer.state(),
      trainer: this.trainer.state(),
      data: this.data.state(),
    };
  }

  /**
   * Continues the run of `s` (from `snapshot()`, a file or a message): checked whole first (checkSnapshot: this
   * session's config, sizes, finite values), so a refused snapshot throws an EngineError and changes nothing.
   */
  restore(s: RunSnapshot): void {
    const ok = checkSnapshot(s, {
      config: this.config,
      paramCount: this.net.theta.length,
      moments: this.trainer.optimizer.sizes(),
      blockNames: this.net.layout.blocks.map((b) => b.name),
    });
    this.net.theta.set(ok.theta);
    this.trainer.optimizer.setState(ok.optimizer);
    this.trainer.setState(ok.trainer);
    this.data = Rng.fromState(ok.data);
  }

  /** The latest step's figures. */
  metrics(): SessionMetrics {
    const s: StepStats = this.trainer.stats;
    return { step: this.trainer.step, loss: s.loss, gradNorm: s.gradNorm, gradNormClipped: s.gradNormClipped, clipped: s.clipped, divergence: this.trainer.divergence };
  }

  /** The task's metric on its fixed evaluation set (forward passes only). */
  evaluate(): TaskMetric {
    const { net } = this;
    const O = net.shape.outputSize;
    const outputs = this.task.evalSet().map((seq) => {
      net.forward(seq);
      const src = net.shape.head === 'softmax' ? net.ws.ps : net.ws.ys;
      return src.slice(0, seq.length * O);
    });
    return this.task.evaluate(outputs);
  }

  /** ρ and σ_max of every recurrent matrix Wh·. */
  spectral(): SpectralInfo[] {
    const { layout, theta } = this.net;
    return layout.blocks
      .filter((b) => b.role === 'recurrent')
      .map((b) => {
        const w = theta.subarray(b.offset, b.offset + b.rows * b.cols);
        return { name: b.name, radius: spectralRadius(w, b.rows), sigmaMax: largestSingularValue(w, b.rows, b.cols) };
      });
  }

  /**
   * The full per-timestep record of evaluation sequence `sample` (mod the set's size): forward values,
   * ∂L/∂h_t, ∂L/∂c_t, and the gradient-flow profile from step τ (default: the last scored step).
   */
  inspect(sample = 0, tau?: number): InspectRecord {
    const set = this.task.evalSet();
    const seq = set[((Math.trunc(sample) % set.length) + set.length) % set.length];
    const { net, task } = this;
    const labels = { input: (t: number) => task.inputLabel(seq, t), target: (t: number) => task.targetLabel(seq, t), output: (out: Float64Array, at: number) => task.outputLabel(out, at) };
    return inspectNetwork(net, seq, { truncate: this.config.truncate, truncMode: this.config.truncMode, tau, labels });
  }

  /** τ if it is a scored step of evaluation sequence `sample`, else undefined (inspect then takes the last scored step). */
  scoredStep(sample: number, tau: number | null): number | undefined {
    if (tau === null) return undefined;
    const set = this.task.evalSet();
    const seq = set[((Math.trunc(sample) % set.length) + set.length) % set.length];
    return tau >= 0 && tau < seq.length && seq.mask[tau] === 1 ? tau : undefined;
  }

  /** The sizes the page is told when a run starts. */
  shape(): SessionShape {
    const { task, net } = this;
    return {
      task: { kind: task.kind, inputSize: task.inputSize, outputSize: task.outputSize, head: task.head, length: task.length, evalSize: task.evalSet().length },
      model: { cell: net.shape.cell, paramCount: net.theta.length, blocks: net.layout.blocks.map((b) => ({ name: b.name, rows: b.rows, cols: b.cols })) },
      kernels: this.trainer.kernels,
    };
  }

  /** Updates applied so far. */
  get step(): number {
    return this.trainer.step;
  }

  get divergence(): Divergence | null {
    return this.trainer.divergence;
  }

  /** The latest step's loss and gradient norms (the trainer's own object). */
  get latest(): LatestStep {
    return this.trainer.stats;
  }

  /** A divergence found outside training (the evaluation set's outputs overflowed), dated to the latest update. */
  declareDivergence(quantity: string): void {
    this.trainer.declareDivergence(quantity);
  }
}
