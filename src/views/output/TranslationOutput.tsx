import type { TaskOutput } from '../../worker/protocol';
import { formatStep } from '../chart/format';
import { rightCount } from './ExampleTable';
import { MeaningBars } from './MeaningBars';
import { Verdict } from './Verdict';

type Translations = Extract<TaskOutput, { kind: 'translations' }>;

/**
 * The encoder–decoder at work: held-out numbers in words, the digits it writes for them (greedy decoding) with ✓/✗
 * and, when wrong, the right answer; below, the meaning vector of the inspected number — the encoder's final state,
 * everything the decoder is told about the words — as bars (h, and the memory c for an LSTM).
 */
export function TranslationOutput({ output, question }: { output: Translations; question: string }) {
  const { items, meaning, step, evalSize } = output;
  return (
    <div className="example-output translations">
      <p className="export-text">
        <strong>{question}</strong>
        <span className="output-meta">
          {' '}
          — the first {items.length} of {formatStep(evalSize)} numbers it never trained on, at step {formatStep(step)}: {rightCount(items)}
        </span>
      </p>
      <ol className="translation-list">
        {items.map((it, i) => (
          <li key={i} className="translation" data-correct={String(it.correct)}>
            <span className="translation-source">{it.source}</span>
            <span className="translation-arrow" aria-hidden="true">
              →
            </span>
            <span className="visually-hidden"> becomes </span>
            <span className="translation-output mono">{it.output === '' ? '(nothing)' : it.output}</span>
            <Verdict correct={it.correct} as="span" />
            {!it.correct && <span className="translation-reference output-meta">should be {it.reference}</span>}
          </li>
        ))}
      </ol>
      <figure className="meaning">
        <figcaption className="output-meta export-text">
          The meaning vector of “{meaning.source}” (it writes {meaning.output === '' ? 'nothing' : meaning.output}): the encoder’s final state, all the decoder is told about the words — {meaning.h.length} numbers
          {meaning.c.length > 0 ? ', and the LSTM’s memory c beside them' : ''}.
        </figcaption>
        <div className="meaning-strips">
          <div className="meaning-strip">
            <span className="meaning-name export-text">h</span>
            <MeaningBars values={meaning.h} name="h" label={`The meaning vector h of “${meaning.source}”`} />
          </div>
          {meaning.c.length > 0 && (
            <div className="meaning-strip">
              <span className="meaning-name export-text">c</span>
              <MeaningBars values={meaning.c} name="c" label={`The memory c of “${meaning.source}”`} />
            </div>
          )}
        </div>
      </figure>
    </div>
  );
}
