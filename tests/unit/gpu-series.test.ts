// The GPU sweep's pure parts: series for its chart and table, the sizes a viewer
// types, the adapter stamp, the env rows and the CLI lines. Fixture numbers only.
import { describe, expect, it } from 'vitest';
import type { BenchResult, MeasuredResult } from '../../src/bench/protocol.ts';
import { gpuLines } from '../../src/bench/format.ts';
import { crossover, KERNEL_ONLY, lineName, sweepSeries, WITH_TRANSFERS } from '../../src/charts/gpu-series.ts';
import { chooseTiles } from '../../src/gpu/tiles.ts';
import { logTicks } from '../../src/charts/gpu-render.ts';
import {
  adapterLabel,
  findGpuVariantInfo,
  GPU_F64_REASON,
  gpuVariantInfos,
  isGpuVariant,
  SOFTWARE_ADAPTER_NOTE,
  stampAdapter,
  type GpuAdapterReport,
} from '../../src/gpu/meta.ts';
import { gpuFacts } from '../../src/panels/environment.ts';
import { CSV_COLUMNS, resultsToCsv } from '../../src/panels/export.ts';
import { refuseByMemory } from '../../src/panels/memory-guard.ts';
import { MAX_SWEEP_POINTS, parseSizes } from '../../src/panels/sweep-sizes.ts';
import { failed, measured } from './series-fixtures.ts';

/** A square result of size n whose median is `ms` (and kernel `kernelMs`). */
function at(variant: string, n: number, ms: number, extra: Partial<MeasuredResult> = {}): MeasuredResult {
  const base = measured(variant, [ms, ms, ms, ms, ms], { m: n, l: n, n, dtype: 'f32' });
  return { ...base, gflops: (2 * n ** 3) / (ms * 1e6), ...extra };
}

const limits = {
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupStorageSize: 32768,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupSizeY: 256,
  maxComputeWorkgroupsPerDimension: 65535,
  maxStorageBufferBindingSize: 2 ** 30,
  maxBufferSize: 2 ** 30,
};
const software: GpuAdapterReport = {
  available: true,
  vendor: 'google',
  architecture: 'swiftshader',
  description: '',
  isFallbackAdapter: true,
  shaderF16: false,
  timestampQuery: true,
  limits,
  tiles: chooseTiles(limits),
  lost: null,
};

