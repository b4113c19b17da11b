import type { SessionConfig } from '../engine/config';
import { checkTaskConfig } from '../engine/tasks/check';

/**
 * The lab's default precheck (LabOptions.precheck): a task the engine cannot build (empty text, a CSV with letters)
 * is refused before it is sent, so the running run goes on untouched. checkTaskConfig refuses what createTask
 * refuses, with its message, without loading the task classes, their data and the corpus into the page.
 */
export function taskProblem(config: SessionConfig): string | null {
  try {
    checkTaskConfig(config.task);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
