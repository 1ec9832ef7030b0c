// The terminal's header line says over how many data samples the times were taken:
// a median over one sample and one over ten must not read alike.
import { describe, expect, it } from 'vitest';
import { formatRunHeader } from '../../src/bench/format.ts';
import { measured } from './series-fixtures.ts';

describe('formatRunHeader()', () => {
  it('names the data samples the times were taken on', () => {
    const line = formatRunHeader([measured('naive', Array(10).fill(1), { dataSamples: 10 })], 7);
    expect(line).toBe('C(200×400) = A(200×10) · B(10×400), f64, 10 samples per variant over 10 data samples (each checked), seed 7, times per product');
    expect(formatRunHeader([measured('naive', Array(5).fill(1), { dataSamples: 1 })], 7)).toContain('5 samples per variant over 1 data sample (each checked), seed 7');
  });

  it('leaves it out for results that do not record it', () => {
    expect(formatRunHeader([measured('naive', Array(5).fill(1))], 7)).toContain('5 samples per variant, seed 7');
  });
});
