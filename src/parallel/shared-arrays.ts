// Typed arrays on shared memory, for either dtype. (A union of the two typed-array
// constructors cannot be called with a SharedArrayBuffer in TypeScript, hence the branches.)
import { bytesPer, type Dtype, type FloatArray } from '../kernels/types.ts';

/** A view of `length` elements on `buffer` from `byteOffset` (a SharedArrayBuffer or wasm memory). */
export function viewOn(buffer: ArrayBufferLike, dtype: Dtype, byteOffset: number, length: number): FloatArray {
  return dtype === 'f64' ? new Float64Array(buffer, byteOffset, length) : new Float32Array(buffer, byteOffset, length);
}

/** A zeroed array of `length` elements in a new SharedArrayBuffer. */
export function sharedArray(dtype: Dtype, length: number): FloatArray {
  return viewOn(new SharedArrayBuffer(length * bytesPer(dtype)), dtype, 0, length);
}

/** `x` itself if it already lives in shared memory, else a shared copy. */
export function sharedCopy(x: FloatArray, dtype: Dtype): FloatArray {
  if (isShared(x)) return x;
  const y = sharedArray(dtype, x.length);
  y.set(x);
  return y;
}

export function isShared(x: FloatArray): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && x.buffer instanceof SharedArrayBuffer;
}
