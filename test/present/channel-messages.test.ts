import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkArgs, plainData } from '../../src/present/action-args';
import { parseEvent, parseMessage } from '../../src/present/channel-messages';
import { presentChannel, validId } from '../../src/present/channel';
import { channelHub } from './fake-channel';

const ID = 'abc123def456';
const f64 = (n: number) => new Float64Array(n);
const labels = (T: number) => Array.from({ length: T }, (_, t) => String(t));
/** a RunInfo of the lab's default run (an LSTM echoing across 10 steps) */
const info = (over: Record<string, unknown> = {}) => ({
  configRunId: 1, config: {}, notes: [], kernels: 'reference',
  task: { kind: 'echo', inputSize: 5, outputSize: 4, head: 'softmax', length: 11, evalSize: 128 },
  model: { cell: 'lstm', paramCount: 10, blocks: [{ name: 'Wxf', rows: 2, cols: 5 }] },
  ...over,
});
const chunk = (n: number) => ({ step: f64(n), loss: f64(n), gradNorm: f64(n), gradNormClipped: f64(n), clipped: new Uint8Array(n) });
const record = (T = 3, H = 2) => ({
  T, H, I: 1, O: 1, cell: 'rnn', gateNames: ['h'], inputs: f64(T), targets: f64(T), mask: new Uint8Array(T), h: f64(T * H), c: f64(0), gates: f64(T * H),
  preX: f64(T * H), preH: f64(T * H), preB: f64(H), y: f64(T), p: f64(0), losses: f64(T), loss: 0, dh: f64(T * H), dc: f64(0), tau: 2, flowH: f64(3), flowC: f64(0),
  blockNames: [], blockGradNorms: f64(0), inputLabels: labels(T), targetLabels: labels(T), outputLabels: labels(T),
});
const frame = (over: Record<string, unknown> = {}) => ({ frameId: 1, step: 4, playing: false, handled: 3, stepsPerSecond: 0, history: chunk(2), metric: null, record: record(), spectral: null, output: null, ...over });
const history = (n = 2, over: Record<string, unknown> = {}) => ({ stride: 1, ...chunk(n), clipped: f64(n), partial: { n: 0, step: 0, loss: 0, gradNorm: 0, gradNormClipped: 0, clipped: 0 }, ...over });
const picture = (over: Record<string, unknown> = {}) => ({ history: history(), metrics: { step: f64(1), value: f64(1) }, metric: null, spectral: null, output: null, ...over });
const snapshot = (over: Record<string, unknown> = {}) => ({ kind: 'snapshot', from: ID, to: 'zzz999yyy888', run: 1, sent: 3, state: { lesson: null, step: 0, blackout: false, speed: 5 }, events: [], picture: picture(), frame: frame(), ...over });
const event = (over: Record<string, unknown> = {}) => ({ kind: 'event', from: ID, run: 2, sent: 3, event: { type: 'frame', runId: 2, frame: frame() }, ...over });

afterEach(() => vi.restoreAllMocks());

