/**
 * The caption task's pictures: 16×16 RGB images (channel-major, values 0 or 1, black background) with one or two
 * filled shapes, each inside a 6×6 box placed in one quadrant of the image with an offset of 0–2 pixels per axis.
 */

/** Image side S and channels (R, G, B). */
export const CAPTION_IMAGE_SIZE = 16;
export const CAPTION_CHANNELS = 3;

/** The colours, as (R, G, B): red, green, blue, yellow. */
export const COLOURS = ['red', 'green', 'blue', 'yellow'] as const;
const RGB: readonly (readonly number[])[] = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0]];

/** The shapes. All but the square cover 20–24 of the box's 36 pixels, so size alone does not tell them apart. */
export const SHAPES = ['circle', 'square', 'triangle', 'cross'] as const;

/** One shape in the picture: colour and shape indices, its quadrant, and its box's offset inside the quadrant. */
export interface PlacedShape {
  colour: number;
  shape: number;
  /** quadrant row (0 top, 1 bottom) and column (0 left, 1 right) */
  row: number;
  col: number;
  /** the box's top-left corner is (8·col + dx, 8·row + dy), dx, dy ∈ {0, 1, 2} */
  dx: number;
  dy: number;
}

/**
 * Whether pixel (u, v) of the 6×6 box (u across, v down, centre (2.5, 2.5)) belongs to the shape:
 * circle (u−2.5)² + (v−2.5)² ≤ 7.5 (rows 2, 4, 6, 6, 4, 2 wide); square every pixel; triangle, apex up, row v
 * covering |u − 2.5| ≤ (⌊v/2⌋ + 1) − 0.5 (rows 2, 2, 4, 4, 6, 6 wide); cross the two middle rows and columns.
 */
export function inShape(shape: number, u: number, v: number): boolean {
  const a = u - 2.5;
  const b = v - 2.5;
  if (shape === 0) return a * a + b * b <= 7.5;
  if (shape === 1) return true;
  if (shape === 2) return Math.abs(a) <= Math.floor(v / 2) + 0.5;
  return Math.abs(a) < 1 || Math.abs(b) < 1;
}

/** Paints the shapes into a 3×16×16 image (a later shape over an earlier one; in the task they never overlap). */
export function drawShapes(shapes: readonly PlacedShape[], out = new Float64Array(CAPTION_CHANNELS * CAPTION_IMAGE_SIZE * CAPTION_IMAGE_SIZE)): Float64Array {
  const S = CAPTION_IMAGE_SIZE;
  out.fill(0);
  for (const p of shapes) {
    const x0 = 8 * p.col + p.dx;
    const y0 = 8 * p.row + p.dy;
    const rgb = RGB[p.colour];
    for (let v = 0; v < 6; v++) {
      for (let u = 0; u < 6; u++) {
        if (!inShape(p.shape, u, v)) continue;
        for (let c = 0; c < CAPTION_CHANNELS; c++) out[c * S * S + (y0 + v) * S + x0 + u] = rgb[c];
      }
    }
  }
  return out;
}
