/**
 * The encoder–decoder (Sutskever, Vinyals & Le 2014; Cho et al. 2014): an encoder cell reads the source tokens, its
 * final state — the "meaning" vector — is the decoder's initial state, and the decoder (same cell kind, its own
 * weights) writes the target one token at a time through a softmax head.
 */
import { EngineError } from './errors';
import type { Rng } from './rng';
import { CellPart } from './seq2seq-cell';
import { BOUNDARY, checkTokens, decodeFrom, sourceSequence, teacherForced, teacherTrace } from './seq2seq-decoder';
import type { DecodeOptions, Decoded, DecoderTrace } from './seq2seq-decoder';
import { ParamLayout } from './params';
import { BlockLayout } from './seq2seq-layout';
import type { TrainableModel } from './seq2seq-trainer';
import type { Activation, CellKind, ModelShape, Sequence } from './types';
import { checkInt, LIMITS, validateShape } from './validate';

/** The sizes and kinds of an encoder–decoder. */
export interface Seq2SeqShape {
  cell: CellKind;
  /** used by `rnn` only */
  activation: Activation;
  /** source vocabulary size (the encoder's one-hot input width) */
  sourceVocab: number;
  /** target vocabulary size, token 0 being the boundary (start and end): the decoder's input and output width */
  targetVocab: number;
  hiddenSize: number;
  /** feed the source to the encoder last token first (Sutskever et al. 2014) */
  reverseSource: boolean;
  /** the LSTM forget-gate bias both cells start with (default 1) */
  forgetBias?: number;
}

/** One training pair: source tokens, and the target tokens without the end token (the decoder appends it). */
export interface Seq2SeqExample {
  source: ArrayLike<number>;
  target: ArrayLike<number>;
}

/** Everything one pass shows the views. */
export interface Seq2SeqRecord {
  /** the source tokens in the order the encoder read them (reversed when reverseSource) */
  encoderInputs: Int32Array;
  /** encoder h_t and c_t (LSTM, else empty): Ts×H */
  encoderH: Float64Array;
  encoderC: Float64Array;
  /** the meaning vector: the encoder's final h (and c for the LSTM, else empty), the decoder's initial state */
  meaningH: Float64Array;
  meaningC: Float64Array;
  decoder: DecoderTrace;
  /** L of the pair (teacher forcing); NaN for a decoded output */
  loss: number;
}

/** Throws unless the shape is usable (checks every field; the cell sizes through validateShape). */
export function checkSeq2SeqShape(s: Seq2SeqShape): void {
  if (s === null || typeof s !== 'object') throw new EngineError('bad-config', 'expected an object', 'shape');
  validateShape(decoderShape(s));
  checkInt(s.sourceVocab, 1, LIMITS.inputSize.max, 'sourceVocab');
  checkInt(s.targetVocab, 2, LIMITS.outputSize.max, 'targetVocab');
  if (typeof s.reverseSource !== 'boolean') throw new EngineError('bad-config', `expected true or false, got ${String(s.reverseSource)}`, 'reverseSource');
  const fb = s.forgetBias ?? 1;
  if (typeof fb !== 'number' || !Number.isFinite(fb)) throw new EngineError('bad-config', `expected a finite number, got ${String(fb)}`, 'forgetBias');
}

function decoderShape(s: Seq2SeqShape): ModelShape {
  return { cell: s.cell, activation: s.activation, inputSize: s.targetVocab, hiddenSize: s.hiddenSize, outputSize: s.targetVocab, head: 'softmax' };
}

/**
 * θ = [ enc.Wx· enc.Wh· enc.b· | dec.Wx· dec.Wh· dec.b· | Why by ] (`layout` names every block). The encoder runs
 * h_t = cell(e(s_t), h_{t−1}) from h_{−1} = 0 (c_{−1} = 0); the decoder starts from (h_{Ts−1}, c_{Ts−1}).
 */
export class Seq2Seq implements TrainableModel<Seq2SeqExample> {
  readonly layout = new BlockLayout();
  readonly theta: Float64Array;
  readonly grad: Float64Array;
  readonly encoder: CellPart;
  readonly decoder: CellPart;
  private src: Sequence | null = null;
  private tgt: Sequence | null = null;

  constructor(readonly shape: Seq2SeqShape) {
    checkSeq2SeqShape(shape);
    const dec = decoderShape(shape);
    const enc: ModelShape = { ...dec, inputSize: shape.sourceVocab, outputSize: 0 };
    const fb = shape.forgetBias ?? 1;
    const encAt = this.layout.addCell('enc.', new ParamLayout(enc), 'encoder', fb);
    const decAt = this.layout.addCell('dec.', new ParamLayout(dec), 'decoder', fb);
    this.theta = new Float64Array(this.layout.size);
    this.grad = new Float64Array(this.layout.size);
    this.encoder = new CellPart(enc, this.theta, this.grad, encAt);
    this.decoder = new CellPart(dec, this.theta, this.grad, decAt);
  }

