import type { ParamLayout } from './params';
import type { Rng } from './rng';

/** Which part of a composite model a block belongs to. */
export type BlockPart = 'conv' | 'projection' | 'encoder' | 'decoder' | 'head';

/** One named weight matrix (or vector, cols = 1) inside a composite model's flat θ. */
export interface NamedBlock {
  readonly name: string;
  readonly offset: number;
  readonly rows: number;
  readonly cols: number;
  readonly vector: boolean;
  readonly part: BlockPart;
  /** initial values: U(−bound, bound) when bound > 0, else every entry = fill */
  readonly bound: number;
  readonly fill: number;
}

/**
 * Where every weight of a composite model (encoder–decoder, captioner) lives in its one flat θ: blocks are appended
 * in order, so one Optimizer and one clipping pass see the whole model as one vector, and the views name each part.
 */
export class BlockLayout {
  private readonly list: NamedBlock[] = [];
  private readonly byName = new Map<string, NamedBlock>();
  /** |θ| so far */
  size = 0;

  get blocks(): readonly NamedBlock[] {
    return this.list;
  }

  /** Appends a block; returns its offset. */
  add(name: string, rows: number, cols: number, part: BlockPart, init: { bound?: number; fill?: number; vector?: boolean } = {}): number {
    const b: NamedBlock = { name, offset: this.size, rows, cols, vector: init.vector ?? cols === 1, part, bound: init.bound ?? 0, fill: init.fill ?? 0 };
    this.list.push(b);
    this.byName.set(name, b);
    this.size += rows * cols;
    return b.offset;
  }

  /**
   * Appends a cell's blocks (its ParamLayout order: Wx·, Wh·, b·, then Why, by when it has a head) and returns the
   * offset of the first: the cell then reads θ through a view starting there. Cell blocks are named `prefix` + name
   * (`enc.Whf`); the head's keep their names (`Why`, `by`). Matrices start Xavier-uniform, U(±√(6/(rows + cols)))
   * per gate block (Glorot & Bengio 2010); biases 0 except the LSTM forget gate's, `forgetBias` (Gers et al. 2000).
   */
  addCell(prefix: string, cell: ParamLayout, part: BlockPart, forgetBias: number): number {
    const base = this.size;
    for (const b of cell.blocks) {
      if (b.rows * b.cols === 0) continue; // a headless cell's empty Why, by
      const head = b.role === 'output' || b.role === 'outputBias';
      const name = head ? b.name : `${prefix}${b.name}`;
      const bound = b.vector ? 0 : Math.sqrt(6 / (b.rows + b.cols));
      const fill = b.name === 'bf' && cell.shape.cell === 'lstm' ? forgetBias : 0;
      this.add(name, b.rows, b.cols, head ? 'head' : part, { bound, fill, vector: b.vector });
    }
    return base;
  }

  /** The block called `name`, or undefined. */
  find(name: string): NamedBlock | undefined {
    return this.byName.get(name);
  }

  /** A view of block `name` inside `theta` (shares memory). */
  view(theta: Float64Array, name: string): Float64Array {
    const b = this.byName.get(name);
    if (!b) throw new Error(`no parameter block ${name}`);
    return theta.subarray(b.offset, b.offset + b.rows * b.cols);
  }

  /** Sets θ block by block, in layout order: U(−bound, bound) from `rng`, or the block's fill value. */
  initialize(theta: Float64Array, rng: Rng): void {
    for (const b of this.list) {
      const end = b.offset + b.rows * b.cols;
      if (b.bound > 0) for (let i = b.offset; i < end; i++) theta[i] = rng.uniform(-b.bound, b.bound);
      else theta.fill(b.fill, b.offset, end);
    }
  }
}
