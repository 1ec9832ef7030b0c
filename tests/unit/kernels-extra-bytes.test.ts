// extraBytes, worked out by hand for m=2, l=3, n=4 (m·n = 8 pairs).
import { describe, expect, it } from 'vitest';
import { findSerialVariant } from '../../src/kernels/registry.ts';
import { TUNED_SCRATCH_BYTES } from '../../src/kernels/wasm-module.ts';
import { findParallelVariant } from '../../src/parallel/variants.ts';

const shape = { m: 2, l: 3, n: 4 };
const extra = (id: string, dtype: 'f64' | 'f32') => findSerialVariant(id)!.extraBytes(shape, dtype);

describe('extraBytes', () => {
  it('indexing: index arrays, transposed B, gathered rows, columns, products and sums', () => {
    // i and j: 2·8 Int32 = 64 B; B^T 12, aRows 24, bCols 24, products 24, sums 8 = 92 elements
    expect(extra('indexing', 'f64')).toBe(64 + 92 * 8); // 800
    expect(extra('indexing', 'f32')).toBe(64 + 92 * 4); // 432
  });

  it('broadcasting: one (m, l, n) temporary', () => {
    expect(extra('broadcasting', 'f64')).toBe(2 * 3 * 4 * 8); // 192
    expect(extra('broadcasting', 'f32')).toBe(96);
  });

  it('element-vectorised: a column copy and a product of length l at a time', () => {
    expect(extra('element-vectorised', 'f64')).toBe(2 * 3 * 8);
  });

  it('layouts: the converted copies only', () => {
    expect(extra('layout-rr', 'f64')).toBe(0);
    expect(extra('layout-rc', 'f64')).toBe(12 * 8);
    expect(extra('layout-cr', 'f64')).toBe(6 * 8);
    expect(extra('layout-cc', 'f32')).toBe(18 * 4);
  });

  it('naive and ikj allocate nothing; WebAssembly variants copy A, B and C', () => {
    expect(extra('naive', 'f64')).toBe(0);
    expect(extra('ikj', 'f64')).toBe(0);
    expect(extra('wasm-simd', 'f32')).toBe((6 + 12 + 8) * 4);
  });

  it('pool-row: rows of A cut out and received, B on the sending side; one B per worker', () => {
    const v = findParallelVariant('pool-row')!;
    expect(v.extraBytes(shape, 'f64')).toBe((2 * 6 + 12) * 8); // 192
    expect(v.workerBytes!(shape, 'f64')).toBe(12 * 8); // B: 96 per worker
  });

  it('parallel-tuned: A, B and C in the wasm memory; a packing scratch per worker', () => {
    const v = findParallelVariant('parallel-tuned')!;
    expect(v.extraBytes(shape, 'f32')).toBe((6 + 12 + 8) * 4);
    expect(v.workerBytes!(shape, 'f32')).toBe(TUNED_SCRATCH_BYTES);
  });
});
