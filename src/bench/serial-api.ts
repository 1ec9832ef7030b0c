// The bench API over the serial variants, exactly as the bench worker exposes it.
// Kept out of the worker file so that tests can expose it on a MessageChannel.
import { serialVariants, type KernelContext } from '../kernels/registry.ts';
import { loadWasmKernels } from '../wasm/load.ts';
import { probeEnvironment } from './environment.ts';
import { createBenchApi, type BenchApi } from './worker-api.ts';

export function createSerialBenchApi(now: () => number = () => performance.now()): BenchApi {
  return createBenchApi<KernelContext>({
    variants: serialVariants,
    async loadContext() {
      try {
        return { wasm: await loadWasmKernels() };
      } catch (e) {
        // The JS variants still run; the wasm ones refuse in setup with their own reason.
        console.warn('bench: WebAssembly kernels unavailable:', e);
        return { wasm: null };
      }
    },
    now,
    probe: () => probeEnvironment(now),
  });
}
