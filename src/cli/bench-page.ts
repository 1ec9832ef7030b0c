// The page `npm run bench` drives in headless Chromium. It exposes window.__bench and
// does no compute on its main thread: serial variants run in the bench worker.
import { benchEnvironment, listSerialVariants, runSerial } from '../bench/client.ts';
import type { BenchRequest, BenchResult, Environment, FailedResult, Progress } from '../bench/protocol.ts';
import type { VariantInfo } from '../bench/worker-api.ts';

/** Ids of the parallel variants (section 4); they run on this thread's worker pool, not in the bench worker. */
export const PARALLEL_IDS: readonly string[] = ['pool-element', 'pool-row', 'parallel-wasm', 'shared-element', 'shared-row'];

// #region parallel-hook
// LEAD: wire the parallel variants here. They must run through src/pool/pool.ts with
// runRequest from src/bench/harness.ts (their RunOnce is async), e.g. via runBench in
// src/bench/runner.ts. Until then, a parallel id gets a result saying it is not wired.
export type ParallelRunner = (request: BenchRequest, onProgress: (p: Progress) => void) => Promise<BenchResult[]>;
let runParallel: ParallelRunner | null = null;
export function setParallelRunner(runner: ParallelRunner | null): void {
  runParallel = runner;
}
// #endregion parallel-hook

// Present only once src/parallel/variants.ts exists; Vite resolves the glob at build time.
const parallelModules = import.meta.glob<{ parallelVariants?: readonly { id: string; description: string }[] }>(
  '../parallel/variants.ts',
);

async function parallelInfo(): Promise<{ id: string; description: string }[]> {
  const load = Object.values(parallelModules)[0];
  if (!load) return [];
  try {
    const mod = await load();
    return (mod.parallelVariants ?? []).map((v) => ({ id: v.id, description: v.description }));
  } catch (e) {
    console.warn('bench page: parallel variants unavailable:', e);
    return [];
  }
}

async function list(): Promise<Pick<VariantInfo, 'id' | 'description'>[]> {
  const serial = await listSerialVariants();
  return [...serial.map(({ id, description }) => ({ id, description })), ...(await parallelInfo())];
}

function notRun(request: BenchRequest, variant: string, env: Environment, error: string): FailedResult {
  const { m, l, n } = request.shape;
  return {
    status: 'error', variant, m, l, n, dtype: request.dtype, workers: request.workers ?? 1, env,
    at: new Date().toISOString(), samplesMs: [], medianMs: null, gflops: null, correct: false, error,
  };
}

/** Progress goes to the CLI (stderr) when it asked for it. */
function report(p: Progress): void {
  const sink = (window as { __benchProgress?: (p: Progress) => void }).__benchProgress;
  sink?.(p);
}

async function run(request: BenchRequest): Promise<BenchResult[]> {
  // "all" means every variant this page knows, serial first, in registry order.
  const ids = request.variants.includes('all') ? (await list()).map((v) => v.id) : [...request.variants];
  const parallel = new Set(ids.filter((id) => PARALLEL_IDS.includes(id)));
  const serialIds = ids.filter((id) => !parallel.has(id));
  const byId = new Map<string, BenchResult>();

  if (serialIds.length > 0) {
    const results = await runSerial({ ...request, variants: serialIds }, { onProgress: report });
    results.forEach((r, k) => byId.set(serialIds[k], r));
  }
  if (parallel.size > 0) {
    const parallelRequest = { ...request, variants: [...parallel] };
    let results: BenchResult[];
    if (runParallel) {
      results = await runParallel(parallelRequest, report);
    } else {
      const env = await benchEnvironment();
      const reason = 'parallel variants are not wired into the bench page yet (see src/cli/bench-page.ts)';
      results = parallelRequest.variants.map((id) => notRun(request, id, env, reason));
    }
    results.forEach((r, k) => byId.set(parallelRequest.variants[k], r));
  }
  // Results in the order asked; an id repeated in the request is measured once.
  return ids.map((id) => byId.get(id)!);
}

declare global {
  interface Window {
    __bench?: {
      ready: true;
      list: typeof list;
      run: typeof run;
      environment: () => Promise<Environment>;
    };
  }
}

window.__bench = { ready: true, list, run, environment: () => benchEnvironment() };
