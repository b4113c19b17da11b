/**
 * Saved runs: the file "Save run" writes and "Open run…" reads (format 'unrolled-run', version 1; the fields are in
 * docs/engine.md, "Saved runs"). A run file holds the engine's RunSnapshot — config, θ, the optimizer's state, the
 * trainer's step, figures and divergence, the data stream's RNG — and the page's training history, so an opened run
 * goes on exactly where it was. Float64 arrays are base64 of their little-endian bytes (float64-base64.ts); the
 * other numbers are JSON numbers, which JavaScript writes and reads back exactly (finite doubles; −0 never occurs).
 *
 * Reading one is run-file-read.ts (it brings the engine, so the page loads it when a run is opened).
 */
import type { RunSnapshot } from '../engine/snapshot';
import { encodeFloat64 } from './float64-base64';
import type { HistoryState, PointRing, TrainingHistory } from './history';

export const RUN_FILE_FORMAT = 'unrolled-run';
export const RUN_FILE_VERSION = 1;
/** package.json's version (test/state/run-file.test.ts checks they agree): the app that wrote a file */
export const APP_VERSION = '0.1.0';
/** The largest file "Open run…" reads (the largest network's θ and moments with a long text stay under 6 MB). */
export const MAX_RUN_FILE_BYTES = 20 * 1024 * 1024;
/** The page's history capacity (TrainingHistory, PointRing defaults): a file may not hold more. */
export const HISTORY_POINTS = 2048;
export const METRIC_POINTS = 512;

/** A saved run, decoded: what the engine continues from and what the page had drawn of it. */
export interface RunFile {
  appVersion: string;
  /** when it was saved (ISO 8601, UTC) */
  savedAt: string;
  snapshot: RunSnapshot;
  history: HistoryState;
  /** the task metric's points, oldest first */
  metrics: { step: Float64Array; value: Float64Array };
}

/** A RunFile of a run at its snapshot's step, with the page's history and metric points of the same run. */
export function makeRunFile(snapshot: RunSnapshot, history: TrainingHistory, metrics: PointRing, now = new Date()): RunFile {
  return { appVersion: APP_VERSION, savedAt: now.toISOString(), snapshot, history: history.state(), metrics: metrics.points() };
}

/** `unrolled-run-<task>-step<N>.json` */
export function runFileName(f: RunFile): string {
  return `unrolled-run-${f.snapshot.config.task.kind}-step${f.snapshot.trainer.step}.json`;
}

/** The file's text: JSON, the arrays as base64. */
export function encodeRunFile(f: RunFile): string {
  const { config, theta, optimizer, trainer, data } = f.snapshot;
  const h = f.history;
  const file = {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    appVersion: f.appVersion,
    savedAt: f.savedAt,
    snapshot: {
      config,
      theta: encodeFloat64(theta),
      optimizer: { kind: optimizer.kind, t: optimizer.t, m: encodeFloat64(optimizer.m), v: encodeFloat64(optimizer.v) },
      trainer,
      data,
    },
    history: {
      stride: h.stride,
      step: encodeFloat64(h.step),
      loss: encodeFloat64(h.loss),
      gradNorm: encodeFloat64(h.gradNorm),
      gradNormClipped: encodeFloat64(h.gradNormClipped),
      clipped: encodeFloat64(h.clipped),
      partial: h.partial,
    },
    metrics: { step: encodeFloat64(f.metrics.step), value: encodeFloat64(f.metrics.value) },
  };
  return JSON.stringify(file, null, 2);
}
