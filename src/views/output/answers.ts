/** Pure helpers of the answers table: the per-item shape, the middle truncation of long inputs, the summary line. */
import { formatValue } from '../chart/format';

/** One answered evaluation sequence, as the worker reports it. */
export interface AnswerItem {
  input: string;
  target: string;
  output: string;
  correct: boolean | null;
  error: number | null;
}

/** Longest input shown before it is truncated in the middle (the full input is in the cell's tooltip). */
export const INPUT_CHARS = 40;

/** "6 of 8 correct" for classified answers, "mean |error| 0.0512" for numeric ones, '' when neither is reported. */
export function answersSummary(items: readonly AnswerItem[]): string {
  const judged = items.filter((it) => it.correct !== null);
  if (judged.length > 0) return `${judged.filter((it) => it.correct).length} of ${judged.length} correct`;
  const errs = items.map((it) => it.error).filter((e): e is number => e !== null && Number.isFinite(e));
  // errors near 1e308 overflow their sum ("—") but not their mean: then each is divided before adding
  const sum = errs.reduce((a, b) => a + b, 0);
  if (errs.length > 0) return `mean |error| ${formatValue(sum !== Infinity ? sum / errs.length : errs.reduce((a, b) => a + b / errs.length, 0))}`;
  return '';
}

/**
 * Shortens `s` to at most `max` characters (at least 2) by cutting out its middle: whole space-separated tokens
 * are kept from both ends alternately ("A · · … · ·"); a string without room for a token either side is cut
 * between characters instead ("ab…ij").
 */
export function truncateMiddle(s: string, max: number): string {
  const chars = Array.from(s); // code points, so a cut never splits a character
  if (chars.length <= max) return s;
  const tokens = s.split(' ');
  const head: string[] = [];
  const tail: string[] = [];
  let len = 3; // ' … '
  for (let i = 0, j = tokens.length - 1; i <= j; ) {
    const fromHead = head.length <= tail.length;
    const side = fromHead ? head : tail;
    // the token, plus the space joining it to its side's previous token
    const cost = Array.from(fromHead ? tokens[i] : tokens[j]).length + (side.length > 0 ? 1 : 0);
    if (len + cost > max) break;
    len += cost;
    if (fromHead) head.push(tokens[i++]);
    else tail.unshift(tokens[j--]);
  }
  if (head.length > 0 && tail.length > 0) return `${head.join(' ')} … ${tail.join(' ')}`;
  const keep = Math.max(2, max) - 1;
  const h = Math.ceil(keep / 2);
  const rest = keep - h;
  return chars.slice(0, h).join('') + '…' + (rest > 0 ? chars.slice(chars.length - rest).join('') : '');
}

/** A piece of a shown input: a token, or "…" for tokens left out; `marked` when the task marks it (a trailing *). */
export interface InputPiece {
  text: string;
  marked: boolean;
}

/**
 * The input as shown: middle-truncated to `max` characters, except that tokens the task marks with * (the adding
 * task's two numbers) are never left out — the first and last tokens, every marked token, and "…" for the runs of
 * tokens between them. So the marked numbers a student is asked to add are always on screen.
 */
export function inputPieces(input: string, max: number): InputPiece[] {
  const tokens = input.split(' ');
  const marked = tokens.map((t, i) => (t.endsWith('*') ? i : -1)).filter((i) => i >= 0);
  if (marked.length === 0) return [{ text: truncateMiddle(input, max), marked: false }];
  const piece = (t: string): InputPiece => ({ text: t, marked: t.endsWith('*') });
  if (Array.from(input).length <= max) return tokens.map(piece);
  const keep = new Set([0, tokens.length - 1, ...marked]);
  const out: InputPiece[] = [];
  tokens.forEach((t, i) => {
    if (keep.has(i)) out.push(piece(t));
    else if (out.at(-1)?.text !== '…') out.push({ text: '…', marked: false });
  });
  return out;
}
