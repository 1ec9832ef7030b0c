// The measuring rules, one function each. Pure: the clock comes in as `now`, and
// nothing here starts a timer or touches the DOM. The harness strings them together.
import type { FloatArray } from '../kernels/types.ts';
import type { RunOnce } from '../kernels/variant.ts';
import { abortError } from './abort.ts';

export interface MeasureConfig {
  /** A sample must last at least this many timer steps, so rounding to the clock is ≤ 1 %. */
  readonly resolutionFactor: number;
  /**
   * Warm-up: at least this many calls (V8 tiers a function up only after it has run)…
   * 0 together with warmupTargetMs 0 means none: the batch is then sized from the cold call.
   */
  readonly warmupMinCalls: number;
  /** …and keep calling until this much time has passed… */
  readonly warmupTargetMs: number;
  /** …but never more calls than this. */
  readonly warmupMaxCalls: number;
  /** Upper bound on calls per sample, for a clock that seems not to move. */
  readonly maxBatch: number;
  /** Samples per variant are never fewer than this, whatever the request says. */
  readonly minSamples: number;
}

export const DEFAULT_MEASURE_CONFIG: MeasureConfig = {
  resolutionFactor: 100,
  warmupMinCalls: 2,
  warmupTargetMs: 50,
  warmupMaxCalls: 1000,
  maxBatch: 100_000,
  minSamples: 5,
};

/** The shortest a timed sample may last: resolutionFactor steps of the clock. */
export function minSampleMs(timerResolutionMs: number, config: MeasureConfig = DEFAULT_MEASURE_CONFIG): number {
  return config.resolutionFactor * timerResolutionMs;
}

/**
 * For calls that last seconds (the 229 MiB product of 4.2): one call is thousands of
 * timer steps long, so it is timed on its own, with no warm-up loop after the cold
 * call. The sample rule stays: at least 5, or the spread means nothing.
 */
export const LONG_CALL_MEASURE: Partial<MeasureConfig> = {
  warmupMinCalls: 0,
  warmupTargetMs: 0,
};

/** Margin of a batch over the minimum sample duration (measurement notes: phases ~1.6–1.8× apart). */
const HEADROOM = 2;

export function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Cancellation is checked between calls: a running synchronous kernel cannot be interrupted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : abortError();
  }
}

/** Samples actually taken for a requested count: whole, and never fewer than the minimum. */
export function sampleCount(requested: number, config: MeasureConfig = DEFAULT_MEASURE_CONFIG): number {
  const whole = Number.isFinite(requested) ? Math.floor(requested) : 0;
  return Math.max(config.minSamples, whole);
}

export interface TimedCall {
  readonly ms: number;
  readonly result: FloatArray;
  /** The call returned a promise: its work runs elsewhere (pool workers, the GPU). */
  readonly awaited: boolean;
}

/** One call timed on its own: used for the cold call, which includes compilation and first-touch costs. */
export async function timeCall(run: RunOnce, now: () => number): Promise<TimedCall> {
  const t0 = now();
  let result = run();
  // Only a promise is awaited: awaiting a plain value would add a microtask to every sync call.
  const awaited = isThenable(result);
  if (isThenable(result)) result = await result;
  const ms = now() - t0;
  return { ms, result, awaited };
}

export interface Batch {
  /** Elapsed time of the whole batch. */
  readonly totalMs: number;
  readonly calls: number;
  /** Result of the batch's last call: it is checked too. */
  readonly last: FloatArray;
}

/** `calls` back-to-back calls timed as one block. */
export async function timeBatch(
  run: RunOnce,
  calls: number,
  now: () => number,
  signal?: AbortSignal,
): Promise<Batch> {
  if (calls < 1) throw new RangeError('a batch needs at least one call');
  let last: FloatArray | undefined;
  const t0 = now();
  for (let i = 0; i < calls; i++) {
    if (signal?.aborted) throwIfAborted(signal);
    const r = run();
    last = isThenable(r) ? await r : r;
  }
  const totalMs = now() - t0;
  return { totalMs, calls, last: last as FloatArray };
}

/**
 * Warm-up calls before any sample: the first calls of a JS function run in V8's
 * interpreter and baseline tiers; the optimising compiler kicks in after it has
 * seen the function run. Returns the time per call, from which the batch is sized.
 */
export async function warmUp(
  run: RunOnce,
  now: () => number,
  config: MeasureConfig = DEFAULT_MEASURE_CONFIG,
  signal?: AbortSignal,
): Promise<{ calls: number; totalMs: number; perCallMs: number; last: FloatArray }> {
  let calls = 0;
  let last: FloatArray | undefined;
  const t0 = now();
  let elapsed = 0;
  while (calls < config.warmupMaxCalls && (calls < config.warmupMinCalls || elapsed < config.warmupTargetMs)) {
    throwIfAborted(signal);
    const r = run();
    last = isThenable(r) ? await r : r;
    calls++;
    elapsed = now() - t0;
  }
  return { calls, totalMs: elapsed, perCallMs: elapsed / calls, last: last as FloatArray };
}

