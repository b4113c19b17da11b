import type { ParamLayout } from '../params';
import type { Activation } from '../types';
import type { Workspace } from '../workspace';

/** What a cell's step functions read: sizes, the parameters θ and the pass's buffers. */
export interface CellContext {
  readonly layout: ParamLayout;
  readonly H: number;
  readonly I: number;
  readonly activation: Activation;
  readonly theta: Float64Array;
  readonly ws: Workspace;
}
