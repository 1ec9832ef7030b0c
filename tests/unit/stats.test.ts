import { describe, expect, it } from 'vitest';
import { computeStats, gflops, mad, max, mean, median, min, noisy, p10, quantile } from '../../src/bench/stats.ts';

describe('stats', () => {
  // Odd count, unsorted on purpose: sorted it is [1, 2, 3, 4, 10].
  const odd = [4, 1, 3, 2, 10];
  // Even count: sorted [1, 2, 3, 4].
  const even = [3, 1, 4, 2];

  it('median takes the middle value, or the mean of the two middle values', () => {
    expect(median(odd)).toBe(3);
    expect(median(even)).toBe(2.5); // (2 + 3) / 2
  });

  it('p10 interpolates linearly between ranks (numpy default)', () => {
    // odd: h = (5-1)·0.1 = 0.4 → 1 + 0.4·(2-1) = 1.4
    expect(p10(odd)).toBeCloseTo(1.4, 12);
    // even: h = (4-1)·0.1 = 0.3 → 1 + 0.3·(2-1) = 1.3
    expect(p10(even)).toBeCloseTo(1.3, 12);
    // q = 0 and q = 1 are the extremes
    expect(quantile(odd, 0)).toBe(1);
    expect(quantile(odd, 1)).toBe(10);
    // 90th percentile of odd: h = 3.6 → 4 + 0.6·(10-4) = 7.6
    expect(quantile(odd, 0.9)).toBeCloseTo(7.6, 12);
  });

  it('min, max, mean', () => {
    expect(min(odd)).toBe(1);
    expect(max(odd)).toBe(10);
    expect(mean(odd)).toBe(4); // 20 / 5
  });

  it('MAD is the median of absolute deviations from the median', () => {
    // |x - 3| for [4,1,3,2,10] = [1,2,0,1,7] → sorted [0,1,1,2,7] → 1
    expect(mad(odd)).toBe(1);
    // |x - 2.5| for [3,1,4,2] = [0.5,1.5,1.5,0.5] → (0.5 + 1.5) / 2 = 1
    expect(mad(even)).toBe(1);
  });

  it('noisy means max/min strictly above 1.5', () => {
    expect(noisy([10, 12, 14])).toBe(false); // 1.4
    expect(noisy([10, 15])).toBe(false); // exactly 1.5
    expect(noisy([10, 15.01])).toBe(true);
    expect(noisy(odd)).toBe(true); // 10
  });

  it('does not reorder the caller\'s array', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('rejects empty input instead of returning NaN', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => mean([])).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('computeStats gathers all of them', () => {
    expect(computeStats(odd)).toEqual({
      medianMs: 3,
      minMs: 1,
      maxMs: 10,
      madMs: 1,
      p10Ms: expect.closeTo(1.4, 12),
      meanMs: 4,
      noisy: true,
    });
  });

  it('gflops = 2·m·l·n / (ms·1e6)', () => {
    // 2·512³ = 268 435 456 flops in 10 ms → 26.8435456 GFLOP/s
    expect(gflops({ m: 512, l: 512, n: 512 }, 10)).toBeCloseTo(26.8435456, 9);
    // 2·200·10·400 = 1 600 000 flops in 1.6 ms → 1 GFLOP/s
    expect(gflops({ m: 200, l: 10, n: 400 }, 1.6)).toBeCloseTo(1, 12);
  });
});
