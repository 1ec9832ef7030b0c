// The bindings both kernels (naive.wgsl, tiled.wgsl) read and write: WGSL has no
// imports, so src/gpu/matmul.ts puts this text before each kernel's own file and
// the bind group layout there matches it. Row-major f32: A is m×l, B is l×n, C is m×n.

struct Dims {
  m: u32,
  l: u32,
  n: u32,
}

@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;
