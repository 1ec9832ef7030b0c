// Loads the compiled kernels through Vite's `?init` (works in the page, in workers,
// in the build and in Vitest's node tests). The variants only see WasmKernels.
import initMatmul from './build/matmul.wasm?init';
import initMatmulSimd from './build/matmul-simd.wasm?init';
import { createWasmKernels, type WasmKernels } from '../kernels/wasm-module.ts';

export type { WasmKernels };

/**
 * Instantiates the scalar module once per WebAssembly variant and the SIMD module
 * once. When SIMD does not compile here, `simd` is null and `simdError` says why;
 * the wasm-simd variant then refuses with that reason.
 */
export async function loadWasmKernels(): Promise<WasmKernels> {
  return createWasmKernels((name) => (name === 'matmul' ? initMatmul() : initMatmulSimd()));
}
