import { describe, expect, it } from 'vitest';
import { OPS } from '../../../src/engine/fast/opcodes';
import { assemble, sleb, uleb } from '../../../src/engine/fast/wat';

/** Instantiates a module of the given functions over a fresh one-page memory. */
function instantiate(funcs: string): { e: Record<string, (...a: number[]) => number>; mem: ArrayBuffer } {
  const bytes = assemble(`(module (import "env" "memory" (memory 1)) ${funcs})`);
  expect(WebAssembly.validate(bytes)).toBe(true);
  const memory = new WebAssembly.Memory({ initial: 1 });
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  return { e: inst.exports as Record<string, (...a: number[]) => number>, mem: memory.buffer };
}

const f32 = (xs: number[]): number[] => xs.map(Math.fround);

describe('LEB128', () => {
  it('encodes unsigned and signed integers as the binary format does', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(0)).toEqual([0]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-65)).toEqual([0xbf, 0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });
});

describe('the assembler', () => {
  it('refuses what it does not know, naming the function', () => {
    expect(() => assemble('(module (func $f (i32.frobnicate)))')).toThrow(/unknown instruction i32.frobnicate in \$f/);
    expect(() => assemble('(module (func $f (br $nowhere)))')).toThrow(/unknown label/);
    expect(() => assemble('(module (func $f (local.get $x)))')).toThrow(/unknown local/);
    expect(() => assemble('(module (func $f)')).toThrow(/unbalanced/);
    expect(() => assemble('(module (func $f (block)))) ')).toThrow(/unbalanced/);
  });

  it('assembles control flow, calls, locals and globals, folded and flat', () => {
    const { e } = instantiate(`
      (global $g (export "g") (mut i32) (i32.const -5))
      (func $sq (param $x i32) (result i32) local.get $x local.get $x i32.mul)
      (func (export "sumSquares") (param $n i32) (result i32) (local $i i32) (local $s i32)
        (block $done (loop $next
          (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
          (local.set $s (i32.add (local.get $s) (call $sq (local.get $i))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
        (i32.add (local.get $s) (global.get $g)))
      (func (export "pick") (param $c i32) (result i32)
        (if (result i32) (local.get $c) (then (i32.const 10)) (else (i32.const 20))))
      (func (export "sel") (param $c i32) (result i32) (select (i32.const 1) (i32.const 2) (local.get $c)))
      (func (export "early") (param $x i32) (result i32)
        (if (i32.lt_s (local.get $x) (i32.const 0)) (then (return (i32.const -1))))
        (drop (local.tee $x (i32.add (local.get $x) (i32.const 1))))
        (local.get $x))
      (func (export "setg") (param $v i32) (global.set $g (local.get $v)))`);
    expect(e.sumSquares(4)).toBe(0 + 1 + 4 + 9 - 5);
    expect(e.pick(1)).toBe(10);
    expect(e.pick(0)).toBe(20);
    expect(e.sel(1)).toBe(1);
    expect(e.sel(0)).toBe(2);
    expect(e.early(-3)).toBe(-1);
    expect(e.early(3)).toBe(4);
    e.setg(100);
    expect(e.sumSquares(2)).toBe(101);
  });

  it('encodes i32 and f32 constants, including negative, hex and infinite ones', () => {
    const { e } = instantiate(`
      (func (export "a") (result i32) (i32.const -123456))
      (func (export "b") (result i32) (i32.const 0xffffffff))
      (func (export "c") (result f32) (f32.const -2.5e-3))
      (func (export "d") (result f32) (f32.const -inf))`);
    expect(e.a()).toBe(-123456);
    expect(e.b()).toBe(-1);
    expect(e.c()).toBe(Math.fround(-2.5e-3));
    expect(e.d()).toBe(-Infinity);
  });
});

