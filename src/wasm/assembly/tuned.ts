// Section 3.2: the tuned kernel, one thread. B (and A) packed into panels, a 5×8
// (f32) / 5×4 (f64) register tile, cache blocking over k, n and m, and fused
// multiply-add in the relaxed build. The kernel itself lives in tuned-core.ts (shared with
// tuned-parallel.ts); this module adds the allocator and the exports.
// Built twice by src/wasm/build.mjs: tuned.wasm (`--enable simd`) and
// tuned-relaxed.wasm (`--enable simd,relaxed-simd`).
import { blockCols, gemmRows, isRelaxed, KC, MR, packB, SCRATCH_BYTES, tileCols } from './tuned-core';
import { bumpAlloc, bumpReady, bumpReset } from './bump';

// ---- the bump allocator of bump.ts; reset() also reserves the kernel's scratch ----

/** The packed-B block and edge tile, placed first by reset() so a call never grows memory. */
let scratch: usize = 0;

/** Frees everything; the scratch region (SCRATCH_BYTES) stays reserved at the heap's start. */
export function reset(): void {
  scratch = bumpReset(<usize>SCRATCH_BYTES);
}

/** 16-byte aligned block of `bytes`, growing memory as needed; 0 when memory cannot grow. */
export function alloc(bytes: usize): usize {
  if (!bumpReady()) reset();
  return bumpAlloc(bytes);
}

/** 1 in tuned-relaxed.wasm (relaxed_madd), 0 in tuned.wasm (mul + add). */
export function fmaBuild(): i32 {
  return isRelaxed();
}

/** C = A·B, f32, A m×l, B l×n, C m×n (row-major, byte addresses). */
export function tuned_f32(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  if (!bumpReady()) reset();
  gemmRows<f32>(a, b, c, l, n, 0, m, scratch);
}

/** The same in f64. */
export function tuned_f64(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  if (!bumpReady()) reset();
  gemmRows<f64>(a, b, c, l, n, 0, m, scratch);
}

/**
 * The packing routine on its own: B[k0..k0+kc) × [j0..j0+nc) into `dst` as the kernel
 * reads it, ceil(nc / tileN) panels of kc × tileN values (zero-padded on the right).
 */
export function pack_b_f32(b: usize, n: i32, k0: i32, kc: i32, j0: i32, nc: i32, dst: usize): void {
  packB<f32>(b, n, k0, kc, j0, nc, dst);
}

export function pack_b_f64(b: usize, n: i32, k0: i32, kc: i32, j0: i32, nc: i32, dst: usize): void {
  packB<f64>(b, n, k0, kc, j0, nc, dst);
}

/** The blocking parameters, for tests and slides. */
export function scratchBytes(): i32 { return SCRATCH_BYTES; }
export function tileM(): i32 { return MR; }
export function tileN_f32(): i32 { return tileCols<f32>(); }
export function tileN_f64(): i32 { return tileCols<f64>(); }
export function blockK(): i32 { return KC; }
export function blockN_f32(): i32 { return blockCols<f32>(); }
export function blockN_f64(): i32 { return blockCols<f64>(); }
