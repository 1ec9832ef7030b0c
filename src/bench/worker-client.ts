// The page's side of one measuring worker (serial kernels, the parallel dispatcher,
// the GPU). The page never computes: it sends a request and receives results and
// progress. Runs are queued, so a cancelled run's successor starts only after the
// worker it would share has been replaced. Cancel terminates the worker (a running
// kernel cannot be interrupted any other way, and terminating a worker also ends
// the workers it started); the next call makes a fresh one.
import * as Comlink from 'comlink';
import { abortError } from './abort.ts';
import type { BenchRequest, BenchResult, Progress } from './protocol.ts';
import type { BenchApi } from './worker-api.ts';

export interface RunOptions {
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
}

export interface WorkerClient<Api extends BenchApi> {
  /** Runs a request in the worker; rejects with an AbortError when cancelled. */
  run(request: BenchRequest, options?: RunOptions): Promise<BenchResult[]>;
  /** Any other call on the worker's API, cancellable the same way. */
  call<T>(f: (api: Comlink.Remote<Api>) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Terminates the worker now (page unload, hot reload); the next call makes a new one. */
  dispose(): void;
}

interface Slot<Api> {
  readonly worker: Worker;
  readonly api: Comlink.Remote<Api>;
  /** Rejecters of calls in flight: a terminated worker never answers them. */
  readonly pending: Set<(reason: unknown) => void>;
}

export function workerClient<Api extends BenchApi>(spawn: () => Worker, label: string): WorkerClient<Api> {
  let slot: Slot<Api> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const close = (s: Slot<Api>, reason: unknown): void => {
    s.worker.terminate();
    if (slot === s) slot = null;
    for (const reject of s.pending) reject(reason);
    s.pending.clear();
  };

  const open = (): Slot<Api> => {
    if (slot) return slot;
    const worker = spawn();
    const s: Slot<Api> = { worker, api: Comlink.wrap<Api>(worker), pending: new Set() };
    worker.addEventListener('error', (e) => close(s, new Error(`${label} failed: ${e.message || 'could not load'}`)));
    slot = s;
    return s;
  };

  const call = <T>(f: (api: Comlink.Remote<Api>) => Promise<T>, signal?: AbortSignal): Promise<T> => {
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
  };

  const run = (request: BenchRequest, { onProgress, signal }: RunOptions = {}): Promise<BenchResult[]> => {
    const job = queue.then(() => {
      // The worker releases this proxy when the run ends (src/bench/expose.ts).
      const progress = onProgress ? Comlink.proxy(onProgress) : undefined;
      return call((api) => (api as unknown as Comlink.Remote<BenchApi>).run(request, progress) as Promise<BenchResult[]>, signal);
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
  };

  return {
    run,
    call,
    dispose() {
      if (slot) close(slot, abortError());
    },
  };
}
