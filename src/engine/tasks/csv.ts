/**
 * Parsing a pasted numeric series: one number per line, or rows separated by commas, semicolons
 * or tabs, of which the last numeric column is taken. A first line without any number is a header
 * and is skipped; blank lines are skipped. Every refusal names the line at fault.
 */
import { EngineError } from '../errors';
import { MAX_SERIES_POINTS } from './limits';

type CellKind = 'number' | 'nonfinite' | 'text' | 'empty';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** The delimiter of the rows: tab if any line has one, else semicolon if any has one, else comma. */
function detectDelimiter(lines: readonly string[]): string {
  if (lines.some((l) => l.includes('\t'))) return '\t';
  if (lines.some((l) => l.includes(';'))) return ';';
  return ',';
}

/** A cell without surrounding spaces and quotes; with ';' or tab rows, "3,5" is read as 3.5. */
function clean(cell: string, delimiter: string): string {
  let c = cell.trim();
  if (c.length >= 2 && ((c.startsWith('"') && c.endsWith('"')) || (c.startsWith("'") && c.endsWith("'")))) c = c.slice(1, -1).trim();
  if (delimiter !== ',' && DECIMAL_COMMA.test(c)) c = c.replace(',', '.');
  return c;
}

function kindOf(cell: string): CellKind {
  if (cell === '') return 'empty';
  if (NUMBER.test(cell)) return Number.isFinite(Number(cell)) ? 'number' : 'nonfinite';
  if (NON_FINITE.test(cell)) return 'nonfinite';
  return 'text';
}

/** A cell quoted for a message, cut at 24 characters. */
function quote(cell: string): string {
  return JSON.stringify(cell.length > 24 ? `${cell.slice(0, 24)}…` : cell);
}

/** The numbers of a pasted series, in order; throws `empty`, `bad-config` or `non-finite` naming the line at fault. */
export function parseSeries(csv: string): Float64Array {
  if (typeof csv !== 'string') throw new EngineError('bad-config', `must be text, got ${typeof csv}`, 'csv');
  const lines = csv.split(/\r\n|\n|\r/);
  const delimiter = detectDelimiter(lines);
  const values: number[] = [];
  let column = -1; // index of the column read, fixed by the first data row
  let firstLine = true;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const isFirst = firstLine;
    firstLine = false;
    const lineNo = i + 1;
    const cells = lines[i].split(delimiter).map((c) => clean(c, delimiter));
    while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop(); // a trailing delimiter
    const kinds = cells.map(kindOf);
    if (column < 0) {
      const last = kinds.map((k, c) => (k === 'number' || k === 'nonfinite' ? c : -1)).reduce((a, b) => Math.max(a, b), -1);
      if (last < 0) {
        if (isFirst) continue; // the header line
        throw new EngineError('bad-config', `line ${lineNo}: ${quote(cells[cells.length - 1])} is not a number`, 'csv');
      }
      column = last;
    }
    if (column >= cells.length) {
      throw new EngineError('bad-config', `line ${lineNo}: has ${cells.length} column${cells.length === 1 ? '' : 's'}, expected a number in column ${column + 1}`, 'csv');
    }
    const cell = cells[column];
    const kind = kinds[column];
    if (kind === 'nonfinite') throw new EngineError('non-finite', `line ${lineNo}: ${quote(cell)} is not a finite number (NaN and Infinity are not allowed)`, 'csv');
    if (kind !== 'number') {
      throw new EngineError('bad-config', `line ${lineNo}: ${kind === 'empty' ? 'an empty cell' : quote(cell)} is not a number${cells.length > 1 ? ` (column ${column + 1})` : ''}`, 'csv');
    }
    if (values.length >= MAX_SERIES_POINTS) {
      throw new EngineError('bad-config', `the series has more than ${MAX_SERIES_POINTS.toLocaleString('en-US')} points (the limit)`, 'csv');
    }
    values.push(Number(cell));
  }
  if (values.length === 0) {
    throw new EngineError('empty', firstLine ? 'the series is empty; paste one number per line' : 'no numbers found below the header line', 'csv');
  }
  return Float64Array.from(values);
}
