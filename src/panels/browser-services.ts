// The real services of a page: the three measuring workers, the page's pool,
// localStorage, the page's environment and clock. Built once by src/main.ts (and
// by the browser tests that want real workers); everything long-lived made here
// is released by dispose(), so one owner ends it on hot reload.
import type { Environment, MeasuredPeaks } from '../bench/protocol.ts';
import { probeEnvironment } from '../bench/environment.ts';
import { createBenchWorkers, type BenchWorkers } from '../bench/runner.ts';
import { warmPlot } from '../charts/render.ts';
import { WorkerPool } from '../pool/pool.ts';
import { runProfileJob } from '../profile/client.ts';
import type { OwnedServices } from './services.ts';
import { browserStore } from './storage.ts';

export interface BrowserServices extends OwnedServices {
  /** The workers behind `runner`, for tests that talk to one of them directly. */
  readonly workers: BenchWorkers;
}

export function createBrowserServices(win: Window): BrowserServices {
  const doc = win.document;
  const workers = createBenchWorkers();
  let pool: Promise<WorkerPool> | null = null;
  let environment: Environment | null = null;
  let warm: { readonly cancel: () => void } | null = null;
  let warmed = false;

  const orNull = (p: Promise<MeasuredPeaks | null>): Promise<MeasuredPeaks | null> => p.catch(() => null);

  return {
    document: doc,
    workers,
    runner: workers,
    profiler: { run: runProfileJob },
    pool() {
      if (pool === null) {
        const made = WorkerPool.create();
        pool = made;
        // A pool that failed to start is not kept: the next demo tries again.
        made.catch(() => {
          if (pool === made) pool = null;
        });
      }
      return pool;
    },
    store: browserStore(win),
    environment: {
      page: () => (environment ??= probeEnvironment()),
      cores: win.navigator.hardwareConcurrency ?? 1,
      peaks: (n) => Promise.all([orNull(workers.serial.peaks()), orNull(workers.parallel.peaks(n))]),
      gpuAdapter: () => workers.gpu.adapterInfo(),
    },
    now: () => new Date(),
    warmCharts() {
      // Evaluating Plot's modules takes tens of ms on the main thread: once per page, when it is idle.
      if (warmed || warm) return;
      const go = (): void => {
        warm = null;
        warmed = true;
        void warmPlot(doc);
      };
      // Not every browser has requestIdleCallback (Safari): a timer then.
      if (typeof (win as Partial<Window>).requestIdleCallback === 'function') {
        const id = win.requestIdleCallback(go, { timeout: 3000 });
        warm = { cancel: () => win.cancelIdleCallback(id) };
      } else {
        const id = win.setTimeout(go, 500);
        warm = { cancel: () => win.clearTimeout(id) };
      }
    },
    dispose() {
      warm?.cancel();
      warm = null;
      workers.dispose();
      const pending = pool;
      pool = null;
      void pending?.then((p) => p.dispose(), () => undefined);
    },
  };
}