describe('sweepSeries()', () => {
  // CPU 2 ms at 64, 16 ms at 128; tiled GPU 8 ms then 4 ms with transfers, 1 ms then 0.5 ms kernel only.
  const results: BenchResult[] = [
    at('wasm-simd', 128, 16),
    at('webgpu-tiled', 128, 4, { kernelMs: 0.5, bytesMoved: 3 * 128 * 128 * 4 }),
    at('wasm-simd', 64, 2),
    at('webgpu-tiled', 64, 8, { kernelMs: 1, bytesMoved: 3 * 64 * 64 * 4 }),
    at('webgpu-naive', 64, 9), // no timestamps: one line only
  ];

  it('one line per CPU variant, two per GPU variant (with transfers, kernel only), sizes ascending', () => {
    const s = sweepSeries(results);
    expect(s.lines).toEqual(['wasm-simd', `webgpu-tiled · ${WITH_TRANSFERS}`, `webgpu-tiled · ${KERNEL_ONLY}`, `webgpu-naive · ${WITH_TRANSFERS}`]);
    expect(s.sizes).toEqual([64, 128]);
    expect(s.rows.map((r) => r.size)).toEqual([64, 64, 64, 128, 128]);
    const kernel = s.points.filter((p) => p.series === lineName('webgpu-tiled', 'kernel'));
    expect(kernel.map((p) => [p.size, p.ms])).toEqual([[64, 1], [128, 0.5]]);
    // GFLOP/s from the kernel time: 2·n³ / t.
    expect(kernel[1]!.gflops).toBeCloseTo((2 * 128 ** 3) / (0.5 * 1e6), 9);
    const tiled128 = s.rows.find((r) => r.variant === 'webgpu-tiled' && r.size === 128)!;
    expect(tiled128).toMatchObject({ gpu: true, medianMs: 4, kernelMs: 0.5, bytesMoved: 196608, coldMs: 12 });
    expect(s.rows.find((r) => r.variant === 'wasm-simd')).toMatchObject({ gpu: false, kernelMs: null, bytesMoved: null });
    expect(s.software).toBe(false);
    expect(s.gpuUnavailable).toBeNull();
  });

  it('finds where a GPU line overtakes the CPU line, only if it stays ahead', () => {
    const s = sweepSeries(results);
    expect(crossover(s.points, lineName('webgpu-tiled', 'wall'), 'wasm-simd')).toBe(128);
    expect(crossover(s.points, lineName('webgpu-tiled', 'kernel'), 'wasm-simd')).toBe(64);
    expect(crossover(s.points, lineName('webgpu-naive', 'wall'), 'wasm-simd')).toBeNull();
    // Ahead at 64, behind at 128: no crossover "from 64 on".
    const flip = sweepSeries([at('c', 64, 4), at('webgpu-tiled', 64, 2), at('c', 128, 10), at('webgpu-tiled', 128, 20)]);
    expect(crossover(flip.points, lineName('webgpu-tiled', 'wall'), 'c')).toBeNull();
  });

  it('plots neither wrong nor failed results, and names the one reason every GPU result failed for', () => {
    const wrong = at('webgpu-tiled', 64, 1, { correct: false });
    const s = sweepSeries([at('wasm-simd', 64, 2), wrong, { ...failed('webgpu-naive', 'WebGPU not enabled in this browser: x'), m: 64, l: 64, n: 64 }]);
    expect(s.points.map((p) => p.series)).toEqual(['wasm-simd']);
    expect(s.rows).toHaveLength(3);
    expect(s.gpuUnavailable).toBeNull(); // one GPU result ran (wrongly)
    const none = sweepSeries([at('wasm-simd', 64, 2), failed('webgpu-naive', 'no adapter'), failed('webgpu-tiled', 'no adapter')]);
    expect(none.gpuUnavailable).toBe('no adapter');
    expect(none.lines).toEqual(['wasm-simd']);
  });

  it('a log axis is labelled at 1, 2 and 5 times powers of ten only', () => {
    expect(logTicks(0.07, 45)).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10, 20]);
    expect(logTicks(3, 4)).toEqual([]);
  });

  it('log y only when GFLOP/s span more than 100×', () => {
    // 0.26 and 0.52 GFLOP/s: a linear axis shows both.
    expect(sweepSeries([at('a', 64, 2), at('a', 128, 8)]).logY).toBe(false);
    // 0.058 (naive, 64) to 8.4 (kernel only, 128): 144×.
    expect(sweepSeries(results).logY).toBe(true);
    expect(sweepSeries([at('a', 64, 1), at('a', 2048, 1)]).logY).toBe(true);
  });

  it('carries the software-adapter note and the adapter label of stamped results', () => {
    const stamped = stampAdapter([at('webgpu-tiled', 64, 1)], software);
    const s = sweepSeries([at('wasm-simd', 64, 2), ...stamped]);
    expect(s.software).toBe(true);
    expect(s.adapter).toBe('google · swiftshader (fallback adapter)');
    expect(s.rows.find((r) => r.gpu)?.note).toBe(SOFTWARE_ADAPTER_NOTE);
    expect(s.rows.find((r) => !r.gpu)?.note).toBeNull();
  });
});

describe('stampAdapter() and adapterLabel()', () => {
  it('stamps every result, failed ones too, with the note only on a fallback adapter', () => {
    const out = stampAdapter([at('webgpu-naive', 8, 1), failed('webgpu-tiled', 'x')], software);
    for (const r of out) expect(r).toMatchObject({ adapter: 'google · swiftshader (fallback adapter)', note: 'software adapter: not a GPU timing' });
    const hardware = stampAdapter([at('webgpu-naive', 8, 1)], { ...software, vendor: 'nvidia', architecture: 'ada', isFallbackAdapter: false });
    expect(hardware[0]).toMatchObject({ adapter: 'nvidia · ada' });
    expect('note' in hardware[0]!).toBe(false);
    expect(stampAdapter([failed('webgpu-naive', 'no')], { available: false, reason: 'no' })[0]).not.toHaveProperty('adapter');
  });

  it('labels an adapter that names nothing', () => {
    expect(adapterLabel({ ...software, vendor: '', architecture: ' ', isFallbackAdapter: false })).toBe('unnamed adapter');
    expect(adapterLabel({ available: false, reason: 'x' })).toBeNull();
  });
});

describe('GPU variant metadata (no shaders needed)', () => {
  it('lists both kernels, float32 only, refusing float64 in WGSL terms', () => {
    expect(gpuVariantInfos.map((v) => v.id)).toEqual(['webgpu-naive', 'webgpu-tiled']);
    expect(isGpuVariant('webgpu-tiled')).toBe(true);
    expect(isGpuVariant('wasm-simd')).toBe(false);
    expect(findGpuVariantInfo('webgpu-naive')?.dtypeRefusal('f64')).toBe(GPU_F64_REASON);
    expect(GPU_F64_REASON).toMatch(/^WGSL has no float64/);
  });

  it('the panels know them, and the memory guard refuses float64 with that reason', () => {
    expect(refuseByMemory('webgpu-tiled', { m: 64, l: 64, n: 64 }, 'f64')).toBe(GPU_F64_REASON);
    expect(refuseByMemory('webgpu-tiled', { m: 64, l: 64, n: 64 }, 'f32')).toBeNull();
    expect(refuseByMemory('webgpu-tiled', { m: 4096, l: 100_000, n: 4096 }, 'f32')).toMatch(/webgpu-tiled needs .* the budget is 1\.0 GiB/);
  });
});

