/**
 * An independent reference for the trace contract, built from TensorFlow.js ops and its automatic
 * differentiation (float32, cpu backend). It follows the equations of docs/engine.md directly and shares no
 * code with src/engine, so agreement with the engine's hand-derived BPTT is evidence for both.
 *
 * Row-vector convention inside: x_t is [1, I], h_t is [1, H], and W x (W stored H × I as in the
 * spec) is computed as x Wᵀ = matMul(x, W, false, true).
 *
 * Total derivatives dh_t, dc_t: the forward pass adds a perturbation ε_t to h_t (and η_t to c_t)
 * right after computing it, before anything downstream uses it. At ε = η = 0 the forward is the
 * network itself, and ∂L/∂ε_t is the derivative of L through everything that reads h_t, i.e. dh_t.
 *
 * `recurrence: 'off'` is written as the documented equations say it: each step reads h_{t−1} = 0 and
 * c_{t−1} = 0 in place of the previous state; `forgetGate: 'tanh'` replaces σ by tanh in f only.
 */
import * as tf from '@tensorflow/tfjs';
import { weightNames, type TraceResult, type TraceSpec, type TraceStep } from './trace-types';

/** Selects the float32 cpu backend and silences tfjs's "install tfjs-node" banner; await before tfjsTrace. */
export async function initTfjs(): Promise<void> {
  tf.enableProdMode(); // prod mode only skips debug checks and the console banner
  await tf.setBackend('cpu');
  await tf.ready();
}

/** Additive shifts applied to h_t and c_t after they are computed (finite-difference probes). */
export interface StateShift {
  h?: number[][];
  c?: number[][];
}

interface Graph {
  W: Record<string, tf.Tensor>;
  h0: tf.Tensor2D;
  c0: tf.Tensor2D;
  epsH: tf.Tensor2D[];
  epsC: tf.Tensor2D[];
}

const row = (v: number[]): tf.Tensor2D => tf.tensor2d([v]);
const vec = (t: tf.Tensor): number[] => Array.from(t.dataSync());

/** x Wxᵀ + h Whᵀ + b: the pre-activation of gate g, as a [1, H] row. */
function pre(W: Record<string, tf.Tensor>, g: string, x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  return tf.add(tf.add(tf.matMul(x as tf.Tensor2D, W[`Wx${g}`] as tf.Tensor2D, false, true), tf.matMul(h as tf.Tensor2D, W[`Wh${g}`] as tf.Tensor2D, false, true)), W[`b${g}`]);
}

/** act(z) for the vanilla rnn. */
function activate(act: string, z: tf.Tensor): tf.Tensor {
  switch (act) {
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'linear':
      return z;
    default:
      throw new Error(`unknown activation ${act}`);
  }
}

/**
 * L(W, h0, c0, ε, η) as a scalar tensor. When `record` is given, every step's values are read
 * into it (reads do not affect the gradient tape).
 */
function lossGraph(spec: TraceSpec, G: Graph, record?: TraceStep[]): tf.Scalar {
  const { W } = G;
  const off = spec.recurrence === 'off';
  const zero = tf.zerosLike(G.h0);
  let h: tf.Tensor = G.h0;
  let c: tf.Tensor = G.c0;
  let total: tf.Tensor = tf.scalar(0);
  let scored = 0;
  spec.inputs.forEach((xs, t) => {
    const x = row(xs);
    const gates: Record<string, tf.Tensor> = {};
    if (off) {
      // no recurrence: the previous state each step reads is zero
      h = zero;
      c = zero;
    }
    if (spec.cell === 'rnn') {
      h = activate(spec.activation ?? 'tanh', pre(W, 'h', x, h));
    } else if (spec.cell === 'lstm') {
      gates.f = spec.forgetGate === 'tanh' ? tf.tanh(pre(W, 'f', x, h)) : tf.sigmoid(pre(W, 'f', x, h));
      for (const g of ['i', 'o']) gates[g] = tf.sigmoid(pre(W, g, x, h));
      gates.g = tf.tanh(pre(W, 'g', x, h));
      c = tf.add(tf.add(tf.mul(gates.f, c), tf.mul(gates.i, gates.g)), G.epsC[t]); // c_t = f⊙c_{t−1} + i⊙g (+η_t)
      h = tf.mul(gates.o, tf.tanh(c)); // h_t = o⊙tanh(c_t)
    } else {
      gates.z = tf.sigmoid(pre(W, 'z', x, h));
      gates.r = tf.sigmoid(pre(W, 'r', x, h));
      gates.n = tf.tanh(pre(W, 'n', x, tf.mul(gates.r, h))); // reset before the recurrent product
      h = tf.add(tf.mul(tf.sub(1, gates.z), gates.n), tf.mul(gates.z, h)); // (1−z)⊙n + z⊙h_{t−1}
    }
    h = tf.add(h, G.epsH[t]);
    const y = tf.add(tf.matMul(h as tf.Tensor2D, W.Why as tf.Tensor2D, false, true), W.by); // y_t = Why h_t + by
    const target = spec.targets[t];
    let lt: tf.Tensor | null = null;
    if (target !== null && target !== undefined) {
      if (spec.output === 'softmax') lt = tf.neg(tf.slice(tf.logSoftmax(y), [0, target as number], [1, 1]).reshape([]));
      else lt = tf.mul(0.5, tf.sum(tf.square(tf.sub(y, row(target as number[])))));
      total = tf.add(total, lt);
      scored++;
    }
    if (record) {
      const step: TraceStep = { h: vec(h), gates: {}, y: vec(y), loss: lt ? lt.dataSync()[0] : null };
      if (spec.cell === 'lstm') step.c = vec(c);
      for (const [name, v] of Object.entries(gates)) step.gates[name] = vec(v);
      if (spec.output === 'softmax') step.p = vec(tf.softmax(y));
      record.push(step);
    }
  });
  if (scored === 0) throw new Error('no scored step: the loss is undefined');
  // + 0·(Σε + Ση + Σh0 + Σc0) keeps every differentiated input on the tape: h_t after the last scored
  // step and c0, η of rnn/gru, and h0 without recurrence have zero derivative, and tf.grads refuses an
  // input no path reaches.
  const tie = tf.mul(0, tf.addN([...G.epsH, ...G.epsC, G.h0, G.c0].map((e) => tf.sum(e))));
  return tf.add(tf.div(total, scored), tie) as tf.Scalar;
}

