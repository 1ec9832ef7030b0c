// Section 3.2: the tiled WebGPU kernel. A workgroup computes a TILE_M×TILE_N
// tile of C: it walks along l in steps of TILE_K, copying a TILE_M×TILE_K tile of
// A and a TILE_K×TILE_N tile of B into workgroup memory, and each invocation
// keeps a 4×4 block of C in registers. Row-major f32: A is m×l, B is l×n, C is m×n.
//
// The sizes are override constants, set from the device's limits by
// src/gpu/tiles.ts: WG_X×WG_Y invocations, TILE_M = 4·WG_Y, TILE_N = 4·WG_X.
// Correct for any m, l, n ≥ 1: loads past an edge read 0, stores past it are skipped.

// a, b, c and dims are declared in bindings.wgsl, which src/gpu/matmul.ts puts first.

override WG_X: u32 = 16;
override WG_Y: u32 = 16;
override TILE_K: u32 = 32;

const RM = 4u; // rows of C per invocation
const RN = 4u; // columns of C per invocation: one vec4

// The A tile is stored transposed and packed by 4 rows: tileA[k·WG_Y + r] holds
// column k of rows 4r…4r+3, so an invocation gets its 4 values of A with one
// vec4 load. The B tile is packed by 4 columns: tileB[k·WG_X + q] holds row k,
// columns 4q…4q+3. 4·(TILE_M + TILE_N)·TILE_K bytes in all.
var<workgroup> tileA: array<vec4<f32>, TILE_K * WG_Y>;
var<workgroup> tileB: array<vec4<f32>, TILE_K * WG_X>;

// #region webgpu-tiled
@compute @workgroup_size(WG_X, WG_Y)
fn main(
  @builtin(workgroup_id) group: vec3<u32>,
  @builtin(local_invocation_id) local: vec3<u32>,
  @builtin(local_invocation_index) index: u32,
) {
  let tileM = RM * WG_Y;
  let tileN = RN * WG_X;
  let row0 = group.y * tileM; // first row of this workgroup's tile of C
  let col0 = group.x * tileN; // first column
  let invocations = WG_X * WG_Y;

  var acc = array<vec4<f32>, RM>(); // this invocation's 4×4 block of C, zeroed

  // Uniform trip count (it depends only on l), so every invocation reaches the
  // barriers below the same number of times, as WGSL requires.
  let steps = (dims.l + TILE_K - 1u) / TILE_K;
  for (var step = 0u; step < steps; step++) {
    let k0 = step * TILE_K;

    // Cooperative copy: each invocation fetches every invocations-th element.
    // Consecutive invocations take consecutive elements of a row of A (and of
    // B), so one workgroup's reads are contiguous in memory. Scalar loads: a
    // row of A or B starts at any multiple of l or n, so vec4 alignment is not
    // guaranteed for general shapes. Outside the matrix we store 0, which adds
    // nothing to the sums: no branch in the inner loop, no read past the end.
    for (var e = index; e < tileM * TILE_K; e += invocations) {
      let r = e / TILE_K;
      let k = e % TILE_K;
      let gi = row0 + r;
      let gk = k0 + k;
      var v = 0.0;
      if (gi < dims.m && gk < dims.l) {
        v = a[gi * dims.l + gk];
      }
      tileA[k * WG_Y + r / 4u][r % 4u] = v;
    }
    for (var e = index; e < TILE_K * tileN; e += invocations) {
      let k = e / tileN;
      let q = e % tileN;
      let gk = k0 + k;
      let gj = col0 + q;
      var v = 0.0;
      if (gk < dims.l && gj < dims.n) {
        v = b[gk * dims.n + gj];
      }
      tileB[k * WG_X + q / 4u][q % 4u] = v;
    }
    // Nobody may read the tiles before everyone has written them.
    workgroupBarrier();

    // The payoff: each element copied once into workgroup memory is used by
    // WG_X (A) or WG_Y (B) invocations, and each pair of vec4 loads feeds
    // 16 multiply-adds on registers, instead of 2 global loads per multiply-add.
    for (var k = 0u; k < TILE_K; k++) {
      let av = tileA[k * WG_Y + local.y]; // A[row 4y…4y+3][k]
      let bv = tileB[k * WG_X + local.x]; // B[k][col 4x…4x+3]
      acc[0] = fma(vec4<f32>(av.x), bv, acc[0]);
      acc[1] = fma(vec4<f32>(av.y), bv, acc[1]);
      acc[2] = fma(vec4<f32>(av.z), bv, acc[2]);
      acc[3] = fma(vec4<f32>(av.w), bv, acc[3]);
    }
    // The next step overwrites the tiles: wait until everyone has finished reading.
    workgroupBarrier();
  }

  // Edge tiles hang over C: write only the elements that exist.
  let i0 = row0 + RM * local.y;
  let j0 = col0 + RN * local.x;
  for (var r = 0u; r < RM; r++) {
    let i = i0 + r;
    if (i < dims.m) {
      for (var q = 0u; q < RN; q++) {
        let j = j0 + q;
        if (j < dims.n) {
          c[i * dims.n + j] = acc[r][q];
        }
      }
    }
  }
}
// #endregion webgpu-tiled
