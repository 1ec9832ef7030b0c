// Summary statistics of per-call times. Pure: no clock, no DOM; samples in, numbers out.
import { flopsOf, type Shape } from '../kernels/types.ts';
import type { Stats } from './protocol.ts';

/** Ratio of slowest to fastest sample above which a run is flagged as disturbed (measurement notes). */
export const NOISY_RATIO = 1.5;

function sortedCopy(xs: readonly number[]): number[] {
  if (xs.length === 0) throw new RangeError('statistics need at least one sample');
  return [...xs].sort((a, b) => a - b);
}

/** Element i of sorted samples; callers pass an index in range, so a miss is a bug in this file. */
function nth(sorted: readonly number[], i: number): number {
  const x = sorted[i];
  if (x === undefined) throw new RangeError(`sample ${i} of ${sorted.length} does not exist`);
  return x;
}

/**
 * Quantile by linear interpolation between closest ranks (Hyndman & Fan type 7,
 * numpy's default): position h = (n-1)·q in the sorted samples, then
 * x[floor h] + (h - floor h)·(x[floor h + 1] - x[floor h]).
 * Chosen so that the figures match what `numpy.percentile` gives for the same samples.
 */
export function quantile(xs: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  const s = sortedCopy(xs);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return nth(s, lo) + (h - lo) * (nth(s, hi) - nth(s, lo));
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** 10th percentile: the robust low figure, far more reproducible between runs than the median. */
export function p10(xs: readonly number[]): number {
  return quantile(xs, 0.1);
}

export function min(xs: readonly number[]): number {
  return nth(sortedCopy(xs), 0);
}

export function max(xs: readonly number[]): number {
  const s = sortedCopy(xs);
  return nth(s, s.length - 1);
}

export function mean(xs: readonly number[]): number {
  sortedCopy(xs); // same empty-input error as the others
  return xs.reduce((acc, x) => acc + x, 0) / xs.length;
}

/** Median absolute deviation from the median (unscaled): a spread that ignores a few outliers. */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/** Samples that disagree by more than 1.5× mean the machine was busy: say so instead of trusting them. */
export function noisy(xs: readonly number[]): boolean {
  const lo = min(xs);
  const hi = max(xs);
  if (lo <= 0) return hi > 0;
  return hi / lo > NOISY_RATIO;
}

export function computeStats(samplesMs: readonly number[]): Stats {
  return {
    medianMs: median(samplesMs),
    minMs: min(samplesMs),
    maxMs: max(samplesMs),
    madMs: mad(samplesMs),
    p10Ms: p10(samplesMs),
    meanMs: mean(samplesMs),
    noisy: noisy(samplesMs),
  };
}

/** Throughput of one product that took `ms` milliseconds: 2·m·l·n flops / (ms·10⁶). */
export function gflops(shape: Shape, ms: number): number {
  if (!(ms > 0)) return Number.POSITIVE_INFINITY;
  return flopsOf(shape) / (ms * 1e6);
}
