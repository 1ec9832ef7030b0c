// The bench API over the serial variants, exactly as the bench worker exposes it.
// Kept out of the worker file so that tests can expose it on a MessageChannel.
import { serialVariants, type KernelContext } from '../kernels/registry.ts';
import { LIB_TFJS_ID, type TfjsHandle } from '../kernels/lib-tfjs.ts';
import { loadTfjs } from '../kernels/lib-tfjs-load.ts';
import { loadPeakProbe, loadWasmKernels } from '../wasm/load.ts';
import { measurePeak } from '../kernels/peak.ts';
import { probeEnvironment } from './environment.ts';
import { combinePeaks, PEAK_TIMING } from './peaks.ts';
import type { MeasuredPeaks } from './protocol.ts';
import { createBenchApi, type BenchApi } from './worker-api.ts';

export interface SerialApiOptions {
  /** How TensorFlow.js is loaded for lib-tfjs (tests inject one); default: the Vite loader. */
  readonly loadTfjs?: () => Promise<TfjsHandle>;
  /** How this thread's peaks are measured (tests may inject); default: measureThreadPeaks. */
  readonly peaks?: () => Promise<MeasuredPeaks | null>;
}

/**
 * This thread's four peak figures (FMA and plain, f32 and f64): the relaxed probe
 * where it compiles (else its figures are the plain ones, fma false), and the plain
 * probe. null without WebAssembly SIMD (nothing to compare with).
 */
export async function measureThreadPeaks(now: () => number = () => performance.now()): Promise<MeasuredPeaks | null> {
  let relaxed, plain;
  try {
    [relaxed, plain] = await Promise.all([loadPeakProbe(), loadPeakProbe({ relaxed: false })]);
  } catch (e) {
    console.warn('bench: the peak probe does not load here:', e);
    return null;
  }
  const opts = { now, ...PEAK_TIMING };
  return combinePeaks([
    {
      f32: measurePeak(relaxed.exports, 'f32', opts),
      f64: measurePeak(relaxed.exports, 'f64', opts),
      f32Plain: measurePeak(plain.exports, 'f32', opts),
      f64Plain: measurePeak(plain.exports, 'f64', opts),
    },
  ]);
}

export function createSerialBenchApi(now: () => number = () => performance.now(), options: SerialApiOptions = {}): BenchApi {
  const loadLibrary = options.loadTfjs ?? (() => loadTfjs());
  return createBenchApi<KernelContext>({
    variants: serialVariants,
    async loadContext({ forcePlainSimd }) {
      try {
        // forcePlainSimd (tests): the tuned kernel's plain-SIMD fallback even where relaxed SIMD compiles.
        return { wasm: await loadWasmKernels({ relaxed: !forcePlainSimd }) };
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
    peaks: options.peaks ?? (() => measureThreadPeaks(now)),
  });
}
