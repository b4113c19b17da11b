import { useLab } from '../../state/context';
import '../chart/chart.css';
import { AnswersOutput } from './AnswersOutput';
import { ForecastOutput } from './ForecastOutput';
import { TextOutput } from './TextOutput';
import { taskQuestion } from './task-caption';
import './output.css';

/**
 * What the network does with its task at the current weights: sampled text, a free-running forecast, or its
 * answers to the first evaluation sequences — whichever the task's latest output is.
 */
export function TaskOutput() {
  const output = useLab((s) => s.output);
  const task = useLab((s) => s.config.task);
  const info = useLab((s) => s.info);
  if (!output) return <p className="view-empty">Training starts… the network's output appears here after the first steps.</p>;
  const question = taskQuestion(task);
  switch (output.kind) {
    case 'text':
      return <TextOutput step={output.step} temperature={output.temperature} text={output.text} />;
    case 'forecast':
      return <ForecastOutput step={output.step} data={output} question={question} />;
    case 'answers':
      // the evaluation set's size is the running task's; info may still describe the previous run's task
      return <AnswersOutput step={output.step} items={output.items} question={question} total={info && info.task.kind === task.kind ? info.task.evalSize : null} />;
  }
}
