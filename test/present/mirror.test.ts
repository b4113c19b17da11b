import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import type { Control } from '../../src/present/channel-messages';
import { presentChannel } from '../../src/present/channel';
import { createMirrorLab } from '../../src/present/mirror-lab';
import type { MirrorLab } from '../../src/present/mirror-lab';
import { createOwnerRelay } from '../../src/present/owner-relay';
import { createLab } from '../../src/state/lab';
import type { Lab } from '../../src/state/lab';
import { DEFAULT_UI } from '../../src/state/url';
import { Rng } from '../../src/engine/rng';
import { encodeRunFile } from '../../src/state/run-file';
import { loopClient } from '../state/loop-client';
import { channelHub } from './fake-channel';
import { manyListeners } from './many-listeners';

// The owner's lab trains on the real SessionLoop (loop-client.ts: both threads stepped by hand); the channel between
// the windows is an in-memory BroadcastChannel whose messages cross when the test flushes it.

type Hub = ReturnType<typeof channelHub>;
const noTimers = { setInterval: () => 0, clearInterval: () => {} };

function makeOwner(hub: Hub) {
  const w = loopClient();
  const lab = createLab({ config: { ...defaultConfig(), model: { cell: 'rnn', activation: 'tanh', hiddenSize: 8 } }, ui: { ...DEFAULT_UI, views: ['curve'], autoplay: false }, client: manyListeners(w.client), raf: w.raf });
  const show = { lesson: 'vanishing' as string | null, step: 2, blackout: false };
  const controls: Control[] = [];
  const channel = presentChannel(hub.port());
  const relay = createOwnerRelay(lab, channel, { state: () => show, onControl: (c) => controls.push(c), ...noTimers });
  return {
    w,
    lab,
    show,
    controls,
    relay,
    leave() {
      relay.dispose();
      channel.close();
      lab.dispose();
    },
  };
}

function makeMirror(hub: Hub) {
  const frames: (() => void)[] = [];
  const lab = createMirrorLab(presentChannel(hub.port()), { config: defaultConfig(), ui: { ...DEFAULT_UI }, raf: (cb) => frames.push(cb), ...noTimers });
  return { lab, frames };
}

/** Runs both windows until nothing moves: the owner's worker and page, the channel, the mirror's animation frames. */
function settleAll(owner: ReturnType<typeof makeOwner>, hub: Hub, mirror?: ReturnType<typeof makeMirror>) {
  for (let round = 0; round < 200; round++) {
    let moved = owner.w.run(50_000);
    moved += hub.flush();
    while (mirror && mirror.frames.length > 0) {
      mirror.frames.shift()!();
      moved++;
    }
    if (moved === 0) return;
  }
  throw new Error('the windows never settled');
}

/** What the status bar and the curve show: the numbers the two windows must agree on. */
function shown(lab: Lab) {
  const s = lab.store.getState();
  const h = s.history;
  return {
    step: s.step,
    playing: s.frame?.playing ?? null,
    synced: s.frame !== null && s.frame.handled === s.sent,
    status: s.status,
    config: s.config,
    points: h.length,
    lastStep: h.length ? h.step[h.length - 1] : null,
    lastLoss: h.length ? h.loss[h.length - 1] : null,
    metric: s.metric?.value ?? null,
  };
}

/** The whole curve, point by point, and the metric's points: bit for bit. */
function curve(lab: Lab) {
  const s = lab.store.getState();
  return { history: s.history.state(), metrics: s.metrics.points() };
}

/** Plays the owner for a while, then pauses it and lets everything settle. */
function train(owner: ReturnType<typeof makeOwner>, hub: Hub, mirror: ReturnType<typeof makeMirror> | undefined, tasks: number) {
  owner.lab.actions.play();
  for (let i = 0; i < tasks; i += 50) {
    owner.w.run(50);
    hub.flush();
    while (mirror && mirror.frames.length > 0) mirror.frames.shift()!();
  }
  owner.lab.actions.pause();
  settleAll(owner, hub, mirror);
}

const mirrors: MirrorLab[] = [];
afterEach(() => {
  mirrors.splice(0).forEach((m) => m.dispose());
  vi.restoreAllMocks();
});

