// C = A·B on the GPU with one of the two WGSL kernels. One call is what a user of
// WebGPU pays for a product: upload A and B, run the kernel, read C back.
// Pipelines are cached per device, kind and tile sizes; buffers per device and shape.
import bindingsSource from './shaders/bindings.wgsl?raw';
import naiveSource from './shaders/naive.wgsl?raw';
import tiledSource from './shaders/tiled.wgsl?raw';
import { operandBytes, type Shape } from '../kernels/types.ts';
import { ensureDevice, type GpuHandle } from './device.ts';
import { chooseTiles, PER_THREAD, tiledDispatch, type TileChoice } from './tiles.ts';

export type GpuKind = 'naive' | 'tiled';

// The WebGPU flag values, fixed by the spec. TypeScript's DOM library types the
// WebGPU interfaces but does not declare these namespace objects.
const Usage = { MAP_READ: 0x1, COPY_SRC: 0x4, COPY_DST: 0x8, UNIFORM: 0x40, STORAGE: 0x80, QUERY_RESOLVE: 0x200 } as const;
const COMPUTE_STAGE = 0x4; // COMPUTE_STAGE
const MAP_READ_MODE = 0x1; // MAP_READ_MODE

import { GPU_F64_REASON } from './meta.ts';
import { messageOf } from '../format/error.ts';

export { GPU_F64_REASON };

/** Workgroup size of naive.wgsl (fixed in the shader). */
export const NAIVE_WORKGROUP: readonly [x: number, y: number] = [8, 8];

export interface GpuTiming {
  /** Time between the compute pass's begin and end timestamps; undefined without timestamp-query. */
  readonly kernelMs?: number;
  /** Bytes crossing between page and GPU per call: A and B uploaded, C read back. */
  readonly bytesMoved: number;
}

export interface GpuMatmulResult extends GpuTiming {
  readonly C: Float32Array;
}

/** What the device compiles per kind: the shared bindings, then the kernel's own file (whose regions the slides show). */
export const shaderSources: Readonly<Record<GpuKind, string>> = { naive: bindingsSource + naiveSource, tiled: bindingsSource + tiledSource };

interface PerDevice {
  layout: GPUBindGroupLayout;
  pipelineLayout: GPUPipelineLayout;
  pipelines: Map<string, Promise<GPUComputePipeline>>;
  tiles: TileChoice;
  buffers: Buffers | null;
  /** Calls on one device run one after the other: they share the buffers. */
  queue: Promise<unknown>;
}

interface Buffers {
  readonly key: string;
  readonly a: GPUBuffer;
  readonly b: GPUBuffer;
  readonly c: GPUBuffer;
  readonly dims: GPUBuffer;
  readonly read: GPUBuffer;
  readonly bindGroup: GPUBindGroup;
  readonly timer: { querySet: GPUQuerySet; resolve: GPUBuffer; read: GPUBuffer } | null;
}

const perDevice = new WeakMap<GPUDevice, PerDevice>();

function stateOf(handle: GpuHandle, device: GPUDevice): PerDevice {
  let state = perDevice.get(device);
  if (!state) {
    // One explicit layout for both kernels (an 'auto' layout would tie each bind group to one pipeline).
    const layout = device.createBindGroupLayout({
      label: 'matmul',
      entries: [
        { binding: 0, visibility: COMPUTE_STAGE, buffer: { type: 'read-only-storage' } },
        { binding: 1, visibility: COMPUTE_STAGE, buffer: { type: 'read-only-storage' } },
        { binding: 2, visibility: COMPUTE_STAGE, buffer: { type: 'storage' } },
        { binding: 3, visibility: COMPUTE_STAGE, buffer: { type: 'uniform' } },
      ],
    });
    state = {
      layout,
      pipelineLayout: device.createPipelineLayout({ label: 'matmul', bindGroupLayouts: [layout] }),
      pipelines: new Map(),
      tiles: chooseTiles(handle.info.limits),
      buffers: null,
      queue: Promise.resolve(),
    };
    perDevice.set(device, state);
  }
  return state;
}

/** The tile sizes the tiled kernel uses on this handle's current device. */
export function tilesFor(handle: GpuHandle): TileChoice {
  return stateOf(handle, handle.device).tiles;
}

function pipelineKey(kind: GpuKind, tiles: TileChoice): string {
  if (kind === 'naive') return 'naive';
  return `tiled ${tiles.tileM}x${tiles.tileN}x${tiles.tileK} wg ${tiles.workgroup.join('x')}`;
}

