import type { CellKind, ModelShape } from './types';
import { GATES } from './types';

/** One named weight matrix (or vector, cols = 1 and `vector` set) inside the flat parameter array θ. */
export interface ParamBlock {
  readonly name: string;
  readonly offset: number;
  readonly rows: number;
  readonly cols: number;
  readonly vector: boolean;
  /** 'input' (Wx·), 'recurrent' (Wh·), 'bias' (b·), or the head's 'output' (Why) and 'outputBias' (by) */
  readonly role: 'input' | 'recurrent' | 'bias' | 'output' | 'outputBias';
  /** the gate this block belongs to ('' for the head) */
  readonly gate: string;
}

/**
 * Where every weight lives in θ. The gate blocks of one role are contiguous, in the order of GATES,
 * so that Wx = [Wx·₁; Wx·₂; …] is a single (G·H) × I matrix, Wh a (G·H) × H matrix and b a G·H vector:
 * a cell computes all its gate pre-activations with one pass over each.
 */
export class ParamLayout {
  /** number of gate blocks G (rnn 1, gru 3, lstm 4) */
  readonly gates: number;
  /** offsets of Wx, Wh, b, Why, by in θ */
  readonly wx: number;
  readonly wh: number;
  readonly b: number;
  readonly why: number;
  readonly by: number;
  /** |θ| */
  readonly size: number;
  readonly blocks: readonly ParamBlock[];
  private readonly byName: Map<string, ParamBlock>;

  constructor(readonly shape: ModelShape) {
    const { inputSize: I, hiddenSize: H, outputSize: O } = shape;
    const names = GATES[shape.cell];
    const G = names.length;
    this.gates = G;
    this.wx = 0;
    this.wh = G * H * I;
    this.b = this.wh + G * H * H;
    this.why = this.b + G * H;
    this.by = this.why + O * H;
    this.size = this.by + O;
    const blocks: ParamBlock[] = [];
    names.forEach((g, k) => blocks.push({ name: `Wx${g}`, offset: this.wx + k * H * I, rows: H, cols: I, vector: false, role: 'input', gate: g }));
    names.forEach((g, k) => blocks.push({ name: `Wh${g}`, offset: this.wh + k * H * H, rows: H, cols: H, vector: false, role: 'recurrent', gate: g }));
    names.forEach((g, k) => blocks.push({ name: `b${g}`, offset: this.b + k * H, rows: H, cols: 1, vector: true, role: 'bias', gate: g }));
    blocks.push({ name: 'Why', offset: this.why, rows: O, cols: H, vector: false, role: 'output', gate: '' });
    blocks.push({ name: 'by', offset: this.by, rows: O, cols: 1, vector: true, role: 'outputBias', gate: '' });
    this.blocks = blocks;
    this.byName = new Map(blocks.map((b) => [b.name, b]));
  }

  /** The block called `name`, or undefined. */
  find(name: string): ParamBlock | undefined {
    return this.byName.get(name);
  }

  /** A view of block `name` inside `theta` (shares memory). */
  view(theta: Float64Array, name: string): Float64Array {
    const b = this.byName.get(name);
    if (!b) throw new Error(`no parameter block ${name}`);
    return theta.subarray(b.offset, b.offset + b.rows * b.cols);
  }
}

/** The weight names of a cell, in storage order: Wx·, Wh·, b·, Why, by. */
export function weightNames(cell: CellKind): string[] {
  const g = GATES[cell];
  return [...g.map((x) => `Wx${x}`), ...g.map((x) => `Wh${x}`), ...g.map((x) => `b${x}`), 'Why', 'by'];
}
