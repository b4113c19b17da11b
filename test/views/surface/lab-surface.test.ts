import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/engine/config';
import { createLab } from '../../../src/state/lab';
import { DEFAULT_UI } from '../../../src/state/url';
import type { SurfaceRequest } from '../../../src/worker/protocol';
import { fakeClient } from '../../state/fake-client';
import { computeSurface } from '../../../src/worker/surface';
import { sameSurfaceRequest } from '../../../src/worker/surface-request';

const REQ: SurfaceRequest = { wRange: [0, 16], bRange: [-10, 6], nw: 3, nb: 3, start: null, lr: 1, steps: 0, clip: 1, restarts: null, annealing: null, seed: 1 };

function setup() {
  const { client, sent, emit } = fakeClient();
  const lab = createLab({ config: defaultConfig(), ui: { ...DEFAULT_UI, autoplay: false }, client, raf: () => {} });
  return { lab, sent, emit };
}

describe('requestSurface', () => {
  it('sends a surface command of the current run and stores the answer', () => {
    const { lab, sent, emit } = setup();
    expect(lab.store.getState().surface).toBeNull();
    expect(lab.store.getState().surfaceRequest).toBeNull();
    lab.actions.requestSurface(REQ);
    expect(sent.at(-1)).toEqual({ type: 'surface', runId: 1, request: REQ });
    // the store says what was asked for before the answer comes (the view shows it as computing)
    expect(lab.store.getState().surfaceRequest).toBe(REQ);
    const result = computeSurface(REQ);
    emit({ type: 'surface', runId: 1, result });
    expect(lab.store.getState().surface).toBe(result);
    expect(sameSurfaceRequest(result.request, lab.store.getState().surfaceRequest!)).toBe(true);
  });

  it('ignores an answer of an older run, keeps the latest request\u2019s answer across a reset, and leaves the run alone', () => {
    const { lab, sent, emit } = setup();
    const old = computeSurface(REQ);
    emit({ type: 'surface', runId: 0, result: old });
    expect(lab.store.getState().surface).toBeNull();
    lab.actions.requestSurface(REQ); // sent with run 1
    lab.actions.reset(); // run 2 starts before the worker answers
    expect(sent.filter((c) => c.type === 'surface')).toHaveLength(1);
    const result = computeSurface(REQ);
    emit({ type: 'surface', runId: 1, result });
    expect(lab.store.getState().surface).toBe(result);
    expect(lab.store.getState()).toMatchObject({ runId: 2, staleFramesDropped: 0, status: 'starting' });
  });
});
