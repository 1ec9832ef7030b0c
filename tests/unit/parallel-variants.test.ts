// The parallel variants' contract, without workers: the refusal without
// cross-origin isolation (through the context flag), and the figures they report.
import { describe, expect, it } from 'vitest';
import { generateInputs } from '../../src/data/generate.ts';
import type { VariantInputs } from '../../src/kernels/variant.ts';
import { needsWorkerPreparation, validWorkers } from '../../src/parallel/run.ts';
import {
  elementChunkSize,
  findParallelVariant,
  parallelVariants,
  type ParallelContext,
  tileAlignedBlocks,
  usedWorkers,
} from '../../src/parallel/variants.ts';
import { NO_ISOLATION } from '../../src/parallel/shared-arrays.ts';
import { wasmLayout } from '../../src/parallel/wasm-layout.ts';
import type { WorkerPool } from '../../src/pool/pool.ts';

// Set-up must refuse before it touches a worker, so a pool with no workers suffices.
const fakePool = { size: 2, workers: [] } as unknown as WorkerPool;
const context = (over: Partial<ParallelContext> = {}): ParallelContext => ({
  pool: fakePool,
  workers: 2,
  chunkSize: 'auto',
  crossOriginIsolated: false,
  sharedCopies: new WeakMap(),
  ...over,
});
const shape = { m: 3, l: 4, n: 5 };
const inputs: VariantInputs = { ...generateInputs(shape, 'f64', 1), shape, dtype: 'f64' };

describe('parallel variants without cross-origin isolation', () => {
  for (const id of ['shared-element', 'shared-row', 'parallel-wasm', 'parallel-tuned']) {
    it(`${id} refuses with a readable reason`, () => {
      const v = findParallelVariant(id)!;
      expect(() => v.setup(inputs, context())).toThrow(`${id} ${NO_ISOLATION}`);
    });
  }

  for (const id of ['pool-element', 'pool-row']) {
    it(`${id} still sets up (messages need no isolation)`, () => {
      expect(typeof findParallelVariant(id)!.setup(inputs, context())).toBe('function');
    });
  }
});

describe('parallel variant figures', () => {
  it('has the six agreed ids, both dtypes each', () => {
    expect(parallelVariants.map((v) => v.id)).toEqual(['pool-element', 'pool-row', 'parallel-wasm', 'parallel-tuned', 'shared-element', 'shared-row']);
    for (const v of parallelVariants) expect([...v.dtypes].sort()).toEqual(['f32', 'f64']);
  });

  it('uses at most the pool size and at least one worker', () => {
    expect(usedWorkers(context({ workers: 5 }))).toBe(2);
    expect(usedWorkers(context({ workers: 1 }))).toBe(1);
    expect(usedWorkers(context({ workers: 0 }))).toBe(1);
  });

  it('sizes element chunks: auto = one per worker, else as asked', () => {
    expect(elementChunkSize(context(), 15, 2)).toBe(8);
    expect(elementChunkSize(context({ chunkSize: 4 }), 15, 2)).toBe(4);
    expect(() => elementChunkSize(context({ chunkSize: 0 }), 15, 2)).toThrow(RangeError);
  });

  it('reports the chunk size the per-element variants run with, and only they do', () => {
    const chunk = (id: string, ctx: ParallelContext) => findParallelVariant(id)!.chunkSize?.({ m: 200, l: 10, n: 400 }, ctx);
    expect(chunk('pool-element', context())).toBe(40_000); // auto: one chunk per worker
    expect(chunk('shared-element', context({ workers: 1 }))).toBe(80_000);
    expect(chunk('pool-element', context({ chunkSize: 100 }))).toBe(100);
    for (const id of ['pool-row', 'shared-row', 'parallel-wasm', 'parallel-tuned']) expect(chunk(id, context())).toBeUndefined();
  });

  it('counts copied bytes: per element both operands, per row B once per worker, shared none', () => {
    const big = { m: 200, l: 100000, n: 400 };
    const copied = (id: string, w: number) => findParallelVariant(id)!.copiedBytes!(big, 'f32', w);
    expect(copied('pool-element', 2)).toBe(2 * 200 * 400 * 100000 * 4);
    expect(copied('pool-row', 1)).toBe((200 * 100000 + 100000 * 400) * 4);
    expect(copied('pool-row', 2) - copied('pool-row', 1)).toBe(100000 * 400 * 4);
    expect(copied('shared-row', 2)).toBe(0);
    expect(copied('shared-element', 2)).toBe(0);
  });
});

