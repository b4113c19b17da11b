/** Scores of decoded token sequences against references: exact match, and per-token accuracy with the end token. */
import { EngineError } from './errors';
import { BOUNDARY } from './seq2seq-decoder';

/** How close a set of outputs is to its references. */
export interface SequenceScore {
  /** fraction of outputs equal to their reference, token for token and in length */
  exactMatch: number;
  /**
   * fraction of reference positions i = 0…n (n tokens, then the end token at n) where the output, followed by the end
   * token, has the same token at i: a wrong word costs one position, a missing or extra word shifts the rest
   */
  tokenAccuracy: number;
}

/** Exact match and per-token accuracy of `outputs` (end token left out, as decoding returns them) against `refs`. */
export function scoreSequences(refs: readonly ArrayLike<number>[], outputs: readonly ArrayLike<number>[]): SequenceScore {
  if (!Array.isArray(outputs) || outputs.length !== refs.length) {
    throw new EngineError('bad-shape', `expected ${refs.length} outputs (one per reference), got ${Array.isArray(outputs) ? outputs.length : typeof outputs}`, 'outputs');
  }
  let exact = 0;
  let hits = 0;
  let positions = 0;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i];
    const o = outputs[i];
    if (o === null || typeof o !== 'object' || typeof o.length !== 'number') throw new EngineError('bad-shape', 'expected an array of tokens', `outputs[${i}]`);
    let same = o.length === r.length;
    for (let t = 0; t <= r.length; t++) {
      const want = t < r.length ? r[t] : BOUNDARY;
      const got = t < o.length ? o[t] : t === o.length ? BOUNDARY : -1;
      if (got === want) hits++;
      else same = false;
      positions++;
    }
    if (same) exact++;
  }
  return { exactMatch: refs.length ? exact / refs.length : 0, tokenAccuracy: positions ? hits / positions : 0 };
}

/**
 * The constant output made of the most frequent reference token at each position (the end token counted, ties to the
 * lowest index), cut at the first position where the end token is the most frequent: the best a model that ignores
 * its input could do position by position — the majority baseline.
 */
export function positionalMajority(refs: readonly ArrayLike<number>[], vocab: number): number[] {
  const out: number[] = [];
  for (let t = 0; ; t++) {
    const counts = new Array<number>(vocab).fill(0);
    let any = false;
    for (const r of refs) {
      if (t > r.length) continue;
      counts[t < r.length ? r[t] : BOUNDARY]++;
      any = true;
    }
    if (!any) return out;
    let best = 0;
    for (let k = 1; k < vocab; k++) if (counts[k] > counts[best]) best = k;
    if (best === BOUNDARY) return out;
    out.push(best);
  }
}
