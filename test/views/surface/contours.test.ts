import { describe, expect, it } from 'vitest';
import { contourSegments } from '../../../src/views/surface/contours';

describe('marching squares', () => {
  it('cuts off a single corner above the level, crossing its edges by linear interpolation', () => {
    // corners a (0,0) = 1, b (1,0) = 0, c (1,1) = 0, d (0,1) = 0; level 0.75: a quarter of the way from a
    expect(contourSegments([1, 0, 0, 0], 2, 2, 0.75)).toEqual([[0, 0.25, 0.25, 0]]);
    // nothing when all corners are on one side
    expect(contourSegments([1, 1, 1, 1], 2, 2, 0.5)).toEqual([]);
    expect(contourSegments([0, 0, 0, 0], 2, 2, 0.5)).toEqual([]);
  });

  it('resolves a saddle by the mean of the corners', () => {
    // a and c above; mean 0.5 is not above 0.5: a and c are cut off separately
    expect(contourSegments([1, 0, 0, 1], 2, 2, 0.5)).toEqual([
      [0, 0.5, 0.5, 0],
      [1, 0.5, 0.5, 1],
    ]);
    // mean 0.55 above: a and c joined through the centre, b and d cut off
    const [aroundD, aroundB] = contourSegments([1, 0, 0.2, 1], 2, 2, 0.5);
    // around d (0, 1) = 0.2: on the left edge 0.625 of the way up from a = 1, on the top edge 0.375 of the way from d to c = 1
    expect(aroundD[0]).toBe(0);
    expect(aroundD[1]).toBe(0.625);
    expect(aroundD[2]).toBeCloseTo(0.375, 15);
    expect(aroundD[3]).toBe(1);
    expect(aroundB).toEqual([0.5, 0, 1, 0.5]);
  });

  it('traces a linear surface exactly: every end lies on i + j = level', () => {
    const n = 5;
    const v = Array.from({ length: n * n }, (_, k) => (k % n) + Math.floor(k / n));
    const segs = contourSegments(v, n, n, 2.5);
    expect(segs.length).toBe(5); // the squares (i, j) with i + j ∈ {1, 2}: corners i + j … i + j + 2 straddle 2.5
    for (const [i0, j0, i1, j1] of segs) {
      expect(i0 + j0).toBeCloseTo(2.5, 12);
      expect(i1 + j1).toBeCloseTo(2.5, 12);
    }
  });

  it('skips squares with a non-finite corner', () => {
    expect(contourSegments([1, NaN, 0, 0], 2, 2, 0.5)).toEqual([]);
  });
});
