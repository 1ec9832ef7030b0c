// Not a test of speed: a measuring script that prints figures, run only on request
//   VITE_PARALLEL_BENCH=small|big npx vitest run --project browser tests/browser/parallel-bench.test.ts
// (skipped otherwise, so `npm test` stays quick). Nothing here asserts a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTable } from '../../src/bench/format.ts';
import { measureMessageCosts } from '../../src/parallel/messages.ts';
import { runParallel } from '../../src/parallel/run.ts';
import { parallelVariants } from '../../src/parallel/variants.ts';
import { WorkerPool } from '../../src/pool/pool.ts';

const mode = (import.meta.env.VITE_PARALLEL_BENCH as string | undefined) ?? '';
const ids = parallelVariants.map((v) => v.id);
let pool: WorkerPool;

describe.runIf(mode !== '')('parallel figures (printed, not asserted)', () => {
  beforeAll(async () => {
    pool = await WorkerPool.create(2);
    console.log(`pool start-up: ${pool.startupMs.toFixed(1)} ms for 2 workers; cores ${navigator.hardwareConcurrency}; isolated ${crossOriginIsolated}`);
  });
  afterAll(() => pool?.dispose());

  it.runIf(mode.includes('small'))('low l and high l, 2 workers', { timeout: 600_000 }, async () => {
    for (const shape of [{ m: 200, l: 10, n: 400 }, { m: 20, l: 10000, n: 40 }]) {
      for (const dtype of ['f64', 'f32'] as const) {
        const results = await runParallel({ variants: ids, shape, dtype, samples: 7, workers: 2, seed: 1 }, { pool });
        console.log(`\n${shape.m}×${shape.l}×${shape.n} ${dtype}, 2 workers\n${formatTable(results)}`);
        for (const r of results) expect(r.status === 'ok' && r.correct, r.variant).toBe(true);
      }
    }
    const costs = await measureMessageCosts([2 ** 20, 16 * 2 ** 20, 128 * 2 ** 20], { pool, repeats: 5 });
    console.log(costs.map((c) => `${c.method} ${c.bytes / 2 ** 20} MiB: median ${c.medianMs.toFixed(3)} ms (min ${c.minMs.toFixed(3)})`).join('\n'));
    for (const workers of [1, 2]) {
      const [r] = await runParallel({ variants: ['shared-row'], shape: { m: 20, l: 10000, n: 40 }, dtype: 'f64', samples: 7, workers, seed: 1 }, { pool });
      console.log(`shared-row highL f64, ${workers} worker(s): median ${r.medianMs?.toFixed(2)} ms`);
    }
  });

  it.runIf(mode.includes('big'))('big case: shared-row on 1 vs 2 workers (interleaved), then the big-case variants', { timeout: 3_600_000 }, async () => {
    const l = Number(import.meta.env.VITE_PARALLEL_BIG_L ?? 100000);
    const rounds = Number(import.meta.env.VITE_PARALLEL_BIG_ROUNDS ?? 3);
    const shape = { m: 200, l, n: 400 };
    const t0 = performance.now();
    const times: Record<number, number[]> = { 1: [], 2: [] };
    // Interleaved 1, 2, 1, 2, … so a busy phase of the machine hits both alike; the data is made once.
    for (let round = 0; round < rounds; round++) {
      for (const workers of [1, 2]) {
        const [r] = await runParallel({ variants: ['shared-row'], shape, dtype: 'f32', workers, samples: 5, seed: 1 }, { pool });
        if (r.status !== 'ok' || !r.correct) throw new Error(`shared-row ${workers}: ${JSON.stringify(r)}`);
        times[workers].push(r.coldMs, ...r.samplesMs);
        console.log(`round ${round} shared-row ${workers}w: cold ${r.coldMs.toFixed(0)} ms, median ${r.medianMs.toFixed(0)} ms (elapsed ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    if (rounds > 0) console.log(`shared-row big f32: 1 worker min ${Math.min(...times[1]).toFixed(0)} / median ${med(times[1]).toFixed(0)} ms; ` +
      `2 workers min ${Math.min(...times[2]).toFixed(0)} / median ${med(times[2]).toFixed(0)} ms; ` +
      `speed-up (min) ${(Math.min(...times[1]) / Math.min(...times[2])).toFixed(2)}×, (median) ${(med(times[1]) / med(times[2])).toFixed(2)}×`);
    const variants = ((import.meta.env.VITE_PARALLEL_BIG_VARIANTS as string | undefined) ?? '').split(',').filter(Boolean);
    if (variants.length > 0) {
      const results = await runParallel({ variants, shape, dtype: 'f32', workers: 2, samples: 5, seed: 1 }, { pool });
      console.log(`\nbig ${shape.m}×${shape.l}×${shape.n} f32, 2 workers\n${formatTable(results)}`);
    }
  });
});
