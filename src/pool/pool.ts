// The worker pool: Web Workers spoken to through comlink, reused across runs,
// resizable, cancellable, disposable. No pool lives here: whoever creates one
// owns it and disposes it (the page's services, the parallel dispatcher, a test).
//
// Why a pool: starting a module worker means fetching and compiling its script;
// that costs tens of milliseconds, far more than a small product. So the workers
// are started once (`startupMs` says how long that took, apart from any run) and
// kept warm. Nothing here blocks: Atomics.wait is for workers only.
import * as Comlink from 'comlink';
import type { PoolWorkerApi } from './protocol.ts';

/** One worker of the pool. The Worker handle sits beside the comlink proxy (never set properties on a proxy). */
export interface PoolWorker {
  /** Stable slot number in the pool (0 … size−1); a respawned worker keeps its slot. */
  readonly slot: number;
  readonly worker: Worker;
  readonly api: Comlink.Remote<PoolWorkerApi>;
  /**
   * What the variants have attached to this worker (operands, wasm memory), by kind.
   * A respawned worker is a new PoolWorker with an empty map, so state is re-sent.
   */
  readonly attached: Map<string, string>;
}

interface Slot extends PoolWorker {
  inFlight: number;
  /**
   * Rejecters of the calls in flight. A terminated worker never answers, so kill()
   * rejects them; a call that settles removes its own. (Racing every call against a
   * shared "dead" promise instead left one reaction per call on a promise that
   * never settles while the worker lives: a leak of every call's closure.)
   */
  readonly pending: Set<(reason: Error) => void>;
  /** Rejects every pending call and terminates the worker. */
  kill(reason: Error): void;
  /** Runs `fn` against this worker; rejects when the worker is killed first. */
  guard<R>(fn: () => Promise<R>): Promise<R>;
}

let liveCount = 0;

/** Workers started by any pool and not yet terminated: tests use it to find leaks. */
export function liveWorkerCount(): number {
  return liveCount;
}

/** Default size: the logical cores the browser reports, at least 1. */
function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined;
  return Math.max(1, Math.floor(cores ?? 1) || 1);
}

export class PoolCancelledError extends Error {
  constructor(message = 'The run was cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a pool needs a whole number ≥ 1 of workers, got ${size}`);
  return size;
}

function spawn(slot: number): Slot {
  // Vite bundles the worker because it sees this exact `new URL(…, import.meta.url)` form.
  const worker = new Worker(new URL('../../workers/pool.worker.ts', import.meta.url), { type: 'module', name: `pool-${slot}` });
  liveCount++;
  const api = Comlink.wrap<PoolWorkerApi>(worker);
  let alive = true;
  let death: Error | null = null;
  const pending = new Set<(reason: Error) => void>();
  const s: Slot = {
    slot,
    worker,
    api,
    attached: new Map(),
    inFlight: 0,
    pending,
    kill(reason) {
      if (!alive) return;
      alive = false;
      death = reason;
      // Release first: the proxy's RELEASE message is harmless once the worker is gone.
      api[Comlink.releaseProxy]();
      worker.terminate();
      liveCount--;
      for (const reject of pending) reject(reason);
      pending.clear();
    },
    guard<R>(fn: () => Promise<R>): Promise<R> {
      if (death) return Promise.reject(death);
      return new Promise<R>((resolve, reject) => {
        pending.add(reject);
        fn().then(resolve, reject).finally(() => pending.delete(reject));
      });
    },
  };
  // A worker whose script fails to load never answers: fail its calls instead of hanging.
  worker.addEventListener('error', (e) => s.kill(new Error(`pool worker ${slot} failed: ${e.message || 'script error'}`)));
  return s;
}

export class WorkerPool {
  #slots: Slot[] = [];
  #startupMs = 0;
  #disposed = false;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor() {}

  /** Starts `size` workers (default: navigator.hardwareConcurrency) and waits until each has answered once. */
  static async create(size: number = defaultPoolSize()): Promise<WorkerPool> {
    const pool = new WorkerPool();
    await pool.resize(checkSize(size));
    return pool;
  }

