import type { ParamLayout } from '../params';
import type { Activation } from '../types';
import type { Workspace } from '../workspace';

/** What a cell's step functions read: sizes, the parameters θ and the pass's buffers. */
export interface CellContext {
  readonly layout: ParamLayout;
  readonly H: number;
  readonly I: number;
  readonly activation: Activation;
  /** false: recurrence off — every step reads h_{t−1} = 0 (and c_{t−1} = 0) from ws.zeros, nothing flows back to t−1 */
  readonly recurrent: boolean;
  /** LSTM only: f = tanh(a_f) instead of σ(a_f) */
  readonly tanhForget: boolean;
  readonly theta: Float64Array;
  readonly ws: Workspace;
}
