/**
 * A small convolutional front end: a 3×3 convolution (stride 1, zero "same" padding) with C output channels, ReLU,
 * and 2×2 max pooling (stride 2). Images and feature maps are channel-major: pixel (y, x) of channel c at
 * c·S² + y·S + x. Kernels K (C × Cin·9, row-major: K[c][ci][ky][kx] at ((c·Cin + ci)·3 + ky)·3 + kx) and biases b
 * (C) live in the model's θ at offsets `k` and `b`.
 */
import { EngineError } from './errors';

/** The sizes of the front end. */
export interface ConvShape {
  /** S: images are S × S, S even (the pooling halves it) */
  size: number;
  /** Cin: image channels */
  inChannels: number;
  /** C: feature channels */
  channels: number;
}

/** The front end's buffers for one image, reused from pass to pass. */
export class ConvFront {
  readonly S: number;
  readonly P: number;
  readonly Cin: number;
  readonly C: number;
  /** z = K ∗ image + b (C×S×S) and relu(z) */
  readonly pre: Float64Array;
  readonly relu: Float64Array;
  /** max over each 2×2 window of relu (C×P×P, P = S/2), and where it was (an index into relu) */
  readonly pooled: Float64Array;
  readonly argmax: Int32Array;
  /** ∂L/∂relu, the pooled gradient routed back to the argmaxes */
  private readonly dRelu: Float64Array;

  constructor(readonly shape: ConvShape) {
    const { size: S, inChannels: Cin, channels: C } = shape;
    if (!Number.isInteger(S) || S < 2 || S > 64 || S % 2 !== 0) throw new EngineError('bad-config', `expected an even integer in [2, 64], got ${S}`, 'imageSize');
    if (!Number.isInteger(Cin) || Cin < 1 || Cin > 4) throw new EngineError('bad-config', `expected an integer in [1, 4], got ${Cin}`, 'imageChannels');
    if (!Number.isInteger(C) || C < 1 || C > 16) throw new EngineError('bad-config', `expected an integer in [1, 16], got ${C}`, 'convChannels');
    this.S = S;
    this.P = S / 2;
    this.Cin = Cin;
    this.C = C;
    this.pre = new Float64Array(C * S * S);
    this.relu = new Float64Array(C * S * S);
    this.dRelu = new Float64Array(C * S * S);
    this.pooled = new Float64Array(C * this.P * this.P);
    this.argmax = new Int32Array(C * this.P * this.P);
  }

  /** Number of kernel weights (C·Cin·9) and of features after pooling (C·P²). */
  get kernelSize(): number {
    return this.C * this.Cin * 9;
  }
  get features(): number {
    return this.C * this.P * this.P;
  }

  /**
   * z[c][y][x] = b[c] + Σ_{ci, ky, kx} K[c][ci][ky][kx] · img[ci][y+ky−1][x+kx−1]  (img = 0 outside the image),
   * relu = max(0, z), pooled[c][i][j] = max over relu[c][2i…2i+1][2j…2j+1] (the first maximum on ties).
   */
  forward(theta: Float64Array, k: number, b: number, image: Float64Array): Float64Array {
    const { S, P, Cin, C, pre, relu, pooled, argmax } = this;
    for (let c = 0; c < C; c++) {
      const bias = theta[b + c];
      for (let y = 0; y < S; y++) {
        for (let x = 0; x < S; x++) {
          let s = bias;
          for (let ci = 0; ci < Cin; ci++) {
            const w = k + (c * Cin + ci) * 9;
            const im = ci * S * S;
            for (let ky = 0; ky < 3; ky++) {
              const yy = y + ky - 1;
              if (yy < 0 || yy >= S) continue;
              for (let kx = 0; kx < 3; kx++) {
                const xx = x + kx - 1;
                if (xx < 0 || xx >= S) continue;
                s += theta[w + ky * 3 + kx] * image[im + yy * S + xx];
              }
            }
          }
          const o = (c * S + y) * S + x;
          pre[o] = s;
          relu[o] = s > 0 ? s : 0;
        }
      }
      for (let i = 0; i < P; i++) {
        for (let j = 0; j < P; j++) {
          const o = (c * S + 2 * i) * S + 2 * j;
          let best = o;
          if (relu[o + 1] > relu[best]) best = o + 1;
          if (relu[o + S] > relu[best]) best = o + S;
          if (relu[o + S + 1] > relu[best]) best = o + S + 1;
          const q = (c * P + i) * P + j;
          pooled[q] = relu[best];
          argmax[q] = best;
        }
      }
    }
    return pooled;
  }

  /**
   * Given dPooled = ∂L/∂pooled, for the last forward pass: ∂L/∂relu gets dPooled at each window's argmax (0 elsewhere),
   * dz = ∂L/∂relu ⊙ [z > 0], then grad[K[c][ci][ky][kx]] += Σ_{y,x} dz[c][y][x] · img[ci][y+ky−1][x+kx−1] and
   * grad[b[c]] += Σ_{y,x} dz[c][y][x]. The image gets no gradient (it is data).
   */
  backward(grad: Float64Array, k: number, b: number, image: Float64Array, dPooled: Float64Array): void {
    const { S, Cin, C, pre, dRelu, argmax } = this;
    dRelu.fill(0);
    for (let q = 0; q < argmax.length; q++) dRelu[argmax[q]] += dPooled[q];
    for (let c = 0; c < C; c++) {
      let db = 0;
      for (let y = 0; y < S; y++) {
        for (let x = 0; x < S; x++) {
          const o = (c * S + y) * S + x;
          if (pre[o] <= 0 || dRelu[o] === 0) continue;
          const dz = dRelu[o];
          db += dz;
          for (let ci = 0; ci < Cin; ci++) {
            const w = k + (c * Cin + ci) * 9;
            const im = ci * S * S;
            for (let ky = 0; ky < 3; ky++) {
              const yy = y + ky - 1;
              if (yy < 0 || yy >= S) continue;
              for (let kx = 0; kx < 3; kx++) {
                const xx = x + kx - 1;
                if (xx < 0 || xx >= S) continue;
                grad[w + ky * 3 + kx] += dz * image[im + yy * S + xx];
              }
            }
          }
        }
      }
      grad[b + c] += db;
    }
  }
}

/** Throws unless `image` holds Cin·S·S finite numbers. */
export function checkImage(image: unknown, shape: ConvShape, path = 'image'): asserts image is Float64Array {
  const n = shape.inChannels * shape.size * shape.size;
  if (!(image instanceof Float64Array)) throw new EngineError('bad-shape', `expected a Float64Array of ${n} pixels, got ${image === null ? 'null' : typeof image}`, path);
  if (image.length !== n) {
    throw new EngineError('bad-shape', `holds ${image.length} numbers, expected ${shape.inChannels}×${shape.size}×${shape.size} = ${n}`, path);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(image[i])) throw new EngineError('non-finite', `pixel ${i} is ${image[i]}, a finite number is required`, path);
  }
}
