import { LabProvider } from '../state/context';
import type { Lab } from '../state/lab';
import { Controls } from '../views/controls/Controls';
import { Notices } from '../views/Notices';
import { StatusBar } from '../views/StatusBar';
import { useLab } from '../state/context';
import { Panel } from '../views/Panel';
import { ViewPicker } from '../views/ViewPicker';
import { ScenarioCaption } from '../share/ScenarioCaption';
import { LabShareButton } from '../share/ShareButton';
import { PresenterControls } from '../present/PresenterControls';
import { usePresenting } from '../present/present-flag';
import { useLabInstance } from '../state/context';
import { useCallback, useEffect, useRef, useState } from 'react';
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
  // on a phone the settings are a drawer opened from the header (on a wide screen they are always beside the views)
  const [drawer, setDrawer] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  // focus follows the drawer: into it when it opens, back to its button when it closes
  useEffect(() => {
    if (drawer) closeButton.current?.focus();
    else if (opened.current) toggleButton.current?.focus();
    opened.current = drawer;
  }, [drawer]);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  const presenting = usePresenting();
  useKeyboard(toggleHelp, presenting);
  const lab = useLabInstance();
  const shown = useLab((s) => s.ui.views);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          Unrolled <span className="tagline">watch a recurrent network learn</span>
        </h1>
        <StatusBar />
        <button ref={toggleButton} type="button" className="settings-toggle" aria-expanded={drawer} aria-controls="settings" onClick={() => setDrawer((d) => !d)}>
          Settings
        </button>
        <button type="button" className="keys-button" onClick={toggleHelp} aria-keyshortcuts="?" title="The keys of this page (?)">
          Keys
        </button>
        <LabShareButton />
        <PresenterControls lab={lab} />
      </header>
      <KeysHelp open={help} onClose={() => setHelp(false)} />
      <Notices />
      <div className="app-body">
        <aside
          id="settings"
          className={drawer ? 'app-controls open' : 'app-controls'}
          aria-label="Settings"
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || !drawer) return;
            // this Escape closes the drawer, and only that (not presenter mode too)
            e.preventDefault();
            setDrawer(false);
          }}
        >
          <button ref={closeButton} type="button" className="settings-close" onClick={() => setDrawer(false)}>
            Close settings
          </button>
          <Controls />
        </aside>
        <main className="app-views">
          <ScenarioCaption />
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
