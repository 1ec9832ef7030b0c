// The page's side of the bench worker, which runs the serial variants. One
// client per composition root (src/main.ts, the bench CLI page, a test): the
// worker and its queue live in the client, so whoever made it disposes it.
import type { BenchWorkerApi } from '../../workers/bench.worker.ts';
import type { BenchRequest, BenchResult, Environment, MeasuredPeaks } from './protocol.ts';
import { workerClient, type RunOptions } from './worker-client.ts';

export type { RunOptions };

export interface SerialClient {
  /** Runs serial variants in the bench worker; rejects with an AbortError when cancelled. */
  readonly run: (request: BenchRequest, options?: RunOptions) => Promise<BenchResult[]>;
  /** The environment as seen from inside the worker that measures. */
  readonly environment: (signal?: AbortSignal) => Promise<Environment>;
  /** One thread's peaks, measured (once, then cached) inside the bench worker; null where it cannot. */
  readonly peaks: (signal?: AbortSignal) => Promise<MeasuredPeaks | null>;
  /** Terminates the worker now (page unload, hot reload); the next call makes a new one. */
  readonly dispose: () => void;
}

export function createSerialClient(): SerialClient {
  const serial = workerClient<BenchWorkerApi>(
    // Vite bundles the worker because it sees this exact `new URL(…, import.meta.url)` form.
    () => new Worker(new URL('../../workers/bench.worker.ts', import.meta.url), { type: 'module', name: 'bench' }),
    'bench worker',
  );
  return {
    run: (request, options = {}) => serial.run(request, options),
    environment: (signal) => serial.call((api) => api.environment(), signal),
    peaks: (signal) => serial.call((api) => api.peaks(), signal),
    dispose: () => serial.dispose(),
  };
}
