// The dispatcher of the parallel variants: it owns their worker pool (nested
// workers) and runs the harness, the hand-out of pool tasks and the checking, so
// the page only sends a request and draws what comes back. The messages between
// agents that section 4 measures are now between this worker and the pool's:
// still messages between threads, and still copied, transferred or shared.
import { exposeBenchApi } from '../src/bench/expose.ts';
import { probeEnvironment } from '../src/bench/environment.ts';
import type { BenchApi } from '../src/bench/worker-api.ts';
import { infoOf } from '../src/bench/worker-api.ts';
import { runParallel, validWorkers } from '../src/parallel/run.ts';
import { poolPeaks } from '../src/parallel/peaks.ts';
import { parallelVariants } from '../src/parallel/variants.ts';
import { WorkerPool } from '../src/pool/pool.ts';

const now = (): number => performance.now();
let pool: Promise<WorkerPool> | null = null;

/** Started on the first run and kept warm; terminating this worker ends it too. */
function thePool(): Promise<WorkerPool> {
  if (pool === null) {
    pool = WorkerPool.create();
    pool.catch(() => (pool = null));
  }
  return pool;
}

const api: BenchApi = {
  async environment() {
    return probeEnvironment(now);
  },
  listVariants() {
    return parallelVariants.map(infoOf);
  },
  /** The peaks of `workers` pool workers probing at once (default: the pool's size), measured once and cached here. */
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
      // A lost progress message must not fail the run.
      onProgress: onProgress ? (p) => void Promise.resolve(onProgress(p)).catch(() => undefined) : undefined,
    });
  },
};

exposeBenchApi(api);

export type ParallelWorkerApi = BenchApi;
