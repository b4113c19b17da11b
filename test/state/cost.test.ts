import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session';
import { ENGINE_FLOPS_PER_SECOND, FAST_KERNELS_SPEEDUP, formatDuration, slowRunWarning, stepFlops, stepSeconds } from '../../src/state/cost';
import type { RunInfo } from '../../src/worker/protocol';

/** The RunInfo the worker would announce for `config`. */
function infoOf(config: unknown): RunInfo {
  const s = new Session(config);
  return {
    configRunId: 1,
    config: s.config,
    notes: s.notes,
    task: { kind: s.task.kind, inputSize: s.task.inputSize, outputSize: s.task.outputSize, head: s.task.head, length: s.task.length, evalSize: 8 },
    model: { cell: s.net.shape.cell, paramCount: s.net.theta.length, blocks: [] },
    kernels: s.trainer.kernels,
  };
}

describe('the cost of a training step', () => {
  it('counts 6·B·T·(G·H·(I + H) + O·H) FLOPs', () => {
    const info = infoOf({ task: { kind: 'adding', seqLength: 50 }, model: { cell: 'lstm', hiddenSize: 16 }, batch: 32 });
    // adding: I = 2, O = 1; LSTM: G = 4
    expect(stepFlops(info, 32, 16)).toBe(6 * 32 * 50 * (4 * 16 * (2 + 16) + 1 * 16));
    expect(stepSeconds(info)).toBeCloseTo(stepFlops(info, 32, 16) / ENGINE_FLOPS_PER_SECOND, 12);
    const gru = infoOf({ task: { kind: 'adding', seqLength: 50 }, model: { cell: 'gru', hiddenSize: 16 }, batch: 32 });
    const rnn = infoOf({ task: { kind: 'adding', seqLength: 50 }, model: { cell: 'rnn', hiddenSize: 16 }, batch: 32 });
    expect(stepFlops(gru, 32, 16) / stepFlops(rnn, 32, 16)).toBeCloseTo((3 * 16 * 18 + 16) / (16 * 18 + 16), 12);
  });

  it('warns about the heavy run of a lecture (T = 400, hidden 128, batch 64: seconds a step), not about the default', () => {
    expect(slowRunWarning(infoOf({}))).toBeNull();
    const heavy = infoOf({ task: { kind: 'adding', seqLength: 400 }, model: { cell: 'lstm', hiddenSize: 128 }, batch: 64 });
    const w = slowRunWarning(heavy)!;
    expect(stepSeconds(heavy)).toBeGreaterThan(3);
    expect(w).toMatch(/^Each training step of this run takes about \d+(\.\d)? s \(batch 64 × 400 steps × LSTM of 128 units\)/);
  });

  it('estimates a run on the fast kernels at the measured speed-up, and points a slow reference run to them', () => {
    const heavy = { task: { kind: 'adding', seqLength: 400 }, model: { cell: 'lstm', hiddenSize: 128 }, batch: 64 };
    const ref = infoOf(heavy);
    const fast = infoOf({ ...heavy, kernels: 'fast' });
    expect(fast.kernels).toBe('fast');
    expect(stepSeconds(fast)).toBeCloseTo(stepSeconds(ref) / FAST_KERNELS_SPEEDUP, 12);
    expect(slowRunWarning(ref)).toMatch(/and so do the fast kernels \(Training settings\)\.$/);
    expect(slowRunWarning(fast)).toMatch(/hidden size trains faster\.$/);
  });

  it('formats durations at a glance, and nothing absurd', () => {
    expect(formatDuration(0.0004)).toBe('0.4 ms');
    expect(formatDuration(0.035)).toBe('35 ms');
    expect(formatDuration(1.24)).toBe('1.2 s');
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(NaN)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });
});