function pipeline(device: GPUDevice, state: PerDevice, kind: GpuKind): Promise<GPUComputePipeline> {
  const key = pipelineKey(kind, state.tiles);
  let p = state.pipelines.get(key);
  if (!p) {
    const [x, y] = state.tiles.workgroup;
    if (state.tiles.perThread[0] !== PER_THREAD[0] || state.tiles.perThread[1] !== PER_THREAD[1]) {
      throw new Error(`tiled.wgsl computes ${PER_THREAD.join('×')} per invocation, not ${state.tiles.perThread.join('×')}`);
    }
    const module = device.createShaderModule({ label: `matmul ${kind}`, code: shaderSources[kind] });
    p = device.createComputePipelineAsync({
      label: key,
      layout: state.pipelineLayout,
      compute: {
        module,
        entryPoint: 'main',
        constants: kind === 'tiled' ? { WG_X: x, WG_Y: y, TILE_K: state.tiles.tileK } : {},
      },
    });
    // A failed compile must not stay cached: the next call tries again and reports it again.
    p.catch(() => state.pipelines.delete(key));
    state.pipelines.set(key, p);
  }
  return p;
}

function destroyBuffers(buffers: Buffers): void {
  for (const buffer of [buffers.a, buffers.b, buffers.c, buffers.dims, buffers.read]) buffer.destroy();
  if (buffers.timer) {
    buffers.timer.querySet.destroy();
    buffers.timer.resolve.destroy();
    buffers.timer.read.destroy();
  }
}

function checkFits(handle: GpuHandle, what: string, bytes: number): void {
  const { maxStorageBufferBindingSize, maxBufferSize } = handle.info.limits;
  const max = Math.min(maxStorageBufferBindingSize, maxBufferSize);
  if (bytes > max) {
    throw new Error(`WebGPU: ${what} needs ${bytes} B, more than this device's largest storage buffer (${max} B)`);
  }
}

