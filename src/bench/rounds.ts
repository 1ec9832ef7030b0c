// Interleaved rounds over worker counts (`npm run bench -- --workers 1,2`): the plan
// of requests, merging the rounds' results per (variant, workers), and the speedup
// between worker counts. Pure: results in, results out; nothing is timed here.
import { percentOfPeak } from './peaks.ts';
import type { BenchRequest, BenchResult, Check, FailedResult, MeasuredResult } from './protocol.ts';
import { computeStats, gflops, median } from './stats.ts';

/**
 * Round 1: the request at each worker count in order; round 2: the same again; …
 * A machine phase (measurement notes) then hits every worker count alike.
 * `workers` undefined: one request per round with the request's own count.
 */
export function roundPlan(base: BenchRequest, workers: readonly number[] | undefined, rounds: number): BenchRequest[] {
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a whole number ≥ 1, got ${rounds}`);
  const counts: (number | undefined)[] = workers && workers.length > 0 ? [...workers] : [base.workers];
  const plan: BenchRequest[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const w of counts) {
      const { workers: _drop, ...rest } = base;
      plan.push(w === undefined ? rest : { ...rest, workers: w });
    }
  }
  return plan;
}

const keyOf = (r: BenchResult): string => `${r.variant}|${r.m}x${r.l}x${r.n}|${r.dtype}|w${r.workers}`;

/** The worse of two checks: a failure in either makes the result incorrect. */
function worse(a: Check, b: Check): Check {
  if (a.correct !== b.correct) return a.correct ? b : a;
  return a.maxAbsError >= b.maxAbsError ? a : b;
}

function mergeMeasured(parts: readonly MeasuredResult[]): MeasuredResult {
  const [first] = parts;
  if (!first) throw new RangeError('mergeMeasured: no results to merge');
  const samplesMs = parts.flatMap((p) => p.samplesMs);
  const stats = computeStats(samplesMs);
  const rate = gflops({ m: first.m, l: first.l, n: first.n }, stats.medianMs);
  const check = parts.map((p) => p.check).reduce(worse);
  const kernels = parts.map((p) => p.kernelMs).filter((k): k is number => k !== undefined);
  const pct = percentOfPeak(rate, first.env.peaks, first.dtype, first.build, first.workers);
  // Every round draws the same data samples (same base seed), so their count stays; the checks add up.
  const checked = parts.every((p) => p.checkedProducts !== undefined) ? parts.reduce((sum, p) => sum + (p.checkedProducts ?? 0), 0) : undefined;
  const { pctOfPeak: _old, kernelMs: _k, checkedProducts: _c, ...rest } = first;
  return {
    ...rest,
    samplesMs,
    // The first round's first call: the only one that also paid for compiling the kernel.
    coldMs: first.coldMs,
    // Rounds may size their batches differently; samples are per-call times either way.
    batch: Math.max(...parts.map((p) => p.batch)),
    medianMs: stats.medianMs,
    stats,
    gflops: rate,
    correct: check.correct,
    check,
    ...(kernels.length > 0 ? { kernelMs: median(kernels) } : {}),
    ...(pct !== undefined ? { pctOfPeak: pct } : {}),
    ...(checked !== undefined ? { checkedProducts: checked } : {}),
  };
}

/**
 * One result per (variant, shape, dtype, workers), in order of first appearance:
 * the rounds' samples concatenated, statistics over all of them. A failure in any
 * round makes the merged result a failure that says which round.
 */
export function mergeRounds(runs: readonly (readonly BenchResult[])[]): BenchResult[] {
  const [only] = runs;
  if (only && runs.length === 1) return [...only];
  const groups = new Map<string, { round: number; result: BenchResult }[]>();
  runs.forEach((results, round) => {
    for (const r of results) {
      const key = keyOf(r);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push({ round, result: r });
    }
  });
  return [...groups.values()].map((group) => {
    const failed = group.find((g): g is { round: number; result: FailedResult } => g.result.status === 'error');
    if (failed) {
      const f = failed.result;
      return { ...f, error: group.length > 1 ? `run ${failed.round + 1} of ${runs.length}: ${f.error}` : f.error };
    }
    return mergeMeasured(group.flatMap((g) => (g.result.status === 'ok' ? [g.result] : [])));
  });
}

export interface WorkerSpeedup {
  readonly variant: string;
  /** The smaller worker count (the reference) and the larger one. */
  readonly fromWorkers: number;
  readonly toWorkers: number;
  /** median(fromWorkers) / median(toWorkers). */
  readonly median: number;
  /** Best sample against best sample: min(fromWorkers) / min(toWorkers). */
  readonly best: number;
  readonly fromSamples: number;
  readonly toSamples: number;
}

/**
 * Per variant measured at several worker counts: the speedup of each larger
 * count over the smallest one, from the medians and from the best samples.
 */
export function workerSpeedups(results: readonly BenchResult[]): WorkerSpeedup[] {
  const byVariant = new Map<string, MeasuredResult[]>();
  for (const r of results) {
    if (r.status !== 'ok') continue;
    const key = `${r.variant}|${r.m}x${r.l}x${r.n}|${r.dtype}`;
    let list = byVariant.get(key);
    if (!list) byVariant.set(key, (list = []));
    list.push(r);
  }
  const out: WorkerSpeedup[] = [];
  for (const list of byVariant.values()) {
    if (new Set(list.map((r) => r.workers)).size < 2) continue;
    const [base, ...larger] = [...list].sort((a, b) => a.workers - b.workers);
    if (!base) continue;
    for (const r of larger) {
      if (r.workers === base.workers) continue;
      out.push({
        variant: r.variant,
        fromWorkers: base.workers,
        toWorkers: r.workers,
        median: base.medianMs / r.medianMs,
        best: base.stats.minMs / r.stats.minMs,
        fromSamples: base.samplesMs.length,
        toSamples: r.samplesMs.length,
      });
    }
  }
  return out;
}
