// The page's driver for the parallel variants: it owns no arithmetic, it only
// awaits the pool. Small shapes go through the common harness (H2's runRequest),
// which makes the inputs and the reference on this thread, cheap at that size.
// Big shapes (the 240 MB case of 4.2) are prepared in workers instead, then
// measured with the same rules, only with fewer samples (a call lasts seconds).
import { checkResult } from '../check/allclose.ts';
import { probeEnvironment } from '../bench/environment.ts';
import { DEFAULT_SEED, runRequest } from '../bench/harness.ts';
import { throwIfAborted, timeCall, type MeasureConfig } from '../bench/measure.ts';
import type { BenchRequest, BenchResult, Check, Environment, FailedResult, Progress } from '../bench/protocol.ts';
import { computeStats, gflops } from '../bench/stats.ts';
import { DEFAULT_MEMORY_BUDGET_BYTES, memoryRefusal } from '../kernels/memory.ts';
import type { FloatArray } from '../kernels/types.ts';
import type { RunOnce, Variant } from '../kernels/variant.ts';
import { sharedPool, type WorkerPool } from '../pool/pool.ts';
import { prepareInWorkers, type Prepared } from './prepare.ts';
import { parallelVariants, type ParallelContext } from './variants.ts';

export interface ParallelRunOptions {
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
  /** Elements per message of the per-element variants; overrides request.chunkSize (default 'auto': one chunk per worker). */
  readonly chunkSize?: number | 'auto';
  /** Defaults to the page's shared pool. */
  readonly pool?: WorkerPool;
  /** Overrides of the harness's measuring rules (tests). */
  readonly measure?: Partial<MeasureConfig>;
}

/**
 * Multiply-adds above which the inputs and the reference are made in workers:
 * about 25–50 ms of reference product, the most the page's thread may spend.
 */
export const MAIN_THREAD_WORK_LIMIT = 25_000_000;

export function needsWorkerPreparation({ m, l, n }: { m: number; l: number; n: number }): boolean {
  return m * l * n > MAIN_THREAD_WORK_LIMIT;
}

export function validWorkers(workers: number | undefined, fallback: number): number {
  const w = workers ?? fallback;
  if (!Number.isInteger(w) || w < 1 || w > 64) throw new RangeError(`workers must be a whole number from 1 to 64, got ${w}`);
  return w;
}

export async function runParallel(request: BenchRequest, opts: ParallelRunOptions = {}): Promise<BenchResult[]> {
  const pool = opts.pool ?? (await sharedPool());
  return pool.exclusive(async () => {
    throwIfAborted(opts.signal);
    const workers = validWorkers(request.workers, pool.size);
    if (workers > pool.size) await pool.resize(workers);
    const env = probeEnvironment();
    const ctx: ParallelContext = {
      pool,
      workers,
      chunkSize: opts.chunkSize ?? request.chunkSize ?? 'auto',
      crossOriginIsolated: env.crossOriginIsolated,
    };
    // Busy workers cannot be interrupted: cancelling terminates and replaces them.
    const onAbort = (): void => {
      pool.cancel().catch(() => {});
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const results = needsWorkerPreparation(request.shape)
        ? await runPrepared(request, parallelVariants, ctx, env, opts)
        : await runRequest(request, parallelVariants, {
            now: () => performance.now(),
            timerResolutionMs: env.timerResolutionMs,
            env,
            ctx,
            onProgress: opts.onProgress,
            signal: opts.signal,
            measure: opts.measure,
          });
      return results.map((r) => (r.status === 'ok' ? { ...r, startupMs: pool.startupMs } : r));
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      await detachAll(pool);
    }
  });
}

/**
 * Workers drop what the run attached (shared operands, wasm memories), so nothing
 * big outlives a run in them; the next run attaches again in its untimed cold call.
 */
export async function detachAll(pool: WorkerPool): Promise<void> {
  await Promise.all(
    pool.workers.map((w) =>
      pool
        .call(w, async (pw) => {
          await pw.api.detach();
          pw.attached.clear();
        })
        .catch(() => {}), // a worker replaced by a cancel holds nothing anyway
    ),
  );
}

/**
 * The harness's rules for inputs made elsewhere: set-up and a cold call apart,
 * then interleaved rounds of single timed calls, the first and last result checked.
 * No batching or warm-up loop: one call of a big product lasts far beyond the timer's step.
 */
