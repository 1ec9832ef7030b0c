import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../src/bench/defaults.ts';
import { DEFAULT_SAMPLES, parseArgs, parseShape } from '../../src/cli/args.ts';

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
      workers: 2,
      samples: 7,
      seed: 9,
      json: true,
    });
  });

  it('defaults: f64, default samples and seed, table output, no worker count', () => {
    const a = parseArgs(['--variant', 'all', '--shape', '200x10x400']);
    expect(a).toEqual({
      kind: 'run',
      variants: ['all'],
      shape: { m: 200, l: 10, n: 400 },
      dtype: 'f64',
      samples: DEFAULT_SAMPLES,
      seed: DEFAULT_SEED,
      json: false,
    });
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
    [['--variant', 'naive', '--shape', '2x2x2', '--seed', '-1'], /unknown argument|--seed/],
    [['--variant', 'naive', '--shape', '2x2x2', '--frobnicate'], /unknown argument "--frobnicate"/],
    [['--variant'], /--variant needs a value/],
    [['--variant', '--shape', '2x2x2'], /--variant needs a value/],
    [['--json=yes'], /takes no value/],
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
