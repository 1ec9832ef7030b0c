// What a serial variant may get from its surroundings: the compiled kernels and,
// for the library row, TensorFlow.js. Types only, imported by the kernels and the
// registry alike (so no kernel imports the registry). Pure.
import type { WasmKernels } from './wasm-module.ts';

/** The three builds the backend ships; which one runs depends on SIMD and threads. */
export type TfjsBinary = 'plain' | 'simd' | 'threaded-simd';

/** The few tensor operations the variant needs (a 2-d float32 tf.Tensor). */
export interface TfjsTensor {
  readonly isDisposed: boolean;
  dataSync(): unknown;
  dispose(): void;
}

/** TensorFlow.js on its WebAssembly backend, initialised, as the variant sees it. */
export interface TfjsHandle {
  /** TensorFlow.js version (tfjs-core; the backend has the same). */
  readonly version: string;
  /** The wasm binary the backend instantiated. */
  readonly binary: TfjsBinary;
  /** XNNPACK's thread count as the backend reports it (getThreadsCount()). */
  readonly threads: number;
  /** A float32 rows×cols tensor holding a copy of `values`. */
  tensor2d(values: Float32Array, rows: number, cols: number): TfjsTensor;
  matMul(a: TfjsTensor, b: TfjsTensor): TfjsTensor;
  /** Live tensors in the engine (leak checks). */
  numTensors(): number;
}

/** What a serial variant may need from its surroundings: the compiled kernels, if loaded. */
export interface KernelContext {
  readonly wasm: WasmKernels | null;
  /**
   * TensorFlow.js for lib-tfjs, loaded lazily by the bench worker the first time a
   * request names lib-tfjs: absent before that (and wherever nobody loads it),
   * null with `tfjsError` when loading failed.
   */
  readonly tfjs?: TfjsHandle | null;
  readonly tfjsError?: string | null;
}
