import { assemble } from './wat';
import { trainModuleText } from './wat-train';
import { wasmApi } from './wasm-api';
import type { WasmApi } from './wasm-api';

/** The compiled kernels, or why there are none. Compiled once per thread, on first use. */
export type Compiled = { api: WasmApi; module: object } | { api: null; reason: string };

let compiled: Compiled | undefined;

/**
 * The fast path's WebAssembly module, assembled from its source text and compiled synchronously. Absent when the
 * host has no WebAssembly or no SIMD, or refuses to compile it: a Content-Security-Policy without
 * 'wasm-unsafe-eval', or a browser's main thread, where synchronous compilation of modules over 4 KB is refused
 * (the lab trains in a worker).
 */
export function fastModule(): Compiled {
  if (compiled) return compiled;
  const api = wasmApi();
  if (!api) return (compiled = { api: null, reason: 'this JavaScript engine has no WebAssembly' });
  try {
    const bytes = assemble(trainModuleText());
    if (!api.validate(bytes)) return (compiled = { api: null, reason: 'this WebAssembly engine has no SIMD' });
    compiled = { api, module: new api.Module(bytes) };
  } catch (e) {
    compiled = { api: null, reason: `WebAssembly refused: ${e instanceof Error ? e.message : String(e)}` };
  }
  return compiled;
}
