/**
 * The gates view's layout and model on extreme values: records whose gates, candidates, cell and hidden states
 * run from 1e-300 to 1e300, the ends of the double range, ±0, NaN and ±∞ (built with syntheticRecord). The diagram's
 * geometry stays finite, every printed number reads back as the value it names, the memory unit's share is a
 * true share, the heatmaps are sized for any width, T and H; nothing throws.
 */
import { describe, expect, it } from 'vitest';
import type { InspectRecord } from '../../../src/engine/session';
import { gruValues, lstmValues } from '../../../src/views/gates/cell-values';
import type { DiagramSpec } from '../../../src/views/gates/diagram-layout';
import { diagramScale, edgeShape, gruDiagram, inkOn, lstmDiagram, MIN_SCALE, strokeWidth, THICK, THIN, wireColor } from '../../../src/views/gates/diagram-layout';
import { CELL_H, CELL_W, fmt, focusStep, heatmapSizing, longestLabel, panelRows, parseFmt, rasterFor, valueAt } from '../../../src/views/gates/gates-layout';
import { findMemoryUnit, latches, memoryStats, sharePercent } from '../../../src/views/gates/memory-unit';
import { maxAbs } from '../../../src/views/kit/colors';
import { BROKEN, failures, near, pick, POOL, rng, show, unreadable } from '../extremes';
import { syntheticRecord } from './fixtures';

/** What a sigmoid gate can hold (0 … 1, underflowed, NaN), what tanh can (−1 … 1), and anything at all. */
const GATE = [0, -0, 1e-300, 5e-324, 1e-12, 0.5, 1 - 1e-12, 1, NaN];
const TANH = [...GATE, -1, -0.5, -1e-300, -1e-12];
const CELLS = ['lstm', 'gru'] as const;
const NAMES = { lstm: ['f', 'i', 'g', 'o'], gru: ['z', 'r', 'n'] } as const;

/** A record of T × H with gates drawn from `gates` (candidates g/n from `signed`) and c, h from `states`. */
function extremeRecord(r: () => number, cell: 'lstm' | 'gru', T: number, H: number, pools: { gates: readonly number[]; signed: readonly number[]; states: readonly number[] }): InspectRecord {
  const names = NAMES[cell];
  const gates: number[] = [];
  for (let t = 0; t < T; t++) for (const k of names) for (let u = 0; u < H; u++) gates.push(pick(r, k === 'g' || k === 'n' ? pools.signed : pools.gates));
  const c = cell === 'lstm' ? Array.from({ length: T * H }, () => pick(r, pools.states)) : [];
  const h = Array.from({ length: T * H }, () => pick(r, cell === 'lstm' ? pools.signed : pools.states));
  return syntheticRecord(names, T, H, gates, c, h);
}

/** Why a printed "caption = number" is false, or null: the number reads back as the value (3 decimals, or 3 significant digits beyond 10⁶); "—" only for NaN and ±∞. */
function falseNumber(text: string, v: number): string | null {
  const s = text.slice(text.lastIndexOf('= ') + 2);
  if (!Number.isFinite(v)) return s === '—' ? null : `${s} for ${show(v)}`;
  const u = unreadable(s, 11);
  if (u) return `${s}: ${u}`;
  if (Math.abs(v) >= 1e6) return near(s, v, 5.0001e-3) ? null : `${s} for ${show(v)}`;
  return Math.abs(parseFmt(s) - v) <= 5.0001e-4 ? null : `${s} for ${show(v)}`;
}

