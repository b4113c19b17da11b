import { LabProvider } from '../state/context';
import type { Lab } from '../state/lab';
import { Controls } from '../views/controls/Controls';
import { Notices } from '../views/Notices';
import { StatusBar } from '../views/StatusBar';
import { Suspense } from 'react';
import { useLab } from '../state/context';
import { Panel } from '../views/Panel';
import { ViewPicker } from '../views/ViewPicker';
import { VIEWS } from './views';
import { useHashSync } from './useHashSync';
import { useKeyboard } from './useKeyboard';

/** The lab page: header with playback, settings on the side, views in a grid that later views join. */
export function App({ lab }: { lab: Lab }) {
  return (
    <LabProvider lab={lab}>
      <Shell />
    </LabProvider>
  );
}

function Shell() {
  useHashSync();
  useKeyboard();
  const shown = useLab((s) => s.ui.views);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          Unrolled <span className="tagline">watch a recurrent network learn</span>
        </h1>
        <StatusBar />
      </header>
      <Notices />
      <div className="app-body">
        <aside className="app-controls" aria-label="Settings">
          <Controls />
        </aside>
        <main className="app-views">
          <ViewPicker />
          {VIEWS.filter((v) => shown.includes(v.id)).map(({ id, title, Component, wide }) => (
            <Panel key={id} id={id} title={title} wide={wide} live={id === 'compare'}>
              <Suspense fallback={<p className="view-empty">Loading the view…</p>}>
                <Component />
              </Suspense>
            </Panel>
          ))}
        </main>
      </div>
    </div>
  );
}
