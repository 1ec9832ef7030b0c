// WebAssembly kernels (AssemblyScript), sections 3.1 and 3.2. Built twice by
// src/wasm/build.mjs: matmul.wasm without SIMD (runs everywhere) and
// matmul-simd.wasm with `--enable simd`. Matrices are row-major in linear memory,
// placed there by JS through alloc(); pointers are byte addresses.
import { bumpAlloc, bumpReset } from './bump';

// ---- set-up places A, B and C (bump.ts), then reset() frees everything ----

export function reset(): void {
  bumpReset(0);
}

/** 16-byte aligned block of `bytes`, growing memory as needed; 0 when memory cannot grow. */
export function alloc(bytes: usize): usize {
  return bumpAlloc(bytes);
}

/** 1 when this build contains the SIMD kernels. */
export function simdBuild(): i32 {
  return ASC_FEATURE_SIMD ? 1 : 0;
}

// #region wasm-element
/** c_ij: l products of row i of A (contiguous) and column j of B (bStep bytes apart). */
function dot<T>(a: usize, b: usize, bStep: usize, l: i32): T {
  let cij: T = <T>0;
  for (let k = 0; k < l; k++) {
    cij += load<T>(a) * load<T>(b);
    a += sizeof<T>();
    b += bStep;
  }
  return cij;
}

export function dot_f64(a: usize, b: usize, n: i32, l: i32): f64 {
  return dot<f64>(a, b, <usize>n * 8, l);
}

export function dot_f32(a: usize, b: usize, n: i32, l: i32): f32 {
  return dot<f32>(a, b, <usize>n * 4, l);
}
// #endregion wasm-element

// #region wasm-whole
/** The naive i-j-k algorithm, the whole product compiled: no JS between elements. */
function matmul<T>(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  const size = sizeof<T>();
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const cij = dot<T>(a + <usize>(i * l) * size, b + <usize>j * size, <usize>n * size, l);
      store<T>(c + <usize>(i * n + j) * size, cij);
    }
  }
}

export function matmul_f64(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  matmul<f64>(a, b, c, m, l, n);
}

export function matmul_f32(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  matmul<f32>(a, b, c, m, l, n);
}
// #endregion wasm-whole

/** Elements of rows i0…i1−1 and columns j0…n−1 one by one: the edges a block does not cover. */
function edge<T>(a: usize, b: usize, c: usize, i0: i32, i1: i32, j0: i32, l: i32, n: i32): void {
  const size = sizeof<T>();
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < n; j++) {
      const cij = dot<T>(a + <usize>(i * l) * size, b + <usize>j * size, <usize>n * size, l);
      store<T>(c + <usize>(i * n + j) * size, cij);
    }
  }
}

/**
 * How many k a pass covers: the slice of B it reads (kc rows × n) stays within
 * 256 KiB, so it is still in the core's L2 cache when the next block of rows of C
 * reads it again. Without this, a long l (the big set) streams all of B from main
 * memory for every block of C and the kernel waits on memory, not arithmetic.
 */
function kBlock(l: i32, rowB: usize): i32 {
  const kc = <i32>(<usize>(256 * 1024) / max<usize>(rowB, 1));
  return min(l, max(kc, 16));
}

// #region wasm-simd
/**
 * C in blocks of 4 rows × 2 vectors (8 f32 or 4 f64 columns). For each k: load two
 * vectors of row k of B, splat a_ik of each of the 4 rows across the lanes, and
 * multiply-add into 8 accumulators that stay in registers. k runs in slices
 * (kBlock) that fit in cache; each slice adds onto the C the previous one stored.
 * Columns the blocks do not cover are done element by element at the end.
 */
