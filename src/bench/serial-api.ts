// The bench API over the serial variants, exactly as the bench worker exposes it.
// Kept out of the worker file so that tests can expose it on a MessageChannel.
import { serialVariants, type KernelContext } from '../kernels/registry.ts';
import { LIB_TFJS_ID, type TfjsHandle } from '../kernels/lib-tfjs.ts';
import { loadTfjs } from '../kernels/lib-tfjs-load.ts';
import { loadWasmKernels } from '../wasm/load.ts';
import { probeEnvironment } from './environment.ts';
import { createBenchApi, type BenchApi } from './worker-api.ts';

export interface SerialApiOptions {
  /** How TensorFlow.js is loaded for lib-tfjs (tests inject one); default: the Vite loader. */
  readonly loadTfjs?: () => Promise<TfjsHandle>;
}

export function createSerialBenchApi(now: () => number = () => performance.now(), options: SerialApiOptions = {}): BenchApi {
  const loadLibrary = options.loadTfjs ?? (() => loadTfjs());
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
    // TensorFlow.js (about 1 MB of JavaScript and wasm) only the first time a request
    // names lib-tfjs: the worker starts as fast as before for every other variant.
    async extendContext(ctx, request) {
      if (ctx.tfjs !== undefined || !request.variants.includes(LIB_TFJS_ID)) return ctx;
      try {
        return { ...ctx, tfjs: await loadLibrary(), tfjsError: null };
      } catch (e) {
        // lib-tfjs then refuses with this reason; the other variants are unaffected.
        console.warn('bench: TensorFlow.js unavailable:', e);
        const reason = e instanceof Error ? e.message || e.name : typeof e === 'object' && e && 'message' in e ? String(e.message) : String(e);
        return { ...ctx, tfjs: null, tfjsError: reason };
      }
    },
    now,
    probe: () => probeEnvironment(now),
  });
}
