import { lazy } from 'react';
import type { ComponentType } from 'react';
import type { ViewId } from '../state/store';
import { TaskOutput } from '../views/output/TaskOutput';
import { TrainingCurve } from '../views/curve/TrainingCurve';

/** A view the page can show: its id (as in the URL's `views=`), its panel title, and the component (no props). */
export interface ViewEntry {
  id: ViewId;
  title: string;
  Component: ComponentType;
  /** wide views span the whole row of the grid */
  wide?: boolean;
}

/**
 * Every view the lab page can mount, in page order. The teaching views are lazy-loaded
 * (`lazy(() => import(…))`) so the first load stays small; the page wraps them in <Suspense>.
 */
export const VIEWS: ViewEntry[] = [
  { id: 'curve', title: 'Training curve', Component: TrainingCurve },
  { id: 'output', title: 'What the network does', Component: TaskOutput },
  // teaching views: one line each, below this comment
  { id: 'unroll', title: 'Unrolled through time', Component: lazy(() => import('../views/unroll/UnrollView').then((m) => ({ default: m.UnrollView }))), wide: true },
  { id: 'flow', title: 'Vanishing and exploding gradients', Component: lazy(() => import('../views/flow/GradientFlowView').then((m) => ({ default: m.GradientFlowView }))), wide: true },
  { id: 'gates', title: 'Inside the gates', Component: lazy(() => import('../views/gates/GatesView').then((m) => ({ default: m.GatesView }))), wide: true },
  { id: 'formulas', title: "The equations, with today's numbers", Component: lazy(() => import('../views/formulas/FormulasView').then((m) => ({ default: m.FormulasView }))), wide: true },
  { id: 'surface', title: 'The error surface and its cliff', Component: lazy(() => import('../views/surface/ErrorSurfaceView').then((m) => ({ default: m.ErrorSurfaceView }))), wide: true },
  { id: 'compare', title: 'RNN, LSTM and GRU side by side', Component: lazy(() => import('../views/flow/CompareView').then((m) => ({ default: m.CompareView }))), wide: true },
];
