import { ZERO, doLoop, get, splat } from './wat-macros';

/**
 * One time step of each cell, forward and backward, in float32 on the layout of layout.ts: the equations of
 * src/engine/cells/*.ts (their comments give the maths), four hidden units at a time. Hidden vectors are Hp
 * floats (H rounded up to a multiple of 4); the padded units have zero weights in and out, so they never reach
 * a real unit, and their gradients are dropped when copied out. With recurrence off, h_{t−1} and c_{t−1} are read
 * from a zero vector and nothing flows back to step t−1.
 */

/** Declares and sets $hb (bytes per hidden vector) and $a (the gate rows of step t). */
const stepLocals = `
    (local.set $hb (i32.shl (global.get $Hp) (i32.const 2)))
    (local.set $a (i32.add (global.get $gates) (i32.mul (local.get $t) (i32.shl (global.get $GHp) (i32.const 2)))))`;
/** Row t of a per-step array of hidden vectors (h_{t−1} for hs and cs, which start with the initial state). */
const row = (base: string, t = '(local.get $t)'): string => `(i32.add (global.get ${base}) (i32.mul ${t} (local.get $hb)))`;
const next = '(i32.add (local.get $t) (i32.const 1))';
/** the vector at byte offset j of the hidden vector at `p` (plus k hidden vectors, for gate blocks) */
const at = (p: string, k = 0): string => (k === 0 ? `(i32.add (local.get ${p}) (local.get $j))` : `(i32.add (i32.add (local.get ${p}) (i32.mul (local.get $hb) (i32.const ${k}))) (local.get $j))`);
const ld = (p: string, k = 0): string => `(v128.load ${at(p, k)})`;
const st = (p: string, v: string, k = 0): string => `(v128.store ${at(p, k)} ${v})`;
const ONE = splat(1);
const mulv = (...xs: string[]): string => xs.reduce((acc, x) => `(f32x4.mul ${acc} ${x})`);
/** s(1 − s): σ′ from σ */
const dsig = (s: string): string => `(f32x4.mul ${s} (f32x4.sub ${ONE} ${s}))`;
/** 1 − s²: tanh′ from tanh */
const dtanh = (s: string): string => `(f32x4.sub ${ONE} (f32x4.mul ${s} ${s}))`;
const eachUnit = (body: string): string => doLoop('$units', '$j', '(i32.const 0)', get('$hb'), 16, body);

