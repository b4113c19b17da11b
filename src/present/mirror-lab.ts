/**
 * The speaker window's lab: an ordinary createLab whose client is the mirror client, so its store draws the owner's
 * run exactly as the owner's store does; and its actions, forwarded by name to the owner's lab — every action the lab
 * has, whatever it is called (a new one such as trainTo is forwarded without a change here), except the few that are
 * this window's own (its notices and page settings, NOT_FORWARDED). A forwarded call carries the arguments the action
 * declares and returns nothing: its effect comes back as the owner's events.
 */
import type { SessionConfig } from '../engine/config';
import { createLab } from '../state/lab';
import type { Lab, LabActions } from '../state/lab';
import type { UiSettings } from '../state/store';
import { NOT_FORWARDED } from './action-args';
import type { PresentChannel } from './channel';
import { createMirrorClient } from './mirror-client';
import type { MirrorClient, MirrorOptions } from './mirror-client';

export interface MirrorLab extends Lab {
  client: MirrorClient;
}

export function createMirrorLab(channel: PresentChannel, opts: { config: SessionConfig; ui: UiSettings; raf?: (cb: () => void) => unknown } & MirrorOptions): MirrorLab {
  const client = createMirrorClient(channel, opts);
  // never plays on its own: it shows the owner's run
  const local = createLab({ config: opts.config, ui: { ...opts.ui, autoplay: false }, client, raf: opts.raf, precheck: () => null });
  client.onNewRun = () => local.actions.reset();
  // the owner's picture of the run goes into this window's store as it is (as lab.ts does with an opened run file)
  client.onPicture = (p) => {
    const s = local.store.getState();
    try {
      s.history.load(p.history);
    } catch (e) {
      console.warn(`Presenter channel: ignored a history this page cannot hold (${e instanceof Error ? e.message : String(e)}).`);
      return;
    }
    s.metrics.load(p.metrics.step, p.metrics.value);
    local.store.setState({ metric: p.metric, spectral: p.spectral, output: p.output, historyVersion: s.historyVersion + 1 });
  };
  const own = local.actions as unknown as Record<string, unknown>;
  const forwarded: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(own)) {
    // as many arguments as the action declares: a button's onClick={a.step} hands it a click event too, which is no
    // argument of step's (and cannot cross the channel)
    forwarded[name] = NOT_FORWARDED.has(name) || typeof fn !== 'function' ? fn : (...args: unknown[]) => void client.call(name, args.slice(0, fn.length));
  }
  // the speed menu shows the owner's speed (setUi only writes this window's page settings)
  client.status.subscribe(({ state }) => {
    if (state && state.speed !== local.store.getState().ui.speed) local.actions.setUi({ speed: state.speed });
  });
  client.connect();
  return { ...local, client, actions: forwarded as unknown as LabActions };
}
