// The page's side of the parallel dispatcher (workers/parallel.worker.ts), which
// owns the worker pool: the page never packs, clones or checks operands itself.
import type { ParallelWorkerApi } from '../../workers/parallel.worker.ts';
import type { BenchRequest, BenchResult, MeasuredPeaks } from './protocol.ts';
import { workerClient, type RunOptions } from './worker-client.ts';

const dispatcher = workerClient<ParallelWorkerApi>(
  () => new Worker(new URL('../../workers/parallel.worker.ts', import.meta.url), { type: 'module', name: 'parallel' }),
  'parallel dispatcher',
);

/** Runs parallel variants in the dispatcher; Cancel terminates it and with it its pool. */
export function runParallelOffPage(request: BenchRequest, options: RunOptions = {}): Promise<BenchResult[]> {
  return dispatcher.run(request, options);
}

/**
 * The peaks of `workers` pool workers probing at once (default: the pool's size,
 * navigator.hardwareConcurrency), measured once in the dispatcher and cached there.
 */
export function parallelPeaks(workers?: number, signal?: AbortSignal): Promise<MeasuredPeaks | null> {
  return dispatcher.call((api) => api.peaks(workers), signal);
}

export function disposeParallelDispatcher(): void {
  dispatcher.dispose();
}

import.meta.hot?.dispose(disposeParallelDispatcher);
