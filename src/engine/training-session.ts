import type { SessionConfig } from './config';
import type { InspectRecord, SessionMetrics, SpectralInfo } from './session';
import type { RunSnapshot } from './snapshot';
import type { TaskKind, TaskMetric } from './tasks/task';
import type { Divergence } from './trainer';
import type { KernelPath } from './fast/choice';
import type { CellKind, HeadKind } from './types';

/** The sizes of a run, as the page is told them when it starts (the worker's RunInfo). */
export interface SessionShape {
  /** inputSize, outputSize, head, length: of the network the views show (an encoder–decoder's decoder) */
  task: { kind: TaskKind; inputSize: number; outputSize: number; head: HeadKind; length: number; evalSize: number };
  model: { cell: CellKind; paramCount: number; blocks: { name: string; rows: number; cols: number }[] };
  /** the kernels that compute each training step: 'fast' only when the config asked for it and it runs here (fast/choice.ts) */
  kernels: KernelPath;
}

/** The latest step's figures, read after every step (one object, rewritten: no allocation per step). */
export interface LatestStep {
  readonly loss: number;
  readonly gradNorm: number;
  readonly gradNormClipped: number;
  readonly clipped: boolean;
}

/**
 * One training run, whatever trains in it: what the worker's loop and the command line drive. `Session` trains a
 * Network on sequences (text, sine, echo, adding, series); `Seq2SeqSession` an encoder–decoder or a captioner on
 * whole examples (translate, caption). `createSession` picks one from the config's task kind.
 */
export interface TrainingSession {
  readonly config: SessionConfig;
  /** what normalizing the given config changed, one sentence each */
  readonly notes: string[];
  /** updates applied */
  readonly step: number;
  readonly divergence: Divergence | null;
  readonly latest: LatestStep;
  shape(): SessionShape;
  /** up to n steps; stops at a divergence; returns the steps done */
  train(n: number): number;
  metrics(): SessionMetrics;
  /** the task's metric on its fixed evaluation set; throws EngineError 'non-finite' when the weights give NaN or ±∞ */
  evaluate(): TaskMetric;
  /** a divergence found outside training (the evaluation set's outputs overflowed), dated to the latest update */
  declareDivergence(quantity: string): void;
  spectral(): SpectralInfo[];
  /** the per-timestep record of evaluation example `sample` (mod the set's size), its flow profile from τ */
  inspect(sample?: number, tau?: number): InspectRecord;
  /** τ when it is a scored step of evaluation example `sample`, else undefined (inspect then takes the last one) */
  scoredStep(sample: number, tau: number | null): number | undefined;
  snapshot(): RunSnapshot;
  /** checks the snapshot whole first: a refused one throws EngineError and changes nothing */
  restore(s: RunSnapshot): void;
  /** step 0: the seed's initial weights, a fresh optimizer, the data stream from its start */
  reset(): void;
}
