import { CONTROL_IDS, cleanCaption, isLocked, isVisible, MAX_AT, PAGE_CONTROL_IDS } from '../state/scenario';
import type { ControlId, Scenario } from '../state/scenario';

/** What the dialog's table says of one control. */
export type ControlMode = 'hidden' | 'shown' | 'locked';
export const CONTROL_MODES: readonly ControlMode[] = ['hidden', 'shown', 'locked'];

/**
 * The controls the dialog offers for what is shared: every one for the lab; for a lesson step, playback, the speed
 * and the settings the step hands to the student (the page has no others).
 */
export function offeredControls(target: 'lab' | { controls: readonly string[] }): ControlId[] {
  if (target === 'lab') return [...CONTROL_IDS];
  const step = new Set<string>(['playback', 'speed', ...target.controls]);
  return CONTROL_IDS.filter((id) => step.has(id));
}

/** Each offered control's mode under a scenario (the page's own, when the dialog opens). */
export function modesOf(offered: readonly ControlId[], s: Scenario): Record<string, ControlMode> {
  return Object.fromEntries(offered.map((id) => [id, !isVisible(s, id) ? 'hidden' : isLocked(s, id) ? 'locked' : 'shown']));
}

/** The step to start at, from the dialog's field: a whole number of steps from 1 to MAX_AT, or null (step 0). */
export function readStartStep(text: string): number | null {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v <= 0) return null;
  return Math.min(MAX_AT, Math.round(v)) || null;
}

/**
 * The scenario the dialog's choices make. Every control shown: `controls` is null (all), so a control added to the
 * page later shows too; else the shown and locked ones. Hidden controls need no `lock` (hidden is locked).
 */
export function scenarioOf(offered: readonly ControlId[], modes: Record<string, ControlMode>, caption: string, at: string): Scenario {
  const mode = (id: ControlId) => modes[id] ?? 'shown';
  const anyHidden = offered.some((id) => mode(id) === 'hidden');
  return {
    controls: anyHidden ? CONTROL_IDS.filter((id) => offered.includes(id) && mode(id) !== 'hidden') : null,
    lock: CONTROL_IDS.filter((id) => offered.includes(id) && mode(id) === 'locked'),
    caption: cleanCaption(caption),
    at: readStartStep(at),
  };
}

/** The dialog's table groups, in the order of the settings panel. */
export const CONTROL_GROUPS: readonly { title: string; ids: readonly ControlId[] }[] = [
  { title: 'Page', ids: PAGE_CONTROL_IDS },
  { title: 'Task', ids: ['task', 'T', 'lag', 'symbols', 'noise', 'comps', 'text', 'csv', 'holdout', 'reverse'] },
  { title: 'Network', ids: ['cell', 'act', 'hidden', 'rec', 'fgate', 'init', 'iscale', 'rscale', 'fbias'] },
  { title: 'Training', ids: ['opt', 'lr', 'clip', 'clipAt', 'trunc', 'truncMode', 'batch', 'seed', 'kernels'] },
];
