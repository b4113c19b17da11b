/**
 * Geometry of the LSTM and GRU cell diagrams, in the diagram's own units (drawn 1:1 on a wide screen):
 * the memory line along the top, the gates below it, every wire carrying a value of the selected unit
 * and step. Line width follows the size of the value, colour its sign. Pure data, tested on its own.
 */
import { divergingScale } from '../kit/colors';
import type { GruValues, LstmValues } from './cell-values';
import { fmt } from './gates-layout';

/** How a part is painted: gates on the sequential [0, 1] scale, signed values on the diverging one. */
export type Paint = 'gate' | 'signed' | 'plain';
type Pt = readonly [number, number];

/** A gate box (σ, tanh) or an operation (×, +, 1−) of the cell. `name` is what selection.highlight calls it. */
export interface DiagramNode {
  id: string;
  name: string;
  shape: 'box' | 'circle';
  x: number;
  y: number;
  /** box size, or 2·radius for a circle */
  w: number;
  h: number;
  /** the operation's sign (×, +, 1−), or the box's printed line ("f = 0.973") */
  text: string;
  /** a box's role ("forget"), printed above its value */
  role?: string;
  value: number;
  paint: Paint;
}

/** A wire: its polyline, the value it carries, how wide that makes it. */
export interface DiagramEdge {
  id: string;
  name: string;
  points: readonly Pt[];
  value: number;
  paint: 'gate' | 'signed';
  /** the magnitude drawn at full width */
  ref: number;
  arrow: boolean;
  dashed?: boolean;
}

