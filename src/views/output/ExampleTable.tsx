import type { ReactNode } from 'react';
import { Verdict } from './Verdict';

/** One column of an example table: its head, and each row's cell. */
export interface ExampleColumn<T> {
  head: string;
  cell: (item: T) => ReactNode;
  /** the cells' class ('mono' for digits and sequences) */
  className?: string;
  /** a tooltip, where the cell shows less than the whole value */
  title?: (item: T) => string | undefined;
}

/** What went in, the right answer and the network's, in that order. */
export type ExampleColumns<T> = readonly [ExampleColumn<T>, ExampleColumn<T>, ExampleColumn<T>];

interface Props<T> {
  /** the table's class: the translation and caption tables are output tables, the answers table its own */
  className: string;
  /** data-table, where the e2e tests and the export find it */
  name?: string;
  caption: ReactNode;
  columns: ExampleColumns<T>;
  items: readonly T[];
  /** the last column's head: 'right?' for a mark, or what the cells say instead ('|error|') */
  markHead?: string;
  /** a row's mark: right or wrong (✓/✗), or a number in its place for an answer not judged right or wrong */
  mark: (item: T) => boolean | ReactNode;
}

/**
 * The network's answers to held-out examples, one row each: the source, the reference, the network's output and a
 * ✓/✗ mark. The answers, the translations and the captions are all this table; each view says what its columns hold.
 */
export function ExampleTable<T>({ className, name, caption, columns, items, markHead = 'right?', mark }: Props<T>) {
  return (
    <table className={className} data-table={name}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.head} scope="col">
              {c.head}
            </th>
          ))}
          <th scope="col">{markHead}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((it, i) => {
          const m = mark(it);
          return (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.head} className={c.className} title={c.title?.(it)}>
                  {c.cell(it)}
                </td>
              ))}
              {typeof m === 'boolean' ? <Verdict correct={m} /> : <td className="mono">{m}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "6 of 8 exactly right" */
export const rightCount = (items: readonly { correct: boolean }[]) => `${items.filter((it) => it.correct).length} of ${items.length} exactly right`;
