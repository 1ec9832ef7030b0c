// The peak probe: how many multiply-adds per second one core can do in
// WebAssembly SIMD, with no memory traffic at all: the ceiling for any matmul
// kernel. Built twice by src/wasm/build.mjs: peak-relaxed.wasm (`--enable
// simd,relaxed-simd`, fused relaxed_madd) and peak.wasm (`--enable simd`,
// separate multiplies and adds). The TS side (src/kernels/peak.ts) times it.

// #region peak-probe
/**
 * Independent vector chains (registers), no loads or stores. Relaxed build: each
 * chain is c = c·x + y, one fused multiply-add (latency ~4, 2 per cycle, so 12
 * chains keep both units busy). Plain build: 6 chains of c = c·1 and 6 of c = c + y,
 * a multiply and an add that never wait for each other, as in a matmul kernel,
 * where the multiply a·b does not depend on the accumulator. 12 + x + y = 14 of
 * the 15 xmm registers V8 can use on x64.
 */
const CHAINS: i32 = 12;

/** Chains 0, 2, 4…: fused c·x + y, or (plain) the multiply c·x with x = 1. */
// @ts-ignore: decorator
@inline function mulStep<T>(c: v128, x: v128, y: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return v128.relaxed_madd<T>(c, x, y);
  return v128.mul<T>(c, x);
}

/** Chains 1, 3, 5…: fused c·x + y, or (plain) the add c + y. */
// @ts-ignore: decorator
@inline function addStep<T>(c: v128, x: v128, y: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return v128.relaxed_madd<T>(c, x, y);
  return v128.add<T>(c, y);
}

/**
 * `iterations` rounds of one step on each of the 12 chains. The values stay
 * tame (fused: every chain converges to y / (1 − x) = 1; plain: ×1 and +0.001),
 * so nothing overflows or turns denormal, and the sum of all lanes is returned
 * so the work cannot be dropped.
 */
function peak<T>(iterations: i32): f64 {
  const x = v128.splat<T>(ASC_FEATURE_RELAXED_SIMD ? <T>0.999 : <T>1);
  const y = v128.splat<T>(<T>0.001);
  let c0 = v128.splat<T>(<T>1.00), c1 = v128.splat<T>(<T>1.01), c2 = v128.splat<T>(<T>1.02);
  let c3 = v128.splat<T>(<T>1.03), c4 = v128.splat<T>(<T>1.04), c5 = v128.splat<T>(<T>1.05);
  let c6 = v128.splat<T>(<T>1.06), c7 = v128.splat<T>(<T>1.07), c8 = v128.splat<T>(<T>1.08);
  let c9 = v128.splat<T>(<T>1.09), c10 = v128.splat<T>(<T>1.10), c11 = v128.splat<T>(<T>1.11);
  for (let i = 0; i < iterations; i++) {
    c0 = mulStep<T>(c0, x, y); c1 = addStep<T>(c1, x, y); c2 = mulStep<T>(c2, x, y);
    c3 = addStep<T>(c3, x, y); c4 = mulStep<T>(c4, x, y); c5 = addStep<T>(c5, x, y);
    c6 = mulStep<T>(c6, x, y); c7 = addStep<T>(c7, x, y); c8 = mulStep<T>(c8, x, y);
    c9 = addStep<T>(c9, x, y); c10 = mulStep<T>(c10, x, y); c11 = addStep<T>(c11, x, y);
  }
  let s = v128.add<T>(v128.add<T>(v128.add<T>(c0, c1), v128.add<T>(c2, c3)), v128.add<T>(v128.add<T>(c4, c5), v128.add<T>(c6, c7)));
  s = v128.add<T>(s, v128.add<T>(v128.add<T>(c8, c9), v128.add<T>(c10, c11)));
  if (sizeof<T>() == 4) {
    return <f64>f32x4.extract_lane(s, 0) + <f64>f32x4.extract_lane(s, 1) + <f64>f32x4.extract_lane(s, 2) + <f64>f32x4.extract_lane(s, 3);
  }
  return f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}

export function peak_f32(iterations: i32): f64 {
  return peak<f32>(iterations);
}

export function peak_f64(iterations: i32): f64 {
  return peak<f64>(iterations);
}

/** Flops per lane and chain per iteration: 2 for a fused multiply-add, 1 for a lone multiply or add. */
const FLOPS_PER_STEP: i32 = ASC_FEATURE_RELAXED_SIMD ? 2 : 1;

/** Exactly: 12 chains × 4 lanes × 2 = 96 (relaxed), × 1 = 48 (plain). */
export function peakFlopsPerIteration_f32(): i32 {
  return CHAINS * 4 * FLOPS_PER_STEP;
}

/** 12 chains × 2 lanes × 2 = 48 (relaxed), × 1 = 24 (plain). */
export function peakFlopsPerIteration_f64(): i32 {
  return CHAINS * 2 * FLOPS_PER_STEP;
}
// #endregion peak-probe

/** 1 in peak-relaxed.wasm. */
export function fmaBuild(): i32 {
  return ASC_FEATURE_RELAXED_SIMD ? 1 : 0;
}
