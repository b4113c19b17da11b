import { useLab } from '../../state/context';
import '../chart/chart.css';
import { htmlFigureToSvg } from '../kit/export-html';
import { ViewShell } from '../kit/ViewShell';
import { AnswersOutput } from './AnswersOutput';
import { CaptionOutput } from './CaptionOutput';
import { ForecastOutput } from './ForecastOutput';
import { OutputTable } from './OutputTable';
import { TextOutput } from './TextOutput';
import { taskQuestion } from './task-caption';
import { TranslationOutput } from './TranslationOutput';
import './output.css';

/**
 * What the network does with its task at the current weights: sampled text, a free-running forecast, its answers to
 * the first evaluation sequences, or held-out numbers translated and pictures captioned — whichever the task's latest
 * output is — with (ViewShell) a table alternative and PNG/SVG export. The forecast is an SVG chart and the captions
 * canvases (exported as such); text, answers and translations are HTML, exported through htmlFigureToSvg.
 */
export function TaskOutput() {
  const output = useLab((s) => s.output);
  const task = useLab((s) => s.config.task);
  const info = useLab((s) => s.info);
  if (!output) return <p className="view-empty">Training starts… the network's output appears here after the first steps.</p>;
  const question = taskQuestion(task);
  // the evaluation set's size is the running task's; info may still describe the previous run's task
  const total = info && info.task.kind === task.kind ? info.task.evalSize : null;
  return (
    <ViewShell name="task-output" step={output.step} toSvg={output.kind === 'forecast' || output.kind === 'captions' ? undefined : htmlFigureToSvg} table={() => <OutputTable output={output} question={question} total={total} />}>
      {output.kind === 'text' && <TextOutput step={output.step} temperature={output.temperature} text={output.text} />}
      {output.kind === 'forecast' && <ForecastOutput step={output.step} data={output} question={question} truthName={output.truthName} />}
      {output.kind === 'answers' && <AnswersOutput step={output.step} items={output.items} question={question} total={total} />}
      {output.kind === 'translations' && <TranslationOutput output={output} question={question} />}
      {output.kind === 'captions' && <CaptionOutput output={output} question={question} />}
    </ViewShell>
  );
}
