// Interleaved rounds over worker counts (src/bench/rounds.ts): the plan, the merge
// per (variant, workers), the speedups. Example figures only: nothing was measured.
import { describe, expect, it } from 'vitest';
import { mergeRounds, roundPlan, workerSpeedups } from '../../src/bench/rounds.ts';
import type { BenchRequest, BenchResult, Environment, FailedResult, MeasuredPeaks, MeasuredResult } from '../../src/bench/protocol.ts';
import { computeStats } from '../../src/bench/stats.ts';
import { env } from './series-fixtures.ts';

const peaksFor = (workers: number): MeasuredPeaks => ({
  f32: { gflops: 50 * workers, fma: true, workers },
  f64: { gflops: 25 * workers, fma: true, workers },
  f32Plain: { gflops: 20 * workers, fma: false, workers },
  f64Plain: { gflops: 10 * workers, fma: false, workers },
  perWorker: workers === 1,
});
const envFor = (workers: number): Environment => ({ ...env, peaks: peaksFor(workers) });
// 100³: 2 MFLOP per product, so 1 ms = 2 GFLOP/s.
const shape = { m: 100, l: 100, n: 100 };

function measured(variant: string, workers: number, samplesMs: number[], extra: Partial<MeasuredResult> = {}): MeasuredResult {
  const stats = computeStats(samplesMs);
  return {
    status: 'ok',
    variant,
    ...shape,
    dtype: 'f32',
    workers,
    env: envFor(workers),
    at: '2026-01-01T00:00:00.000Z',
    samplesMs,
    coldMs: 9,
    batch: 1,
    medianMs: stats.medianMs,
    stats,
    gflops: 2 / stats.medianMs,
    correct: true,
    check: { correct: true, maxAbsError: 1e-7, mismatches: 0, rtol: 1e-4, atol: 1e-5 },
    extraBytes: 0,
    build: 'relaxed-simd',
    pctOfPeak: (100 * (2 / stats.medianMs)) / (50 * workers),
    ...extra,
  };
}

describe('roundPlan', () => {
  const base: BenchRequest = { variants: ['parallel-tuned'], shape, dtype: 'f32', samples: 5, workers: 7 };

  it('runs every worker count once per round, in the order given: w1, w2, w1, w2, …', () => {
    expect(roundPlan(base, [1, 2], 3).map((r) => r.workers)).toEqual([1, 2, 1, 2, 1, 2]);
    expect(roundPlan(base, [2, 1], 1).map((r) => r.workers)).toEqual([2, 1]);
    for (const r of roundPlan(base, [1, 2], 2)) expect(r).toMatchObject({ variants: ['parallel-tuned'], samples: 5, dtype: 'f32' });
  });

  it('without a list: the request itself, once per round', () => {
    expect(roundPlan(base, undefined, 2).map((r) => r.workers)).toEqual([7, 7]);
    const noWorkers = roundPlan({ ...base, workers: undefined }, undefined, 1);
    expect(noWorkers).toHaveLength(1);
    expect('workers' in noWorkers[0]!).toBe(false);
    expect(() => roundPlan(base, [1], 0)).toThrow(RangeError);
  });
});

describe('mergeRounds', () => {
  const run1 = [measured('parallel-tuned', 1, [10, 11, 12]), measured('parallel-wasm', 1, [30, 31, 32])];
  const run2 = [measured('parallel-tuned', 2, [6, 6, 7]), measured('parallel-wasm', 2, [16, 17, 18])];
  const run3 = [measured('parallel-tuned', 1, [9, 13, 14], { coldMs: 5, batch: 3 }), measured('parallel-wasm', 1, [29, 33, 34])];
  const run4 = [measured('parallel-tuned', 2, [5, 8, 8]), measured('parallel-wasm', 2, [15, 19, 20])];
  const merged = mergeRounds([run1, run2, run3, run4]);

  it('gives one result per (variant, workers), in order of first appearance', () => {
    expect(merged.map((r) => `${r.variant}@${r.workers}`)).toEqual(['parallel-tuned@1', 'parallel-wasm@1', 'parallel-tuned@2', 'parallel-wasm@2']);
  });

  it('concatenates the samples in round order and takes the median over all of them', () => {
    const t1 = merged[0] as MeasuredResult;
    expect(t1.samplesMs).toEqual([10, 11, 12, 9, 13, 14]);
    expect(t1.medianMs).toBe(11.5);
    expect(t1.stats.minMs).toBe(9);
    expect(t1.gflops).toBeCloseTo(2 / 11.5, 12);
    expect(t1.pctOfPeak).toBeCloseTo((100 * (2 / 11.5)) / 50, 12); // recomputed against the 1-worker FMA peak
    expect(t1.coldMs).toBe(9); // the first round's cold call
    expect(t1.batch).toBe(3);
    const t2 = merged[2] as MeasuredResult;
    expect(t2.samplesMs).toEqual([6, 6, 7, 5, 8, 8]);
    expect(t2.medianMs).toBe(6.5);
    expect(t2.pctOfPeak).toBeCloseTo((100 * (2 / 6.5)) / 100, 12); // against the 2-worker peak
  });

  it('keeps the worst check: one wrong round makes the merged result wrong', () => {
    const bad = { correct: false, maxAbsError: 3, mismatches: 4, rtol: 1e-4, atol: 1e-5 };
    const [r] = mergeRounds([[measured('x', 1, [1])], [measured('x', 1, [2], { correct: false, check: bad })]]);
    expect(r).toMatchObject({ status: 'ok', correct: false, check: bad });
  });

  it('adds up the products checked in every round', () => {
    const [r] = mergeRounds([[measured('x', 1, [1], { checkedProducts: 11 })], [measured('x', 1, [2], { checkedProducts: 11 })]]);
    expect(r?.status === 'ok' && r.checkedProducts).toBe(22);
  });

  it('turns a failure in any round into a failed result that says which run', () => {
    const failed: FailedResult = {
      status: 'error', variant: 'x', ...shape, dtype: 'f32', workers: 1, env: envFor(1), at: '', error: 'boom',
    };
    const [r] = mergeRounds([[measured('x', 1, [1])], [failed]]);
    expect(r).toMatchObject({ status: 'error', error: 'run 2 of 2: boom' });
  });

  it('passes a single run through unchanged', () => {
    expect(mergeRounds([run1])).toEqual(run1);
  });
});

describe('workerSpeedups', () => {
  it('per variant: the larger worker count over the smallest, from the medians and from the best samples', () => {
    const results: BenchResult[] = [
      measured('parallel-tuned', 1, [10, 12, 14]),
      measured('parallel-tuned', 2, [5, 7, 8]),
      measured('parallel-wasm', 2, [20]),
      measured('naive', 1, [100]),
    ];
    const s = workerSpeedups(results);
    expect(s).toHaveLength(1); // parallel-wasm and naive ran at one worker count only
    expect(s[0]).toMatchObject({ variant: 'parallel-tuned', fromWorkers: 1, toWorkers: 2, fromSamples: 3, toSamples: 3 });
    expect(s[0]?.median).toBeCloseTo(12 / 7, 12);
    expect(s[0]?.best).toBeCloseTo(10 / 5, 12);
  });

  it('compares each count with the smallest, whatever the order, and skips failures', () => {
    const s = workerSpeedups([measured('v', 3, [4]), measured('v', 1, [12]), measured('v', 2, [6])]);
    expect(s.map((x) => [x.fromWorkers, x.toWorkers, x.median])).toEqual([[1, 2, 2], [1, 3, 3]]);
  });
});
