import { log } from '../detmath';
import type { Network } from '../network';
import type { Sequence, TruncMode } from '../types';
import { FastLayout } from './layout';
import { fastModule } from './module';
import type { WasmApi, WasmGlobal } from './wasm-api';
import { ACT_CODE, CELL_CODE } from './wat-train';

/** Options of a fast backward pass: those of Network.backward that training uses. */
export interface FastBackwardOptions {
  scale?: number;
  truncate?: number;
  truncMode?: TruncMode;
}

interface Exports {
  forward(T: number): void;
  sweep(from: number, to: number, only: number, scale: number): void;
  grads(T: number, allHot: number): void;
}

/**
 * The fast training path of one Network: forward and BPTT in float32 WebAssembly SIMD (the kernels of
 * wat-*.ts), the gradient added into the network's Float64 gradient. θ stays the Float64 master copy that the
 * optimizer, clipping and snapshots use; each batch starts by copying it to float32 (loadWeights).
 * It computes what Network.forward/backward compute for training — losses, and ∂L/∂θ with full or truncated BPTT
 * — and nothing the views read (no per-step records, no ∂L/∂h0). Tested against the Float64 path in
 * test/engine/fast/*.test.ts.
 */
export class FastPath {
  private layout!: FastLayout;
  private f32!: Float32Array;
  private i32!: Int32Array;
  private k!: Exports;
  /** scored steps and length of the last forward pass */
  private scored = 0;
  private steps = 0;
  private allHot = false;

  private constructor(readonly net: Network, private readonly api: WasmApi, private readonly module: object) {
    this.grow(16);
  }

  /** The fast path of `net`, or null (with the reason from `fastUnavailable`) where WebAssembly SIMD is not there. */
  static create(net: Network): FastPath | null {
    const m = fastModule();
    return m.api ? new FastPath(net, m.api, m.module) : null;
  }

  /** Why the fast path cannot run here, or null when it can. */
  static unavailable(): string | null {
    const m = fastModule();
    return m.api ? null : m.reason;
  }

  /** A fresh memory and instance with room for T steps; θ and the gradient so far are carried over. */
  private grow(T: number): void {
    const old = this.f32;
    const layout = new FastLayout(this.net.shape, this.net.layout, T);
    const memory = new this.api.Memory({ initial: Math.ceil(layout.bytes / 65536) });
    const instance = new this.api.Instance(this.module, { env: { memory } });
    const e = instance.exports;
    const { shape } = this.net;
    const globals = {
      ...layout.globals,
      cell: CELL_CODE[shape.cell],
      act: ACT_CODE[shape.activation],
      rec: this.net.recurrent ? 1 : 0,
      tanhF: this.net.tanhForget ? 1 : 0,
      head: shape.head === 'linear' ? 1 : 0,
    };
    for (const [name, v] of Object.entries(globals)) (e[name] as WasmGlobal).value = v;
    this.layout = layout;
    this.f32 = new Float32Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
    if (old) this.f32.set(old.subarray(0, layout.fixedBytes / 4));
    this.k = e as unknown as Exports;
  }

  /** Copies θ (Float64) into the kernels' float32 weights and clears their gradient: the start of a batch. */
  loadWeights(): void {
    const { f32, layout } = this;
    const theta = this.net.theta;
    for (const r of layout.runs) f32.set(theta.subarray(r.src, r.src + r.len), r.dst);
    f32.fill(0, layout.weights + layout.weightFloats, layout.weights + 2 * layout.weightFloats);
  }

  /**
   * Writes the gradient accumulated since loadWeights into `grad` (θ's layout), replacing what was there: float32
   * to double by the typed arrays' own conversion, one copy per run of θ (one in all when no dimension is padded).
   */
  readGradient(grad: Float64Array): void {
    const { f32, layout } = this;
    const g = layout.weightFloats; // the gradient block sits right after θ's, in the same layout
    for (const r of layout.runs) grad.set(f32.subarray(r.dst + g, r.dst + g + r.len), r.src);
  }

