import { blockNorms } from './clip';
import { EngineError } from './errors';
import type { Network } from './network';
import { preactivationParts } from './preact-parts';
import type { InspectRecord } from './session';
import { GATES } from './types';
import type { Sequence, TruncMode } from './types';

/** What the views print for step t: its input, its target ('' when not scored) and what an output vector means. */
export interface StepLabels {
  input(t: number): string;
  target(t: number): string;
  /** `out` is p (softmax head) or y (linear head), T × O; the step's row starts at `offset` */
  output(out: Float64Array, offset: number): string;
}

/** How to inspect: the run's truncation (dh as training computes it), the state before step 0, τ, the labels. */
export interface InspectOptions {
  truncate: number;
  truncMode: TruncMode;
  /** h_{−1} and c_{−1} when they are not zero (a decoder starts from the encoder's final state) */
  h0?: Float64Array;
  c0?: Float64Array;
  /** the step of the gradient-flow profile; default the last scored step */
  tau?: number;
  labels: StepLabels;
}

/**
 * The full per-timestep record of `net` on one sequence: forward values, the pre-activations split into their three
 * parts, ∂L/∂h_t and ∂L/∂c_t (backward with record, into a scratch gradient: the network's own is left alone), the
 * exact gradient-flow profile from τ, and ‖∂L/∂W‖ per block. θ is only read.
 */
export function inspectNetwork(net: Network, seq: Sequence, o: InspectOptions): InspectRecord {
  const { hiddenSize: H, inputSize: I, outputSize: O, cell, head } = net.shape;
  const T = seq.length;
  const G = GATES[cell].length;
  const loss = net.forward(seq, o.h0, o.c0);
  // split from θ and the pass's h_{t−1} (and r ⊙ h_{t−1}) here, so the training forward pass stays untouched
  const parts = preactivationParts(net.layout, net.theta, cell, T, seq.inputs, net.ws.hs, net.ws.rh, net.recurrent);
  const grad = new Float64Array(net.theta.length);
  net.backward(seq, { record: true, truncate: o.truncate, truncMode: o.truncMode, grad });
  const ws = net.ws;
  const rec: InspectRecord = {
    T, H, I, O, cell, gateNames: GATES[cell],
    recurrence: net.recurrent ? 'on' : 'off', forgetGate: net.tanhForget ? 'tanh' : 'sigmoid',
    inputs: seq.inputs.slice(), targets: seq.targets.slice(), mask: seq.mask.slice(),
    h: ws.hs.slice(H, (T + 1) * H),
    c: cell === 'lstm' ? ws.cs.slice(H, (T + 1) * H) : new Float64Array(0),
    gates: ws.act.slice(0, T * G * H),
    ...parts,
    y: ws.ys.slice(0, T * O),
    p: head === 'softmax' ? ws.ps.slice(0, T * O) : new Float64Array(0),
    losses: ws.losses.slice(0, T),
    loss,
    dh: ws.dhRec.slice(0, T * H),
    dc: cell === 'lstm' ? ws.dcRec.slice(0, T * H) : new Float64Array(0),
    tau: 0, flowH: new Float64Array(0), flowC: new Float64Array(0),
    blockNames: net.layout.blocks.map((b) => b.name),
    blockGradNorms: blockNorms(net.layout, grad, new Float64Array(net.layout.blocks.length)),
    inputLabels: [], targetLabels: [], outputLabels: [],
  };
  if (o.h0 && net.recurrent) rec.h0 = ws.hs.slice(0, H);
  if (o.c0 && net.recurrent && cell === 'lstm') rec.c0 = ws.cs.slice(0, H);
  for (let t = 0; t < T; t++) {
    rec.inputLabels.push(o.labels.input(t));
    rec.targetLabels.push(o.labels.target(t));
    rec.outputLabels.push(o.labels.output(head === 'softmax' ? rec.p : rec.y, t * O));
  }
  let last = -1;
  for (let t = T - 1; t >= 0 && last < 0; t--) if (seq.mask[t] === 1) last = t;
  const tau = o.tau;
  const wanted = tau === undefined ? last : Math.trunc(tau);
  if (!Number.isFinite(wanted) || wanted < 0 || wanted >= T || seq.mask[wanted] !== 1) {
    throw new EngineError('bad-config', `τ must be a scored step of this sequence (0…${T - 1}), got ${String(tau)}`, 'tau');
  }
  rec.tau = wanted;
  rec.flowH = new Float64Array(wanted + 1);
  rec.flowC = new Float64Array(cell === 'lstm' ? wanted + 1 : 0);
  net.flow(seq, wanted, rec.flowH, cell === 'lstm' ? rec.flowC : undefined);
  return rec;
}
