// Runs one BenchRequest over a list of variants and returns one result per requested id.
// Pure apart from what is injected: the clock, the environment, the variant context,
// progress and cancellation. The same code runs in the bench worker (serial variants,
// synchronous kernels) and on the main thread for the pool variants (asynchronous kernels).
import { checkResult } from '../check/allclose.ts';
import { generateInputs } from '../data/generate.ts';
import { referenceProduct } from '../data/reference.ts';
import { DEFAULT_MEMORY_BUDGET_BYTES, memoryRefusal } from '../kernels/memory.ts';
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
import { DEFAULT_SEED } from './defaults.ts';
import { percentOfPeak } from './peaks.ts';

export { DEFAULT_SEED };

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
  /** Where the inputs and the check come from; defaults to prepareHere. */
  readonly prepare?: Prepare;
}

/** The data every variant of a run gets, and how each variant's C is judged. */
export interface PreparedRun {
  readonly inputs: VariantInputs;
  readonly check: (actual: FloatArray) => Check;
}

export type Prepare = (shape: Shape, dtype: Dtype, seed: number) => PreparedRun | Promise<PreparedRun>;

/**
 * Inputs from the seed and the float64 reference, both on the calling thread:
 * cheap below the big set, whose 240 MB are prepared in workers instead (src/parallel/prepare.ts).
 */
export function prepareHere(shape: Shape, dtype: Dtype, seed: number): PreparedRun {
  const { A, B } = generateInputs(shape, dtype, seed);
  const expected = referenceProduct(A, B, shape);
  return { inputs: { A, B, shape, dtype }, check: (actual) => checkResult(actual, expected, shape, dtype) };
}

interface Live<Ctx> {
  readonly slot: number; // position in the request, so results keep the request's order
  readonly variant: Variant<Ctx>;
  readonly run: RunOnce;
  readonly coldMs: number;
  readonly coldCheck: Check;
  batch: number;
  samplesMs: number[];
  last: FloatArray;
  /** Worse of the cold call's check and the last measured call's. */
  check?: Check;
  error?: string;
  /** GPU variants: the kernel time of each sample's last call (lastTiming), where the device reports one. */
  kernelSamplesMs: number[];
  bytesMoved?: number;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

function isAbort(e: unknown, signal: AbortSignal | undefined): boolean {
  return (signal?.aborted ?? false) || (e instanceof Error && e.name === 'AbortError');
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
    samplesMs: [],
    medianMs: null,
    gflops: null,
    correct: false,
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
    const refusal = memoryRefusal(variant, shape, dtype, budget);
    if (refusal !== null) {
      results[slot] = failed(id, refusal, workers);
      continue;
    }
    candidates.push({ slot, variant });
  }

  let prepared: PreparedRun | undefined;
  if (candidates.length > 0) {
    // Same data for every variant, made once from the seed; the expected product once too.
    try {
      progress(candidates[0].slot, 'setup');
      prepared = await (opts.prepare ?? prepareHere)(shape, dtype, request.seed ?? DEFAULT_SEED);
    } catch (e) {
      if (isAbort(e, signal)) throw e;
      const reason = `preparing the inputs failed: ${messageOf(e)}`;
      for (const { slot, variant } of candidates) results[slot] = failed(variant.id, reason, variant.workersUsed?.(ctx) ?? 1);
    }
  }

  if (prepared) {
    const { inputs, check } = prepared;

    // #region driver
    // 1. Set up each variant and time its first (cold) call on its own:
    //    it pays for compilation and first-touch memory, so it is not a sample.
    const live: Live<Ctx>[] = [];
    for (const { slot, variant } of candidates) {
      throwIfAborted(signal);
      try {
        progress(slot, 'setup');
        const run = variant.setup(inputs, ctx);
        progress(slot, 'cold');
        const cold = await timeCall(run, now);
        const coldCheck = check(cold.result);
        live.push({ slot, variant, run, coldMs: cold.ms, coldCheck, batch: 1, samplesMs: [], last: cold.result, kernelSamplesMs: [] });
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
    //    hits every variant alike, so their ratios hold. Sample = batch time / batch.
    for (let round = 0; round < samples; round++) {
      for (const v of live) {
        if (v.error !== undefined) continue;
        try {
          progress(v.slot, 'sample', round + 1);
          const sample = await takeSample(v.run, v.batch, now, timerResolutionMs, config, signal);
          v.samplesMs.push(sample.perCallMs);
          v.batch = sample.batch;
          v.last = sample.last;
          noteTiming(v);
        } catch (e) {
          if (isAbort(e, signal)) throw e;
          v.error = messageOf(e);
        }
      }
    }

    // 4. Check the last measured result too: the cold call alone would miss a kernel
    //    that goes wrong once its buffers are reused.
    for (const v of live) {
      if (v.error !== undefined) continue;
      progress(v.slot, 'check');
      v.check = worse(v.coldCheck, check(v.last));
      progress(v.slot, 'done', samples);
    }
    // #endregion driver

    for (const v of live) {
      const workers = v.variant.workersUsed?.(ctx) ?? 1;
      if (v.error !== undefined || v.check === undefined) {
        results[v.slot] = failed(v.variant.id, v.error ?? 'not checked', workers);
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
        extraBytes: v.variant.extraBytes(shape, dtype),
        copiedBytes: v.variant.copiedBytes?.(shape, dtype, workers),
        chunkSize: v.variant.chunkSize?.(shape, ctx),
        ...(v.kernelSamplesMs.length > 0 ? { kernelMs: median(v.kernelSamplesMs) } : {}),
        ...(v.bytesMoved !== undefined ? { bytesMoved: v.bytesMoved } : {}),
        ...(build !== undefined ? { build } : {}),
        ...(pct !== undefined ? { pctOfPeak: pct } : {}),
      };
    }
  }

  return results.map((r, slot) => r ?? failed(ids[slot], 'not run'));
}
