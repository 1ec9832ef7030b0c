// The path for shapes too big for one thread: inputs generated in a worker
// into shared memory, reference computed by the workers, same checks. A shape just
// above the limit keeps it quick; the real 229 MiB case is measured by `npm run bench:parallel -- big`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreparedCache, type Prepared, type PreparedCache } from '../../src/parallel/prepare.ts';
import { needsWorkerPreparation, runParallel } from '../../src/parallel/run.ts';
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
      expect(r.copiedBytes, r.variant).toBe(r.variant === 'pool-row' ? (9 * 300_001 + 2 * 300_001 * 10) * 4 : 0);
      expect(r.samplesMs).toHaveLength(5); // 1 asked, the 5-sample minimum holds for long calls too
    }
  });

  it('a second run on the same shape and seed reuses the kept inputs; release drops them', async () => {
    const cache = createPreparedCache();
    const made = new Set<Prepared>();
    const watched: PreparedCache = {
      prepare: async (...args) => {
        const p = await cache.prepare(...args);
        made.add(p);
        return p;
      },
      release: () => cache.release(),
    };
    const run = (workers: number, seed: number) =>
      runParallel({ variants: ['shared-row'], shape, dtype: 'f32', samples: 1, workers, seed }, { pool, prepared: watched, peaks: false });
    for (const workers of [1, 2]) expect((await run(workers, 5))[0]).toMatchObject({ status: 'ok', correct: true });
    expect(made.size).toBe(1);
    await run(2, 6);
    expect(made.size).toBe(2); // another seed: other inputs
    const kept = [...made].at(-1)!;
    expect(await cache.prepare(pool, kept.inputs.shape, 'f32', kept.seed)).toBe(kept);
    cache.release();
    expect(await cache.prepare(pool, kept.inputs.shape, 'f32', kept.seed)).not.toBe(kept);
  });
});
