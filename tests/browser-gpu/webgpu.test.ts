// The WebGPU variants in headless Chromium started with --enable-unsafe-webgpu,
// which gives the SwiftShader fallback adapter (a CPU emulation: correct, not fast).
// Every product is checked against the float64 reference with the float32 tolerance.
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRequest } from '../../src/bench/harness.ts';
import { probeEnvironment } from '../../src/bench/environment.ts';
import { checkResult } from '../../src/check/allclose.ts';
import { generateInputs } from '../../src/data/generate.ts';
import { referenceProduct } from '../../src/data/reference.ts';
import type { Shape } from '../../src/kernels/types.ts';
import { NO_ADAPTER_REASON, NO_WEBGPU_REASON, openGpu, type GpuHandle } from '../../src/gpu/device.ts';
import { GPU_F64_REASON, gpuMatmul, tilesFor, type GpuKind } from '../../src/gpu/matmul.ts';
import { chooseTiles } from '../../src/gpu/tiles.ts';
import { gpuVariants, webgpuNaive, webgpuTiled, type GpuContext } from '../../src/gpu/variants.ts';
import type { GpuWorkerApi } from '../../workers/gpu.worker.ts';
import { GPU_SECTION, SOFTWARE_ADAPTER_NOTE } from '../../src/gpu/meta.ts';

const KINDS: readonly GpuKind[] = ['naive', 'tiled'];

function inputs(shape: Shape, seed: number): { A: Float32Array; B: Float32Array; expected: Float64Array } {
  const { A, B } = generateInputs(shape, 'f32', seed);
  return { A: A as Float32Array, B: B as Float32Array, expected: referenceProduct(A, B, shape) };
}

async function expectCorrect(handle: GpuHandle, kind: GpuKind, shape: Shape, seed: number): Promise<void> {
  const { A, B, expected } = inputs(shape, seed);
  const t0 = performance.now();
  const result = await gpuMatmul(handle, kind, A, B, shape);
  const wallMs = performance.now() - t0;
  const check = checkResult(result.C, expected, shape, 'f32');
  expect(check, `${kind} ${shape.m}×${shape.l}×${shape.n} seed ${seed}`).toMatchObject({ correct: true, mismatches: 0 });
  expect(result.bytesMoved).toBe((shape.m * shape.l + shape.l * shape.n + shape.m * shape.n) * 4);
  if (result.kernelMs !== undefined) {
    expect(Number.isFinite(result.kernelMs)).toBe(true);
    expect(result.kernelMs).toBeGreaterThan(0);
    // The pass alone cannot take longer than the whole round trip around it.
    expect(result.kernelMs).toBeLessThanOrEqual(wallMs);
  }
  if (shape.m * shape.l * shape.n >= 256 ** 3) console.info(`${kind} ${shape.m}×${shape.l}×${shape.n}: kernel ${result.kernelMs} ms of ${wallMs.toFixed(2)} ms round trip`);
}

describe('openGpu without WebGPU', () => {
  it('says why when navigator.gpu is missing', async () => {
    const r = await openGpu(undefined);
    expect(r).toEqual({ available: false, reason: NO_WEBGPU_REASON });
    expect(NO_WEBGPU_REASON).toMatch(/^WebGPU not enabled in this browser: /);
    expect(NO_WEBGPU_REASON).toMatch(/Chrome and Edge ship WebGPU by default/);
  });

  it('says why when requestAdapter() gives null or throws', async () => {
    const nullGpu = { requestAdapter: async () => null } as unknown as GPU;
    expect(await openGpu(nullGpu)).toEqual({ available: false, reason: NO_ADAPTER_REASON });
    expect(NO_ADAPTER_REASON).toMatch(/requestAdapter\(\) returned null/);
    const throwing = { requestAdapter: async () => Promise.reject(new Error('boom')) } as unknown as GPU;
    expect(await openGpu(throwing)).toMatchObject({ available: false, reason: expect.stringMatching(/requestAdapter\(\) failed: boom/) });
  });

  it('the variants fail in set-up with that reason, and the harness reports it as a failed result', async () => {
    const ctx: GpuContext = { gpu: { available: false, reason: NO_WEBGPU_REASON } };
    const results = await runRequest(
      { variants: ['webgpu-naive', 'webgpu-tiled'], shape: { m: 3, l: 2, n: 4 }, dtype: 'f32', samples: 5 },
      gpuVariants,
      { now: () => performance.now(), timerResolutionMs: 0.005, env: probeEnvironment(), ctx },
    );
    for (const r of results) expect(r).toMatchObject({ status: 'error', error: NO_WEBGPU_REASON });
  });
});

