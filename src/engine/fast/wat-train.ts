import { CELLS_WAT } from './wat-cells';
import { LINALG_WAT } from './wat-linalg';
import { doLoop, get } from './wat-macros';
import { MATH_WAT } from './wat-math';

/**
 * Names of the module's exported i32 globals, which the host sets once per network (layout.ts): sizes and
 * switches, then the byte address of every buffer in memory.
 */
export const GLOBALS = [
  // sizes (floats) and switches
  'Hp', 'O', 'Op', 'Ip', 'GHp', 'cell', 'act', 'rec', 'tanhF', 'head',
  // θ in float32: Wx (G·Hp × Ip), Wh (G·Hp × Hp), b, Why (Op × Hp), by; and its gradient in the same layout
  'wx', 'wh', 'b', 'why', 'by', 'gwx', 'gwh', 'gb', 'gwhy', 'gby',
  // the sequence: dense x (T × Ip), one-hot index, class target, linear target (T × Op), mask (i32 each)
  'x', 'hot', 'tgt', 'ytgt', 'mask',
  // the forward pass: h (T+1 rows, row 0 = h0), c (T+1), tanh c, gate values (T × G·Hp), r ⊙ h_{t−1}, y, p,
  // softmax (max, sum) per step, linear loss per step
  'hs', 'cs', 'tc', 'gates', 'rh', 'ys', 'ps', 'norm', 'loss',
  // the backward pass: ∂L/∂a_t and ∂L/∂y_t per step, and the scratch vectors of one step; a zero hidden vector
  'dA', 'dY', 'dh', 'dhn', 'dcn', 'da', 'dy', 'drh', 'zeros',
] as const;
export type GlobalName = (typeof GLOBALS)[number];

/** Cell codes of the `cell` global. */
export const CELL_CODE = { rnn: 0, lstm: 1, gru: 2 } as const;
/** Activation codes of the `act` global (vanilla RNN). */
export const ACT_CODE = { tanh: 0, relu: 1, sigmoid: 2, linear: 3 } as const;

const stepDispatch = (suffix: 'fwd' | 'bwd'): string => `
      (if (i32.eq (global.get $cell) (i32.const 1)) (then (call $lstm_${suffix} (local.get $t)))
        (else (if (i32.eq (global.get $cell) (i32.const 2)) (then (call $gru_${suffix} (local.get $t)))
          (else (call $rnn_${suffix} (local.get $t))))))`;

