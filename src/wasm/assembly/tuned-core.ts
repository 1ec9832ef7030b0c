// The tuned kernel's core, shared by tuned.ts (one thread, own allocator) and
// tuned-parallel.ts (workers on shared memory): packing B, the register
// micro-kernel and the cache blocking around them. One copy, imported by both.
//
// Each source is built twice (src/wasm/build.mjs): with `--enable simd` the
// multiply-add is a mul followed by an add; with `--enable simd,relaxed-simd`
// it is one `relaxed_madd`, which x86 engines with FMA lower to vfmadd. The
// choice is the compile-time constant ASC_FEATURE_RELAXED_SIMD, so each build
// contains one path only.
//
// Row-major A (m×l), B (l×n), C (m×n); pointers are byte addresses. Works for
// f32 (4 lanes per vector) and f64 (2 lanes) through the type parameter T.

/**
 * Rows of C in a register tile. 5 rows × 2 vectors = 10 accumulators, + 2 B vectors
 * + 1 splat = 13 of the 15 xmm registers V8 allocates on x64. Measured at 512³ f32
 * (relaxed build) in Chromium 156: 4×8 ≈ 44, 5×8 ≈ 52, 6×8 (all 15 registers) ≈ 51,
 * 3×12 ≈ 48, 4×12 ≈ 36 GFLOP/s. Node 20's older V8 (11.3) spills anything above
 * 8 accumulators (there 4×8 ≈ 51, 5×8 ≈ 30): the browser decides.
 */
export const MR: i32 = 5;
/** Vectors per row of the tile: the tile is MR × (NV·lanes) = 5×8 in f32, 5×4 in f64. */
export const NV: i32 = 2;
/** k per pass: an A row slice (KC·size) and a B panel (KC × NR) stay in L1. */
export const KC: i32 = 256;
/** Bytes of one packed block of B (KC × NC): 512 KiB, half of this CPU's L2. */
export const PACK_BYTES: i32 = 512 * 1024;
/** Rows of A per block (a multiple of MR): their packed copy, MC × KC (60 KiB in f32), stays in L2. */
export const MC: i32 = 60;
/** Bytes of the packed A block, sized for f64. */
const PACK_A_BYTES: i32 = MC * KC * 8;
/** Bytes of scratch a call needs: packed B block, packed A block, one edge tile of C. */
export const SCRATCH_BYTES: i32 = PACK_BYTES + PACK_A_BYTES + 256;

/** 1 when built with relaxed SIMD, i.e. multiply-adds are fused where the CPU can. */
export function isRelaxed(): i32 {
  return ASC_FEATURE_RELAXED_SIMD ? 1 : 0;
}

/** Columns of a tile (and of a packed panel) for T: two vectors. */
// @ts-ignore: decorator
@inline export function tileCols<T>(): i32 {
  return NV * (16 / <i32>sizeof<T>());
}

/** Columns of a packed block for T: PACK_BYTES / (KC · size), a multiple of tileCols. */
// @ts-ignore: decorator
@inline export function blockCols<T>(): i32 {
  return PACK_BYTES / (KC * <i32>sizeof<T>());
}

// #region tuned-pack
/**
 * Copies B[k0..k0+kc) × [j0..j0+nc) into `dst` as panels of NR columns, in exactly
 * the order the micro-kernel reads them: panel after panel, and inside a panel k
 * after k, NR consecutive values per k. The last panel is padded with zeros on
 * the right, so the kernel never needs a column test.
 */
export function packB<T>(b: usize, n: i32, k0: i32, kc: i32, j0: i32, nc: i32, dst: usize): void {
  const size = <usize>sizeof<T>();
  const nr = tileCols<T>();
  const rowB = <usize>n * size;
  for (let jp = 0; jp < nc; jp += nr) {
    const w = min(nr, nc - jp); // valid columns in this panel
    let src = b + <usize>k0 * rowB + <usize>(j0 + jp) * size;
    if (w == nr) {
      for (let k = 0; k < kc; k++) {
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        src += rowB;
        dst += 32;
      }
    } else {
      for (let k = 0; k < kc; k++) {
        let j = 0;
        for (; j < w; j++) store<T>(dst + <usize>j * size, load<T>(src + <usize>j * size));
        for (; j < nr; j++) store<T>(dst + <usize>j * size, <T>0);
        src += rowB;
        dst += 32;
      }
    }
  }
}