function matmulSimd<T>(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  const size = sizeof<T>();
  if (l == 0) { memory.fill(c, 0, <usize>(m * n) * size); return; } // no k: C = 0
  const width = <i32>(32 / <i32>size); // columns per block: two 16-byte vectors
  const nBlocked = n - n % width;
  const rowA = <usize>l * size;
  const rowB = <usize>n * size;
  const rowC = <usize>n * size;
  const kc = kBlock(l, rowB);
  for (let k0 = 0; k0 < l; k0 += kc) {
    const k1 = min(k0 + kc, l);
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      for (let j = 0; j < nBlocked; j += width) {
        const pc = c + <usize>(i * n + j) * size;
        let c00 = v128.splat<T>(0), c01 = v128.splat<T>(0);
        let c10 = v128.splat<T>(0), c11 = v128.splat<T>(0);
        let c20 = v128.splat<T>(0), c21 = v128.splat<T>(0);
        let c30 = v128.splat<T>(0), c31 = v128.splat<T>(0);
        if (k0 > 0) {
          c00 = v128.load(pc); c01 = v128.load(pc, 16);
          c10 = v128.load(pc + rowC); c11 = v128.load(pc + rowC, 16);
          c20 = v128.load(pc + 2 * rowC); c21 = v128.load(pc + 2 * rowC, 16);
          c30 = v128.load(pc + 3 * rowC); c31 = v128.load(pc + 3 * rowC, 16);
        }
        let pa = a + <usize>i * rowA + <usize>k0 * size;
        let pb = b + <usize>k0 * rowB + <usize>j * size;
        for (let k = k0; k < k1; k++) {
          const b0 = v128.load(pb);
          const b1 = v128.load(pb, 16);
          let s = v128.splat<T>(load<T>(pa));
          c00 = v128.add<T>(c00, v128.mul<T>(s, b0));
          c01 = v128.add<T>(c01, v128.mul<T>(s, b1));
          s = v128.splat<T>(load<T>(pa + rowA));
          c10 = v128.add<T>(c10, v128.mul<T>(s, b0));
          c11 = v128.add<T>(c11, v128.mul<T>(s, b1));
          s = v128.splat<T>(load<T>(pa + 2 * rowA));
          c20 = v128.add<T>(c20, v128.mul<T>(s, b0));
          c21 = v128.add<T>(c21, v128.mul<T>(s, b1));
          s = v128.splat<T>(load<T>(pa + 3 * rowA));
          c30 = v128.add<T>(c30, v128.mul<T>(s, b0));
          c31 = v128.add<T>(c31, v128.mul<T>(s, b1));
          pa += size;
          pb += rowB;
        }
        v128.store(pc, c00); v128.store(pc, c01, 16);
        v128.store(pc + rowC, c10); v128.store(pc + rowC, c11, 16);
        v128.store(pc + 2 * rowC, c20); v128.store(pc + 2 * rowC, c21, 16);
        v128.store(pc + 3 * rowC, c30); v128.store(pc + 3 * rowC, c31, 16);
      }
    }
    for (; i < m; i++) { // the last m % 4 rows, one at a time
      for (let j = 0; j < nBlocked; j += width) {
        const pc = c + <usize>(i * n + j) * size;
        let c00 = v128.splat<T>(0), c01 = v128.splat<T>(0);
        if (k0 > 0) { c00 = v128.load(pc); c01 = v128.load(pc, 16); }
        let pa = a + <usize>i * rowA + <usize>k0 * size;
        let pb = b + <usize>k0 * rowB + <usize>j * size;
        for (let k = k0; k < k1; k++) {
          const s = v128.splat<T>(load<T>(pa));
          c00 = v128.add<T>(c00, v128.mul<T>(s, v128.load(pb)));
          c01 = v128.add<T>(c01, v128.mul<T>(s, v128.load(pb, 16)));
          pa += size;
          pb += rowB;
        }
        v128.store(pc, c00); v128.store(pc, c01, 16);
      }
    }
  }
  edge<T>(a, b, c, 0, m, nBlocked, l, n);
}

export function matmul_simd_f64(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  // A constant condition: the build without SIMD never compiles the v128 code.
  if (ASC_FEATURE_SIMD) matmulSimd<f64>(a, b, c, m, l, n);
  else unreachable();
}