describe('WebGPU on SwiftShader (main thread)', () => {
  let handle: GpuHandle;
  beforeAll(async () => {
    const opened = await openGpu(navigator.gpu);
    if (!opened.available) throw new Error(`this project must run with --enable-unsafe-webgpu: ${opened.reason}`);
    handle = opened;
  });

  it('opens the fallback adapter and reports what it can do', () => {
    const { info } = handle;
    expect(info.isFallbackAdapter).toBe(true);
    expect(`${info.vendor} ${info.architecture} ${info.description}`).toMatch(/swiftshader/i);
    expect(typeof info.features.timestampQuery).toBe('boolean');
    expect(typeof info.features.shaderF16).toBe('boolean');
    expect(handle.timestamps).toBe(info.features.timestampQuery);
    expect(info.limits.maxComputeInvocationsPerWorkgroup).toBeGreaterThanOrEqual(64);
    expect(tilesFor(handle)).toEqual(chooseTiles(info.limits));
    console.info('WebGPU adapter:', JSON.stringify({ ...info, tiles: tilesFor(handle) }));
  });

  const shapes: Shape[] = [
    { m: 1, l: 1, n: 1 },
    { m: 17, l: 33, n: 65 },
    { m: 100, l: 50, n: 130 }, // no dimension a multiple of the tile, n not of 4
    { m: 256, l: 256, n: 256 },
  ];
  for (const kind of KINDS) {
    for (const shape of shapes) {
      it(`${kind}: ${shape.m}×${shape.l}×${shape.n} is correct`, () => expectCorrect(handle, kind, shape, 11));
    }
  }

  it('reuses buffers for a repeated shape, and each call sees its own data', async () => {
    const shape = { m: 17, l: 33, n: 65 };
    for (const kind of KINDS) {
      await expectCorrect(handle, kind, shape, 1);
      await expectCorrect(handle, kind, shape, 2);
      await expectCorrect(handle, kind, { m: 5, l: 70, n: 3 }, 3);
      await expectCorrect(handle, kind, shape, 4);
    }
  });

  it('runs as Variants: f32 only, C written into one array, timing of the last call', async () => {
    const shape = { m: 33, l: 17, n: 9 };
    const { A, B, expected } = inputs(shape, 5);
    const ctx: GpuContext = { gpu: handle };
    for (const v of [webgpuNaive, webgpuTiled]) {
      expect(v).toMatchObject({ section: GPU_SECTION, dtypes: ['f32'] });
      expect(v.lastTiming()).toBeUndefined();
      const run = v.setup({ A, B, shape, dtype: 'f32' }, ctx);
      const first = await run();
      expect(checkResult(first, expected, shape, 'f32').correct).toBe(true);
      const second = await run();
      expect(second).toBe(first);
      expect(checkResult(second, expected, shape, 'f32').correct).toBe(true);
      const timing = v.lastTiming();
      expect(timing?.bytesMoved).toBe((33 * 17 + 17 * 9 + 33 * 9) * 4);
      console.info(`${v.id} lastTiming:`, JSON.stringify(timing));

      const f64 = generateInputs(shape, 'f64', 5);
      expect(() => v.setup({ ...f64, shape, dtype: 'f64' }, ctx)).toThrow(GPU_F64_REASON);
    }
    await expect(gpuMatmul(handle, 'naive', new Float64Array(1) as unknown as Float32Array, new Float32Array(1), { m: 1, l: 1, n: 1 })).rejects.toThrow(
      GPU_F64_REASON,
    );
    await expect(gpuMatmul(handle, 'tiled', new Float32Array(2), new Float32Array(1), { m: 1, l: 1, n: 1 })).rejects.toThrow(/do not match/);
  });

  it('re-opens a device after the old one was lost', async () => {
    const own = await openGpu(navigator.gpu);
    if (!own.available) throw new Error(own.reason);
    await expectCorrect(own, 'tiled', { m: 9, l: 8, n: 7 }, 6);
    const old = own.device;
    old.destroy();
    await old.lost;
    await Promise.resolve(); // the handle's own lost handler runs after ours
    expect(own.lost).toMatch(/lost \(destroyed/);
    await expectCorrect(own, 'tiled', { m: 9, l: 8, n: 7 }, 7);
    await expectCorrect(own, 'naive', { m: 9, l: 8, n: 7 }, 8);
    expect(own.device).not.toBe(old);
    expect(own.lost).toBeNull();
    expect(own.generation).toBe(2);
  });
});

describe('WebGPU in the GPU worker, through Comlink and the harness', () => {
  let worker: Worker;
  let api: Comlink.Remote<GpuWorkerApi>;
  beforeAll(() => {
    worker = new Worker(new URL('../../workers/gpu.worker.ts', import.meta.url), { type: 'module' });
    api = Comlink.wrap<GpuWorkerApi>(worker);
  });
  afterAll(() => worker.terminate());

  it('reports the adapter as plain data: SwiftShader, a fallback adapter, the tiles', async () => {
    const info = await api.adapterInfo();
    if (!info.available) throw new Error(info.reason);
    expect(info.isFallbackAdapter).toBe(true);
    expect(`${info.vendor} ${info.architecture} ${info.description}`).toMatch(/swiftshader/i);
    expect(info.tiles).toEqual(chooseTiles(info.limits));
    expect(info.lost).toBeNull();
    console.info('worker adapterInfo:', JSON.stringify(info));
  });

  it('runs both variants, checked, with kernel time, bytes moved and the software label; f64 is refused', async () => {
    expect((await api.listVariants()).map((v) => v.id)).toEqual(['webgpu-naive', 'webgpu-tiled']);
    const info = await api.adapterInfo();
    const results = await api.run({ variants: ['webgpu-naive', 'webgpu-tiled'], shape: { m: 17, l: 33, n: 65 }, dtype: 'f32', samples: 5, seed: 9 });
    for (const r of results) {
      expect(r.status, JSON.stringify(r)).toBe('ok');
      if (r.status !== 'ok') continue;
      expect(r.correct).toBe(true);
      expect(r.check.mismatches).toBe(0);
      expect(r.samplesMs).toHaveLength(5);
      expect(r.samplesMs.every((s) => s > 0)).toBe(true);
      expect(r.bytesMoved).toBe((17 * 33 + 33 * 65 + 17 * 65) * 4);
      if (info.available && info.timestampQuery) {
        expect(r.kernelMs).toBeGreaterThan(0);
        // Each pass lies inside its sample's batch of whole calls, so the median pass cannot exceed the longest batch.
        expect(r.kernelMs!).toBeLessThanOrEqual(r.stats.maxMs * r.batch);
      }
      expect(r.adapter).toMatch(/swiftshader.*\(fallback adapter\)/i);
      expect(r.note).toBe(SOFTWARE_ADAPTER_NOTE);
      expect(Number.isFinite(r.coldMs) && r.coldMs > 0).toBe(true);
    }
    const f64 = await api.run({ variants: ['webgpu-tiled'], shape: { m: 4, l: 4, n: 4 }, dtype: 'f64', samples: 5 });
    expect(f64[0]).toMatchObject({ status: 'error', error: GPU_F64_REASON, note: SOFTWARE_ADAPTER_NOTE });
  });
});
