import { createContext, useContext } from 'react';
import type { SessionConfig } from '../engine/config';
import { taskProblem } from './precheck';
import { PATHS } from './url';

/**
 * A scenario: what a link or an embed shows of the lab — which controls are visible, which are locked, a caption,
 * the step the page opens at. It travels in the hash next to the run's keys (`controls=`, `lock=`, `caption=`,
 * `at=`), read by the lab page, a lesson step and the embeds alike.
 */

/** The run settings a scenario can show or lock: the link keys of url.ts PATHS, in the order of the settings panel. */
export const SETTING_IDS = [
  'task', 'T', 'lag', 'symbols', 'noise', 'comps', 'text', 'csv', 'holdout', 'reverse',
  'cell', 'act', 'hidden', 'rec', 'fgate', 'init', 'iscale', 'rscale', 'fbias',
  'opt', 'lr', 'clip', 'clipAt', 'trunc', 'truncMode', 'batch', 'seed', 'kernels',
] as const;
/** The page's own controls: play/pause/step/reset, the speed, the view picker, "train to", save/open a run. */
export const PAGE_CONTROL_IDS = ['playback', 'speed', 'views', 'trainTo', 'runFile'] as const;
export type SettingId = (typeof SETTING_IDS)[number];
export type PageControlId = (typeof PAGE_CONTROL_IDS)[number];
export type ControlId = SettingId | PageControlId;
export const CONTROL_IDS: readonly ControlId[] = [...SETTING_IDS, ...PAGE_CONTROL_IDS];

/** How the page and its messages name each control. */
export const CONTROL_NAMES: Record<ControlId, string> = {
  task: 'Task', T: 'Sequence length T', lag: 'Lag', symbols: 'Symbols', noise: 'Noise σ', comps: 'Sine components',
  text: 'Your own text', csv: 'Your own series', holdout: 'Held-out tail', reverse: 'Source order', cell: 'Cell', act: 'Activation', hidden: 'Hidden units',
  rec: 'Recurrence', fgate: 'Forget gate', init: 'Initialization', iscale: 'Init scale', rscale: 'Recurrent scale',
  fbias: 'Forget-gate bias', opt: 'Optimizer', lr: 'Learning rate', clip: 'Gradient clipping', clipAt: 'Clipping threshold',
  trunc: 'Truncated BPTT k', truncMode: 'Truncation', batch: 'Batch size', seed: 'Seed', kernels: 'Kernels',
  playback: 'Play, pause, step, reset', speed: 'Speed', views: 'Views', trainTo: 'Train to a step', runFile: 'Save or open a run',
};

export interface Scenario {
  /** visible controls; null = all (the lab's default) */
  controls: ControlId[] | null;
  /** visible but locked: shown disabled, and any change to them is refused by the page. A hidden control is locked too. */
  lock: ControlId[];
  /** a caption shown above the views (plain text, ≤ 280 characters) */
  caption: string | null;
  /** train to this step when the page opens (the run is seeded: always the same state); null = step 0 */
  at: number | null;
}

export const DEFAULT_SCENARIO: Scenario = { controls: null, lock: [], caption: null, at: null };
export const MAX_CAPTION = 280;
/** The furthest `at=` a link may ask for: training there happens as the page opens, and a link must not hold it for hours. */
export const MAX_AT = 100_000;
/** A list value longer than this is cut before it is read (there are 30 ids of at most 9 characters). */
const MAX_LIST = 600;

const isControlId = (v: string): v is ControlId => (CONTROL_IDS as readonly string[]).includes(v);
const quote = (v: string) => JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v);

/** Ids in CONTROL_IDS order without repeats: one scenario has one spelling, so a link round-trips exactly. */
function canonical(ids: readonly ControlId[]): ControlId[] {
  return CONTROL_IDS.filter((id) => ids.includes(id));
}

/**
 * A caption as the page shows it: plain text on one line (control characters become spaces, lone surrogates —
 * which no URL can carry — are dropped), trimmed, at most MAX_CAPTION characters (code points, so an emoji is
 * never cut in half). Empty → null. The dialog uses it too, so what it previews is what the link gives back.
 */
export function cleanCaption(text: string): string | null {
  const one = text
    .slice(0, MAX_CAPTION * 4)
    // eslint-disable-next-line no-control-regex -- the control characters are what this line removes
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .trim();
  const cut = Array.from(one).slice(0, MAX_CAPTION).join('').trim();
  return cut === '' ? null : cut;
}

/** Reads a comma-separated list of control ids; unknown ids are ignored and named in `notes`. */
function readList(key: string, value: string, notes: string[]): ControlId[] {
  if (value.length > MAX_LIST) notes.push(`The ${key}= list was cut to its first ${MAX_LIST} characters.`);
  const wanted = value.slice(0, MAX_LIST).split(',').map((v) => v.trim()).filter((v) => v !== '');
  const unknown = wanted.filter((v) => !isControlId(v));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).map(quote).join(', ');
    notes.push(`Ignored unknown controls in ${key}=: ${shown}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}.`);
  }
  return canonical(wanted.filter(isControlId));
}