export const CELLS_WAT = `
  (func $preact (param $t i32) (param $a i32)
    ;; a = b + Wx x_t over all gate rows: a column of Wx when x_t is one-hot (hot[t] ≥ 0), else a product
    (local $k i32) (local $r i32) (local $col i32) (local $ib i32) (local $p i32)
    (call $copy (local.get $a) (global.get $b) (global.get $GHp))
    (local.set $k (i32.load (i32.add (global.get $hot) (i32.shl (local.get $t) (i32.const 2)))))
    (local.set $ib (i32.shl (global.get $Ip) (i32.const 2)))
    (if (i32.ge_s (local.get $k) (i32.const 0))
      (then
        (local.set $col (i32.add (global.get $wx) (i32.shl (local.get $k) (i32.const 2))))
        ${doLoop('$rows', '$r', '(i32.const 0)', '(i32.shl (global.get $GHp) (i32.const 2))', 4, `
          (local.set $p (i32.add (local.get $a) (local.get $r)))
          (f32.store (local.get $p) (f32.add (f32.load (local.get $p)) (f32.load (local.get $col))))
          (local.set $col (i32.add (local.get $col) (local.get $ib)))`)})
      (else
        (call $gemv_n (local.get $a) (global.get $wx) (local.get $ib) (global.get $GHp)
          (i32.add (global.get $x) (i32.mul (local.get $t) (local.get $ib))) (global.get $Ip)))))

  (func $rnn_fwd (param $t i32)
    ;; h_t = act(b + Wx x_t + Wh h_{t−1}); the gate row holds h_t too
    (local $hb i32) (local $a i32) (local $hn i32) (local $j i32) (local $v v128)
    ${stepLocals}
    (call $preact (local.get $t) (local.get $a))
    (if (global.get $rec) (then
      (call $gemv_n (local.get $a) (global.get $wh) (local.get $hb) (global.get $Hp) ${row('$hs')} (global.get $Hp))))
    (local.set $hn ${row('$hs', next)})
    ${eachUnit(`
      (local.set $v ${ld('$a')})
      (local.set $v
        (if (result v128) (i32.eqz (global.get $act)) (then (call $tanh4 (local.get $v)))
          (else (if (result v128) (i32.eq (global.get $act) (i32.const 1))
            (then (v128.and (local.get $v) (f32x4.gt (local.get $v) ${ZERO})))
            (else (if (result v128) (i32.eq (global.get $act) (i32.const 2))
              (then (call $sig4 (local.get $v)))
              (else (local.get $v))))))))
      ${st('$a', '(local.get $v)')}
      ${st('$hn', '(local.get $v)')}`)})

  (func $rnn_bwd (param $t i32)
    ;; da = dh ⊙ act′ (from h: tanh 1 − h², σ h(1 − h), relu [h > 0], linear 1); dA[t] += da; dhNext = Whᵀ da
    (local $hb i32) (local $a i32) (local $j i32) (local $h v128) (local $dh v128)
    ${stepLocals}
    ${eachUnit(`
      (local.set $h ${ld('$a')})
      (local.set $dh (v128.load (i32.add (global.get $dh) (local.get $j))))
      (v128.store (i32.add (global.get $da) (local.get $j))
        (if (result v128) (i32.eqz (global.get $act)) (then (f32x4.mul (local.get $dh) ${dtanh('(local.get $h)')}))
          (else (if (result v128) (i32.eq (global.get $act) (i32.const 1))
            (then (v128.and (local.get $dh) (f32x4.gt (local.get $h) ${ZERO})))
            (else (if (result v128) (i32.eq (global.get $act) (i32.const 2))
              (then (f32x4.mul (local.get $dh) ${dsig('(local.get $h)')}))
              (else (local.get $dh))))))))`)}
    (call $backToPrev (local.get $t) (global.get $Hp)))

  (func $lstm_fwd (param $t i32)
    ;; f = σ(a_f) (or tanh), i = σ(a_i), g = tanh(a_g), o = σ(a_o); c_t = f ⊙ c_{t−1} + i ⊙ g; h_t = o ⊙ tanh c_t
    (local $hb i32) (local $a i32) (local $hp i32) (local $cp i32) (local $cn i32) (local $hn i32) (local $tcp i32) (local $j i32)
    (local $f v128) (local $i v128) (local $g v128) (local $o v128) (local $c v128) (local $th v128)
    ${stepLocals}
    (call $preact (local.get $t) (local.get $a))
    (local.set $hp (global.get $zeros))
    (local.set $cp (global.get $zeros))
    (if (global.get $rec) (then
      (local.set $hp ${row('$hs')})
      (local.set $cp ${row('$cs')})
      (call $gemv_n (local.get $a) (global.get $wh) (local.get $hb) (global.get $GHp) (local.get $hp) (global.get $Hp))))
    (local.set $cn ${row('$cs', next)})
    (local.set $hn ${row('$hs', next)})
    (local.set $tcp ${row('$tc')})
    ${eachUnit(`
      (local.set $f ${ld('$a')})
      (local.set $f (if (result v128) (global.get $tanhF) (then (call $tanh4 (local.get $f))) (else (call $sig4 (local.get $f)))))
      (local.set $i (call $sig4 ${ld('$a', 1)}))
      (local.set $g (call $tanh4 ${ld('$a', 2)}))
      (local.set $o (call $sig4 ${ld('$a', 3)}))
      ${st('$a', '(local.get $f)')}
      ${st('$a', '(local.get $i)', 1)}
      ${st('$a', '(local.get $g)', 2)}
      ${st('$a', '(local.get $o)', 3)}
      (local.set $c (f32x4.add (f32x4.mul (local.get $f) ${ld('$cp')}) (f32x4.mul (local.get $i) (local.get $g))))
      (local.set $th (call $tanh4 (local.get $c)))
      ${st('$cn', '(local.get $c)')}
      ${st('$tcp', '(local.get $th)')}
      ${st('$hn', '(f32x4.mul (local.get $o) (local.get $th))')}`)})

  (func $lstm_bwd (param $t i32)
    ;; dc = dcNext + dh ⊙ o ⊙ (1 − tanh²c_t); da_f = dc ⊙ c_{t−1} ⊙ f′; da_i = dc ⊙ g ⊙ i(1 − i);
    ;; da_g = dc ⊙ i ⊙ (1 − g²); da_o = dh ⊙ tanh c_t ⊙ o(1 − o); dcNext = dc ⊙ f; dhNext = Whᵀ da
    (local $hb i32) (local $a i32) (local $cp i32) (local $tcp i32) (local $j i32) (local $keep v128)
    (local $f v128) (local $i v128) (local $g v128) (local $o v128) (local $th v128) (local $dh v128) (local $dc v128)
    ${stepLocals}
    (local.set $cp (if (result i32) (global.get $rec) (then ${row('$cs')}) (else (global.get $zeros))))
    (local.set $tcp ${row('$tc')})
    ;; all ones with recurrence on, zero with it off: nothing flows to c_{t−1}
    (local.set $keep (if (result v128) (global.get $rec) (then (v128.not ${ZERO})) (else ${ZERO})))
    ${eachUnit(`
      (local.set $f ${ld('$a')})
      (local.set $i ${ld('$a', 1)})
      (local.set $g ${ld('$a', 2)})
      (local.set $o ${ld('$a', 3)})
      (local.set $th ${ld('$tcp')})
      (local.set $dh (v128.load (i32.add (global.get $dh) (local.get $j))))
      (local.set $dc (f32x4.add (v128.load (i32.add (global.get $dcn) (local.get $j)))
        ${mulv('(local.get $dh)', '(local.get $o)', dtanh('(local.get $th)'))}))
      (v128.store (i32.add (global.get $da) (local.get $j))
        ${mulv('(local.get $dc)', ld('$cp'), `(if (result v128) (global.get $tanhF) (then ${dtanh('(local.get $f)')}) (else ${dsig('(local.get $f)')}))`)})
      (v128.store (i32.add (i32.add (global.get $da) (local.get $hb)) (local.get $j)) ${mulv('(local.get $dc)', '(local.get $g)', dsig('(local.get $i)'))})
      (v128.store (i32.add (i32.add (global.get $da) (i32.shl (local.get $hb) (i32.const 1))) (local.get $j)) ${mulv('(local.get $dc)', '(local.get $i)', dtanh('(local.get $g)'))})
      (v128.store (i32.add (i32.add (global.get $da) (i32.mul (local.get $hb) (i32.const 3))) (local.get $j)) ${mulv('(local.get $dh)', '(local.get $th)', dsig('(local.get $o)'))})
      (v128.store (i32.add (global.get $dcn) (local.get $j)) (v128.and (f32x4.mul (local.get $dc) (local.get $f)) (local.get $keep)))`)}
    (call $backToPrev (local.get $t) (global.get $GHp)))

  (func $gru_fwd (param $t i32)
    ;; z, r = σ(b + Wx x_t + Wh h_{t−1}); n = tanh(b_n + Wxn x_t + Whn (r ⊙ h_{t−1})); h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
    (local $hb i32) (local $a i32) (local $hp i32) (local $rhp i32) (local $hn i32) (local $j i32) (local $z v128) (local $r v128) (local $n v128)
    ${stepLocals}
    (call $preact (local.get $t) (local.get $a))
    (local.set $hp (if (result i32) (global.get $rec) (then ${row('$hs')}) (else (global.get $zeros))))
    (if (global.get $rec) (then
      (call $gemv_n (local.get $a) (global.get $wh) (local.get $hb) (i32.shl (global.get $Hp) (i32.const 1)) (local.get $hp) (global.get $Hp))))
    (local.set $rhp ${row('$rh')})
    ${eachUnit(`
      ${st('$a', `(call $sig4 ${ld('$a')})`)}
      (local.set $r (call $sig4 ${ld('$a', 1)}))
      ${st('$a', '(local.get $r)', 1)}
      ${st('$rhp', `(f32x4.mul (local.get $r) ${ld('$hp')})`)}`)}
    (if (global.get $rec) (then
      (call $gemv_n (i32.add (local.get $a) (i32.shl (local.get $hb) (i32.const 1)))
        (i32.add (global.get $wh) (i32.mul (i32.shl (global.get $Hp) (i32.const 1)) (local.get $hb)))
        (local.get $hb) (global.get $Hp) (local.get $rhp) (global.get $Hp))))
    (local.set $hn ${row('$hs', next)})
    ${eachUnit(`
      (local.set $n (call $tanh4 ${ld('$a', 2)}))
      ${st('$a', '(local.get $n)', 2)}
      (local.set $z ${ld('$a')})
      ${st('$hn', `(f32x4.add (f32x4.mul (f32x4.sub ${ONE} (local.get $z)) (local.get $n)) (f32x4.mul (local.get $z) ${ld('$hp')}))`)}`)})

  (func $gru_bwd (param $t i32)
    ;; da_n = dh ⊙ (1 − z) ⊙ (1 − n²); da_z = dh ⊙ (h_{t−1} − n) ⊙ z(1 − z); d(r⊙h) = Whnᵀ da_n;
    ;; da_r = d(r⊙h) ⊙ h_{t−1} ⊙ r(1 − r); dhNext = dh ⊙ z + d(r⊙h) ⊙ r + Whzᵀ da_z + Whrᵀ da_r
    (local $hb i32) (local $a i32) (local $hp i32) (local $j i32) (local $z v128) (local $n v128) (local $r v128) (local $dh v128)
    ${stepLocals}
    (local.set $hp (if (result i32) (global.get $rec) (then ${row('$hs')}) (else (global.get $zeros))))
    ${eachUnit(`
      (local.set $z ${ld('$a')})
      (local.set $n ${ld('$a', 2)})
      (local.set $dh (v128.load (i32.add (global.get $dh) (local.get $j))))
      (v128.store (i32.add (i32.add (global.get $da) (i32.shl (local.get $hb) (i32.const 1))) (local.get $j))
        ${mulv('(local.get $dh)', `(f32x4.sub ${ONE} (local.get $z))`, dtanh('(local.get $n)'))})
      (v128.store (i32.add (global.get $da) (local.get $j))
        ${mulv('(local.get $dh)', `(f32x4.sub ${ld('$hp')} (local.get $n))`, dsig('(local.get $z)'))})`)}
    (call $zero (global.get $drh) (global.get $Hp))
    (call $gemv_t (global.get $drh) (i32.add (global.get $wh) (i32.mul (i32.shl (global.get $Hp) (i32.const 1)) (local.get $hb)))
      (local.get $hb) (global.get $Hp) (i32.add (global.get $da) (i32.shl (local.get $hb) (i32.const 1))) (global.get $Hp))
    ${eachUnit(`
      (local.set $r ${ld('$a', 1)})
      (v128.store (i32.add (i32.add (global.get $da) (local.get $hb)) (local.get $j))
        ${mulv('(v128.load (i32.add (global.get $drh) (local.get $j)))', ld('$hp'), dsig('(local.get $r)'))})
      (v128.store (i32.add (global.get $dhn) (local.get $j))
        (f32x4.add (f32x4.mul (v128.load (i32.add (global.get $dh) (local.get $j))) ${ld('$a')})
                   (f32x4.mul (v128.load (i32.add (global.get $drh) (local.get $j))) (local.get $r))))`)}
    (if (global.get $rec)
      (then (call $gemv_t (global.get $dhn) (global.get $wh) (local.get $hb) (i32.shl (global.get $Hp) (i32.const 1)) (global.get $da) (global.get $Hp)))
      (else (call $zero (global.get $dhn) (global.get $Hp))))
    (call $addto (i32.add (global.get $dA) (i32.mul (local.get $t) (i32.shl (global.get $GHp) (i32.const 2)))) (global.get $da) (global.get $GHp)))

  (func $backToPrev (param $t i32) (param $rows i32)
    ;; dA[t] += da (the first rows of da); dhNext = Whᵀ da over those rows, 0 with recurrence off
    (call $addto (i32.add (global.get $dA) (i32.mul (local.get $t) (i32.shl (global.get $GHp) (i32.const 2)))) (global.get $da) (global.get $GHp))
    (call $zero (global.get $dhn) (global.get $Hp))
    (if (global.get $rec) (then
      (call $gemv_t (global.get $dhn) (global.get $wh) (i32.shl (global.get $Hp) (i32.const 2)) (local.get $rows) (global.get $da) (global.get $Hp)))))
`;
