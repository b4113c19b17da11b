/**
 * "Human or network?", the pure part: a round is two snippets of the same length, one cut from the training text and
 * one from text the network sampled, in an order a seeded RNG picks; a guess is right when it names the network's.
 * Accuracy is grouped by training step so the page can plot it. No React, no DOM: tested on its own.
 */
import { Rng } from '../engine/rng';

/** How many characters each snippet has. */
export const SNIPPET_LENGTH = 60;

export interface Round {
  /** the two snippets, as shown: [A, B] */
  snippets: [string, string];
  /** which of the two the network wrote (0 = A) */
  network: 0 | 1;
  /** the training step of the weights that sampled it */
  step: number;
}

export interface Guess {
  step: number;
  correct: boolean;
}

/** Newlines and runs of spaces as one space: layout must not tell the two snippets apart. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

/**
 * `length` characters of `text` from the first word start at or after `from` (or from `from` itself when no word
 * starts later in time to fit), flattened; shorter only when the text is.
 */
export function cutSnippet(text: string, from: number, length: number): string {
  const t = flat(text);
  let s = Math.max(0, Math.min(from, t.length - length));
  if (s > 0 && t[s - 1] !== ' ') {
    const next = t.indexOf(' ', s);
    if (next >= 0 && next + 1 + length <= t.length) s = next + 1;
  }
  return t.slice(s, s + length);
}

/**
 * A round from the network's sample (skipping its first word, the prime and what follows it straight away) and the
 * training text at a random place; `seed` decides the place and the order, so a round can be replayed.
 */
export function makeRound(sample: string, corpus: string, step: number, seed: number, length = SNIPPET_LENGTH): Round | null {
  if (typeof sample !== 'string' || typeof corpus !== 'string') return null;
  const net = cutSnippet(sample, 1, length);
  const flatCorpus = flat(corpus);
  if (net.length < length || flatCorpus.length < length) return null;
  const rng = new Rng(seed);
  const human = cutSnippet(flatCorpus, rng.int(flatCorpus.length - length + 1), length);
  const network: 0 | 1 = rng.next() < 0.5 ? 0 : 1;
  return { snippets: network === 0 ? [net, human] : [human, net], network, step };
}

/** One bin of guesses: the steps it covers [from, to), how many guesses and how many right. */
export interface AccuracyBin {
  from: number;
  to: number;
  guesses: number;
  correct: number;
  accuracy: number;
}

/** The guesses grouped into bins of `width` training steps (only bins with guesses), oldest first. */
export function accuracyBins(guesses: readonly Guess[], width: number): AccuracyBin[] {
  const w = Number.isFinite(width) && width >= 1 ? Math.floor(width) : 1;
  const bins = new Map<number, { guesses: number; correct: number }>();
  for (const g of guesses) {
    if (!Number.isFinite(g.step) || g.step < 0) continue;
    const k = Math.floor(g.step / w);
    const b = bins.get(k) ?? { guesses: 0, correct: 0 };
    b.guesses++;
    if (g.correct) b.correct++;
    bins.set(k, b);
  }
  return [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([k, b]) => ({ from: k * w, to: (k + 1) * w, guesses: b.guesses, correct: b.correct, accuracy: b.correct / b.guesses }));
}

/** A bin width giving at most about 6 bins up to the latest guess's step: 1, 2 or 5 × a power of ten, at least 50. */
export function binWidth(guesses: readonly Guess[]): number {
  const last = guesses.reduce((m, g) => (Number.isFinite(g.step) ? Math.max(m, g.step) : m), 0);
  const raw = Math.max(50, (last + 1) / 6);
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
