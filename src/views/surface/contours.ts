/**
 * Contour lines of a sampled surface by marching squares: each grid square whose four corners straddle the
 * level holds one or two line segments, their ends placed on the square's edges by linear interpolation.
 * Coordinates are in grid units: (i, j) is the sample values[j·nw + i]; fractions lie between samples.
 */

/** A segment [i₀, j₀, i₁, j₁] in grid coordinates. */
export type Segment = [number, number, number, number];

/** Where along the edge from value a to value b the level is crossed: t ∈ [0, 1]. */
function cross(a: number, b: number, level: number): number {
  return a === b ? 0.5 : (level - a) / (b - a);
}

/**
 * The segments of the contour E = level over an nw × nb grid (row-major, rows along j). A square with a
 * non-finite corner is skipped. The saddle cases (opposite corners above) are resolved by the mean of the
 * four corners, so the line does not depend on the order the squares are visited.
 */
export function contourSegments(values: ArrayLike<number>, nw: number, nb: number, level: number): Segment[] {
  const out: Segment[] = [];
  for (let j = 0; j + 1 < nb; j++) {
    for (let i = 0; i + 1 < nw; i++) {
      // corners counter-clockwise from (i, j): a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1)
      const a = values[j * nw + i];
      const b = values[j * nw + i + 1];
      const c = values[(j + 1) * nw + i + 1];
      const d = values[(j + 1) * nw + i];
      if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || !Number.isFinite(d)) continue;
      const code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // the crossing point on each edge: bottom (a–b), right (b–c), top (d–c), left (a–d)
      const bottom = (): [number, number] => [i + cross(a, b, level), j];
      const right = (): [number, number] => [i + 1, j + cross(b, c, level)];
      const top = (): [number, number] => [i + cross(d, c, level), j + 1];
      const left = (): [number, number] => [i, j + cross(a, d, level)];
      const seg = (p: [number, number], q: [number, number]) => out.push([p[0], p[1], q[0], q[1]]);
      const centreAbove = (a + b + c + d) / 4 > level;
      switch (code) {
        case 1: case 14: seg(left(), bottom()); break;
        case 2: case 13: seg(bottom(), right()); break;
        case 3: case 12: seg(left(), right()); break;
        case 4: case 11: seg(right(), top()); break;
        case 6: case 9: seg(bottom(), top()); break;
        case 7: case 8: seg(left(), top()); break;
        case 5: // a and c above: joined through the centre, or cut off from it
          if (centreAbove) { seg(left(), top()); seg(bottom(), right()); }
          else { seg(left(), bottom()); seg(right(), top()); }
          break;
        case 10: // b and d above
          if (centreAbove) { seg(left(), bottom()); seg(right(), top()); }
          else { seg(left(), top()); seg(bottom(), right()); }
          break;
      }
    }
  }
  return out;
}
