/**
 * Float64Array ↔ base64 of its bytes, for run files. The bytes are each double's IEEE 754 binary64 encoding,
 * least significant byte first (little-endian) whatever the machine's own order, so every value — −0, ±∞ and NaN
 * included — comes back bit for bit on any machine.
 */

/** Strings of at most this many characters go to String.fromCharCode at once (its arguments are on the stack). */
const CHUNK = 0x8000;

export function encodeFloat64(a: Float64Array): string {
  const bytes = new Uint8Array(a.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < a.length; i++) view.setFloat64(i * 8, a[i], true);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The doubles a string encodes, or null when it is not base64 of a whole number of doubles. */
export function decodeFloat64(text: unknown): Float64Array | null {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  if (binary.length % 8 !== 0) return null;
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const out = new Float64Array(binary.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}