/** Buffers for this shape: the previous call's when the shape is the same, else new ones. */
async function buffersFor(handle: GpuHandle, device: GPUDevice, state: PerDevice, shape: Shape): Promise<Buffers> {
  const { m, l, n } = shape;
  const key = `${m}x${l}x${n} ${handle.timestamps}`;
  if (state.buffers?.key === key) return state.buffers;
  if (state.buffers) {
    destroyBuffers(state.buffers);
    state.buffers = null;
  }
  checkFits(handle, `A (${m}×${l})`, m * l * 4);
  checkFits(handle, `B (${l}×${n})`, l * n * 4);
  checkFits(handle, `C (${m}×${n})`, m * n * 4);

  device.pushErrorScope('out-of-memory');
  device.pushErrorScope('validation');
  const storage = (label: string, elements: number, usage: number): GPUBuffer =>
    device.createBuffer({ label, size: elements * 4, usage: Usage.STORAGE | usage });
  const a = storage('A', m * l, Usage.COPY_DST);
  const b = storage('B', l * n, Usage.COPY_DST);
  const c = storage('C', m * n, Usage.COPY_SRC);
  const read = device.createBuffer({ label: 'C readback', size: m * n * 4, usage: Usage.MAP_READ | Usage.COPY_DST });
  // 16 B: the 12 B of Dims rounded up to the uniform alignment.
  const dims = device.createBuffer({ label: 'dims', size: 16, usage: Usage.UNIFORM | Usage.COPY_DST });
  device.queue.writeBuffer(dims, 0, new Uint32Array([m, l, n, 0]));
  const bindGroup = device.createBindGroup({
    label: `matmul ${key}`,
    layout: state.layout,
    entries: [a, b, c, dims].map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  const timer = handle.timestamps
    ? {
        querySet: device.createQuerySet({ label: 'kernel time', type: 'timestamp', count: 2 }),
        resolve: device.createBuffer({ label: 'timestamps', size: 16, usage: Usage.QUERY_RESOLVE | Usage.COPY_SRC }),
        read: device.createBuffer({ label: 'timestamps readback', size: 16, usage: Usage.MAP_READ | Usage.COPY_DST }),
      }
    : null;
  const buffers: Buffers = { key, a, b, c, dims, read, bindGroup, timer };
  const invalid = await device.popErrorScope();
  const oom = await device.popErrorScope();
  const error = oom ?? invalid;
  if (error) {
    destroyBuffers(buffers);
    throw new Error(`WebGPU: allocating buffers for ${m}×${l}·${l}×${n} failed: ${error.message}`);
  }
  state.buffers = buffers;
  return buffers;
}

function dispatchSize(handle: GpuHandle, state: PerDevice, kind: GpuKind, { m, n }: Shape): [number, number] {
  const [x, y] = kind === 'naive' ? [Math.ceil(n / NAIVE_WORKGROUP[0]), Math.ceil(m / NAIVE_WORKGROUP[1])] : tiledDispatch(state.tiles, m, n);
  const max = handle.info.limits.maxComputeWorkgroupsPerDimension;
  if (x > max || y > max) {
    throw new Error(`WebGPU: ${m}×${n} needs ${x}×${y} workgroups, more than this device's ${max} per dimension`);
  }
  return [x, y];
}

function checkShape({ m, l, n }: Shape, A: Float32Array, B: Float32Array): void {
  for (const [name, v] of [['m', m], ['l', l], ['n', n]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`WebGPU matmul: ${name} = ${v}; every dimension must be an integer ≥ 1`);
  }
  if (A.length !== m * l || B.length !== l * n) {
    throw new Error(`inputs do not match ${m}×${l}·${l}×${n}: A has ${A.length} elements, B ${B.length}`);
  }
}

/**
 * One product on the GPU. The whole round trip is the call: writeBuffer A and B,
 * dispatch, copy C into a mappable buffer, mapAsync, copy out into `out` (a new
 * array if absent). With timestamp-query, kernelMs is the compute pass alone.
 * A and B must be Float32Array: WGSL has no f64.
 */
export function gpuMatmul(
  handle: GpuHandle,
  kind: GpuKind,
  A: Float32Array,
  B: Float32Array,
  shape: Shape,
  out?: Float32Array,
): Promise<GpuMatmulResult> {
  if (!(A instanceof Float32Array) || !(B instanceof Float32Array)) return Promise.reject(new Error(GPU_F64_REASON));
  try {
    checkShape(shape, A, B);
  } catch (e) {
    return Promise.reject(e);
  }
  if (out && out.length !== shape.m * shape.n) {
    return Promise.reject(new Error(`gpuMatmul: out has ${out.length} elements, C needs ${shape.m * shape.n}`));
  }
  return (async () => {
    const device = await ensureDevice(handle);
    const state = stateOf(handle, device);
    const job = state.queue.then(() => runOnDevice(handle, device, state, kind, A, B, shape, out));
    state.queue = job.catch(() => undefined);
    try {
      return await job;
    } catch (e) {
      // A lost device explains any failure better than the error it caused.
      if (handle.lost !== null) throw new Error(`WebGPU ${kind} matmul failed: ${handle.lost}`);
      throw e;
    }
  })();
}

async function runOnDevice(
  handle: GpuHandle,
  device: GPUDevice,
  state: PerDevice,
  kind: GpuKind,
  A: Float32Array,
  B: Float32Array,
  shape: Shape,
  out: Float32Array | undefined,
): Promise<GpuMatmulResult> {
  const { m, l, n } = shape;
  const [gx, gy] = dispatchSize(handle, state, kind, shape);
  const [pipe, buffers] = await Promise.all([pipeline(device, state, kind), buffersFor(handle, device, state, shape)]);

  // #region webgpu-call
  device.pushErrorScope('validation');
  device.queue.writeBuffer(buffers.a, 0, A.buffer, A.byteOffset, A.byteLength);
  device.queue.writeBuffer(buffers.b, 0, B.buffer, B.byteOffset, B.byteLength);
  const encoder = device.createCommandEncoder({ label: `matmul ${kind}` });
  const pass = encoder.beginComputePass({
    label: `matmul ${kind}`,
    timestampWrites: buffers.timer
      ? { querySet: buffers.timer.querySet, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 }
      : undefined,
  });
  pass.setPipeline(pipe);
  pass.setBindGroup(0, buffers.bindGroup);
  pass.dispatchWorkgroups(gx, gy);
  pass.end();
  if (buffers.timer) {
    encoder.resolveQuerySet(buffers.timer.querySet, 0, 2, buffers.timer.resolve, 0);
    encoder.copyBufferToBuffer(buffers.timer.resolve, 0, buffers.timer.read, 0, 16);
  }
  encoder.copyBufferToBuffer(buffers.c, 0, buffers.read, 0, m * n * 4);
  device.queue.submit([encoder.finish()]);
  const invalid = device.popErrorScope();

  const mapped = Promise.all([
    buffers.read.mapAsync(MAP_READ_MODE),
    buffers.timer ? buffers.timer.read.mapAsync(MAP_READ_MODE) : undefined,
  ]);
  // Wait for both before reporting either: a mapAsync left pending would make the next call's fail.
  const [scope, maps] = await Promise.allSettled([invalid, mapped]);
  const problems: string[] = [];
  if (scope.status === 'rejected') problems.push(messageOf(scope.reason));
  else if (scope.value) problems.push(scope.value.message);
  if (maps.status === 'rejected') problems.push(messageOf(maps.reason));
  if (problems.length > 0) {
    if (buffers.read.mapState === 'mapped') buffers.read.unmap();
    if (buffers.timer?.read.mapState === 'mapped') buffers.timer.read.unmap();
    throw new Error(`WebGPU ${kind} matmul (${m}×${l}·${l}×${n}) failed: ${problems.join('; ')}`);
  }
  const C = out ?? new Float32Array(m * n);
  C.set(new Float32Array(buffers.read.getMappedRange(), 0, m * n));
  buffers.read.unmap();
  // #endregion webgpu-call

  let kernelMs: number | undefined;
  if (buffers.timer) {
    const [begin = 0n, end = 0n] = new BigUint64Array(buffers.timer.read.getMappedRange(), 0, 2);
    buffers.timer.read.unmap();
    // Timestamps are in ns; an implementation may return 0s or an end before the begin.
    if (end > begin) kernelMs = Number(end - begin) / 1e6;
  }
  return { C, kernelMs, bytesMoved: operandBytes(shape, 'f32') };
}
