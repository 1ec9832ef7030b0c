// The whole product compiled to WebAssembly for several workers at once: every
// worker instantiates this module on the SAME shared memory (imported, so the
// page owns it) and computes its own block of rows of C. Disjoint rows need no
// lock. This is the browser's answer to numba's `prange`.
//
// Pointers are byte offsets into the shared memory, laid out by the page
// (src/parallel/wasm-layout.ts). Row-major A (m×l), B (l×n), C (m×n).
// No heap, no strings: the module has no data segment that could clobber the
// page's buffers.

// #region parallel-wasm
/** C[r0..r1) = A[r0..r1) · B in f32, four lanes of a row of C at a time (i-k-j order). */
export function rowsF32(a: usize, b: usize, c: usize, l: i32, n: i32, r0: i32, r1: i32): void {
  const nv = n & ~3; // the part of a row that fills whole 4-lane vectors
  for (let i = r0; i < r1; i++) {
    const cRow = c + (<usize>i * <usize>n << 2);
    memory.fill(cRow, 0, <usize>n << 2);
    const aRow = a + (<usize>i * <usize>l << 2);
    for (let k = 0; k < l; k++) {
      const aik = load<f32>(aRow + (<usize>k << 2));
      const av = f32x4.splat(aik);
      const bRow = b + (<usize>k * <usize>n << 2);
      let j = 0;
      for (; j < nv; j += 4) {
        const off = <usize>j << 2;
        v128.store(cRow + off, f32x4.add(v128.load(cRow + off), f32x4.mul(av, v128.load(bRow + off))));
      }
      for (; j < n; j++) {
        const off = <usize>j << 2;
        store<f32>(cRow + off, load<f32>(cRow + off) + aik * load<f32>(bRow + off));
      }
    }
  }
}

/** The same in f64: two lanes per vector. */
export function rowsF64(a: usize, b: usize, c: usize, l: i32, n: i32, r0: i32, r1: i32): void {
  const nv = n & ~1;
  for (let i = r0; i < r1; i++) {
    const cRow = c + (<usize>i * <usize>n << 3);
    memory.fill(cRow, 0, <usize>n << 3);
    const aRow = a + (<usize>i * <usize>l << 3);
    for (let k = 0; k < l; k++) {
      const aik = load<f64>(aRow + (<usize>k << 3));
      const av = f64x2.splat(aik);
      const bRow = b + (<usize>k * <usize>n << 3);
      let j = 0;
      for (; j < nv; j += 2) {
        const off = <usize>j << 3;
        v128.store(cRow + off, f64x2.add(v128.load(cRow + off), f64x2.mul(av, v128.load(bRow + off))));
      }
      for (; j < n; j++) {
        const off = <usize>j << 3;
        store<f64>(cRow + off, load<f64>(cRow + off) + aik * load<f64>(bRow + off));
      }
    }
  }
}
// #endregion parallel-wasm
