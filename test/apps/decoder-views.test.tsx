/**
 * The existing views on a decoder's record (Seq2SeqSession.inspect): every field is filled, so the formulas view's
 * recomputed sides agree with the record at every step — step 0 included, where h_{−1} is the meaning vector, not 0 —
 * and the record's accessors and the unroll view name that start state.
 */
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/engine/config';
import { Seq2SeqSession } from '../../src/engine/seq2seq-session';
import type { CellKind } from '../../src/engine/types';
import { buildFormulas } from '../../src/views/formulas/build-formulas';
import { tipText } from '../../src/views/unroll/unroll-tips';
import { c, h, startsFromState } from '../../src/worker/record';

const session = (cell: CellKind, kind: 'translate' | 'caption') => {
  const s = new Seq2SeqSession(normalizeConfig({ task: kind === 'translate' ? { kind, reverse: true } : { kind }, model: { cell, hiddenSize: 5 }, batch: 2, seed: 7 }).config);
  s.train(kind === 'translate' ? 30 : 3);
  return s;
};

describe('the formulas view on the decoder’s steps', () => {
  for (const kind of ['translate', 'caption'] as const) {
    for (const cell of ['rnn', 'lstm', 'gru'] as CellKind[]) {
      it(`${kind}, ${cell}: every check of every step and unit agrees with the record`, () => {
        const s = session(cell, kind);
        const rec = s.inspect(5);
        let checks = 0;
        for (let t = 0; t < rec.T; t++) {
          for (let unit = 0; unit < rec.H; unit++) {
            const blocks = buildFormulas({ rec, step: s.step, activation: 'tanh', t, unit, rho: null, truncate: 0, truncMode: 'chunk' });
            for (const b of blocks) {
              for (const k of [b.check, ...(b.checks ?? [])]) {
                if (!k) continue;
                checks++;
                expect(k.agree, `${b.id} at t = ${t}, unit ${unit}: ${k.label} recomputed ${k.recomputed}, recorded ${k.recorded}`).toBe(true);
              }
            }
          }
        }
        expect(checks).toBeGreaterThan(rec.T * rec.H * 3);
      });
    }
  }

  it('the notes at step 0 say the decoder starts from the meaning vector, not from zero', () => {
    for (const cell of ['lstm', 'gru'] as CellKind[]) {
      const rec = session(cell, 'translate').inspect(0);
      const notes = buildFormulas({ rec, step: 30, activation: 'tanh', t: 0, unit: 0, rho: null, truncate: 0, truncMode: 'chunk' }).map((f) => f.note ?? '').join(' ');
      expect(notes).not.toMatch(/= 0: the (state|memory) starts/);
      expect(notes).toMatch(cell === 'lstm' ? /c_\{−1\} is the memory the decoder starts with/ : /h_\{−1\} is the state the decoder starts from/);
    }
  });
});

describe('the record’s start state', () => {
  it('h(rec, −1, u) and c(rec, −1, u) are the meaning vector; a Session’s record still starts from 0', () => {
    const rec = session('lstm', 'translate').inspect(2);
    expect(startsFromState(rec)).toBe(true);
    for (let u = 0; u < rec.H; u++) {
      expect(h(rec, -1, u)).toBe(rec.h0![u]);
      expect(c(rec, -1, u)).toBe(rec.c0![u]);
    }
    expect(rec.h0!.some((v) => v !== 0)).toBe(true);
    expect(tipText('init', 0, null, rec, { dhNorms: new Float64Array(rec.T) } as never)).toMatch(/^initial state h₀ \(before step 0\): the vector the decoder starts from/);
    const plain = { ...rec, h0: undefined, c0: undefined };
    expect(startsFromState(plain)).toBe(false);
    expect(h(plain, -1, 0)).toBe(0);
    expect(tipText('init', 0, null, plain, { dhNorms: new Float64Array(rec.T) } as never)).toBe('initial state h = 0 (before step 0)');
  });
});
