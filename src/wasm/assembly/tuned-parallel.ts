// The tuned kernel for several workers on one SHARED memory (like parallel.ts):
// every worker instantiates this module on the page's memory and computes its
// own rows of C with the same packing, micro-kernel and blocking as tuned.ts
// (the code is tuned-core.ts, imported by both). There is no allocator: each
// worker packs B into its own scratch region `packBuf` (scratchBytes() bytes,
// 16-byte aligned), laid out by the caller. Built twice: tuned-parallel.wasm
// (simd, threads) and tuned-parallel-relaxed.wasm (+ relaxed-simd).
import { gemmRows, isRelaxed, SCRATCH_BYTES } from './tuned-core';

/** 1 in the relaxed build. */
export function fmaBuild(): i32 {
  return isRelaxed();
}

/** Bytes each worker's packBuf must hold. */
export function scratchBytes(): i32 {
  return SCRATCH_BYTES;
}

/** C[r0..r1) = A[r0..r1) · B in f32; packBuf: this worker's scratch (byte offset). */
export function rowsTunedF32(a: usize, b: usize, c: usize, l: i32, n: i32, r0: i32, r1: i32, packBuf: usize): void {
  gemmRows<f32>(a, b, c, l, n, r0, r1, packBuf);
}

/** The same in f64. */
export function rowsTunedF64(a: usize, b: usize, c: usize, l: i32, n: i32, r0: i32, r1: i32, packBuf: usize): void {
  gemmRows<f64>(a, b, c, l, n, r0, r1, packBuf);
}
