/**
 * Pure helpers of the caption output: what a small RGBA picture shows, in words (its alternative text and its row of
 * the table), and where a feature map is strongest.
 */

/** The colours the caption task paints, by their channels (0 or 255 each); anything else is named by its bytes. */
const NAMES: Record<string, string> = { '255,0,0': 'red', '0,255,0': 'green', '0,0,255': 'blue', '255,255,0': 'yellow', '255,255,255': 'white' };

/** One colour of a picture: how many pixels have it and the box they lie in (x right, y down, 0-based, inclusive). */
export interface ColourPatch {
  colour: string;
  pixels: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Every colour but black in an RGBA picture of size × size (row-major, as ImageData): its pixel count and bounding
 * box, in order of first appearance (top to bottom, left to right). A picture of the wrong length gives nothing.
 */
export function colourPatches(rgba: Uint8ClampedArray, size: number): ColourPatch[] {
  if (!Number.isInteger(size) || size < 1 || rgba.length !== 4 * size * size) return [];
  const byColour = new Map<string, ColourPatch>();
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = 4 * (y * size + x);
      const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
      if (r === 0 && g === 0 && b === 0) continue;
      const key = `${r},${g},${b}`;
      const colour = NAMES[key] ?? `rgb(${key})`;
      const p = byColour.get(colour);
      if (!p) byColour.set(colour, { colour, pixels: 1, x0: x, x1: x, y0: y, y1: y });
      else {
        p.pixels++;
        p.x0 = Math.min(p.x0, x);
        p.x1 = Math.max(p.x1, x);
        p.y1 = y;
      }
    }
  }
  return [...byColour.values()];
}

/** "red: 24 pixels at x 2–7, y 9–14; blue: 20 pixels at …", or "all black" — the picture in words. */
export function describePicture(rgba: Uint8ClampedArray, size: number): string {
  const patches = colourPatches(rgba, size);
  if (patches.length === 0) return 'all black';
  const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
  return patches.map((p) => `${p.colour}: ${p.pixels} pixel${p.pixels === 1 ? '' : 's'} at x ${range(p.x0, p.x1)}, y ${range(p.y0, p.y1)}`).join('; ');
}

/** Channel c of channel-major maps (C × size × size): its largest value, its mean, and where the largest is (first on ties). */
export function mapStats(maps: Float64Array, c: number, size: number): { max: number; mean: number; x: number; y: number } {
  const n = size * size;
  let max = -Infinity;
  let at = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = maps[c * n + i];
    sum += v;
    if (v > max) {
      max = v;
      at = i;
    }
  }
  return { max, mean: sum / n, x: at % size, y: Math.floor(at / size) };
}

/** Channel c's map transposed to x-major (value at x·size + y), the layout Heatmap reads with time along x. */
export function xMajor(maps: Float64Array, c: number, size: number): Float64Array {
  const n = size * size;
  const out = new Float64Array(n);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) out[x * size + y] = maps[c * n + y * size + x];
  return out;
}
