// Main-thread side of the GPU worker, the same shape as client.ts: one worker per
// client, runs queued, Cancel terminates it (a submitted GPU command cannot be
// recalled, nor a mapAsync interrupted) and the next call makes a fresh one. A
// worker that cannot start becomes failed results with the reason, never a
// crashed page.
import type { GpuWorkerApi } from '../../workers/gpu.worker.ts';
import type { GpuAdapterReport } from '../gpu/meta.ts';
import { isAbort } from './abort.ts';
import { probeEnvironment } from './environment.ts';
import type { BenchRequest, BenchResult, FailedResult } from './protocol.ts';
import { workerClient, type RunOptions } from './worker-client.ts';

/** One failed result per requested id, for a run the worker could not do at all. Pure apart from the page's environment. */
export function failedAll(request: BenchRequest, reason: string, at = new Date().toISOString()): FailedResult[] {
  const env = probeEnvironment();
  const { m, l, n } = request.shape;
  return request.variants.map((variant) => ({
    status: 'error',
    variant, m, l, n,
    dtype: request.dtype,
    workers: 1,
    env,
    at,
    error: reason,
  }));
}

export interface GpuClient {
  /** Runs WebGPU variants in the GPU worker; rejects with an AbortError when cancelled. */
  readonly run: (request: BenchRequest, options?: RunOptions) => Promise<BenchResult[]>;
  /** The adapter as the GPU worker sees it, or why there is none; asked only when someone looks. */
  readonly adapterInfo: (signal?: AbortSignal) => Promise<GpuAdapterReport>;
  /** Terminates the GPU worker now (page unload, hot reload); the next call makes a new one. */
  readonly dispose: () => void;
}

export function createGpuClient(): GpuClient {
  const gpu = workerClient<GpuWorkerApi>(
    () => new Worker(new URL('../../workers/gpu.worker.ts', import.meta.url), { type: 'module', name: 'gpu' }),
    'GPU worker',
  );
  return {
    async run(request, options = {}) {
      try {
        return await gpu.run(request, options);
      } catch (e) {
        if (isAbort(e, options.signal)) throw e;
        return failedAll(request, e instanceof Error ? e.message : String(e));
      }
    },
    async adapterInfo(signal) {
      try {
        return await gpu.call((api) => api.adapterInfo() as Promise<GpuAdapterReport>, signal);
      } catch (e) {
        if (isAbort(e, signal)) throw e;
        return { available: false, reason: e instanceof Error ? e.message : String(e) };
      }
    },
    dispose: () => gpu.dispose(),
  };
}
