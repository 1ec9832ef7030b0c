import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/panels/config.ts';
import { datasets } from '../../src/data/generate.ts';
import { mayRun, viewContext } from '../../src/panels/context.ts';
import { progressText } from '../../src/panels/progress.ts';
import { browserName, environmentFacts } from '../../src/panels/environment.ts';
import { collectVisit, LECTURE_ORDER } from '../../src/panels/kinds/summary.ts';
import { serialVariantIds } from '../../src/kernels/registry.ts';
import { parallelVariantIds } from '../../src/parallel/variants.ts';
import { gpuVariantIds } from '../../src/gpu/variants.ts';
import { workerCounts } from '../../src/panels/kinds/speedup.ts';
import { chunkNotes } from '../../src/panels/kinds/matmul.ts';
import { gapVerdict, longestGap } from '../../src/panels/kinds/freeze.ts';
import { splitByRunner } from '../../src/bench/runner.ts';
import { env, measured } from './series-fixtures.ts';

const attrs = (a: Record<string, string>) => (name: string) => a[name] ?? null;

describe('readConfig()', () => {
  it("defaults to the notebook's low-l set, naive vs element-vectorised", () => {
    const c = readConfig(attrs({}));
    expect(c.kind).toBe('matmul');
    expect(c.shape).toEqual(datasets.lowL.shape);
    expect(c.shape).toEqual({ m: 200, l: 10, n: 400 });
    expect(c.samples).toBe(10);
    expect(c.workers).toBeNull();
    expect(c.id).toBe('matmul.naive+element-vectorised.lowL');
  });

  it('reads the declaration, with the big set in float32', () => {
    const c = readConfig(attrs({ id: 's42', kind: 'speedup', variants: 'pool-row, shared-row', dataset: 'big', workers: '4', samples: '3' }));
    expect(c).toMatchObject({ id: 's42', kind: 'speedup', variants: ['pool-row', 'shared-row'], dtype: 'f32', workers: 4, samples: 3 });
    expect(c.shape).toEqual({ m: 200, l: 100000, n: 400 });
  });

  it('falls back on typos instead of breaking the slide', () => {
    const c = readConfig(attrs({ kind: 'matmull', m: 'lots', dtype: 'f16', dataset: 'highL' }));
    expect(c.kind).toBe('matmul');
    expect(c.shape).toEqual({ m: 20, l: 10000, n: 40 });
    expect(c.dtype).toBe('f64');
  });

  it('reads a list of types to compare', () => {
    expect(readConfig(attrs({ dtypes: 'f64, f32, f16' })).dtypes).toEqual(['f64', 'f32']);
    expect(readConfig(attrs({})).dtypes).toBeNull();
  });

  it('shows a workers input for parallel variants', () => {
    expect(readConfig(attrs({ variants: 'naive,pool-row' })).workers).toBe(2);
  });

  it('shows a chunk input only for per-element variants or a declared chunk', () => {
    expect(readConfig(attrs({ variants: 'naive,pool-row,shared-row' })).chunk).toBeNull();
    expect(readConfig(attrs({ variants: 'naive' })).chunk).toBeNull();
    expect(readConfig(attrs({ variants: 'naive,pool-element' })).chunk).toBe('auto');
    expect(readConfig(attrs({ variants: 'shared-element' })).chunk).toBe('auto');
    expect(readConfig(attrs({ variants: 'pool-element', chunk: '250' })).chunk).toBe(250);
    // Declared on any panel: shown, empty means auto; a typo falls back to auto.
    expect(readConfig(attrs({ variants: 'pool-row', chunk: '' })).chunk).toBe('auto');
    expect(readConfig(attrs({ variants: 'pool-element', chunk: 'lots' })).chunk).toBe('auto');
    expect(readConfig(attrs({ variants: 'pool-element', chunk: '0' })).chunk).toBe('auto');
  });
});

describe('viewContext()', () => {
  it.each([
    ['', 'live', true],
    ['?receiver', 'speaker-preview', false],
    ['?receiver&progress=false&postMessageEvents=true', 'speaker-preview', false],
    ['?print-pdf', 'print', false],
    ['?view=print', 'print', false],
    ['?view=scroll', 'scroll', true],
  ] as const)('%j → %s', (search, context, runs) => {
    expect(viewContext(search)).toBe(context);
    expect(mayRun(viewContext(search))).toBe(runs);
  });
});

describe('progress and formatting', () => {
  it('says variant k of n and sample j of s', () => {
    expect(progressText({ variant: 'naive', variantIndex: 0, variantCount: 3, sample: 4, sampleCount: 10, phase: 'sample' })).toBe(
      'Variant 1 of 3 (naive): sample 5 of 10',
    );
    expect(progressText({ variant: 'ikj', variantIndex: 2, variantCount: 3, sample: 0, sampleCount: 10, phase: 'warmup' })).toMatch(/3 of 3.*warming/);
  });
});

