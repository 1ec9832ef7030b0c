// The one entry point widgets call to measure: serial ids go to the bench
// worker (client.ts), parallel ids to the dispatcher worker that owns the pool
// (parallel-client.ts). The page's thread only sends requests and receives
// plain results.
// A request mixing both is split into consecutive runs of one kind, in the
// order asked, and progress is renumbered so the viewer sees one sequence.
import type { BenchRequest, BenchResult, Progress } from './protocol.ts';
import { runSerial } from './client.ts';
import { runParallelOffPage } from './parallel-client.ts';
import { isParallelVariant } from '../parallel/variants.ts';

export interface RunOptions {
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
}

type Runner = (request: BenchRequest, opts: RunOptions) => Promise<BenchResult[]>;

/** Consecutive groups of ids that share one runner, in request order. Pure. */
export function splitByRunner(variants: readonly string[]): { parallel: boolean; variants: string[] }[] {
  const groups: { parallel: boolean; variants: string[] }[] = [];
  for (const id of variants) {
    const parallel = isParallelVariant(id);
    const last = groups[groups.length - 1];
    if (last && last.parallel === parallel) last.variants.push(id);
    else groups.push({ parallel, variants: [id] });
  }
  return groups;
}

export async function runBench(request: BenchRequest, opts: RunOptions = {}): Promise<BenchResult[]> {
  const groups = splitByRunner(request.variants);
  const total = request.variants.length;
  const out: BenchResult[] = [];
  let offset = 0;
  for (const group of groups) {
    opts.signal?.throwIfAborted();
    const run: Runner = group.parallel ? runParallelOffPage : runSerial;
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