/** A printed number beside a wire; `q` names the quantity (for tests and for the table). */
export interface DiagramLabel {
  q: string;
  name: string;
  text: string;
  value: number;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/** A whole diagram. */
export interface DiagramSpec {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  labels: DiagramLabel[];
}

/** Width in diagram units of a wire carrying 0. */
export const THIN = 2;
/** Width of a wire carrying |value| ≥ its ref. */
export const THICK = 10;

/** Width of a wire carrying v: THIN + (THICK − THIN)·min(1, |v| / ref); THIN for NaN. */
export function strokeWidth(v: number, ref: number): number {
  if (!Number.isFinite(v)) return THIN;
  const r = ref > 0 ? ref : 1;
  return THIN + (THICK - THIN) * Math.min(1, Math.abs(v) / r);
}

/** Diagram text size at scale 1, in pixels. */
export const DIAGRAM_FONT = 15;
/** The size of the smallest diagram text, the boxes' roles (gates.css .diagram-role), at scale 1. */
export const DIAGRAM_ROLE_FONT = 13;
/** The smallest drawing scale: no text shrinks below 12 px (the figure scrolls instead). */
export const MIN_SCALE = 12 / DIAGRAM_ROLE_FONT;

/** The drawing scale for `available` pixels: 1 when it fits, else shrink, but not below MIN_SCALE. */
export function diagramScale(available: number, natural: number): number {
  return Math.max(MIN_SCALE, Math.min(1, available / natural));
}

const box = (id: string, name: string, x: number, y: number, role: string, symbol: string, value: number, paint: Paint): DiagramNode => ({
  id, name, shape: 'box', x, y, w: 100, h: 46, role, text: `${symbol} = ${fmt(value)}`, value, paint,
});
const op = (id: string, name: string, x: number, y: number, text: string, value: number): DiagramNode => ({ id, name, shape: 'circle', x, y, w: 32, h: 32, text, value, paint: 'plain' });
const label = (q: string, name: string, caption: string, value: number, x: number, y: number, anchor: DiagramLabel['anchor'] = 'middle'): DiagramLabel => ({
  q, name, text: `${caption} = ${fmt(value)}`, value, x, y, anchor,
});

/**
 * The LSTM cell: the memory line c_{t−1} → ×f → +(i·g) → c_t along the top; below it the forget, input,
 * candidate and output boxes; c_t branches down through tanh to ×o, which gives h_t.
 * `cRef` is the |c| drawn at full width (the record's largest |c|, at least 1). A tanh forget gate (`forget`) is
 * painted on the signed scale, as its values lie in (−1, 1), and its box says so.
 */
export function lstmDiagram(v: LstmValues, cRef: number, forget: 'sigmoid' | 'tanh' = 'sigmoid'): DiagramSpec {
  const Y = 70; // the memory line
  const GY = 262; // the gate boxes
  const W = 720;
  const nodes: DiagramNode[] = [
    forget === 'tanh' ? box('f', 'f', 140, GY, 'forget (tanh)', 'f', v.f, 'signed') : box('f', 'f', 140, GY, 'forget', 'f', v.f, 'gate'),
    box('i', 'i', 260, GY, 'input', 'i', v.i, 'gate'),
    box('g', 'g', 380, GY, 'candidate', 'g', v.g, 'signed'),
    box('o', 'o', 500, GY, 'output', 'o', v.o, 'gate'),
    { ...box('tanh', 'c', 610, 160, '', 'tanh', v.tanhC, 'signed'), role: undefined, text: 'tanh', w: 64, h: 34 },
    op('xf', 'f', 140, Y, '×', v.kept),
    op('plus', 'c', 320, Y, '+', v.c),
    op('xw', 'i', 320, 165, '×', v.written),
    op('xo', 'o', 610, GY, '×', v.h),
  ];
  const edges: DiagramEdge[] = [
    { id: 'cPrev', name: 'c', points: [[14, Y], [124, Y]], value: v.cPrev, paint: 'signed', ref: cRef, arrow: true },
    { id: 'flushed', name: 'f', points: [[140, Y - 16], [140, 22]], value: v.flushed, paint: 'signed', ref: cRef, arrow: true, dashed: true },
    { id: 'kept', name: 'f', points: [[156, Y], [304, Y]], value: v.kept, paint: 'signed', ref: cRef, arrow: true },
    { id: 'f', name: 'f', points: [[140, GY - 23], [140, Y + 16]], value: v.f, paint: 'gate', ref: 1, arrow: true },
    { id: 'i', name: 'i', points: [[260, GY - 23], [260, 165], [304, 165]], value: v.i, paint: 'gate', ref: 1, arrow: true },
    { id: 'g', name: 'g', points: [[380, GY - 23], [380, 165], [336, 165]], value: v.g, paint: 'signed', ref: 1, arrow: true },
    { id: 'written', name: 'i', points: [[320, 149], [320, Y + 16]], value: v.written, paint: 'signed', ref: 1, arrow: true },
    { id: 'c', name: 'c', points: [[336, Y], [W - 8, Y]], value: v.c, paint: 'signed', ref: cRef, arrow: true },
    { id: 'cDown', name: 'c', points: [[610, Y], [610, 143]], value: v.c, paint: 'signed', ref: cRef, arrow: true },
    { id: 'tanhC', name: 'c', points: [[610, 177], [610, GY - 16]], value: v.tanhC, paint: 'signed', ref: 1, arrow: true },
    { id: 'o', name: 'o', points: [[550, GY], [594, GY]], value: v.o, paint: 'gate', ref: 1, arrow: true },
    { id: 'h', name: 'h', points: [[626, GY], [W - 8, GY]], value: v.h, paint: 'signed', ref: 1, arrow: true },
  ];
  const labels: DiagramLabel[] = [
    label('cPrev', 'c', 'cₜ₋₁', v.cPrev, 14, Y - 12, 'start'),
    label('flushed', 'f', 'flushed (1−f)·cₜ₋₁', v.flushed, 152, 30, 'start'),
    label('kept', 'f', 'kept f·cₜ₋₁', v.kept, 230, Y - 12),
    label('written', 'i', 'written i·g', v.written, 330, 120, 'start'),
    label('c', 'c', 'cₜ', v.c, W - 8, Y - 12, 'end'),
    label('tanhC', 'c', 'tanh cₜ', v.tanhC, 570, 166, 'end'),
    label('h', 'h', 'read hₜ = o·tanh cₜ', v.h, W - 8, GY + 40, 'end'),
  ];
  return { width: W, height: 330, nodes, edges, labels };
}

/**
 * The GRU cell (no memory cell): h_{t−1} runs along the top through ×z (kept) and + to h_t; below, the update
 * gate z, its complement 1 − z gating the candidate n, and the reset gate r scaling h_{t−1} into n.
 */
export function gruDiagram(v: GruValues): DiagramSpec {
  const Y = 70;
  const W = 720;
  const nodes: DiagramNode[] = [
    box('z', 'z', 300, 150, 'update', 'z', v.z, 'gate'),
    box('r', 'r', 200, 286, 'reset', 'r', v.r, 'gate'),
    box('n', 'n', 500, 268, 'candidate', 'n', v.n, 'signed'),
    op('xz', 'z', 300, Y, '×', v.kept),
    op('plus', 'h', 500, Y, '+', v.h),
    op('oneMinus', 'z', 410, 150, '1−', 1 - v.z),
    op('xw', 'z', 500, 150, '×', v.written),
    op('xr', 'r', 200, 210, '×', v.resetH),
  ];
  const edges: DiagramEdge[] = [
    { id: 'hPrev', name: 'h', points: [[14, Y], [284, Y]], value: v.hPrev, paint: 'signed', ref: 1, arrow: true },
    { id: 'dropped', name: 'z', points: [[300, Y - 16], [300, 22]], value: v.dropped, paint: 'signed', ref: 1, arrow: true, dashed: true },
    { id: 'kept', name: 'z', points: [[316, Y], [484, Y]], value: v.kept, paint: 'signed', ref: 1, arrow: true },
    { id: 'z', name: 'z', points: [[300, 127], [300, Y + 16]], value: v.z, paint: 'gate', ref: 1, arrow: true },
    { id: 'zRight', name: 'z', points: [[350, 150], [394, 150]], value: v.z, paint: 'gate', ref: 1, arrow: true },
    { id: 'oneMinusZ', name: 'z', points: [[426, 150], [484, 150]], value: 1 - v.z, paint: 'gate', ref: 1, arrow: true },
    { id: 'n', name: 'n', points: [[500, 245], [500, 166]], value: v.n, paint: 'signed', ref: 1, arrow: true },
    { id: 'written', name: 'z', points: [[500, 134], [500, Y + 16]], value: v.written, paint: 'signed', ref: 1, arrow: true },
    { id: 'h', name: 'h', points: [[516, Y], [W - 8, Y]], value: v.h, paint: 'signed', ref: 1, arrow: true },
    { id: 'hDown', name: 'h', points: [[90, Y], [90, 210], [184, 210]], value: v.hPrev, paint: 'signed', ref: 1, arrow: true },
    { id: 'r', name: 'r', points: [[200, 263], [200, 226]], value: v.r, paint: 'gate', ref: 1, arrow: true },
    { id: 'resetH', name: 'r', points: [[216, 210], [420, 210], [420, 268], [450, 268]], value: v.resetH, paint: 'signed', ref: 1, arrow: true },
  ];
  const labels: DiagramLabel[] = [
    label('hPrev', 'h', 'hₜ₋₁', v.hPrev, 14, Y - 12, 'start'),
    label('dropped', 'z', 'dropped (1−z)·hₜ₋₁', v.dropped, 312, 30, 'start'),
    label('kept', 'z', 'kept z·hₜ₋₁', v.kept, 400, Y - 12),
    label('written', 'z', 'written (1−z)·n', v.written, 510, 112, 'start'),
    label('h', 'h', 'hₜ', v.h, W - 8, Y - 12, 'end'),
    label('resetH', 'r', 'r·hₜ₋₁', v.resetH, 310, 202),
  ];
  return { width: W, height: 330, nodes, edges, labels };
}

/** Text colour readable on a part filled with value v: white on the dark ends of viridis (v < 0.55) and of PuOr (|v| > 0.55). */
export function inkOn(paint: Paint, v: number): '#ffffff' | '#111111' {
  if (paint === 'gate') return v < 0.55 ? '#ffffff' : '#111111';
  if (paint === 'signed') return Math.abs(v) > 0.55 ? '#ffffff' : '#111111';
  return '#111111';
}

/**
 * A wire's path and arrowhead for a stroke of `width`: the line stops at the head's base, the head
 * (length 5 + 1.2·width, half-width 3 + 0.8·width) ends exactly at the last point.
 */
export function edgeShape(points: readonly Pt[], width: number, arrow: boolean): { d: string; head: string | null } {
  const pts = points.map((p) => [p[0], p[1]] as [number, number]);
  let head: string | null = null;
  if (arrow && pts.length >= 2) {
    const [x1, y1] = pts[pts.length - 1];
    const [x0, y0] = pts[pts.length - 2];
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const [dx, dy] = [(x1 - x0) / len, (y1 - y0) / len];
    const L = Math.min(5 + 1.2 * width, len);
    const w = 3 + 0.8 * width;
    const [bx, by] = [x1 - dx * L, y1 - dy * L];
    head = [
      [x1, y1],
      [bx - dy * w, by + dx * w],
      [bx + dy * w, by - dx * w],
    ]
      .map((p) => `${round(p[0])},${round(p[1])}`)
      .join(' ');
    pts[pts.length - 1] = [bx, by];
  }
  const d = pts.map((p, k) => `${k === 0 ? 'M' : 'L'}${round(p[0])},${round(p[1])}`).join('');
  return { d, head };
}

const round = (v: number) => Math.round(v * 100) / 100;

const SIGNED = divergingScale(1);
/** Wire colours: gates dark grey (their width tells how open), signed values orange (+) or purple (−) from the diverging scale, grey near 0. */
export function wireColor(paint: 'gate' | 'signed', v: number): string {
  if (paint === 'gate') return '#3d3d3d';
  if (!Number.isFinite(v) || Math.abs(v) < 5e-4) return '#9e9e9e';
  return SIGNED(v > 0 ? 0.85 : -0.85);
}