/** [instruction, operands a and b (4 lanes each), expected lanes] for the float32x4 operations the kernels use. */
const a = [1.5, -2.25, 0.5, 3];
const b = [0.25, 4, -0.5, 3];
const F32X4_BINARY: [string, number[]][] = [
  ['f32x4.add', a.map((x, i) => x + b[i])],
  ['f32x4.sub', a.map((x, i) => x - b[i])],
  ['f32x4.mul', a.map((x, i) => x * b[i])],
  ['f32x4.div', f32(a.map((x, i) => x / b[i]))],
  ['f32x4.min', a.map((x, i) => Math.min(x, b[i]))],
  ['f32x4.max', a.map((x, i) => Math.max(x, b[i]))],
];
const F32X4_COMPARE: [string, (x: number, y: number) => boolean][] = [
  ['f32x4.eq', (x, y) => x === y],
  ['f32x4.lt', (x, y) => x < y],
  ['f32x4.gt', (x, y) => x > y],
  ['f32x4.le', (x, y) => x <= y],
  ['f32x4.ge', (x, y) => x >= y],
];
const p = [0x0f0f00ff, -1, 0x12345678, 0];
const q = [0x00ff0ff0, 0x0000ffff, -0x12345679, 7];
const V128_BITS: [string, number[]][] = [
  ['v128.and', p.map((x, i) => x & q[i])],
  ['v128.andnot', p.map((x, i) => x & ~q[i])],
  ['v128.or', p.map((x, i) => x | q[i])],
  ['v128.xor', p.map((x, i) => x ^ q[i])],
  ['i32x4.add', p.map((x, i) => (x + q[i]) | 0)],
  ['i32x4.sub', p.map((x, i) => (x - q[i]) | 0)],
];

