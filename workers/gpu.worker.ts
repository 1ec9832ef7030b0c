// The GPU bench worker: opens WebGPU inside the worker (navigator.gpu exists in
// dedicated workers) and runs the WebGPU variants through the common bench API,
// plus adapterInfo() for the env panel. It only adapts the API to messages.
import { probeEnvironment } from '../src/bench/environment.ts';
import { exposeBenchApi } from '../src/bench/expose.ts';
import { createBenchApi, type BenchApi } from '../src/bench/worker-api.ts';
import { navigatorGpu, type GpuLimits } from '../src/gpu/device.ts';
import { tilesFor } from '../src/gpu/matmul.ts';
import type { TileChoice } from '../src/gpu/tiles.ts';
import { gpuVariants, loadGpuContext, type GpuContext } from '../src/gpu/variants.ts';

/** What the adapter and device are, as plain data; or why there is no WebGPU here. */
export type GpuAdapterReport =
  | {
      readonly available: true;
      readonly vendor: string;
      readonly architecture: string;
      readonly description: string;
      readonly isFallbackAdapter: boolean;
      readonly shaderF16: boolean;
      readonly timestampQuery: boolean;
      /** The device's limits the tiles were chosen from. */
      readonly limits: GpuLimits;
      readonly tiles: TileChoice;
      /** Why the device was lost, if it was and no call has re-opened it yet. */
      readonly lost: string | null;
    }
  | { readonly available: false; readonly reason: string };

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

const api: GpuWorkerApi = {
  environment: () => bench.environment(),
  listVariants: () => bench.listVariants(),
  run: (request, onProgress) => bench.run(request, onProgress),
  async adapterInfo() {
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
  },
};

exposeBenchApi(api);
