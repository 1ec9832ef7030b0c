// Typed arrays on shared memory, for either dtype. (A union of the two typed-array
// constructors cannot be called with a SharedArrayBuffer in TypeScript, hence the branches.)
import { bytesPer, type Dtype, type FloatArray } from '../kernels/types.ts';

export const NO_ISOLATION =
  "needs a cross-origin-isolated page (COOP/COEP headers or the deck's service worker); SharedArrayBuffer is unavailable here";

/** Most workers a run may ask for: the race demo's slot table has room for this many, and more is surely a typo. */
export const MAX_WORKERS = 64;

/** Whether this agent may share memory: SharedArrayBuffer exists only in cross-origin-isolated pages and their workers. */
export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
}

/** Throws the one explanation the deck gives when shared memory is missing. */
export function requireSharedMemory(what: string): void {
  if (!canShareMemory()) throw new Error(`${what} ${NO_ISOLATION}`);
}

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
