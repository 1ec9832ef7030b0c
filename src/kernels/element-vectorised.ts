// Section 3.1: array programming, first step. Each element becomes an element-wise
// product of two vectors followed by a sum reduction, through array helpers. Pure.
import { typedVariant } from './define.ts';
import { column, multiply, ndarray, row, sum } from './ndarray.ts';
import type { KernelContext } from './context.ts';
import { bytesPer, type FloatArray, type Shape } from './types.ts';

// #region element-vectorised
export function vectorisedMatMulElem(aRow: FloatArray, bCol: FloatArray): number {
  const ab = multiply(aRow, bCol); // element-wise operation
  return sum(ab); // reduction operation
}

export function vectorisedMatMul(A: FloatArray, B: FloatArray, C: FloatArray, { m, l, n }: Shape): FloatArray {
  const a = ndarray(A, [m, l]);
  const b = ndarray(B, [l, n]);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      C[i * n + j] = vectorisedMatMulElem(row(a, i), column(b, j));
    }
  }
  return C;
}
// #endregion element-vectorised

export const elementVectorised = typedVariant<KernelContext>({
  id: 'element-vectorised',
  description: 'each element as multiply(row i, column j) then sum, through small array helpers',
  section: '3.1',
  kernel: vectorisedMatMul,
  // Alive at once: the copied column and the product, both of length l (a row is a view).
  extraBytes: ({ l }, dtype) => 2 * l * bytesPer(dtype),
});
