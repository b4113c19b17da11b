import { LabProvider } from '../state/context';
import type { Lab } from '../state/lab';
import { Controls } from '../views/controls/Controls';
import { Notices } from '../views/Notices';
import { StatusBar } from '../views/StatusBar';
import { useLab } from '../state/context';
import { Panel } from '../views/Panel';
import { ViewPicker } from '../views/ViewPicker';
import { useCallback, useState } from 'react';
import { AppBoundary } from './AppBoundary';
import { KeysHelp } from './KeysHelp';
import { VIEWS } from './views';
import type { ViewEntry } from './views';
import { ViewSlot } from './ViewSlot';
import { useHashSync } from './useHashSync';
import { useKeyboard } from './useKeyboard';

/** The lab page: header with playback, settings on the side, views in a grid that later views join. `views`: the registry (tests pass their own). */
export function App({ lab, views = VIEWS }: { lab: Lab; views?: ViewEntry[] }) {
  return (
    <AppBoundary>
      <LabProvider lab={lab}>
        <Shell views={views} />
      </LabProvider>
    </AppBoundary>
  );
}

function Shell({ views }: { views: ViewEntry[] }) {
  useHashSync();
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  useKeyboard(toggleHelp);
  const shown = useLab((s) => s.ui.views);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          Unrolled <span className="tagline">watch a recurrent network learn</span>
        </h1>
        <StatusBar />
        <button type="button" className="keys-button" onClick={toggleHelp} aria-keyshortcuts="?" title="The keys of this page (?)">
          Keys
        </button>
      </header>
      <KeysHelp open={help} onClose={() => setHelp(false)} />
      <Notices />
      <div className="app-body">
        <aside className="app-controls" aria-label="Settings">
          <Controls />
        </aside>
        <main className="app-views">
          <ViewPicker />
          {views.filter((v) => shown.includes(v.id)).map((v) => (
            <Panel key={v.id} id={v.id} title={v.title} wide={v.wide} live={v.id === 'compare'} reserve={v.reserve}>
              <ViewSlot entry={v} />
            </Panel>
          ))}
        </main>
      </div>
    </div>
  );
}
