// A very small "numpy" for the array-programming variants of section 3.1: just
// enough n-d arrays to write those kernels the notebook's way. Pure.
//
// An NDArray is a flat typed array plus a shape, row-major (the last axis is
// contiguous). There are no strided views: where numpy would return a view of
// non-contiguous data (a column, a transpose), these helpers copy, and say so.
import type { FloatArray } from './types.ts';

export interface NDArray<T extends FloatArray = FloatArray> {
  readonly data: T;
  readonly shape: readonly number[];
}

/** Wrap a flat array; its length must equal the product of the shape. */
export function ndarray<T extends FloatArray>(data: T, shape: readonly number[]): NDArray<T> {
  if (size(shape) !== data.length) {
    throw new Error(`shape (${shape.join(', ')}) holds ${size(shape)} elements, the data has ${data.length}`);
  }
  return { data, shape: [...shape] };
}

/** Number of elements of a shape. */
export function size(shape: readonly number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

/** The shape of an array (numpy's `a.shape`). */
export function shape(a: NDArray): readonly number[] {
  return a.shape;
}

/** Same data, new shape (no copy); sizes must agree, like numpy's reshape. */
export function reshape<T extends FloatArray>(a: NDArray<T>, newShape: readonly number[]): NDArray<T> {
  return ndarray(a.data, newShape);
}

/** A new zeroed array of the same element type as `like`. */
function empty<T extends FloatArray>(like: T, length: number): T {
  return new (like.constructor as new (length: number) => T)(length);
}

/** Rows and columns of a 2-d array; throws for any other rank. */
function dims2(a: NDArray, op: string): [rows: number, cols: number] {
  const [rows, cols] = a.shape;
  if (a.shape.length !== 2 || rows === undefined || cols === undefined) {
    throw new Error(`${op}: needs a 2-d array, got shape (${a.shape.join(', ')})`);
  }
  return [rows, cols];
}

// ---- one row, one column, element-wise product, sum (section 3.1) ----

// row and column are called once per element of C (element-vectorised): no rank check there.

/** Row i of a 2-d array: a view, no copy (rows are contiguous). */
export function row<T extends FloatArray>(a: NDArray<T>, i: number): T {
  const cols = a.shape[1]!;
  return a.data.subarray(i * cols, (i + 1) * cols) as T;
}

/** Column j of a 2-d array: a copy, because its elements are a row length apart. */
export function column<T extends FloatArray>(a: NDArray<T>, j: number): T {
  const rows = a.shape[0]!;
  const cols = a.shape[1]!;
  const out = empty(a.data, rows);
  for (let k = 0; k < rows; k++) out[k] = a.data[k * cols + j]!;
  return out;
}

/** Element-wise product of two vectors of the same length (a new vector). */
export function multiply<T extends FloatArray>(a: T, b: FloatArray): T {
  if (a.length !== b.length) throw new Error(`multiply: lengths ${a.length} and ${b.length} differ`);
  const out = empty(a, a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k]! * b[k]!;
  return out;
}

/** Sum of all elements: the reduction. */
export function sum(a: FloatArray): number {
  let total = 0;
  for (let k = 0; k < a.length; k++) total += a[k]!;
  return total;
}

// ---- index arrays and gathering (section 3.1.1) ----

/** [0, 1, …, n−1] (np.arange). */
export function arange(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = k;
  return out;
}

/** Each element `times` times in a row: repeat([0, 1], 2) = [0, 0, 1, 1] (np.repeat). */
export function repeat(a: Int32Array, times: number): Int32Array {
  const out = new Int32Array(a.length * times);
  for (let k = 0; k < out.length; k++) out[k] = a[Math.floor(k / times)]!;
  return out;
}

/** The whole array `times` times: tile([0, 1], 2) = [0, 1, 0, 1] (np.tile). */
export function tile(a: Int32Array, times: number): Int32Array {
  const out = new Int32Array(a.length * times);
  for (let t = 0; t < times; t++) out.set(a, t * a.length);
  return out;
}

/** Rows of a 2-d array picked by `indices` (numpy's `a[indices, :]`): a new (indices.length × cols) array. */
export function gather<T extends FloatArray>(a: NDArray<T>, indices: Int32Array): NDArray<T> {
  const [rows, cols] = dims2(a, 'gather');
  const out = empty(a.data, indices.length * cols);
  for (let r = 0; r < indices.length; r++) {
    const from = indices[r]!;
    if (from < 0 || from >= rows) throw new Error(`gather: index ${from} outside 0…${rows - 1}`);
    out.set(a.data.subarray(from * cols, (from + 1) * cols), r * cols);
  }
  return { data: out, shape: [indices.length, cols] };
}

/** The transpose of a 2-d array, as a copy (numpy's `a.T` is a view; we have no strides). */
export function transpose<T extends FloatArray>(a: NDArray<T>): NDArray<T> {
  const [rows, cols] = dims2(a, 'transpose');
  const out = empty(a.data, rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = a.data[r * cols + c]!;
  }
  return { data: out, shape: [cols, rows] };
}

// ---- broadcasting and reductions along an axis (section 3.1.2) ----

/**
 * numpy's broadcasting rule: align the shapes on their last axis; each pair of
 * sizes must be equal, or one of them 1 (that axis is then repeated to match).
 * Missing leading axes count as 1. (m, l, 1) with (1, l, n) gives (m, l, n).
 * Throws when a pair is neither equal nor contains a 1, e.g. (2, 3) with (3, 2).
 */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let axis = 0; axis < rank; axis++) {
    const da = a[a.length - rank + axis] ?? 1;
    const db = b[b.length - rank + axis] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`cannot broadcast shapes (${a.join(', ')}) and (${b.join(', ')}): axis ${axis} has sizes ${da} and ${db}`);
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Strides (in elements) of `shape` seen through the broadcast `target`: 0 where the axis is repeated. */
function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const strides = new Array<number>(target.length).fill(0);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const targetAxis = target.length - shape.length + axis;
    const dim = shape[axis]!;
    strides[targetAxis] = dim === 1 ? 0 : stride;
    stride *= dim;
  }
  return strides;
}

