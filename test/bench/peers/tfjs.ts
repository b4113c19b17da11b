/**
 * Peer adapter: TensorFlow.js 4.22 on its pure-JS `cpu` backend (float32), the model written with tf ops and
 * trained by `tf.train.sgd`: one benchmark step is one `optimizer.minimize` (forward, autodiff BPTT, update).
 *
 * The cells follow the engine's equations (docs/engine.md, "Cells and equations"): LSTM with σ gates (not tf.layers' default hard sigmoid),
 * GRU with the reset applied before the recurrent product (Cho et al. 2014), vanilla RNN with the workload's
 * activation. Gate weights are stored side by side so each step costs one recurrent matMul, and the input
 * products x_t·Wx + b of all steps are computed in one matMul before the time loop (a fair, op-lean TF.js model:
 * on these small shapes TF.js's cost is per op, not per flop).
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../../src/engine/rng';
import type { BenchEngine, PrepareOptions, Workload } from '../workloads';
import { DATA_SEED, LEARNING_RATE, indexData } from '../workloads';

// Production mode: skips tfjs's debug-time checks and its "install tfjs-node" banner (which would pollute stderr).
tf.enableProdMode();
await tf.setBackend('cpu');
if (tf.getBackend() !== 'cpu') throw new Error(`tfjs: could not select the cpu backend (got ${tf.getBackend()})`);

/** Gate blocks per cell: LSTM [i f o | g], GRU [z r | n], RNN [h]. */
const BLOCKS = { lstm: 4, gru: 3, rnn: 1 } as const;

/** A trainable rows × cols matrix with entries ~ U(−a, a), a = 1/√H (seeded, so runs are repeatable). */
function uniformVariable(rng: Rng, rows: number, cols: number, a: number): tf.Variable {
  const v = new Float32Array(rows * cols);
  for (let k = 0; k < v.length; k++) v[k] = rng.uniform(-a, a);
  return tf.variable(tf.tensor2d(v, [rows, cols]));
}

/** h of one step under the vanilla RNN's activation. */
function activate(w: Workload, z: tf.Tensor2D): tf.Tensor2D {
  switch (w.activation) {
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'linear':
      return z;
  }
}

/** Build the TF.js model for `w` and its fixed batch; `step()` is one `optimizer.minimize` of the mean cross-entropy. */
export function prepare(w: Workload, _opts: PrepareOptions): BenchEngine {
  const { inputSize: I, hiddenSize: H, outputSize: O, T, batch: B } = w;
  const G = BLOCKS[w.cell];
  const rng = new Rng(DATA_SEED + 1);
  const a = 1 / Math.sqrt(H);
  const Wx = uniformVariable(rng, I, G * H, a);
  // GRU: [z r] act on h_{t−1}, n acts on r ⊙ h_{t−1}, so its recurrent weights are two matrices.
  const Wh = uniformVariable(rng, H, (w.cell === 'gru' ? 2 : G) * H, a);
  const Whn = w.cell === 'gru' ? uniformVariable(rng, H, H, a) : null;
  const b = tf.variable(tf.zeros([1, G * H]));
  const Why = uniformVariable(rng, H, O, a);
  const by = tf.variable(tf.zeros([1, O]));
  const vars = [Wx, Wh, b, Why, by, ...(Whn ? [Whn] : [])];

  // Data, time-major rows t·B + b: one-hot inputs (T·B × I) and one-hot targets (T·B × O).
  const { inputs, targets } = indexData(w);
  const xi = new Int32Array(T * B);
  const yi = new Int32Array(T * B);
  for (let s = 0; s < B; s++) {
    for (let t = 0; t < T; t++) {
      xi[t * B + s] = inputs[s * T + t];
      yi[t * B + s] = targets[s * T + t];
    }
  }
  const X = tf.oneHot(tf.tensor1d(xi, 'int32'), I).toFloat();
  const Y = tf.oneHot(tf.tensor1d(yi, 'int32'), O).toFloat();

  /** L = mean over the T·B scored steps of −log softmax(y_t)[target_t]. */
  const lossFn = (): tf.Scalar => {
    // x_t·Wx + b for every t at once, then one (B × G·H) slab per step.
    const xw = tf.unstack(tf.reshape(tf.add(tf.matMul(X, Wx), b), [T, B, G * H])) as tf.Tensor2D[];
    let h: tf.Tensor2D = tf.zeros([B, H]);
    let c: tf.Tensor2D = tf.zeros([B, H]);
    const hs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      if (w.cell === 'lstm') {
        const z = tf.add(xw[t], tf.matMul(h, Wh));
        const [sPre, gPre] = tf.split(z, [3 * H, H], 1);
        const [i, f, o] = tf.split(tf.sigmoid(sPre), 3, 1);
        c = tf.add(tf.mul(f, c), tf.mul(i, tf.tanh(gPre))); // c_t = f ⊙ c_{t−1} + i ⊙ g
        h = tf.mul(o, tf.tanh(c)); // h_t = o ⊙ tanh(c_t)
      } else if (w.cell === 'gru') {
        const [xzr, xn] = tf.split(xw[t], [2 * H, H], 1);
        const [zg, r] = tf.split(tf.sigmoid(tf.add(xzr, tf.matMul(h, Wh))), 2, 1);
        const n = tf.tanh(tf.add(xn, tf.matMul(tf.mul(r, h), Whn!))); // n = tanh(Wxn x + Whn (r ⊙ h) + bn)
        h = tf.add(n, tf.mul(zg, tf.sub(h, n))); // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
      } else {
        h = activate(w, tf.add(xw[t], tf.matMul(h, Wh)));
      }
      hs.push(h);
    }
    const logits = tf.add(tf.matMul(tf.concat(hs, 0), Why), by); // rows t·B + b, matching Y
    return tf.losses.softmaxCrossEntropy(Y, logits) as tf.Scalar;
  };

  const optimizer = tf.train.sgd(LEARNING_RATE);
  return {
    step: () => {
      tf.tidy(() => {
        optimizer.minimize(lossFn, false, vars);
      });
    },
    loss: () => {
      const l = tf.tidy(lossFn);
      const v = l.dataSync()[0];
      l.dispose();
      return v;
    },
  };
}
