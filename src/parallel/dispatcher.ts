// What the parallel dispatcher (workers/parallel.worker.ts) answers, and the one
// owner of what it keeps: the worker pool of the parallel variants (nested
// workers, started on first use and then kept warm) and the big case's prepared
// inputs (kept so a sweep over worker counts makes them once). The worker only
// exposes `api`; terminating the worker ends the pool's workers with it, and
// dispose() is the same end, in order, for an owner that stays alive.
import { probeEnvironment } from '../bench/environment.ts';
import { infoOf, type BenchApi } from '../bench/worker-api.ts';
import { WorkerPool } from '../pool/pool.ts';
import { poolPeaks } from './peaks.ts';
import { createPreparedCache } from './prepare.ts';
import { runParallel, validWorkers } from './run.ts';
import { parallelVariants } from './variants.ts';

export interface ParallelDispatcher {
  readonly api: BenchApi;
  /** Terminates the pool and forgets the prepared inputs; later calls reject. */
  dispose(): void;
}

export interface ParallelDispatcherOptions {
  /** Workers the pool starts with (default: navigator.hardwareConcurrency); a run asking for more grows it. */
  readonly poolSize?: number;
}

export function createParallelDispatcher(options: ParallelDispatcherOptions = {}): ParallelDispatcher {
  const now = (): number => performance.now();
  const prepared = createPreparedCache();
  let pool: Promise<WorkerPool> | null = null;
  let disposed = false;

  const thePool = (): Promise<WorkerPool> => {
    if (disposed) return Promise.reject(new Error('the parallel dispatcher has been disposed'));
    if (pool === null) {
      const made = WorkerPool.create(options.poolSize);
      pool = made;
      // A pool that failed to start is not kept: the next request tries again.
      made.catch(() => {
        if (pool === made) pool = null;
      });
    }
    return pool;
  };

  const api: BenchApi = {
    async environment() {
      return probeEnvironment(now);
    },
    listVariants() {
      return parallelVariants.map(infoOf);
    },
    /** The peaks of `workers` pool workers probing at once (default: the pool's size), measured once per pool and count. */
    async peaks(workers?: number) {
      const p = await thePool();
      return p.exclusive(async () => {
        const w = validWorkers(workers, p.size);
        if (w > p.size) await p.resize(w);
        return poolPeaks(p, w);
      });
    },
    async run(request, onProgress) {
      return runParallel(request, {
        pool: await thePool(),
        prepared,
        // A lost progress message must not fail the run.
        onProgress: onProgress ? (p) => void Promise.resolve(onProgress(p)).catch(() => undefined) : undefined,
      });
    },
  };

  return {
    api,
    dispose() {
      disposed = true;
      prepared.release();
      const pending = pool;
      pool = null;
      void pending?.then((p) => p.dispose(), () => undefined);
    },
  };
}
