// The driver of the parallel variants, run where the pool lives (the dispatcher
// worker, the figures page, a test): it owns no arithmetic, it only awaits the
// pool. Every shape goes through the harness the serial variants use (runRequest),
// so the two are measured alike. Small shapes let it make the inputs and the
// reference on this thread, cheap at that size; big shapes (the 229 MiB case of
// 4.2) have them made in workers, and are measured with the long-call rules (no
// warm-up loop, few samples: a call lasts seconds).
import { isAbort } from '../bench/abort.ts';
import { probeEnvironment } from '../bench/environment.ts';
import { runRequest } from '../bench/harness.ts';
import { LONG_CALL_MEASURE, throwIfAborted, type MeasureConfig } from '../bench/measure.ts';
import type { BenchRequest, BenchResult, MeasuredPeaks, Progress } from '../bench/protocol.ts';
import type { WorkerPool } from '../pool/pool.ts';
import { createPreparedCache, prepareWith, type PreparedCache } from './prepare.ts';
import { MAX_WORKERS } from './shared-arrays.ts';
import { poolPeaks } from './peaks.ts';
import { tunedSupport } from './tuned-support.ts';
import { parallelVariants, type ParallelContext } from './variants.ts';

export interface ParallelRunOptions {
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
  /** Elements per message of the per-element variants; overrides request.chunkSize (default 'auto': one chunk per worker). */
  readonly chunkSize?: number | 'auto';
  /** The caller's pool; the run resizes it when it has fewer than request.workers. */
  readonly pool: WorkerPool;
  /**
   * Where big shapes' prepared inputs are kept between runs: pass the same cache
   * so a second run on the same shape and seed reuses them. Default: one for this run.
   */
  readonly prepared?: PreparedCache;
  /** Overrides of the harness's measuring rules (tests). */
  readonly measure?: Partial<MeasureConfig>;
  /** false: do not measure the peaks of the pool workers (results then carry no pctOfPeak). Default true. */
  readonly peaks?: boolean;
}

/** The pool workers' peaks for this worker count, or undefined (with a warning) when they cannot be measured. */
async function peaksOrNothing(pool: WorkerPool, workers: number): Promise<MeasuredPeaks | undefined> {
  try {
    return await poolPeaks(pool, workers);
  } catch (e) {
    if (isAbort(e)) throw e;
    console.warn(`parallel: the peak of ${workers} worker(s) could not be measured:`, e);
    return undefined;
  }
}

/**
 * Multiply-adds above which the inputs and the reference are made in workers:
 * about 25–50 ms of reference product, the most this one thread should spend before measuring.
 */
const MAIN_THREAD_WORK_LIMIT = 25_000_000;

export function needsWorkerPreparation({ m, l, n }: { m: number; l: number; n: number }): boolean {
  return m * l * n > MAIN_THREAD_WORK_LIMIT;
}

export function validWorkers(workers: number | undefined, fallback: number): number {
  const w = workers ?? fallback;
  if (!Number.isInteger(w) || w < 1 || w > MAX_WORKERS) throw new RangeError(`workers must be a whole number from 1 to ${MAX_WORKERS}, got ${w}`);
  return w;
}

export async function runParallel(request: BenchRequest, opts: ParallelRunOptions): Promise<BenchResult[]> {
  const { pool } = opts;
  return pool.exclusive(async () => {
    throwIfAborted(opts.signal);
    const workers = validWorkers(request.workers, pool.size);
    if (workers > pool.size) await pool.resize(workers);
    // Busy workers cannot be interrupted: cancelling terminates and replaces them.
    const onAbort = (): void => {
      pool.cancel().catch(() => {});
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const probed = probeEnvironment();
      // Measured once per pool and worker count (cached), before any timing starts.
      const peaks = opts.peaks === false ? undefined : await peaksOrNothing(pool, Math.min(workers, pool.size));
      throwIfAborted(opts.signal);
      const env = peaks ? { ...probed, peaks } : probed;
      const ctx: ParallelContext = {
        pool,
        workers,
        chunkSize: opts.chunkSize ?? request.chunkSize ?? 'auto',
        crossOriginIsolated: env.crossOriginIsolated,
        tuned: await tunedSupport(request.forcePlainSimd !== true),
        sharedCopies: new WeakMap(),
      };
      const big = needsWorkerPreparation(request.shape);
      const results = await runRequest(request, parallelVariants, {
        now: () => performance.now(),
        timerResolutionMs: env.timerResolutionMs,
        env,
        ctx,
        onProgress: opts.onProgress,
        signal: opts.signal,
        measure: big ? { ...LONG_CALL_MEASURE, ...opts.measure } : opts.measure,
        prepare: big ? prepareWith(pool, workers, opts.prepared ?? createPreparedCache()) : undefined,
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
async function detachAll(pool: WorkerPool): Promise<void> {
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
