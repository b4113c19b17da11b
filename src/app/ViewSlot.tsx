import { Suspense, lazy, useState } from 'react';
import type { ComponentType } from 'react';
import { ViewBoundary } from '../views/ViewBoundary';
import type { ViewEntry } from './views';

/**
 * One view inside its panel: its own error boundary (a failure stays in this panel) and, for a view loaded on
 * demand, <Suspense>. "Reload this view" remounts it; a lazy view's loader runs again, since React.lazy keeps
 * a failed import's error for good.
 */
/** the panel's title and padding above the view (px) */
const PANEL_HEADING = 48;

export function ViewSlot({ entry }: { entry: ViewEntry }) {
  const [attempt, setAttempt] = useState(0);
  const [{ Component }, setView] = useState(() => viewOf(entry));
  const reload = () => {
    setView(viewOf(entry));
    setAttempt((a) => a + 1);
  };
  return (
    <ViewBoundary title={entry.title} attempt={attempt} onReload={reload}>
      {/* the fallback holds the view's height, so the page does not jump when the view arrives */}
      <Suspense fallback={<p className="view-empty" style={{ minHeight: Math.max(0, entry.reserve - PANEL_HEADING) }}>Loading the view…</p>}>
        <Component key={attempt} />
      </Suspense>
    </ViewBoundary>
  );
}

/** The component to render: a new lazy one per call for a loaded view (so a reload imports again). */
function viewOf(entry: ViewEntry): { Component: ComponentType } {
  return 'load' in entry.view ? { Component: lazy(entry.view.load) } : entry.view;
}
