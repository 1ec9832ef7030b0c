// The pool variants go through all 10 data samples of lowL (2.1): set up again on each,
// through real workers (new shared memories attached, new tokens), every product checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasets } from '../../src/data/generate.ts';
import { runParallel } from '../../src/parallel/run.ts';
import { parallelVariants } from '../../src/parallel/variants.ts';
import { WorkerPool } from '../../src/pool/pool.ts';

let pool: WorkerPool;
beforeAll(async () => {
  pool = await WorkerPool.create(2);
});
afterAll(() => pool.dispose());

describe('pool variants on a data set with several samples', () => {
  it('are correct on all 10 samples of lowL, with an untimed, checked call after each new set-up', async () => {
    const ids = parallelVariants.map((v) => v.id);
    const results = await runParallel({ variants: ids, shape: datasets.lowL.shape, dtype: 'f64', samples: 10, workers: 2, seed: 3 }, { pool, peaks: false });
    for (const r of results) {
      if (r.status === 'error') throw new Error(`${r.variant}: ${r.error}`);
      expect(r.correct, r.variant).toBe(true);
      expect(r.samplesMs, r.variant).toHaveLength(10);
      // The cold call, 10 samples' last calls, and the settling call after each of the 9 set-ups on another sample.
      expect({ id: r.variant, data: r.dataSamples, checked: r.checkedProducts }).toEqual({ id: r.variant, data: 10, checked: 1 + 10 + 9 });
    }
  });
});
