import { describe, expect, it } from 'vitest';
import { datasets, DEFAULT_SEED, generateInputs, mulberry32, sampleSeed } from '../../src/data/generate.ts';

const shape = { m: 3, l: 4, n: 5 };

describe('generateInputs()', () => {
  it('gives the same data for the same seed on every call', () => {
    const a = generateInputs(shape, 'f64', 42);
    const b = generateInputs(shape, 'f64', 42);
    expect(Array.from(a.A)).toEqual(Array.from(b.A));
    expect(Array.from(a.B)).toEqual(Array.from(b.B));
  });

  it('gives different data for different seeds', () => {
    const a = generateInputs(shape, 'f64', 1);
    const b = generateInputs(shape, 'f64', 2);
    expect(Array.from(a.A)).not.toEqual(Array.from(b.A));
  });

  it('returns row-major arrays of the requested dtype and size', () => {
    const { A, B } = generateInputs(shape, 'f32', 7);
    expect(A).toBeInstanceOf(Float32Array);
    expect(A.length).toBe(12);
    expect(B.length).toBe(20);
    expect(generateInputs(shape, 'f64', 7).A).toBeInstanceOf(Float64Array);
  });

  it('stores the very same values in f32 and f64 for a seed', () => {
    const f32 = generateInputs(shape, 'f32', 9);
    const f64 = generateInputs(shape, 'f64', 9);
    expect(Array.from(f32.A)).toEqual(Array.from(f64.A));
    expect(Array.from(f32.B)).toEqual(Array.from(f64.B));
  });

  it('is uniform in [0, 1): bounds, mean and spread of many draws', () => {
    const { A } = generateInputs({ m: 200, l: 100, n: 1 }, 'f32', DEFAULT_SEED);
    let total = 0;
    let below = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const x of A) {
      total += x;
      if (x < 0.25) below++;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // 20000 draws: the mean has standard deviation 0.29/√20000 ≈ 0.002.
    expect(total / A.length).toBeCloseTo(0.5, 1);
    expect(below / A.length).toBeGreaterThan(0.23);
    expect(below / A.length).toBeLessThan(0.27);
  });
});

describe('mulberry32()', () => {
  it('is the published mulberry32, keeping the top 24 bits', () => {
    // The reference mulberry32(0) starts 1144304738, 1416247, 958946056 (32-bit integers);
    // shifted right by 8 bits they are the values below.
    const random = mulberry32(0);
    expect([random(), random(), random()].map((x) => x * 2 ** 24)).toEqual([4469940, 5532, 3745883]);
    expect(mulberry32(1)()).not.toBe(mulberry32(0)());
  });
});

describe('sampleSeed()', () => {
  it('is deterministic and differs across indices and base seeds', () => {
    const seeds = Array.from({ length: 10 }, (_, i) => sampleSeed(DEFAULT_SEED, i));
    expect(new Set(seeds).size).toBe(10);
    expect(sampleSeed(DEFAULT_SEED, 3)).toBe(seeds[3]);
    expect(sampleSeed(DEFAULT_SEED + 1, 3)).not.toBe(seeds[3]);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});

describe('datasets', () => {
  it('holds the notebook sets', () => {
    expect(datasets.lowL).toMatchObject({ shape: { m: 200, l: 10, n: 400 }, samples: 10, dtype: 'f64' });
    expect(datasets.highL).toMatchObject({ shape: { m: 20, l: 10000, n: 40 }, samples: 10, dtype: 'f64' });
    // One sample: 229 MiB of operands each (src/data/generate.ts says why not the notebook's 3).
    expect(datasets.big).toMatchObject({ shape: { m: 200, l: 100000, n: 400 }, samples: 1, dtype: 'f32' });
  });
});
