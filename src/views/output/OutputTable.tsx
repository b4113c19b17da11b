import type { TaskOutput } from '../../worker/protocol';
import { formatStep, formatValue } from '../chart/format';
import { AnswersOutput } from './AnswersOutput';
import { CaptionTable, TranslationTable } from './ExampleTables';
import { forecastError } from './forecast-layout';

/**
 * The task output as a table, ViewShell's alternative to the figure: the sampled text with its step and temperature,
 * the forecast value by value (what the net read, what it predicted, the truth), the answers table itself, or the
 * translations and captions with the meaning vector or the feature maps in numbers.
 */
export function OutputTable({ output, question, total }: { output: TaskOutput; question: string; total: number | null }) {
  switch (output.kind) {
    case 'text':
      return (
        <table className="data-table output-table" data-table="sample">
          <caption>{question}</caption>
          <thead>
            <tr>
              <th scope="col">step</th>
              <th scope="col">temperature</th>
              <th scope="col">characters</th>
              <th scope="col">sampled text</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{formatStep(output.step)}</td>
              <td>{output.temperature}</td>
              <td>{formatStep(Array.from(output.text).length)}</td>
              <td className="mono output-table-text">{output.text}</td>
            </tr>
          </tbody>
        </table>
      );
    case 'forecast':
      return <ForecastTable step={output.step} context={output.context} predicted={output.predicted} truth={output.truth} truthName={output.truthName} question={question} />;
    case 'answers':
      return <AnswersOutput step={output.step} items={output.items} question={question} total={total} />;
    case 'translations':
      return <TranslationTable output={output} question={question} />;
    case 'captions':
      return <CaptionTable output={output} question={question} />;
  }
}

/** One row per time step: the value the net read (t < T), then its forecast and the noiseless truth where known (t ≥ T). */
function ForecastTable({ step, context, predicted, truth, truthName, question }: { step: number; context: Float64Array; predicted: Float64Array; truth: Float64Array; truthName?: string; question: string }) {
  const T = context.length;
  const hasTruth = truth.length > 0;
  const err = forecastError({ context, predicted, truth });
  const rows = Array.from({ length: T + Math.max(predicted.length, truth.length) }, (_, t) => t);
  const cell = (a: Float64Array, i: number) => (i >= 0 && i < a.length ? formatValue(a[i]) : '');
  return (
    <table className="data-table output-table" data-table="forecast">
      <caption>
        {question} — forecast at step {formatStep(step)}: reads {T} values, then feeds back its own predictions for {predicted.length} steps
        {err === null ? '' : `; mean distance from ${truthName ?? 'the truth'} ${formatValue(err)}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">t</th>
          <th scope="col">what the net read</th>
          <th scope="col">its forecast</th>
          {hasTruth && <th scope="col">{truthName ?? 'truth without noise'}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t}>
            <td>{t}</td>
            <td>{cell(context, t)}</td>
            <td>{cell(predicted, t - T)}</td>
            {hasTruth && <td>{cell(truth, t - T)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
