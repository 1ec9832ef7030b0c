// The page `npm run bench` drives in headless Chromium. It exposes window.__bench and
// does no compute on its main thread: it calls the same runner as the slides' panels
// (serial variants in the bench worker, parallel ones on the worker pool, WebGPU
// ones in the GPU worker).
import type { BenchRequest, BenchResult, Environment, Progress } from '../bench/protocol.ts';
import { createBenchWorkers } from '../bench/runner.ts';
import { serialVariants } from '../kernels/registry.ts';
import { parallelVariants } from '../parallel/variants.ts';
import { gpuVariantInfos } from '../gpu/meta.ts';

function list(): { id: string; description: string }[] {
  return [...serialVariants, ...parallelVariants, ...gpuVariantInfos].map(({ id, description }) => ({ id, description }));
}

/** Progress goes to the CLI (stderr) when it asked for it. */
function report(p: Progress): void {
  const sink = (window as { __benchProgress?: (p: Progress) => void }).__benchProgress;
  sink?.(p);
}

// This page's composition root: its workers live as long as the page.
const workers = createBenchWorkers();

async function run(request: BenchRequest): Promise<BenchResult[]> {
  // "all" means every variant, serial first, in lecture order.
  const variants = request.variants.includes('all') ? list().map((v) => v.id) : [...request.variants];
  return workers.run({ ...request, variants }, { onProgress: report });
}

declare global {
  interface Window {
    __bench?: {
      ready: true;
      list: () => Promise<{ id: string; description: string }[]>;
      run: typeof run;
      environment: () => Promise<Environment>;
    };
  }
}

window.__bench = { ready: true, list: async () => list(), run, environment: () => workers.serial.environment() };
