// Runs one BenchRequest over a list of variants and returns one result per requested id.
// Pure apart from what is injected: the clock, the environment, the variant context,
// progress and cancellation. The same code runs in the bench worker (serial variants,
// synchronous kernels) and in the parallel dispatcher for the pool variants (asynchronous kernels).
import { checkResult } from '../check/allclose.ts';
import { DEFAULT_SEED, generateInputs } from '../data/generate.ts';
import { referenceProduct } from '../data/reference.ts';
import { dataSampleSeeds } from '../data/samples.ts';
import { DEFAULT_MEMORY_BUDGET_BYTES, memoryRefusal, temporaryBytes } from '../kernels/memory.ts';
import type { Dtype, FloatArray, Shape } from '../kernels/types.ts';
import type { RunOnce, Variant, VariantInputs } from '../kernels/variant.ts';
import {
  DEFAULT_MEASURE_CONFIG,
  sampleCount,
  takeSample,
  throwIfAborted,
  timeCall,
  warmUpAndSizeBatch,
  type MeasureConfig,
} from './measure.ts';
import type { BenchRequest, BenchResult, Check, Environment, FailedResult, Progress } from './protocol.ts';
import { computeStats, gflops, median } from './stats.ts';
import { percentOfPeak } from './peaks.ts';
import { isAbort } from './abort.ts';
import { messageOf } from '../format/error.ts';

export interface HarnessOptions<Ctx> {
  readonly now: () => number;
  readonly timerResolutionMs: number;
  readonly env: Environment;
  readonly ctx: Ctx;
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
  /** Overrides of the measuring rules (tests use small warm-ups). */
  readonly measure?: Partial<MeasureConfig>;
  /** Wall-clock stamp for `at`; injected so results can be reproduced in tests. */
  readonly timestamp?: () => string;
  /** Where each data sample's inputs and check come from; defaults to prepareHere. */
  readonly prepare?: Prepare;
}

/** One data sample of a run: the inputs every variant multiplies, and how a product of them is judged. */
export interface PreparedSample {
  readonly inputs: VariantInputs;
  readonly check: (actual: FloatArray) => Check;
}

/** Makes one data sample from its own seed; the harness calls it once per sample, so each reference is computed once. */
export type Prepare = (shape: Shape, dtype: Dtype, seed: number) => PreparedSample | Promise<PreparedSample>;

/**
 * Inputs from the seed and the float64 reference, both on the calling thread:
 * cheap below the big set, whose 229 MiB are prepared in workers instead (src/parallel/prepare.ts).
 */
export function prepareHere(shape: Shape, dtype: Dtype, seed: number): PreparedSample {
  const { A, B } = generateInputs(shape, dtype, seed);
  const expected = referenceProduct(A, B, shape);
  return { inputs: { A, B, shape, dtype }, check: (actual) => checkResult(actual, expected, shape, dtype) };
}

interface Live<Ctx> {
  readonly slot: number; // position in the request, so results keep the request's order
  readonly variant: Variant<Ctx>;
  run: RunOnce;
  /** The data sample `run` was set up on (an index into the run's samples). */
  on: number;
  /** Its calls return promises (pool workers, the GPU): see moveTo. */
  readonly awaited: boolean;
  readonly coldMs: number;
  batch: number;
  samplesMs: number[];
  /** The cold call's product, then the warm-up's (with no warm-up calls, the cold call sizes the batch). */
  last: FloatArray;
  /** The worst check so far, over every checked product; `checked` counts them. */
  check: Check;
  checked: number;
  error?: string;
  /** GPU variants: the kernel time of each sample's last call (lastTiming), where the device reports one. */
  kernelSamplesMs: number[];
  bytesMoved?: number;
}

/** The worse of two checks: a failure in either call makes the variant incorrect. */
function worse(a: Check, b: Check): Check {
  if (a.correct !== b.correct) return a.correct ? b : a;
  return a.maxAbsError >= b.maxAbsError ? a : b;
}

/** GPU variants: keep what the sample's last call measured besides its wall time. */
function noteTiming<Ctx>(v: Live<Ctx>): void {
  const timing = v.variant.lastTiming?.();
  if (!timing) return;
  v.bytesMoved = timing.bytesMoved;
  if (timing.kernelMs !== undefined && Number.isFinite(timing.kernelMs)) v.kernelSamplesMs.push(timing.kernelMs);
}

