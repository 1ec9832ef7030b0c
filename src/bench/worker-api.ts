// The bench worker's API as a plain object, built from injected parts so that it can
// be exposed over any Comlink endpoint: a real Worker in the page, a MessageChannel in
// tests. It only adapts: variants and the harness do the work.
import type { Variant } from '../kernels/variant.ts';
import type { Dtype } from '../kernels/types.ts';
import { runRequest } from './harness.ts';
import type { BenchRequest, BenchResult, Environment, MeasuredPeaks, Progress } from './protocol.ts';

/** What `--list` and the slides need to know about a variant, as plain data. */
export interface VariantInfo {
  readonly id: string;
  readonly description: string;
  readonly section: string;
  readonly dtypes: readonly Dtype[];
}

export function infoOf<Ctx>(v: Variant<Ctx>): VariantInfo {
  return { id: v.id, description: v.description, section: v.section, dtypes: [...v.dtypes] };
}

export interface BenchApiParts<Ctx> {
  readonly variants: readonly Variant<Ctx>[];
  /**
   * Built once, on first use (e.g. instantiating the WebAssembly kernels); once more,
   * kept apart, for requests with `forcePlainSimd` (tests of the plain-SIMD fallback).
   */
  readonly loadContext: (options: { readonly forcePlainSimd: boolean }) => Promise<Ctx>;
  /**
   * Optional: what one request needs beyond the context, added just before it runs
   * (in the queue, so never while another run is timing), e.g. a library loaded the
   * first time a request names the variant that uses it. Returns the context for
   * this run and later ones: the same object when nothing was added.
   */
  readonly extendContext?: (ctx: Ctx, request: BenchRequest) => Promise<Ctx>;
  readonly now: () => number;
  readonly probe: () => Environment;
  /**
   * Optional: the peak probe's figures for this thread, measured on first need (in
   * the queue, never while a run is timing) and cached for the worker's life; every
   * result's env then carries them. null when they cannot be measured here.
   */
  readonly peaks?: () => Promise<MeasuredPeaks | null>;
}

export interface BenchApi {
  environment(): Promise<Environment>;
  listVariants(): VariantInfo[];
  /** `onProgress` arrives as a Comlink proxy: calling it posts a message, never blocks. */
  run(request: BenchRequest, onProgress?: (p: Progress) => unknown): Promise<BenchResult[]>;
  /**
   * The peaks this worker measures results against (src/bench/peaks.ts), measured
   * once and cached in the worker; `workers`: the dispatcher's count of pool workers
   * probing at once (serial workers: always 1). null where nothing can be measured.
   */
  peaks(workers?: number): Promise<MeasuredPeaks | null>;
}

export function createBenchApi<Ctx>(parts: BenchApiParts<Ctx>): BenchApi {
  let env: Environment | undefined;
  // [normal, forced plain SIMD]: each built on first use.
  const contexts: [Promise<Ctx> | undefined, Promise<Ctx> | undefined] = [undefined, undefined];
  let peaks: Promise<MeasuredPeaks | null> | undefined;
  // Runs are queued: two requests interleaving their calls would time each other.
  let queue: Promise<unknown> = Promise.resolve();

  const environment = (): Environment => (env ??= parts.probe());
  const enqueue = <T>(f: () => Promise<T>): Promise<T> => {
    const job = queue.then(f);
    queue = job.catch(() => undefined);
    return job;
  };
  /** Measured once; a failure is remembered as null (the results then carry no peaks). */
  const measuredPeaks = (): Promise<MeasuredPeaks | null> =>
    (peaks ??= parts.peaks
      ? parts.peaks().catch((e: unknown) => {
          console.warn('bench: the peak probe failed:', e);
          return null;
        })
      : Promise.resolve(null));

  return {
    async environment() {
      return environment();
    },
    listVariants() {
      return parts.variants.map(infoOf);
    },
    peaks() {
      return enqueue(measuredPeaks);
    },
    run(request, onProgress) {
      return enqueue(async () => {
        const slot = request.forcePlainSimd === true ? 1 : 0;
        let context = await (contexts[slot] ??= parts.loadContext({ forcePlainSimd: slot === 1 }));
        if (parts.extendContext) {
          const extended = await parts.extendContext(context, request);
          if (extended !== context) contexts[slot] = Promise.resolve((context = extended));
        }
        const p = await measuredPeaks();
        const e: Environment = p ? { ...environment(), peaks: p } : environment();
        return runRequest(request, parts.variants, {
          now: parts.now,
          timerResolutionMs: e.timerResolutionMs,
          env: e,
          ctx: context,
          // A lost progress message must not fail the run.
          onProgress: onProgress ? (p) => void Promise.resolve(onProgress(p)).catch(() => undefined) : undefined,
        });
      });
    },
  };
}
