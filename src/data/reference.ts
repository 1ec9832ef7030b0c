// The expected product every variant is checked against. Pure.
import type { FloatArray, Shape } from '../kernels/types.ts';

/**
 * C = A·B accumulated in float64 whatever the input type, so it is the most
 * accurate figure we have for both f32 and f64 inputs (JS arithmetic on numbers
 * is float64, so reading a Float32Array element widens it exactly).
 *
 * i-k-j order, with k cut into slices whose rows of B fit in cache (~256 KiB):
 * on the big set (l = 100000) a plain i-k-j loop would stream all of B from main
 * memory once per row of A and take several times longer.
 */
export function referenceProduct(A: FloatArray, B: FloatArray, shape: Shape): Float64Array {
  const { m, l, n } = shape;
  if (A.length !== m * l || B.length !== l * n) {
    throw new Error(`referenceProduct: A has ${A.length} elements and B ${B.length}; ${m}×${l}·${l}×${n} needs ${m * l} and ${l * n}`);
  }
  const C = new Float64Array(m * n);
  const kc = Math.max(16, Math.floor((256 * 1024) / Math.max(1, n * B.BYTES_PER_ELEMENT)));
  for (let k0 = 0; k0 < l; k0 += kc) {
    const k1 = Math.min(k0 + kc, l);
    for (let i = 0; i < m; i++) {
      const cRow = i * n;
      for (let k = k0; k < k1; k++) {
        const aik = A[i * l + k]!;
        const bRow = k * n;
        for (let j = 0; j < n; j++) C[cRow + j]! += aik * B[bRow + j]!;
      }
    }
  }
  return C;
}

/** Expected values of some elements of C (row-major indices into m×n). */
export interface ReferenceSample {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/**
 * A spot check for products too big to recompute whole in reasonable time (the
 * big set's full reference takes tens of seconds in JS): `count` elements of C,
 * the four corners always among them (edge rows and columns are where blocked
 * kernels go wrong), the rest drawn from a seeded generator. Each costs one
 * length-l dot product, accumulated in float64.
 */
export function referenceSample(A: FloatArray, B: FloatArray, shape: Shape, count: number, seed: number): ReferenceSample {
  const { m, l, n } = shape;
  if (A.length !== m * l || B.length !== l * n) {
    throw new Error(`referenceSample: A has ${A.length} elements and B ${B.length}; ${m}×${l}·${l}×${n} needs ${m * l} and ${l * n}`);
  }
  const size = m * n;
  const chosen = new Set<number>();
  for (const corner of [0, n - 1, (m - 1) * n, size - 1]) if (size > 0) chosen.add(corner);
  let state = seed >>> 0;
  while (chosen.size < Math.min(count, size)) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0; // an LCG is plenty to spread indices
    chosen.add(Math.floor((state / 2 ** 32) * size));
  }
  const indices = Int32Array.from([...chosen].sort((x, y) => x - y));
  const values = new Float64Array(indices.length);
  for (const [t, index] of indices.entries()) {
    const i = Math.floor(index / n);
    const j = index - i * n;
    let cij = 0;
    for (let k = 0; k < l; k++) cij += A[i * l + k]! * B[k * n + j]!;
    values[t] = cij;
  }
  return { indices, values };
}
