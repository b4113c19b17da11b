/**
 * A lesson is content, not code: typed data that the course pages render and the tests check. Each step sets
 * a scenario (a lab link: the same keys as the lab's URL), which views and controls the student sees, a short
 * text, and usually an interaction; `claims` are what the text says the network does, each run by a test on the
 * engine (test/lessons/claims.test.ts), so a lesson that says something the engine does not show fails the build.
 */
import type { ViewId } from '../state/store';
import type { SurfaceRequest } from '../worker/protocol';
import type { QuantityId } from './quantities';

/** A comparison of a measured quantity with a number. */
export interface Condition {
  quantity: QuantityId;
  op: '<' | '<=' | '>' | '>=';
  value: number;
}

/**
 * Quantities only a claim reads: measured on the engine beyond the numbers a frame carries, so no Predict or Try
 * can ask about them (the page has no reading of them). test/lessons/claims.test.ts computes each from the trained
 * session, as the page would have drawn it. The value is its description.
 */
export const CLAIM_QUANTITIES = {
  /**
   * Of the words (runs of letters a–z, lower-cased) in five successive samples of the output view (the worker's own
   * sampler, taskOutput: 200 characters each at its temperature, drawn from an Rng seeded with the run's seed, as a
   * fresh run's first samples), the share that are words of the text the network learns from. A text task only.
   */
  sampleWordShare: 'the share of the words it writes that are words of its text',
  /**
   * The mean distance the output view prints under its free-running forecast (views/output/forecast-layout.ts,
   * forecastError) of the output the worker draws (taskOutput): for a series with a held-out tail, over that tail
   * against what was measured, in the series' own units; for the sine task, against the wave without noise.
   */
  forecastError: 'how far its free-running forecast is from what happened, on average',
  /**
   * For a forecast of a bundled seasonal series' held-out tail (`csv=co2`): the seasonal naive forecast with drift
   * scored like the metric, next value on the metric's own steps, z-scored (views/output/seasonal-line.ts,
   * yardsticks; its season as the page picks it, use-seasonal.ts). Independent of the run.
   */
  seasonalMse: 'the seasonal yardstick’s next-value error',
  /** For the same forecasts: how far repeating the last trained value is from the held-out tail, on average, in the series' own units (yardsticks' lastValueMae). */
  lastValueForecastError: 'how far the last value repeated is from what happened, on average',
} as const;
export type ClaimQuantityId = keyof typeof CLAIM_QUANTITIES;

/** What a claim checks: a quantity of the stream (as a Predict or Try reads it) or one only a claim reads. */
export interface ClaimCondition {
  quantity: QuantityId | ClaimQuantityId;
  op: Condition['op'];
  value: number;
}

/** Predict, then see: the student commits to a choice before the run; the page then measures and compares. */
export interface Predict {
  kind: 'predict';
  question: string;
  /** what is measured, once the run has reached `after` training steps (0: the initial weights) */
  quantity: QuantityId;
  after: number;
  /** the answers offered, each a range [lo, hi) of the measured value; exactly one contains the truth */
  choices: { label: string; range: [number, number] }[];
  /** two sentences: why the value is what it is */
  explain: string;
}

/** Try it: a goal checked live on the streamed numbers; the page says when it holds, and why that worked. */
export interface Try {
  kind: 'try';
  goal: string;
  holds: Condition;
  /** said once the goal holds */
  why: string;
  /** one way to reach the goal with the step's controls (control → value as in a link): the browser tests and
   * `npm run bench:lessons` set it to check the goal can be reached, and how soon */
  solve?: Partial<Record<ControlId | 'play', string>>;
}

/** One step of a lesson. */
export interface LessonStep {
  title: string;
  /** lab link keys, e.g. 'task=echo&lag=2&cell=rnn&speed=20&play=0' (the linter refuses one the lab would change) */
  scenario: string;
  /** the live views shown beside the text, in order */
  views: ViewId[];
  /** the settings the student may change here (link keys: 'rscale', 'cell', 'act', …); playback is always there */
  controls?: ControlId[];
  /** the element lit in every view (as selection.highlight: 'Whh', 'h', 'f', 'dh', …) */
  highlight?: string;
  /** short paragraphs; $…$ is typeset as maths */
  text: string[];
  /** what the live view shows, in words, for a reader who cannot see it */
  alt: string;
  interaction?: Predict | Try;
  /** for the instructor presenting this step */
  notes: string;
  /** the application page this step is about (an id of src/apps/registry.ts): the step links to #app=<id> */
  app?: string;
  /**
   * For a step that shows the error surface: the request the view is set to on entering the step, its first
   * request (DEFAULT_SURFACE_REQUEST) with these fields changed; without it, that first request, so whatever the
   * student set on an earlier step is undone. A claim quoted in the step's text about the surface is computed
   * with the same request, so the number on screen is the number tested (the linter holds the two together).
   */
  surface?: Partial<SurfaceRequest>;
}

/** A question of the quick check that ends a lesson, with an explanation for every choice. */
export interface QuizQuestion {
  question: string;
  choices: { text: string; correct: boolean; why: string }[];
}

/**
 * What the lesson's text says the engine does, proven headlessly: for every seed, the scenario trained for
 * `steps` steps must satisfy `holds`. `says` quotes the sentence (it must appear in the lesson's text).
 */
export interface Claim {
  says: string;
  scenario: string;
  steps: number;
  seeds: number[];
  holds: ClaimCondition;
  /**
   * A claim about the error surface instead of a training run: the surface view's first request
   * (DEFAULT_SURFACE_REQUEST) with these fields changed and `seed` set to each of `seeds` (the seed of its
   * restarts and annealing), computed headlessly; the surface quantities read that result (steps: 0).
   */
  surface?: Partial<SurfaceRequest>;
}

/** What the home page and the index list of a lesson, without its content. */
export interface LessonMeta {
  /** a short word, used in links: #lesson=vanishing */
  id: string;
  title: string;
  /** one sentence for the lesson index */
  summary: string;
}

/** A lesson file (src/lessons/course/<id>.ts) exports `lesson = { ...lessonMeta('<id>'), steps, quiz, claims }`. */
export interface Lesson extends LessonMeta {
  steps: LessonStep[];
  quiz: QuizQuestion[];
  claims: Claim[];
}

/** Settings a lesson step can put in the student's hands: link keys of the lab. */
export const CONTROL_IDS = ['cell', 'act', 'hidden', 'init', 'rscale', 'fbias', 'opt', 'lr', 'clip', 'clipAt', 'trunc', 'lag', 'T', 'seed', 'speed', 'rec', 'fgate'] as const;
export type ControlId = (typeof CONTROL_IDS)[number];
