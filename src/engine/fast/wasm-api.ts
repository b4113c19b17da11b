/**
 * The few parts of the WebAssembly JavaScript API the fast path uses. The engine compiles with the ES2022 library
 * only (no DOM, no Node types), where `WebAssembly` is not declared; it is read from globalThis instead, and is
 * absent where a host has none.
 */

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

export interface WasmGlobal {
  value: number;
}

export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

export interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => WasmInstance;
  Memory: new (desc: { initial: number }) => WasmMemory;
  validate(bytes: Uint8Array): boolean;
}

/** The host's WebAssembly, or null where there is none. */
export function wasmApi(): WasmApi | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return api ?? null;
}
