// The parallel variants' contract, without workers: the refusal without
// cross-origin isolation (through the context flag), and the figures they report.
import { describe, expect, it } from 'vitest';
import { generateInputs } from '../../src/data/generate.ts';
import type { VariantInputs } from '../../src/kernels/variant.ts';
import { needsWorkerPreparation, validWorkers } from '../../src/parallel/run.ts';
import {
  elementChunkSize,
  findParallelVariant,
  NO_ISOLATION,
  parallelVariants,
  type ParallelContext,
  usedWorkers,
} from '../../src/parallel/variants.ts';
import type { WorkerPool } from '../../src/pool/pool.ts';

// Set-up must refuse before it touches a worker, so a pool with no workers suffices.
const fakePool = { size: 2, workers: [] } as unknown as WorkerPool;
const context = (over: Partial<ParallelContext> = {}): ParallelContext => ({
  pool: fakePool,
  workers: 2,
  chunkSize: 'auto',
  crossOriginIsolated: false,
  ...over,
});
const shape = { m: 3, l: 4, n: 5 };
const inputs: VariantInputs = { ...generateInputs(shape, 'f64', 1), shape, dtype: 'f64' };

describe('parallel variants without cross-origin isolation', () => {
  for (const id of ['shared-element', 'shared-row', 'parallel-wasm']) {
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
  it('has the five agreed ids, both dtypes each', () => {
    expect(parallelVariants.map((v) => v.id)).toEqual(['pool-element', 'pool-row', 'parallel-wasm', 'shared-element', 'shared-row']);
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
    for (const id of ['pool-row', 'shared-row', 'parallel-wasm']) expect(chunk(id, context())).toBeUndefined();
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
