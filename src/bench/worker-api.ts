// The bench worker's API as a plain object, built from injected parts so that it can
// be exposed over any Comlink endpoint: a real Worker in the page, a MessageChannel in
// tests. It only adapts: variants and the harness do the work.
import type { Variant } from '../kernels/variant.ts';
import type { Dtype } from '../kernels/types.ts';
import { runRequest } from './harness.ts';
import type { BenchRequest, BenchResult, Environment, Progress } from './protocol.ts';

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
  /** Built once, on first use (e.g. instantiating the WebAssembly kernels). */
  readonly loadContext: () => Promise<Ctx>;
  /**
   * Optional: what one request needs beyond the context, added just before it runs
   * (in the queue, so never while another run is timing), e.g. a library loaded the
   * first time a request names the variant that uses it. Returns the context for
   * this run and later ones: the same object when nothing was added.
   */
  readonly extendContext?: (ctx: Ctx, request: BenchRequest) => Promise<Ctx>;
  readonly now: () => number;
  readonly probe: () => Environment;
}

export interface BenchApi {
  environment(): Promise<Environment>;
  listVariants(): VariantInfo[];
  /** `onProgress` arrives as a Comlink proxy: calling it posts a message, never blocks. */
  run(request: BenchRequest, onProgress?: (p: Progress) => unknown): Promise<BenchResult[]>;
}

export function createBenchApi<Ctx>(parts: BenchApiParts<Ctx>): BenchApi {
  let env: Environment | undefined;
  let ctx: Promise<Ctx> | undefined;
  // Runs are queued: two requests interleaving their calls would time each other.
  let queue: Promise<unknown> = Promise.resolve();

  const environment = (): Environment => (env ??= parts.probe());

  return {
    async environment() {
      return environment();
    },
    listVariants() {
      return parts.variants.map(infoOf);
    },
    run(request, onProgress) {
      const job = queue.then(async () => {
        let context = await (ctx ??= parts.loadContext());
        if (parts.extendContext) {
          const extended = await parts.extendContext(context, request);
          if (extended !== context) ctx = Promise.resolve((context = extended));
        }
        const e = environment();
        return runRequest(request, parts.variants, {
          now: parts.now,
          timerResolutionMs: e.timerResolutionMs,
          env: e,
          ctx: context,
          // A lost progress message must not fail the run.
          onProgress: onProgress ? (p) => void Promise.resolve(onProgress(p)).catch(() => undefined) : undefined,
        });
      });
      queue = job.catch(() => undefined);
      return job;
    },
  };
}