/**
 * Copies rows i0…i0+mr−1 of A, k0…k0+kc−1, into one panel of MR interleaved rows:
 * for each k the MR values A[i0..i0+MR)[k] side by side, so the micro-kernel reads
 * A through a single pointer. Rows past mr (the bottom edge) are zeros.
 */
export function packA<T>(a: usize, l: i32, i0: i32, mr: i32, k0: i32, kc: i32, dst: usize): void {
  const size = <usize>sizeof<T>();
  const rowA = <usize>l * size;
  const step = <usize>MR * size;
  for (let r = 0; r < MR; r++) {
    let d = dst + <usize>r * size;
    if (r < mr) {
      let src = a + <usize>(i0 + r) * rowA + <usize>k0 * size;
      for (let k = 0; k < kc; k++) {
        store<T>(d, load<T>(src));
        src += size;
        d += step;
      }
    } else {
      for (let k = 0; k < kc; k++) {
        store<T>(d, <T>0);
        d += step;
      }
    }
  }
}
// #endregion tuned-pack

// #region tuned-microkernel
/** acc + a·b: fused (one rounding) in the relaxed build, mul then add otherwise. */
// @ts-ignore: decorator
@inline function madd<T>(acc: v128, a: v128, b: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return v128.relaxed_madd<T>(a, b, acc);
  return v128.add<T>(acc, v128.mul<T>(a, b));
}

/**
 * The 5 × 2-vector register tile: C[5 rows, NR columns] (+)= A panel · B panel.
 * `pa` points at a packed A panel (kc × 5 values), `pb` at a packed B panel (kc × NR
 * values); both are read front to back. Per k: two vectors of B, and one element of
 * each row of A broadcast to all lanes, multiply-added into 10 accumulators that
 * stay in registers. `accumulate` adds onto C (a later k pass) instead of overwriting it.
 */
export function microKernel<T>(pa: usize, pb: usize, kc: i32, pc: usize, rowC: usize, accumulate: bool): void {
  const size = <usize>sizeof<T>();
  let c00 = v128.splat<T>(0), c01 = v128.splat<T>(0);
  let c10 = v128.splat<T>(0), c11 = v128.splat<T>(0);
  let c20 = v128.splat<T>(0), c21 = v128.splat<T>(0);
  let c30 = v128.splat<T>(0), c31 = v128.splat<T>(0);
  let c40 = v128.splat<T>(0), c41 = v128.splat<T>(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let s = v128.load_splat<T>(pa); // a_0k in every lane
    c00 = madd<T>(c00, s, b0);
    c01 = madd<T>(c01, s, b1);
    s = v128.load_splat<T>(pa + size); // a_1k
    c10 = madd<T>(c10, s, b0);
    c11 = madd<T>(c11, s, b1);
    s = v128.load_splat<T>(pa + 2 * size);
    c20 = madd<T>(c20, s, b0);
    c21 = madd<T>(c21, s, b1);
    s = v128.load_splat<T>(pa + 3 * size);
    c30 = madd<T>(c30, s, b0);
    c31 = madd<T>(c31, s, b1);
    s = v128.load_splat<T>(pa + 4 * size);
    c40 = madd<T>(c40, s, b0);
    c41 = madd<T>(c41, s, b1);
    pa += 5 * size;
    pb += 32;
  }
  if (accumulate) {
    c00 = v128.add<T>(c00, v128.load(pc)); c01 = v128.add<T>(c01, v128.load(pc, 16));
    c10 = v128.add<T>(c10, v128.load(pc + rowC)); c11 = v128.add<T>(c11, v128.load(pc + rowC, 16));
    c20 = v128.add<T>(c20, v128.load(pc + 2 * rowC)); c21 = v128.add<T>(c21, v128.load(pc + 2 * rowC, 16));
    c30 = v128.add<T>(c30, v128.load(pc + 3 * rowC)); c31 = v128.add<T>(c31, v128.load(pc + 3 * rowC, 16));
    c40 = v128.add<T>(c40, v128.load(pc + 4 * rowC)); c41 = v128.add<T>(c41, v128.load(pc + 4 * rowC, 16));
  }
  v128.store(pc, c00); v128.store(pc, c01, 16);
  v128.store(pc + rowC, c10); v128.store(pc + rowC, c11, 16);
  v128.store(pc + 2 * rowC, c20); v128.store(pc + 2 * rowC, c21, 16);
  v128.store(pc + 3 * rowC, c30); v128.store(pc + 3 * rowC, c31, 16);
  v128.store(pc + 4 * rowC, c40); v128.store(pc + 4 * rowC, c41, 16);
}
// #endregion tuned-microkernel

