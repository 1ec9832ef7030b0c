// Section 3.2.3: the same arithmetic as naive, with the memory walked in a better
// order. Pure: no DOM, no workers, no timers.
import { assertInputs, BOTH_DTYPES, outputFor, typedVariant } from './define.ts';
import { ndarray, transpose } from './ndarray.ts';
import type { KernelContext } from './context.ts';
import { bytesPer, type FloatArray, type Shape } from './types.ts';
import type { RunOnce, Variant } from './variant.ts';

// #region ikj
/** i-k-j order: the inner loop runs along a row of B and a row of C, both contiguous. */
export function ikjMatMul(A: FloatArray, B: FloatArray, C: FloatArray, { m, l, n }: Shape): FloatArray {
  C.fill(0);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < l; k++) {
      const aik = A[i * l + k]!;
      for (let j = 0; j < n; j++) {
        C[i * n + j]! += aik * B[k * n + j]!;
      }
    }
  }
  return C;
}
// #endregion ikj

// #region transposed-b
/** B transposed once (n×l, in set-up): c_ij is then the dot product of two contiguous rows. */
export function transposedMatMul(A: FloatArray, BT: FloatArray, C: FloatArray, { m, l, n }: Shape): FloatArray {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let cij = 0;
      for (let k = 0; k < l; k++) {
        cij += A[i * l + k]! * BT[j * l + k]!;
      }
      C[i * n + j] = cij;
    }
  }
  return C;
}
// #endregion transposed-b

export const ikj = typedVariant<KernelContext>({
  id: 'ikj',
  description: 'loops in i-k-j order: the inner loop walks rows of B and C contiguously',
  section: '3.2.3',
  kernel: ikjMatMul,
});

export const transposedB: Variant<KernelContext> = {
  id: 'transposed-b',
  description: 'B transposed in set-up, then each element is a dot product of two contiguous rows',
  section: '3.2.3',
  dtypes: BOTH_DTYPES,
  extraBytes: ({ l, n }, dtype) => l * n * bytesPer(dtype), // the transposed copy of B
  setup(inputs): RunOnce {
    assertInputs(inputs);
    const { A, B, shape } = inputs;
    const BT = transpose(ndarray(B, [shape.l, shape.n])).data;
    const C = outputFor(inputs);
    return () => transposedMatMul(A, BT, C, shape);
  },
};
