// Every parallel variant, through the common harness, with real workers: correct
// with 1, 2 and 3 workers on odd shapes, in both dtypes, whatever the chunk size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '../../src/bench/protocol.ts';
import type { Dtype, Shape } from '../../src/kernels/types.ts';
import { runParallel } from '../../src/parallel/run.ts';
import { parallelVariants } from '../../src/parallel/variants.ts';
import { WorkerPool } from '../../src/pool/pool.ts';

const ids = parallelVariants.map((v) => v.id);
const shapes: Shape[] = [
  { m: 7, l: 13, n: 5 },
  { m: 1, l: 1, n: 1 },
  { m: 3, l: 17, n: 2 },
];
// Few, short calls: these tests are about correctness, not speed.
const measure = { minSamples: 1, warmupMinCalls: 1, warmupTargetMs: 0, resolutionFactor: 1 };

let pool: WorkerPool;
beforeAll(async () => {
  pool = await WorkerPool.create(3);
});
afterAll(() => pool.dispose());

function expectAllCorrect(results: BenchResult[]): void {
  expect(results.map((r) => r.variant)).toEqual(ids);
  for (const r of results) {
    if (r.status === 'error') throw new Error(`${r.variant} failed: ${r.error}`);
    expect(r.correct, `${r.variant} ${r.dtype} ${r.m}×${r.l}×${r.n} with ${r.workers} workers`).toBe(true);
    expect(r.check.mismatches).toBe(0);
  }
}

describe('parallel variants', () => {
  for (const dtype of ['f64', 'f32'] as Dtype[]) {
    for (const workers of [1, 2, 3]) {
      it(`are correct in ${dtype} with ${workers} worker(s) on odd shapes`, async () => {
        for (const shape of shapes) {
          const results = await runParallel({ variants: ids, shape, dtype, samples: 1, workers, seed: 7 }, { pool, measure });
          expectAllCorrect(results);
          for (const r of results) expect(r.workers).toBe(workers);
        }
      });
    }
  }

  it('are correct with tiny and uneven chunk sizes', async () => {
    for (const chunkSize of [1, 3, 1000] as const) {
      const results = await runParallel(
        { variants: ids, shape: { m: 7, l: 13, n: 5 }, dtype: 'f64', samples: 1, workers: 3, seed: 3 },
        { pool, measure, chunkSize },
      );
      expectAllCorrect(results);
    }
  });

  it('report the bytes they copy: messages copy operands, shared memory copies none', async () => {
    const shape = { m: 7, l: 13, n: 5 };
    const results = await runParallel({ variants: ids, shape, dtype: 'f32', samples: 1, workers: 2 }, { pool, measure });
    const copied = Object.fromEntries(results.map((r) => [r.variant, r.status === 'ok' ? r.copiedBytes : -1]));
    expect(copied['pool-element']).toBe(2 * 7 * 5 * 13 * 4);
    expect(copied['pool-row']).toBe((7 * 13 + 2 * 13 * 5) * 4);
    expect(copied['shared-row']).toBe(0);
    expect(copied['shared-element']).toBe(0);
    expect(copied['parallel-wasm']).toBe(0);
    expect(copied['parallel-tuned']).toBe(0);
    for (const r of results) if (r.status === 'ok') expect(r.startupMs).toBeGreaterThan(0);
  });

  it('keep working after a cancel in the middle of a run', async () => {
    const controller = new AbortController();
    let sampling!: () => void;
    const started = new Promise<void>((resolve) => (sampling = resolve));
    // Cancel once the run says its first sample started, not after a fixed time: on a
    // fast machine a timed wait let the run finish first. 200 samples of a product that
    // takes milliseconds cannot all be done before the abort lands.
    const shape = { m: 60, l: 3000, n: 60 };
    const run = runParallel(
      { variants: ['shared-element'], shape, dtype: 'f64', samples: 200, workers: 2 },
      { pool, signal: controller.signal, onProgress: (p) => p.phase === 'sample' && sampling() },
    ).then(
      () => 'finished',
      (e: unknown) => e,
    );
    await started;
    const t0 = performance.now();
    controller.abort();
    expect(await run).toMatchObject({ name: 'AbortError' });
    expect(performance.now() - t0).toBeLessThan(2_000);
    expectAllCorrect(await runParallel({ variants: ids, shape: { m: 7, l: 13, n: 5 }, dtype: 'f32', samples: 1, workers: 3 }, { pool, measure }));
  });
});
