// Chart data of the speed-up sweep and the big case, from hand-made results.
import { describe, expect, it } from 'vitest';
import type { BenchResult, Environment } from '../../src/bench/protocol.ts';
import { computeStats } from '../../src/bench/stats.ts';
import { bigCaseRows } from '../../src/parallel/big.ts';
import { chunkPoints } from '../../src/parallel/chunks.ts';
import { speedupPoints } from '../../src/parallel/speedup.ts';

const env: Environment = { crossOriginIsolated: true, sharedArrayBuffer: true, cores: 2, timerResolutionMs: 0.005, wasmSimd: true, userAgent: 'test' };
const check = { correct: true, maxAbsError: 0, mismatches: 0, rtol: 1e-5, atol: 1e-8 };

function ok(variant: string, workers: number, ms: number, copiedBytes?: number): BenchResult {
  const samplesMs = [ms, ms];
  const stats = computeStats(samplesMs);
  return {
    status: 'ok', variant, m: 2, l: 3, n: 4, dtype: 'f32', workers, env, at: 'now',
    samplesMs, coldMs: ms, batch: 1, medianMs: stats.medianMs, stats, gflops: 1, correct: true, check, extraBytes: 0, copiedBytes,
  };
}
function failed(variant: string, workers: number): BenchResult {
  return { status: 'error', variant, m: 2, l: 3, n: 4, dtype: 'f32', workers, env, at: 'now', samplesMs: [], medianMs: null, gflops: null, correct: false, error: 'no' };
}

describe('speedupPoints', () => {
  it('divides the one-worker time by each time; efficiency is speed-up per worker', () => {
    const pts = speedupPoints([ok('shared-row', 1, 100), ok('shared-row', 2, 55), ok('shared-row', 3, 50)]);
    expect(pts.map((p) => p.speedup)).toEqual([1, 100 / 55, 2]);
    expect(pts.map((p) => p.ideal)).toEqual([1, 2, 3]);
    expect(pts[2].efficiency).toBeCloseTo(2 / 3, 12);
  });

  it('has no speed-up without a one-worker time, and keeps errors', () => {
    const pts = speedupPoints([failed('shared-row', 1), ok('shared-row', 2, 50)]);
    expect(pts[0]).toMatchObject({ speedup: null, correct: false, error: 'no' });
    expect(pts[1].speedup).toBeNull();
  });
});

describe('bigCaseRows', () => {
  it('reports bytes copied per call and per worker, and the operands held once', () => {
    const rows = bigCaseRows([ok('pool-row', 2, 10, 800), ok('shared-row', 2, 5, 0), failed('shared-element', 2)]);
    expect(rows[0]).toMatchObject({ copiedBytes: 800, copiedBytesPerWorker: 400, operandBytes: (6 + 12 + 8) * 4, correct: true });
    expect(rows[1]).toMatchObject({ copiedBytes: 0, medianMs: 5 });
    expect(rows[2]).toMatchObject({ medianMs: null, correct: false, error: 'no' });
  });
});

describe('chunkPoints', () => {
  it('counts the messages of each chunk size (m·n = 8 elements here)', () => {
    const pts = chunkPoints([1, 3, 8], [ok('pool-element', 2, 9), ok('pool-element', 2, 4), failed('pool-element', 2)]);
    expect(pts.map((p) => p.messages)).toEqual([8, 3, 1]);
    expect(pts[0]).toMatchObject({ chunkSize: 1, medianMs: 9, correct: true });
    expect(pts[2]).toMatchObject({ medianMs: null, correct: false });
  });
});