/** Reads controls=, lock=, caption=, at= from a hash (hostile input: unknown ids ignored with a note, lengths capped). */
export function parseScenario(hash: string): { scenario: Scenario; notes: string[] } {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(text);
  } catch {
    return { scenario: { ...DEFAULT_SCENARIO, lock: [] }, notes: [] };
  }
  const notes: string[] = [];
  // a key given twice: the first counts, as for the page's other keys (URLSearchParams.get)
  const first = (key: string): string | null => {
    const all = p.getAll(key);
    if (all.length > 1) notes.push(`The link gives ${key}= ${all.length} times; the first is used.`);
    return all.length > 0 ? all[0] : null;
  };
  const scenario: Scenario = { controls: null, lock: [], caption: null, at: null };
  const controls = first('controls');
  if (controls !== null) scenario.controls = readList('controls', controls, notes);
  const lock = first('lock');
  if (lock !== null) scenario.lock = readList('lock', lock, notes);
  const caption = first('caption');
  if (caption !== null) {
    scenario.caption = cleanCaption(caption);
    if (scenario.caption !== null && Array.from(caption.trim()).length > MAX_CAPTION) notes.push(`The caption was cut to ${MAX_CAPTION} characters.`);
  }
  const at = first('at');
  if (at !== null) scenario.at = readAt(at, notes);
  return { scenario, notes };
}

/** A whole, non-negative number of steps, at most MAX_AT: a fraction is rounded, a bigger one clamped, anything else ignored; each with a note. */
function readAt(value: string, notes: string[]): number | null {
  const v = value.trim() === '' ? NaN : Number(value);
  // a number too big for a double (at=999…9) is still "very far": clamped below, like 1e9
  if (Number.isNaN(v) || v < 0) {
    notes.push(`at=${quote(value)} is not a step number; the run starts at step 0.`);
    return null;
  }
  let n = Math.round(v);
  if (n !== v) notes.push(`at=${quote(value)} is not a whole step; using step ${n}.`);
  if (n > MAX_AT) {
    notes.push(`at=${quote(value)} is too far; training to step ${MAX_AT.toLocaleString('en-US')} instead.`);
    n = MAX_AT;
  }
  return n === 0 ? null : n;
}

/** The keys of a scenario for a link, in a fixed order (empty for the default scenario). */
export function scenarioParams(s: Scenario): URLSearchParams {
  const p = new URLSearchParams();
  if (s.controls !== null) p.set('controls', canonical(s.controls).join(','));
  const lock = canonical(s.lock);
  if (lock.length > 0) p.set('lock', lock.join(','));
  const caption = s.caption === null ? null : cleanCaption(s.caption);
  if (caption !== null) p.set('caption', caption);
  if (s.at !== null && Number.isFinite(s.at) && s.at > 0) p.set('at', String(Math.min(MAX_AT, Math.round(s.at))));
  return p;
}

/** Whether a control is visible under the scenario. */
export function isVisible(s: Scenario, id: ControlId): boolean {
  return s.controls === null || s.controls.includes(id);
}

/** Whether a control is locked under the scenario (named in lock=, or hidden). */
export function isLocked(s: Scenario, id: ControlId): boolean {
  return !isVisible(s, id) || s.lock.includes(id);
}

/** A setting's value as a link writes it ('' when the config has none, e.g. lag for a sine task). */
export function settingValue(config: SessionConfig, id: SettingId): string {
  let v: unknown = config;
  for (const k of PATHS[id]) v = v === undefined || v === null ? undefined : (v as Record<string, unknown>)[k];
  return v === undefined || v === null ? '' : String(v);
}

/** The locked settings whose value differs between `base` and `next`. */
export function lockedChanges(s: Scenario, base: SessionConfig, next: SessionConfig): SettingId[] {
  return SETTING_IDS.filter((id) => isLocked(s, id) && settingValue(base, id) !== settingValue(next, id));
}

/** The message for a refused change: names each locked setting and the value it keeps. */
export function lockedMessage(base: SessionConfig, changed: readonly ControlId[]): string {
  const parts = changed.map((id) => {
    if (!(SETTING_IDS as readonly string[]).includes(id)) return `${CONTROL_NAMES[id]} (${id})`;
    const v = settingValue(base, id as SettingId);
    return `${CONTROL_NAMES[id]} (${id})${v === '' || v.length > 40 ? '' : ` stays ${v}`}`;
  });
  return `Locked by this page: ${parts.join('; ')}. The change was refused.`;
}

/**
 * A precheck for createLab (LabOptions.precheck): refuses a config that changes a locked setting from `base` (the
 * message names it), then asks `next` (by default the lab's own check, that the task can be built). Every configure
 * of the lab passes here, whoever calls it: a field, a link typed in the address bar, an embed's message.
 */
export function lockPrecheck(s: Scenario, base: SessionConfig, next: (c: SessionConfig) => string | null = taskProblem): (config: SessionConfig) => string | null {
  return (config) => {
    const changed = lockedChanges(s, base, config);
    return changed.length > 0 ? lockedMessage(base, changed) : next(config);
  };
}

const ScenarioContext = createContext<Scenario>(DEFAULT_SCENARIO);

/** Gives the controls below it the scenario: `<ScenarioProvider value={scenario}>`. Without one, everything is visible and nothing locked. */
export const ScenarioProvider = ScenarioContext.Provider;

/** The scenario of the nearest ScenarioProvider (the default scenario without one). */
export function useScenario(): Scenario {
  return useContext(ScenarioContext);
}