describe('channel messages are parsed like any untrusted input', () => {
  it('accepts each well-formed kind', () => {
    for (const m of [
      { kind: 'owner', from: ID },
      { kind: 'hello', from: ID },
      { kind: 'here', from: ID },
      { kind: 'bye', from: ID },
      { kind: 'state', from: ID, state: { lesson: 'vanishing', step: 2, blackout: true, speed: 20 } },
      { kind: 'state', from: ID, state: { lesson: null, step: 0, blackout: false, speed: 0 } },
      { kind: 'run', from: ID, run: 3, sent: 0 },
      { kind: 'sent', from: ID, run: 3, sent: 4 },
      event(),
      { kind: 'call', from: ID, name: 'trainTo', args: [500] },
      { kind: 'control', from: ID, control: { type: 'goto', step: 4 } },
      { kind: 'control', from: ID, control: { type: 'blackout', on: false } },
      snapshot(),
      snapshot({ frame: null, picture: picture({ metric: { name: 'MSE', value: 0.1, baseline: 0.14, baselineName: 'persistence', higherIsBetter: false } }) }),
      { kind: 'picture', from: ID, run: 4, picture: picture() },
    ]) {
      const parsed = parseMessage(structuredClone(m));
      expect(parsed, JSON.stringify(m).slice(0, 80)).toMatchObject({ ok: true, value: { kind: m.kind } });
    }
  });

  it('refuses hostile and malformed messages, saying why', () => {
    const bad: unknown[] = [
      null, 42, 'owner', [], { kind: 'owner' }, { kind: 'owner', from: 'x' }, { kind: 'owner', from: '<img src=x>' }, { kind: 7, from: ID },
      { kind: 'nope', from: ID }, { kind: '__proto__', from: ID },
      { kind: 'state', from: ID, state: { lesson: 'x'.repeat(41), step: 0, blackout: false, speed: 1 } },
      { kind: 'state', from: ID, state: { lesson: null, step: -1, blackout: false, speed: 1 } },
      { kind: 'state', from: ID, state: { lesson: null, step: 0, blackout: 'yes', speed: 1 } },
      { kind: 'state', from: ID, state: { lesson: null, step: 0, blackout: false, speed: Number.NaN } },
      { kind: 'run', from: ID, run: 1.5, sent: 0 },
      { kind: 'sent', from: ID, run: 1, sent: -1 },
      event({ run: '2' }),
      event({ event: null }),
      event({ event: { type: 'frame', runId: 2 } }),
      event({ event: { type: 'frame', runId: 2, frame: frame({ step: Number.POSITIVE_INFINITY }) } }),
      event({ event: { type: 'frame', runId: 2, frame: frame({ history: { ...chunk(2), loss: [0, 0] } }) } }),
      event({ event: { type: 'frame', runId: 2, frame: frame({ history: { ...chunk(2), loss: f64(3) } }) } }),
      event({ event: { type: 'frame', runId: 2, frame: frame({ record: { ...record(), h: f64(5) } }) } }),
      event({ event: { type: 'frame', runId: 2, frame: frame({ record: { ...record(), mask: f64(3) } }) } }),
      event({ event: { type: 'frame', runId: 2, frame: frame({ metric: { step: 1, value: 'good' } }) } }),
      event({ event: { type: 'ready', runId: 2, info: { configRunId: 1, config: 'x', notes: [], task: {}, model: { blocks: [] } } } }),
      event({ event: { type: 'error', runId: 2, message: 'm' } }),
      event({ event: { type: 'diverged', runId: 2, divergence: { step: -3 } } }),
      event({ event: { type: 'surface', runId: 2, result: {} } }),
      { kind: 'call', from: ID, name: 'a.b', args: [] },
      { kind: 'call', from: ID, name: 'play', args: 'now' },
      { kind: 'call', from: ID, name: 'play', args: [1, 2, 3, 4, 5] },
      { kind: 'control', from: ID, control: { type: 'goto', step: 1.5 } },
      { kind: 'control', from: ID, control: { type: 'explode' } },
      snapshot({ to: 'bad' }),
      snapshot({ events: [{ type: 'frame' }] }),
      snapshot({ frame: { step: 1 } }),
      snapshot({ picture: picture({ history: history(2, { stride: 0 }) }) }),
      snapshot({ picture: picture({ history: history(2, { partial: { n: 1, step: 0, loss: 0, gradNorm: 0, gradNormClipped: 0, clipped: 0 } }) }) }),
      snapshot({ picture: picture({ history: history(5000) }) }),
      snapshot({ picture: picture({ history: { ...history(2), loss: f64(3) } }) }),
      snapshot({ picture: picture({ history: { ...history(2), clipped: f64(3) } }) }),
      snapshot({ picture: picture({ history: { ...history(2), clipped: new Uint8Array(2) } }) }),
      snapshot({ picture: picture({ history: { ...history(2), step: new Float64Array([1, NaN]) } }) }),
      snapshot({ picture: picture({ metrics: { step: new Float64Array([-1]), value: f64(1) } }) }),
      snapshot({ picture: picture({ metrics: { step: f64(2), value: f64(1) } }) }),
      snapshot({ picture: picture({ metric: { name: 'MSE' } }) }),
      snapshot({ picture: picture({ output: 'text' }) }),
      { kind: 'picture', from: ID, run: 'x', picture: picture() },
    ];
    for (const m of bad) {
      const parsed = parseMessage(m);
      expect(parsed.ok, JSON.stringify(m)?.slice(0, 120)).toBe(false);
      if (!parsed.ok) expect(parsed.why.length).toBeGreaterThan(3);
    }
  });

  it('a ready event gets a valid config whatever it carried; long notes are cut', () => {
    const e = parseEvent({ type: 'ready', runId: 1, info: info({ config: { task: { kind: 'echo', lag: 1e9 }, model: 'x' }, notes: ['n'.repeat(900)] }) });
    expect(e?.type).toBe('ready');
    if (e?.type !== 'ready') return;
    expect(e.info.config.task).toMatchObject({ kind: 'echo' });
    expect(e.info.config.model.cell).toBe('lstm');
    expect(e.info.notes[0].length).toBe(500);
  });

  it('a ready event of a run opened from a file keeps its step; a bad step refuses the event', () => {
    const e = parseEvent({ type: 'ready', runId: 4, info: info(), step: 300 });
    expect(e?.type === 'ready' && e.step).toBe(300);
    const plain = parseEvent({ type: 'ready', runId: 4, info: info() });
    expect(plain?.type === 'ready' && 'step' in plain).toBe(false);
    for (const step of [-1, 1.5, NaN, '300']) expect(parseEvent({ type: 'ready', runId: 4, info: info(), step })).toBeNull();
    // the shape as it was before: an empty task and model pass no more
    expect(parseEvent({ type: 'ready', runId: 4, info: { ...info(), task: {}, model: { blocks: [] } } })).toBeNull();
  });

  it('an event type this build does not know is refused (the lab would ignore it); a known one is checked, not passed as it is', () => {
    expect(parseEvent({ type: 'teleported', runId: 3, blob: 'x' })).toBeNull();
    expect(parseEvent({ type: 'exported', runId: 3, blob: 'x' })).toBeNull();
    expect(parseEvent({ type: 'exported' })).toBeNull();
  });

  it('the channel drops a malformed message with a console warning, and delivers the next good one', () => {
    const hub = channelHub();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const channel = presentChannel(hub.port());
    const got: string[] = [];
    channel.subscribe((m) => got.push(m.kind));
    hub.inject({ kind: 'state', from: ID, state: 'evil' });
    hub.inject({ kind: 'hello', from: ID });
    hub.flush();
    expect(got).toEqual(['hello']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('state: malformed state'));
    channel.close();
  });

  it('speaker ids from a link: only the shape our ids have', () => {
    expect(validId('abc123def456')).toBe(true);
    for (const id of ['', 'abc', 'ABCDEFGH', 'abc-123-def', 'a'.repeat(33), '<script>']) expect(validId(id)).toBe(false);
  });
});

