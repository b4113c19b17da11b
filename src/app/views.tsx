import type { ComponentType } from 'react';
import type { ViewId } from '../state/store';
import { TaskOutput } from '../views/output/TaskOutput';
import { TrainingCurve } from '../views/curve/TrainingCurve';

/** A view's code, loaded when first shown (and again when "Reload this view" retries a failed load). */
export type ViewLoader = () => Promise<{ default: ComponentType }>;

/** A view the page can show: its id (as in the URL's `views=`), its panel title, and the component (no props) or its loader. */
export interface ViewEntry {
  id: ViewId;
  title: string;
  view: { Component: ComponentType } | { load: ViewLoader };
  /** wide views span the whole row of the grid */
  wide?: boolean;
  /** the height (px) the view takes at desktop widths (measured in Chromium at 1280–1366 px): reserved while it loads
   * and while it is off screen (content-visibility), so that views arriving or scrolling by do not push the page around */
  reserve: number;
}

/** The named export of a lazily loaded module, as React.lazy wants it. */
const load = <M,>(importer: () => Promise<M>, pick: (m: M) => ComponentType): { load: ViewLoader } => ({ load: () => importer().then((m) => ({ default: pick(m) })) });

/**
 * Every view the lab page can mount, in page order. The teaching views are loaded when first shown so the
 * first load stays small; ViewSlot wraps each in its error boundary and <Suspense>.
 */
export const VIEWS: ViewEntry[] = [
  { id: 'curve', title: 'Training curve', view: { Component: TrainingCurve }, reserve: 460 },
  { id: 'output', title: 'What the network does', view: { Component: TaskOutput }, reserve: 360 },
  // teaching views: one line each, below this comment
  { id: 'unroll', title: 'Unrolled through time', view: load(() => import('../views/unroll/UnrollView'), (m) => m.UnrollView), wide: true, reserve: 550 },
  { id: 'flow', title: 'Vanishing and exploding gradients', view: load(() => import('../views/flow/GradientFlowView'), (m) => m.GradientFlowView), wide: true, reserve: 910 },
  { id: 'gates', title: 'Inside the gates', view: load(() => import('../views/gates/GatesView'), (m) => m.GatesView), wide: true, reserve: 1210 },
  { id: 'formulas', title: "The equations, with today's numbers", view: load(() => import('../views/formulas/FormulasView'), (m) => m.FormulasView), wide: true, reserve: 2170 },
  { id: 'surface', title: 'The error surface and its cliff', view: load(() => import('../views/surface/ErrorSurfaceView'), (m) => m.ErrorSurfaceView), wide: true, reserve: 820 },
  { id: 'compare', title: 'RNN, LSTM and GRU side by side', view: load(() => import('../views/flow/CompareView'), (m) => m.CompareView), wide: true, reserve: 200 },
];
