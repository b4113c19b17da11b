import { isVisible, SETTING_IDS, useScenario } from '../../state/scenario';
import { ModelSettings } from './ModelSettings';
import { RunControls } from './RunControls';
import { TaskSettings } from './TaskSettings';
import { TrainingSettings } from './TrainingSettings';

/** Every setting of the run. A change starts a new run from step 0 (and keeps playing if it was). */
export function Controls() {
  const scenario = useScenario();
  const none = !SETTING_IDS.some((id) => isVisible(scenario, id));
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Run settings">
      {none && <p className="hint">The page that shared this lab fixes its settings.</p>}
      <TaskSettings />
      <ModelSettings />
      <TrainingSettings />
      <RunControls />
    </form>
  );
}
