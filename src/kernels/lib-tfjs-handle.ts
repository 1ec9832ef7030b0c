// Initialises TensorFlow.js on its WebAssembly backend and wraps it as the
// TfjsHandle the lib-tfjs variant uses. The two modules are passed in, so that the
// Vite loader (lib-tfjs-load.ts) and the Node one (lib-tfjs-load-node.ts) share
// this code and neither the registry nor `npm run bench -- --list` imports them.
import type * as TfCore from '@tensorflow/tfjs-core';
import type * as TfWasm from '@tensorflow/tfjs-backend-wasm';
import type { TfjsBinary, TfjsHandle, TfjsTensor } from './lib-tfjs.ts';

export interface TfjsOptions {
  /**
   * XNNPACK threads. 1 (the default) forces the single-threaded build: the
   * backend then picks its non-threaded SIMD binary (plain without SIMD) and starts
   * no Web Workers. More than 1 lets it pick the threaded-SIMD binary, which
   * needs SharedArrayBuffer (a cross-origin-isolated page) and blob: workers.
   */
  readonly threads?: number;
}

/** The binary the backend's init() picks from the same two flags (backend_wasm.ts, getPathToWasmBinary). */
export function binaryFor(simd: boolean, threads: boolean): TfjsBinary {
  return simd && threads ? 'threaded-simd' : simd ? 'simd' : 'plain';
}

export async function initTfjs(tf: typeof TfCore, wasm: typeof TfWasm, options: TfjsOptions = {}): Promise<TfjsHandle> {
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`lib-tfjs: threads must be a positive integer, not ${threads}`);
  const env = tf.env();
  // Must be decided before setBackend: init() reads this flag to choose the binary.
  if (threads === 1) env.set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasm.setThreadsCount(threads);
  // setBackend resolves false (and logs) rather than throwing when init fails.
  if (!(await tf.setBackend('wasm'))) throw new Error('the WebAssembly backend did not initialise (see the console for its reason)');
  await tf.ready();
  if (tf.getBackend() !== 'wasm') throw new Error(`TensorFlow.js runs on '${tf.getBackend()}', not 'wasm'`);
  const simd = Boolean(await env.getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threaded = Boolean(await env.getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  const wrap = (t: TfCore.Tensor2D): TfjsTensor => t;
  return {
    version: tf.version_core,
    binary: binaryFor(simd, threaded),
    threads: wasm.getThreadsCount(),
    tensor2d: (values, rows, cols) => wrap(tf.tensor2d(values, [rows, cols], 'float32')),
    matMul: (a, b) => wrap(tf.matMul(a as TfCore.Tensor2D, b as TfCore.Tensor2D)),
    numTensors: () => tf.memory().numTensors,
  };
}
