// The same kernels for plain Node (tsx scripts), where Vite's `?init` does not exist.
import { readFile } from 'node:fs/promises';
import { createWasmKernels, type WasmKernels } from '../kernels/wasm-module.ts';

export async function loadWasmKernelsNode(buildDir = new URL('./build/', import.meta.url)): Promise<WasmKernels> {
  return createWasmKernels(async (name) => {
    const bytes = await readFile(new URL(`${name}.wasm`, buildDir));
    const { instance } = await WebAssembly.instantiate(bytes, {});
    return instance;
  });
}
