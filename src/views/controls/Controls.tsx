import { ModelSettings } from './ModelSettings';
import { TaskSettings } from './TaskSettings';
import { TrainingSettings } from './TrainingSettings';

/** Every setting of the run. A change starts a new run from step 0 (and keeps playing if it was). */
export function Controls() {
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Run settings">
      <TaskSettings />
      <ModelSettings />
      <TrainingSettings />
    </form>
  );
}
