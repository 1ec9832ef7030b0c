import { describe, expect, it } from 'vitest';
import {
  arange, broadcastMultiply, broadcastShape, column, gather, multiply, ndarray, repeat, reshape, row, shape, sum, sumAxis, tile, transpose,
} from '../../src/kernels/ndarray.ts';

const f64 = (...values: number[]) => new Float64Array(values);

describe('ndarray() / reshape()', () => {
  it('wraps data whose length matches the shape, and reshapes without copying', () => {
    const a = ndarray(f64(1, 2, 3, 4, 5, 6), [2, 3]);
    expect(shape(a)).toEqual([2, 3]);
    const b = reshape(a, [2, 3, 1]);
    expect(b.shape).toEqual([2, 3, 1]);
    expect(b.data).toBe(a.data);
  });

  it('rejects a shape of the wrong size', () => {
    expect(() => ndarray(f64(1, 2, 3), [2, 2])).toThrow(/holds 4 elements, the data has 3/);
    expect(() => reshape(ndarray(f64(1, 2, 3, 4), [4]), [3, 1])).toThrow();
  });
});

describe('row() / column() / multiply() / sum()', () => {
  const a = ndarray(f64(1, 2, 3, 4, 5, 6), [2, 3]);

  it('row is a view of a contiguous row', () => {
    const r = row(a, 1);
    expect(Array.from(r)).toEqual([4, 5, 6]);
    expect(r.buffer).toBe(a.data.buffer);
  });

  it('column is a copy of strided elements', () => {
    const c = column(a, 2);
    expect(Array.from(c)).toEqual([3, 6]);
    expect(c.buffer).not.toBe(a.data.buffer);
  });

  it('multiply is element-wise, keeps the element type and checks lengths', () => {
    const p = multiply(new Float32Array([1, 2, 3]), f64(4, 5, 6));
    expect(p).toBeInstanceOf(Float32Array);
    expect(Array.from(p)).toEqual([4, 10, 18]);
    expect(() => multiply(f64(1, 2), f64(1, 2, 3))).toThrow(/lengths 2 and 3/);
  });

  it('sum reduces to one number (0 for an empty array)', () => {
    expect(sum(f64(1, -2, 3.5))).toBe(2.5);
    expect(sum(f64())).toBe(0);
  });
});

describe('arange() / repeat() / tile() / gather() / transpose()', () => {
  it('build the index arrays of the indexing variant', () => {
    expect(Array.from(arange(3))).toEqual([0, 1, 2]);
    expect(Array.from(repeat(arange(3), 2))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(Array.from(tile(arange(3), 2))).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('gather picks rows, repeats allowed', () => {
    const a = ndarray(f64(1, 2, 3, 4, 5, 6), [3, 2]);
    const g = gather(a, new Int32Array([2, 0, 2]));
    expect(g.shape).toEqual([3, 2]);
    expect(Array.from(g.data)).toEqual([5, 6, 1, 2, 5, 6]);
    expect(() => gather(a, new Int32Array([3]))).toThrow(/outside 0…2/);
  });

  it('transpose swaps the axes', () => {
    const t = transpose(ndarray(f64(1, 2, 3, 4, 5, 6), [2, 3]));
    expect(t.shape).toEqual([3, 2]);
    expect(Array.from(t.data)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});

describe('broadcastShape()', () => {
  it('pairs sizes that are equal or 1, aligned on the last axis', () => {
    expect(broadcastShape([4, 3, 1], [1, 3, 5])).toEqual([4, 3, 5]);
    expect(broadcastShape([3], [2, 1])).toEqual([2, 3]); // missing leading axes count as 1
    expect(broadcastShape([2, 3], [2, 3])).toEqual([2, 3]);
    expect(broadcastShape([1], [0])).toEqual([0]);
  });

  it('rejects a pair that is neither equal nor 1', () => {
    expect(() => broadcastShape([2, 3], [3, 2])).toThrow(/cannot broadcast shapes \(2, 3\) and \(3, 2\): axis 0 has sizes 2 and 3/);
    expect(() => broadcastShape([4, 3, 1], [1, 2, 5])).toThrow(/axis 1/);
  });
});

describe('broadcastMultiply()', () => {
  it('(2,2,1)·(1,2,3) repeats A along the last axis and B along the first', () => {
    const a = ndarray(f64(1, 2, 3, 4), [2, 2, 1]);
    const b = ndarray(f64(10, 20, 30, 40, 50, 60), [1, 2, 3]);
    const p = broadcastMultiply(a, b);
    expect(p.shape).toEqual([2, 2, 3]);
    // p[i,k,j] = a[i,k] · b[k,j]
    expect(Array.from(p.data)).toEqual([10, 20, 30, 80, 100, 120, 30, 60, 90, 160, 200, 240]);
  });

  it('a row vector times a column vector is the outer product', () => {
    const p = broadcastMultiply(ndarray(f64(1, 2, 3), [3]), ndarray(f64(1, 10), [2, 1]));
    expect(p.shape).toEqual([2, 3]);
    expect(Array.from(p.data)).toEqual([1, 2, 3, 10, 20, 30]);
  });

  it('throws for incompatible shapes', () => {
    expect(() => broadcastMultiply(ndarray(f64(1, 2, 3, 4, 5, 6), [2, 3]), ndarray(f64(1, 2, 3, 4, 5, 6), [3, 2]))).toThrow(/cannot broadcast/);
  });
});

describe('sumAxis()', () => {
  const a = ndarray(f64(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), [2, 2, 3]);

  it('drops the summed axis', () => {
    const s1 = sumAxis(a, 1);
    expect(s1.shape).toEqual([2, 3]);
    expect(Array.from(s1.data)).toEqual([1 + 4, 2 + 5, 3 + 6, 7 + 10, 8 + 11, 9 + 12]);
    expect(Array.from(sumAxis(a, 0).data)).toEqual([8, 10, 12, 14, 16, 18]);
    expect(Array.from(sumAxis(a, 2).data)).toEqual([6, 15, 24, 33]);
  });

  it('writes into `out`, overwriting what was there', () => {
    const out = f64(99, 99, 99, 99);
    sumAxis(a, 2, out);
    expect(Array.from(out)).toEqual([6, 15, 24, 33]);
    expect(() => sumAxis(a, 2, f64(0, 0))).toThrow(/needs 4/);
    expect(() => sumAxis(a, 3)).toThrow(/axis 3/);
  });
});
