// Main-thread side of the bench worker. The page never computes: it sends a request
// and receives results. Cancel terminates the worker (a running kernel cannot be
// interrupted any other way) and a fresh worker is made on the next call.
import * as Comlink from 'comlink';
import type { BenchWorkerApi } from '../../workers/bench.worker.ts';
import type { BenchRequest, BenchResult, Environment, Progress } from './protocol.ts';
import type { VariantInfo } from './worker-api.ts';

interface Slot {
  readonly worker: Worker;
  readonly api: Comlink.Remote<BenchWorkerApi>;
  /** Rejecters of calls in flight: a terminated worker never answers them. */
  readonly pending: Set<(reason: unknown) => void>;
}

let slot: Slot | null = null;
// Runs are queued here too, so a cancelled run's successor starts only after the
// worker it would share has been replaced.
let queue: Promise<unknown> = Promise.resolve();

function abortError(): DOMException {
  return new DOMException('The benchmark was cancelled', 'AbortError');
}

function open(): Slot {
  if (slot) return slot;
  const worker = new Worker(new URL('../../workers/bench.worker.ts', import.meta.url), { type: 'module' });
  const s: Slot = { worker, api: Comlink.wrap<BenchWorkerApi>(worker), pending: new Set() };
  worker.addEventListener('error', (e) => {
    close(s, new Error(`bench worker failed: ${e.message || 'could not load'}`));
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

/** Calls the worker; an abort terminates it and rejects every call still waiting on it. */
function call<T>(f: (api: Comlink.Remote<BenchWorkerApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
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

export interface RunOptions {
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
}

/** Runs serial variants in the bench worker; rejects with an AbortError when cancelled. */
export function runSerial(request: BenchRequest, options: RunOptions = {}): Promise<BenchResult[]> {
  const { onProgress, signal } = options;
  const job = queue.then(() => {
    const progress = onProgress ? Comlink.proxy(onProgress) : undefined;
    return call((api) => api.run(request, progress), signal);
  });
  queue = job.catch(() => undefined);
  if (!signal) return job;
  // A run cancelled while still waiting for its turn rejects at once; when its turn
  // comes, call() sees the aborted signal and never sends it.
  return new Promise<BenchResult[]>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    job.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The environment as seen from inside the worker that measures. */
export function benchEnvironment(signal?: AbortSignal): Promise<Environment> {
  return call((api) => api.environment(), signal);
}

export function listSerialVariants(): Promise<VariantInfo[]> {
  return call((api) => api.listVariants());
}

/** Terminates the worker now (page unload, hot reload); the next call makes a new one. */
export function disposeBenchWorker(): void {
  if (slot) close(slot, abortError());
}

import.meta.hot?.dispose(disposeBenchWorker);
