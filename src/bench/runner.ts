// The one entry point that measures: serial ids go to the bench worker
// (client.ts), parallel ids to the dispatcher worker that owns the pool
// (parallel-client.ts), 'webgpu-*' ids to the GPU worker (gpu-client.ts). The
// page's thread only sends requests and receives plain results.
// A request mixing them is split into consecutive runs of one kind, in the
// order asked, and progress is renumbered so the viewer sees one sequence.
// createBenchWorkers() is called by a composition root (src/main.ts, the bench
// CLI page, a test), which owns the three workers and disposes them.
import type { BenchRequest, BenchResult, Progress } from './protocol.ts';
import { createSerialClient, type SerialClient } from './client.ts';
import { createGpuClient, type GpuClient } from './gpu-client.ts';
import { isGpuVariant } from '../gpu/meta.ts';
import { createParallelClient, type ParallelClient } from './parallel-client.ts';
import { isParallelVariant } from '../parallel/variants.ts';

export interface RunOptions {
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
}

type Runner = (request: BenchRequest, opts: RunOptions) => Promise<BenchResult[]>;

export type RunnerName = 'serial' | 'parallel' | 'gpu';

/** Which worker runs an id. Unknown ids go to the serial worker, whose harness reports them. Pure. */
export function runnerOf(id: string): RunnerName {
  return isGpuVariant(id) ? 'gpu' : isParallelVariant(id) ? 'parallel' : 'serial';
}

/** Consecutive groups of ids that share one runner, in request order. Pure. */
export function splitByRunner(variants: readonly string[]): { runner: RunnerName; variants: string[] }[] {
  const groups: { runner: RunnerName; variants: string[] }[] = [];
  for (const id of variants) {
    const runner = runnerOf(id);
    const last = groups[groups.length - 1];
    if (last && last.runner === runner) last.variants.push(id);
    else groups.push({ runner, variants: [id] });
  }
  return groups;
}

export type Runners = Readonly<Record<RunnerName, Runner>>;

/** What panels measure with: one call, whatever worker each id needs. */
export interface BenchRunner {
  run(request: BenchRequest, opts?: RunOptions): Promise<BenchResult[]>;
}

/** Runs `request` on `runners`, one group of ids after the other. */
export async function runAcross(runners: Runners, request: BenchRequest, opts: RunOptions = {}): Promise<BenchResult[]> {
  const groups = splitByRunner(request.variants);
  const total = request.variants.length;
  const out: BenchResult[] = [];
  let offset = 0;
  for (const group of groups) {
    opts.signal?.throwIfAborted();
    const run = runners[group.runner];
    const base = offset;
    const onProgress = opts.onProgress;
    const results = await run(
      { ...request, variants: group.variants },
      {
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(onProgress ? { onProgress: (p: Progress) => onProgress({ ...p, variantIndex: base + p.variantIndex, variantCount: total }) } : {}),
      },
    );
    out.push(...results);
    offset += group.variants.length;
  }
  return out;
}

/** The three measuring workers behind one runner, made and disposed together. */
export interface BenchWorkers extends BenchRunner {
  readonly serial: SerialClient;
  readonly parallel: ParallelClient;
  readonly gpu: GpuClient;
  /** Terminates every worker (the dispatcher's pool with it); later runs start fresh ones. */
  dispose(): void;
}

export function createBenchWorkers(): BenchWorkers {
  const serial = createSerialClient();
  const parallel = createParallelClient();
  const gpu = createGpuClient();
  const runners: Runners = { serial: serial.run, parallel: parallel.run, gpu: gpu.run };
  return {
    serial,
    parallel,
    gpu,
    run: (request, opts = {}) => runAcross(runners, request, opts),
    dispose() {
      serial.dispose();
      parallel.dispose();
      gpu.dispose();
    },
  };
}
