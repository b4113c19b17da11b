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
];
