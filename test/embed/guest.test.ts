import { describe, expect, it } from 'vitest';
import { createGuest, STEP_EVENTS_PER_SECOND } from '../../src/embed/guest';
import type { EmbedTarget, StepState } from '../../src/embed/guest';

const HOST = 'https://course.example.org';

/** A fake lab: records what it was told, and lets the test move its step and state. */
function fakeTarget() {
  const calls: string[] = [];
  let s: StepState = { step: 0, loss: null, metric: null, playing: false, problem: null };
  const listeners = new Set<() => void>();
  const target: EmbedTarget = {
    play: () => {
      calls.push('play');
      s = { ...s, playing: true };
    },
    pause: () => {
      calls.push('pause');
      s = { ...s, playing: false };
    },
    step: () => calls.push('step'),
    reset: () => calls.push('reset'),
    set: (c) => (calls.push(`set ${JSON.stringify({ ...c })}`), 'lag' in c && c.lag === 999 ? 'lag is locked' : null),
    goTo: async (lesson, step) => (calls.push(`goTo ${lesson} ${step}`), lesson === 'nope' ? 'No lesson "nope".' : null),
    trainTo: (n) => (calls.push(`trainTo ${n}`), null),
    state: () => s,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  const update = (patch: Partial<StepState>) => {
    s = { ...s, ...patch };
    listeners.forEach((l) => l());
  };
  return { target, calls, update };
}

function setup(origins: string[] = [HOST], targetOrigin = origins[0] ?? '*') {
  const posted: { data: unknown; target: string }[] = [];
  const parent = { postMessage: (data: unknown, target: string) => posted.push({ data, target }) };
  const warnings: string[] = [];
  let clock = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const guest = createGuest({
    self: { addEventListener: () => {}, removeEventListener: () => {} } as unknown as Window,
    parent: parent as unknown as Window,
    origins,
    targetOrigin,
    ready: { type: 'ready', mode: 'lab', lesson: null, step: null },
    warn: (t) => warnings.push(t),
    now: () => clock,
    setTimer: (fn, ms) => {
      const t = { at: clock + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => timers.splice(timers.indexOf(t as (typeof timers)[0]), 1),
  });
  const ours = () => posted.filter((p) => typeof p.data === 'object' && p.data !== null && (p.data as { ns?: string }).ns === 'unrolled').map((p) => p.data as Record<string, unknown>);
  const events = (type: string) => ours().filter((e) => e.type === type);
  const send = (data: unknown, origin = HOST, source: unknown = parent) => guest.receive(data, origin, source);
  const advance = (ms: number) => {
    clock += ms;
    for (const t of timers.filter((x) => x.at <= clock)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { guest, posted, parent, warnings, events, send, advance, ours };
}

const cmd = (type: string, more: Record<string, unknown> = {}) => ({ ns: 'unrolled', v: 1, type, ...more });

describe('the guest: commands', () => {
  it('says ready at once, to the target origin', () => {
    const { posted } = setup();
    expect(posted.find((p) => (p.data as { type?: string }).type === 'ready')).toEqual({ data: { ns: 'unrolled', v: 1, type: 'ready', mode: 'lab', lesson: null, step: null }, target: HOST });
  });

  it('obeys the parent at an allowed origin, and acks a command with an id', async () => {
    const { guest, send, events } = setup();
    const { target, calls } = fakeTarget();
    guest.attach(target);
    send(cmd('play'));
    send(cmd('pause', { id: 'p1' }));
    send(cmd('step'));
    send(cmd('reset'));
    send(cmd('set', { config: { lag: 40, cell: 'lstm' } }));
    send(cmd('trainTo', { step: 300, id: 9 }));
    send(cmd('goTo', { lesson: 'vanishing', step: 3, id: 'g' }));
    await Promise.resolve();
    expect(calls).toEqual(['play', 'pause', 'step', 'reset', 'set {"lag":40,"cell":"lstm"}', 'trainTo 300', 'goTo vanishing 3']);
    expect(events('ack')).toEqual([
      { ns: 'unrolled', v: 1, type: 'ack', id: 'p1', command: 'pause', ok: true },
      { ns: 'unrolled', v: 1, type: 'ack', id: 9, command: 'trainTo', ok: true },
      { ns: 'unrolled', v: 1, type: 'ack', id: 'g', command: 'goTo', ok: true },
    ]);
  });

  it('answers a refused command with an error event and a failed ack', async () => {
    const { guest, send, events } = setup();
    const { target } = fakeTarget();
    guest.attach(target);
    send(cmd('set', { config: { lag: 999 }, id: 's' }));
    send(cmd('goTo', { lesson: 'nope', step: 1 }));
    await Promise.resolve();
    expect(events('error').map((e) => e.message)).toEqual(['lag is locked', 'No lesson "nope".']);
    expect(events('ack')).toEqual([{ ns: 'unrolled', v: 1, type: 'ack', id: 's', command: 'set', ok: false, message: 'lag is locked' }]);
  });

  it('does nothing for an origin not allowed, a sibling frame, or any page when there is no allowlist (one warning each)', () => {
    const a = setup();
    const { target, calls } = fakeTarget();
    a.guest.attach(target);
    a.send(cmd('play'), 'https://evil.example');
    a.send(cmd('play'), 'https://evil.example');
    a.send(cmd('play'), HOST, { postMessage: () => {} });
    expect(calls).toEqual([]);
    a.send(cmd('play'), HOST, { postMessage: () => {} });
    expect(a.warnings).toEqual([
      'commands from https://evil.example are refused: it is not in this embed\'s origins= list.',
      'commands are obeyed only from the page that embeds this one; ignored one from another window.',
    ]);

    const b = setup([], '*');
    const t2 = fakeTarget();
    b.guest.attach(t2.target);
    b.send(cmd('play'), HOST);
    b.send(cmd('pause'), HOST);
    expect(t2.calls).toEqual([]);
    expect(b.warnings).toEqual([`commands are refused: this embed has no allowlist. Add origins=${HOST} to its link to let that page control it.`]);
  });

  it('warns about a malformed message of ours and never throws; other protocols pass quietly', () => {
    const { guest, send, warnings } = setup();
    const { target, calls } = fakeTarget();
    guest.attach(target);
    expect(() => {
      send(cmd('explode'));
      send({ ns: 'unrolled', v: 2, type: 'play' });
      send(cmd('trainTo', { step: Infinity }));
      send('garbage');
      send({ context: 'h5p', action: 'hello' });
      send(undefined);
    }).not.toThrow();
    expect(calls).toEqual([]);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^ignored a message: unknown command "explode"/);
  });

  it('caps its warnings so a host in a loop cannot flood the console', () => {
    const { guest, send, warnings } = setup();
    guest.attach(fakeTarget().target);
    for (let i = 0; i < 500; i++) send(cmd('explode'));
    expect(warnings).toHaveLength(21);
    expect(warnings.at(-1)).toBe('further warnings about messages are not shown.');
  });

  it('keeps commands sent before the lab starts and carries them out when it does', () => {
    const { guest, send } = setup();
    send(cmd('trainTo', { step: 50 }));
    send(cmd('play'));
    const { target, calls } = fakeTarget();
    guest.attach(target);
    expect(calls).toEqual(['trainTo 50', 'play']);
  });
});

describe('the guest: a good guest', () => {
  it('pauses while off screen and resumes only if it was playing', () => {
    const { guest } = setup();
    const { target, calls } = fakeTarget();
    guest.attach(target);
    target.play();
    guest.setOnScreen(false);
    guest.setOnScreen(true);
    expect(calls).toEqual(['play', 'pause', 'play']);
    target.pause();
    guest.setOnScreen(false);
    guest.setOnScreen(true);
    expect(calls).toEqual(['play', 'pause', 'play', 'pause']);
  });

  it("pauses on reveal.js's slide:stop and resumes on slide:start if it was playing, from any parent origin", () => {
    const { guest, send } = setup();
    const { target, calls } = fakeTarget();
    guest.attach(target);
    target.play();
    send('slide:stop', 'https://slides.example');
    expect(calls).toEqual(['play', 'pause']);
    send('slide:start', 'https://slides.example');
    expect(calls).toEqual(['play', 'pause', 'play']);
    // not playing before: slide:start leaves it paused
    target.pause();
    send('slide:stop');
    send('slide:start');
    expect(calls).toEqual(['play', 'pause', 'play', 'pause']);
  });

  it('passes a clicker key to the host in reveal.js’s API: to the deck’s origin once it spoke, before that to the target origin', () => {
    const { guest, send, posted } = setup();
    const deckMessages = () => posted.filter((p) => typeof p.data === 'string' && p.data.includes('method'));
    // no deck has spoken yet (reveal.js is silent to the slide it opens on): sent to the host's target origin, and
    // not known to be heard
    expect(guest.toDeck('next')).toBe(false);
    // a sibling frame saying slide:start does not make a deck
    send('slide:start', 'https://evil.example', {});
    expect(guest.toDeck('next')).toBe(false);
    send('slide:start', 'https://slides.example');
    expect(guest.toDeck('next')).toBe(true);
    send('slide:stop', 'https://slides.example');
    expect(guest.toDeck('togglePause')).toBe(true);
    expect(deckMessages()).toEqual([
      { data: '{"method":"next","args":[]}', target: HOST },
      { data: '{"method":"next","args":[]}', target: HOST },
      { data: '{"method":"next","args":[]}', target: 'https://slides.example' },
      { data: '{"method":"togglePause","args":[]}', target: 'https://slides.example' },
    ]);
    // a deck opened from a file has an opaque origin, which cannot be a target: its window is, with '*'
    send('slide:start', 'null');
    expect(guest.toDeck('prev')).toBe(true);
    expect(deckMessages().at(-1)).toEqual({ data: '{"method":"prev","args":[]}', target: '*' });
  });

  it('waits for every hold to lift, and a play asked for meanwhile starts when they do', () => {
    const { guest, send } = setup();
    const { target, calls } = fakeTarget();
    guest.attach(target);
    send('slide:stop');
    guest.setOnScreen(false);
    send(cmd('play'));
    expect(calls).toEqual([]);
    send('slide:start');
    expect(calls).toEqual([]);
    guest.setOnScreen(true);
    expect(calls).toEqual(['play']);
  });

  it('a lab that starts playing under a hold waits', () => {
    const { guest, send } = setup();
    send('slide:stop');
    const { target, calls, update } = fakeTarget();
    update({ playing: true });
    guest.attach(target);
    expect(calls).toEqual(['pause']);
    send('slide:start');
    expect(calls).toEqual(['pause', 'play']);
  });
});

describe('the guest: step events', () => {
  it(`sends at most ${STEP_EVENTS_PER_SECOND} a second while playing, the latest step after each wait`, () => {
    const { guest, events, advance } = setup();
    const { target, update } = fakeTarget();
    guest.attach(target);
    expect(events('step')).toEqual([{ ns: 'unrolled', v: 1, type: 'step', step: 0, loss: null, metric: null, playing: false }]);
    advance(1000);
    for (let step = 1; step <= 60; step++) {
      update({ step, loss: 1 / step, playing: true });
      advance(1000 / 60);
    }
    const steps = events('step').slice(1);
    // one second of 60 frames: the first at once, then one per 250 ms
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.length).toBeLessThanOrEqual(5);
    expect(steps[0]).toMatchObject({ step: 1, loss: 1, playing: true });
    advance(300);
    expect(events('step').at(-1)).toMatchObject({ step: 60, playing: true });
  });

  it('sends the step once when training stops, and nothing while nothing changes', () => {
    const { guest, events, advance } = setup();
    const { target, update } = fakeTarget();
    guest.attach(target);
    advance(1000);
    update({ step: 5, playing: true });
    advance(50);
    update({ step: 6, playing: true });
    update({ step: 7, playing: false, metric: { name: 'accuracy', value: 0.5 } });
    update({ step: 7, playing: false });
    advance(1000);
    expect(events('step').map((e) => [e.step, e.playing])).toEqual([
      [0, false],
      [5, true],
      [7, false],
    ]);
    expect(events('step').at(-1)!.metric).toEqual({ name: 'accuracy', value: 0.5 });
  });

  it('says a divergence once, as an error event', () => {
    const { guest, events } = setup();
    const { target, update } = fakeTarget();
    guest.attach(target);
    update({ step: 3, problem: 'The loss became NaN at step 3.' });
    update({ step: 3, problem: 'The loss became NaN at step 3.' });
    expect(events('error')).toEqual([{ ns: 'unrolled', v: 1, type: 'error', message: 'The loss became NaN at step 3.' }]);
  });
});

describe('the guest: a host that listens late', () => {
  it('hello, from the parent at any origin, says ready, the height and the step again; from a sibling frame, nothing', () => {
    const { guest, posted, send, ours } = setup();
    const { target, update } = fakeTarget();
    guest.attach(target);
    guest.resized(640);
    update({ step: 12 });
    posted.length = 0;
    send(cmd('hello'), 'https://late.example', {});
    expect(posted).toEqual([]);
    // not in the allowlist, yet answered: hello moves nothing, and the answers go to the target origin as always
    send(cmd('hello', { id: 'h1' }), 'https://late.example');
    expect(ours()).toEqual([
      { ns: 'unrolled', v: 1, type: 'ready', mode: 'lab', lesson: null, step: null },
      { ns: 'unrolled', v: 1, type: 'resize', height: 640 },
      { ns: 'unrolled', v: 1, type: 'step', step: 12, loss: null, metric: null, playing: false },
      { ns: 'unrolled', v: 1, type: 'ack', id: 'h1', command: 'hello', ok: true },
    ]);
    expect(new Set(posted.map((p) => p.target))).toEqual(new Set([HOST]));
  });

  it('before the lab has started, hello says ready and the height, and nothing waits in the queue', () => {
    const { guest, send, ours, posted } = setup();
    guest.resized(300);
    posted.length = 0;
    send(cmd('hello'));
    expect(ours().map((e) => e.type)).toEqual(['ready', 'resize']);
    const { target, calls } = fakeTarget();
    guest.attach(target);
    expect(calls).toEqual([]);
  });
});

describe('the guest: sizes', () => {
  it('reports a new height in the three protocols and answers H5P', () => {
    const { guest, posted, send } = setup();
    posted.length = 0;
    guest.resized(700);
    guest.resized(700);
    expect(posted.map((p) => p.data)).toEqual([{ ns: 'unrolled', v: 1, type: 'resize', height: 700 }, '{"subject":"lti.frameResize","height":700}']);
    posted.length = 0;
    send({ context: 'h5p', action: 'hello' }, 'https://any.example');
    expect(posted.map((p) => p.data)).toEqual([{ context: 'h5p', action: 'prepareResize', scrollHeight: 700, clientHeight: 700 }]);
  });
});
