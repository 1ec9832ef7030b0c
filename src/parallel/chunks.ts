// How the chunk size of per-element tasks changes the time (4.1): tiny chunks
// mean one message per few elements, and the messages' overhead swamps the work.
import type { BenchRequest, BenchResult } from '../bench/protocol.ts';
import { runParallel, type ParallelRunOptions } from './run.ts';

export interface ChunkPoint {
  readonly chunkSize: number;
  /** Messages (round trips) per product. */
  readonly messages: number;
  readonly medianMs: number | null;
  readonly correct: boolean;
  readonly error?: string;
}

/** Chart data from one result per chunk size (same order). Pure. */
export function chunkPoints(sizes: readonly number[], results: readonly BenchResult[]): ChunkPoint[] {
  return results.map((r, i) => {
    const chunkSize = sizes[i];
    const messages = Math.ceil((r.m * r.n) / chunkSize);
    if (r.status === 'error') return { chunkSize, messages, medianMs: null, correct: false, error: r.error };
    return { chunkSize, messages, medianMs: r.medianMs, correct: r.correct };
  });
}

export async function sweepChunkSizes(
  variantId: 'pool-element' | 'shared-element',
  request: Omit<BenchRequest, 'variants' | 'chunkSize'>,
  sizes: readonly number[],
  opts: ParallelRunOptions = {},
): Promise<{ points: ChunkPoint[]; results: BenchResult[] }> {
  for (const s of sizes) if (!Number.isInteger(s) || s < 1) throw new RangeError(`chunk sizes must be whole numbers ≥ 1, got ${s}`);
  const results: BenchResult[] = [];
  for (const chunkSize of sizes) {
    opts.signal?.throwIfAborted();
    const [r] = await runParallel({ ...request, variants: [variantId], chunkSize }, { ...opts, chunkSize });
    results.push(r);
  }
  return { points: chunkPoints(sizes, results), results };
}
