// Is a result right? numpy's allclose, a tolerance per dtype, and the Check record
// the harness attaches to every result. Pure.
import type { Dtype, Shape } from '../kernels/types.ts';

/** Outcome of comparing a result to the reference product. */
export interface Check {
  readonly correct: boolean;
  readonly maxAbsError: number;
  /** Number of elements outside the tolerance. */
  readonly mismatches: number;
  readonly rtol: number;
  readonly atol: number;
}

// #region allclose
/**
 * numpy.allclose: every pair satisfies |a − b| ≤ atol + rtol·|b|, where b is the
 * expected value (the test is not symmetric, exactly as in numpy). NaN is never
 * close to anything; equal infinities are.
 */
export function allclose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol = 1e-5,
  atol = 1e-8,
): boolean {
  if (actual.length !== expected.length) return false;
  for (let k = 0; k < actual.length; k++) {
    if (!isClose(actual[k]!, expected[k]!, rtol, atol)) return false;
  }
  return true;
}

export function isClose(a: number, b: number, rtol = 1e-5, atol = 1e-8): boolean {
  if (a === b) return true; // also covers equal infinities
  // An infinity is close only to itself: otherwise ∞ ≤ atol + rtol·∞ would pass.
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false; // NaN included
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}
// #endregion allclose

/** float32 unit roundoff: half the spacing of floats just above 1. */
export const F32_UNIT_ROUNDOFF = 2 ** -24;

/**
 * Tolerance for a product with inner dimension l.
 *
 * f64: numpy's defaults (rtol 1e-5, atol 1e-8), as the notebook used them.
 *
 * f32: a dot product of l terms, each rounded to float32, is off by at most
 * γ = l·u/(1 − l·u) times Σ|a_k·b_k| (u = 2^-24, the classic bound for recursive
 * summation). Our data are non-negative, so Σ|a_k·b_k| is the expected value
 * itself and γ is a relative tolerance. One more u covers rounding the result to
 * float32. A fixed 1e-5 would flag correct f32 kernels for l ≳ 170, while a wrong
 * index gives errors of order 1, far above this bound even at l = 100000 (γ ≈ 0.6 %).
 * atol stays numpy's: it only matters for expected values near zero.
 */
export function toleranceFor(dtype: Dtype, l: number): { rtol: number; atol: number } {
  if (dtype === 'f64') return { rtol: 1e-5, atol: 1e-8 };
  const lu = (l + 1) * F32_UNIT_ROUNDOFF;
  // Past l ≈ 1.6e7 the bound says nothing any more; cap it at 100 %.
  return { rtol: Math.max(1e-5, lu < 0.5 ? lu / (1 - lu) : 1), atol: 1e-8 };
}

/** Compare a variant's C (m×n, row-major) with the reference product. */
export function checkResult(actual: ArrayLike<number>, expected: Float64Array, shape: Shape, dtype: Dtype): Check {
  const { rtol, atol } = toleranceFor(dtype, shape.l);
  const size = shape.m * shape.n;
  if (actual.length !== size || expected.length !== size) {
    // A wrong length is a wrong result: report every element as a mismatch.
    return { correct: false, maxAbsError: Number.POSITIVE_INFINITY, mismatches: size, rtol, atol };
  }
  let maxAbsError = 0;
  let mismatches = 0;
  for (let k = 0; k < size; k++) {
    const a = actual[k]!;
    const b = expected[k]!;
    const error = a === b ? 0 : Math.abs(a - b);
    // NaN compares false with everything, so it would slip past `>`: make it the worst error.
    if (Number.isNaN(error)) maxAbsError = Number.POSITIVE_INFINITY;
    else if (error > maxAbsError) maxAbsError = error;
    if (!isClose(a, b, rtol, atol)) mismatches++;
  }
  return { correct: mismatches === 0, maxAbsError, mismatches, rtol, atol };
}

/** Compare only the sampled elements of C with their expected values (see referenceSample). */
export function checkSample(
  actual: ArrayLike<number>,
  sample: { readonly indices: Int32Array; readonly values: Float64Array },
  shape: Shape,
  dtype: Dtype,
): Check {
  const picked = new Float64Array(sample.indices.length);
  if (actual.length !== shape.m * shape.n) {
    const { rtol, atol } = toleranceFor(dtype, shape.l);
    return { correct: false, maxAbsError: Number.POSITIVE_INFINITY, mismatches: shape.m * shape.n, rtol, atol };
  }
  for (const [t, index] of sample.indices.entries()) picked[t] = actual[index] ?? Number.NaN; // outside C: a mismatch
  return checkResult(picked, sample.values, { m: 1, l: shape.l, n: picked.length }, dtype);
}