describe('environment facts', () => {
  it('names the browser and states isolation and timer resolution', () => {
    expect(browserName(env.userAgent)).toBe('Headless Chrome 156');
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe('Firefox 140');
    const facts = Object.fromEntries(environmentFacts(env));
    expect(facts['Timer resolution (measured)']).toBe('5 µs');
    expect(facts['Cross-origin isolated']).toBe('yes');
  });
});

describe('collectVisit()', () => {
  it('keeps the later of duplicates and orders by shape (smaller work first) then lecture order', () => {
    const early = { ...measured('naive', [10, 10]), at: '2026-11-23T21:00:00.000Z' };
    const late = { ...measured('naive', [12, 12]), at: '2026-11-23T21:05:00.000Z' };
    const vec = { ...measured('element-vectorised', [2, 2]), at: '2026-11-23T20:00:00.000Z' };
    const high = { ...measured('naive', [40, 40], { m: 20, l: 10000, n: 40 }), at: '2026-11-23T21:01:00.000Z' };
    const all = collectVisit([{ results: [vec, late] }, { results: [early, high] }]);
    expect(all.map((r) => `${r.variant}:${r.status === 'ok' ? r.medianMs : r.error}`)).toEqual(['naive:12', 'element-vectorised:2', 'naive:40']);
  });
  it('ranks every registered variant exactly once', () => {
    const registered = [...serialVariantIds, ...parallelVariantIds, ...gpuVariantIds];
    expect([...LECTURE_ORDER].sort()).toEqual([...registered].sort());
  });
});

describe('small pure helpers', () => {
  it('sweeps 1…W workers', () => expect(workerCounts(3)).toEqual([1, 2, 3]));
  it('finds the longest frame gap', () => {
    expect(longestGap([0, 16, 33, 250, 266])).toBe(217);
    expect(longestGap([])).toBe(0);
    expect(gapVerdict(16.7)).toBe('smooth');
    expect(gapVerdict(67)).toBe('stutter');
    expect(gapVerdict(2000)).toBe('frozen');
  });
  it('splits a request into serial, parallel and GPU runs in order', () => {
    expect(splitByRunner(['naive', 'pool-row', 'shared-row', 'ikj'])).toEqual([
      { runner: 'serial', variants: ['naive'] },
      { runner: 'parallel', variants: ['pool-row', 'shared-row'] },
      { runner: 'serial', variants: ['ikj'] },
    ]);
    expect(splitByRunner(['wasm-simd', 'webgpu-naive', 'webgpu-tiled', 'no-such', 'webgpu-tiled'])).toEqual([
      { runner: 'serial', variants: ['wasm-simd'] },
      { runner: 'gpu', variants: ['webgpu-naive', 'webgpu-tiled'] },
      { runner: 'serial', variants: ['no-such'] }, // unknown ids: the serial harness reports them
      { runner: 'gpu', variants: ['webgpu-tiled'] },
    ]);
  });

  it('reads a GPU sweep declaration: float32 whatever the data set, the sizes as written', () => {
    const c = readConfig(attrs({ kind: 'gpu-sweep', dataset: 'highL', sizes: '16, 64' }));
    expect(c).toMatchObject({ kind: 'gpu-sweep', dtype: 'f32', sizes: '16, 64', variants: ['wasm-simd', 'webgpu-naive', 'webgpu-tiled'] });
    expect(readConfig(attrs({ kind: 'gpu-sweep', variants: 'tuned,webgpu-tiled', dtype: 'f64' }))).toMatchObject({ variants: ['tuned', 'webgpu-tiled'], dtype: 'f32', sizes: null });
  });
});

describe('chunk-size notes', () => {
  const par = (variant: string, workers: number, chunkSize: number) => ({ ...measured(variant, [5, 5]), workers, chunkSize });
  it('says how many messages a product took', () => {
    expect(chunkNotes([par('pool-element', 2, 100), measured('naive', [1])])).toEqual(['pool-element 100 elements per message (800 messages per product)']);
    expect(chunkNotes([par('pool-element', 2, 40_000)])).toEqual([
      'pool-element 40,000 elements per message (2 messages per product, one per worker)',
    ]);
    expect(chunkNotes([par('pool-element', 2, 1)])).toEqual(['pool-element 1 element per message (80,000 messages per product)']);
    expect(chunkNotes([measured('naive', [1])])).toEqual([]);
  });
});

describe('the table caption says how many data samples were used', () => {
  it('names the count of the measured results, and nothing for results kept before samples existed', async () => {
    const { dataSamplesText } = await import('../../src/panels/kinds/matmul.ts');
    const base = { status: 'ok', dataSamples: 10 } as unknown as import('../../src/bench/protocol.ts').BenchResult;
    expect(dataSamplesText([base, base])).toBe(', each variant timed and checked on 10 data samples');
    expect(dataSamplesText([{ ...base, dataSamples: 1 } as typeof base])).toBe(', each variant timed and checked on 1 data sample');
    expect(dataSamplesText([{ ...base, dataSamples: 3 } as typeof base, base])).toBe(', each variant timed and checked on 3–10 data samples');
    expect(dataSamplesText([{ status: 'ok' } as unknown as typeof base])).toBe('');
  });
});