const HEAD_WAT = `
  (func $head_fwd (param $t i32) (result f32)
    ;; y_t = by + Why h_t. Softmax: p_t = e^{y − m}/z with m = max y, z = Σ e^{y − m} over the O real classes;
    ;; (m, z) kept per step, so ℓ_t = m + log z − y_k is formed by the host in double. Linear: returns ½‖y − target‖².
    (local $ob i32) (local $y i32) (local $p i32) (local $j i32) (local $r i32) (local $m f32) (local $z f32) (local $acc v128) (local $d v128)
    (local.set $ob (i32.shl (global.get $Op) (i32.const 2)))
    (local.set $y (i32.add (global.get $ys) (i32.mul (local.get $t) (local.get $ob))))
    (call $copy (local.get $y) (global.get $by) (global.get $Op))
    (call $gemv_n (local.get $y) (global.get $why) (i32.shl (global.get $Hp) (i32.const 2)) (global.get $Op)
      (i32.add (global.get $hs) (i32.mul (i32.add (local.get $t) (i32.const 1)) (i32.shl (global.get $Hp) (i32.const 2)))) (global.get $Hp))
    (if (result f32) (global.get $head)
      (then
        (local.set $acc (v128.const i32x4 0 0 0 0))
        ${doLoop('$out', '$j', '(i32.const 0)', get('$ob'), 16, `
          (local.set $d (f32x4.sub (v128.load (i32.add (local.get $y) (local.get $j)))
            (v128.load (i32.add (i32.add (global.get $ytgt) (i32.mul (local.get $t) (local.get $ob))) (local.get $j)))))
          (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $d) (local.get $d))))`)}
        (f32.mul (f32.const 0.5) (f32.add
          (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
          (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc))))))
      (else
        (local.set $m (f32.const -inf))
        ${doLoop('$max', '$r', '(i32.const 0)', '(i32.shl (global.get $O) (i32.const 2))', 4, `
          (local.set $m (f32.max (local.get $m) (f32.load (i32.add (local.get $y) (local.get $r)))))`)}
        (local.set $p (i32.add (global.get $ps) (i32.mul (local.get $t) (local.get $ob))))
        ${doLoop('$exp', '$j', '(i32.const 0)', get('$ob'), 16, `
          (v128.store (i32.add (local.get $p) (local.get $j))
            (call $exp4 (f32x4.sub (v128.load (i32.add (local.get $y) (local.get $j))) (f32x4.splat (local.get $m)))))`)}
        ;; the padded classes are not classes: probability 0
        (local.set $r (i32.shl (global.get $O) (i32.const 2)))
        (block $padded (loop $pad
          (br_if $padded (i32.ge_u (local.get $r) (local.get $ob)))
          (f32.store (i32.add (local.get $p) (local.get $r)) (f32.const 0))
          (local.set $r (i32.add (local.get $r) (i32.const 4)))
          (br $pad)))
        (local.set $z (f32.const 0))
        ${doLoop('$sum', '$r', '(i32.const 0)', '(i32.shl (global.get $O) (i32.const 2))', 4, `
          (local.set $z (f32.add (local.get $z) (f32.load (i32.add (local.get $p) (local.get $r)))))`)}
        ${doLoop('$norm', '$j', '(i32.const 0)', get('$ob'), 16, `
          (v128.store (i32.add (local.get $p) (local.get $j)) (f32x4.div (v128.load (i32.add (local.get $p) (local.get $j))) (f32x4.splat (local.get $z))))`)}
        (f32.store (i32.add (global.get $norm) (i32.shl (local.get $t) (i32.const 3))) (local.get $m))
        (f32.store offset=4 (i32.add (global.get $norm) (i32.shl (local.get $t) (i32.const 3))) (local.get $z))
        (f32.const 0))))

  (func $head_bwd (param $t i32) (param $scale f32)
    ;; dy = scale·(p_t − e_k) (softmax) or scale·(y_t − target_t) (linear); dY[t] += dy; dh += Whyᵀ dy
    (local $ob i32) (local $j i32) (local $k i32) (local $sv v128) (local $row i32)
    (local.set $ob (i32.shl (global.get $Op) (i32.const 2)))
    (local.set $row (i32.mul (local.get $t) (local.get $ob)))
    (local.set $sv (f32x4.splat (local.get $scale)))
    (if (global.get $head)
      (then ${doLoop('$lin', '$j', '(i32.const 0)', get('$ob'), 16, `
        (v128.store (i32.add (global.get $dy) (local.get $j)) (f32x4.mul (local.get $sv)
          (f32x4.sub (v128.load (i32.add (i32.add (global.get $ys) (local.get $row)) (local.get $j)))
                     (v128.load (i32.add (i32.add (global.get $ytgt) (local.get $row)) (local.get $j))))))`)})
      (else
        ${doLoop('$soft', '$j', '(i32.const 0)', get('$ob'), 16, `
          (v128.store (i32.add (global.get $dy) (local.get $j))
            (f32x4.mul (local.get $sv) (v128.load (i32.add (i32.add (global.get $ps) (local.get $row)) (local.get $j)))))`)}
        (local.set $k (i32.shl (i32.load (i32.add (global.get $tgt) (i32.shl (local.get $t) (i32.const 2)))) (i32.const 2)))
        (f32.store (i32.add (global.get $dy) (local.get $k))
          (f32.mul (local.get $scale) (f32.sub (f32.load (i32.add (i32.add (global.get $ps) (local.get $row)) (local.get $k))) (f32.const 1))))))
    (call $addto (i32.add (global.get $dY) (local.get $row)) (global.get $dy) (global.get $Op))
    (call $gemv_t (global.get $dh) (global.get $why) (i32.shl (global.get $Hp) (i32.const 2)) (global.get $Op) (global.get $dy) (global.get $Hp)))
`;

