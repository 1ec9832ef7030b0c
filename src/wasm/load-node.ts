// The same kernels for plain Node (tsx scripts), where Vite's `?init` does not exist.
// The relaxed-SIMD builds compile only with `node --experimental-wasm-relaxed-simd`
// on Node 20; without it they fall back to plain SIMD.
import { readFile } from 'node:fs/promises';
import { createWasmKernels, type WasmKernelOptions, type WasmKernels } from '../kernels/wasm-module.ts';
import { createPeakProbe, type PeakProbe } from '../kernels/peak.ts';

const defaultDir = new URL('./build/', import.meta.url);

function instantiateFrom(buildDir: URL) {
  return async (name: string): Promise<WebAssembly.Instance> => {
    const bytes = await readFile(new URL(`${name}.wasm`, buildDir));
    const { instance } = await WebAssembly.instantiate(bytes, {});
    return instance;
  };
}

export async function loadWasmKernelsNode(buildDir = defaultDir, options: WasmKernelOptions = {}): Promise<WasmKernels> {
  return createWasmKernels(instantiateFrom(buildDir), options);
}

export async function loadPeakProbeNode(buildDir = defaultDir, options: WasmKernelOptions = {}): Promise<PeakProbe> {
  return createPeakProbe(instantiateFrom(buildDir), options);
}
