import { createSession } from '../engine/create-session';
import type { AnySession } from '../engine/create-session';
import { EngineError } from '../engine/errors';
import { Rng } from '../engine/rng';
import type { RunSnapshot } from '../engine/snapshot';
import { EVAL_OUTPUT_QUANTITY } from '../engine/trainer';
import { BenchmarkQueue } from './benchmark';
import { HistoryCollector } from './history';
import { taskOutput } from './outputs';
import { answerSurface } from './surface';
import type { TaskMetric } from '../engine/tasks/task';
import type { Command, Frame, RunInfo, WorkerEvent } from './protocol';
import { frameTransferables, snapshotTransferables } from './protocol';

/** Where the loop sends events (postMessage in a worker, a callback in-process). */
export type Post = (event: WorkerEvent, transfer: ArrayBuffer[]) => void;

/** Time and scheduling, injected so the same loop runs in a worker, on the main thread, or under test. */
export interface Clock {
  now(): number;
  /** runs fn soon, after pending messages have been handled */
  schedule(fn: () => void): void;
}

/** How the loop shares the thread: a worker may train for most of each slice, the main thread for little. */
export interface LoopOptions {
  /** ms of training per slice before yielding to messages */
  sliceMs: number;
  /** refresh intervals (ms) of the costlier frame parts while playing */
  metricEveryMs: number;
  spectralEveryMs: number;
  outputEveryMs: number;
}

export const WORKER_LOOP: LoopOptions = { sliceMs: 12, metricEveryMs: 400, spectralEveryMs: 1000, outputEveryMs: 1500 };
export const MAIN_THREAD_LOOP: LoopOptions = { sliceMs: 4, metricEveryMs: 800, spectralEveryMs: 2000, outputEveryMs: 3000 };

/** How often a trainTo under way says how far it got (a 'progress' event, not a frame). */
export const PROGRESS_EVERY_MS = 250;

/**
 * The training loop behind the protocol: owns one session (a Session, or a Seq2SeqSession for translation and
 * captions: createSession), trains in time slices while playing, and sends a frame whenever something changed and
 * the previous frame was acknowledged (never floods).
 */
export class SessionLoop {
  private session: AnySession | null = null;
  /** what `ready` announces of the session */
  private info: RunInfo | null = null;
  private runId = -1;
  /** commands of this run handled so far (Frame.handled) */
  private handled = 0;
  private playing = false;
  /** a trainTo under way: train at full speed, no frames, until step `to` */
  private jump: { to: number } | null = null;
  private lastProgress = 0;
  private stepsPerSecond = 0;
  private awaitingAck = false;
  private dirty = false;
  private frameId = 0;
  private sample = 0;
  private tau: number | null = null;
  private scheduled = false;
  private divergenceReported = false;
  private readonly history = new HistoryCollector();
  private outputRng = new Rng(1);
  private last = { metric: -Infinity, spectral: -Infinity, output: -Infinity };
  private force = { metric: true, spectral: true, output: true };
  private paceStart = 0;
  private paceSteps = 0;
  private rate = { t: 0, step: 0, value: 0 };
  private readonly benchmarks: BenchmarkQueue;

  constructor(private readonly post: Post, private readonly clock: Clock, private readonly options: LoopOptions = WORKER_LOOP) {
    this.benchmarks = new BenchmarkQueue(post, clock);
  }

  /** Handles one command; errors become an 'error' event, never an exception. */
  handle(cmd: Command): void {
    try {
      this.dispatch(cmd);
    } catch (e) {
      this.fail(e);
    }
  }

  private dispatch(cmd: Command): void {
    if (cmd.type === 'configure') return this.configure(cmd.runId, cmd.config);
    if (cmd.type === 'importRun') return this.importRun(cmd.runId, cmd.snapshot);
    if (cmd.type === 'surface') return answerSurface(cmd, this.post); // needs no session; answers with the command's runId
    if (cmd.type === 'benchmark') {
      // timed on throwaway sessions of the live config, one cell per slice; answered with the command's ids
      this.benchmarks.add(cmd, this.session?.config ?? null);
      return this.wake();
    }
    if (!this.session) return;
    if (cmd.type === 'reset' && cmd.runId > this.runId) {
      // a reset starts a new run: frames of the old one will be dropped by the main thread
      this.runId = cmd.runId;
      return this.startRun();
    }
    if (cmd.runId !== this.runId) return; // a command of an older run
    if (cmd.type !== 'ack') this.handled++;
    switch (cmd.type) {
      case 'play':
        this.jump = null;
        this.playing = !this.session.divergence;
        this.resetPace();
        break;
      case 'pause':
        this.jump = null;
        this.playing = false;
        this.refreshAll();
        break;
      case 'step':
        this.jump = null;
        this.playing = false;
        this.trainSteps(1);
        this.refreshAll();
        break;
      case 'trainTo':
        this.trainTo(cmd.step);
        break;
      case 'exportRun': {
        // a snapshot between two slices is a whole step; the frame that follows carries the handled count
        const snapshot = this.session.snapshot();
        this.post({ type: 'exported', runId: this.runId, requestId: cmd.requestId, snapshot }, snapshotTransferables(snapshot));
        break;
      }
      case 'reset':
        return this.startRun();
      case 'speed':
        this.stepsPerSecond = Math.max(0, cmd.stepsPerSecond);
        this.resetPace();
        break;
      case 'inspect':
        this.sample = cmd.sample;
        this.tau = cmd.tau;
        break;
      case 'ack':
        // an ack changes nothing to show: it only lets the next frame go (a paused run then sends none)
        if (cmd.frameId === this.frameId) this.awaitingAck = false;
        return this.wake();
    }
    this.dirty = true;
    this.wake();
  }

