// Shared vocabulary of the kernels. Pure: no DOM, no workers, no timers.
//
// Matrices are row-major typed arrays (A is m×l, B is l×n, C is m×n, the
// notebook's names) unless a variant says otherwise (the layout variants of 3.2.3).

export type Dtype = 'f64' | 'f32';
export type FloatArray = Float64Array | Float32Array;

export interface Shape {
  readonly m: number;
  readonly l: number;
  readonly n: number;
}

/** The typed-array constructor for a dtype. */
export function arrayFor(dtype: Dtype): Float64ArrayConstructor | Float32ArrayConstructor {
  return dtype === 'f64' ? Float64Array : Float32Array;
}

export function bytesPer(dtype: Dtype): 8 | 4 {
  return dtype === 'f64' ? 8 : 4;
}

/** Floating-point operations of one product: a multiply and an add per (i, j, k). */
export function flopsOf({ m, l, n }: Shape): number {
  return 2 * m * l * n;
}

/** Bytes of the two operands and the result. */
export function operandBytes({ m, l, n }: Shape, dtype: Dtype): number {
  return (m * l + l * n + m * n) * bytesPer(dtype);
}
