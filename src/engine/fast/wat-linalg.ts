import { ZERO, doLoop, get } from './wat-macros';

/**
 * Matrix kernels on float32 row-major matrices in linear memory, four lanes at a time. Addresses and row strides
 * (ld…) are in bytes; counts (rows, n, m, T) in floats and multiples of 4, ≥ 4 (the layout pads every dimension).
 */

/** i8x16.shuffle lanes picking f32 lanes (p, q, r, s) of the pair (a, b): lanes 0–3 of a, 4–7 of b. */
const lanes = (...f: number[]): string => f.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]).join(' ');

/**
 * C[i][j] += Σ_{t<T} A[t][i]·B[t][j] for a block of 4 rows i and `nv` vectors of 4 columns j: 4·nv sums over t
 * held in registers, each B vector loaded once for four rows and each A value once for nv vectors.
 */
function gemmBlock(nv: number): string {
  const acc = (k: number, v: number): string => `$c${k}${v}`;
  const inits = [];
  const updates = [];
  const stores = [];
  for (let k = 0; k < 4; k++) {
    for (let v = 0; v < nv; v++) {
      inits.push(`(local.set ${acc(k, v)} ${ZERO})`);
      updates.push(`(local.set ${acc(k, v)} (f32x4.add (local.get ${acc(k, v)}) (f32x4.mul (local.get $s${k}) (local.get $b${v}))))`);
      const at = `(i32.add (i32.add (local.get $crow) (i32.mul (local.get $ldc) (i32.const ${k}))) (i32.add (local.get $j) (i32.const ${16 * v})))`;
      stores.push(`(v128.store ${at} (f32x4.add (v128.load ${at}) (local.get ${acc(k, v)})))`);
    }
  }
  const loads = Array.from({ length: nv }, (_, v) => `(local.set $b${v} (v128.load offset=${16 * v} (local.get $pb)))`);
  const splats = [0, 1, 2, 3].map((k) => `(local.set $s${k} (v128.load32_splat offset=${4 * k} (local.get $pa)))`);
  return `${inits.join('\n')}
      (local.set $pa (i32.add (local.get $a) (local.get $i)))
      (local.set $pb (i32.add (local.get $b) (local.get $j)))
      (local.set $t (local.get $T))
      (loop $time
        ${loads.join('\n')}
        ${splats.join('\n')}
        ${updates.join('\n')}
        (local.set $pa (i32.add (local.get $pa) (local.get $lda)))
        (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
        (br_if $time (local.tee $t (i32.sub (local.get $t) (i32.const 1)))))
      ${stores.join('\n')}`;
}

