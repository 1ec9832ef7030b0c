// Vite only (the bench worker, browser tests): loads TensorFlow.js and its
// WebAssembly backend on first use. The library's JavaScript is a dynamic import,
// so Vite puts it in a chunk of its own that is fetched only when a request names
// lib-tfjs; the .wasm binaries come from `?url` imports, so Vite emits them as
// hashed assets of this origin (precached by the service worker like every other
// asset) and setWasmPaths points the backend at them: nothing from a CDN.
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { TfjsHandle } from './lib-tfjs.ts';
import { initTfjs, type TfjsOptions } from './lib-tfjs-handle.ts';

/** The backend's file names → the URLs Vite serves them at (all three keys are required). */
export const TFJS_WASM_URLS = {
  'tfjs-backend-wasm.wasm': plainWasm,
  'tfjs-backend-wasm-simd.wasm': simdWasm,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
} as const;

let loading: Promise<TfjsHandle> | undefined;

/**
 * TensorFlow.js on the wasm backend, initialised once per realm (the library keeps
 * its engine in a global): later calls return the same handle, whatever options.
 */
export function loadTfjs(options: TfjsOptions = {}): Promise<TfjsHandle> {
  return (loading ??= (async () => {
    const [tf, wasm] = await Promise.all([import('@tensorflow/tfjs-core'), import('@tensorflow/tfjs-backend-wasm')]);
    wasm.setWasmPaths(TFJS_WASM_URLS);
    return initTfjs(tf, wasm, options);
  })());
}
