import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import { Session } from '../../src/engine/session';
import { createLab } from '../../src/state/lab';
import { DEFAULT_UI } from '../../src/state/url';
import type { Frame } from '../../src/worker/protocol';
import { fakeClient } from './fake-client';

const record = new Session().inspect(0);
function frame(frameId: number, steps: number[], loss = 1): Frame {
  return {
    frameId, step: steps.at(-1) ?? 0, playing: true, handled: 1, stepsPerSecond: 100,
    history: { step: Float64Array.from(steps), loss: Float64Array.from(steps.map(() => loss)), gradNorm: new Float64Array(steps.length), gradNormClipped: new Float64Array(steps.length), clipped: new Uint8Array(steps.length) },
    metric: null, record, spectral: null, output: null,
  };
}

function setup() {
  const f = fakeClient();
  const rafs: (() => void)[] = [];
  const lab = createLab({ config: defaultConfig(), ui: { ...DEFAULT_UI, autoplay: true }, client: f.client, raf: (cb) => rafs.push(cb) });
  const flush = () => rafs.splice(0).forEach((cb) => cb());
  return { ...f, lab, flush, rafs };
}

describe('createLab', () => {
  it('starts run 1: configure, speed, inspect and play, in that order', () => {
    const { sent } = setup();
    expect(sent.map((c) => c.type)).toEqual(['configure', 'speed', 'inspect', 'play']);
    expect(sent.every((c) => c.runId === 1)).toBe(true);
  });

  it('commits at most one frame per animation frame, then acknowledges it', () => {
    const { lab, emit, flush, rafs, sent } = setup();
    emit({ type: 'frame', runId: 1, frame: frame(1, [1, 2, 3]) });
    expect(rafs).toHaveLength(1);
    expect(lab.store.getState().step).toBe(0); // not before the animation frame
    emit({ type: 'frame', runId: 1, frame: frame(2, [4, 5]) }); // arrives before the frame is drawn
    expect(rafs).toHaveLength(1); // still one commit scheduled
    flush();
    const s = lab.store.getState();
    expect(s.step).toBe(5);
    expect(s.history.length).toBe(5); // both frames' steps kept
    expect(Array.from(s.history.step.subarray(0, 5))).toEqual([1, 2, 3, 4, 5]);
    expect(sent.filter((c) => c.type === 'ack')).toEqual([{ type: 'ack', runId: 1, frameId: 2 }]);
  });

  it('drops frames of an older run after reset', () => {
    const { lab, emit, flush, sent } = setup();
    lab.actions.reset();
    expect(sent.at(-3)).toEqual({ type: 'reset', runId: 2 });
    emit({ type: 'frame', runId: 1, frame: frame(7, [10]) });
    flush();
    expect(lab.store.getState().step).toBe(0);
    expect(lab.store.getState().staleFramesDropped).toBe(1);
    emit({ type: 'frame', runId: 2, frame: frame(8, [1]) });
    flush();
    expect(lab.store.getState().step).toBe(1);
  });

  it('divergence pauses and is shown; reset clears it', () => {
    const { lab, emit } = setup();
    emit({ type: 'diverged', runId: 1, divergence: { step: 12, cause: 'update', quantity: 'hidden state h at t = 3', message: 'x' } });
    expect(lab.store.getState()).toMatchObject({ status: 'diverged', playing: false, divergence: { step: 12 } });
    lab.actions.reset();
    expect(lab.store.getState()).toMatchObject({ status: 'starting', divergence: null, runId: 2 });
  });

  it('refuses a config the engine cannot build, with a notice, and keeps the current run', () => {
    const { lab, sent } = setup();
    const n = sent.length;
    const ok = lab.actions.configure({ ...defaultConfig(), task: { kind: 'text', seqLength: 16, text: '' } });
    expect(ok).toBe(false);
    expect(sent.length).toBe(n);
    expect(lab.store.getState().runId).toBe(1);
    expect(lab.store.getState().notices.at(-1)!.text).toMatch(/empty|short/i);
  });

  it('a crashed worker is reported and restarted with the current config', () => {
    const { lab, emit, sent } = setup();
    emit({ type: 'error', runId: 1, message: 'boom', recoverable: false });
    expect(lab.store.getState()).toMatchObject({ status: 'error', fatal: 'boom' });
    lab.actions.restartWorker();
    expect(sent.at(-4)).toEqual({ type: 'pause', runId: -99 }); // the fake's restart marker
    expect(sent.at(-3)).toMatchObject({ type: 'configure', runId: 2 });
    expect(lab.store.getState().fatal).toBeNull();
  });

  it('a heavy run says how long a step takes when it starts, once per configuration (not again on reset)', () => {
    const { lab, emit } = setup();
    const info = (configRunId: number) => ({
      configRunId,
      config: { ...defaultConfig(), batch: 64, model: { ...defaultConfig().model, hiddenSize: 128 } },
      notes: [],
      task: { kind: 'adding' as const, inputSize: 2, outputSize: 1, head: 'linear' as const, length: 400, evalSize: 8 },
      model: { cell: 'lstm' as const, paramCount: 1, blocks: [] },
      kernels: 'reference' as const,
    });
    emit({ type: 'ready', runId: 1, info: info(1) });
    lab.actions.reset();
    emit({ type: 'ready', runId: 2, info: info(1) });
    const warnings = lab.store.getState().notices.filter((n) => /Each training step of this run takes about \d/.test(n.text));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].kind).toBe('warning');
  });
});
