import type { TaskOutput } from '../../worker/protocol';
import { formatFixed, formatStep } from '../chart/format';
import { describePicture, mapStats } from './picture';
import { rightCount } from './TranslationOutput';
import { Verdict } from './Verdict';

type Translations = Extract<TaskOutput, { kind: 'translations' }>;
type Captions = Extract<TaskOutput, { kind: 'captions' }>;

/** The translation output as tables: the numbers (words, right digits, the network's, ✓/✗), then the meaning vector unit by unit. */
export function TranslationTable({ output, question }: { output: Translations; question: string }) {
  const { items, meaning } = output;
  const hasC = meaning.c.length > 0;
  return (
    <>
      <table className="data-table output-table" data-table="translations">
        <caption>
          {question} — the first {items.length} of {formatStep(output.evalSize)} held-out numbers at step {formatStep(output.step)}: {rightCount(items)}
        </caption>
        <thead>
          <tr>
            <th scope="col">words</th>
            <th scope="col">right digits</th>
            <th scope="col">network</th>
            <th scope="col">right?</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <tr key={i}>
              <td className="mono">{it.source}</td>
              <td className="mono">{it.reference}</td>
              <td className="mono">{it.output}</td>
              <Verdict correct={it.correct} />
            </tr>
          ))}
        </tbody>
      </table>
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
      <table className="data-table output-table" data-table="captions">
        <caption>
          {question} — the first {items.length} of {formatStep(output.evalSize)} held-out pictures at step {formatStep(output.step)}: {rightCount(items)}. Pixels are counted from
          the top left, x to the right and y down.
        </caption>
        <thead>
          <tr>
            <th scope="col">picture</th>
            <th scope="col">right caption</th>
            <th scope="col">network</th>
            <th scope="col">right?</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <tr key={i}>
              <td>{describePicture(it.image, it.size)}</td>
              <td>{it.reference}</td>
              <td>{it.output}</td>
              <Verdict correct={it.correct} />
            </tr>
          ))}
        </tbody>
      </table>
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