/** The tensors L is differentiated against, in one ordered list: weights, h0, c0, ε_0…ε_{T−1}, η_0…η_{T−1}. */
function inputsOf(spec: TraceSpec, shift?: StateShift): { names: string[]; list: tf.Tensor[]; unpack: (l: tf.Tensor[]) => Graph } {
  const names = weightNames(spec.cell);
  const T = spec.inputs.length;
  const H = spec.hiddenSize;
  for (const n of names) if (!(n in spec.weights)) throw new Error(`missing weight ${n}`);
  const zeros = (): number[] => new Array<number>(H).fill(0);
  const list: tf.Tensor[] = [
    ...names.map((n) => tf.tensor(spec.weights[n])),
    row(spec.h0 ?? zeros()),
    row(spec.c0 ?? zeros()),
    ...spec.inputs.map((_, t) => row(shift?.h?.[t] ?? zeros())),
    ...spec.inputs.map((_, t) => row(shift?.c?.[t] ?? zeros())),
  ];
  const k = names.length;
  const unpack = (l: tf.Tensor[]): Graph => ({
    W: Object.fromEntries(names.map((n, j) => [n, l[j]])),
    h0: l[k] as tf.Tensor2D,
    c0: l[k + 1] as tf.Tensor2D,
    epsH: l.slice(k + 2, k + 2 + T) as tf.Tensor2D[],
    epsC: l.slice(k + 2 + T, k + 2 + 2 * T) as tf.Tensor2D[],
  });
  return { names, list, unpack };
}

/** L for `spec`, with optional shifts added to h_t and c_t (for finite differences of dh, dc). */
export function tfjsLoss(spec: TraceSpec, shift?: StateShift): number {
  return tf.tidy(() => {
    const { list, unpack } = inputsOf(spec, shift);
    return lossGraph(spec, unpack(list)).dataSync()[0];
  });
}

/** The full trace of `spec` (forward values, total state derivatives and ∂L/∂W) by tfjs autodiff. */
export function tfjsTrace(spec: TraceSpec): TraceResult {
  if (tf.getBackend() !== 'cpu') throw new Error('call and await initTfjs() first (the reference runs on the cpu backend)');
  // A manual scope rather than tf.tidy, whose typing wants a tensor container back: every tensor
  // made here is disposed at endScope, after the plain-number result has been read out.
  tf.engine().startScope();
  try {
    const { names, list, unpack } = inputsOf(spec);
    const steps: TraceStep[] = [];
    const { value, grads } = tf.valueAndGrads((...l: tf.Tensor[]) => lossGraph(spec, unpack(l), steps))(list);
    const g = unpack(grads);
    const T = spec.inputs.length;
    const out: TraceResult = {
      loss: value.dataSync()[0],
      steps,
      dh: g.epsH.map((e) => vec(e)),
      dh0: vec(g.h0),
      grads: Object.fromEntries(names.map((n) => [n, g.W[n].arraySync() as number[][] | number[]])),
    };
    if (spec.cell === 'lstm') {
      out.dc = g.epsC.map((e) => vec(e));
      out.dc0 = vec(g.c0);
    }
    if (steps.length !== T) throw new Error(`recorded ${steps.length} steps, expected ${T}`);
    return out;
  } finally {
    tf.engine().endScope();
  }
}
