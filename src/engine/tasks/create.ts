/**
 * Building a task from its configuration. Repairing configurations that come from outside (URL parameters, saved
 * sessions, embed props) is normalize.ts, checking one without building it check.ts: the page needs those two, and
 * loads neither this module nor the task classes.
 */
import { checkTaskKind } from './check';
import { AddingTask } from './adding';
import { EchoTask } from './echo';
import { SeriesTask } from './series';
import { CaptionTask } from './caption';
import { SineTask } from './sine';
import type { SequenceTaskConfig, Task, TaskConfig } from './task';
import { TextTask } from './text';
import { TranslateTask } from './translate';

/** Range and default of every numeric task parameter (re-exported from limits.ts). */
export { TASK_LIMITS } from './limits';
export { DEFAULT_TASK_KIND, defaultTaskConfig, normalizeTaskConfig, repairNumber } from './normalize';

/** A task trained on whole examples: the translation and the captioning task (Seq2SeqSession runs them). */
export type ExampleTask = TranslateTask | CaptionTask;

/**
 * The task a configuration describes. Throws `EngineError` on anything it cannot build: an unknown
 * kind, a number outside TASK_LIMITS, an empty or too short text, an unparseable CSV… (the checks of check.ts,
 * which `checkTaskConfig` makes without building). Untrusted configurations go through `normalizeTaskConfig`
 * first, which repairs what can be repaired. A sequence task's config gives a `Task`; translate and caption give
 * their ExampleTask.
 */
export function createTask(config: SequenceTaskConfig): Task;
export function createTask(config: TaskConfig): Task | ExampleTask;
export function createTask(config: TaskConfig): Task | ExampleTask {
  checkTaskKind(config); // not an object, or an unknown kind
  switch (config.kind) {
    case 'translate':
      return new TranslateTask();
    case 'caption':
      return new CaptionTask();
    case 'text':
      return new TextTask(config);
    case 'sine':
      return new SineTask(config);
    case 'echo':
      return new EchoTask(config);
    case 'adding':
      return new AddingTask(config);
    case 'series':
      return new SeriesTask(config);
  }
}