  /** Runs the sequence from h0 = c0 = 0; returns L = mean of ℓ_t over scored steps (0 if none), as Network.forward. */
  forward(seq: Sequence): number {
    const T = seq.length;
    if (T > this.layout.T) this.grow(Math.max(T, 2 * this.layout.T));
    const { f32, i32, layout } = this;
    const G = layout.globals;
    const { inputSize: I, outputSize: O, head } = this.net.shape;
    const { Hp, Ip, Op } = layout;
    const hot = seq.hot;
    let allHot = hot !== undefined;
    for (let t = 0; t < T && allHot; t++) allHot = hot![t] >= 0;
    this.allHot = allHot;
    for (let t = 0; t < T; t++) {
      i32[G.hot / 4 + t] = allHot ? hot![t] : -1;
      i32[G.mask / 4 + t] = seq.mask[t];
    }
    if (!allHot) for (let t = 0; t < T; t++) f32.set(seq.inputs.subarray(t * I, (t + 1) * I), G.x / 4 + t * Ip);
    if (head === 'softmax') for (let t = 0; t < T; t++) i32[G.tgt / 4 + t] = seq.targets[t];
    else for (let t = 0; t < T; t++) f32.set(seq.targets.subarray(t * O, (t + 1) * O), G.ytgt / 4 + t * Op);
    f32.fill(0, G.hs / 4, G.hs / 4 + Hp);
    f32.fill(0, G.cs / 4, G.cs / 4 + Hp);
    this.k.forward(T);
    let sum = 0;
    let n = 0;
    for (let t = 0; t < T; t++) {
      if (seq.mask[t] !== 1) continue;
      // ℓ_t = m + log z − y_k from the step's (max, sum) of the softmax, in double
      sum += head === 'softmax'
        ? f32[G.norm / 4 + 2 * t] + log(f32[G.norm / 4 + 2 * t + 1]) - f32[G.ys / 4 + t * Op + seq.targets[t]]
        : f32[G.loss / 4 + t];
      n++;
    }
    this.scored = n;
    this.steps = T;
    return n > 0 ? sum / n : 0;
  }

  /**
   * Adds scale·∂L/∂θ of the last forward pass to the float32 gradient (read out by readGradient), with full BPTT or
   * truncated as Network.backward describes (chunks of k steps, or a window of k steps per scored step).
   */
  backward(seq: Sequence, opts: FastBackwardOptions = {}): void {
    const T = this.steps;
    const { f32, layout, k: kernels } = this;
    const G = layout.globals;
    const k = opts.truncate ?? 0;
    const perStep = (opts.scale ?? 1) / Math.max(1, this.scored);
    f32.fill(0, G.dA / 4, G.dA / 4 + T * layout.GHp);
    f32.fill(0, G.dY / 4, G.dY / 4 + T * layout.Op);
    if (k <= 0 || k >= T) {
      kernels.sweep(T - 1, 0, -1, perStep);
    } else if ((opts.truncMode ?? 'chunk') === 'chunk') {
      for (let start = Math.floor((T - 1) / k) * k; start >= 0; start -= k) kernels.sweep(Math.min(T, start + k) - 1, start, -1, perStep);
    } else {
      for (let tau = T - 1; tau >= 0; tau--) if (seq.mask[tau] === 1) kernels.sweep(tau, Math.max(0, tau - k + 1), tau, perStep);
    }
    kernels.grads(T, this.allHot ? 1 : 0);
  }

  /**
   * A quantity of the last forward pass as doubles, T rows without the padding: h_t or c_t (T × H), y_t or the
   * softmax's p_t (T × O), as ws.hs, ws.cs (from row 1), ws.ys and ws.ps hold them on the reference path.
   */
  values(what: 'h' | 'c' | 'y' | 'p'): Float64Array {
    const { f32, layout, steps: T } = this;
    const G = layout.globals;
    const { hiddenSize: H, outputSize: O } = this.net.shape;
    const [base, width, stride] = what === 'h' ? [G.hs / 4 + layout.Hp, H, layout.Hp] : what === 'c' ? [G.cs / 4 + layout.Hp, H, layout.Hp]
      : [(what === 'y' ? G.ys : G.ps) / 4, O, layout.Op];
    const out = new Float64Array(T * width);
    for (let t = 0; t < T; t++) out.set(f32.subarray(base + t * stride, base + t * stride + width), t * width);
    return out;
  }

  /** The first non-finite quantity of the last forward pass, in time order, named as the trainer names it. */
  locateForward(seq: Sequence): string {
    const { f32, layout } = this;
    const G = layout.globals;
    const { hiddenSize: H, outputSize: O, cell } = this.net.shape;
    for (let t = 0; t < seq.length; t++) {
      const h = G.hs / 4 + (t + 1) * layout.Hp;
      for (let j = 0; j < H; j++) if (!Number.isFinite(f32[h + j])) return `hidden state h at t = ${t}`;
      const c = G.cs / 4 + (t + 1) * layout.Hp;
      if (cell === 'lstm') for (let j = 0; j < H; j++) if (!Number.isFinite(f32[c + j])) return `cell state c at t = ${t}`;
      const y = G.ys / 4 + t * layout.Op;
      for (let r = 0; r < O; r++) if (!Number.isFinite(f32[y + r])) return `output y at t = ${t}`;
    }
    return 'loss';
  }
}
