// The contract every matrix-multiplication variant fulfils, so that one harness
// can measure them all. Pure: no DOM, no workers, no timers.
import type { Dtype, FloatArray, Shape } from './types.ts';

/** Row-major inputs as the data generator produces them. */
export interface VariantInputs {
  readonly A: FloatArray; // m×l
  readonly B: FloatArray; // l×n
  readonly shape: Shape;
  readonly dtype: Dtype;
}

/**
 * One timed call. Serial variants return C synchronously; variants that talk to
 * other workers return a promise. C is always m×n row-major, for the check.
 */
export type RunOnce = () => FloatArray | Promise<FloatArray>;

export interface Variant<Ctx = unknown> {
  /** Stable id used by the CLI, the slides and exports (kebab-case). */
  readonly id: string;
  /** One line, shown by `npm run bench -- --list` and in tables. */
  readonly description: string;
  /** Lecture section that teaches it, e.g. '3.1.1'. */
  readonly section: string;
  readonly dtypes: readonly Dtype[];
  /** Bytes allocated beyond A, B and C per call (temporaries, gathered copies), whatever the worker count. */
  extraBytes(shape: Shape, dtype: Dtype): number;
  /**
   * Parallel variants: bytes that each worker holds on top of extraBytes (pool-row: its
   * own copy of B; parallel-tuned: its packing scratch). The guard multiplies them
   * by the worker count (src/kernels/memory.ts). Absent: none.
   */
  workerBytes?(shape: Shape, dtype: Dtype): number;
  /**
   * Untimed preparation (layout conversion, copying into WebAssembly memory…).
   * Returns the call that is timed. Throws an Error with a readable reason when
   * it cannot run (e.g. WebAssembly SIMD unsupported).
   */
  setup(inputs: VariantInputs, ctx: Ctx): RunOnce;
  /** Parallel variants: how many workers they really use with this context (serial: absent = 1). */
  workersUsed?(ctx: Ctx): number;
  /** Parallel variants: bytes copied between threads per call (structured clone). */
  copiedBytes?(shape: Shape, dtype: Dtype, workers: number): number;
  /** Per-element parallel variants: elements sent per message with this context. */
  chunkSize?(shape: Shape, ctx: Ctx): number;
  /**
   * Variants with several compiled builds: which one runs with this context,
   * 'relaxed-simd' (fused multiply-add) or 'simd' (mul + add).
   */
  build?(ctx: Ctx): string;
  /**
   * GPU variants: what the most recent timed call measured besides its wall time:
   * the kernel alone from timestamp-query (undefined when the device has none) and
   * the bytes uploaded and read back. Undefined before the first call.
   */
  lastTiming?(): { readonly kernelMs?: number; readonly bytesMoved: number } | undefined;
  /**
   * Why this variant cannot run in `dtype` (one it does not list), in its own words;
   * absent: the harness's generic "does not support" sentence.
   */
  dtypeRefusal?(dtype: Dtype): string;
}
