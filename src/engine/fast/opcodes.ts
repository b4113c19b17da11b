/**
 * The WebAssembly instructions the fast kernels use, by their text-format name: the opcode bytes and the kind of
 * immediate that follows. Numbers from the WebAssembly 2.0 core specification, section 5.4 (binary instructions);
 * SIMD instructions are the prefix 0xFD followed by their number as an unsigned LEB128.
 * Each one is checked against its meaning in test/engine/fast/wat.test.ts.
 */

/** What follows an opcode: nothing, a local/global/function/label reference, a constant, a memory argument, lanes. */
export type Immediate = 'none' | 'local' | 'global' | 'func' | 'label' | 'i32' | 'f32' | 'mem' | 'v128' | 'lane' | 'shuffle' | 'block';

export interface OpInfo {
  /** the opcode bytes (0xFD and the LEB128 sub-opcode for SIMD) */
  readonly code: readonly number[];
  readonly imm: Immediate;
  /** natural alignment (log2 of bytes) of a memory access */
  readonly align?: number;
}

const op = (code: number, imm: Immediate = 'none', align?: number): OpInfo => ({ code: [code], imm, align });
/** A SIMD instruction: 0xFD then the sub-opcode as unsigned LEB128 (two bytes from 128 on). */
const simd = (sub: number, imm: Immediate = 'none', align?: number): OpInfo => ({
  code: sub < 128 ? [0xfd, sub] : [0xfd, (sub & 0x7f) | 0x80, sub >> 7],
  imm,
  align,
});

export const OPS: Readonly<Record<string, OpInfo>> = {
  unreachable: op(0x00),
  nop: op(0x01),
  block: op(0x02, 'block'),
  loop: op(0x03, 'block'),
  if: op(0x04, 'block'),
  else: op(0x05),
  end: op(0x0b),
  br: op(0x0c, 'label'),
  br_if: op(0x0d, 'label'),
  return: op(0x0f),
  call: op(0x10, 'func'),
  drop: op(0x1a),
  select: op(0x1b),
  'local.get': op(0x20, 'local'),
  'local.set': op(0x21, 'local'),
  'local.tee': op(0x22, 'local'),
  'global.get': op(0x23, 'global'),
  'global.set': op(0x24, 'global'),
  'i32.load': op(0x28, 'mem', 2),
  'f32.load': op(0x2a, 'mem', 2),
  'f64.load': op(0x2b, 'mem', 3),
  'i32.store': op(0x36, 'mem', 2),
  'f32.store': op(0x38, 'mem', 2),
  'f64.store': op(0x39, 'mem', 3),
  'i32.const': op(0x41, 'i32'),
  'f32.const': op(0x43, 'f32'),
  'i32.eqz': op(0x45),
  'i32.eq': op(0x46),
  'i32.ne': op(0x47),
  'i32.lt_s': op(0x48),
  'i32.lt_u': op(0x49),
  'i32.gt_s': op(0x4a),
  'i32.gt_u': op(0x4b),
  'i32.le_s': op(0x4c),
  'i32.le_u': op(0x4d),
  'i32.ge_s': op(0x4e),
  'i32.ge_u': op(0x4f),
  'f32.eq': op(0x5b),
  'f32.ne': op(0x5c),
  'f32.lt': op(0x5d),
  'f32.gt': op(0x5e),
  'f32.le': op(0x5f),
  'f32.ge': op(0x60),
  'i32.add': op(0x6a),
  'i32.sub': op(0x6b),
  'i32.mul': op(0x6c),
  'i32.and': op(0x71),
  'i32.or': op(0x72),
  'i32.shl': op(0x74),
  'i32.shr_s': op(0x75),
  'i32.shr_u': op(0x76),
  'f32.abs': op(0x8b),
  'f32.neg': op(0x8c),
  'f32.add': op(0x92),
  'f32.sub': op(0x93),
  'f32.mul': op(0x94),
  'f32.div': op(0x95),
  'f32.min': op(0x96),
  'f32.max': op(0x97),
  'f32.demote_f64': op(0xb6),
  'f64.promote_f32': op(0xbb),
  'v128.load': simd(0x00, 'mem', 4),
  'v128.load32_splat': simd(0x09, 'mem', 2),
  'v128.store': simd(0x0b, 'mem', 4),
  'v128.const': simd(0x0c, 'v128'),
  'i8x16.shuffle': simd(0x0d, 'shuffle'),
  'i32x4.splat': simd(0x11),
  'f32x4.splat': simd(0x13),
  'f32x4.extract_lane': simd(0x1f, 'lane'),
  'f32x4.replace_lane': simd(0x20, 'lane'),
  'f32x4.eq': simd(0x41),
  'f32x4.lt': simd(0x43),
  'f32x4.gt': simd(0x44),
  'f32x4.le': simd(0x45),
  'f32x4.ge': simd(0x46),
  'v128.not': simd(0x4d),
  'v128.and': simd(0x4e),
  'v128.andnot': simd(0x4f),
  'v128.or': simd(0x50),
  'v128.xor': simd(0x51),
  'v128.bitselect': simd(0x52),
  'f32x4.nearest': simd(0x6a),
  'i32x4.shl': simd(0xab),
  'i32x4.add': simd(0xae),
  'i32x4.sub': simd(0xb1),
  'f32x4.abs': simd(0xe0),
  'f32x4.neg': simd(0xe1),
  'f32x4.add': simd(0xe4),
  'f32x4.sub': simd(0xe5),
  'f32x4.mul': simd(0xe6),
  'f32x4.div': simd(0xe7),
  'f32x4.min': simd(0xe8),
  'f32x4.max': simd(0xe9),
  'i32x4.trunc_sat_f32x4_s': simd(0xf8),
  'f32x4.convert_i32x4_s': simd(0xfa),
};

/** Value types by their text names. */
export const VALTYPES: Readonly<Record<string, number>> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };
