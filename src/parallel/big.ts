// 4.2's big case: 200×400 with l = 100000 in f32 (≈ 240 MB of operands) by
// default, any shape allowed. Message passing per row (pool-row) against shared
// memory per row and per element: time, and bytes copied per call and per worker.
// The inputs and the reference are made in workers (see prepare.ts).
import type { BenchResult } from '../bench/protocol.ts';
import { operandBytes, type Dtype, type Shape } from '../kernels/types.ts';
import type { WorkerPool } from '../pool/pool.ts';
import { releasePrepared } from './prepare.ts';
import { detachAll, runParallel, type ParallelRunOptions } from './run.ts';

export const BIG_SHAPE: Shape = { m: 200, l: 100000, n: 400 };
export const BIG_DTYPE: Dtype = 'f32';
export const BIG_CASE_VARIANTS: readonly string[] = ['pool-row', 'shared-row', 'shared-element'];

export interface BigCaseOptions extends ParallelRunOptions {
  readonly shape?: Shape;
  readonly dtype?: Dtype;
  readonly workers?: number;
  /** Timed calls per variant after the cold one (each lasts seconds at full size). */
  readonly samples?: number;
  readonly variants?: readonly string[];
  readonly seed?: number;
}

/** One bar of the big-case chart. */
export interface BigCaseRow {
  readonly variant: string;
  readonly workers: number;
  readonly medianMs: number | null;
  readonly correct: boolean;
  /** Operand bytes copied by messages in one product, and per worker. */
  readonly copiedBytes: number;
  readonly copiedBytesPerWorker: number;
  /** Size of A, B and C, which the shared variants hold once for all workers. */
  readonly operandBytes: number;
  readonly error?: string;
}

/** Chart rows from harness results. Pure. */
export function bigCaseRows(results: readonly BenchResult[]): BigCaseRow[] {
  return results.map((r) => {
    const shape = { m: r.m, l: r.l, n: r.n };
    const base = { variant: r.variant, workers: r.workers, operandBytes: operandBytes(shape, r.dtype) };
    if (r.status === 'error') {
      return { ...base, medianMs: null, correct: false, copiedBytes: 0, copiedBytesPerWorker: 0, error: r.error };
    }
    const copied = r.copiedBytes ?? 0;
    return { ...base, medianMs: r.medianMs, correct: r.correct, copiedBytes: copied, copiedBytesPerWorker: copied / Math.max(1, r.workers) };
  });
}

export async function runBigCase(opts: BigCaseOptions = {}): Promise<{ results: BenchResult[]; rows: BigCaseRow[] }> {
  const results = await runParallel(
    {
      variants: opts.variants ?? BIG_CASE_VARIANTS,
      shape: opts.shape ?? BIG_SHAPE,
      dtype: opts.dtype ?? BIG_DTYPE,
      samples: opts.samples ?? 1,
      workers: opts.workers,
      seed: opts.seed,
    },
    opts,
  );
  return { results, rows: bigCaseRows(results) };
}

/** Frees the big operands: the kept inputs on this side and anything still attached in the workers. */
export async function releaseBigCase(pool: WorkerPool): Promise<void> {
  releasePrepared();
  await detachAll(pool);
}
