// The compiled kernels as the variants see them: typed exports, one instance per
// variant, and placing the operands in linear memory. Pure: how the .wasm bytes
// are fetched is injected (src/wasm/load.ts in Vite, src/wasm/load-node.ts in Node).
import { arrayFor, bytesPer, operandBytes, type FloatArray } from './types.ts';
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

/** What placeOperands needs from a module: its memory and its bump allocator. */
export interface AllocExports {
  readonly memory: WebAssembly.Memory;
  reset(): void;
  /** A 16-byte aligned block, or 0 when memory cannot grow that far. */
  alloc(bytes: number): number;
}

type Gemm = (a: number, b: number, c: number, m: number, l: number, n: number) => void;
/** pack_b_*(b, n, k0, kc, j0, nc, dst): B[k0..k0+kc) × [j0..j0+nc) as the micro-kernel reads it. */
type PackB = (b: number, n: number, k0: number, kc: number, j0: number, nc: number, dst: number) => void;

/** Exports of src/wasm/assembly/tuned.ts (tuned.wasm and tuned-relaxed.wasm). */
export interface TunedExports extends AllocExports {
  /** 1 in tuned-relaxed.wasm (relaxed_madd), 0 in tuned.wasm (mul + add). */
  fmaBuild(): number;
  tuned_f32: Gemm;
  tuned_f64: Gemm;
  pack_b_f32: PackB;
  pack_b_f64: PackB;
  /** Bytes reset() reserves for the packed blocks: TUNED_SCRATCH_BYTES. */
  scratchBytes(): number;
  /** Rows of the register tile (5). */
  tileM(): number;
  /** Columns of the register tile and of a packed B panel: 8 (f32), 4 (f64). */
  tileN_f32(): number;
  tileN_f64(): number;
  /** k per pass (256). */
  blockK(): number;
  /** Columns per packed block of B: 512 (f32), 256 (f64). */
  blockN_f32(): number;
  blockN_f64(): number;
}

/**
 * Exports of src/wasm/assembly/tuned-parallel.ts (tuned-parallel.wasm and
 * tuned-parallel-relaxed.wasm), instantiated on an imported shared memory.
 * rowsTuned*(a, b, c, l, n, r0, r1, packBuf): rows r0…r1−1 of C, packing into this
 * worker's own scratch at byte offset packBuf (scratchBytes() bytes, 16-aligned).
 */
export interface TunedParallelExports {
  fmaBuild(): number;
  scratchBytes(): number;
  rowsTunedF32(a: number, b: number, c: number, l: number, n: number, r0: number, r1: number, packBuf: number): void;
  rowsTunedF64(a: number, b: number, c: number, l: number, n: number, r0: number, r1: number, packBuf: number): void;
}

/** Bytes of scratch tuned-core.ts needs (packed B block 512 KiB + packed A block 60 × 256 f64 + an edge tile). */
export const TUNED_SCRATCH_BYTES = 512 * 1024 + 60 * 256 * 8 + 256;

/** One instance: its memory holds the operands of the last set-up only. */
export interface WasmInstance<E extends AllocExports = MatmulExports> {
  readonly exports: E;
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
  /** The tuned kernel (section 3.2): null when neither of its builds compiles here. */
  readonly tuned: TunedKernels | null;
  /** Why `tuned` is null. */
  readonly tunedError: string | null;
}

/** Which build of a kernel runs: with relaxed SIMD's fused multiply-add, or plain SIMD (mul + add). */
export type SimdBuild = 'relaxed-simd' | 'simd';

export interface TunedKernels {
  readonly instance: WasmInstance<TunedExports>;
  readonly build: SimdBuild;
  /** Why the relaxed build is not the one running (null when it is). */
  readonly fallbackReason: string | null;
}

export type WasmModuleName = 'matmul' | 'matmul-simd' | 'tuned' | 'tuned-relaxed';
export type Instantiate = (name: WasmModuleName) => Promise<WebAssembly.Instance>;

export interface WasmKernelOptions {
  /** false: do not even try the relaxed-SIMD builds (forces the plain-SIMD fallback). Default true. */
  readonly relaxed?: boolean;
}

function wrap<E extends AllocExports = MatmulExports>(instance: WebAssembly.Instance): WasmInstance<E> {
  return { exports: instance.exports as unknown as E, generation: 0 };
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Feature detection by instantiation: try `relaxedName` (unless turned off), and
 * fall back to `plainName` when it does not compile. `check` rejects a module
 * whose fmaBuild() is not what its name says.
 */
export async function instantiateBest<N extends string>(
  instantiate: (name: N) => Promise<WebAssembly.Instance>,
  relaxedName: N, plainName: N, relaxed: boolean,
): Promise<{ instance: WebAssembly.Instance; build: SimdBuild; fallbackReason: string | null }> {
  const fma = (instance: WebAssembly.Instance): number => (instance.exports.fmaBuild as () => number)();
  let fallbackReason = 'relaxed SIMD turned off';
  if (relaxed) {
    try {
      const instance = await instantiate(relaxedName);
      if (fma(instance) !== 1) throw new Error(`${relaxedName}.wasm was built without relaxed SIMD`);
      return { instance, build: 'relaxed-simd', fallbackReason: null };
    } catch (error) {
      fallbackReason = reason(error);
    }
  }
  const instance = await instantiate(plainName);
  if (fma(instance) !== 0) throw new Error(`${plainName}.wasm was built with relaxed SIMD`);
  return { instance, build: 'simd', fallbackReason };
}

async function loadTuned(instantiate: Instantiate, relaxed: boolean): Promise<Pick<WasmKernels, 'tuned' | 'tunedError'>> {
  try {
    const { instance, build, fallbackReason } = await instantiateBest(instantiate, 'tuned-relaxed', 'tuned', relaxed);
    return { tuned: { instance: wrap<TunedExports>(instance), build, fallbackReason }, tunedError: null };
  } catch (error) {
    return { tuned: null, tunedError: reason(error) };
  }
}

export async function createWasmKernels(instantiate: Instantiate, options: WasmKernelOptions = {}): Promise<WasmKernels> {
  const matmul = () => instantiate('matmul').then((i) => wrap(i));
  const [element, whole, scalar] = await Promise.all([matmul(), matmul(), matmul()]);
  const tuned = await loadTuned(instantiate, options.relaxed ?? true);
  try {
    const simd = wrap(await instantiate('matmul-simd'));
    if (simd.exports.simdBuild() !== 1) throw new Error('matmul-simd.wasm was built without SIMD');
    return { element, whole, scalar, simd, simdError: null, ...tuned };
  } catch (error) {
    return { element, whole, scalar, simd: null, simdError: reason(error), ...tuned };
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
export function placeOperands(instance: WasmInstance<AllocExports>, label: string, { A, B, shape, dtype }: VariantInputs): Placed {
  const { exports } = instance;
  const { m, l, n } = shape;
  const size = bytesPer(dtype);
  exports.reset();
  const a = exports.alloc(m * l * size);
  const b = a && exports.alloc(l * n * size);
  const c = b && exports.alloc(m * n * size);
  if (!c) {
    const mib = operandBytes(shape, dtype) / 2 ** 20;
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