  /** Draws θ: Xavier-uniform matrices, zero biases, the LSTM forget bias (BlockLayout.initialize). */
  initialize(rng: Rng): void {
    this.layout.initialize(this.theta, rng);
  }

  /** Throws unless the pair fits the vocabularies: a non-empty source, tokens in range, no end token inside the target. */
  checkExample(ex: Seq2SeqExample): void {
    if (ex === null || typeof ex !== 'object') throw new EngineError('bad-config', 'expected { source, target }', 'example');
    checkTokens(ex.source, this.shape.sourceVocab, 'source', { nonEmpty: true, noBoundary: false });
    checkTokens(ex.target, this.shape.targetVocab, 'target', { nonEmpty: false, noBoundary: true });
  }

  /**
   * L = (1/(n+1)) Σ_{t=0}^{n} −log p_t[w_t] with teacher forcing (the end token included): encoder over the source
   * (reversed if asked), then the decoder from the encoder's final state. Keeps the pass for `backward`.
   */
  forward(ex: Seq2SeqExample): number {
    this.checkExample(ex);
    const { encoder, decoder } = this;
    const src = sourceSequence(ex.source, this.shape.sourceVocab, this.shape.reverseSource);
    const tgt = teacherForced(ex.target, this.shape.targetVocab);
    encoder.forward(src);
    const Ts = src.length;
    const loss = decoder.forward(tgt, encoder.last(Ts), encoder.cell === 'lstm' ? encoder.last(Ts, true) : undefined);
    this.src = src;
    this.tgt = tgt;
    return loss;
  }

  /**
   * grad += scale·∂L/∂θ for the last forward pass: BPTT through the decoder leaves ∂L/∂h0 (and ∂L/∂c0) of the decoder,
   * which is ∂L/∂h_{Ts−1} (∂L/∂c_{Ts−1}) of the encoder, the only error it receives; then BPTT through the encoder.
   */
  backward(scale: number): void {
    if (!this.src || !this.tgt) throw new EngineError('bad-config', 'backward needs a forward pass first', 'backward');
    const { encoder, decoder } = this;
    decoder.backward(this.tgt, scale);
    encoder.backward(this.src, 1, decoder.ws.dh0, decoder.ws.dc0);
  }

  /** The pair under teacher forcing, every state and probability recorded. Leaves θ and the gradient alone. */
  record(ex: Seq2SeqExample): Seq2SeqRecord {
    const loss = this.forward(ex);
    return { ...this.encoderRecord(this.src!), decoder: teacherTrace(this.decoder, this.tgt!), loss };
  }

  /** The output for a source, decoded greedily (temperature 0) or by sampling, with every step recorded. */
  decode(source: ArrayLike<number>, o: DecodeOptions): Decoded & { record: Seq2SeqRecord } {
    checkTokens(source, this.shape.sourceVocab, 'source', { nonEmpty: true, noBoundary: false });
    const src = sourceSequence(source, this.shape.sourceVocab, this.shape.reverseSource);
    const { encoder } = this;
    this.src = this.tgt = null; // decoding overwrites the buffers a backward pass would read
    encoder.forward(src);
    const Ts = src.length;
    const out = decodeFrom(this.decoder, encoder.last(Ts), encoder.cell === 'lstm' ? encoder.last(Ts, true) : undefined, o);
    return { ...out, record: { ...this.encoderRecord(src), decoder: out.trace, loss: NaN } };
  }

  /** Greedy outputs of many sources (the end token left out), each at most maxLength tokens. */
  greedy(sources: readonly ArrayLike<number>[], maxLength: number): number[][] {
    return sources.map((s) => this.decode(s, { maxLength }).tokens);
  }

  private encoderRecord(src: Sequence): Omit<Seq2SeqRecord, 'decoder' | 'loss'> {
    const { encoder } = this;
    const Ts = src.length;
    return {
      encoderInputs: Int32Array.from(src.hot!),
      encoderH: encoder.hidden(Ts),
      encoderC: encoder.cellState(Ts),
      meaningH: encoder.last(Ts).slice(),
      meaningC: encoder.cell === 'lstm' ? encoder.last(Ts, true).slice() : new Float64Array(0),
    };
  }
}

export { BOUNDARY };
