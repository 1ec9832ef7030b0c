// The machine's measured peak, and how a result is compared with it. Pure: the
// probe's figures come in (src/kernels/peak.ts measures them; the bench worker for
// one thread, src/parallel/peaks.ts for N pool workers at once), nothing is timed here.
import type { PeakOptions, PeakResult } from '../kernels/peak.ts';
import type { Dtype } from '../kernels/types.ts';
import type { MeasuredPeaks, PeakFigure } from './protocol.ts';

/** The four probe figures of one thread (or one worker): FMA and plain, f32 and f64. */
export interface PeakRuns {
  readonly f32: PeakResult;
  readonly f64: PeakResult;
  readonly f32Plain: PeakResult;
  readonly f64Plain: PeakResult;
}

/**
 * How long the probe runs per figure: every timed call ≥ 20 ms, the best of 5 (plus
 * the calibration), about 0.15 s a figure, four figures, once per worker. FP-bound
 * code moved ≤ 10 % between the machine's phases (measurement notes); a peak taken
 * in a slow phase makes every % of peak of that visit look that much better.
 */
export const PEAK_TIMING: Required<Omit<PeakOptions, 'now'>> = { minMs: 20, repetitions: 5 };

const KEYS = ['f32', 'f64', 'f32Plain', 'f64Plain'] as const;

/**
 * The peaks of `runs.length` workers that probed at the same time: per figure, the
 * sum of their GFLOP/s. One run = one thread's own figures (perWorker true).
 */
export function combinePeaks(runs: readonly PeakRuns[]): MeasuredPeaks {
  if (runs.length === 0) throw new RangeError('combinePeaks needs the figures of at least one worker');
  const figure = (key: (typeof KEYS)[number]): PeakFigure => {
    let gflops = 0;
    for (const r of runs) {
      const g = r[key].gflops;
      if (!(Number.isFinite(g) && g > 0)) throw new Error(`peak probe: ${key} figure ${g} is not a positive number`);
      gflops += g;
    }
    // A figure is FMA only when every worker's probe was (they all load the same build).
    return { gflops, fma: runs.every((r) => r[key].fma), workers: runs.length };
  };
  return { f32: figure('f32'), f64: figure('f64'), f32Plain: figure('f32Plain'), f64Plain: figure('f64Plain'), perWorker: runs.length === 1 };
}

// #region peak-rule
/**
 * Whether a result's build multiplies with fused multiply-add, so that it is
 * compared with the FMA peak. Only our relaxed-SIMD builds do ('relaxed-simd').
 * Everything else is held to the plain (mul + add) peak: the plain SIMD builds,
 * variants without builds (JavaScript, wasm-simd, parallel-wasm: no relaxed
 * SIMD), and lib-tfjs: TensorFlow.js's wasm binaries ('xnnpack-simd, 1 thread')
 * are compiled without relaxed SIMD, so XNNPACK has no FMA to use in them and its
 * ceiling is the plain peak (against the FMA peak it would look half as good as
 * the code it can run allows).
 */
export function buildUsesFma(build: string | undefined): boolean {
  return build === 'relaxed-simd';
}

/**
 * The peak a result is measured against: same dtype, FMA or plain as its build,
 * and measured on the same number of workers (a serial variant: 1). Undefined when
 * the peaks are absent or were measured for another worker count.
 */
export function peakFor(peaks: MeasuredPeaks | undefined, dtype: Dtype, build: string | undefined, workers: number): PeakFigure | undefined {
  if (!peaks) return undefined;
  const fma = buildUsesFma(build);
  const figure = dtype === 'f64' ? (fma ? peaks.f64 : peaks.f64Plain) : fma ? peaks.f32 : peaks.f32Plain;
  if (figure.workers !== workers) return undefined;
  // An "FMA" figure that fell back to plain (no relaxed SIMD here) cannot be an FMA build's ceiling.
  if (fma && !figure.fma) return undefined;
  return figure;
}

/** gflops as a percentage of peakFor(…); undefined without a matching peak. */
export function percentOfPeak(gflops: number, peaks: MeasuredPeaks | undefined, dtype: Dtype, build: string | undefined, workers: number): number | undefined {
  const peak = peakFor(peaks, dtype, build, workers);
  if (!peak || !(peak.gflops > 0) || !Number.isFinite(gflops)) return undefined;
  return (100 * gflops) / peak.gflops;
}
// #endregion peak-rule