export const LINALG_WAT = `
  (func $gemv_n (param $out i32) (param $w i32) (param $ldw i32) (param $rows i32) (param $x i32) (param $n i32)
    ;; out[r] += Σ_{c<n} W[r][c]·x[c] for r < rows. Four rows at a time, each x vector loaded once for the four;
    ;; their four vector sums are folded into one vector (row sums in lanes 0–3) by two rounds of shuffles.
    (local $end i32) (local $nb i32) (local $c i32) (local $w1 i32) (local $w2 i32) (local $w3 i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $xv v128)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 2))))
    (local.set $nb (i32.shl (local.get $n) (i32.const 2)))
    (loop $rowblock
      (local.set $w1 (i32.add (local.get $w) (local.get $ldw)))
      (local.set $w2 (i32.add (local.get $w1) (local.get $ldw)))
      (local.set $w3 (i32.add (local.get $w2) (local.get $ldw)))
      (local.set $a0 ${ZERO}) (local.set $a1 ${ZERO}) (local.set $a2 ${ZERO}) (local.set $a3 ${ZERO})
      ${doLoop('$cols', '$c', '(i32.const 0)', get('$nb'), 16, `
        (local.set $xv (v128.load (i32.add (local.get $x) (local.get $c))))
        (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (i32.add (local.get $w) (local.get $c))) (local.get $xv))))
        (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load (i32.add (local.get $w1) (local.get $c))) (local.get $xv))))
        (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (v128.load (i32.add (local.get $w2) (local.get $c))) (local.get $xv))))
        (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (v128.load (i32.add (local.get $w3) (local.get $c))) (local.get $xv))))`)}
      ;; (a0₀+a0₂, a1₀+a1₂, a0₁+a0₃, a1₁+a1₃) and the same for a2, a3; then lanes (0,1) of each plus lanes (2,3)
      (local.set $a0 (f32x4.add (i8x16.shuffle ${lanes(0, 4, 1, 5)} (local.get $a0) (local.get $a1))
                                (i8x16.shuffle ${lanes(2, 6, 3, 7)} (local.get $a0) (local.get $a1))))
      (local.set $a2 (f32x4.add (i8x16.shuffle ${lanes(0, 4, 1, 5)} (local.get $a2) (local.get $a3))
                                (i8x16.shuffle ${lanes(2, 6, 3, 7)} (local.get $a2) (local.get $a3))))
      (local.set $a0 (f32x4.add (i8x16.shuffle ${lanes(0, 1, 4, 5)} (local.get $a0) (local.get $a2))
                                (i8x16.shuffle ${lanes(2, 3, 6, 7)} (local.get $a0) (local.get $a2))))
      (v128.store (local.get $out) (f32x4.add (v128.load (local.get $out)) (local.get $a0)))
      (local.set $w (i32.add (local.get $w3) (local.get $ldw)))
      (br_if $rowblock (i32.lt_u (local.tee $out (i32.add (local.get $out) (i32.const 16))) (local.get $end)))))

  (func $gemv_t (param $out i32) (param $w i32) (param $ldw i32) (param $rows i32) (param $s i32) (param $n i32)
    ;; out[c] += Σ_{r<rows} s[r]·W[r][c] for c < n, i.e. out += Wᵀs. Four rows at a time, so each out vector is
    ;; loaded and stored once per four rows.
    (local $send i32) (local $nb i32) (local $c i32) (local $w1 i32) (local $w2 i32) (local $w3 i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $p i32)
    (local.set $send (i32.add (local.get $s) (i32.shl (local.get $rows) (i32.const 2))))
    (local.set $nb (i32.shl (local.get $n) (i32.const 2)))
    (loop $rowblock
      (local.set $s0 (v128.load32_splat (local.get $s)))
      (local.set $s1 (v128.load32_splat offset=4 (local.get $s)))
      (local.set $s2 (v128.load32_splat offset=8 (local.get $s)))
      (local.set $s3 (v128.load32_splat offset=12 (local.get $s)))
      (local.set $w1 (i32.add (local.get $w) (local.get $ldw)))
      (local.set $w2 (i32.add (local.get $w1) (local.get $ldw)))
      (local.set $w3 (i32.add (local.get $w2) (local.get $ldw)))
      ${doLoop('$cols', '$c', '(i32.const 0)', get('$nb'), 16, `
        (local.set $p (i32.add (local.get $out) (local.get $c)))
        (v128.store (local.get $p) (f32x4.add (v128.load (local.get $p)) (f32x4.add
          (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $w) (local.get $c))) (local.get $s0))
                     (f32x4.mul (v128.load (i32.add (local.get $w1) (local.get $c))) (local.get $s1)))
          (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $w2) (local.get $c))) (local.get $s2))
                     (f32x4.mul (v128.load (i32.add (local.get $w3) (local.get $c))) (local.get $s3))))))`)}
      (local.set $w (i32.add (local.get $w3) (local.get $ldw)))
      (br_if $rowblock (i32.lt_u (local.tee $s (i32.add (local.get $s) (i32.const 16))) (local.get $send)))))

  (func $gemm_tn (param $c i32) (param $ldc i32) (param $m i32) (param $n i32) (param $a i32) (param $lda i32)
      (param $b i32) (param $ldb i32) (param $T i32)
    ;; C[i][j] += Σ_{t<T} A[t][i]·B[t][j] for i < m, j < n: the gradient Σ_t a_t b_tᵀ of a weight used at every
    ;; step, from the per-step rows. Blocks of 4 rows × 8 columns (4 × 4 for a last odd vector of columns).
    (local $i i32) (local $j i32) (local $t i32) (local $pa i32) (local $pb i32) (local $crow i32) (local $mb i32) (local $nb i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $mb (i32.shl (local.get $m) (i32.const 2)))
    (local.set $nb (i32.shl (local.get $n) (i32.const 2)))
    ${doLoop('$rows', '$i', '(i32.const 0)', get('$mb'), 16, `
      (local.set $crow (i32.add (local.get $c) (i32.mul (i32.shr_u (local.get $i) (i32.const 2)) (local.get $ldc))))
      (local.set $j (i32.const 0))
      (block $pairs_done (loop $pairs
        (br_if $pairs_done (i32.gt_u (i32.add (local.get $j) (i32.const 32)) (local.get $nb)))
        ${gemmBlock(2)}
        (local.set $j (i32.add (local.get $j) (i32.const 32)))
        (br $pairs)))
      (if (i32.lt_u (local.get $j) (local.get $nb)) (then ${gemmBlock(1)}))`)}
  )

  (func $copy (param $dst i32) (param $src i32) (param $n i32)
    ;; dst[0…n) = src[0…n), n floats
    (local $k i32)
    ${doLoop('$v', '$k', '(i32.const 0)', '(i32.shl (local.get $n) (i32.const 2))', 16, `
      (v128.store (i32.add (local.get $dst) (local.get $k)) (v128.load (i32.add (local.get $src) (local.get $k))))`)})

  (func $addto (param $dst i32) (param $src i32) (param $n i32)
    ;; dst[0…n) += src[0…n), n floats
    (local $k i32) (local $p i32)
    ${doLoop('$v', '$k', '(i32.const 0)', '(i32.shl (local.get $n) (i32.const 2))', 16, `
      (local.set $p (i32.add (local.get $dst) (local.get $k)))
      (v128.store (local.get $p) (f32x4.add (v128.load (local.get $p)) (v128.load (i32.add (local.get $src) (local.get $k)))))`)})

  (func $zero (param $dst i32) (param $n i32)
    ;; dst[0…n) = 0, n floats
    (local $k i32)
    ${doLoop('$v', '$k', '(i32.const 0)', '(i32.shl (local.get $n) (i32.const 2))', 16, `
      (v128.store (i32.add (local.get $dst) (local.get $k)) ${ZERO})`)})
`;
