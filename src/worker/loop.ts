import { createSession } from '../engine/create-session';
import type { AnySession } from '../engine/create-session';
import { EngineError } from '../engine/errors';
import type { RunSnapshot } from '../engine/snapshot';
import { BenchmarkQueue } from './benchmark';
import { HistoryCollector } from './history';
import { FrameBuilder } from './loop-frames';
import { Jump } from './loop-jump';
import { WORKER_LOOP } from './loop-options';
import type { Clock, LoopOptions, Post } from './loop-options';
import { postExport, runInfo, sessionOfSnapshot } from './loop-runs';
import { answerSurface } from './surface';
import type { Command, RunInfo } from './protocol';
import { frameTransferables } from './protocol';

export type { Clock, LoopOptions, Post } from './loop-options';
export { MAIN_THREAD_LOOP, WORKER_LOOP } from './loop-options';
export { PROGRESS_EVERY_MS } from './loop-jump';

/**
 * The training loop behind the protocol: owns one session (a Session, or a Seq2SeqSession for translation and
 * captions: createSession), trains in time slices while playing, and sends a frame whenever something changed and
 * the previous frame was acknowledged (never floods). Frames are built in loop-frames.ts, trainTo's jumps run in
 * loop-jump.ts, and runs are exported and imported through loop-runs.ts.
 */
export class SessionLoop {
  private session: AnySession | null = null;
  /** what `ready` announces of the session */
  private info: RunInfo | null = null;
  private runId = -1;
  /** commands of this run handled so far (Frame.handled) */
  private handled = 0;
  private playing = false;
  /** a trainTo under way: train at full speed, no frames, until its step */
  private jump: Jump | null = null;
  private stepsPerSecond = 0;
  private awaitingAck = false;
  private dirty = false;
  private sample = 0;
  private tau: number | null = null;
  private scheduled = false;
  private divergenceReported = false;
  private readonly history = new HistoryCollector();
  private readonly frames: FrameBuilder;
  private paceStart = 0;
  private paceSteps = 0;
  private readonly benchmarks: BenchmarkQueue;

  constructor(private readonly post: Post, private readonly clock: Clock, private readonly options: LoopOptions = WORKER_LOOP) {
    this.benchmarks = new BenchmarkQueue(post, clock);
    this.frames = new FrameBuilder(clock, options);
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
        this.frames.refreshAll();
        break;
      case 'step':
        this.jump = null;
        this.playing = false;
        this.trainSteps(1);
        this.frames.refreshAll();
        break;
      case 'trainTo':
        this.trainTo(cmd.step);
        break;
      case 'exportRun':
        postExport(this.post, this.runId, cmd.requestId, this.session);
        break;
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
        if (cmd.frameId === this.frames.frameId) this.awaitingAck = false;
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
      session = sessionOfSnapshot(snapshot);
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
    this.info = runInfo(runId, session);
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
    this.frames.reseed(s.config.seed);
    this.frames.refreshAll();
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
      this.frames.reseed(s.config.seed);
      this.post({ type: 'restarted', runId: this.runId }, []);
    }
    this.jump = Jump.toward(s, to, this.clock.now());
    this.frames.refreshAll();
  }

  /** One slice of a jump; at the target (or a divergence) it ends and the frame is due. */
  private jumpSlice(jump: Jump): void {
    const s = this.session!;
    const landed = jump.slice(s, this.clock, this.options.sliceMs, () => this.trainSteps(1), (step) => this.post({ type: 'progress', runId: this.runId, step, to: jump.to }, []));
    if (landed) {
      this.jump = null;
      this.frames.refreshAll();
      this.dirty = true;
    }
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
    if (this.jump) this.jumpSlice(this.jump);
    else if (this.playing) {
      const t0 = this.clock.now();
      // the steps the speed allows since the pace started: ⌊elapsed s · steps/s⌋ less those already trained
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
    this.frames.refreshAll();
    this.post({ type: 'diverged', runId: this.runId, divergence: d }, []);
  }

  private sendFrame(): void {
    const frame = this.frames.build(this.session!, {
      playing: () => this.playing,
      handled: this.handled,
      history: this.history,
      sample: this.sample,
      tau: this.tau,
      diverged: () => this.reportDivergence(),
    });
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