const TRAIN_WAT = `
  (func (export "forward") (param $T i32)
    ;; steps 0…T−1 from h0 = c0 = 0 (rows 0 of hs and cs, zeroed by the host); the loss parts of each step
    (local $t i32)
    ${doLoop('$steps', '$t', '(i32.const 0)', get('$T'), 1, `
      ${stepDispatch('fwd')}
      (f32.store (i32.add (global.get $loss) (i32.shl (local.get $t) (i32.const 2))) (call $head_fwd (local.get $t)))`)})

  (func (export "sweep") (param $from i32) (param $to i32) (param $only i32) (param $scale f32)
    ;; backward from step \`from\` down to \`to\` (≤ from), starting from ∂/∂h = ∂/∂c = 0 after \`from\`; a scored step
    ;; injects its error (weight \`scale\`) when only < 0 or only = t. ∂L/∂a_t and ∂L/∂y_t are added to dA, dY.
    (local $t i32)
    (call $zero (global.get $dhn) (global.get $Hp))
    (call $zero (global.get $dcn) (global.get $Hp))
    (local.set $t (local.get $from))
    (loop $steps
      (call $copy (global.get $dh) (global.get $dhn) (global.get $Hp))
      (if (i32.and (i32.load (i32.add (global.get $mask) (i32.shl (local.get $t) (i32.const 2))))
                   (i32.or (i32.lt_s (local.get $only) (i32.const 0)) (i32.eq (local.get $only) (local.get $t))))
        (then (call $head_bwd (local.get $t) (local.get $scale))))
      ${stepDispatch('bwd')}
      (br_if $steps (i32.ge_s (local.tee $t (i32.sub (local.get $t) (i32.const 1))) (local.get $to)))))

  (func (export "grads") (param $T i32) (param $allHot i32)
    ;; adds to the gradient block: ∂b = Σ_t ∂a_t, ∂by = Σ_t ∂y_t, ∂Wh = Σ_t ∂a_t h_{t−1}ᵀ (GRU n rows:
    ;; Σ_t ∂a_t (r ⊙ h_{t−1})ᵀ; nothing with recurrence off), ∂Why = Σ_t ∂y_t h_tᵀ, ∂Wx = Σ_t ∂a_t x_tᵀ
    ;; (a column per step when x_t is one-hot)
    (local $t i32) (local $grow i32) (local $hb i32) (local $r i32) (local $col i32) (local $ib i32) (local $src i32)
    (local.set $grow (i32.shl (global.get $GHp) (i32.const 2)))
    (local.set $hb (i32.shl (global.get $Hp) (i32.const 2)))
    (local.set $ib (i32.shl (global.get $Ip) (i32.const 2)))
    ${doLoop('$bias', '$t', '(i32.const 0)', get('$T'), 1, `
      (call $addto (global.get $gb) (i32.add (global.get $dA) (i32.mul (local.get $t) (local.get $grow))) (global.get $GHp))
      (call $addto (global.get $gby) (i32.add (global.get $dY) (i32.mul (local.get $t) (i32.shl (global.get $Op) (i32.const 2)))) (global.get $Op))`)}
    (if (global.get $rec) (then
      (if (i32.eq (global.get $cell) (i32.const 2))
        (then
          (call $gemm_tn (global.get $gwh) (local.get $hb) (i32.shl (global.get $Hp) (i32.const 1)) (global.get $Hp)
            (global.get $dA) (local.get $grow) (global.get $hs) (local.get $hb) (local.get $T))
          (call $gemm_tn (i32.add (global.get $gwh) (i32.mul (i32.shl (global.get $Hp) (i32.const 1)) (local.get $hb))) (local.get $hb) (global.get $Hp) (global.get $Hp)
            (i32.add (global.get $dA) (i32.shl (local.get $hb) (i32.const 1))) (local.get $grow) (global.get $rh) (local.get $hb) (local.get $T)))
        (else
          (call $gemm_tn (global.get $gwh) (local.get $hb) (global.get $GHp) (global.get $Hp)
            (global.get $dA) (local.get $grow) (global.get $hs) (local.get $hb) (local.get $T))))))
    (call $gemm_tn (global.get $gwhy) (local.get $hb) (global.get $Op) (global.get $Hp)
      (global.get $dY) (i32.shl (global.get $Op) (i32.const 2)) (i32.add (global.get $hs) (local.get $hb)) (local.get $hb) (local.get $T))
    (if (local.get $allHot)
      (then ${doLoop('$cols', '$t', '(i32.const 0)', get('$T'), 1, `
        (local.set $col (i32.add (global.get $gwx) (i32.shl (i32.load (i32.add (global.get $hot) (i32.shl (local.get $t) (i32.const 2)))) (i32.const 2))))
        (local.set $src (i32.add (global.get $dA) (i32.mul (local.get $t) (local.get $grow))))
        ${doLoop('$rows', '$r', '(i32.const 0)', get('$grow'), 4, `
          (f32.store (local.get $col) (f32.add (f32.load (local.get $col)) (f32.load (i32.add (local.get $src) (local.get $r)))))
          (local.set $col (i32.add (local.get $col) (local.get $ib)))`)}`)})
      (else
        (call $gemm_tn (global.get $gwx) (local.get $ib) (global.get $GHp) (global.get $Ip)
          (global.get $dA) (local.get $grow) (global.get $x) (local.get $ib) (local.get $T)))))
`;

/** For the tests: the math kernels exported on their own (exp4, sig4, tanh4 over n floats in place). */
const MATH_EXPORTS = ['exp4', 'sig4', 'tanh4'].map((f) => `
  (func (export "${f}_n") (param $p i32) (param $n i32)
    (local $k i32)
    ${doLoop('$v', '$k', '(i32.const 0)', '(i32.shl (local.get $n) (i32.const 2))', 16, `
      (v128.store (i32.add (local.get $p) (local.get $k)) (call $${f} (v128.load (i32.add (local.get $p) (local.get $k)))))`)})`).join('\n');

/** The whole module's source text. */
export function trainModuleText(): string {
  return `(module
  (import "env" "memory" (memory 1))
  ${GLOBALS.map((n) => `(global $${n} (export "${n}") (mut i32) (i32.const 0))`).join('\n  ')}
  ${MATH_WAT}
  ${LINALG_WAT}
  ${CELLS_WAT}
  ${HEAD_WAT}
  ${TRAIN_WAT}
  ${MATH_EXPORTS}
)`;
}
