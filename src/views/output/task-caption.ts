/** What each task asks of the network, in one line, for the output view's captions. */
import type { TaskConfig } from '../../engine/tasks/task';

/** The question the task poses: "Recall the first symbol after 10 blanks", "Add the two marked numbers (*) …". */
export function taskQuestion(task: TaskConfig): string {
  switch (task.kind) {
    case 'echo':
      return `Recall the first symbol after ${task.lag} blank${task.lag === 1 ? '' : 's'}`;
    case 'adding':
      return `Add the two numbers marked * in a sequence of ${task.seqLength}`;
    case 'text':
      return 'Write text one character at a time, each drawn from the predicted next-character distribution';
    case 'sine':
      return `Continue a sum of ${task.components} sine wave${task.components === 1 ? '' : 's'} after reading ${task.seqLength} noisy values`;
    case 'series':
      return `Continue your series after reading ${task.seqLength} of its values`;
    case 'translate':
      return `Write a number given in words as digits${task.reverse ? ', reading the words last first' : ''}`;
    case 'caption':
      return 'Describe a picture of coloured shapes in words';
  }
}
