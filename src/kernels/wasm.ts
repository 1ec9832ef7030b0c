// Sections 3.1 and 3.2: the WebAssembly variants. Set-up copies A and B into the
// variant's own linear memory (untimed); the timed call runs compiled code and
// returns C as a view of that memory. Pure: the instances come in the context.
import { assertInputs, BOTH_DTYPES } from './define.ts';
import type { KernelContext } from './context.ts';
import { bytesPer, operandBytes, type FloatArray, type Shape } from './types.ts';
import type { RunOnce, Variant } from './variant.ts';
import { placeOperands, type MatmulExports, type WasmInstance, type WasmKernels } from './wasm-module.ts';

type Dot = (a: number, b: number, n: number, l: number) => number;

// #region wasm-element
/** JS loops over i and j; each element is one call of the compiled dot product. */
export function wasmElementMatMul(dot: Dot, a: number, b: number, C: FloatArray, size: number, { m, l, n }: Shape): FloatArray {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      C[i * n + j] = dot(a + i * l * size, b + j * size, n, l); // pointers are byte addresses
    }
  }
  return C;
}
// #endregion wasm-element

type Whole = MatmulExports['matmul_f64'];

function kernels(ctx: KernelContext, id: string): WasmKernels {
  if (!ctx.wasm) throw new Error(`${id}: the WebAssembly kernels are not loaded here`);
  return ctx.wasm;
}

/** A variant whose timed call is one compiled function over the whole product. */
function wholeVariant(
  id: string, description: string, section: string,
  pick: (wasm: WasmKernels) => WasmInstance,
  entry: (exports: MatmulExports, dtype: 'f64' | 'f32') => Whole,
): Variant<KernelContext> {
  return {
    id, description, section,
    dtypes: BOTH_DTYPES,
    // Copies of A, B and C in linear memory.
    extraBytes: operandBytes,
    setup(inputs, ctx): RunOnce {
      assertInputs(inputs);
      const instance = pick(kernels(ctx, id));
      const { a, b, c, C, assertCurrent } = placeOperands(instance, id, inputs);
      const run = entry(instance.exports, inputs.dtype);
      const { m, l, n } = inputs.shape;
      return () => {
        assertCurrent();
        run(a, b, c, m, l, n);
        return C;
      };
    },
  };
}

export const wasmElement: Variant<KernelContext> = {
  id: 'wasm-element',
  description: 'JS loops over i and j call a compiled WebAssembly dot product per element',
  section: '3.1',
  dtypes: BOTH_DTYPES,
  extraBytes: operandBytes, // A, B and C again in linear memory
  setup(inputs, ctx): RunOnce {
    assertInputs(inputs);
    const instance = kernels(ctx, 'wasm-element').element;
    const { a, b, C, assertCurrent } = placeOperands(instance, 'wasm-element', inputs);
    const dot = inputs.dtype === 'f64' ? instance.exports.dot_f64 : instance.exports.dot_f32;
    const size = bytesPer(inputs.dtype);
    return () => {
      assertCurrent();
      return wasmElementMatMul(dot, a, b, C, size, inputs.shape);
    };
  },
};

export const wasmWhole = wholeVariant(
  'wasm-whole',
  'the whole naive i-j-k product compiled to WebAssembly',
  '3.1',
  (wasm) => wasm.whole,
  (exports, dtype) => (dtype === 'f64' ? exports.matmul_f64 : exports.matmul_f32),
);

export const wasmScalar = wholeVariant(
  'wasm-scalar',
  'WebAssembly, blocks of 4 rows × 2 columns in registers: the scalar twin of wasm-simd',
  '3.2',
  (wasm) => wasm.scalar,
  (exports, dtype) => (dtype === 'f64' ? exports.matmul_scalar_f64 : exports.matmul_scalar_f32),
);

export const wasmSimd = wholeVariant(
  'wasm-simd',
  'WebAssembly SIMD (f32x4 / f64x2), blocks of 4 rows × 2 vectors in registers',
  '3.2',
  (wasm) => {
    if (!wasm.simd) throw new Error(`wasm-simd: this browser cannot run WebAssembly SIMD (${wasm.simdError ?? 'unknown reason'})`);
    return wasm.simd;
  },
  (exports, dtype) => (dtype === 'f64' ? exports.matmul_simd_f64 : exports.matmul_simd_f32),
);