/**
 * Calls per sample so that one sample lasts ≥ factor × the timer resolution:
 * a kernel faster than the clock's step is timed as a block and divided.
 */
export function chooseBatch(
  perCallMs: number,
  timerResolutionMs: number,
  config: MeasureConfig = DEFAULT_MEASURE_CONFIG,
): number {
  const targetMs = minSampleMs(timerResolutionMs, config);
  if (!(perCallMs > 0)) return config.maxBatch;
  return Math.min(config.maxBatch, Math.max(1, Math.ceil(targetMs / perCallMs)));
}

/**
 * Check the warm-up's estimate with real batches: later tiers of the JIT can make a
 * kernel faster than it was during warm-up, and then a sample would be shorter than
 * the rule allows. A few probe batches are timed; the batch is sized from the FASTEST
 * per-call time seen, so one probe slowed by a GC pause cannot shrink it. These calls
 * count as warm-up; their times are not samples.
 */
export async function calibrateBatch(
  run: RunOnce,
  initialBatch: number,
  now: () => number,
  timerResolutionMs: number,
  config: MeasureConfig = DEFAULT_MEASURE_CONFIG,
  signal?: AbortSignal,
  probes = 3,
): Promise<{ batch: number; last: FloatArray }> {
  const targetMs = minSampleMs(timerResolutionMs, config);
  let batch = Math.max(1, Math.min(config.maxBatch, initialBatch));
  let fastest = Number.POSITIVE_INFINITY;
  let last: FloatArray | undefined;
  for (let p = 0; p < probes; p++) {
    const probe = await timeBatch(run, batch, now, signal);
    last = probe.last;
    if (probe.totalMs > 0) fastest = Math.min(fastest, probe.totalMs / batch);
    // 2× head-room: the machine's fast phases run up to ~1.8× faster than its slow ones.
    const wanted = Number.isFinite(fastest) ? Math.ceil((HEADROOM * targetMs) / fastest) : batch * 10;
    batch = Math.min(config.maxBatch, Math.max(batch, wanted));
  }
  return { batch, last: last as FloatArray };
}

/**
 * One sample: a batch timed as a block, per-call time = block time / calls. If the
 * block came in under the minimum duration anyway (the machine entered a fast phase),
 * the sample is thrown away and retaken with a larger batch, so no recorded sample
 * ever breaks the rule. Returns the batch in force afterwards.
 */
export async function takeSample(
  run: RunOnce,
  batch: number,
  now: () => number,
  timerResolutionMs: number,
  config: MeasureConfig = DEFAULT_MEASURE_CONFIG,
  signal?: AbortSignal,
  maxRetakes = 4,
): Promise<{ perCallMs: number; batch: number; last: FloatArray }> {
  const targetMs = minSampleMs(timerResolutionMs, config);
  let b = await timeBatch(run, batch, now, signal);
  for (let k = 0; k < maxRetakes && b.totalMs < targetMs && b.calls < config.maxBatch; k++) {
    const grown = b.totalMs > 0 ? Math.ceil((HEADROOM * targetMs * b.calls) / b.totalMs) : b.calls * 10;
    b = await timeBatch(run, Math.min(config.maxBatch, Math.max(b.calls + 1, grown)), now, signal);
  }
  return { perCallMs: b.totalMs / b.calls, batch: b.calls, last: b.last };
}

/**
 * Warm-up, then the batch size: an estimate from the warm-up calls (from the cold
 * call when the config asks for no warm-up), checked with probe batches unless one
 * call alone is ten times longer than a sample must be.
 */
export async function warmUpAndSizeBatch(
  run: RunOnce,
  now: () => number,
  timerResolutionMs: number,
  config: MeasureConfig = DEFAULT_MEASURE_CONFIG,
  signal?: AbortSignal,
  cold?: Pick<TimedCall, 'ms' | 'result'>,
): Promise<{ batch: number; last: FloatArray }> {
  const warm = await warmUp(run, now, config, signal);
  const estimate = warm.calls > 0 ? { perCallMs: warm.perCallMs, last: warm.last } : cold && { perCallMs: cold.ms, last: cold.result };
  if (!estimate) throw new RangeError('no warm-up calls and no cold call to size the batch from');
  const batch = chooseBatch(estimate.perCallMs, timerResolutionMs, config);
  if (batch === 1 && estimate.perCallMs >= 10 * minSampleMs(timerResolutionMs, config)) {
    return { batch, last: estimate.last };
  }
  return calibrateBatch(run, batch, now, timerResolutionMs, config, signal);
}