async function runPrepared(
  request: BenchRequest,
  variants: readonly Variant<ParallelContext>[],
  ctx: ParallelContext,
  env: Environment,
  opts: ParallelRunOptions,
): Promise<BenchResult[]> {
  const { shape, dtype } = request;
  const { m, l, n } = shape;
  const { signal, onProgress } = opts;
  const at = new Date().toISOString();
  const samples = Math.max(1, Math.floor(request.samples) || 1);
  const budget = request.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES;
  const ids = request.variants;
  const byId = new Map(variants.map((v) => [v.id, v]));
  const failed = (variant: string, error: string, workers = 1): FailedResult => ({
    status: 'error', variant, m, l, n, dtype, workers, env, at,
    samplesMs: [], medianMs: null, gflops: null, correct: false, error,
  });
  const progress = (variantIndex: number, phase: Progress['phase'], sample = 0): void =>
    onProgress?.({ variant: ids[variantIndex] ?? '', variantIndex, variantCount: ids.length, sample, sampleCount: samples, phase });

  const results: (BenchResult | undefined)[] = new Array(ids.length);
  const candidates: { slot: number; variant: Variant<ParallelContext> }[] = [];
  for (const [slot, id] of ids.entries()) {
    const variant = byId.get(id);
    if (!variant) results[slot] = failed(id, `unknown variant "${id}"`);
    else if (!variant.dtypes.includes(dtype)) results[slot] = failed(id, `${id} does not support ${dtype}`);
    else {
      const refusal = memoryRefusal(variant, shape, dtype, budget);
      if (refusal !== null) results[slot] = failed(id, refusal, variant.workersUsed?.(ctx) ?? 1);
      else candidates.push({ slot, variant });
    }
  }
  if (candidates.length === 0) return results.map((r, slot) => r ?? failed(ids[slot], 'not run'));

  progress(candidates[0].slot, 'setup');
  const prepared: Prepared = await prepareInWorkers(ctx.pool, shape, dtype, request.seed ?? DEFAULT_SEED, ctx.workers);
  const check = (actual: FloatArray): Check => checkResult(actual, prepared.expected, shape, dtype);
  const now = (): number => performance.now();

  interface Live { slot: number; variant: Variant<ParallelContext>; run: RunOnce; coldMs: number; coldCheck: Check; samplesMs: number[]; last: FloatArray; error?: string }
  const live: Live[] = [];
  for (const { slot, variant } of candidates) {
    throwIfAborted(signal);
    try {
      progress(slot, 'setup');
      const run = variant.setup(prepared.inputs, ctx);
      progress(slot, 'cold');
      const cold = await timeCall(run, now);
      live.push({ slot, variant, run, coldMs: cold.ms, coldCheck: check(cold.result), samplesMs: [], last: cold.result });
    } catch (e) {
      throwIfAborted(signal);
      results[slot] = failed(variant.id, e instanceof Error ? e.message : String(e), variant.workersUsed?.(ctx) ?? 1);
    }
  }
  for (let round = 0; round < samples; round++) {
    for (const v of live) {
      if (v.error !== undefined) continue;
      throwIfAborted(signal);
      try {
        progress(v.slot, 'sample', round + 1);
        const t = await timeCall(v.run, now);
        v.samplesMs.push(t.ms);
        v.last = t.result;
      } catch (e) {
        throwIfAborted(signal);
        v.error = e instanceof Error ? e.message : String(e);
      }
    }
  }
  for (const v of live) {
    const workers = v.variant.workersUsed?.(ctx) ?? 1;
    if (v.error !== undefined) {
      results[v.slot] = failed(v.variant.id, v.error, workers);
      continue;
    }
    progress(v.slot, 'check');
    const lastCheck = check(v.last);
    const result = v.coldCheck.correct ? lastCheck : v.coldCheck;
    const stats = computeStats(v.samplesMs);
    results[v.slot] = {
      status: 'ok', variant: v.variant.id, m, l, n, dtype, workers, env, at,
      samplesMs: v.samplesMs, coldMs: v.coldMs, batch: 1,
      medianMs: stats.medianMs, stats, gflops: gflops(shape, stats.medianMs),
      correct: result.correct, check: result,
      extraBytes: v.variant.extraBytes(shape, dtype),
      copiedBytes: v.variant.copiedBytes?.(shape, dtype, workers),
    };
    progress(v.slot, 'done', samples);
  }
  return results.map((r, slot) => r ?? failed(ids[slot], 'not run'));
}
