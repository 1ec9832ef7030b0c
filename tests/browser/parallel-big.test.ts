// The path for shapes too big for the page's thread: inputs generated in a worker
// into shared memory, reference computed by the workers, same checks. A shape just
// above the limit keeps it quick; the real 240 MB case is measured by parallel-bench.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigCaseRows, releaseBigCase, runBigCase } from '../../src/parallel/big.ts';
import { needsWorkerPreparation, runParallel } from '../../src/parallel/run.ts';
import { sweepChunkSizes } from '../../src/parallel/chunks.ts';
import { sweepWorkers } from '../../src/parallel/speedup.ts';
import { parallelVariants } from '../../src/parallel/variants.ts';
import { WorkerPool } from '../../src/pool/pool.ts';

const shape = { m: 9, l: 300_001, n: 10 };
let pool: WorkerPool;
beforeAll(async () => {
  pool = await WorkerPool.create(2);
});
afterAll(() => pool.dispose());

describe('worker-prepared (big) runs', () => {
  it('are correct for every variant, with inputs made off the page thread', async () => {
    expect(needsWorkerPreparation(shape)).toBe(true);
    const ids = parallelVariants.map((v) => v.id).filter((id) => id !== 'pool-element');
    const results = await runParallel({ variants: ids, shape, dtype: 'f32', samples: 1, workers: 2, seed: 5 }, { pool });
    for (const r of results) {
      if (r.status === 'error') throw new Error(`${r.variant}: ${r.error}`);
      expect(r.correct, r.variant).toBe(true);
      expect(r.samplesMs).toHaveLength(1);
    }
  });

  it('the big-case helper reports time and bytes copied per worker, and frees its memory', async () => {
    const { rows } = await runBigCase({ pool, shape, dtype: 'f32', workers: 2, samples: 1 });
    expect(rows.map((r) => r.variant)).toEqual(['pool-row', 'shared-row', 'shared-element']);
    const by = Object.fromEntries(rows.map((r) => [r.variant, r]));
    expect(by['pool-row'].copiedBytes).toBe((9 * 300_001 + 2 * 300_001 * 10) * 4);
    expect(by['pool-row'].copiedBytesPerWorker).toBe(by['pool-row'].copiedBytes / 2);
    expect(by['shared-row'].copiedBytes).toBe(0);
    for (const r of rows) expect(r.correct, r.variant).toBe(true);
    expect(bigCaseRows([])).toEqual([]);
    await releaseBigCase(pool);
    for (const w of pool.workers) expect(w.attached.size).toBe(0);
  });

  it('sweeps worker counts and reports speed-up against one worker', async () => {
    const { points } = await sweepWorkers('shared-row', { shape: { m: 20, l: 500, n: 40 }, dtype: 'f64', samples: 1 }, 3, {
      pool,
      measure: { minSamples: 1, warmupMinCalls: 1, warmupTargetMs: 0 },
    });
    expect(points.map((p) => p.workers)).toEqual([1, 2, 3]);
    expect(points[0].speedup).toBe(1);
    for (const p of points) {
      expect(p.correct).toBe(true);
      expect(p.ideal).toBe(p.workers);
      expect(p.efficiency).toBeCloseTo(p.speedup! / p.workers, 12);
    }
  });

  it('sweeps chunk sizes of per-element tasks, each run correct', async () => {
    const { points } = await sweepChunkSizes('pool-element', { shape: { m: 6, l: 5, n: 7 }, dtype: 'f32', samples: 1, workers: 2 }, [1, 5, 42], {
      pool,
      measure: { minSamples: 1, warmupMinCalls: 1, warmupTargetMs: 0 },
    });
    expect(points.map((p) => p.messages)).toEqual([42, 9, 1]);
    for (const p of points) expect(p.correct).toBe(true);
  });
});
