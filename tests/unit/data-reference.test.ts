import { describe, expect, it } from 'vitest';
import { checkSample } from '../../src/check/allclose.ts';
import { generateInputs } from '../../src/data/generate.ts';
import { referenceProduct, referenceSample } from '../../src/data/reference.ts';

describe('referenceProduct()', () => {
  it('computes a hand-worked product (2×3 · 3×2)', () => {
    const A = new Float64Array([1, 2, 3, 4, 5, 6]);
    const B = new Float64Array([7, 8, 9, 10, 11, 12]);
    // [1·7+2·9+3·11, 1·8+2·10+3·12; 4·7+5·9+6·11, 4·8+5·10+6·12]
    expect(Array.from(referenceProduct(A, B, { m: 2, l: 3, n: 2 }))).toEqual([58, 64, 139, 154]);
  });

  it('accumulates in float64 even for float32 inputs', () => {
    // 1 + 2^-24 + 2^-24 would round back to 1 in float32 at every step.
    const A = new Float32Array([1, 2 ** -12, 2 ** -12]);
    const B = new Float32Array([1, 2 ** -12, 2 ** -12]);
    const C = referenceProduct(A, B, { m: 1, l: 3, n: 1 });
    expect(C).toBeInstanceOf(Float64Array);
    expect(C[0]).toBe(1 + 2 ** -23);
  });

  it('rejects operands that do not match the shape', () => {
    expect(() => referenceProduct(new Float64Array(5), new Float64Array(6), { m: 2, l: 3, n: 2 })).toThrow(/needs 6 and 6/);
  });
});

describe('referenceSample()', () => {
  const shape = { m: 6, l: 5, n: 7 };
  const { A, B } = generateInputs(shape, 'f32', 11);
  const full = referenceProduct(A, B, shape);

  it('gives exactly the full reference at the sampled indices, corners included', () => {
    const sample = referenceSample(A, B, shape, 10, 1);
    expect(sample.indices.length).toBe(10);
    expect(Array.from(sample.indices)).toEqual(expect.arrayContaining([0, 6, 35, 41]));
    sample.indices.forEach((index, t) => expect(sample.values[t]).toBe(full[index]));
  });

  it('is deterministic per seed and never asks for more elements than C has', () => {
    expect(Array.from(referenceSample(A, B, shape, 10, 5).indices)).toEqual(Array.from(referenceSample(A, B, shape, 10, 5).indices));
    expect(referenceSample(A, B, shape, 1000, 5).indices.length).toBe(42);
  });

  it('feeds checkSample, which catches a wrong element it samples and a wrong length', () => {
    const sample = referenceSample(A, B, shape, 42, 1); // every element
    const C = Float32Array.from(full);
    expect(checkSample(C, sample, shape, 'f32')).toMatchObject({ correct: true, mismatches: 0 });
    C[17]! += 1;
    expect(checkSample(C, sample, shape, 'f32')).toMatchObject({ correct: false, mismatches: 1 });
    expect(checkSample(C.subarray(1), sample, shape, 'f32').correct).toBe(false);
  });
});