/** Element-wise a·b under the broadcasting rule: a new array of the broadcast shape. */
export function broadcastMultiply<T extends FloatArray>(a: NDArray<T>, b: NDArray): NDArray<T> {
  const outShape = broadcastShape(a.shape, b.shape);
  const rank = outShape.length;
  const out = empty(a.data, size(outShape));
  if (out.length === 0) return { data: out, shape: outShape };
  const sa = broadcastStrides(a.shape, outShape);
  const sb = broadcastStrides(b.shape, outShape);
  // A 0-d result is one element: no last axis, so one step of length 1.
  const inner = outShape.at(-1) ?? 1;
  const ia = sa.at(-1) ?? 0;
  const ib = sb.at(-1) ?? 0;
  // Odometer over every axis but the last; the innermost loop is a plain strided loop.
  const counter = new Array<number>(Math.max(rank - 1, 0)).fill(0);
  let offA = 0;
  let offB = 0;
  for (let start = 0; start < out.length; start += inner) {
    for (let k = 0; k < inner; k++) out[start + k] = a.data[offA + k * ia]! * b.data[offB + k * ib]!;
    for (let axis = rank - 2; axis >= 0; axis--) {
      const dim = outShape[axis]!;
      offA += sa[axis]!;
      offB += sb[axis]!;
      if (++counter[axis]! < dim) break;
      offA -= sa[axis]! * dim;
      offB -= sb[axis]! * dim;
      counter[axis] = 0;
    }
  }
  return { data: out, shape: outShape };
}

/**
 * Sum over one axis (np.sum(a, axis)); the result drops that axis. Written into
 * `out` when given (numpy's `out=`), else into a new array.
 */
export function sumAxis<T extends FloatArray>(a: NDArray<T>, axis: number, out?: FloatArray): NDArray<T> {
  const len = a.shape[axis];
  if (len === undefined) throw new Error(`sumAxis: axis ${axis} outside a ${a.shape.length}-d array`);
  const outer = size(a.shape.slice(0, axis));
  const inner = size(a.shape.slice(axis + 1));
  const result = (out ?? empty(a.data, outer * inner)) as T;
  if (result.length !== outer * inner) throw new Error(`sumAxis: out has ${result.length} elements, needs ${outer * inner}`);
  result.fill(0);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < len; k++) {
      const from = (o * len + k) * inner;
      const to = o * inner;
      for (let i = 0; i < inner; i++) result[to + i]! += a.data[from + i]!;
    }
  }
  return { data: result, shape: a.shape.filter((_, d) => d !== axis) };
}
