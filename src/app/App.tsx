import { LabProvider } from '../state/context';
import type { Lab } from '../state/lab';
import { Controls } from '../views/controls/Controls';
import { Notices } from '../views/Notices';
import { StatusBar } from '../views/StatusBar';
import { TaskOutput } from '../views/output/TaskOutput';
import { TrainingCurve } from '../views/curve/TrainingCurve';
import { Panel } from '../views/Panel';
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
          <Panel id="curve" title="Training curve">
            <TrainingCurve />
          </Panel>
          <Panel id="output" title="What the network does">
            <TaskOutput />
          </Panel>
        </main>
      </div>
    </div>
  );
}
