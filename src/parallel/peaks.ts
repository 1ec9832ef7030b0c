// The peak of N workers, measured by running the peak probe on N pool workers at
// the same time (workers/pool.worker.ts `peak`): all check in at a start gate
// before any measures, and each keeps its core busy until the last has finished,
// so every timed call ran while all N were busy. The figure is the sum of their
// GFLOP/s. Measured once per pool and worker count, and cached where the pool
// lives (the dispatcher worker), for the visit.
import { combinePeaks, PEAK_TIMING, type PeakRuns } from '../bench/peaks.ts';
import type { MeasuredPeaks } from '../bench/protocol.ts';
import type { PeakResult } from '../kernels/peak.ts';
import type { Dtype } from '../kernels/types.ts';
import type { WorkerPool } from '../pool/pool.ts';

/** Int32 slots of the gate shared with the workers. */
export const PEAK_BARRIER = { ready: 0, done: 1, length: 2 } as const;

const cache = new WeakMap<WorkerPool, Map<number, Promise<MeasuredPeaks>>>();

/** One figure: the probe on the first `workers` pool workers at once; each worker's result. */
async function probeTogether(pool: WorkerPool, workers: number, dtype: Dtype, relaxed: boolean): Promise<PeakResult[]> {
  const cells = new Int32Array(new SharedArrayBuffer(PEAK_BARRIER.length * Int32Array.BYTES_PER_ELEMENT));
  const used = pool.workers.slice(0, workers);
  return Promise.all(used.map((w) => pool.call(w, (pw) => pw.api.peak(cells, used.length, dtype, relaxed, PEAK_TIMING))));
}

async function measure(pool: WorkerPool, workers: number): Promise<MeasuredPeaks> {
  if (typeof SharedArrayBuffer === 'undefined') throw new Error('measuring the peak of several workers needs SharedArrayBuffer (a cross-origin-isolated page)');
  if (workers > pool.size) await pool.resize(workers);
  // One figure after the other, every worker on the same one at a time.
  const f32 = await probeTogether(pool, workers, 'f32', true);
  const f64 = await probeTogether(pool, workers, 'f64', true);
  const f32Plain = await probeTogether(pool, workers, 'f32', false);
  const f64Plain = await probeTogether(pool, workers, 'f64', false);
  const runs = f32.map((f32Run, i): PeakRuns => {
    const [f64Run, f32PlainRun, f64PlainRun] = [f64[i], f32Plain[i], f64Plain[i]];
    if (!f64Run || !f32PlainRun || !f64PlainRun) throw new Error(`pool worker ${i} did not report all four peaks`);
    return { f32: f32Run, f64: f64Run, f32Plain: f32PlainRun, f64Plain: f64PlainRun };
  });
  return combinePeaks(runs);
}

/**
 * The peaks of `workers` workers probing at once (1: one pool worker alone).
 * The caller holds the pool (pool.exclusive), so nothing else runs meanwhile.
 * A failed measurement is not cached: the next run tries again.
 */
export function poolPeaks(pool: WorkerPool, workers: number): Promise<MeasuredPeaks> {
  let byCount = cache.get(pool);
  if (!byCount) cache.set(pool, (byCount = new Map()));
  let found = byCount.get(workers);
  if (!found) {
    found = measure(pool, workers);
    byCount.set(workers, found);
    found.catch(() => byCount.delete(workers));
  }
  return found;
}
