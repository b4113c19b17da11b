/**
 * The one table of held-out examples (views/output/ExampleTable.tsx) that the answers, translation and caption
 * outputs share: a caption, column heads scoped to their columns, one row per item with its three cells and its
 * ✓/✗ mark (the word for screen readers beside it), or a number where an answer is not judged.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExampleTable, rightCount } from '../../src/views/output/ExampleTable';
import type { ExampleColumns } from '../../src/views/output/ExampleTable';

interface Item {
  source: string;
  reference: string;
  output: string;
  correct: boolean | null;
}

const ITEMS: Item[] = [
  { source: 'twelve', reference: '12', output: '12', correct: true },
  { source: 'forty', reference: '40', output: '41', correct: false },
  { source: 'seven', reference: '7', output: '7.2', correct: null },
];

const COLUMNS: ExampleColumns<Item> = [
  { head: 'words', cell: (it) => it.source, className: 'mono', title: (it) => (it.source.length > 5 ? it.source : undefined) },
  { head: 'right digits', cell: (it) => it.reference },
  { head: 'network', cell: (it) => it.output },
];

const judged = ITEMS.filter((it): it is Item & { correct: boolean } => it.correct !== null);

describe('ExampleTable', () => {
  it('is a captioned table whose column heads are scoped to their columns', () => {
    render(<ExampleTable className="data-table output-table" name="examples" caption="Held-out numbers" columns={COLUMNS} items={judged} mark={(it) => it.correct} />);
    const table = screen.getByRole('table', { name: 'Held-out numbers' });
    expect(table).toHaveAttribute('data-table', 'examples');
    expect(table).toHaveClass('data-table', 'output-table');
    const heads = within(table).getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual(['words', 'right digits', 'network', 'right?']);
    for (const h of heads) expect(h).toHaveAttribute('scope', 'col');
  });

  it('has one row per item: source, reference, output, then ✓ or ✗ with the word for screen readers', () => {
    render(<ExampleTable className="data-table" caption={`Numbers: ${rightCount(judged)}`} columns={COLUMNS} items={judged} mark={(it) => it.correct} />);
    const table = screen.getByRole('table', { name: 'Numbers: 1 of 2 exactly right' });
    expect(table).not.toHaveAttribute('data-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['twelve', '12', '12', '✓right'],
      ['forty', '40', '41', '✗wrong'],
    ]);
    const marks = rows.map((r) => within(r).getAllByRole('cell')[3]);
    expect(marks.map((m) => m.getAttribute('data-correct'))).toEqual(['true', 'false']);
    expect(marks.map((m) => m.className)).toEqual(['answer-right', 'answer-wrong']);
    // the mark is drawn for the eye, the word read out: never both
    expect(marks.map((m) => m.querySelector('[aria-hidden="true"]')!.textContent)).toEqual(['✓', '✗']);
    expect(marks.map((m) => m.querySelector('.visually-hidden')!.textContent)).toEqual(['right', 'wrong']);
    // each column's class and tooltip
    const first = rows.map((r) => within(r).getAllByRole('cell')[0]);
    expect(first.map((c) => c.className)).toEqual(['mono', 'mono']);
    expect(first.map((c) => c.getAttribute('title'))).toEqual(['twelve', null]);
    expect(within(rows[0]).getAllByRole('cell')[1]).not.toHaveAttribute('class');
  });

  it('shows a number in the mark column, under its own head, for an answer not judged right or wrong', () => {
    render(<ExampleTable className="data-table" caption="Sums" columns={COLUMNS} items={ITEMS} markHead="|error|" mark={(it) => it.correct ?? '0.2'} />);
    const table = screen.getByRole('table', { name: 'Sums' });
    expect(within(table).getAllByRole('columnheader').at(-1)).toHaveTextContent('|error|');
    const last = within(table).getAllByRole('row').at(-1)!;
    const mark = within(last).getAllByRole('cell')[3];
    expect(mark).toHaveTextContent('0.2');
    expect(mark).toHaveClass('mono');
    expect(mark).not.toHaveAttribute('data-correct');
  });
});
