// The work one pool task does, as plain functions over typed arrays. Pure: no
// workers, no DOM, no timers. workers/pool.worker.ts only adapts them to messages,
// and the unit tests call them directly.
import type { FloatArray, Shape } from '../kernels/types.ts';

/** A half-open range [start, end) of task indices (rows or elements). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * Cuts `count` tasks into consecutive ranges of at most `size` tasks.
 * The notebook's `imap(..., chunksize)`: one message per range.
 */
export function chunkRanges(count: number, size: number): Range[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`task count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a whole number ≥ 1, got ${size}`);
  const ranges: Range[] = [];
  for (let start = 0; start < count; start += size) ranges.push({ start, end: Math.min(count, start + size) });
  return ranges;
}

/** `count` tasks split into at most `parts` near-equal consecutive ranges (a static schedule). */
export function splitEvenly(count: number, parts: number): Range[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`parts must be a whole number ≥ 1, got ${parts}`);
  return chunkRanges(count, Math.max(1, Math.ceil(count / parts)));
}

// #region pool-element
/**
 * One task per c_ij: `rows` and `cols` hold, for each task t, row i of A and
 * column j of B packed one after the other (t·l … t·l + l). Returns one c_ij per task.
 */
export function packedDots(rows: FloatArray, cols: FloatArray, l: number, out: FloatArray): FloatArray {
  const count = out.length;
  for (let t = 0; t < count; t++) {
    const o = t * l;
    let s = 0;
    for (let k = 0; k < l; k++) s += rows[o + k]! * cols[o + k]!;
    out[t] = s;
  }
  return out;
}
// #endregion pool-element

/**
 * Packs the operands of elements [start, end) of C (row-major index e = i·n + j)
 * into contiguous arrays: what one pool-element message carries.
 */
export function packElements(
  A: FloatArray,
  B: FloatArray,
  { l, n }: Shape,
  start: number,
  end: number,
  rows: FloatArray,
  cols: FloatArray,
): void {
  for (let e = start, t = 0; e < end; e++, t++) {
    const i = Math.floor(e / n);
    const j = e - i * n;
    rows.set(A.subarray(i * l, i * l + l), t * l);
    for (let k = 0; k < l; k++) cols[t * l + k] = B[k * n + j]!;
  }
}

// #region shared-row
/**
 * Rows [r0, r1) of C = A·B, written in place (shared-row and pool-row use it).
 * i-k-j order: every inner loop walks a row of B and a row of C contiguously.
 * `acc` (length ≥ n) accumulates in float64, then the row is stored once.
 */
export function rowsInto(
  A: FloatArray,
  B: FloatArray,
  C: FloatArray,
  { l, n }: Shape,
  r0: number,
  r1: number,
  acc: Float64Array,
): void {
  for (let i = r0; i < r1; i++) {
    acc.fill(0, 0, n);
    const ai = i * l;
    for (let k = 0; k < l; k++) {
      const aik = A[ai + k]!;
      const bk = k * n;
      for (let j = 0; j < n; j++) acc[j]! += aik * B[bk + j]!;
    }
    const ci = i * n;
    for (let j = 0; j < n; j++) C[ci + j] = acc[j]!;
  }
}
// #endregion shared-row

// #region shared-element
/**
 * Elements [e0, e1) of C (row-major index e = i·n + j), written in place.
 * Each one is a dot product of row i of A with column j of B: the column is
 * read with a stride of n, as the notebook's A[i, :] * B[:, j] on C-ordered B.
 */
export function elementsInto(A: FloatArray, B: FloatArray, C: FloatArray, { l, n }: Shape, e0: number, e1: number): void {
  for (let e = e0; e < e1; e++) {
    const i = Math.floor(e / n);
    const j = e - i * n;
    const ai = i * l;
    let s = 0;
    for (let k = 0; k < l; k++) s += A[ai + k]! * B[k * n + j]!;
    C[e] = s;
  }
}
// #endregion shared-element
