import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/engine/config';
import { Session } from '../../../src/engine/session';
import type { Activation, CellKind } from '../../../src/engine/types';
import { buildFormulas } from '../../../src/views/formulas/build-formulas';
import { Numbers, check, checkText } from '../../../src/views/formulas/formula-parts';
import { HIGHLIGHTS, elide, exactNumber, formatNumber, shownPrecision, texNumber, texText } from '../../../src/views/formulas/tex';
import { configFor, recordFor } from './records';

/** Typesets strictly: any TeX error or unexpected non-strict construct throws. */
function typeset(tex: string): string {
  return katex.renderToString(tex, { throwOnError: true, trust: (c) => c.command === '\\htmlData', strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error') });
}

describe('number formats', () => {
  it('prints 3 significant digits, a real minus sign in text, and powers of ten outside 10⁻³…10⁵', () => {
    expect(formatNumber(0.283471)).toBe('0.283');
    expect(formatNumber(-0.13)).toBe('−0.13');
    expect(formatNumber(3.2e-12)).toBe('3.2e−12');
    expect(formatNumber(-3.2e-12)).toBe('−3.2e−12');
    expect(formatNumber(-123456)).toBe('−1.23e5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(NaN)).toBe('—');
    expect(texNumber(-0.13)).toBe('-0.13');
    expect(texNumber(3.2e-12)).toBe('3.2 \\times 10^{-12}');
    expect(texNumber(Infinity)).toBe('\\infty');
  });

  it('prints exact values for the tooltip and the table without JavaScript\'s raw exponents', () => {
    expect(exactNumber(1.5465736937803773e129)).toBe('1.5465736937803773×10¹²⁹');
    expect(exactNumber(-1.5465736937803773e129, 6)).toBe('−1.54657×10¹²⁹');
    expect(exactNumber(3.2e-12)).toBe('3.2×10⁻¹²');
    expect(exactNumber(-0.123456789)).toBe('−0.123456789');
    expect(exactNumber(0.123456789, 6)).toBe('0.123457');
    expect(exactNumber(0)).toBe('0');
    expect([exactNumber(NaN), exactNumber(Infinity), exactNumber(-Infinity)]).toEqual(['NaN', '∞', '−∞']);
  });

  it('knows how close two numbers must be to print alike', () => {
    expect(shownPrecision(0.283)).toBeCloseTo(0.0005, 15);
    expect(shownPrecision(12.3)).toBeCloseTo(0.05, 15);
    expect(check('x', 0.2834, 0.2831).agree).toBe(true);
    expect(check('x', 0.284, 0.283).agree).toBe(false);
    expect(check('x', 1e-13, 0).agree).toBe(true);
    expect(checkText(check('c_2[3]', 0.30137, 0.30137))).toBe('✓ equals the recorded c_2[3] = 0.301 (exactly)');
    expect(checkText(check('h', 0.5 + 2e-16, 0.5))).toMatch(/^✓ equals the recorded h = 0\.5 \(difference 2\.22e−16\)$/);
    expect(checkText(check('h', 0.6, 0.5))).toBe('✗ differs from the recorded h = 0.5 (difference 0.1)');
    expect(checkText({ ...check('h', NaN, NaN), overflow: 1234 })).toBe('the run diverged at step 1,234: these numbers overflowed');
  });
});

describe('formula parts', () => {
  it('numbers each substituted value once, marks it for hovering, and brackets negatives inside sums', () => {
    const nb = new Numbers();
    expect(nb.n('f_2[3]', 0.5, 'f')).toBe('\\htmlData{sym=f,n=0}{0.5}');
    expect(nb.n('c_1[3]', -0.25, 'c', true)).toBe('\\htmlData{sym=c,n=1}{(-0.25)}');
    expect(nb.n('f_2[3]', 0.5, 'f')).toBe('\\htmlData{sym=f,n=0}{0.5}');
    expect(nb.n('a', 2)).toBe('\\htmlData{n=2}{2}');
    nb.text('W_hy', 'not streamed', 'Why');
    expect(nb.rows).toEqual([
      { label: 'f_2[3]', sym: 'f', value: 0.5 },
      { label: 'c_1[3]', sym: 'c', value: -0.25 },
      { label: 'a', sym: null, value: 2 },
      { label: 'W_hy', sym: 'Why', value: null, text: 'not streamed' },
    ]);
  });

  it('elides long lists to their first entries and the last, and escapes task labels for \\text', () => {
    expect(elide([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(elide([1, 2, 3, 4, 5, 6, 7], 5)).toEqual([1, 2, 3, null, 7]);
    expect(texText('a_b {%}')).toBe('a\\_b \\{\\%\\}');
    expect(typeset(`\\text{${texText('\\ ~ ^ & # $')}}`)).toContain('katex');
  });
});

describe('buildFormulas', () => {
  const cases: [CellKind, Activation, 'softmax' | 'linear'][] = [
    ['rnn', 'tanh', 'softmax'], ['rnn', 'relu', 'linear'], ['rnn', 'sigmoid', 'softmax'], ['rnn', 'linear', 'linear'],
    ['lstm', 'tanh', 'softmax'], ['lstm', 'tanh', 'linear'], ['gru', 'tanh', 'softmax'], ['gru', 'tanh', 'linear'],
  ];
  it.each(cases)('typesets every %s (%s, %s head) formula at every step without a TeX error, with known highlight names only', (cell, activation, head) => {
    const { rec } = recordFor(configFor(cell, { activation, head }));
    for (let t = 0; t < rec.T; t++) {
      for (const f of buildFormulas({ rec, activation, t, unit: rec.H - 1, rho: 1.05, truncate: 0, truncMode: 'chunk', step: 3 })) {
        const html = typeset(f.symbolic) + (f.numeric ? typeset(f.numeric) : '');
        const names = Array.from(html.matchAll(/data-sym="([^"]*)"/g), (m) => m[1]);
        expect(names.every((n) => (HIGHLIGHTS as readonly string[]).includes(n))).toBe(true);
        // every number the TeX points at is a row of the table
        for (const m of (f.numeric ?? '').matchAll(/n=(\d+)\}/g)) expect(Number(m[1])).toBeLessThan(f.rows.length);
        for (const c of [f.check, ...(f.checks ?? [])]) if (c) expect(c.agree).toBe(true);
      }
    }
  });

  it.each<[CellKind, Record<string, number>]>([
    ['rnn', { hidden: 1 }],
    ['lstm', { 'lstm-gates': 4 }],
    ['gru', { 'gru-gates': 2, 'gru-candidate': 1 }],
  ])('%s: checks every gate act(W_x·x_t + W_h·h_{t−1} + b_·) against the record, within 1e-12', (cell, counts) => {
    const { rec } = recordFor(configFor(cell));
    for (let t = 0; t < rec.T; t++) {
      for (let j = 0; j < rec.H; j++) {
        for (const f of buildFormulas({ rec, activation: 'tanh', t, unit: j, rho: null, truncate: 0, truncMode: 'chunk', step: 3 })) {
          const all = [f.check, ...(f.checks ?? [])].filter((c) => c !== null);
          if (!(f.id in counts)) continue;
          expect(all).toHaveLength(counts[f.id]);
          for (const c of all) expect(Math.abs(c.diff)).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('shows a ReLU unit at 0 with its streamed pre-activation ≤ 0', () => {
    const { rec } = recordFor(configFor('rnn', { activation: 'relu', hiddenSize: 8 }));
    let found = false;
    for (let t = 0; t < rec.T && !found; t++) {
      for (let j = 0; j < rec.H && !found; j++) {
        if (rec.h[t * rec.H + j] !== 0) continue;
        found = true;
        const hidden = buildFormulas({ rec, activation: 'relu', t, unit: j, rho: null, truncate: 0, truncMode: 'chunk', step: 3 })[0];
        // the streamed pre-activation is shown as it is (≤ 0), ReLU of it is 0 and agrees with the record
        const R = rec.H;
        const a = rec.preX[t * R + j] + rec.preH[t * R + j] + rec.preB[j];
        expect(a).toBeLessThanOrEqual(0);
        expect(hidden.numeric).toContain(`\\operatorname{ReLU}(\\htmlData{n=3}{${texNumber(a)}}) = \\htmlData{sym=h,n=4}{0}`);
        expect(hidden.check).toMatchObject({ recomputed: 0, recorded: 0, agree: true });
      }
    }
    expect(found).toBe(true);
  });

  it('follows the error from a chosen τ and refuses a step k after it', () => {
    const config = { ...defaultConfig(), task: { kind: 'sine' as const, seqLength: 8, noise: 0, components: 1 }, model: { cell: 'rnn' as const, activation: 'tanh' as const, hiddenSize: 4 } };
    const rec = new Session(config).inspect(0, 3);
    expect(rec.tau).toBe(3);
    const after = buildFormulas({ rec, activation: 'tanh', t: 5, unit: 0, rho: null, truncate: 0, truncMode: 'chunk', step: 3 }).find((f) => f.id === 'bptt');
    expect(after?.numeric).toContain('k = 5 > \\tau = 3');
    const before = buildFormulas({ rec, activation: 'tanh', t: 1, unit: 0, rho: null, truncate: 0, truncMode: 'chunk', step: 3 }).find((f) => f.id === 'bptt');
    expect(before?.rows.find((r) => r.label === '‖∂ℓ_3/∂h_1‖')?.value).toBe(rec.flowH[1]);
    expect(before?.note).toContain('From τ = 3 back to k = 1: 2 Jacobians multiplied');
  });

  it.each(['chunk', 'window'] as const)('does not check ∂L/∂c_t when training truncates BPTT (%s), and says why and how', (truncMode) => {
    const { rec } = recordFor({ ...configFor('lstm', { truncate: 2 }), truncMode });
    const back = buildFormulas({ rec, activation: 'tanh', t: 1, unit: 0, rho: null, truncate: 2, truncMode, step: 3 }).find((f) => f.id === 'backward');
    expect(back?.check).toBeNull();
    expect(back?.note).toContain(truncMode === 'chunk'
      ? 'Training truncates BPTT to chunks of k = 2 steps (chunks start at steps 0, 2, 4, …), so these are the truncated gradients (each chunk restarts'
      : 'Training truncates BPTT to a window of k = 2 steps per loss, so these are the truncated gradients (each window restarts');
  });
});

describe('one frame, and what an overflowed frame says', () => {
  it('names the divergence in every check that cannot hold, and leaves the others as they are', () => {
    const { rec } = recordFor(configFor('lstm'));
    const ctx = { rec, activation: 'tanh' as const, t: rec.T - 1, unit: 0, rho: null, truncate: 0, truncMode: 'chunk' as const, step: 7 };
    const plain = buildFormulas(ctx);
    const all = (fs: typeof plain) => fs.flatMap((f) => [f.check, ...(f.checks ?? [])]).filter((c) => c !== null);
    expect(all(plain).every((c) => c.agree && c.overflow === undefined)).toBe(true);
    // the lab reports a divergence: the checks that hold still say ✓
    expect(all(buildFormulas(ctx, 9)).every((c) => c.overflow === undefined)).toBe(true);
    // h_T overflowed: the memory's and read-out's checks cannot hold, and say at which step the run diverged
    const h = rec.h.slice();
    h[(rec.T - 1) * rec.H] = NaN;
    const broken = buildFormulas({ ...ctx, rec: { ...rec, h } });
    const read = broken.find((f) => f.id === 'lstm-hidden')?.check;
    expect(read).toMatchObject({ agree: false, overflow: 7 });
    expect(checkText(read as NonNullable<typeof read>)).toBe('the run diverged at step 7: these numbers overflowed');
    expect(buildFormulas({ ...ctx, rec: { ...rec, h } }, 5).find((f) => f.id === 'lstm-hidden')?.check?.overflow).toBe(5);
  });
});

describe('probabilities near 1', () => {
  it('are written 1 − ε, so that −log p never reads −log 1', () => {
    const nb = new Numbers();
    expect(nb.prob('p', 1 - 8.03e-5, 'p')).toBe('\\htmlData{sym=p,n=0}{(1 - 8.03 \\times 10^{-5})}');
    expect(nb.prob('q', 0.5)).toBe('\\htmlData{n=1}{0.5}');
    expect(nb.rows[0].value).toBe(1 - 8.03e-5);
  });
});
