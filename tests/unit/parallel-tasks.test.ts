// The pure task functions of the pool, checked against the reference product.
import { describe, expect, it } from 'vitest';
import { generateInputs } from '../../src/data/generate.ts';
import { referenceProduct } from '../../src/data/reference.ts';
import { arrayFor, type Dtype, type Shape } from '../../src/kernels/types.ts';
import { incrementAtomic, incrementPlain, RACE_SLOTS } from '../../src/parallel/race-kernels.ts';
import { chunkRanges, elementsInto, packedDots, packElements, rowsInto, splitEvenly } from '../../src/parallel/tasks.ts';
import { WASM_PAGE_BYTES, wasmLayout } from '../../src/parallel/wasm-layout.ts';

const shapes: Shape[] = [
  { m: 7, l: 13, n: 5 },
  { m: 1, l: 1, n: 1 },
  { m: 3, l: 17, n: 2 },
];

function maxError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < expected.length; i++) e = Math.max(e, Math.abs(actual[i]! - expected[i]!));
  return e;
}

describe('chunkRanges / splitEvenly', () => {
  it('cover every task exactly once, in order', () => {
    expect(chunkRanges(10, 4)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
      { start: 8, end: 10 },
    ]);
    expect(chunkRanges(0, 3)).toEqual([]);
    expect(splitEvenly(7, 3)).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
      { start: 6, end: 7 },
    ]);
    expect(splitEvenly(1, 3)).toEqual([{ start: 0, end: 1 }]);
  });

  it('refuse sizes that are not whole numbers ≥ 1', () => {
    expect(() => chunkRanges(5, 0)).toThrow(RangeError);
    expect(() => chunkRanges(5, 1.5)).toThrow(RangeError);
    expect(() => chunkRanges(-1, 2)).toThrow(RangeError);
    expect(() => splitEvenly(5, 0)).toThrow(RangeError);
  });
});

describe('task kernels', () => {
  for (const dtype of ['f64', 'f32'] as Dtype[]) {
    for (const shape of shapes) {
      const { m, l, n } = shape;
      const { A, B } = generateInputs(shape, dtype, 11);
      const expected = referenceProduct(A, B, shape);
      const tol = dtype === 'f64' ? 1e-12 : 1e-5;

      it(`rowsInto computes any block of rows (${dtype} ${m}×${l}×${n})`, () => {
        const C = new (arrayFor(dtype))(m * n).fill(NaN);
        const acc = new Float64Array(n);
        for (const { start, end } of splitEvenly(m, 2)) rowsInto(A, B, C, shape, start, end, acc);
        expect(maxError(C, expected)).toBeLessThan(tol);
      });

      it(`elementsInto computes any range of elements (${dtype} ${m}×${l}×${n})`, () => {
        const C = new (arrayFor(dtype))(m * n).fill(NaN);
        for (const { start, end } of chunkRanges(m * n, 3)) elementsInto(A, B, C, shape, start, end);
        expect(maxError(C, expected)).toBeLessThan(tol);
      });

      it(`packElements + packedDots give each c_ij (${dtype} ${m}×${l}×${n})`, () => {
        const Ctor = arrayFor(dtype);
        const C = new Ctor(m * n).fill(NaN);
        for (const { start, end } of chunkRanges(m * n, 4)) {
          const count = end - start;
          const rows = new Ctor(count * l);
          const cols = new Ctor(count * l);
          packElements(A, B, shape, start, end, rows, cols);
          C.set(packedDots(rows, cols, l, new Ctor(count)), start);
        }
        expect(maxError(C, expected)).toBeLessThan(tol);
      });
    }
  }
});

describe('race kernels on one thread', () => {
  it('count exactly when nothing runs concurrently', () => {
    const cells = new Int32Array(RACE_SLOTS.length);
    incrementPlain(cells, 1000);
    incrementAtomic(cells, 500);
    expect(cells[RACE_SLOTS.counter]).toBe(1500);
  });

  it('keep the counter on a cache line of its own', () => {
    expect(RACE_SLOTS.ready - RACE_SLOTS.counter).toBeGreaterThanOrEqual(16);
    expect(RACE_SLOTS.go - RACE_SLOTS.ready).toBeGreaterThanOrEqual(16);
  });
});

describe('wasmLayout', () => {
  it('places A, B and C after the first page, 16-byte aligned and without overlap', () => {
    const L = wasmLayout({ m: 3, l: 5, n: 7 }, 'f32');
    expect(L.a).toBe(WASM_PAGE_BYTES);
    expect(L.b % 16).toBe(0);
    expect(L.c % 16).toBe(0);
    expect(L.b).toBeGreaterThanOrEqual(L.a + 3 * 5 * 4);
    expect(L.c).toBeGreaterThanOrEqual(L.b + 5 * 7 * 4);
    expect(L.pages * WASM_PAGE_BYTES).toBeGreaterThanOrEqual(L.c + 3 * 7 * 4);
  });

  it('fits the big case and refuses what exceeds 4 GiB', () => {
    expect(wasmLayout({ m: 200, l: 100000, n: 400 }, 'f32').pages).toBeLessThan(65536);
    expect(() => wasmLayout({ m: 30000, l: 30000, n: 30000 }, 'f64')).toThrow(/4 GiB/);
  });
});
