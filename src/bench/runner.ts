// The one entry point widgets call to measure: serial ids go to the bench
// worker (client.ts), parallel ids to the dispatcher worker that owns the pool
// (parallel-client.ts), 'webgpu-*' ids to the GPU worker (gpu-client.ts). The
// page's thread only sends requests and receives plain results.
// A request mixing them is split into consecutive runs of one kind, in the
// order asked, and progress is renumbered so the viewer sees one sequence.
import type { BenchRequest, BenchResult, Progress } from './protocol.ts';
import { runSerial } from './client.ts';
import { runGpu } from './gpu-client.ts';
import { isGpuVariant } from '../gpu/meta.ts';
import { runParallelOffPage } from './parallel-client.ts';
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

const RUNNERS: Readonly<Record<RunnerName, Runner>> = { serial: runSerial, parallel: runParallelOffPage, gpu: runGpu };

export async function runBench(request: BenchRequest, opts: RunOptions = {}): Promise<BenchResult[]> {
  const groups = splitByRunner(request.variants);
  const total = request.variants.length;
  const out: BenchResult[] = [];
  let offset = 0;
  for (const group of groups) {
    opts.signal?.throwIfAborted();
    const run = RUNNERS[group.runner];
    const base = offset;
    const results = await run(
      { ...request, variants: group.variants },
      {
        signal: opts.signal,
        onProgress: opts.onProgress
          ? (p) => opts.onProgress!({ ...p, variantIndex: base + p.variantIndex, variantCount: total })
          : undefined,
      },
    );
    out.push(...results);
    offset += group.variants.length;
  }
  return out;
}
