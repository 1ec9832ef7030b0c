import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../src/data/generate.ts';
import { DEFAULT_ROUNDS_COMPARING, DEFAULT_SAMPLES, parseArgs, parseShape, USAGE } from '../../src/cli/args.ts';
import { explainGpuFailures, GPU_FLAG_OFF } from '../../src/cli/gpu.ts';
import { GPU_F64_REASON } from '../../src/gpu/meta.ts';
import type { BenchResult } from '../../src/bench/protocol.ts';

describe('parseArgs', () => {
  it('--list', () => {
    expect(parseArgs(['--list'])).toEqual({ kind: 'list' });
  });

  it('--help', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('a full run request', () => {
    expect(
      parseArgs(['--variant', 'naive,wasm-simd', '--shape', '512x256x128', '--dtype', 'f32', '--workers', '2',
        '--samples', '7', '--seed', '9', '--json']),
    ).toEqual({
      kind: 'run',
      variants: ['naive', 'wasm-simd'],
      shape: { m: 512, l: 256, n: 128 },
      dtype: 'f32',
      workers: [2],
      rounds: 1,
      samples: 7,
      seed: 9,
      json: true,
      gpu: false,
    });
  });

  it('defaults: f64, default samples and seed, table output, no worker count', () => {
    const a = parseArgs(['--variant', 'all', '--shape', '200x10x400']);
    expect(a).toEqual({
      kind: 'run',
      variants: ['all'],
      shape: { m: 200, l: 10, n: 400 },
      dtype: 'f64',
      rounds: 1,
      samples: DEFAULT_SAMPLES,
      seed: DEFAULT_SEED,
      json: false,
      gpu: false,
    });
  });

  it('--gpu asks for a browser with WebGPU; it combines with --list and a run', () => {
    expect(parseArgs(['--variant', 'webgpu-tiled', '--shape', '64x64x64', '--dtype', 'f32', '--gpu'])).toMatchObject({
      kind: 'run',
      variants: ['webgpu-tiled'],
      gpu: true,
    });
    expect(parseArgs(['--gpu', '--variant', 'naive', '--shape', '2x2x2'])).toMatchObject({ kind: 'run', gpu: true });
    expect(parseArgs(['--list', '--gpu'])).toEqual({ kind: 'list' });
  });

  it('--workers takes a list of counts, in order; a list means interleaved rounds, 3 by default', () => {
    const run = (...extra: string[]) => parseArgs(['--variant', 'parallel-tuned', '--shape', '512x512x512', ...extra]);
    expect(run('--workers', '1,2')).toMatchObject({ kind: 'run', workers: [1, 2], rounds: DEFAULT_ROUNDS_COMPARING });
    expect(DEFAULT_ROUNDS_COMPARING).toBeGreaterThan(1);
    expect(run('--workers=2, 1,4')).toMatchObject({ workers: [2, 1, 4] });
    expect(run('--workers', '1,2', '--rounds', '5')).toMatchObject({ workers: [1, 2], rounds: 5 });
    expect(run('--workers', '2', '--rounds', '2')).toMatchObject({ workers: [2], rounds: 2 });
    expect(run('--workers', '2')).toMatchObject({ workers: [2], rounds: 1 });
    expect(run('--rounds', '4')).toMatchObject({ rounds: 4 });
    expect(run()).not.toHaveProperty('workers');
  });

  it('accepts --flag=value and trims ids', () => {
    const a = parseArgs(['--variant=naive, ikj ,', '--shape=8×5×3']);
    expect(a).toMatchObject({ kind: 'run', variants: ['naive', 'ikj'], shape: { m: 8, l: 5, n: 3 } });
  });

  it('keeps unknown variant ids: the harness reports them in the output', () => {
    expect(parseArgs(['--variant', 'nope', '--shape', '2x2x2'])).toMatchObject({ kind: 'run', variants: ['nope'] });
  });

  const bad: [string[], RegExp][] = [
    [[], /--variant is required/],
    [['--variant', 'naive'], /--shape is required/],
    [['--shape', '2x2x2'], /--variant is required/],
    [['--variant', ',', '--shape', '2x2x2'], /at least one id/],
    [['--variant', 'naive', '--shape', '2x2'], /MxLxN/],
    [['--variant', 'naive', '--shape', '0x2x2'], /MxLxN/],
    [['--variant', 'naive', '--shape', '2.5x2x2'], /MxLxN/],
    [['--variant', 'naive', '--shape', '2x2x2', '--dtype', 'f16'], /f64 or f32/],
    [['--variant', 'naive', '--shape', '2x2x2', '--samples', '3'], /--samples/],
    [['--variant', 'naive', '--shape', '2x2x2', '--samples', 'ten'], /--samples/],
    [['--variant', 'naive', '--shape', '2x2x2', '--workers', '0'], /--workers/],
    [['--variant', 'naive', '--shape', '2x2x2', '--workers', '1,'], /--workers must be whole numbers/],
    [['--variant', 'naive', '--shape', '2x2x2', '--workers', '1,65'], /from 1 to 64/],
    [['--variant', 'naive', '--shape', '2x2x2', '--workers', '1;2'], /--workers/],
    [['--variant', 'naive', '--shape', '2x2x2', '--workers', '2,2'], /lists 2 twice/],
    [['--variant', 'naive', '--shape', '2x2x2', '--rounds', '0'], /--rounds/],
    [['--variant', 'naive', '--shape', '2x2x2', '--rounds', 'x'], /--rounds/],
    [['--variant', 'naive', '--shape', '2x2x2', '--seed', '-1'], /unknown argument|--seed/],
    [['--variant', 'naive', '--shape', '2x2x2', '--frobnicate'], /unknown argument "--frobnicate"/],
    [['--variant'], /--variant needs a value/],
    [['--variant', '--shape', '2x2x2'], /--variant needs a value/],
    [['--json=yes'], /takes no value/],
    [['--variant', 'naive', '--shape', '2x2x2', '--gpu=1'], /--gpu takes no value/],
    [['--variant', 'naive', '--shape', '2x2x2', '--webgpu'], /unknown argument "--webgpu"/],
  ];
  it.each(bad)('rejects %j with a clear message', (argv, message) => {
    const a = parseArgs(argv);
    expect(a.kind).toBe('error');
    if (a.kind === 'error') expect(a.message).toMatch(message);
  });
});

describe('parseShape', () => {
  it('reads MxLxN in either x or ×', () => {
    expect(parseShape('20x10000x40')).toEqual({ m: 20, l: 10000, n: 40 });
    expect(parseShape('3×4×5')).toEqual({ m: 3, l: 4, n: 5 });
    expect(parseShape('3x4')).toBeNull();
    expect(parseShape('3x4x')).toBeNull();
  });
});

describe('--gpu in the usage and the output', () => {
  it('the usage names the flag and what it turns on', () => {
    expect(USAGE).toMatch(/--gpu\s+start Chromium with --enable-unsafe-webgpu/);
  });

  const failed = (variant: string, error: string): BenchResult => ({
    status: 'error', variant, m: 2, l: 2, n: 2, dtype: 'f32', workers: 1, at: '2026-01-01T00:00:00.000Z',
    env: { crossOriginIsolated: true, sharedArrayBuffer: true, cores: 2, timerResolutionMs: 0.005, wasmSimd: true, userAgent: 'test' },
    error,
  });

  it('without --gpu a GPU failure starts with the cause and keeps what the browser said', () => {
    const browserSaid = 'WebGPU is enabled but no GPU adapter is available: navigator.gpu.requestAdapter() returned null';
    const [gpu, f64, cpu] = explainGpuFailures([failed('webgpu-tiled', browserSaid), failed('webgpu-naive', GPU_F64_REASON), failed('naive', 'boom')], false);
    expect(gpu?.status === 'error' && gpu.error).toBe(`${GPU_FLAG_OFF}. Chromium said: ${browserSaid}`);
    expect(gpu?.status === 'error' && gpu.error).toMatch(/^WebGPU not enabled in this browser: .*--enable-unsafe-webgpu \(add --gpu\)/);
    expect(f64).toMatchObject({ error: GPU_F64_REASON }); // no flag gives WGSL a float64
    expect(cpu).toMatchObject({ error: 'boom' });
  });

  it('with --gpu the browser has its say unchanged', () => {
    const results = [failed('webgpu-tiled', 'WebGPU: requestDevice() failed: x')];
    expect(explainGpuFailures(results, true)).toEqual(results);
  });
});
