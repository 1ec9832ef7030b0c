// Loads the compiled kernels through Vite's `?init` (works in the page, in workers,
// in the build and in Vitest's node tests). The variants only see WasmKernels.
import initMatmul from './build/matmul.wasm?init';
import initMatmulSimd from './build/matmul-simd.wasm?init';
import initTuned from './build/tuned.wasm?init';
import initTunedRelaxed from './build/tuned-relaxed.wasm?init';
import initPeak from './build/peak.wasm?init';
import initPeakRelaxed from './build/peak-relaxed.wasm?init';
import { createWasmKernels, type WasmKernelOptions, type WasmKernels, type WasmModuleName } from '../kernels/wasm-module.ts';
import { createPeakProbe, type PeakModuleName, type PeakProbe } from '../kernels/peak.ts';

export type { WasmKernels };

const inits: Record<WasmModuleName, () => Promise<WebAssembly.Instance>> = {
  'matmul': () => initMatmul(),
  'matmul-simd': () => initMatmulSimd(),
  'tuned': () => initTuned(),
  'tuned-relaxed': () => initTunedRelaxed(),
};

/**
 * Instantiates the scalar module once per WebAssembly variant and the SIMD module
 * once. When SIMD does not compile here, `simd` is null and `simdError` says why;
 * the wasm-simd variant then refuses with that reason. The tuned kernel tries its
 * relaxed-SIMD build first and falls back to plain SIMD; `{ relaxed: false }`
 * forces the fallback.
 */
export async function loadWasmKernels(options: WasmKernelOptions = {}): Promise<WasmKernels> {
  return createWasmKernels((name) => inits[name](), options);
}

/** The peak probe (relaxed build when it compiles, unless `{ relaxed: false }`). */
export async function loadPeakProbe(options: WasmKernelOptions = {}): Promise<PeakProbe> {
  return createPeakProbe((name: PeakModuleName) => (name === 'peak' ? initPeak() : initPeakRelaxed()), options);
}
