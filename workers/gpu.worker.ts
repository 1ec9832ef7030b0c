// The GPU bench worker: opens WebGPU inside the worker (navigator.gpu exists in
// dedicated workers) and runs the WebGPU variants through the common bench API,
// plus adapterInfo() for the env view. It only adapts the API to messages, and
// stamps each result with the adapter it ran on (and the software note on a fallback).
import { probeEnvironment } from '../src/bench/environment.ts';
import { exposeBenchApi } from '../src/bench/expose.ts';
import { createBenchApi, type BenchApi } from '../src/bench/worker-api.ts';
import { navigatorGpu } from '../src/gpu/device.ts';
import { tilesFor } from '../src/gpu/matmul.ts';
import { stampAdapter, type GpuAdapterReport } from '../src/gpu/meta.ts';
import { gpuVariants, loadGpuContext, type GpuContext } from '../src/gpu/variants.ts';

export type { GpuAdapterReport };

export interface GpuWorkerApi extends BenchApi {
  adapterInfo(): Promise<GpuAdapterReport>;
}

// Opened once, shared by adapterInfo() and the runs.
let context: Promise<GpuContext> | undefined;
const loadContext = (): Promise<GpuContext> => (context ??= loadGpuContext(navigatorGpu()));
const now = (): number => performance.now();

const bench = createBenchApi<GpuContext>({
  variants: gpuVariants,
  loadContext,
  now,
  probe: () => probeEnvironment(now),
});

async function adapterInfo(): Promise<GpuAdapterReport> {
  const { gpu } = await loadContext();
  if (!gpu.available) return { available: false, reason: gpu.reason };
  const { info } = gpu;
  return {
    available: true,
    vendor: info.vendor,
    architecture: info.architecture,
    description: info.description,
    isFallbackAdapter: info.isFallbackAdapter,
    shaderF16: info.features.shaderF16,
    timestampQuery: info.features.timestampQuery,
    limits: { ...info.limits },
    tiles: tilesFor(gpu),
    lost: gpu.lost,
  };
}

const api: GpuWorkerApi = {
  environment: () => bench.environment(),
  listVariants: () => bench.listVariants(),
  // GPU results are not compared with a CPU peak: null.
  peaks: () => bench.peaks(),
  async run(request, onProgress) {
    const results = await bench.run(request, onProgress);
    return stampAdapter(results, await adapterInfo());
  },
  adapterInfo,
};

exposeBenchApi(api);
