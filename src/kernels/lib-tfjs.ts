// The library row: what a well-tuned library reaches, as the notebook compared
// every step with numpy's `A @ B`.
// TensorFlow.js's WebAssembly backend multiplies through XNNPACK, a well-kept,
// hand-tuned kernel library. Set-up (untimed) copies A and B into the library's
// heap as two tensors; the timed call is `tf.matMul(a, b)` and reading C back
// (`dataSync()` copies it out of the heap into a fresh Float32Array, as numpy
// returns a new array), then disposes C.
//
// One thing the library does that our kernels do not: the first matMul with a
// given B creates an XNNPACK fully-connected operator with B as its "weights",
// packing B once, and later calls with the same B tensor reuse it. So the cold
// call pays for packing B and the timed calls do not (tuned packs B every call).
//
// Pure: the library comes in the context (src/kernels/lib-tfjs-load.ts loads it
// in the bench worker, lazily; src/kernels/lib-tfjs-load-node.ts in Node tests).
import { assertInputs } from './define.ts';
import type { KernelContext, TfjsHandle, TfjsTensor } from './context.ts';
import type { Dtype } from './types.ts';
import type { RunOnce, Variant } from './variant.ts';

export type { TfjsBinary, TfjsHandle, TfjsTensor } from './context.ts';

export const LIB_TFJS_ID = 'lib-tfjs';

const F64_REFUSAL =
  'lib-tfjs runs in float32 only: TensorFlow.js has no float64 tensors (its WebAssembly backend and XNNPACK multiply float32), so there is no f64 A @ B to measure';

function libraryOf(ctx: KernelContext): TfjsHandle {
  if (ctx.tfjs) return ctx.tfjs;
  if (ctx.tfjsError) throw new Error(`lib-tfjs: TensorFlow.js could not be loaded (${ctx.tfjsError})`);
  throw new Error('lib-tfjs: the library is not loaded here (TensorFlow.js is loaded by the bench worker when a request names lib-tfjs)');
}

/** The input tensors of the latest set-up, per library: disposed by the next set-up. */
const current = new WeakMap<TfjsHandle, { readonly a: TfjsTensor; readonly b: TfjsTensor }>();

/** Disposes the inputs the latest set-up left in the library's heap (and XNNPACK's packed B). */
export function releaseLibTfjs(tf: TfjsHandle): void {
  const inputs = current.get(tf);
  if (!inputs) return;
  inputs.a.dispose();
  inputs.b.dispose();
  current.delete(tf);
}

// #region lib-tfjs
export const libTfjs: Variant<KernelContext> = {
  id: LIB_TFJS_ID,
  description:
    "library row: TensorFlow.js WebAssembly backend (XNNPACK), the browser's answer to numpy's A @ B (f32 only; XNNPACK packs B once per set-up and reuses it)",
  section: '3.2',
  dtypes: ['f32'],
  dtypeRefusal: (dtype: Dtype) => (dtype === 'f64' ? F64_REFUSAL : `lib-tfjs does not support ${dtype} (only f32)`),
  // In the library's heap: copies of A and B, C, XNNPACK's packed copy of B; plus C read back into JS.
  extraBytes: ({ m, l, n }) => (m * l + 2 * l * n + 2 * m * n) * 4,
  setup(inputs, ctx): RunOnce {
    assertInputs(inputs);
    if (inputs.dtype !== 'f32') throw new Error(F64_REFUSAL);
    const { m, l, n } = inputs.shape;
    // XNNPACK rejects a fully-connected operator with 0 input channels and the
    // backend then returns C uninitialised: refuse rather than report its garbage.
    if (l === 0) throw new Error('lib-tfjs: TensorFlow.js cannot multiply with an empty inner dimension (l = 0): XNNPACK rejects it and C comes back uninitialised');
    const tf = libraryOf(ctx);
    releaseLibTfjs(tf); // the previous set-up's tensors: no heap left behind between runs
    const a = tf.tensor2d(inputs.A as Float32Array, m, l);
    const b = tf.tensor2d(inputs.B as Float32Array, l, n);
    current.set(tf, { a, b });
    return () => {
      if (a.isDisposed || b.isDisposed) throw new Error('lib-tfjs: its input tensors were disposed by a newer set-up; set up again');
      const c = tf.matMul(a, b);
      try {
        const C = c.dataSync();
        if (!(C instanceof Float32Array) || C.length !== m * n) throw new Error(`lib-tfjs: matMul returned ${String(C)} instead of ${m * n} float32 values`);
        return C;
      } finally {
        c.dispose();
      }
    };
  },
  /** e.g. 'xnnpack-simd, 1 thread': the wasm build and XNNPACK's thread count in this context. */
  build: (ctx) => (ctx.tfjs ? `xnnpack-${ctx.tfjs.binary}, ${ctx.tfjs.threads} thread${ctx.tfjs.threads === 1 ? '' : 's'}` : 'unavailable'),
};
// #endregion lib-tfjs
