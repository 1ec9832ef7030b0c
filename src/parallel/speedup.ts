// Speed-up against the worker count (4.1): one variant run with 1, 2, … N workers,
// compared with its own 1-worker time and with the ideal line (speed-up = workers).
import type { BenchRequest, BenchResult } from '../bench/protocol.ts';
import { runParallel, type ParallelRunOptions } from './run.ts';

export interface SpeedupPoint {
  readonly workers: number;
  readonly medianMs: number | null;
  /** t(1 worker) / t(w workers). */
  readonly speedup: number | null;
  /** speedup / workers: 1 on the ideal line. */
  readonly efficiency: number | null;
  readonly ideal: number;
  readonly correct: boolean;
  readonly error?: string;
}

/** Chart data from one result per worker count (same variant). Pure. */
export function speedupPoints(results: readonly BenchResult[]): SpeedupPoint[] {
  const one = results.find((r) => r.workers === 1 && r.status === 'ok');
  const base = one?.medianMs ?? null;
  return results.map((r) => {
    if (r.status === 'error') {
      return { workers: r.workers, medianMs: null, speedup: null, efficiency: null, ideal: r.workers, correct: false, error: r.error };
    }
    const speedup = base !== null && r.medianMs > 0 ? base / r.medianMs : null;
    return {
      workers: r.workers,
      medianMs: r.medianMs,
      speedup,
      efficiency: speedup === null ? null : speedup / r.workers,
      ideal: r.workers,
      correct: r.correct,
    };
  });
}

export async function sweepWorkers(
  variantId: string,
  request: Omit<BenchRequest, 'variants' | 'workers'>,
  maxWorkers: number,
  opts: ParallelRunOptions = {},
): Promise<{ points: SpeedupPoint[]; results: BenchResult[] }> {
  if (!Number.isInteger(maxWorkers) || maxWorkers < 1 || maxWorkers > 64) {
    throw new RangeError(`the largest worker count must be a whole number from 1 to 64, got ${maxWorkers}`);
  }
  const results: BenchResult[] = [];
  for (let workers = 1; workers <= maxWorkers; workers++) {
    opts.signal?.throwIfAborted();
    const [r] = await runParallel({ ...request, variants: [variantId], workers }, opts);
    results.push(r);
  }
  return { points: speedupPoints(results), results };
}
