// The expected product every variant is checked against. Pure.
import type { FloatArray, Shape } from '../kernels/types.ts';

/**
 * C = A·B accumulated in float64 whatever the input type, so it is the most
 * accurate figure we have for both f32 and f64 inputs (JS arithmetic on numbers
 * is float64, so reading a Float32Array element widens it exactly). i-k-j order: the inner
 * loop walks rows of B and C contiguously, which keeps it quick on big sets.
 */
export function referenceProduct(A: FloatArray, B: FloatArray, shape: Shape): Float64Array {
  const { m, l, n } = shape;
  if (A.length !== m * l || B.length !== l * n) {
    throw new Error(`referenceProduct: A has ${A.length} elements and B ${B.length}; ${m}×${l}·${l}×${n} needs ${m * l} and ${l * n}`);
  }
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const cRow = i * n;
    for (let k = 0; k < l; k++) {
      const aik = A[i * l + k];
      const bRow = k * n;
      for (let j = 0; j < n; j++) C[cRow + j] += aik * B[bRow + j];
    }
  }
  return C;
}