describe('a speaker window mirrors the audience window over the channel', () => {
  it('a mirror that connects mid-run catches up: the same run, step, curve, config and synced state', () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    settleAll(owner, hub);
    train(owner, hub, undefined, 3000);
    const before = shown(owner.lab);
    expect(before.step).toBeGreaterThan(5);
    const mirror = makeMirror(hub);
    mirrors.push(mirror.lab);
    expect(mirror.lab.client.status.getState().connection).toBe('waiting');
    settleAll(owner, hub, mirror);
    expect(mirror.lab.client.status.getState()).toMatchObject({ connection: 'connected', state: { lesson: 'vanishing', step: 2, blackout: false, speed: 20 } });
    expect(shown(mirror.lab)).toEqual(shown(owner.lab));
    expect(shown(mirror.lab).synced).toBe(true);
    // every point of the curve, not only the last
    const a = owner.lab.store.getState().history;
    const b = mirror.lab.store.getState().history;
    expect(Array.from(b.loss.subarray(0, b.length))).toEqual(Array.from(a.loss.subarray(0, a.length)));
  });

  it('a long run (points merged past 2,048 steps) is caught up point for point, its unfinished point too', () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    settleAll(owner, hub);
    owner.lab.actions.setSpeed(0);
    owner.lab.actions.play();
    while (owner.lab.store.getState().step < 2600) {
      owner.w.run(500);
      hub.flush();
    }
    owner.lab.actions.pause();
    settleAll(owner, hub);
    expect(owner.lab.store.getState().history.stride).toBeGreaterThan(1);
    const mirror = makeMirror(hub);
    mirrors.push(mirror.lab);
    settleAll(owner, hub, mirror);
    expect(curve(mirror.lab)).toEqual(curve(owner.lab));
    expect(shown(mirror.lab)).toEqual(shown(owner.lab));
    // and the steps after it land in the same points in both
    owner.lab.actions.step();
    owner.lab.actions.step();
    owner.lab.actions.step();
    settleAll(owner, hub, mirror);
    expect(curve(mirror.lab)).toEqual(curve(owner.lab));
  });

  it('a mirror that connects at any moment — frames in flight, received but not drawn — ends on the same curve', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rng = new Rng(seed);
      const hub = channelHub();
      const owner = makeOwner(hub);
      settleAll(owner, hub);
      owner.lab.actions.play();
      owner.w.run(200 + rng.int(2000), rng);
      const mirror = makeMirror(hub);
      for (let i = 0; i < 30; i++) {
        owner.w.run(rng.int(60), rng);
        hub.flush(rng.int(4));
        if (rng.next() < 0.5 && mirror.frames.length > 0) mirror.frames.shift()!();
      }
      owner.lab.actions.pause();
      settleAll(owner, hub, mirror);
      expect(shown(mirror.lab), `seed ${seed}`).toEqual(shown(owner.lab));
      expect(curve(mirror.lab), `seed ${seed}`).toEqual(curve(owner.lab));
      mirror.lab.dispose();
    }
  });

  it('a run file opened in the audience window: its history reaches a connected mirror and a new one', async () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    const mirror = makeMirror(hub);
    mirrors.push(mirror.lab);
    settleAll(owner, hub, mirror);
    owner.lab.actions.trainTo(150);
    settleAll(owner, hub, mirror);
    const saving = owner.lab.actions.exportRun();
    settleAll(owner, hub, mirror);
    const text = encodeRunFile(await saving);
    owner.lab.actions.reset();
    settleAll(owner, hub, mirror);
    expect(shown(mirror.lab).step).toBe(0);
    expect(await owner.lab.actions.importRun(text)).toBe(true);
    settleAll(owner, hub, mirror);
    expect(shown(owner.lab).step).toBe(150);
    expect(shown(mirror.lab)).toEqual(shown(owner.lab));
    expect(curve(mirror.lab)).toEqual(curve(owner.lab));
    expect(curve(mirror.lab).history.step.length).toBe(150);
    const late = makeMirror(hub);
    mirrors.push(late.lab);
    settleAll(owner, hub, late);
    expect(curve(late.lab)).toEqual(curve(owner.lab));
    owner.lab.actions.step();
    settleAll(owner, hub, late);
    expect(shown(late.lab)).toMatchObject({ step: 151, synced: true });
  });

  it('events are mirrored as they come: while the owner trains the mirror follows, and both settle on the same step', () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    const mirror = makeMirror(hub);
    mirrors.push(mirror.lab);
    settleAll(owner, hub, mirror);
    owner.lab.actions.play();
    let seen = 0;
    for (let i = 0; i < 40; i++) {
      owner.w.run(40);
      hub.flush();
      while (mirror.frames.length > 0) mirror.frames.shift()!();
      seen = Math.max(seen, mirror.lab.store.getState().step);
    }
    expect(mirror.lab.store.getState().playing).toBe(true);
    expect(seen).toBeGreaterThan(0);
    owner.lab.actions.pause();
    settleAll(owner, hub, mirror);
    expect(shown(mirror.lab)).toEqual(shown(owner.lab));
    expect(shown(mirror.lab).playing).toBe(false);
  });

  it("the mirror's commands are the owner's own actions, called by name: play, pause, step, reset, speed; run ids stay the owner's", () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    const mirror = makeMirror(hub);
    mirrors.push(mirror.lab);
    settleAll(owner, hub, mirror);
    const calls: string[] = [];
    owner.lab.onCommand((c) => calls.push(c.type));

    mirror.lab.actions.step();
    // as a button's onClick={a.step} calls it: the click event is no argument of step's, and stays here
    (mirror.lab.actions.step as (e: unknown) => void)(new Event('click'));
    settleAll(owner, hub, mirror);
    expect(owner.lab.store.getState().step).toBe(2);
    expect(shown(mirror.lab)).toEqual(shown(owner.lab));

    mirror.lab.actions.play();
    for (let i = 0; i < 20; i++) {
      owner.w.run(40);
      hub.flush();
      while (mirror.frames.length > 0) mirror.frames.shift()!();
    }
    mirror.lab.actions.pause();
    settleAll(owner, hub, mirror);
    expect(owner.lab.store.getState().step).toBeGreaterThan(2);
    expect(shown(mirror.lab)).toEqual(shown(owner.lab));

    const run = owner.lab.store.getState().runId;
    mirror.lab.actions.reset();
    mirror.lab.actions.setSpeed(5);
    settleAll(owner, hub, mirror);
    expect(owner.lab.store.getState().runId).toBe(run + 1);
    expect(owner.lab.store.getState().ui.speed).toBe(5);
    expect(mirror.lab.store.getState().ui.speed).toBe(5);
    expect(shown(owner.lab).step).toBe(0);
    expect(shown(mirror.lab)).toEqual(shown(owner.lab));
    expect(calls).toEqual(['step', 'step', 'play', 'pause', 'reset', 'speed']);
  });

  it('an action the lab gains later is forwarded by its name, without a list to update', () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    const got: unknown[] = [];
    (owner.lab.actions as unknown as Record<string, unknown>).trainTo = (n: number) => got.push(n);
    (owner.lab.actions as unknown as Record<string, unknown>).newThing = (x: unknown) => got.push(x);
    const mirror = makeMirror(hub);
    mirrors.push(mirror.lab);
    settleAll(owner, hub, mirror);
    // the mirror lab forwards every action its own lab has; a newer owner action is reached through the channel by name
    mirror.lab.client.call('trainTo', [500]);
    mirror.lab.client.call('newThing', [{ a: [1, 2] }]);
    settleAll(owner, hub, mirror);
    expect(got).toEqual([500, { a: [1, 2] }]);
  });

  it('a forwarded call that is not an action, is local, or has bad arguments is refused with a warning, and nothing happens', () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    const mirror = makeMirror(hub);
    mirrors.push(mirror.lab);
    settleAll(owner, hub, mirror);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const before = owner.lab.store.getState();
    mirror.lab.client.call('constructor', []);
    mirror.lab.client.call('hasOwnProperty', ['x']);
    mirror.lab.client.call('notify', ['error', 'hacked']);
    mirror.lab.client.call('setSpeed', [Number.NaN]);
    mirror.lab.client.call('setSpeed', ['fast']);
    mirror.lab.client.call('configure', ['not a config']);
    mirror.lab.client.call('select', [{ sample: -1 }]);
    mirror.lab.client.call('requestSurface', [{ nw: 1e9 }]);
    settleAll(owner, hub, mirror);
    const after = owner.lab.store.getState();
    expect(after.runId).toBe(before.runId);
    expect(after.ui.speed).toBe(before.ui.speed);
    expect(after.notices).toEqual(before.notices);
    expect(after.selection).toEqual(before.selection);
    expect(warn).toHaveBeenCalledTimes(8);
    // a config that is an object becomes a valid one
    mirror.lab.actions.configure({ task: { kind: 'echo', lag: 3 } } as never);
    settleAll(owner, hub, mirror);
    expect(owner.lab.store.getState().config.task).toEqual({ kind: 'echo', lag: 3, symbols: 4 });
    expect(mirror.lab.store.getState().config).toEqual(owner.lab.store.getState().config);
  });

  it('"synced" means the same in both windows: after the owner sends a command neither is synced until its frame is drawn', () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    const mirror = makeMirror(hub);
    mirrors.push(mirror.lab);
    settleAll(owner, hub, mirror);
    expect(shown(mirror.lab).synced).toBe(true);
    owner.lab.actions.step();
    hub.flush();
    while (mirror.frames.length > 0) mirror.frames.shift()!();
    expect(shown(owner.lab).synced).toBe(false);
    expect(shown(mirror.lab).synced).toBe(false);
    expect(shown(mirror.lab).step).toBe(0);
    settleAll(owner, hub, mirror);
    expect(shown(mirror.lab)).toMatchObject({ synced: true, step: 1 });
  });

  it('a speaker window that reloads asks again and catches up; the old one is gone', () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    const first = makeMirror(hub);
    settleAll(owner, hub, first);
    train(owner, hub, first, 2000);
    first.lab.dispose();
    owner.lab.actions.step();
    const second = makeMirror(hub);
    mirrors.push(second.lab);
    settleAll(owner, hub, second);
    expect(shown(second.lab)).toEqual(shown(owner.lab));
  });

  it('an audience window that reloads: the mirror says "reconnecting", then follows the new owner\'s run', () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    const mirror = makeMirror(hub);
    mirrors.push(mirror.lab);
    settleAll(owner, hub, mirror);
    train(owner, hub, mirror, 2000);
    owner.leave();
    hub.flush();
    expect(mirror.lab.client.status.getState().connection).toBe('reconnecting');
    // the mirror keeps showing the last state it had
    expect(mirror.lab.store.getState().step).toBeGreaterThan(0);

    const next = makeOwner(hub);
    next.show.step = 3;
    settleAll(next, hub, mirror);
    expect(mirror.lab.client.status.getState()).toMatchObject({ connection: 'connected', state: { step: 3 } });
    expect(shown(mirror.lab)).toEqual(shown(next.lab));
    expect(shown(mirror.lab).step).toBe(0);
    next.lab.actions.step();
    settleAll(next, hub, mirror);
    expect(shown(mirror.lab)).toMatchObject({ step: 1, synced: true });
  });

  it('an owner that falls silent without a word is noticed after three missed beats', () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    let now = 0;
    let tick: () => void = () => {};
    const frames: (() => void)[] = [];
    const lab = createMirrorLab(presentChannel(hub.port()), { config: defaultConfig(), ui: { ...DEFAULT_UI }, raf: (cb) => frames.push(cb), now: () => now, setInterval: (fn) => (tick = fn), clearInterval: () => {} });
    mirrors.push(lab);
    settleAll(owner, hub, { lab, frames });
    expect(lab.client.status.getState().connection).toBe('connected');
    now = 5000;
    tick();
    expect(lab.client.status.getState().connection).toBe('connected');
    now = 7000;
    tick();
    expect(lab.client.status.getState().connection).toBe('reconnecting');
    // still there after all: the snapshot it answers with reconnects
    settleAll(owner, hub, { lab, frames });
    expect(lab.client.status.getState().connection).toBe('connected');
  });

  it('steps and the blank screen: a mirror asks, the owner page decides; its state reaches the mirror', () => {
    const hub = channelHub();
    const owner = makeOwner(hub);
    const mirror = makeMirror(hub);
    mirrors.push(mirror.lab);
    settleAll(owner, hub, mirror);
    mirror.lab.client.control({ type: 'goto', step: 3 });
    mirror.lab.client.control({ type: 'blackout', on: true });
    hub.flush();
    expect(owner.controls).toEqual([{ type: 'goto', step: 3 }, { type: 'blackout', on: true }]);
    owner.show.step = 3;
    owner.show.blackout = true;
    owner.relay.announce();
    hub.flush();
    expect(mirror.lab.client.status.getState().state).toEqual({ lesson: 'vanishing', step: 3, blackout: true, speed: 20 });
  });

  it('with no speaker window the owner clones no frames for nobody; a hello starts the relay, the last bye stops it', () => {
    const hub = channelHub();
    const heard: string[] = [];
    hub.port().onmessage = (e) => heard.push((e.data as { kind: string }).kind);
    const owner = makeOwner(hub);
    train(owner, hub, undefined, 400);
    expect(heard).not.toContain('event');
    const mirror = makeMirror(hub);
    settleAll(owner, hub, mirror);
    train(owner, hub, mirror, 400);
    expect(heard.filter((k) => k === 'event').length).toBeGreaterThan(3);
    expect(shown(mirror.lab)).toEqual(shown(owner.lab));
    mirror.lab.dispose();
    hub.flush();
    expect(heard.at(-1)).toBe('bye');
    heard.length = 0;
    train(owner, hub, undefined, 400);
    expect(heard).toContain('sent');
    expect(heard).not.toContain('event');
  });

  it('a speaker window that dies without its bye is dropped after three beats unheard; one that beats stays', () => {
    const hub = channelHub();
    const heard: string[] = [];
    hub.port().onmessage = (e) => heard.push((e.data as { kind: string }).kind);
    let now = 0;
    let ownerTick: () => void = () => {};
    const w = loopClient();
    const lab = createLab({ config: { ...defaultConfig(), model: { cell: 'rnn', activation: 'tanh', hiddenSize: 8 } }, ui: { ...DEFAULT_UI, views: ['curve'], autoplay: false }, client: manyListeners(w.client), raf: w.raf });
    const relay = createOwnerRelay(lab, presentChannel(hub.port()), { state: () => ({ lesson: null, step: 0, blackout: false }), onControl: () => {}, now: () => now, setInterval: (fn) => (ownerTick = fn), clearInterval: () => {} });
    const owner = { w, lab, relay, show: { lesson: null, step: 0, blackout: false }, controls: [] as Control[], leave: () => relay.dispose() };
    // the living window beats; the dead one said hello once and then nothing (a crash: no pagehide, no bye)
    let livingTick: () => void = () => {};
    const livingFrames: (() => void)[] = [];
    const living = createMirrorLab(presentChannel(hub.port()), { config: defaultConfig(), ui: { ...DEFAULT_UI }, raf: (cb) => livingFrames.push(cb), now: () => now, setInterval: (fn) => (livingTick = fn), clearInterval: () => {} });
    mirrors.push(living);
    const dead = presentChannel(hub.port());
    dead.post({ kind: 'hello', from: 'dead-window-0001' });
    settleAll(owner, hub, { lab: living, frames: livingFrames });
    expect(living.client.status.getState().connection).toBe('connected');
    const beat = (t: number) => {
      now = t;
      livingTick();
      hub.flush();
      ownerTick();
      hub.flush();
    };
    beat(2000);
    beat(4000);
    expect(heard).toContain('here');
    beat(7000);
    // the living window is still relayed to: its frames arrive
    heard.length = 0;
    train(owner, hub, { lab: living, frames: livingFrames }, 200);
    expect(heard.filter((k) => k === 'event').length).toBeGreaterThan(0);
    // now the living one dies too (no beat, no bye): after three silent beats the owner stops cloning frames
    living.client.status.setState({ connection: 'waiting' }); // its watch would say hello again: silence it
    now = 20_000;
    ownerTick();
    hub.flush();
    heard.length = 0;
    train(owner, hub, undefined, 200);
    expect(heard).toContain('sent');
    expect(heard).not.toContain('event');
    relay.dispose();
    lab.dispose();
  });

  it('two presentations on two channels do not hear each other', () => {
    const a = channelHub();
    const b = channelHub();
    const ownerA = makeOwner(a);
    const mirrorB = makeMirror(b);
    mirrors.push(mirrorB.lab);
    settleAll(ownerA, a);
    b.flush();
    expect(mirrorB.lab.client.status.getState().connection).toBe('waiting');
    expect(mirrorB.lab.store.getState().frame).toBeNull();
  });
});