export async function runRequest<Ctx>(
  request: BenchRequest,
  variants: readonly Variant<Ctx>[],
  opts: HarnessOptions<Ctx>,
): Promise<BenchResult[]> {
  const { now, timerResolutionMs, env, ctx, onProgress, signal } = opts;
  const config: MeasureConfig = { ...DEFAULT_MEASURE_CONFIG, ...opts.measure };
  const at = (opts.timestamp ?? (() => new Date().toISOString()))();
  const { shape, dtype } = request;
  const { m, l, n } = shape;
  const samples = sampleCount(request.samples, config);
  const budget = request.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES;
  const ids = request.variants;
  const variantCount = ids.length;
  const byId = new Map(variants.map((v) => [v.id, v]));

  const failed = (variant: string, error: string, workers = 1): FailedResult => ({
    status: 'error',
    variant, m, l, n, dtype, workers, env, at,
    error,
  });
  const progress = (variantIndex: number, phase: Progress['phase'], sample = 0): void => {
    onProgress?.({ variant: ids[variantIndex] ?? '', variantIndex, variantCount, sample, sampleCount: samples, phase });
  };

  const results: (BenchResult | undefined)[] = new Array(ids.length);
  const candidates: { slot: number; variant: Variant<Ctx> }[] = [];
  for (const [slot, id] of ids.entries()) {
    const variant = byId.get(id);
    if (!variant) {
      results[slot] = failed(id, `unknown variant "${id}"`);
      continue;
    }
    const workers = variant.workersUsed?.(ctx) ?? 1;
    if (!variant.dtypes.includes(dtype)) {
      const reason = variant.dtypeRefusal?.(dtype) ?? `${id} does not support ${dtype} (only ${variant.dtypes.join(', ')})`;
      results[slot] = failed(id, reason, workers);
      continue;
    }
    const refusal = memoryRefusal(variant, shape, dtype, budget, workers);
    if (refusal !== null) {
      results[slot] = failed(id, refusal, workers);
      continue;
    }
    candidates.push({ slot, variant });
  }

  // The data samples every variant multiplies (section 2.1): each made once from its
  // own seed, with its reference; as many as there are rounds, at most the set's K.
  const data: PreparedSample[] = [];
  const firstCandidate = candidates[0];
  if (firstCandidate) {
    try {
      progress(firstCandidate.slot, 'setup');
      const seeds = dataSampleSeeds(shape, request.seed ?? DEFAULT_SEED).slice(0, samples);
      for (const seed of seeds) {
        throwIfAborted(signal);
        data.push(await (opts.prepare ?? prepareHere)(shape, dtype, seed));
      }
    } catch (e) {
      if (isAbort(e, signal)) throw e;
      data.length = 0;
      const reason = `preparing the inputs failed: ${messageOf(e)}`;
      for (const { slot, variant } of candidates) results[slot] = failed(variant.id, reason, variant.workersUsed?.(ctx) ?? 1);
    }
  }

  const sample0 = data[0];
  if (sample0) {
    const dataOf = (d: number): PreparedSample => {
      const found = data[d];
      if (!found) throw new RangeError(`no data sample ${d}: the run holds ${data.length}`);
      return found;
    };
    /** Every product checked counts: a variant is as correct as its worst one. */
    const judge = (v: Live<Ctx>, d: number, product: FloatArray): void => {
      v.check = worse(v.check, dataOf(d).check(product));
      v.checked++;
    };
    /**
     * Untimed: set the variant up on data sample d. An asynchronous variant then makes
     * one call, checked, whose time is dropped: its set-up hands work to other threads
     * (pool workers attach the new memory in the background), and no sample may wait
     * for it. Synchronous set-ups copy the data and are done; the one exception,
     * lib-tfjs (XNNPACK packs B in its first call), runs at 512³ in the deck, a shape
     * of one sample, so it is never set up again. An extra call for every variant
     * would make the runs of the slow ones half as long again.
     */
    const moveTo = async (v: Live<Ctx>, d: number): Promise<void> => {
      v.run = v.variant.setup(dataOf(d).inputs, ctx);
      v.on = d;
      if (v.awaited) judge(v, d, (await timeCall(v.run, now)).result);
    };

    // #region driver
    // 1. Set up each variant on data sample 0 and time its first (cold) call on its
    //    own: it pays for compilation and first-touch memory, so it is not a sample.
    const live: Live<Ctx>[] = [];
    for (const { slot, variant } of candidates) {
      throwIfAborted(signal);
      try {
        progress(slot, 'setup');
        const run = variant.setup(sample0.inputs, ctx);
        progress(slot, 'cold');
        const cold = await timeCall(run, now);
        const check = sample0.check(cold.result);
        live.push({ slot, variant, run, on: 0, awaited: cold.awaited, coldMs: cold.ms, check, checked: 1, batch: 1, samplesMs: [], last: cold.result, kernelSamplesMs: [] });
      } catch (e) {
        if (isAbort(e, signal)) throw e;
        results[slot] = failed(variant.id, messageOf(e), variant.workersUsed?.(ctx) ?? 1);
      }
    }

    // 2. Warm up (the JIT tiers up only after a function has run), and size the
    //    batch so that one sample lasts ≥ 100× the timer resolution.
    //    Calls lasting seconds skip the warm-up: the cold call sizes the batch.
    for (const v of live) {
      try {
        progress(v.slot, 'warmup');
        const cold = { ms: v.coldMs, result: v.last };
        ({ batch: v.batch, last: v.last } = await warmUpAndSizeBatch(v.run, now, timerResolutionMs, config, signal, cold));
      } catch (e) {
        if (isAbort(e, signal)) throw e;
        v.error = messageOf(e);
      }
    }

    // 3. Interleaved rounds A, B, C, A, B, C, …: a slow or fast phase of the machine
    //    hits every variant alike, so their ratios hold. Round r multiplies data
    //    sample r mod K (set up untimed); sample = batch time / batch, and the
    //    batch's last product is checked against that data sample's reference.
    for (let round = 0; round < samples; round++) {
      const d = round % data.length;
      for (const v of live) {
        if (v.error !== undefined) continue;
        try {
          progress(v.slot, 'sample', round + 1);
          if (v.on !== d) await moveTo(v, d);
          const sample = await takeSample(v.run, v.batch, now, timerResolutionMs, config, signal);
          v.samplesMs.push(sample.perCallMs);
          v.batch = sample.batch;
          judge(v, d, sample.last);
          noteTiming(v);
        } catch (e) {
          if (isAbort(e, signal)) throw e;
          v.error = messageOf(e);
        }
      }
    }
    // #endregion driver

    // 4. The verdict: the worst of the cold call's check and every round's.
    for (const v of live) {
      if (v.error !== undefined) continue;
      progress(v.slot, 'check');
      progress(v.slot, 'done', samples);
    }

    for (const v of live) {
      const workers = v.variant.workersUsed?.(ctx) ?? 1;
      if (v.error !== undefined) {
        results[v.slot] = failed(v.variant.id, v.error, workers);
        continue;
      }
      const stats = computeStats(v.samplesMs);
      const rate = gflops(shape, stats.medianMs);
      // The build that ran (tuned: 'relaxed-simd' or 'simd'); it also picks the peak (FMA or plain).
      const build = v.variant.build?.(ctx);
      const pct = percentOfPeak(rate, env.peaks, dtype, build, workers);
      results[v.slot] = {
        status: 'ok',
        variant: v.variant.id, m, l, n, dtype, workers, env, at,
        samplesMs: v.samplesMs,
        coldMs: v.coldMs,
        batch: v.batch,
        medianMs: stats.medianMs,
        stats,
        gflops: rate,
        correct: v.check.correct,
        check: v.check,
        dataSamples: data.length,
        checkedProducts: v.checked,
        extraBytes: temporaryBytes(v.variant, shape, dtype, workers),
        copiedBytes: v.variant.copiedBytes?.(shape, dtype, workers),
        chunkSize: v.variant.chunkSize?.(shape, ctx),
        ...(v.kernelSamplesMs.length > 0 ? { kernelMs: median(v.kernelSamplesMs) } : {}),
        ...(v.bytesMoved !== undefined ? { bytesMoved: v.bytesMoved } : {}),
        ...(build !== undefined ? { build } : {}),
        ...(pct !== undefined ? { pctOfPeak: pct } : {}),
      };
    }
  }

  return results.map((r, slot) => r ?? failed(ids[slot] ?? '', 'not run'));
}
