import { formatStep, formatValue } from '../chart/format';
import { INPUT_CHARS, answersSummary, inputPieces } from './answers';
import type { AnswerItem } from './answers';
import { ExampleTable } from './ExampleTable';
import type { ExampleColumns } from './ExampleTable';

/**
 * The network's answers to the first evaluation sequences: input (monospace, middle-truncated), target, answer,
 * and ✓/✗ (classification) or the absolute error (a numeric answer such as the adding task's sum).
 */
export function AnswersOutput({ step, items, question, total }: { step: number; items: readonly AnswerItem[]; question: string; total: number | null }) {
  const judged = items.some((it) => it.correct !== null);
  const summary = answersSummary(items);
  return (
    <ExampleTable
      className="data-table answers-table"
      caption={
        <>
          <strong>{question}</strong>
          <span className="output-meta">
            {' '}
            — the first {items.length}
            {total !== null ? ` of ${formatStep(total)}` : ''} evaluation sequences at step {formatStep(step)}
            {summary ? `: ${summary}` : ''}
          </span>
        </>
      }
      columns={COLUMNS}
      items={items}
      markHead={judged ? 'right?' : '|error|'}
      // a numeric answer (the adding task's sum) is not right or wrong: its distance from the target instead
      mark={(it) => it.correct ?? (it.error !== null ? formatValue(it.error) : '—')}
    />
  );
}

const COLUMNS: ExampleColumns<AnswerItem> = [
  {
    head: 'input',
    className: 'mono answers-input',
    // middle-truncated: the whole input in the tooltip
    title: (it) => (inputPieces(it.input, INPUT_CHARS).map((p) => p.text).join(' ') === it.input ? undefined : it.input),
    cell: (it) =>
      inputPieces(it.input, INPUT_CHARS).map((p, k) => (
        <span key={k}>
          {k > 0 && ' '}
          {p.marked ? <mark className="answer-marked">{p.text}</mark> : p.text}
        </span>
      )),
  },
  { head: 'target', cell: (it) => it.target, className: 'mono' },
  { head: 'network', cell: (it) => it.output, className: 'mono' },
];
