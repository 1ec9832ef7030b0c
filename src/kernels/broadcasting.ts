// Section 3.1.2: no loops, by broadcasting. (m, l, 1)·(1, l, n) → (m, l, n), then
// a sum over axis 1. One m·l·n temporary instead of indexing's replicated copies. Pure.
import { typedVariant } from './define.ts';
import { broadcastMultiply, ndarray, reshape, sumAxis } from './ndarray.ts';
import type { KernelContext } from './context.ts';
import { bytesPer, type Dtype, type FloatArray, type Shape } from './types.ts';

// #region broadcasting
export function broadcastingMatMul(A: FloatArray, B: FloatArray, C: FloatArray, { m, l, n }: Shape): FloatArray {
  const a = reshape(ndarray(A, [m, l]), [m, l, 1]); // make the axes explicit
  const b = reshape(ndarray(B, [l, n]), [1, l, n]);
  const products = broadcastMultiply(a, b); // shape (m, l, n)
  sumAxis(products, 1, C); // reduce along the second axis: shape (m, n)
  return C;
}
// #endregion broadcasting

/** The (m, l, n) temporary of products. */
export function broadcastingExtraBytes({ m, l, n }: Shape, dtype: Dtype): number {
  return m * l * n * bytesPer(dtype);
}

export const broadcasting = typedVariant<KernelContext>({
  id: 'broadcasting',
  description: 'no loops: reshape A to (m,l,1) and B to (1,l,n), broadcast-multiply, sum over axis 1',
  section: '3.1.2',
  kernel: broadcastingMatMul,
  extraBytes: broadcastingExtraBytes,
});
