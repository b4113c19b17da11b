/**
 * The one way views read a frame's record (InspectRecord, streamed per timestep as flat Float64Arrays):
 * small typed accessors over its layout, so no view decodes `gates[(t·G + k)·H + u]` by hand. Layout:
 * h, c, dh, dc are T × H (row t = step t); gates, preX, preH are T × G × H (gate k's block of H in the
 * order of gateNames); preB is G × H (the bias is the same at every step).
 */
import type { InspectRecord } from '../engine/session';
import type { CellKind } from '../engine/types';

export type { InspectRecord };

/** The gates each cell records, in record order (the vanilla RNN's single "gate" is its h). */
export type GateName = 'h' | 'f' | 'i' | 'g' | 'o' | 'z' | 'r' | 'n';

/** The cell that produced the record. */
export const cellOf = (rec: Pick<InspectRecord, 'cell'>): CellKind => rec.cell;

/** Gate `name`'s block index k in the record, or −1 if this cell has no such gate. */
export function gateIndex(rec: Pick<InspectRecord, 'gateNames'>, name: string): number {
  return rec.gateNames.indexOf(name);
}

/** Gate `name` of unit u at step t; NaN when the cell has no such gate or (t, u) is outside the record. */
export function gate(rec: InspectRecord, name: string, t: number, u: number): number {
  const k = gateIndex(rec, name);
  if (k < 0 || !inside(rec, t, u)) return NaN;
  return rec.gates[(t * rec.gateNames.length + k) * rec.H + u];
}

/** h_t[u]; t = −1 gives the initial state: 0, or the record's h0 (a decoder starts from the encoder's meaning vector). */
export const h = (rec: InspectRecord, t: number, u: number): number => perStep(rec, rec.h, t, u, rec.h0);
/** c_t[u] (LSTM only, else NaN); t = −1 gives c0 likewise. */
export const c = (rec: InspectRecord, t: number, u: number): number => (rec.cell === 'lstm' ? perStep(rec, rec.c, t, u, rec.c0) : NaN);

/** Whether the record starts from a state other than zero (h0 given): a decoder starting from the encoder's final state. */
export const startsFromState = (rec: Pick<InspectRecord, 'h0'>): boolean => rec.h0 !== undefined && rec.h0.length > 0;
/** ∂L/∂h_t[u], as training computed it (truncated when training truncates). */
export const dh = (rec: InspectRecord, t: number, u: number): number => (t < 0 ? NaN : perStep(rec, rec.dh, t, u));
/** ∂L/∂c_t[u] (LSTM only, else NaN). */
export const dc = (rec: InspectRecord, t: number, u: number): number => (rec.cell === 'lstm' && t >= 0 ? perStep(rec, rec.dc, t, u) : NaN);

/** The parts of gate `name`'s pre-activation a_t[u] = (W_x x_t)[u] + (W_h h_{t−1})[u] + b[u] (GRU n: W_hn (r ⊙ h_{t−1})), or null when not carried. */
export function preact(rec: InspectRecord, name: string, t: number, u: number): { x: number; h: number; b: number; a: number } | null {
  const k = gateIndex(rec, name);
  const R = rec.gateNames.length * rec.H;
  if (k < 0 || !inside(rec, t, u) || rec.preX.length < (t + 1) * R || rec.preH.length < (t + 1) * R || rec.preB.length < R) return null;
  const r = k * rec.H + u;
  const x = rec.preX[t * R + r];
  const hh = rec.preH[t * R + r];
  const b = rec.preB[r];
  return { x, h: hh, b, a: x + hh + b };
}

/** A strided view of one quantity over units × time, for heatmaps: value(t, u) = values[offset + t·stride + u]. */
export interface Series {
  values: Float64Array;
  T: number;
  units: number;
  offset: number;
  stride: number;
}

/** The units × time series of `name`: a gate of the cell, or 'h', 'c', 'dh', 'dc'; null if the record has none. */
export function series(rec: InspectRecord, name: string): Series | null {
  const { T, H } = rec;
  if (name === 'h' && rec.cell !== 'rnn') return { values: rec.h, T, units: H, offset: 0, stride: H };
  if (name === 'c' || name === 'dc') return rec.cell === 'lstm' ? { values: name === 'c' ? rec.c : rec.dc, T, units: H, offset: 0, stride: H } : null;
  if (name === 'dh') return { values: rec.dh, T, units: H, offset: 0, stride: H };
  const k = gateIndex(rec, name);
  return k < 0 ? null : { values: rec.gates, T, units: H, offset: k * H, stride: rec.gateNames.length * H };
}

function inside(rec: InspectRecord, t: number, u: number): boolean {
  return Number.isInteger(t) && Number.isInteger(u) && t >= 0 && t < rec.T && u >= 0 && u < rec.H;
}

function perStep(rec: InspectRecord, a: Float64Array, t: number, u: number, initial?: Float64Array): number {
  // a start state of the wrong kind or size (a record from outside, e.g. a speaker window's channel) reads as zero
  if (t === -1 && Number.isInteger(u) && u >= 0 && u < rec.H) return initial instanceof Float64Array && initial.length === rec.H ? initial[u] : 0;
  return inside(rec, t, u) && a.length >= (t + 1) * rec.H ? a[t * rec.H + u] : NaN;
}