  private configure(runId: number, config: unknown): void {
    let session: AnySession;
    try {
      session = createSession(config);
    } catch (e) {
      return this.refuse(runId, e);
    }
    this.install(runId, session);
    this.startRun();
  }

  /** A session built from the snapshot's config and given its run, live as run `runId` from the snapshot's step. */
  private importRun(runId: number, snapshot: RunSnapshot): void {
    let session: AnySession;
    try {
      // createSession(undefined) would build the defaults: a snapshot without a config is refused by restore
      session = createSession((snapshot as { config?: unknown }).config ?? null);
      session.restore(snapshot);
    } catch (e) {
      return this.refuse(runId, e);
    }
    this.install(runId, session);
    this.beginRun();
  }

  /**
   * A config or snapshot the engine refuses (empty text, bad CSV, wrong sizes): the previous session goes on, as
   * run `runId`, so that the page (already on `runId`) and the worker agree on which run is live.
   */
  private refuse(runId: number, e: unknown): void {
    this.post({ type: 'refused', runId, message: e instanceof Error ? e.message : String(e) }, []);
    if (!this.session) return;
    this.runId = runId;
    this.startRun();
  }

  /** Makes `session` the live one, as run `runId`; what `ready` will announce of it. */
  private install(runId: number, session: AnySession): void {
    this.session = session;
    this.runId = runId;
    this.sample = 0;
    this.tau = null;
    this.info = { configRunId: runId, config: session.config, notes: session.notes, ...session.shape() };
  }

  /** A snapshot of what the worker runs, for tests that check page and worker agree. */
  live(): { runId: number; step: number; config: AnySession['config'] | null; playing: boolean; jumping: boolean } {
    return { runId: this.runId, step: this.session?.step ?? 0, config: this.session?.config ?? null, playing: this.playing, jumping: this.jump !== null };
  }

  /** Step 0 of the current run: fresh weights, no pending frame of an older run; announced with 'ready'. */
  private startRun(): void {
    this.session!.reset();
    this.beginRun();
  }

  /** The current run starts where the session stands (step 0, or an imported step), announced with 'ready'. */
  private beginRun(): void {
    const s = this.session!;
    this.post({ type: 'ready', runId: this.runId, info: this.info!, step: s.step }, []);
    this.handled = 1; // the configure, reset or importRun that started the run
    this.playing = false;
    this.jump = null;
    this.awaitingAck = false;
    this.divergenceReported = false;
    this.history.clear();
    this.outputRng = new Rng(s.config.seed);
    this.refreshAll();
    this.dirty = true;
    if (s.divergence) this.reportDivergence(); // an imported run that had diverged
    this.wake();
  }

  /** Starts a jump to step `to` (paused); behind the current step, from the seed's step 0 again. */
  private trainTo(to: number): void {
    const s = this.session!;
    this.playing = false;
    if (to < s.step) {
      s.reset();
      this.history.clear();
      this.divergenceReported = false;
      this.outputRng = new Rng(s.config.seed);
      this.post({ type: 'restarted', runId: this.runId }, []);
    }
    this.jump = to > s.step && !s.divergence ? { to } : null;
    this.lastProgress = this.clock.now();
    this.refreshAll();
  }

  /** One slice of a jump: full speed, no pacing; at the target (or a divergence) it ends and the frame is due. */
  private jumpSlice(): void {
    const s = this.session!;
    const to = this.jump!.to;
    const t0 = this.clock.now();
    while (s.step < to && this.clock.now() - t0 < this.options.sliceMs) {
      if (this.trainSteps(1) === 0) break;
    }
    const now = this.clock.now();
    if (s.step >= to || s.divergence) {
      this.jump = null;
      this.refreshAll();
      this.dirty = true;
    } else if (now - this.lastProgress >= PROGRESS_EVERY_MS) {
      this.lastProgress = now;
      this.post({ type: 'progress', runId: this.runId, step: s.step, to }, []);
    }
  }

