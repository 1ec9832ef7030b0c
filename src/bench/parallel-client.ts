// The page's side of the parallel dispatcher (workers/parallel.worker.ts), which
// owns the worker pool: the page never packs, clones or checks operands itself.
// Made by the composition root, which disposes it (and with it the pool).
import type { ParallelWorkerApi } from '../../workers/parallel.worker.ts';
import type { BenchRequest, BenchResult, MeasuredPeaks } from './protocol.ts';
import { workerClient, type RunOptions } from './worker-client.ts';

export interface ParallelClient {
  /** Runs parallel variants in the dispatcher; Cancel terminates it and with it its pool. */
  readonly run: (request: BenchRequest, options?: RunOptions) => Promise<BenchResult[]>;
  /**
   * The peaks of `workers` pool workers probing at once (default: the pool's size,
   * navigator.hardwareConcurrency), measured once in the dispatcher and cached there.
   */
  readonly peaks: (workers?: number, signal?: AbortSignal) => Promise<MeasuredPeaks | null>;
  readonly dispose: () => void;
}

export function createParallelClient(): ParallelClient {
  const dispatcher = workerClient<ParallelWorkerApi>(
    () => new Worker(new URL('../../workers/parallel.worker.ts', import.meta.url), { type: 'module', name: 'parallel' }),
    'parallel dispatcher',
  );
  return {
    run: (request, options = {}) => dispatcher.run(request, options),
    peaks: (workers, signal) => dispatcher.call((api) => api.peaks(workers), signal),
    dispose: () => dispatcher.dispose(),
  };
}