describe('every instruction the kernels use does what its name says', () => {
  it('covers the whole opcode table', () => {
    const tested = new Set([
      ...F32X4_BINARY.map((x) => x[0]), ...F32X4_COMPARE.map((x) => x[0]), ...V128_BITS.map((x) => x[0]),
      'f32x4.abs', 'f32x4.neg', 'f32x4.nearest', 'v128.not', 'v128.bitselect', 'i32x4.shl', 'i32x4.splat', 'f32x4.splat',
      'i32x4.trunc_sat_f32x4_s', 'f32x4.convert_i32x4_s', 'f32x4.extract_lane', 'f32x4.replace_lane', 'i8x16.shuffle',
      'v128.load', 'v128.store', 'v128.load32_splat', 'v128.const',
      'f32.add', 'f32.sub', 'f32.mul', 'f32.div', 'f32.min', 'f32.max', 'f32.abs', 'f32.neg', 'f32.eq', 'f32.ne', 'f32.lt', 'f32.gt', 'f32.le', 'f32.ge',
      'f32.load', 'f32.store', 'f32.const', 'f64.load', 'f64.store', 'f32.demote_f64', 'f64.promote_f32',
      'i32.add', 'i32.sub', 'i32.mul', 'i32.and', 'i32.or', 'i32.shl', 'i32.shr_s', 'i32.shr_u', 'i32.eqz', 'i32.eq', 'i32.ne',
      'i32.lt_s', 'i32.lt_u', 'i32.gt_s', 'i32.gt_u', 'i32.le_s', 'i32.le_u', 'i32.ge_s', 'i32.ge_u', 'i32.load', 'i32.store', 'i32.const',
      'block', 'loop', 'if', 'else', 'end', 'br', 'br_if', 'return', 'call', 'drop', 'select', 'unreachable', 'nop',
      'local.get', 'local.set', 'local.tee', 'global.get', 'global.set',
    ]);
    expect(Object.keys(OPS).filter((k) => !tested.has(k))).toEqual([]);
  });

  it('float32x4 arithmetic and comparisons, lane by lane', () => {
    const funcs = [...F32X4_BINARY, ...F32X4_COMPARE].map(([op], k) =>
      `(func (export "f${k}") (v128.store (i32.const 0) (${op} (v128.load (i32.const 16)) (v128.load (i32.const 32)))))`).join('\n');
    const { e, mem } = instantiate(funcs);
    const fv = new Float32Array(mem);
    const iv = new Int32Array(mem);
    fv.set(a, 4);
    fv.set(b, 8);
    F32X4_BINARY.forEach(([op, want], k) => {
      e[`f${k}`]();
      expect([...fv.slice(0, 4)], op).toEqual(f32(want));
    });
    F32X4_COMPARE.forEach(([op, cmp], k) => {
      e[`f${k + F32X4_BINARY.length}`]();
      expect([...iv.slice(0, 4)], op).toEqual(a.map((x, i) => (cmp(x, b[i]) ? -1 : 0)));
    });
  });

  it('bitwise and integer lanes', () => {
    const funcs = V128_BITS.map(([op], k) =>
      `(func (export "f${k}") (v128.store (i32.const 0) (${op} (v128.load (i32.const 16)) (v128.load (i32.const 32)))))`).join('\n') + `
      (func (export "not") (v128.store (i32.const 0) (v128.not (v128.load (i32.const 16)))))
      (func (export "sel") (v128.store (i32.const 0) (v128.bitselect (v128.load (i32.const 16)) (v128.load (i32.const 32)) (v128.const i32x4 0xffff0000 0 -1 0x0f0f0f0f))))
      (func (export "shl") (v128.store (i32.const 0) (i32x4.shl (v128.load (i32.const 16)) (i32.const 23))))
      (func (export "isplat") (param $x i32) (v128.store (i32.const 0) (i32x4.splat (local.get $x))))`;
    const { e, mem } = instantiate(funcs);
    const iv = new Int32Array(mem);
    iv.set(p, 4);
    iv.set(q, 8);
    V128_BITS.forEach(([op, want], k) => {
      e[`f${k}`]();
      expect([...iv.slice(0, 4)], op).toEqual(want);
    });
    e.not();
    expect([...iv.slice(0, 4)]).toEqual(p.map((x) => ~x));
    e.sel();
    const m = [0xffff0000 | 0, 0, -1, 0x0f0f0f0f];
    expect([...iv.slice(0, 4)]).toEqual(p.map((x, i) => (x & m[i]) | (q[i] & ~m[i])));
    e.shl();
    expect([...iv.slice(0, 4)]).toEqual(p.map((x) => x << 23));
    e.isplat(-7);
    expect([...iv.slice(0, 4)]).toEqual([-7, -7, -7, -7]);
  });

  it('float32x4 unary operations, conversions, lanes, shuffles and splat loads', () => {
    const { e, mem } = instantiate(`
      (func (export "abs") (v128.store (i32.const 0) (f32x4.abs (v128.load (i32.const 16)))))
      (func (export "neg") (v128.store (i32.const 0) (f32x4.neg (v128.load (i32.const 16)))))
      (func (export "nearest") (v128.store (i32.const 0) (f32x4.nearest (v128.load (i32.const 16)))))
      (func (export "trunc") (v128.store (i32.const 0) (i32x4.trunc_sat_f32x4_s (v128.load (i32.const 16)))))
      (func (export "convert") (v128.store (i32.const 0) (f32x4.convert_i32x4_s (v128.load (i32.const 16)))))
      (func (export "fsplat") (param $x f32) (v128.store (i32.const 0) (f32x4.splat (local.get $x))))
      (func (export "extract2") (result f32) (f32x4.extract_lane 2 (v128.load (i32.const 16))))
      (func (export "replace1") (param $x f32) (v128.store (i32.const 0) (f32x4.replace_lane 1 (v128.load (i32.const 16)) (local.get $x))))
      (func (export "shuffle") (v128.store (i32.const 0)
        (i8x16.shuffle 12 13 14 15 16 17 18 19 0 1 2 3 28 29 30 31 (v128.load (i32.const 16)) (v128.load (i32.const 32)))))
      (func (export "splat") (v128.store (i32.const 0) (v128.load32_splat offset=8 (i32.const 16))))
      (func (export "const") (v128.store (i32.const 0) (v128.const f32x4 1.5 -2 0.25 1e10)))`);
    const fv = new Float32Array(mem);
    const iv = new Int32Array(mem);
    const x = [-1.5, 2.5, -0.5, 3.75];
    fv.set(x, 4);
    fv.set([10, 20, 30, 40], 8);
    e.abs();
    expect([...fv.slice(0, 4)]).toEqual(x.map(Math.abs));
    e.neg();
    expect([...fv.slice(0, 4)]).toEqual(x.map((v) => -v));
    e.nearest(); // ties to even
    expect([...fv.slice(0, 4)]).toEqual([-2, 2, -0, 4]);
    e.trunc();
    expect([...iv.slice(0, 4)]).toEqual([-1, 2, 0, 3]);
    iv.set([-3, 7, 0, 1 << 24], 4);
    e.convert();
    expect([...fv.slice(0, 4)]).toEqual([-3, 7, 0, 1 << 24]);
    fv.set(x, 4);
    e.fsplat(0.75);
    expect([...fv.slice(0, 4)]).toEqual([0.75, 0.75, 0.75, 0.75]);
    expect(e.extract2()).toBe(-0.5);
    e.replace1(9);
    expect([...fv.slice(0, 4)]).toEqual([-1.5, 9, -0.5, 3.75]);
    e.shuffle(); // lanes 3 and 0 of the first, 0 and 3 of the second
    expect([...fv.slice(0, 4)]).toEqual([3.75, 10, -1.5, 40]);
    e.splat();
    expect([...fv.slice(0, 4)]).toEqual([-0.5, -0.5, -0.5, -0.5]);
    e.const();
    expect([...fv.slice(0, 4)]).toEqual(f32([1.5, -2, 0.25, 1e10]));
  });

  it('scalar float32, float64 and int32 operations', () => {
    const fops = ['f32.add', 'f32.sub', 'f32.mul', 'f32.div', 'f32.min', 'f32.max'];
    const fcmp = ['f32.eq', 'f32.ne', 'f32.lt', 'f32.gt', 'f32.le', 'f32.ge'];
    const iops = ['i32.add', 'i32.sub', 'i32.mul', 'i32.and', 'i32.or', 'i32.shl', 'i32.shr_s', 'i32.shr_u', 'i32.eq', 'i32.ne',
      'i32.lt_s', 'i32.lt_u', 'i32.gt_s', 'i32.gt_u', 'i32.le_s', 'i32.le_u', 'i32.ge_s', 'i32.ge_u'];
    const { e } = instantiate([
      ...fops.map((op) => `(func (export "${op}") (param $x f32) (param $y f32) (result f32) (${op} (local.get $x) (local.get $y)))`),
      ...fcmp.map((op) => `(func (export "${op}") (param $x f32) (param $y f32) (result i32) (${op} (local.get $x) (local.get $y)))`),
      ...iops.map((op) => `(func (export "${op}") (param $x i32) (param $y i32) (result i32) (${op} (local.get $x) (local.get $y)))`),
      '(func (export "abs") (param $x f32) (result f32) (f32.abs (local.get $x)))',
      '(func (export "neg") (param $x f32) (result f32) (f32.neg (local.get $x)))',
      '(func (export "eqz") (param $x i32) (result i32) (i32.eqz (local.get $x)))',
      '(func (export "demote") (param $x f64) (result f32) (f32.demote_f64 (local.get $x)))',
      '(func (export "promote") (param $x f32) (result f64) (f64.promote_f32 (local.get $x)))',
      '(func (export "mem") (param $x f32) (result f32) (f32.store (i32.const 8) (local.get $x)) (f64.store (i32.const 16) (f64.promote_f32 (f32.load (i32.const 8)))) (i32.store (i32.const 24) (i32.const 7)) (f32.demote_f64 (f64.load (i32.const 16))))',
      '(func (export "ld") (result i32) (i32.load (i32.const 24)))',
      '(func (export "trap") (unreachable))',
      '(func (export "nop") (nop))',
    ].join('\n'));
    const [x, y] = [1.75, -0.5];
    const fwant = [x + y, x - y, x * y, x / y, Math.min(x, y), Math.max(x, y)];
    fops.forEach((op, k) => expect(e[op](x, y), op).toBe(Math.fround(fwant[k])));
    fcmp.forEach((op, k) => expect(e[op](x, y), op).toBe([x === y, x !== y, x < y, x > y, x <= y, x >= y][k] ? 1 : 0));
    const [i, j] = [-7, 3];
    const u = (v: number): number => v >>> 0;
    const iwant = [i + j, i - j, i * j, i & j, i | j, i << j, i >> j, i >>> j, +(i === j), +(i !== j), +(i < j), +(u(i) < u(j)),
      +(i > j), +(u(i) > u(j)), +(i <= j), +(u(i) <= u(j)), +(i >= j), +(u(i) >= u(j))].map((v) => v | 0);
    iops.forEach((op, k) => expect(e[op](i, j), op).toBe(iwant[k]));
    expect(e.abs(-3)).toBe(3);
    expect(e.neg(3)).toBe(-3);
    expect(e.eqz(0)).toBe(1);
    expect(e.eqz(5)).toBe(0);
    expect(e.demote(0.1)).toBe(Math.fround(0.1));
    expect(e.promote(0.1)).toBe(Math.fround(0.1));
    expect(e.mem(2.5)).toBe(2.5);
    expect(e.ld()).toBe(7);
    expect(() => e.trap()).toThrow();
    expect(e.nop()).toBeUndefined();
  });
});
