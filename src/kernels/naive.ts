// Section 1.2: the naive product, straight from the definition c_ij = Σ_k a_ik·b_kj.
// Pure: no DOM, no workers, no timers.
import type { KernelContext } from './context.ts';
import type { FloatArray, Shape } from './types.ts';
import type { RunOnce, Variant } from './variant.ts';
import { assertInputs, BOTH_DTYPES, outputFor, typedVariant } from './define.ts';

// #region naive
/** c_ij: row i of A starts at aStart (step 1), column j of B at bStart (step n). */
export function matMulElem(A: FloatArray, aStart: number, B: FloatArray, bStart: number, n: number, l: number): number {
  let cij = 0;
  for (let k = 0; k < l; k++) {
    const ab = A[aStart + k]! * B[bStart + k * n]!; // multiply element-wise
    cij += ab; // reduce with a sum
  }
  return cij;
}

export function matMul(A: FloatArray, B: FloatArray, C: FloatArray, { m, l, n }: Shape): FloatArray {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      C[i * n + j] = matMulElem(A, i * l, B, j, n, l);
    }
  }
  return C;
}
// #endregion naive

// #region naive-plain
/** The same element over plain arrays: a row of A is a number[], B is one number[] per row. */
export function plainMatMulElem(aRow: number[], B: number[][], j: number, l: number): number {
  let cij = 0;
  for (let k = 0; k < l; k++) {
    cij += aRow[k]! * B[k]![j]!;
  }
  return cij;
}

export function plainMatMul(A: number[][], B: number[][], C: FloatArray, { m, l, n }: Shape): FloatArray {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      C[i * n + j] = plainMatMulElem(A[i]!, B, j, l);
    }
  }
  return C;
}
// #endregion naive-plain

/** Row-major flat data to one plain array per row (untimed set-up of naive-plain). */
export function toNested(data: FloatArray, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) out.push(Array.from(data.subarray(r * cols, (r + 1) * cols)));
  return out;
}

export const naive = typedVariant<KernelContext>({
  id: 'naive',
  description: 'one function per element (loop over k), a double loop over i and j, on typed arrays',
  section: '1.2',
  kernel: matMul,
});

export const naivePlain: Variant<KernelContext> = {
  id: 'naive-plain',
  description: 'the naive loops over plain number[][] arrays instead of typed arrays',
  section: '1.2',
  dtypes: BOTH_DTYPES,
  // The nested copies are made in set-up and live while the variant runs.
  extraBytes: ({ m, l, n }) => 8 * (m * l + l * n),
  setup(inputs): RunOnce {
    assertInputs(inputs);
    const { m, l, n } = inputs.shape;
    const A = toNested(inputs.A, m, l);
    const B = toNested(inputs.B, l, n);
    const C = outputFor(inputs);
    return () => plainMatMul(A, B, C, inputs.shape);
  },
};
