import type { SessionConfig } from '../engine/config';
import type { LabClient } from '../worker/client';
import type { SurfaceRequest } from '../worker/protocol';
import type { RunFile } from './run-file';
import type { LabStore, Notice, Selection, UiSettings } from './store';

/** What the controls can ask of a lab. */
export interface LabActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  reset(): void;
  setSpeed(stepsPerSecond: number): void;
  /** a new run with this config (keeps playing if it was); false, with a notice, if the engine refuses it */
  configure(config: SessionConfig): boolean;
  select(patch: Partial<Selection>): void;
  setUi(patch: Partial<UiSettings>): void;
  dismissNotice(id: number): void;
  notify(kind: Notice['kind'], text: string): void;
  /** replaces a crashed worker and starts the current config again */
  restartWorker(): void;
  /** asks the worker for the error surface; its answer lands in `surface` */
  requestSurface(request: SurfaceRequest): void;
  /**
   * trains at full speed, drawing nothing, to exactly step `step` (0…MAX_TRAIN_TO), then shows it paused; behind
   * the current step the run starts again from its seed. `jumping` says how far it got. false, with a notice, if
   * `step` is not such a number. Play, pause, step, reset or a new config end it.
   */
  trainTo(step: number): boolean;
  /** the run as it stands (paused first), with the page's history of it, ready to save */
  exportRun(): Promise<RunFile>;
  /**
   * continues a saved run (a run file's text) where it was, paused, its history in the store; false, with a notice
   * saying why, for a file that is not a run this page can continue — the current run then goes on untouched.
   * Resolves once the file is read: its reader (which brings the engine, to check the snapshot) loads on first use
   */
  importRun(text: string): Promise<boolean>;
}

/** What a lab was asked to do to its run, as it happened (for labs that follow another, e.g. the comparison). */
export type LabCommand =
  | { type: 'play' | 'pause' | 'step' | 'reset' }
  | { type: 'configure'; config: SessionConfig }
  | { type: 'speed'; stepsPerSecond: number }
  | { type: 'trainTo'; step: number };

/** One widget: its store, its worker client and the actions that tie them. */
export interface Lab {
  store: LabStore;
  client: LabClient;
  actions: LabActions;
  /** hears every run command the actions carry out (play, pause, step, reset, an accepted configure, speed, trainTo;
   * an opened run is told as its configure then a trainTo to its step); returns the unsubscribe */
  onCommand(listener: (c: LabCommand) => void): () => void;
  dispose(): void;
}

export interface LabOptions {
  config: SessionConfig;
  ui: UiSettings;
  notices?: Notice[];
  /** defaults to a worker client (in-process where Worker is absent) */
  client?: LabClient;
  /** frame scheduler, requestAnimationFrame by default */
  raf?: (cb: () => void) => unknown;
  /** why a config cannot run, checked before it is sent (default: the task cannot be built); null = send it */
  precheck?: (config: SessionConfig) => string | null;
}
