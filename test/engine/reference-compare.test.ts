// The comparison helper the reference tests rely on: if it passed everything, they could not fail.
import { describe, expect, it } from 'vitest';
import { close, differences } from './reference/compare';

const tol = { abs: 1e-4, rel: 1e-3 };

describe('close: |a − b| ≤ abs + rel·|b|', () => {
  it('accepts within and rejects beyond the combined bound, and rejects non-finite values', () => {
    expect(close(1.0009, 1, tol)).toBe(true); // |Δ| 9e-4 ≤ 1e-4 + 1e-3
    expect(close(1.0012, 1, tol)).toBe(false); // 1.2e-3 > 1.1e-3
    expect(close(5e-5, 0, tol)).toBe(true);
    expect(close(2e-4, 0, tol)).toBe(false);
    expect(close(NaN, NaN, tol)).toBe(false);
    expect(close(Infinity, Infinity, tol)).toBe(false);
  });
});

describe('differences', () => {
  it('is empty for equal nested data and names the path, index and both values of a mismatch', () => {
    const ref = { loss: 1, steps: [{ h: [0.5, -0.25], p: undefined, loss: null }], grads: { W: [[1, 2]] } };
    expect(differences(structuredClone(ref), ref, tol, 's')).toEqual([]);
    const bad = structuredClone(ref);
    bad.grads.W[0][1] = 2.01;
    expect(differences(bad, ref, tol, 's')).toEqual(['s.grads.W[0][1]: got 2.01, expected 2 (|Δ| = 1.00e-2)']);
  });

  it('reports length, presence and null-versus-number mismatches', () => {
    expect(differences({ h: [1, 2, 3] }, { h: [1, 2] }, tol, 's')).toEqual(['s.h: got length 3, expected length 2']);
    expect(differences({ c: [1] }, {}, tol, 's')).toEqual(['s.c: got [1], expected undefined']);
    expect(differences({}, { p: [1] }, tol, 's')).toEqual(['s.p: got undefined, expected [1]']);
    expect(differences({ loss: 0.3 }, { loss: null }, tol, 's')).toEqual(['s.loss: got 0.3, expected null']);
    expect(differences({ gates: { z: [1] } }, { gates: {} }, tol, 's')).toEqual(['s.gates.z: got [1], expected undefined']);
  });
});
