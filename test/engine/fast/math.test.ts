import { describe, expect, it } from 'vitest';
import { fastModule } from '../../../src/engine/fast/module';

/** Runs one of the module's in-place math kernels (exp4_n, sig4_n, tanh4_n) over xs, in float32. */
function run(kernel: string, xs: number[]): Float32Array {
  const m = fastModule();
  if (!m.api) throw new Error(m.reason);
  const memory = new WebAssembly.Memory({ initial: 1 });
  const inst = new WebAssembly.Instance(m.module as WebAssembly.Module, { env: { memory } });
  const f = new Float32Array(memory.buffer);
  const n = (xs.length + 3) & ~3;
  f.set(xs, 4);
  (inst.exports[kernel] as (p: number, n: number) => void)(16, n);
  return f.slice(4, 4 + xs.length);
}

/** float32 unit roundoff, 2^−24 */
const U = 2 ** -24;
const grid = (a: number, b: number, n: number): number[] => Array.from({ length: n }, (_, k) => Math.fround(a + ((b - a) * k) / (n - 1)));

describe('the vector math of the fast kernels, against Math in double', () => {
  it('e^x within 4 float32 roundoffs, relative, on [−87, 88]', () => {
    const xs = grid(-87, 88, 4001);
    const y = run('exp4_n', xs);
    let worst = 0;
    xs.forEach((x, k) => (worst = Math.max(worst, Math.abs(y[k] - Math.exp(x)) / Math.exp(x))));
    expect(worst).toBeLessThan(4 * U);
  });

  it('σ(x) within 4 roundoffs, relative, on [−80, 80], and saturates cleanly beyond', () => {
    const xs = grid(-80, 80, 4001);
    const y = run('sig4_n', xs);
    let worst = 0;
    xs.forEach((x, k) => {
      const s = 1 / (1 + Math.exp(-x));
      worst = Math.max(worst, Math.abs(y[k] - s) / s);
    });
    expect(worst).toBeLessThan(4 * U);
    expect([...run('sig4_n', [200, -200, 0, Infinity])]).toEqual([1, expect.any(Number), 0.5, 1]);
    expect(run('sig4_n', [-200])[0]).toBeLessThan(1e-37);
  });

  it('tanh(x) within 4 roundoffs of 1 absolute, and 4 roundoffs relative near 0 where the series takes over', () => {
    const xs = grid(-12, 12, 4801);
    const y = run('tanh4_n', xs);
    let worstAbs = 0;
    xs.forEach((x, k) => (worstAbs = Math.max(worstAbs, Math.abs(y[k] - Math.tanh(x)))));
    expect(worstAbs).toBeLessThan(4 * U);
    const small = [...grid(-0.125, 0.125, 1001), 1e-6, -3e-9, 1e-30];
    const ys = run('tanh4_n', small);
    let worstRel = 0;
    small.forEach((x, k) => {
      if (x !== 0) worstRel = Math.max(worstRel, Math.abs(ys[k] - Math.tanh(x)) / Math.abs(Math.tanh(x)));
    });
    expect(worstRel).toBeLessThan(4 * U);
    expect([...run('tanh4_n', [50, -50, 0])]).toEqual([1, -1, 0]);
  });

  it('NaN stays NaN (a diverging run must show as one)', () => {
    for (const k of ['exp4_n', 'sig4_n', 'tanh4_n']) expect(Number.isNaN(run(k, [NaN])[0]), k).toBe(true);
  });
});
