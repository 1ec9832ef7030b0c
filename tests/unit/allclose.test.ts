import { describe, expect, it } from 'vitest';
import { allclose, checkResult, F32_UNIT_ROUNDOFF, isClose, toleranceFor } from '../../src/check/allclose.ts';

describe('allclose() with numpy semantics |a − b| ≤ atol + rtol·|b|', () => {
  it('accepts exactly at the boundary and rejects just past it (atol only)', () => {
    // rtol 0, atol 0.5: |a − b| ≤ 0.5
    expect(allclose([1.5], [1], 0, 0.5)).toBe(true);
    expect(allclose([1.5000001], [1], 0, 0.5)).toBe(false);
  });

  it('rtol scales with |b| (the expected value), not with |a|', () => {
    // b = 100, rtol 0.01 → allowed 1; b = 1 → allowed 0.01
    expect(allclose([101], [100], 0.01, 0)).toBe(true);
    expect(allclose([102], [100], 0.01, 0)).toBe(false);
    // Asymmetric, like numpy: |0 − 1| ≤ 1·|1| but |1 − 0| > 1·|0|
    expect(isClose(0, 1, 1, 0)).toBe(true);
    expect(isClose(1, 0, 1, 0)).toBe(false);
  });

  it('atol dominates near zero, rtol for large values (defaults 1e-5 and 1e-8)', () => {
    // b = 0: allowed 1e-8
    expect(allclose([5e-9], [0])).toBe(true);
    expect(allclose([2e-8], [0])).toBe(false);
    // b = 1e6: allowed 1e-8 + 10
    expect(allclose([1e6 + 9.9], [1e6])).toBe(true);
    expect(allclose([1e6 + 10.1], [1e6])).toBe(false);
  });

  it('uses |b| for negative numbers', () => {
    // b = −100: allowed 0.01·100 = 1
    expect(allclose([-101], [-100], 0.01, 0)).toBe(true);
    expect(allclose([-99], [-100], 0.01, 0)).toBe(true);
    expect(allclose([-102], [-100], 0.01, 0)).toBe(false);
    expect(allclose([100], [-100], 0.01, 0)).toBe(false);
  });

  it('NaN is never close, not even to NaN; equal infinities are', () => {
    expect(allclose([NaN], [NaN])).toBe(false);
    expect(allclose([NaN], [1])).toBe(false);
    expect(allclose([1], [NaN])).toBe(false);
    expect(allclose([Infinity], [Infinity])).toBe(true);
    expect(allclose([Infinity], [-Infinity])).toBe(false);
    expect(allclose([1e308], [Infinity])).toBe(false);
  });

  it('fails on one bad element among many and on different lengths', () => {
    expect(allclose([1, 2, 3, 4], [1, 2, 3, 4])).toBe(true);
    expect(allclose([1, 2, 3.1, 4], [1, 2, 3, 4])).toBe(false);
    expect(allclose([1, 2], [1, 2, 3])).toBe(false);
  });
});

describe('toleranceFor()', () => {
  it('f64 uses numpy defaults whatever l', () => {
    expect(toleranceFor('f64', 10)).toEqual({ rtol: 1e-5, atol: 1e-8 });
    expect(toleranceFor('f64', 100000)).toEqual({ rtol: 1e-5, atol: 1e-8 });
  });

  it('f32 never goes below numpy rtol and grows about like l·2^-24', () => {
    expect(toleranceFor('f32', 10).rtol).toBe(1e-5);
    const big = toleranceFor('f32', 100000).rtol;
    expect(big).toBeGreaterThan(100001 * F32_UNIT_ROUNDOFF);
    expect(big).toBeLessThan(1.01 * 100001 * F32_UNIT_ROUNDOFF);
    expect(toleranceFor('f32', 10000).rtol).toBeLessThan(big);
  });

  it('caps f32 at 100 % where the bound stops meaning anything', () => {
    expect(toleranceFor('f32', 2 ** 30).rtol).toBe(1);
  });
});

describe('checkResult()', () => {
  const shape = { m: 2, l: 3, n: 2 };
  const expected = new Float64Array([1, 2, 3, 4]);

  it('counts mismatches and the largest absolute error', () => {
    const check = checkResult(new Float64Array([1, 2.5, 3, 3]), expected, shape, 'f64');
    expect(check).toEqual({ correct: false, maxAbsError: 1, mismatches: 2, rtol: 1e-5, atol: 1e-8 });
  });

  it('passes an exact result with zero error', () => {
    expect(checkResult(new Float32Array([1, 2, 3, 4]), expected, shape, 'f32')).toMatchObject({ correct: true, maxAbsError: 0, mismatches: 0 });
  });

  it('a NaN in the result is a mismatch and an infinite error', () => {
    const check = checkResult(new Float64Array([1, NaN, 3, 4]), expected, shape, 'f64');
    expect(check.correct).toBe(false);
    expect(check.mismatches).toBe(1);
    expect(check.maxAbsError).toBe(Infinity);
  });

  it('a result of the wrong length (or a reference of the wrong shape) is incorrect', () => {
    expect(checkResult(new Float64Array([1, 2, 3]), expected, shape, 'f64')).toMatchObject({ correct: false, mismatches: 4 });
    expect(checkResult(new Float64Array([1, 2, 3, 4]), expected, { m: 2, l: 3, n: 3 }, 'f64').correct).toBe(false);
  });

  it('accepts f32 rounding that a fixed rtol of 1e-5 would flag at large l', () => {
    const big = { m: 1, l: 100000, n: 1 };
    const c = new Float64Array([25000]);
    const off = new Float32Array([25000 * (1 + 1e-4)]); // 1e-4 relative: inside l·u ≈ 6e-3
    expect(checkResult(off, c, big, 'f32').correct).toBe(true);
    expect(allclose(off, c)).toBe(false);
    expect(checkResult(new Float32Array([25000 * 1.01]), c, big, 'f32').correct).toBe(false);
  });
});