describe("a forwarded call's arguments are checked before the owner's lab runs it", () => {
  it('known actions: their own checks, bounded', () => {
    expect(checkArgs('play', ['extra'])).toEqual([]);
    expect(checkArgs('setSpeed', [1e9])).toEqual([100_000]);
    expect(checkArgs('setSpeed', [-1])).toBeNull();
    expect(checkArgs('select', [{ sample: 2, t: null, highlight: 'h', evil: 1 }])).toEqual([{ sample: 2, t: null, highlight: 'h' }]);
    expect(checkArgs('select', [{ unit: 1.5 }])).toBeNull();
    expect(checkArgs('trainTo', [300])).toEqual([300]);
    expect(checkArgs('trainTo', [-3])).toBeNull();
    expect(checkArgs('requestSurface', [{}])).toBeNull();
    expect((checkArgs('configure', [{ model: { hiddenSize: 1e6 } }])?.[0] as { model: { hiddenSize: number } }).model.hiddenSize).toBe(128);
  });

  it("this window's own actions are never run for another", () => {
    for (const name of ['notify', 'dismissNotice', 'setUi']) expect(checkArgs(name, [])).toBeNull();
  });

  it('an action this build does not know: plain data only', () => {
    expect(checkArgs('importRun', [{ name: 'run', steps: [1, 2] }])).toEqual([{ name: 'run', steps: [1, 2] }]);
    expect(plainData([new Float64Array(2)])).toBe(false);
    expect(plainData([Number.NaN])).toBe(false);
    expect(plainData(['x'.repeat(2001)])).toBe(false);
    expect(plainData([[[[[1]]]]])).toBe(false);
  });
});
