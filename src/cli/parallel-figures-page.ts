// The page `npm run bench:parallel` drives in headless Chromium: figures of the
// parallel variants of section 4, printed, not asserted (no timing is a claim of
// this code). It runs them on a pool of two workers made by this page, each line
// going back to the script as soon as it is measured.
//   small: every parallel variant at low and at high l, f64 and f32; message costs
//          at 1, 16 and 128 MiB; shared-row at high l on 1 and on 2 workers.
//   big:   the 229 MiB case of 4.2, shared-row on 1 and 2 workers in interleaved
//          rounds (the inputs made once), then other variants on it if asked.
import { formatTable } from '../bench/format.ts';
import { median, min } from '../bench/stats.ts';
import { measureMessageCosts } from '../parallel/messages.ts';
import { createPreparedCache } from '../parallel/prepare.ts';
import { runParallel } from '../parallel/run.ts';
import { parallelVariants } from '../parallel/variants.ts';
import { WorkerPool } from '../pool/pool.ts';

export type FiguresMode = 'small' | 'big';

export interface BigOptions {
  /** Inner dimension of the 200 × l × 400 product (the lecture's: 100 000). */
  readonly l: number;
  /** Interleaved rounds of shared-row on 1 and on 2 workers. */
  readonly rounds: number;
  /** Variants measured on the same shape afterwards, on 2 workers. */
  readonly variants: readonly string[];
}

/** Lines go to the script's stdout as they come (a big run lasts many minutes). */
function say(line: string): void {
  window.__figuresLine?.(line);
}

/** Returns one line per result that failed or was wrong. */
async function small(pool: WorkerPool): Promise<string[]> {
  const failures: string[] = [];
  const ids = parallelVariants.map((v) => v.id);
  for (const shape of [{ m: 200, l: 10, n: 400 }, { m: 20, l: 10000, n: 40 }]) {
    for (const dtype of ['f64', 'f32'] as const) {
      const results = await runParallel({ variants: ids, shape, dtype, samples: 7, workers: 2, seed: 1 }, { pool });
      say(`\n${shape.m}×${shape.l}×${shape.n} ${dtype}, 2 workers\n${formatTable(results)}`);
      for (const r of results) if (r.status !== 'ok' || !r.correct) failures.push(`${r.variant} ${shape.m}×${shape.l}×${shape.n} ${dtype}`);
    }
  }
  const costs = await measureMessageCosts([2 ** 20, 16 * 2 ** 20, 128 * 2 ** 20], { pool, repeats: 5 });
  say(costs.map((c) => `${c.method} ${c.bytes / 2 ** 20} MiB: median ${c.medianMs.toFixed(3)} ms (min ${c.minMs.toFixed(3)})`).join('\n'));
  for (const workers of [1, 2]) {
    const [r] = await runParallel({ variants: ['shared-row'], shape: { m: 20, l: 10000, n: 40 }, dtype: 'f64', samples: 7, workers, seed: 1 }, { pool });
    say(`shared-row highL f64, ${workers} worker(s): ${r === undefined ? 'no result' : r.status === 'ok' ? `median ${r.medianMs.toFixed(2)} ms` : `failed: ${r.error}`}`);
  }
  return failures;
}

async function big(pool: WorkerPool, { l, rounds, variants }: BigOptions): Promise<string[]> {
  const shape = { m: 200, l, n: 400 };
  // Every run below multiplies the same inputs: made by the first, kept here for the others.
  const prepared = createPreparedCache();
  const t0 = performance.now();
  // Cold call and samples of every round, per worker count.
  const times = new Map<number, number[]>([[1, []], [2, []]]);
  // Interleaved 1, 2, 1, 2, … so a busy phase of the machine hits both alike; the data is made once.
  for (let round = 0; round < rounds; round++) {
    for (const [workers, all] of times) {
      const [r] = await runParallel({ variants: ['shared-row'], shape, dtype: 'f32', workers, samples: 5, seed: 1 }, { pool, prepared });
      if (r?.status !== 'ok' || !r.correct) throw new Error(`shared-row ${workers}: ${JSON.stringify(r)}`);
      all.push(r.coldMs, ...r.samplesMs);
      say(`round ${round} shared-row ${workers}w: cold ${r.coldMs.toFixed(0)} ms, median ${r.medianMs.toFixed(0)} ms (elapsed ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  const one = times.get(1) ?? [];
  const two = times.get(2) ?? [];
  if (rounds > 0) {
    say(
      `shared-row big f32: 1 worker min ${min(one).toFixed(0)} / median ${median(one).toFixed(0)} ms; ` +
        `2 workers min ${min(two).toFixed(0)} / median ${median(two).toFixed(0)} ms; ` +
        `speed-up (min) ${(min(one) / min(two)).toFixed(2)}×, (median) ${(median(one) / median(two)).toFixed(2)}×`,
    );
  }
  if (variants.length === 0) return [];
  const results = await runParallel({ variants: [...variants], shape, dtype: 'f32', workers: 2, samples: 5, seed: 1 }, { pool, prepared });
  say(`\nbig ${shape.m}×${shape.l}×${shape.n} f32, 2 workers\n${formatTable(results)}`);
  return results.filter((r) => r.status !== 'ok' || !r.correct).map((r) => `${r.variant} big f32`);
}

async function run(modes: readonly FiguresMode[], bigOptions: BigOptions): Promise<string[]> {
  const pool = await WorkerPool.create(2);
  try {
    say(`pool start-up: ${pool.startupMs.toFixed(1)} ms for 2 workers; cores ${navigator.hardwareConcurrency}; isolated ${crossOriginIsolated}`);
    const failures: string[] = [];
    if (modes.includes('small')) failures.push(...(await small(pool)));
    if (modes.includes('big')) failures.push(...(await big(pool, bigOptions)));
    return failures;
  } finally {
    pool.dispose();
  }
}

declare global {
  interface Window {
    __figures?: { ready: true; run: typeof run };
    __figuresLine?: (line: string) => void;
  }
}

window.__figures = { ready: true, run };
