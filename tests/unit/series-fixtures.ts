// Hand-made BenchResults for the pure chart/table/storage/export tests.
// The numbers are invented fixtures, never shown in the deck.
import type { BenchResult, Environment, MeasuredResult, FailedResult } from '../../src/bench/protocol.ts';

export const env: Environment = {
  crossOriginIsolated: true,
  sharedArrayBuffer: true,
  cores: 2,
  timerResolutionMs: 0.005,
  wasmSimd: true,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
};

export function measured(variant: string, samplesMs: number[], extra: Partial<MeasuredResult> = {}): MeasuredResult {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const med = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  const shape = { m: 200, l: 10, n: 400 };
  return {
    status: 'ok',
    variant,
    ...shape,
    dtype: 'f64',
    workers: 1,
    env,
    at: '2026-11-23T21:00:00.000Z',
    samplesMs,
    coldMs: sorted[sorted.length - 1]! * 3,
    batch: 1,
    medianMs: med,
    stats: {
      medianMs: med,
      minMs: sorted[0]!,
      maxMs: sorted[sorted.length - 1]!,
      madMs: 0,
      p10Ms: sorted[0]!,
      meanMs: med,
      noisy: sorted[sorted.length - 1]! / sorted[0]! > 1.5,
    },
    gflops: (2 * 200 * 10 * 400) / (med * 1e6),
    correct: true,
    check: { correct: true, maxAbsError: 1e-15, mismatches: 0, rtol: 1e-5, atol: 1e-8 },
    extraBytes: 0,
    ...extra,
  };
}

export function failed(variant: string, error: string): FailedResult {
  return {
    status: 'error',
    variant,
    m: 200,
    l: 10,
    n: 400,
    dtype: 'f64',
    workers: 1,
    env,
    at: '2026-11-23T21:00:00.000Z',
    error,
  };
}

/**
 * A failure as results were written before FailedResult lost its placeholders:
 * saved entries and exported files of that time still carry them.
 */
export function legacyFailed(variant: string, error: string): Record<string, unknown> {
  return { ...failed(variant, error), samplesMs: [], medianMs: null, gflops: null, correct: false };
}

/** naive 10 ms, vectorised 2 ms, indexing wrong, broadcasting refused by the memory guard. */
export const mixed: BenchResult[] = [
  measured('naive', [10, 11, 9, 10, 12]),
  measured('element-vectorised', [2, 2.5, 2, 1.5, 2]),
  measured('indexing', [4, 4, 4, 4, 4], {
    correct: false,
    check: { correct: false, maxAbsError: 3, mismatches: 12, rtol: 1e-5, atol: 1e-8 },
  }),
  failed('broadcasting', 'needs 2.1 GB, above the 1 GB budget'),
];
