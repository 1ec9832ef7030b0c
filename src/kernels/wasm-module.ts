// The compiled kernels as the variants see them: typed exports, one instance per
// variant, and placing the operands in linear memory. Pure: how the .wasm bytes
// are fetched is injected (src/wasm/load.ts in Vite, src/wasm/load-node.ts in Node).
import { arrayFor, bytesPer, type FloatArray } from './types.ts';
import type { VariantInputs } from './variant.ts';

/** Exports of src/wasm/assembly/matmul.ts (pointers are byte addresses). */
export interface MatmulExports {
  readonly memory: WebAssembly.Memory;
  reset(): void;
  /** A 16-byte aligned block, or 0 when memory cannot grow that far. */
  alloc(bytes: number): number;
  simdBuild(): number;
  dot_f64(a: number, b: number, n: number, l: number): number;
  dot_f32(a: number, b: number, n: number, l: number): number;
  matmul_f64(a: number, b: number, c: number, m: number, l: number, n: number): void;
  matmul_f32(a: number, b: number, c: number, m: number, l: number, n: number): void;
  matmul_scalar_f64(a: number, b: number, c: number, m: number, l: number, n: number): void;
  matmul_scalar_f32(a: number, b: number, c: number, m: number, l: number, n: number): void;
  matmul_simd_f64(a: number, b: number, c: number, m: number, l: number, n: number): void;
  matmul_simd_f32(a: number, b: number, c: number, m: number, l: number, n: number): void;
}

/** One instance: its memory holds the operands of the last set-up only. */
export interface WasmInstance {
  readonly exports: MatmulExports;
  /** Bumped by every set-up, so an older RunOnce can tell its data were replaced. */
  generation: number;
}

/**
 * Every WebAssembly variant owns an instance (and so a memory): a harness may set
 * up several variants before running them in interleaved rounds, and each set-up
 * resets its instance's allocator.
 */
export interface WasmKernels {
  readonly element: WasmInstance;
  readonly whole: WasmInstance;
  readonly scalar: WasmInstance;
  /** null when this engine cannot compile WebAssembly SIMD. */
  readonly simd: WasmInstance | null;
  /** Why `simd` is null. */
  readonly simdError: string | null;
}

export type WasmModuleName = 'matmul' | 'matmul-simd';
export type Instantiate = (name: WasmModuleName) => Promise<WebAssembly.Instance>;

function wrap(instance: WebAssembly.Instance): WasmInstance {
  return { exports: instance.exports as unknown as MatmulExports, generation: 0 };
}

export async function createWasmKernels(instantiate: Instantiate): Promise<WasmKernels> {
  const [element, whole, scalar] = await Promise.all([1, 2, 3].map(() => instantiate('matmul').then(wrap)));
  try {
    const simd = wrap(await instantiate('matmul-simd'));
    if (simd.exports.simdBuild() !== 1) throw new Error('matmul-simd.wasm was built without SIMD');
    return { element, whole, scalar, simd, simdError: null };
  } catch (error) {
    return { element, whole, scalar, simd: null, simdError: error instanceof Error ? error.message : String(error) };
  }
}

/** A, B and C in linear memory: pointers, C as a typed-array view, and a staleness check. */
export interface Placed {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly C: FloatArray;
  /** Throws when the instance was set up again since (the operands were overwritten). */
  assertCurrent(): void;
}

/** Untimed set-up: reset the instance's allocator and copy A and B into its memory. */
export function placeOperands(instance: WasmInstance, label: string, { A, B, shape, dtype }: VariantInputs): Placed {
  const { exports } = instance;
  const { m, l, n } = shape;
  const size = bytesPer(dtype);
  exports.reset();
  const a = exports.alloc(m * l * size);
  const b = a && exports.alloc(l * n * size);
  const c = b && exports.alloc(m * n * size);
  if (!c) {
    const mib = ((m * l + l * n + m * n) * size) / 2 ** 20;
    throw new Error(`${label}: WebAssembly memory cannot grow to hold ${mib.toFixed(1)} MiB of operands (the limit is 4 GiB)`);
  }
  const Ctor = arrayFor(dtype);
  new Ctor(exports.memory.buffer, a, m * l).set(A);
  new Ctor(exports.memory.buffer, b, l * n).set(B);
  const C = new Ctor(exports.memory.buffer, c, m * n);
  const generation = ++instance.generation;
  return {
    a, b, c, C,
    assertCurrent() {
      if (instance.generation !== generation) {
        throw new Error(`${label} was set up again; this run's operands in WebAssembly memory were replaced`);
      }
    },
  };
}