describe('parallel-tuned', () => {
  const isolated = (over: Partial<ParallelContext> = {}) => context({ crossOriginIsolated: true, ...over });

  it('says which build its workers load, and refuses with the reason when there is none', () => {
    const v = findParallelVariant('parallel-tuned')!;
    expect(v.build!(isolated({ tuned: { build: 'relaxed-simd', reason: null, scratchBytes: 1 } }))).toBe('relaxed-simd');
    expect(v.build!(isolated({ tuned: { build: 'simd', reason: 'relaxed SIMD turned off', scratchBytes: 1 } }))).toBe('simd');
    expect(v.build!(isolated())).toBe('unavailable');
    if (typeof SharedArrayBuffer === 'undefined') return; // Node has it; the refusal below needs it to get past isolation
    expect(() => v.setup(inputs, isolated({ tuned: { build: null, reason: 'no tuned-parallel here', scratchBytes: 0 } }))).toThrow(
      /cannot run the tuned WebAssembly SIMD kernel on shared memory \(no tuned-parallel here\)/,
    );
    expect(() => v.setup(inputs, isolated())).toThrow(/not looked up here/);
  });

  it('splits rows into blocks of whole 5-row tiles, the remainder last, none empty', () => {
    expect(tileAlignedBlocks(1024, 2, 5)).toEqual([{ start: 0, end: 515 }, { start: 515, end: 1024 }]);
    expect(tileAlignedBlocks(7, 2, 5)).toEqual([{ start: 0, end: 5 }, { start: 5, end: 7 }]);
    expect(tileAlignedBlocks(3, 2, 5)).toEqual([{ start: 0, end: 3 }]);
    expect(tileAlignedBlocks(1, 3, 5)).toEqual([{ start: 0, end: 1 }]);
    expect(tileAlignedBlocks(0, 2, 5)).toEqual([]);
    for (const [m, w] of [[513, 2], [100, 3], [31, 4]] as const) {
      const blocks = tileAlignedBlocks(m, w, 5);
      expect(blocks.length).toBeLessThanOrEqual(w);
      expect(blocks[0]?.start).toBe(0);
      expect(blocks.at(-1)!.end).toBe(m);
      for (const [i, b] of blocks.entries()) if (i > 0) expect(b.start).toBe(blocks[i - 1]?.end);
      for (const b of blocks.slice(0, -1)) expect((b.end - b.start) % 5).toBe(0);
    }
  });
});

describe('wasm layout', () => {
  it('places A, B, C 16-byte aligned after the module page, and nothing else without scratch', () => {
    const l = wasmLayout({ m: 3, l: 5, n: 7 }, 'f32');
    expect([l.a, l.b, l.c]).toEqual([65536, 65536 + 64, 65536 + 64 + 144]);
    expect(l.scratch).toEqual([]);
    expect(l.scratchBytes).toBe(0);
    expect(l.pages).toBe(2);
  });

  it('gives every worker its own page-aligned scratch region after C, none overlapping', () => {
    const shape = { m: 67, l: 259, n: 521 };
    const bytes = 512 * 1024 + 60 * 256 * 8 + 256;
    const l = wasmLayout(shape, 'f64', { workers: 3, bytes });
    const cEnd = l.c + shape.m * shape.n * 8;
    expect(l.scratch).toHaveLength(3);
    expect(l.scratch[0]).toBeGreaterThanOrEqual(cEnd);
    for (const [i, at] of l.scratch.entries()) {
      expect(at % 4096).toBe(0);
      if (i > 0) expect(at).toBeGreaterThanOrEqual(l.scratch[i - 1]! + bytes);
    }
    expect(l.pages * 65536).toBeGreaterThanOrEqual(l.scratch[2]! + bytes);
    expect(() => wasmLayout(shape, 'f64', { workers: 0, bytes })).toThrow(RangeError);
  });

  it('refuses more than 4 GiB, naming the variant', () => {
    expect(() => wasmLayout({ m: 24000, l: 24000, n: 1 }, 'f64', { workers: 2, bytes: 1 }, 'parallel-tuned')).toThrow(/parallel-tuned: .* GiB of operands and scratch/);
  });
});

describe('run helpers', () => {
  it('prepares big shapes in workers, small ones on the page', () => {
    expect(needsWorkerPreparation({ m: 200, l: 100000, n: 400 })).toBe(true);
    expect(needsWorkerPreparation({ m: 20, l: 10000, n: 40 })).toBe(false);
    expect(needsWorkerPreparation({ m: 200, l: 10, n: 400 })).toBe(false);
  });

  it('validates worker counts', () => {
    expect(validWorkers(undefined, 2)).toBe(2);
    expect(validWorkers(3, 2)).toBe(3);
    expect(() => validWorkers(0, 2)).toThrow(RangeError);
    expect(() => validWorkers(1.5, 2)).toThrow(RangeError);
  });
});
