// The peak probe's timing (section 3.2): how many multiply-adds per second one
// core can do in WebAssembly SIMD with no memory traffic, the ceiling the tuned
// kernel is measured against. Pure: the module and the clock are injected.
import type { Dtype } from './types.ts';
import { instantiateBest, type SimdBuild, type WasmKernelOptions } from './wasm-module.ts';

/** Exports of src/wasm/assembly/peak.ts (peak.wasm and peak-relaxed.wasm). */
export interface PeakExports {
  /** `iterations` rounds of one step on each of 12 independent vector chains (no memory traffic); returns their sum. */
  peak_f32(iterations: number): number;
  peak_f64(iterations: number): number;
  /** Exactly 12 chains × 4 lanes × 2 flops = 96 (relaxed: fused multiply-adds); 48 in the plain build (lone multiplies and adds). */
  peakFlopsPerIteration_f32(): number;
  /** 12 chains × 2 lanes × 2 flops = 48 (relaxed); 24 in the plain build. */
  peakFlopsPerIteration_f64(): number;
  /** 1 in peak-relaxed.wasm (fused relaxed_madd), 0 in peak.wasm (mul + add). */
  fmaBuild(): number;
}

export type PeakModuleName = 'peak' | 'peak-relaxed';

export interface PeakProbe {
  readonly exports: PeakExports;
  readonly build: SimdBuild;
  /** Why the relaxed build is not the one running (null when it is). */
  readonly fallbackReason: string | null;
}

/** The relaxed build when it compiles here (unless `{ relaxed: false }`), else plain SIMD. */
export async function createPeakProbe(
  instantiate: (name: PeakModuleName) => Promise<WebAssembly.Instance>,
  options: WasmKernelOptions = {},
): Promise<PeakProbe> {
  const { instance, build, fallbackReason } = await instantiateBest(instantiate, 'peak-relaxed', 'peak', options.relaxed ?? true);
  return { exports: instance.exports as unknown as PeakExports, build, fallbackReason };
}

export interface PeakOptions {
  /** A clock in milliseconds (performance.now in the page). */
  readonly now: () => number;
  /** Each timed measurement lasts at least this long (ms); default 50. */
  readonly minMs?: number;
  /** Timed measurements after calibration; the best one counts. Default 5. */
  readonly repetitions?: number;
}

export interface PeakResult {
  readonly gflops: number;
  readonly dtype: Dtype;
  /** true when the probe used fused multiply-add (the relaxed build). */
  readonly fma: boolean;
  /** Iterations per measurement, after calibration. */
  readonly iterations: number;
  /** The best measurement's duration (ms). */
  readonly ms: number;
}

/** The probe takes an i32 iteration count. */
const MAX_ITERATIONS = 2 ** 31 - 1;

// #region peak-measure
/**
 * Calibrates the iteration count until one call lasts ≥ minMs (so the clock's
 * resolution is a small part of it), then keeps the fastest of `repetitions`
 * calls: GFLOP/s = flops per iteration × iterations / time.
 */
export function measurePeak(exports: PeakExports, dtype: Dtype, { now, minMs = 50, repetitions = 5 }: PeakOptions): PeakResult {
  const run = dtype === 'f64' ? exports.peak_f64 : exports.peak_f32;
  const flopsPerIteration = dtype === 'f64' ? exports.peakFlopsPerIteration_f64() : exports.peakFlopsPerIteration_f32();
  const time = (iterations: number): number => {
    const t0 = now();
    const result = run(iterations);
    const ms = now() - t0;
    if (!Number.isFinite(result)) throw new Error(`peak probe returned ${result}`);
    return ms;
  };
  let iterations = 10_000;
  let ms = time(iterations); // also the warm-up call
  while (ms < minMs && iterations < MAX_ITERATIONS) {
    // Too short to trust: grow ×10 while the clock barely moves, else aim at 1.2 × minMs.
    const factor = ms < minMs / 20 ? 10 : (1.2 * minMs) / ms;
    iterations = Math.min(MAX_ITERATIONS, Math.ceil(iterations * factor));
    ms = time(iterations);
  }
  let best = Infinity;
  for (let r = 0; r < Math.max(1, repetitions); r++) best = Math.min(best, time(iterations));
  if (!(best > 0)) throw new Error('peak probe: the clock did not advance during a measurement');
  return { gflops: (flopsPerIteration * iterations) / (best * 1e6), dtype, fma: exports.fmaBuild() === 1, iterations, ms: best };
}
// #endregion peak-measure
