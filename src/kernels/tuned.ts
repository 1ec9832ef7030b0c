// Section 3.2: the tuned WebAssembly kernel. Set-up copies A and B into the
// kernel's own linear memory (untimed); the timed call packs B (and A) into
// panels, runs the 5×8 (f32) / 5×4 (f64) register micro-kernel over cache blocks,
// and returns C as a view of that memory. Uses the relaxed-SIMD build (fused
// multiply-add) when this engine compiled it, plain SIMD otherwise. Pure: the
// instance comes in the context. The kernel is src/wasm/assembly/tuned-core.ts.
import { assertInputs, BOTH_DTYPES } from './define.ts';
import type { KernelContext } from './context.ts';
import { operandBytes } from './types.ts';
import type { RunOnce, Variant } from './variant.ts';
import { placeOperands, TUNED_SCRATCH_BYTES, type TunedKernels } from './wasm-module.ts';

function tunedKernels(ctx: KernelContext): TunedKernels {
  if (!ctx.wasm) throw new Error('tuned: the WebAssembly kernels are not loaded here');
  if (!ctx.wasm.tuned) throw new Error(`tuned: this browser cannot run the tuned WebAssembly SIMD kernel (${ctx.wasm.tunedError ?? 'unknown reason'})`);
  return ctx.wasm.tuned;
}

// #region tuned
export const tuned: Variant<KernelContext> = {
  id: 'tuned',
  description: 'tuned WebAssembly SIMD: packs B into panels, a 5×8 register tile (f32; 5×4 f64), cache blocking, FMA (relaxed SIMD) where supported',
  section: '3.2',
  dtypes: BOTH_DTYPES,
  // Copies of A, B and C in linear memory, plus the packed blocks of B and A.
  extraBytes: (shape, dtype) => operandBytes(shape, dtype) + TUNED_SCRATCH_BYTES,
  setup(inputs, ctx): RunOnce {
    assertInputs(inputs);
    const { instance } = tunedKernels(ctx);
    const { a, b, c, C, assertCurrent } = placeOperands(instance, 'tuned', inputs);
    const run = inputs.dtype === 'f64' ? instance.exports.tuned_f64 : instance.exports.tuned_f32;
    const { m, l, n } = inputs.shape;
    return () => {
      assertCurrent();
      run(a, b, c, m, l, n);
      return C;
    };
  },
  /** 'relaxed-simd' (fused multiply-add) or 'simd' (mul + add): the build this context runs. */
  build: (ctx) => ctx.wasm?.tuned?.build ?? 'unavailable',
};
// #endregion tuned
