// The data sets hold real samples (2.1): different matrices per sample, the same ones on every run.
import { describe, expect, it } from 'vitest';
import { datasets, DEFAULT_SEED, generateInputs } from '../../src/data/generate.ts';
import { dataSampleSeeds, datasetWithShape } from '../../src/data/samples.ts';

describe('dataSampleSeeds()', () => {
  for (const id of ['lowL', 'highL'] as const) {
    it(`gives ${id} 10 samples with different A and B, the same on every call`, () => {
      const { shape } = datasets[id];
      const seeds = dataSampleSeeds(shape, DEFAULT_SEED);
      expect(seeds).toHaveLength(10);
      expect(new Set(seeds).size).toBe(10);
      expect(dataSampleSeeds(shape, DEFAULT_SEED)).toEqual(seeds);
      const samples = seeds.map((seed) => generateInputs(shape, 'f64', seed));
      // Pairwise different: compare a prefix of each operand (the first values already differ for distinct seeds).
      const key = (x: Float64Array | Float32Array) => Array.from(x.subarray(0, 8)).join(',');
      expect(new Set(samples.map((s) => key(s.A))).size).toBe(10);
      expect(new Set(samples.map((s) => key(s.B))).size).toBe(10);
      // …and the same matrices again from the same seed.
      const again = generateInputs(shape, 'f64', seeds[3]!);
      expect(Array.from(again.A)).toEqual(Array.from(samples[3]!.A));
      expect(Array.from(again.B)).toEqual(Array.from(samples[3]!.B));
    });
  }

  it('draws other samples from another base seed', () => {
    const a = dataSampleSeeds(datasets.lowL.shape, 1);
    const b = dataSampleSeeds(datasets.lowL.shape, 2);
    expect(a.filter((s) => b.includes(s))).toEqual([]);
  });

  it('gives the big set one sample, and a shape of its own one pair from the base seed itself', () => {
    expect(dataSampleSeeds(datasets.big.shape, 7)).toHaveLength(1);
    expect(dataSampleSeeds({ m: 200, l: 11, n: 400 }, 7)).toEqual([7]);
    expect(dataSampleSeeds({ m: 512, l: 512, n: 512 }, 7)).toEqual([7]);
  });
});

describe('datasetWithShape()', () => {
  it('finds the named set by its shape alone, whatever the dtype', () => {
    expect(datasetWithShape({ m: 20, l: 10000, n: 40 })?.id).toBe('highL');
    expect(datasetWithShape({ m: 200, l: 10, n: 400 })?.id).toBe('lowL');
    expect(datasetWithShape({ m: 200, l: 100000, n: 400 })?.id).toBe('big');
    expect(datasetWithShape({ m: 400, l: 10, n: 200 })).toBeUndefined();
  });
});
