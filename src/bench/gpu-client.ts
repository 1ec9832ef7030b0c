// Main-thread side of the GPU worker, the same shape as client.ts: one worker,
// runs queued, Cancel terminates it (a submitted GPU command cannot be recalled,
// nor a mapAsync interrupted) and the next call makes a fresh one. A worker that
// cannot start becomes failed results with the reason, never a crashed page.
import * as Comlink from 'comlink';
import type { GpuWorkerApi } from '../../workers/gpu.worker.ts';
import type { GpuAdapterReport } from '../gpu/meta.ts';
import { probeEnvironment } from './environment.ts';
import type { BenchRequest, BenchResult, FailedResult } from './protocol.ts';
import type { RunOptions } from './client.ts';

interface Slot {
  readonly worker: Worker;
  readonly api: Comlink.Remote<GpuWorkerApi>;
  /** Rejecters of calls in flight: a terminated worker never answers them. */
  readonly pending: Set<(reason: unknown) => void>;
}

let slot: Slot | null = null;
let queue: Promise<unknown> = Promise.resolve();

function abortError(): DOMException {
  return new DOMException('The benchmark was cancelled', 'AbortError');
}

function isAbort(e: unknown): boolean {
  return e instanceof Error || e instanceof DOMException ? e.name === 'AbortError' : false;
}

function open(): Slot {
  if (slot) return slot;
  const worker = new Worker(new URL('../../workers/gpu.worker.ts', import.meta.url), { type: 'module' });
  const s: Slot = { worker, api: Comlink.wrap<GpuWorkerApi>(worker), pending: new Set() };
  worker.addEventListener('error', (e) => {
    close(s, new Error(`GPU worker failed: ${e.message || 'could not load'}`));
  });
  slot = s;
  return s;
}

function close(s: Slot, reason: unknown): void {
  s.worker.terminate();
  if (slot === s) slot = null;
  for (const reject of s.pending) reject(reason);
  s.pending.clear();
}

function call<T>(f: (api: Comlink.Remote<GpuWorkerApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortError());
  const s = open();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => close(s, abortError());
    const settle = (): void => {
      s.pending.delete(reject);
      signal?.removeEventListener('abort', onAbort);
    };
    s.pending.add(reject);
    signal?.addEventListener('abort', onAbort, { once: true });
    f(s.api).then(
      (v) => (settle(), resolve(v)),
      (e: unknown) => (settle(), reject(e)),
    );
  });
}

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
    samplesMs: [],
    medianMs: null,
    gflops: null,
    correct: false,
    error: reason,
  }));
}

/** Runs WebGPU variants in the GPU worker; rejects with an AbortError when cancelled. */
export function runGpu(request: BenchRequest, options: RunOptions = {}): Promise<BenchResult[]> {
  const { onProgress, signal } = options;
  const job = queue.then(async () => {
    const progress = onProgress ? Comlink.proxy(onProgress) : undefined;
    try {
      return await call((api) => api.run(request, progress), signal);
    } catch (e) {
      if (isAbort(e) || signal?.aborted) throw e;
      return failedAll(request, e instanceof Error ? e.message : String(e));
    }
  });
  queue = job.catch(() => undefined);
  if (!signal) return job;
  return new Promise<BenchResult[]>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    job.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The adapter as the GPU worker sees it, or why there is none; asked only when someone looks. */
export async function gpuAdapterInfo(signal?: AbortSignal): Promise<GpuAdapterReport> {
  try {
    return await call((api) => api.adapterInfo() as Promise<GpuAdapterReport>, signal);
  } catch (e) {
    if (isAbort(e) || signal?.aborted) throw e;
    return { available: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** Terminates the GPU worker now (page unload, hot reload); the next call makes a new one. */
export function disposeGpuWorker(): void {
  if (slot) close(slot, abortError());
}

import.meta.hot?.dispose(disposeGpuWorker);
