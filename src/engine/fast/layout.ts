import type { ParamLayout } from '../params';
import { GATES } from '../types';
import type { ModelShape } from '../types';
import type { GlobalName } from './wat-train';

/** n rounded up to a multiple of 4: every vector the kernels touch is whole float32x4 lanes. */
export const pad4 = (n: number): number => (n + 3) & ~3;

/** A run of θ entries copied as one: θ[src … src+len) ↔ f32[dst … dst+len) (float indices). */
export interface Run {
  src: number;
  dst: number;
  len: number;
}

/**
 * Where everything lives in the fast path's linear memory, for one network shape and room for T steps.
 * Every dimension is padded to a multiple of 4 (Hp, Ip, Op); θ's blocks keep θ's order (Wx, Wh, b, Why, by), so
 * with no padding θ maps onto one contiguous float32 range. θ and its gradient come first and do not depend on T,
 * so the memory can grow for longer sequences and keep them (`fixedBytes`).
 */
export class FastLayout {
  readonly Hp: number;
  readonly Ip: number;
  readonly Op: number;
  readonly GHp: number;
  /** byte address (or size) of every global of the module */
  readonly globals: Record<GlobalName, number>;
  /** bytes of θ and its gradient, at the start */
  readonly fixedBytes: number;
  /** total bytes */
  readonly bytes: number;
  /** θ ↔ float32 copies, merged where both sides are contiguous */
  readonly runs: readonly Run[];
  /** float index of θ's first entry and the float count of θ's float32 block (its gradient follows it) */
  readonly weights: number;
  readonly weightFloats: number;

  constructor(readonly shape: ModelShape, layout: ParamLayout, readonly T: number) {
    const { hiddenSize: H, inputSize: I, outputSize: O } = shape;
    const G = GATES[shape.cell].length;
    const Hp = pad4(H);
    const Ip = pad4(I);
    const Op = pad4(O);
    const GHp = G * Hp;
    this.Hp = Hp;
    this.Ip = Ip;
    this.Op = Op;
    this.GHp = GHp;
    let at = 16; // byte 0 left unused: no buffer starts at address 0
    const take = (floats: number): number => {
      const a = at;
      at += pad4(floats) * 4;
      return a;
    };
    const theta = { wx: take(GHp * Ip), wh: take(GHp * Hp), b: take(GHp), why: take(Op * Hp), by: take(Op) };
    const grad = { gwx: take(GHp * Ip), gwh: take(GHp * Hp), gb: take(GHp), gwhy: take(Op * Hp), gby: take(Op) };
    this.fixedBytes = at;
    this.weights = theta.wx / 4;
    this.weightFloats = (grad.gwx - theta.wx) / 4;
    const scratch = { dh: take(Hp), dhn: take(Hp), dcn: take(Hp), da: take(GHp), dy: take(Op), drh: take(Hp), zeros: take(Hp) };
    const seq = { x: take(T * Ip), hot: take(T), tgt: take(T), ytgt: take(T * Op), mask: take(T) };
    const fwd = {
      hs: take((T + 1) * Hp), cs: take((T + 1) * Hp), tc: take(T * Hp), gates: take(T * GHp), rh: take(T * Hp),
      ys: take(T * Op), ps: take(T * Op), norm: take(2 * T), loss: take(T),
    };
    const bwd = { dA: take(T * GHp), dY: take(T * Op) };
    this.bytes = at;
    this.globals = {
      Hp, O, Op, Ip, GHp, cell: 0, act: 0, rec: 0, tanhF: 0, head: 0,
      ...theta, ...grad, ...scratch, ...seq, ...fwd, ...bwd,
    };

    // θ's rows in order, each to its padded place; adjacent runs contiguous on both sides are merged
    const runs: Run[] = [];
    const push = (src: number, dst: number, len: number): void => {
      const last = runs[runs.length - 1];
      if (last && last.src + last.len === src && last.dst + last.len === dst) last.len += len;
      else runs.push({ src, dst, len });
    };
    const w = this.weights;
    for (let r = 0; r < G * H; r++) push(layout.wx + r * I, w + padRow(r, H, Hp) * Ip, I);
    for (let r = 0; r < G * H; r++) push(layout.wh + r * H, theta.wh / 4 + padRow(r, H, Hp) * Hp, H);
    for (let r = 0; r < G * H; r++) push(layout.b + r, theta.b / 4 + padRow(r, H, Hp), 1);
    for (let r = 0; r < O; r++) push(layout.why + r * H, theta.why / 4 + r * Hp, H);
    push(layout.by, theta.by / 4, O);
    this.runs = runs;
  }
}

/** Row g·H + r of a gate-stacked block → row g·Hp + r of the padded one. */
function padRow(row: number, H: number, Hp: number): number {
  return Math.floor(row / H) * Hp + (row % H);
}
