import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { SessionConfig } from '../engine/config';
import type { SpectralInfo } from '../engine/session';
import type { TaskMetric } from '../engine/tasks/task';
import type { Divergence } from '../engine/trainer';
import type { Frame, RunInfo, SurfaceRequest, SurfaceResult, TaskOutput } from '../worker/protocol';
import { PointRing, TrainingHistory } from './history';

/** The views a lab can show, in page order. */
export type ViewId = 'curve' | 'output' | 'unroll' | 'flow' | 'gates' | 'surface' | 'formulas' | 'compare';
export const VIEW_IDS: readonly ViewId[] = ['curve', 'output', 'unroll', 'flow', 'gates', 'formulas', 'surface', 'compare'];

/** Settings of the page rather than of the run; they travel in the URL with the config. */
export interface UiSettings {
  /** training steps per second; 0 = as fast as possible */
  speed: number;
  views: ViewId[];
  /** start training as soon as the page opens */
  autoplay: boolean;
  /** training curve on a log scale */
  logScale: boolean;
  /** the settings some views carry inside them (the flow view's causes and cures); a lesson hides them and offers its own. Shown unless false. */
  viewKnobs?: boolean;
}

/** A message for the user: what a link changed, a refused input, a failure. */
export interface Notice {
  id: number;
  kind: 'info' | 'warning' | 'error';
  text: string;
}

/** Which sequence, timestep and unit the views focus on. */
export interface Selection {
  sample: number;
  /** selected timestep, or null for none */
  t: number | null;
  unit: number;
  /** step τ of the gradient-flow profile; null = the last scored step */
  tau: number | null;
  /** a named element every view may light up (e.g. 'Whh', 'h', 'x', 'f', 'c', 'dh'): set by hovering a formula symbol or a figure part */
  highlight: string | null;
}

/** One widget's whole state. */
export interface LabState {
  config: SessionConfig;
  ui: UiSettings;
  notices: Notice[];
  status: 'starting' | 'ready' | 'diverged' | 'error';
  /** a failure that stopped the worker (restart it), or null */
  fatal: string | null;
  divergence: Divergence | null;
  /** the current run; frames of any other run are dropped */
  runId: number;
  info: RunInfo | null;
  playing: boolean;
  step: number;
  stepsPerSecond: number;
  /** the latest committed frame */
  frame: Frame | null;
  /** commands of the current run sent to the worker (its configure or reset included): when the committed frame has
   * handled as many, the page shows everything the worker did */
  sent: number;
  /** bumps whenever `history` or `metrics` gain points (they are mutated in place, being large) */
  historyVersion: number;
  history: TrainingHistory;
  metrics: PointRing;
  metric: TaskMetric | null;
  spectral: SpectralInfo[] | null;
  output: TaskOutput | null;
  selection: Selection;
  /** frames dropped because they belonged to an older run (for tests and diagnostics) */
  staleFramesDropped: number;
  /** the latest error surface of the single-unit network (requestSurface), independent of the run */
  surface: SurfaceResult | null;
  /** the latest request sent for it (requestSurface): until `surface` answers this one, the view says it is computing */
  surfaceRequest: SurfaceRequest | null;
  /** a trainTo under way: its target and the step the worker last said it reached (no frame is drawn until it lands) */
  jumping: { to: number; step: number } | null;
}

export type LabStore = StoreApi<LabState>;

/** A fresh store for one widget instance (never a module-level singleton: several labs may share a page). */
export function createLabStore(config: SessionConfig, ui: UiSettings, notices: Notice[] = []): LabStore {
  return createStore<LabState>(() => ({
    config,
    ui,
    notices,
    status: 'starting',
    fatal: null,
    divergence: null,
    runId: 0,
    info: null,
    playing: false,
    step: 0,
    stepsPerSecond: 0,
    frame: null,
    sent: 0,
    historyVersion: 0,
    history: new TrainingHistory(),
    metrics: new PointRing(),
    metric: null,
    spectral: null,
    output: null,
    selection: { sample: 0, t: null, unit: 0, tau: null, highlight: null },
    staleFramesDropped: 0,
    surface: null,
    surfaceRequest: null,
    jumping: null,
  }));
}