export function matmul_simd_f32(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  if (ASC_FEATURE_SIMD) matmulSimd<f32>(a, b, c, m, l, n);
  else unreachable();
}
// #endregion wasm-simd

// #region wasm-scalar
/**
 * The scalar twin of matmulSimd: the same k slices, the same blocks of 4 rows × 2
 * registers and the same loop order, but each register holds one number instead
 * of a vector.
 */
function matmulScalar<T>(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  const size = sizeof<T>();
  if (l == 0) { memory.fill(c, 0, <usize>(m * n) * size); return; }
  const nBlocked = n - n % 2;
  const rowA = <usize>l * size;
  const rowB = <usize>n * size;
  const rowC = <usize>n * size;
  const kc = kBlock(l, rowB);
  for (let k0 = 0; k0 < l; k0 += kc) {
    const k1 = min(k0 + kc, l);
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      for (let j = 0; j < nBlocked; j += 2) {
        const pc = c + <usize>(i * n + j) * size;
        let c00: T = 0, c01: T = 0, c10: T = 0, c11: T = 0;
        let c20: T = 0, c21: T = 0, c30: T = 0, c31: T = 0;
        if (k0 > 0) {
          c00 = load<T>(pc); c01 = load<T>(pc, sizeof<T>());
          c10 = load<T>(pc + rowC); c11 = load<T>(pc + rowC, sizeof<T>());
          c20 = load<T>(pc + 2 * rowC); c21 = load<T>(pc + 2 * rowC, sizeof<T>());
          c30 = load<T>(pc + 3 * rowC); c31 = load<T>(pc + 3 * rowC, sizeof<T>());
        }
        let pa = a + <usize>i * rowA + <usize>k0 * size;
        let pb = b + <usize>k0 * rowB + <usize>j * size;
        for (let k = k0; k < k1; k++) {
          const b0 = load<T>(pb);
          const b1 = load<T>(pb, sizeof<T>());
          let s = load<T>(pa);
          c00 += s * b0; c01 += s * b1;
          s = load<T>(pa + rowA);
          c10 += s * b0; c11 += s * b1;
          s = load<T>(pa + 2 * rowA);
          c20 += s * b0; c21 += s * b1;
          s = load<T>(pa + 3 * rowA);
          c30 += s * b0; c31 += s * b1;
          pa += size;
          pb += rowB;
        }
        store<T>(pc, c00); store<T>(pc, c01, sizeof<T>());
        store<T>(pc + rowC, c10); store<T>(pc + rowC, c11, sizeof<T>());
        store<T>(pc + 2 * rowC, c20); store<T>(pc + 2 * rowC, c21, sizeof<T>());
        store<T>(pc + 3 * rowC, c30); store<T>(pc + 3 * rowC, c31, sizeof<T>());
      }
    }
    for (; i < m; i++) { // the last m % 4 rows, one at a time
      for (let j = 0; j < nBlocked; j += 2) {
        const pc = c + <usize>(i * n + j) * size;
        let c00: T = 0, c01: T = 0;
        if (k0 > 0) { c00 = load<T>(pc); c01 = load<T>(pc, sizeof<T>()); }
        let pa = a + <usize>i * rowA + <usize>k0 * size;
        let pb = b + <usize>k0 * rowB + <usize>j * size;
        for (let k = k0; k < k1; k++) {
          const s = load<T>(pa);
          c00 += s * load<T>(pb);
          c01 += s * load<T>(pb, sizeof<T>());
          pa += size;
          pb += rowB;
        }
        store<T>(pc, c00); store<T>(pc, c01, sizeof<T>());
      }
    }
  }
  edge<T>(a, b, c, 0, m, nBlocked, l, n);
}

export function matmul_scalar_f64(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  matmulScalar<f64>(a, b, c, m, l, n);
}

export function matmul_scalar_f32(a: usize, b: usize, c: usize, m: i32, l: i32, n: i32): void {
  matmulScalar<f32>(a, b, c, m, l, n);
}
// #endregion wasm-scalar