describe('parseSizes()', () => {
  const opts = { variants: ['wasm-simd', 'webgpu-naive', 'webgpu-tiled'], dtype: 'f32' as const, refuse: refuseByMemory };

  it('reads a comma list, spaces allowed, into ascending sizes', () => {
    expect(parseSizes('64,128,256,512,1024,2048', opts)).toEqual({ ok: true, sizes: [64, 128, 256, 512, 1024, 2048] });
    expect(parseSizes(' 64 , 16 ', opts)).toEqual({ ok: true, sizes: [16, 64] });
  });

  it.each([
    ['', /Sizes is empty/],
    ['64,,128', /empty entry/],
    ['64,', /empty entry/],
    ['64,abc', /Size "abc" is not a number/],
    ['64,1.5', /Size "1.5" is not a whole number/],
    ['0', /Size 0 is out of range: each size must be from 1 to 4,096/],
    ['5000', /Size 5000 is out of range/],
    ['64,64', /Size 64 is listed twice/],
    ['4096', /Size 4096: .*GFLOP per product: too long to wait for/],
  ])('rejects %j with a clear message', (text, message) => {
    const r = parseSizes(text, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toMatch(message);
  });

  it('says how many sizes at most', () => {
    const many = Array.from({ length: MAX_SWEEP_POINTS + 1 }, (_, i) => i + 1).join(',');
    const r = parseSizes(many, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(`at most ${MAX_SWEEP_POINTS}`);
  });

  it('caps with the memory guard of every variant', () => {
    const r = parseSizes('2000', { ...opts, refuse: (v) => (v === 'webgpu-tiled' ? 'webgpu-tiled needs 64 GiB' : null) });
    expect(r).toEqual({ ok: false, errors: ['Size 2000: webgpu-tiled needs 64 GiB'] });
  });
});

describe('the env view and the CLI lines', () => {
  it('env rows: adapter, fallback, timestamp-query, shader-f16, the limits behind the tiles', () => {
    const facts = Object.fromEntries(gpuFacts(software));
    expect(facts['WebGPU adapter']).toBe('google · swiftshader (fallback adapter)');
    expect(facts['Fallback (software) adapter']).toMatch(/^yes/);
    expect(facts['timestamp-query']).toMatch(/^supported/);
    expect(facts['shader-f16']).toBe('not supported');
    expect(facts['Workgroup limits']).toBe('256 invocations, 256×256 max size, 32.0 KiB workgroup memory');
    expect(facts['Tiles of webgpu-tiled']).toBe(chooseTiles(limits).reason);
    expect(gpuFacts({ available: false, reason: 'WebGPU not enabled in this browser: navigator.gpu is missing.' })).toEqual([
      ['WebGPU', 'unavailable: WebGPU not enabled in this browser: navigator.gpu is missing.'],
    ]);
  });

  it('the CLI adds kernel time, bytes moved, first call, adapter and note per GPU result', () => {
    const [r] = stampAdapter([at('webgpu-tiled', 64, 2, { kernelMs: 0.25, bytesMoved: 49152, coldMs: 40 })], software);
    expect(gpuLines([r!, at('wasm-simd', 64, 1)])).toEqual([
      'webgpu-tiled: kernel 0.250 ms median (timestamp-query), 48.0 KiB moved per call, first call 40.0 ms (shader compile, pipeline), ' +
        'adapter google · swiftshader (fallback adapter), ⚠ software adapter: not a GPU timing',
    ]);
  });

  it('the CSV export has the GPU columns, empty for CPU results', () => {
    const [gpu] = stampAdapter([at('webgpu-tiled', 64, 2, { kernelMs: 0.25, bytesMoved: 49152 })], software);
    // The four GPU columns come last (none of these four values holds a comma; the user agent before them does).
    expect(CSV_COLUMNS.slice(-4)).toEqual(['kernelMs', 'bytesMoved', 'adapter', 'note']);
    const lines = resultsToCsv([gpu!, at('wasm-simd', 64, 1)]).trim().split('\r\n').map((l) => l.split(',').slice(-4));
    expect(lines[1]).toEqual(['0.25', '49152', 'google · swiftshader (fallback adapter)', SOFTWARE_ADAPTER_NOTE]);
    expect(lines[2]).toEqual(['', '', '', '']);
  });
});
