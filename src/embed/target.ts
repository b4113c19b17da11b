import type { Lab } from '../state/lab';
import { isLocked, lockedMessage, SETTING_IDS } from '../state/scenario';
import type { ControlId, Scenario } from '../state/scenario';
import { fromHash, toHash } from '../state/url';
import type { EmbedTarget, StepState } from './guest';
import type { SettingValue } from './messages';

/** The keys a host may `set`: the run's link settings, and the page's speed and views. */
const SETTABLE: readonly string[] = [...SETTING_IDS, 'speed', 'views'];

/**
 * The embed's lab as its host drives it. The host is the page's author: playback always obeys it (a scenario
 * that locks playback binds the reader, not the page that embeds it), but `set` refuses the locked settings as
 * the reader's fields do, and every value goes through the lab's own link reading (checked and clamped).
 */
export function labTarget(lab: Lab, scenario: Scenario, goTo: EmbedTarget['goTo']): EmbedTarget {
  const a = lab.actions;
  // the newest step's loss (a frame carries every step since the previous one; a pause's frame may carry none)
  let loss: number | null = null;
  let lossFrame: unknown = null;
  const state = (): StepState => {
    const s = lab.store.getState();
    if (s.frame !== lossFrame) {
      lossFrame = s.frame;
      const l = s.frame?.history.loss;
      if (!s.frame) loss = null;
      else if (l && l.length > 0) loss = l[l.length - 1];
    }
    const ok = s.status !== 'diverged' && s.status !== 'error';
    return {
      step: s.step,
      loss: loss !== null && Number.isFinite(loss) ? loss : null,
      metric: s.metric && Number.isFinite(s.metric.value) ? { name: s.metric.name, value: s.metric.value } : null,
      playing: ok && (s.playing || (s.frame?.playing ?? false)),
      problem: s.status === 'diverged' ? (s.divergence?.message ?? 'Training diverged.') : s.status === 'error' ? (s.fatal ?? 'The training worker stopped.') : null,
    };
  };
  return {
    play: a.play,
    pause: a.pause,
    step: a.step,
    reset: a.reset,
    set(values) {
      const keys = Object.keys(values);
      const unknown = keys.filter((k) => !SETTABLE.includes(k));
      if (unknown.length > 0) return `Unknown setting ${JSON.stringify(unknown[0])}: set takes the link's keys (${SETTABLE.join(', ')}).`;
      const s = lab.store.getState();
      const locked = keys.filter((k) => isLocked(scenario, k as ControlId)) as ControlId[];
      if (locked.length > 0) return lockedMessage(s.config, locked);
      const params = new URLSearchParams(toHash(s.config, s.ui).slice(1));
      for (const k of keys) params.set(k, stringOf(values[k], k));
      const { config, ui, notes } = fromHash(`#${params.toString()}`);
      if (keys.includes('views')) a.setUi({ views: ui.views });
      if (keys.includes('speed')) a.setSpeed(ui.speed);
      notes.forEach((n) => a.notify('warning', n));
      if (keys.some((k) => k !== 'views' && k !== 'speed') && !a.configure(config)) {
        return lab.store.getState().notices.at(-1)?.text ?? 'The lab refused these settings.';
      }
      return null;
    },
    goTo,
    // the host's trainTo is the page's own, like at=: it is not refused by a scenario that hides the reader's "train to"
    trainTo: (step) => (a.trainTo(step) ? null : (lab.store.getState().notices.at(-1)?.text ?? 'The lab refused to train to that step.')),
    state,
    subscribe: (listener) => lab.store.subscribe(listener),
  };
}

/** A host's value as a link writes it: `rec: false` is `rec=off`, as the link and the lesson controls spell it. */
function stringOf(v: SettingValue, key: string): string {
  if (typeof v === 'boolean' && key === 'rec') return v ? 'on' : 'off';
  return String(v);
}

/** A target with no lab behind it (a link to a lesson that does not exist): only `goTo` can help, the rest says why not. */
export function idleTarget(why: string, goTo: EmbedTarget['goTo']): EmbedTarget {
  const idle: StepState = { step: 0, loss: null, metric: null, playing: false, problem: null };
  return {
    play: () => {},
    pause: () => {},
    step: () => {},
    reset: () => {},
    set: () => why,
    goTo,
    trainTo: () => why,
    state: () => idle,
    subscribe: () => () => {},
  };
}
