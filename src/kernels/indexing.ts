// Section 3.1.1: no loops at all, by indexing. Every (i, j) pair gets its own copy
// of row i of A and column j of B, so the data are replicated m·n times. Pure.
import { typedVariant } from './define.ts';
import { arange, gather, multiply, ndarray, repeat, sumAxis, tile, transpose } from './ndarray.ts';
import type { KernelContext } from './context.ts';
import { bytesPer, type Dtype, type FloatArray, type Shape } from './types.ts';

// #region indexing
export function indexingMatMul(A: FloatArray, B: FloatArray, C: FloatArray, { m, l, n }: Shape): FloatArray {
  const i = repeat(arange(m), n); // [0, 0, 0, … 1, 1, 1, …]
  const j = tile(arange(n), m); // [0, 1, 2, … 0, 1, 2, …]
  const aRows = gather(ndarray(A, [m, l]), i); // (m·n, l): row i of A for every pair
  const bCols = gather(transpose(ndarray(B, [l, n])), j); // (m·n, l): column j of B for every pair
  const products = ndarray(multiply(aRows.data, bCols.data), [m * n, l]); // element-wise
  const sums = sumAxis(products, 1); // (m·n): one c_ij per pair (i, j)
  for (let p = 0; p < m * n; p++) C[i[p]! * n + j[p]!] = sums.data[p]!; // C[i, j] = sums
  return C;
}
// #endregion indexing

/**
 * Bytes the indexing kernel allocates per call: the two index arrays (Int32),
 * the transposed B, the gathered rows and columns and their product (m·n·l each),
 * and the m·n sums.
 */
export function indexingExtraBytes({ m, l, n }: Shape, dtype: Dtype): number {
  const pairs = m * n;
  return 2 * pairs * 4 + (l * n + 3 * pairs * l + pairs) * bytesPer(dtype);
}

export const indexing = typedVariant<KernelContext>({
  id: 'indexing',
  description: 'no loops: gather rows of A and columns of B for every (i, j), multiply, sum along axis 1',
  section: '3.1.1',
  kernel: indexingMatMul,
  extraBytes: indexingExtraBytes,
});
