// The page's side of the bench worker, which runs the serial variants.
import type { BenchWorkerApi } from '../../workers/bench.worker.ts';
import type { BenchRequest, BenchResult, Environment, MeasuredPeaks } from './protocol.ts';
import { workerClient, type RunOptions } from './worker-client.ts';

export type { RunOptions };

const serial = workerClient<BenchWorkerApi>(
  // Vite bundles the worker because it sees this exact `new URL(…, import.meta.url)` form.
  () => new Worker(new URL('../../workers/bench.worker.ts', import.meta.url), { type: 'module', name: 'bench' }),
  'bench worker',
);

/** Runs serial variants in the bench worker; rejects with an AbortError when cancelled. */
export function runSerial(request: BenchRequest, options: RunOptions = {}): Promise<BenchResult[]> {
  return serial.run(request, options);
}

/** The environment as seen from inside the worker that measures. */
export function benchEnvironment(signal?: AbortSignal): Promise<Environment> {
  return serial.call((api) => api.environment(), signal);
}

/** One thread's peaks, measured (once, then cached) inside the bench worker; null where it cannot. */
export function benchPeaks(signal?: AbortSignal): Promise<MeasuredPeaks | null> {
  return serial.call((api) => api.peaks(), signal);
}

/** Terminates the worker now (page unload, hot reload); the next call makes a new one. */
export function disposeBenchWorker(): void {
  serial.dispose();
}

import.meta.hot?.dispose(disposeBenchWorker);
