// Section 3.2: the naive WebGPU kernel. One invocation per element c_ij of C,
// reading its row of A and its column of B straight from storage buffers.
// Row-major f32 throughout: A is m×l, B is l×n, C is m×n.

// a, b, c and dims are declared in bindings.wgsl, which src/gpu/matmul.ts puts first.

// #region webgpu-naive
// 8×8 = 64 invocations: within every adapter's limits (WebGPU guarantees 256).
@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  // x runs along a row of C: neighbouring invocations read neighbouring
  // elements of B (one coalesced load) and the same element of A (a broadcast).
  let j = id.x;
  let i = id.y;
  // The grid is rounded up to whole workgroups: the extra invocations must not
  // read or write past the ends of the buffers.
  if (i >= dims.m || j >= dims.n) {
    return;
  }
  var sum = 0.0;
  // Every term comes from global memory: 2·l loads for 2·l flops. Memory, not
  // arithmetic, bounds this kernel, which is what the tiled one fixes.
  for (var k = 0u; k < dims.l; k++) {
    sum += a[i * dims.l + k] * b[k * dims.n + j];
  }
  c[i * dims.n + j] = sum;
}
// #endregion webgpu-naive