function checkDiagram(spec: DiagramSpec, f: ReturnType<typeof failures>, what: () => string) {
  for (const n of spec.nodes) {
    f.check([n.x, n.y, n.w, n.h].every(Number.isFinite), () => `${what()}: node ${n.id} at ${n.x},${n.y}`);
    f.check(!BROKEN.test(n.text), () => `${what()}: node ${n.id} "${n.text}"`);
    if (n.shape === 'box' && n.text.includes('=')) {
      const bad = falseNumber(n.text, n.value);
      f.check(bad === null, () => `${what()}: node ${n.id} "${n.text}": ${bad}`);
    }
    f.check(/^#[0-9a-f]{6}$/.test(inkOn(n.paint, n.value)), () => `${what()}: ink ${n.id}`);
  }
  for (const e of spec.edges) {
    const w = strokeWidth(e.value, e.ref);
    f.check(w >= THIN && w <= THICK, () => `${what()}: edge ${e.id} width ${show(w)} for ${show(e.value)} / ${show(e.ref)}`);
    const { d, head } = edgeShape(e.points, w, e.arrow);
    f.check(!/NaN|Infinity/.test(d + (head ?? '')), () => `${what()}: edge ${e.id} ${d} ${head}`);
    f.check(/^(#[0-9a-f]{6}|rgb\(\d{1,3}, \d{1,3}, \d{1,3}\))$/.test(wireColor(e.paint, e.value)), () => `${what()}: colour ${e.id} ${wireColor(e.paint, e.value)}`);
  }
  for (const l of spec.labels) {
    f.check(Number.isFinite(l.x) && Number.isFinite(l.y) && l.x >= 0 && l.x <= spec.width && l.y >= 0 && l.y <= spec.height, () => `${what()}: label ${l.q} at ${l.x},${l.y}`);
    const bad = falseNumber(l.text, l.value);
    f.check(bad === null, () => `${what()}: label ${l.q} "${l.text}": ${bad}`);
  }
}

describe('gates-layout on extremes', () => {
  it('fmt: 3 decimals that read back within half a unit, 3 significant digits beyond 10⁶, a true minus sign, "—" for NaN and ±∞', () => {
    const f = failures();
    const vs = [...POOL, 4.999e-4, 5e-4, -5e-4, 999999.9996, -0.0004];
    for (let e = -320; e <= 308; e += 3) vs.push(10 ** e, -1.5465736937803773 * 10 ** e);
    for (const v of vs) {
      const s = fmt(v);
      const bad = falseNumber(`x = ${s}`, v);
      f.check(bad === null && !s.includes('-'), () => `fmt(${show(v)}) = ${s}: ${bad ?? 'hyphen for a minus'}`);
    }
    expect(f.list).toEqual([]);
  });

  it('heatmapSizing: whole cells within their bounds, label spacing ≥ 1, panels finite, for any width, T, H and label length', () => {
    const f = failures();
    for (const width of [0, 1, 300, 1200, 1e6]) for (const T of [1, 11, 400, 100000]) for (const H of [1, 6, 512]) for (const perRow of [1, 2, 3]) for (const chars of [1, 40, 1000]) {
      const z = heatmapSizing(width, T, H, perRow, chars);
      const what = () => `width ${width}, T ${T}, H ${H}, ${perRow} per row, ${chars} chars: ${JSON.stringify(z)}`;
      f.check(Object.values(z).every((v) => Number.isInteger(v) && v >= 1), () => what());
      f.check(z.cellW >= CELL_W.min && z.cellW <= CELL_W.max && z.cellH >= CELL_H.min && z.cellH <= CELL_H.max && z.columns <= perRow, () => what());
      // labels every labelEvery steps never overlap: each has labelPixels of room
      f.check(z.labelEvery * z.cellW >= Math.max(14, 8 * chars + 6), () => what());
      f.check(rasterFor(T, H) === T * H > 1024, () => what());
    }
    expect(f.list).toEqual([]);
  });

  it('panelRows, valueAt, focusStep and longestLabel: every quantity of every cell, read exactly', () => {
    const f = failures();
    const r = rng(41);
    for (const cell of CELLS) for (let i = 0; i < 20; i++) {
      const T = 1 + Math.floor(r() * 6);
      const H = 1 + Math.floor(r() * 3);
      const rec = extremeRecord(r, cell, T, H, { gates: POOL, signed: POOL, states: POOL });
      for (const row of panelRows(rec)) for (const p of row) for (let t = 0; t < T; t++) for (let u = 0; u < H; u++) {
        const v = valueAt(rec, p.name, t, u);
        const want = p.name === 'h' ? rec.h[t * H + u] : p.name === 'c' ? rec.c[t * H + u] : rec.gates[(t * NAMES[cell].length + NAMES[cell].indexOf(p.name as never)) * H + u];
        f.check(Object.is(v, want), () => `${cell} ${p.name}[${t},${u}] = ${show(v)}, not ${show(want)}`);
      }
      for (const t of [null, -Infinity, -1, 0, T - 1, T, 1e300, Infinity]) {
        const s = focusStep(t, T);
        f.check(Number.isInteger(s) && s >= 0 && s < T, () => `focusStep(${show(t)}, ${T}) = ${s}`);
      }
    }
    f.check(longestLabel([]) === 1 && longestLabel(['', 'abc']) === 3, () => 'longestLabel');
    expect(f.list).toEqual([]);
  });
});

describe('diagram-layout and cell-values on extremes', () => {
  it('lstmDiagram and gruDiagram: finite geometry, every number printed as the value it names, for gates, candidates and states of any size', () => {
    const f = failures();
    const r = rng(42);
    const pools = [
      { gates: GATE, signed: TANH, states: POOL }, // what the cells can hold: states of any size
      { gates: POOL, signed: POOL, states: POOL }, // anything at all: nothing throws, nothing is NaN
    ];
    for (const pool of pools) for (const cell of CELLS) for (let i = 0; i < 40; i++) {
      const T = 1 + Math.floor(r() * 4);
      const H = 1 + Math.floor(r() * 3);
      const rec = extremeRecord(r, cell, T, H, pool);
      const cRef = Math.max(1, maxAbs(rec.c));
      for (let t = 0; t < T; t++) for (let u = 0; u < H; u++) {
        const what = () => `${cell} record ${i} (${pool.gates === GATE ? 'cell ranges' : 'any values'}) t ${t} u ${u}`;
        if (cell === 'lstm') {
          const v = lstmValues(rec, t, u);
          // the values are the record's, and the products are the products of what is printed beside them
          f.check(Object.is(v.c, rec.c[t * H + u]) && Object.is(v.cPrev, t === 0 ? 0 : rec.c[(t - 1) * H + u]) && Object.is(v.kept, v.f * v.cPrev) && Object.is(v.written, v.i * v.g), () => `${what()}: values`);
          checkDiagram(lstmDiagram(v, cRef), f, what);
        } else {
          const v = gruValues(rec, t, u);
          f.check(Object.is(v.h, rec.h[t * H + u]) && Object.is(v.hPrev, t === 0 ? 0 : rec.h[(t - 1) * H + u]) && Object.is(v.kept, v.z * v.hPrev) && Object.is(v.written, (1 - v.z) * v.n), () => `${what()}: values`);
          checkDiagram(gruDiagram(v), f, what);
        }
      }
    }
    expect(f.list).toEqual([]);
  });

  it('strokeWidth, edgeShape, diagramScale: finite for any value, reference and width', () => {
    const f = failures();
    for (const v of POOL) for (const ref of POOL) {
      const w = strokeWidth(v, ref);
      f.check(w >= THIN && w <= THICK, () => `strokeWidth(${show(v)}, ${show(ref)}) = ${w}`);
    }
    for (const w of [0, THIN, THICK, 1e300]) {
      const { d, head } = edgeShape([[0, 0], [0, 0]], w, true);
      f.check(!/NaN|Infinity/.test(d + head), () => `edgeShape of a point, width ${w}: ${d} ${head}`);
    }
    for (const a of [0, 1, 300, 720, 1e6]) {
      const s = diagramScale(a, 720);
      f.check(s >= MIN_SCALE && s <= 1, () => `diagramScale(${a}) = ${s}`);
    }
    expect(f.list).toEqual([]);
  });
});

describe('memory-unit on extremes', () => {
  it('memoryStats and findMemoryUnit: a share in [0, 1] that is |kept| / (|kept| + written), printed without lying', () => {
    const f = failures();
    const r = rng(43);
    const pools = [
      { gates: GATE, signed: TANH, states: POOL },
      { gates: POOL, signed: POOL, states: POOL },
    ];
    for (const pool of pools) for (const cell of CELLS) for (let i = 0; i < 60; i++) {
      const T = 2 + Math.floor(r() * 6);
      const H = 1 + Math.floor(r() * 3);
      const rec = extremeRecord(r, cell, T, H, pool);
      for (let from = 0; from < T - 1; from++) for (let u = 0; u < H; u++) {
        const s = memoryStats(rec, u, from)!;
        const what = () => `${cell} record ${i} (${pool.gates === GATE ? 'cell ranges' : 'any values'}) from ${from} unit ${u}: ${JSON.stringify(s)}`;
        const p = sharePercent(s.share);
        f.check(!BROKEN.test(p) && p.length <= 7, () => `${what()}: "${p}"`);
        // gates outside [0, 1] make `written` negative: a share of nothing; only that nothing breaks
        if (pool.gates !== GATE) continue;
        const k = Math.abs(s.kept);
        const w = s.written;
        if (Number.isNaN(k) || Number.isNaN(w) || (k === Infinity && w === Infinity)) {
          f.check(Number.isNaN(s.share) && sharePercent(s.share) === '—', () => `${what()}: share of what is not a number`);
          continue;
        }
        // the true share, without overflow: kept and written are non-negative
        const want = k === 0 ? 0 : w === 0 ? 1 : k >= w ? 1 / (1 + w / k) : k / w / (1 + k / w);
        f.check(s.share >= 0 && s.share <= 1 && Math.abs(s.share - want) <= 1e-12, () => `${what()}: share ${s.share}, not ${want}`);
        // "0%" and "100%" only when exactly so
        f.check((p === '0%') === (s.share === 0) && (p === '100%') === (s.share === 1), () => `${what()}: "${p}"`);
        f.check(typeof latches(s) === 'boolean', () => what());
      }
      if (pool.gates !== GATE) continue;
      // the unit named keeps the largest share there is; a NaN share only when every unit's is NaN
      const best = findMemoryUnit(rec)!;
      const shares = Array.from({ length: H }, (_, u) => memoryStats(rec, u)!.share).filter((x) => !Number.isNaN(x));
      f.check(shares.length === 0 ? Number.isNaN(best.share) : best.share === Math.max(...shares), () => `best unit ${JSON.stringify(best)} of ${shares}`);
    }
    expect(f.list).toEqual([]);
  });
});
