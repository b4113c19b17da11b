/**
 * The per-step parts of a frame from presenter-channel data: a history chunk and the inspect record (with the
 * decoder's initial state h0/c0). Apart so the frame's parser stays a list of fields: these carry most of the bytes.
 */
import type { InspectRecord } from '../engine/session';
import { CELLS, FORGET_GATES, GATES, RECURRENCES } from '../engine/types';
import type { HistoryChunk } from '../worker/protocol';
import { MAX_TRAIN_TO } from '../worker/protocol';
import { all, anyNumber, bits, f64, f64n, intIn, isObj, LIMITS, list, oneOf, own, steps, str, strings, u8 } from './parse-values';

/** The most steps one chunk may bring: a trainTo's landing frame carries every step of the jump (and a catch-up frame several frames' steps). */
export const MAX_CHUNK = 4 * MAX_TRAIN_TO;

export function parseChunk(v: unknown): HistoryChunk | null {
  if (!isObj(v)) return null;
  const [step, loss, gradNorm, gradNormClipped, clipped] = ['step', 'loss', 'gradNorm', 'gradNormClipped', 'clipped'].map((k) => own(v, k));
  if (!f64(step) || step.length > MAX_CHUNK) return null;
  const n = step.length;
  // loss and the norms may be NaN or ±∞ (an explosion is what the gradient view shows); steps and flags may not
  if (!f64n(loss, n) || !f64n(gradNorm, n) || !f64n(gradNormClipped, n) || !u8(clipped) || clipped.length !== n) return null;
  return steps(step) && bits(clipped) ? { step, loss, gradNorm, gradNormClipped, clipped } : null;
}

/**
 * An InspectRecord whose every array has the length its sizes give (the views index them by t, gate and unit
 * without bounds checks), or null. Values are not scanned but for the mask: a diverged network's are NaN or ±∞, and
 * `losses` is NaN where a step is not scored.
 */
export function parseRecord(v: unknown): InspectRecord | null {
  if (!isObj(v)) return null;
  const get = (k: string) => own(v, k);
  const [T, H, I, O, tau] = [get('T'), get('H'), get('I'), get('O'), get('tau')];
  if (!intIn(T, 1, LIMITS.steps) || !intIn(H, 1, LIMITS.hidden) || !intIn(I, 1, LIMITS.width) || !intIn(O, 1, LIMITS.width) || !intIn(tau, 0, T - 1)) return null;
  const cell = get('cell');
  if (!oneOf(cell, CELLS)) return null;
  const gateNames = get('gateNames');
  const G = GATES[cell].length;
  if (!Array.isArray(gateNames) || gateNames.length !== G || !all(gateNames, (g, i) => g === GATES[cell][i])) return null;
  const recurrence = get('recurrence');
  const forgetGate = get('forgetGate');
  if ((recurrence !== undefined && !oneOf(recurrence, RECURRENCES)) || (forgetGate !== undefined && !oneOf(forgetGate, FORGET_GATES))) return null;
  const lstm = cell === 'lstm';
  const TH = T * H;
  const [inputs, targets, mask, h, c, gates, preX, preH, preB, y, p, losses, dh, dc, flowH, flowC] = (
    ['inputs', 'targets', 'mask', 'h', 'c', 'gates', 'preX', 'preH', 'preB', 'y', 'p', 'losses', 'dh', 'dc', 'flowH', 'flowC'] as const
  ).map(get);
  // targets: a class index per step (softmax head, p filled) or T × O values (linear head, p empty)
  const softmax = f64(p) && p.length > 0;
  if (!f64n(inputs, T * I) || !f64n(targets, softmax ? T : T * O) || !u8(mask) || mask.length !== T || !bits(mask)) return null;
  if (!f64n(h, TH) || !f64n(c, lstm ? TH : 0) || !f64n(gates, TH * G) || !f64n(preX, TH * G) || !f64n(preH, TH * G) || !f64n(preB, G * H)) return null;
  if (!f64n(y, T * O) || !f64n(p, softmax ? T * O : 0) || !f64n(losses, T) || !f64n(dh, TH) || !f64n(dc, lstm ? TH : 0)) return null;
  if (!f64n(flowH, tau + 1) || !f64n(flowC, lstm ? tau + 1 : 0)) return null;
  // the state before step 0 of a decoder: the meaning vector or the picture's projection, H each (c0: LSTM only)
  const h0 = get('h0');
  const c0 = get('c0');
  if ((h0 !== undefined && !f64n(h0, H)) || (c0 !== undefined && !(lstm && f64n(c0, H)))) return null;
  const loss = get('loss');
  const blockNames = get('blockNames');
  const blockGradNorms = get('blockGradNorms');
  if (!anyNumber(loss) || !list(blockNames, LIMITS.blocks) || !all(blockNames, (b) => str(b, LIMITS.name)) || !f64n(blockGradNorms, blockNames.length)) return null;
  const [inputLabels, targetLabels, outputLabels] = [get('inputLabels'), get('targetLabels'), get('outputLabels')];
  if (!strings(inputLabels, T, LIMITS.name) || !strings(targetLabels, T, LIMITS.name) || !strings(outputLabels, T, LIMITS.name)) return null;
  const r: InspectRecord = {
    T, H, I, O, cell, gateNames: GATES[cell],
    inputs, targets, mask, h, c, gates, preX, preH, preB, y, p, losses, loss, dh, dc, tau, flowH, flowC,
    blockNames: blockNames as string[], blockGradNorms, inputLabels, targetLabels, outputLabels,
  };
  if (recurrence !== undefined) r.recurrence = recurrence;
  if (forgetGate !== undefined) r.forgetGate = forgetGate;
  if (h0 !== undefined) r.h0 = h0 as Float64Array;
  if (c0 !== undefined) r.c0 = c0 as Float64Array;
  return r;
}