  private refreshAll(): void {
    this.force = { metric: true, spectral: true, output: true };
  }

  private resetPace(): void {
    this.paceStart = this.clock.now();
    this.paceSteps = 0;
  }

  private wake(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.schedule(() => {
      this.scheduled = false;
      try {
        this.tick();
      } catch (e) {
        this.fail(e);
      }
    });
  }

  /** One slice: train (if playing) for up to sliceMs or until the pace says stop, then maybe send a frame. */
  private tick(): void {
    // one pending benchmark cell per slice, so frames and commands still get through between cells
    const timing = this.benchmarks.runOne();
    const s = this.session;
    if (!s) {
      if (timing) this.wake();
      return;
    }
    if (this.jump) this.jumpSlice();
    else if (this.playing) {
      const t0 = this.clock.now();
      let allowed = Infinity;
      if (this.stepsPerSecond > 0) allowed = Math.floor(((t0 - this.paceStart) / 1000) * this.stepsPerSecond) - this.paceSteps;
      let n = 0;
      while (n < allowed && this.clock.now() - t0 < this.options.sliceMs) {
        if (this.trainSteps(1) === 0) break;
        n++;
      }
      this.paceSteps += n;
      if (n > 0) this.dirty = true;
    }
    // no frame while jumping: the page draws the step it lands on, not the steps between
    if (this.dirty && !this.awaitingAck && !this.jump) this.sendFrame();
    if (this.playing || this.jump || this.benchmarks.pending) this.wake();
  }

  /** Trains up to n steps, recording each in the history; on divergence pauses and reports. */
  private trainSteps(n: number): number {
    const s = this.session!;
    let done = 0;
    for (; done < n; done++) {
      if (s.train(1) === 0) break;
      const st = s.latest;
      this.history.push(s.step, st.loss, st.gradNorm, st.gradNormClipped, st.clipped);
    }
    if (s.divergence) this.reportDivergence();
    return done;
  }

  /** Pauses and tells the main thread, once per run, what blew up and when. */
  private reportDivergence(): void {
    const d = this.session?.divergence;
    if (!d || this.divergenceReported) return;
    this.divergenceReported = true;
    this.playing = false;
    this.refreshAll();
    this.post({ type: 'diverged', runId: this.runId, divergence: d }, []);
  }

  /** The task metric, or null when the weights no longer give finite outputs (which is then a divergence). */
  private evaluateOrDiverge(s: AnySession): TaskMetric | null {
    try {
      return s.evaluate();
    } catch (e) {
      if (!(e instanceof EngineError) || e.code !== 'non-finite') throw e;
      s.declareDivergence(EVAL_OUTPUT_QUANTITY);
      this.reportDivergence();
      return null;
    }
  }

  private sendFrame(): void {
    const s = this.session!;
    const now = this.clock.now();
    const due = (k: 'metric' | 'spectral' | 'output', every: number) => this.force[k] || (now - this.last[k] >= every);
    let metric: Frame['metric'] = null;
    if (due('metric', this.options.metricEveryMs)) {
      const value = this.evaluateOrDiverge(s);
      metric = value ? { step: s.step, value } : null;
      this.last.metric = now;
      this.force.metric = false;
    }
    let spectral: Frame['spectral'] = null;
    if (due('spectral', this.options.spectralEveryMs)) {
      spectral = safe(() => s.spectral());
      this.last.spectral = now;
      this.force.spectral = false;
    }
    let output: Frame['output'] = null;
    if (due('output', this.options.outputEveryMs)) {
      output = safe(() => taskOutput(s, this.outputRng, this.sample));
      this.last.output = now;
      this.force.output = false;
    }
    const step = s.step;
    if (now - this.rate.t >= 1000 || step < this.rate.step) {
      this.rate.value = this.rate.t > 0 && step >= this.rate.step ? ((step - this.rate.step) * 1000) / (now - this.rate.t) : 0;
      this.rate.t = now;
      this.rate.step = step;
    }
    const frame: Frame = {
      frameId: ++this.frameId,
      step,
      playing: this.playing,
      handled: this.handled,
      stepsPerSecond: this.playing ? this.rate.value : 0,
      history: this.history.take(),
      metric,
      record: s.inspect(this.sample, s.scoredStep(this.sample, this.tau)),
      spectral,
      output,
    };
    this.awaitingAck = true;
    this.dirty = false;
    this.post({ type: 'frame', runId: this.runId, frame }, frameTransferables(frame));
  }

  private fail(e: unknown): void {
    this.playing = false;
    const message = e instanceof Error ? e.message : String(e);
    this.post({ type: 'error', runId: this.runId, message, recoverable: e instanceof EngineError }, []);
  }
}

/** fn(), or null when it throws (e.g. the spectrum of weights that overflowed). */
function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}