  get size(): number {
    return this.#slots.length;
  }

  /** Wall time of the last start-up: spawning the new workers until every one answered a first call. */
  get startupMs(): number {
    return this.#startupMs;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** The workers, in slot order. */
  get workers(): readonly PoolWorker[] {
    return this.#slots;
  }

  /** The worker in slot `slot`; throws when the pool has no such slot. */
  worker(slot: number): PoolWorker {
    this.#assertUsable();
    const s = this.#slots[slot];
    if (!s) throw new RangeError(`this pool has no worker ${slot}: it has ${this.#slots.length}`);
    return s;
  }

  /** Grows (starting and pinging the new workers) or shrinks (terminating the last ones). */
  async resize(size: number): Promise<void> {
    this.#assertUsable();
    checkSize(size);
    while (this.#slots.length > size) this.#slots.pop()!.kill(new PoolCancelledError('worker removed by a resize'));
    if (this.#slots.length === size) return;
    const t0 = performance.now();
    const fresh: Slot[] = [];
    for (let i = this.#slots.length; i < size; i++) fresh.push(spawn(i));
    this.#slots.push(...fresh);
    await Promise.all(fresh.map((s) => this.#ready(s)));
    this.#startupMs = performance.now() - t0;
  }

  /** Calls `fn` on one worker; rejects (instead of hanging) if that worker is cancelled meanwhile. */
  async call<R>(worker: PoolWorker, fn: (w: PoolWorker) => Promise<R>): Promise<R> {
    this.#assertUsable();
    const s = worker as Slot;
    if (this.#slots[s.slot] !== s) throw new PoolCancelledError('this worker was replaced (cancel or resize)');
    s.inFlight++;
    try {
      return await s.guard(() => fn(s));
    } finally {
      s.inFlight--;
    }
  }

  /**
   * Runs `tasks` on the first `workers` workers, each pulling the next task as soon as
   * it is free (dynamic schedule, like a pool's imap). Results keep the task order.
   */
  async map<T, R>(tasks: readonly T[], workers: number, fn: (w: PoolWorker, task: T, index: number) => Promise<R>): Promise<R[]> {
    this.#assertUsable();
    const used = this.#slots.slice(0, Math.max(1, Math.min(workers, this.#slots.length)));
    const out = new Array<R>(tasks.length);
    let next = 0;
    await Promise.all(
      used.map(async (w) => {
        while (next < tasks.length) {
          const index = next++;
          out[index] = await this.call(w, (ww) => fn(ww, tasks[index] as T, index)); // index < tasks.length
        }
      }),
    );
    return out;
  }

  /**
   * Runs `fn` after every earlier exclusive run has finished: two slides pressing
   * Run at once share the pool one after the other, never interleaved.
   */
  exclusive<R>(fn: () => Promise<R>): Promise<R> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * Stops the work in progress: a busy worker cannot be interrupted, so it is
   * terminated (its pending calls reject with an AbortError) and replaced by a
   * fresh one. Resolves when the pool is whole and usable again.
   */
  async cancel(): Promise<void> {
    this.#assertUsable();
    const t0 = performance.now();
    const respawned: Slot[] = [];
    for (const s of this.#slots) {
      if (s.inFlight === 0) continue;
      s.kill(new PoolCancelledError());
      const fresh = spawn(s.slot);
      this.#slots[s.slot] = fresh;
      respawned.push(fresh);
    }
    if (respawned.length === 0) return;
    await Promise.all(respawned.map((s) => this.#ready(s)));
    this.#startupMs = performance.now() - t0;
  }

  /** Terminates every worker and releases its proxy. The pool cannot be used afterwards. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const s of this.#slots) s.kill(new PoolCancelledError('the pool was disposed'));
    this.#slots = [];
  }

  async #ready(s: Slot): Promise<void> {
    await s.guard(() => s.api.ping());
  }

  #assertUsable(): void {
    if (this.#disposed) throw new Error('this worker pool has been disposed');
  }
}
