import { formatStep, formatValue } from '../chart/format';
import { INPUT_CHARS, answersSummary, inputPieces } from './answers';
import type { AnswerItem } from './answers';

/**
 * The network's answers to the first evaluation sequences: input (monospace, middle-truncated), target, answer,
 * and ✓/✗ (classification) or the absolute error (a numeric answer such as the adding task's sum).
 */
export function AnswersOutput({ step, items, question, total }: { step: number; items: readonly AnswerItem[]; question: string; total: number | null }) {
  const judged = items.some((it) => it.correct !== null);
  const summary = answersSummary(items);
  return (
    <table className="data-table answers-table">
      <caption>
        <strong>{question}</strong>
        <span className="output-meta">
          {' '}
          — the first {items.length}
          {total !== null ? ` of ${formatStep(total)}` : ''} evaluation sequences at step {formatStep(step)}
          {summary ? `: ${summary}` : ''}
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">input</th>
          <th scope="col">target</th>
          <th scope="col">network</th>
          <th scope="col">{judged ? 'right?' : '|error|'}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((it, i) => {
          const pieces = inputPieces(it.input, INPUT_CHARS);
          const whole = pieces.map((p) => p.text).join(' ') === it.input;
          return (
            <tr key={i}>
              <td className="mono answers-input" title={whole ? undefined : it.input}>
                {pieces.map((p, k) => (
                  <span key={k}>
                    {k > 0 && ' '}
                    {p.marked ? <mark className="answer-marked">{p.text}</mark> : p.text}
                  </span>
                ))}
              </td>
              <td className="mono">{it.target}</td>
              <td className="mono">{it.output}</td>
              <Verdict item={it} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Verdict({ item }: { item: AnswerItem }) {
  if (item.correct !== null) {
    return (
      <td className={item.correct ? 'answer-right' : 'answer-wrong'} data-correct={String(item.correct)}>
        <span aria-hidden="true">{item.correct ? '✓' : '✗'}</span>
        {/* for screen readers; an exported image has the ✓/✗ */}
        <span className="visually-hidden no-export">{item.correct ? 'right' : 'wrong'}</span>
      </td>
    );
  }
  return <td className="mono">{item.error !== null ? formatValue(item.error) : '—'}</td>;
}
