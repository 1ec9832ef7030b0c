// Section 3.2.3: memory layout. The same loop reads A and B through strides; only
// the storage order of A and B changes between the four variants. Pure.
import { assertInputs, BOTH_DTYPES, outputFor } from './define.ts';
import type { KernelContext } from './context.ts';
import { arrayFor, bytesPer, type Dtype, type FloatArray, type Shape } from './types.ts';
import type { RunOnce, Variant } from './variant.ts';

export type Layout = 'row' | 'col';

// #region layout
/**
 * Element (i, k) of A is A[i·aRowStep + k·aColStep] and element (k, j) of B is
 * B[k·bRowStep + j·bColStep]. Row-major m×l: steps (l, 1); column-major: (1, m).
 * The inner loop over k is contiguous only when A is row-major and B column-major.
 */
export function stridedMatMul(
  A: FloatArray, aRowStep: number, aColStep: number,
  B: FloatArray, bRowStep: number, bColStep: number,
  C: FloatArray, { m, l, n }: Shape,
): FloatArray {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let cij = 0;
      for (let k = 0; k < l; k++) {
        cij += A[i * aRowStep + k * aColStep]! * B[k * bRowStep + j * bColStep]!;
      }
      C[i * n + j] = cij;
    }
  }
  return C;
}
// #endregion layout

/** A row-major rows×cols matrix stored in the given order (a copy when column-major). */
export function toLayout(data: FloatArray, rows: number, cols: number, layout: Layout, dtype: Dtype): FloatArray {
  if (layout === 'row') return data;
  const out = new (arrayFor(dtype))(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c]!;
  }
  return out;
}

/** The two steps (row, column) of a rows×cols matrix in a layout. */
export function stepsOf(layout: Layout, rows: number, cols: number): [rowStep: number, colStep: number] {
  return layout === 'row' ? [cols, 1] : [1, rows];
}

const names: Record<Layout, string> = { row: 'row-major', col: 'column-major' };

function layoutVariant(aLayout: Layout, bLayout: Layout): Variant<KernelContext> {
  const tag = `${aLayout[0]}${bLayout[0]}`; // rr, rc, cr, cc
  return {
    id: `layout-${tag}`,
    description: `A ${names[aLayout]}, B ${names[bLayout]} (converted in set-up), same strided loop`,
    section: '3.2.3',
    dtypes: BOTH_DTYPES,
    // The converted copies live while the variant runs.
    extraBytes: ({ m, l, n }, dtype) =>
      ((aLayout === 'col' ? m * l : 0) + (bLayout === 'col' ? l * n : 0)) * bytesPer(dtype),
    setup(inputs): RunOnce {
      assertInputs(inputs);
      const { dtype, shape } = inputs;
      const { m, l, n } = shape;
      const A = toLayout(inputs.A, m, l, aLayout, dtype);
      const B = toLayout(inputs.B, l, n, bLayout, dtype);
      const [aRowStep, aColStep] = stepsOf(aLayout, m, l);
      const [bRowStep, bColStep] = stepsOf(bLayout, l, n);
      const C = outputFor(inputs);
      return () => stridedMatMul(A, aRowStep, aColStep, B, bRowStep, bColStep, C, shape);
    },
  };
}

// Region `layout` above is the loop all four share; these regions show each pairing.
// #region layout-rr
export const layoutRR = layoutVariant('row', 'row'); // A[i·l + k], B[k·n + j]
// #endregion layout-rr
// #region layout-rc
export const layoutRC = layoutVariant('row', 'col'); // A[i·l + k], B[k + j·l]: both contiguous in k
// #endregion layout-rc
// #region layout-cr
export const layoutCR = layoutVariant('col', 'row'); // A[i + k·m], B[k·n + j]: both strided in k
// #endregion layout-cr
// #region layout-cc
export const layoutCC = layoutVariant('col', 'col'); // A[i + k·m], B[k + j·l]
// #endregion layout-cc
