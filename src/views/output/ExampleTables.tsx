import type { TaskOutput } from '../../worker/protocol';
import { formatFixed, formatStep } from '../chart/format';
import { describePicture, mapStats } from './picture';
import { ExampleTable, rightCount } from './ExampleTable';
import type { ExampleColumns } from './ExampleTable';

type Translations = Extract<TaskOutput, { kind: 'translations' }>;
type Captions = Extract<TaskOutput, { kind: 'captions' }>;

const TRANSLATION_COLUMNS: ExampleColumns<Translations['items'][number]> = [
  { head: 'words', cell: (it) => it.source, className: 'mono' },
  { head: 'right digits', cell: (it) => it.reference, className: 'mono' },
  { head: 'network', cell: (it) => it.output, className: 'mono' },
];

const CAPTION_COLUMNS: ExampleColumns<Captions['items'][number]> = [
  { head: 'picture', cell: (it) => describePicture(it.image, it.size) },
  { head: 'right caption', cell: (it) => it.reference },
  { head: 'network', cell: (it) => it.output },
];

/** The translation output as tables: the numbers (words, right digits, the network's, ✓/✗), then the meaning vector unit by unit. */
export function TranslationTable({ output, question }: { output: Translations; question: string }) {
  const { items, meaning } = output;
  const hasC = meaning.c.length > 0;
  return (
    <>
      <ExampleTable
        className="data-table output-table"
        name="translations"
        caption={`${question} — the first ${items.length} of ${formatStep(output.evalSize)} held-out numbers at step ${formatStep(output.step)}: ${rightCount(items)}`}
        columns={TRANSLATION_COLUMNS}
        items={items}
        mark={(it) => it.correct}
      />
      <table className="data-table output-table" data-table="meaning">
        <caption>
          The meaning vector of “{meaning.source}”: the encoder’s final state h{hasC ? ' and memory c' : ''}, unit by unit
        </caption>
        <thead>
          <tr>
            <th scope="col">unit</th>
            <th scope="col">h</th>
            {hasC && <th scope="col">c</th>}
          </tr>
        </thead>
        <tbody>
          {Array.from(meaning.h, (v, u) => (
            <tr key={u}>
              <td>{u}</td>
              <td>{formatFixed(v, 4)}</td>
              {hasC && <td>{formatFixed(meaning.c[u], 4)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * The caption output as tables: each picture in words (its colours, pixel counts and where they lie), the right
 * caption, the network's, ✓/✗; then each feature map's largest value, where it is, and its mean.
 */
export function CaptionTable({ output, question }: { output: Captions; question: string }) {
  const { items, features } = output;
  const { channels: C, size: S, maps } = features;
  return (
    <>
      <ExampleTable
        className="data-table output-table"
        name="captions"
        caption={`${question} — the first ${items.length} of ${formatStep(output.evalSize)} held-out pictures at step ${formatStep(output.step)}: ${rightCount(items)}. Pixels are counted from the top left, x to the right and y down.`}
        columns={CAPTION_COLUMNS}
        items={items}
        mark={(it) => it.correct}
      />
      <table className="data-table output-table" data-table="feature-maps">
        <caption>
          The convolution’s {C} feature maps (after ReLU) of the picture it describes as “{features.caption}” ({describePicture(features.image, S)})
        </caption>
        <thead>
          <tr>
            <th scope="col">channel</th>
            <th scope="col">largest value</th>
            <th scope="col">at x, y</th>
            <th scope="col">mean</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: C }, (_, c) => {
            const st = mapStats(maps, c, S);
            return (
              <tr key={c}>
                <td>{c + 1}</td>
                <td>{formatFixed(st.max, 3)}</td>
                <td>
                  {st.x}, {st.y}
                </td>
                <td>{formatFixed(st.mean, 3)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
