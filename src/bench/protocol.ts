// The one data contract between kernels, harness, workers, charts, exports and
// `npm run bench --json`. Everything here is plain, structured-cloneable data.
import type { Dtype, Shape } from '../kernels/types.ts';
import type { Check } from '../check/allclose.ts';

export type { Check, Dtype, Shape };

/**
 * One measured ceiling: the peak probe (src/wasm/assembly/peak.ts, no memory
 * traffic) on `workers` workers at the same time.
 */
export interface PeakFigure {
  /** GFLOP/s of all `workers` together: the sum of their figures, every probe running at once. */
  readonly gflops: number;
  /** Whether the probe multiplied and added in one fused instruction (the relaxed-SIMD build). */
  readonly fma: boolean;
  readonly workers: number;
}

/**
 * The machine's peaks as the measuring thread saw them, measured once per worker
 * and cached there for the visit (never on the page). `f32` / `f64` are the FMA
 * (relaxed-SIMD) figures, or the plain ones with `fma: false` where relaxed SIMD
 * does not compile; `f32Plain` / `f64Plain` use separate multiplies and adds.
 * The rule that picks one for a result is src/bench/peaks.ts (peakFor).
 */
export interface MeasuredPeaks {
  readonly f32: PeakFigure;
  readonly f64: PeakFigure;
  readonly f32Plain: PeakFigure;
  readonly f64Plain: PeakFigure;
  /**
   * true: one thread probed alone and these are its own figures (the bench worker,
   * or one pool worker; workers = 1); false: every figure is the total of `workers`
   * pool workers probing at the same time (the dispatcher, one set per worker count).
   */
  readonly perWorker: boolean;
}

/** Where and how a result was measured. */
export interface Environment {
  readonly crossOriginIsolated: boolean;
  readonly sharedArrayBuffer: boolean;
  readonly cores: number;
  /** Smallest step of performance.now() observed, in ms (0.1 in a normal page, 0.005 isolated). */
  readonly timerResolutionMs: number;
  readonly wasmSimd: boolean;
  readonly userAgent: string;
  /**
   * The peak probe's figures for the worker count this result ran with (absent where
   * nobody measured them: GPU worker, no WebAssembly SIMD, or the probe failed).
   */
  readonly peaks?: MeasuredPeaks;
}

export interface Stats {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Median absolute deviation from the median. */
  readonly madMs: number;
  /** 10th percentile: the robust low figure (see measurement notes). */
  readonly p10Ms: number;
  readonly meanMs: number;
  /** max/min > 1.5 means the machine was probably busy during the run. */
  readonly noisy: boolean;
}

interface ResultBase {
  readonly variant: string;
  readonly m: number;
  readonly l: number;
  readonly n: number;
  readonly dtype: Dtype;
  /** Number of workers actually used (1 for the serial variants). */
  readonly workers: number;
  readonly env: Environment;
  /** ISO time the result was produced. */
  readonly at: string;
  /** GPU variants: the adapter the run used ("google · swiftshader (fallback adapter)"). */
  readonly adapter?: string;
  /** A caveat every table shows with the result, e.g. 'software adapter: not a GPU timing'. */
  readonly note?: string;
}

/** A variant that ran: every sample is a per-call time in ms. */
export interface MeasuredResult extends ResultBase {
  readonly status: 'ok';
  readonly samplesMs: number[];
  /** The first call after set-up, kept apart: it includes JIT / compilation warm-up. */
  readonly coldMs: number;
  /** Calls per sample, chosen so one sample lasts ≥ 100× the timer resolution. */
  readonly batch: number;
  readonly medianMs: number;
  readonly stats: Stats;
  readonly gflops: number;
  readonly correct: boolean;
  /** The worst of every checked product (see checkedProducts). */
  readonly check: Check;
  /**
   * Different data samples (section 2.1, src/data/samples.ts) the samples were timed
   * on: round r multiplies data sample r mod K, K = 10 for lowL and highL, 1 for the
   * big set and other shapes; fewer than K when there were fewer rounds. Absent in
   * results saved before it was recorded.
   */
  readonly dataSamples?: number;
  /**
   * Products compared with their own data sample's reference: the cold call, and in
   * every round the last call of the sample (plus the untimed first call after each
   * set-up on another data sample).
   */
  readonly checkedProducts?: number;
  /** Bytes the variant allocates beyond A, B and C (temporaries, copies; per-worker copies times the workers). */
  readonly extraBytes: number;
  /** Bytes copied between threads by messages (parallel variants). */
  readonly copiedBytes?: number;
  /** Pool start-up, measured apart from the samples (parallel variants). */
  readonly startupMs?: number;
  /** Elements per message actually used (per-element parallel variants: pool-element, shared-element). */
  readonly chunkSize?: number;
  /**
   * GPU variants: median over the samples of the compute pass alone (timestamp-query,
   * the last call of each sample); absent when the device has no timestamps.
   * medianMs stays the whole round trip: upload, kernel, read back.
   */
  readonly kernelMs?: number;
  /** GPU variants: bytes uploaded (A, B) and read back (C) per call. */
  readonly bytesMoved?: number;
  /**
   * Variants with several compiled builds (Variant.build): the one that ran, e.g.
   * 'relaxed-simd' (fused multiply-add), 'simd', 'xnnpack-simd, 1 thread'.
   */
  readonly build?: string;
  /**
   * gflops as a percentage (0–100, can exceed 100 only through noise) of env.peaks'
   * figure for this dtype, this build (FMA or plain) and this worker count; absent
   * when no such peak was measured. The rule: src/bench/peaks.ts.
   */
  readonly pctOfPeak?: number;
}

/**
 * A variant that could not run (memory guard, no isolation, unknown id, an error
 * in set-up or in a call). It carries only what is known without a measurement:
 * no times, no rate, no verdict on the product. Narrow on `status` to read those.
 */
export interface FailedResult extends ResultBase {
  readonly status: 'error';
  readonly error: string;
}

/** Either a measurement or the reason there is none: discriminated by `status`. */
export type BenchResult = MeasuredResult | FailedResult;

/** Whether a result was measured: the one test every reader of times, rates and checks narrows with. */
export function isMeasured(r: BenchResult): r is MeasuredResult {
  return r.status === 'ok';
}

/** What to run. Inputs are generated from the seed where they are used, so requests stay small. */
export interface BenchRequest {
  readonly variants: readonly string[];
  readonly shape: Shape;
  readonly dtype: Dtype;
  /** Samples per variant (≥ 5 honoured by the harness). */
  readonly samples: number;
  /** Worker count for the parallel variants. */
  readonly workers?: number;
  /** Elements per message for the per-element parallel variants (pool-element, shared-element); absent = one chunk per worker. */
  readonly chunkSize?: number;
  /** Base seed of the data: each data sample's own seed is drawn from it (src/data/samples.ts). */
  readonly seed?: number;
  /** Bytes a variant may allocate; above it the variant refuses with a reason. */
  readonly memoryBudgetBytes?: number;
  /**
   * Tests only: load the plain-SIMD builds even where relaxed SIMD compiles, to
   * exercise the fallback (tuned, parallel-tuned). The peaks are not affected.
   */
  readonly forcePlainSimd?: boolean;
}

/** Progress reported while a request runs. */
export interface Progress {
  readonly variant: string;
  readonly variantIndex: number;
  readonly variantCount: number;
  readonly sample: number;
  readonly sampleCount: number;
  readonly phase: 'setup' | 'cold' | 'warmup' | 'sample' | 'check' | 'done';
}
