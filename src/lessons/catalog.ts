/**
 * The course's table of contents, in course order: what the home page and the lesson index list. Each lesson file
 * (src/lessons/course/<id>.ts) takes its id, title and summary from here (lessonMeta), so the home page lists the
 * lessons without loading their content, which comes with the lesson page's code.
 * test/lessons/linter.test.ts checks that the catalog and the lesson files name the same lessons.
 */
import type { LessonMeta } from './types';

export type LessonEntry = LessonMeta;

export const CATALOG: readonly LessonMeta[] = [
  { id: 'recurrence', title: 'Why recurrence', summary: 'A feed-forward network answers each input on its own; some answers need the inputs that came before.' },
  { id: 'unrolling', title: 'Folding and unrolling', summary: 'One cell with a loop, or a chain of copies through time: two drawings of the same network, with one W_hh shared by every step.' },
  { id: 'forward', title: 'The forward pass', summary: 'One formula, applied at every step: what each symbol is, what the activation does, and what comes out.' },
  { id: 'bptt', title: 'Backpropagation through time', summary: 'One loss for the whole sequence, and the chain rule run backwards along the unrolled chain: the error of later steps reaches earlier ones.' },
  { id: 'vanishing', title: 'Vanishing and exploding gradients', summary: 'The same factor, multiplied again and again: below 1 the error shrinks away, above 1 it blows up.' },
  { id: 'long-range', title: 'Why it matters: long-range dependencies', summary: 'A sum whose first term can come 49 steps before the answer: the plain RNN barely hears about it, the LSTM learns to carry it, seed after seed.' },
  { id: 'surface', title: 'The error surface', summary: 'A network with two weights, drawn as a map: a cliff that throws gradient descent away, clipping that saves it, and searches that find the valley.' },
  { id: 'explosion', title: 'Remedies for explosion', summary: 'A run that blows up, and three ways to keep it on track: clipping the gradient, truncating backpropagation, and RMSProp, each measured on the same run.' },
  { id: 'vanishing-fixes', title: 'Remedies for vanishing', summary: 'Xavier initialization, ReLU with identity weights, and gated cells: what each does to the error on its way back across 80 steps, and what it does not.' },
  { id: 'lstm', title: 'LSTM: memory and three gates', summary: 'A memory cell that a forget gate flushes, an input gate writes and an output gate reads, each a sigmoid between 0 and 1.' },
  { id: 'gru', title: 'GRU: update and reset, no memory cell', summary: 'Two gates and no separate memory: which way round the update gate works, why the GRU has a quarter fewer weights than the LSTM, and how the two compare.' },
  { id: 'applications', title: 'Applications', summary: 'The same networks at work: writing text, forecasting a series against the simplest rival, translating number words into digits, and captioning pictures.' },
];

/** The catalog entry of lesson `id` (a lesson file spreads it into its lesson); throws for an id not listed. */
export function lessonMeta(id: string): LessonMeta {
  const m = CATALOG.find((c) => c.id === id);
  if (!m) throw new Error(`lesson ${id} is not in the catalog (src/lessons/catalog.ts)`);
  return m;
}