/** Copies (or adds) the valid mr × nr corner of an edge tile computed into `tile`. */
function mergeEdge<T>(tile: usize, pc: usize, rowC: usize, mr: i32, nr: i32, accumulate: bool): void {
  const size = <usize>sizeof<T>();
  for (let i = 0; i < mr; i++) {
    for (let j = 0; j < nr; j++) {
      const src = tile + <usize>j * size;
      const dst = pc + <usize>j * size;
      const v = load<T>(src);
      store<T>(dst, accumulate ? load<T>(dst) + v : v);
    }
    tile += 32;
    pc += rowC;
  }
}

// #region tuned-blocking
/**
 * Rows r0…r1−1 of C = A·B. Loops, outermost first: blocks of NC columns; passes of
 * KC over k, each packing B[k-pass, column block] once (512 KiB, stays in L2);
 * blocks of MC rows, each packing its A slice once (60 KiB f32, L2); panels of NR
 * columns (one B panel, KC·NR values, stays in L1 while every row tile of the block
 * reads it); tiles of MR rows: the micro-kernel. Edge tiles (fewer rows or columns)
 * run the same kernel on zero-padded panels into a scratch tile, and only the
 * valid corner is written back, so nothing outside A, B and C is touched.
 */
export function gemmRows<T>(a: usize, b: usize, c: usize, l: i32, n: i32, r0: i32, r1: i32, scratch: usize): void {
  const size = <usize>sizeof<T>();
  const rowC = <usize>n * size;
  if (l == 0) { // no k: C = 0
    if (r1 > r0) memory.fill(c + <usize>r0 * rowC, 0, <usize>(r1 - r0) * rowC);
    return;
  }
  const nr = tileCols<T>();
  const ncMax = blockCols<T>();
  const packedB = scratch;
  const packedA = scratch + <usize>PACK_BYTES;
  const tile = packedA + <usize>PACK_A_BYTES; // one MR × NR edge tile (≤ 5 × 32 bytes)
  for (let jc = 0; jc < n; jc += ncMax) {
    const nc = min(ncMax, n - jc);
    for (let pc = 0; pc < l; pc += KC) {
      const kc = min(KC, l - pc);
      const accumulate = pc > 0;
      packB<T>(b, n, pc, kc, jc, nc, packedB);
      const panelB = <usize>kc * 32; // bytes of one B panel: kc × NR values
      const panelA = <usize>kc * <usize>MR * size; // bytes of one A panel: kc × MR values
      for (let ic = r0; ic < r1; ic += MC) {
        const icEnd = min(ic + MC, r1);
        let dst = packedA;
        for (let ir = ic; ir < icEnd; ir += MR) {
          packA<T>(a, l, ir, min(MR, icEnd - ir), pc, kc, dst);
          dst += panelA;
        }
        let pb = packedB;
        for (let jr = 0; jr < nc; jr += nr) {
          const w = min(nr, nc - jr);
          for (let ir = ic; ir < icEnd; ir += MR) {
            const mr = min(MR, icEnd - ir);
            const pa = packedA + <usize>(ir - ic) * <usize>kc * size; // this tile's A panel
            const pcTile = c + <usize>ir * rowC + <usize>(jc + jr) * size;
            if (mr == MR && w == nr) {
              microKernel<T>(pa, pb, kc, pcTile, rowC, accumulate);
            } else {
              microKernel<T>(pa, pb, kc, tile, 32, false);
              mergeEdge<T>(tile, pcTile, rowC, mr, w, accumulate);
            }
          }
          pb += panelB;
        }
      }
    }
  }
}
// #endregion tuned-blocking
