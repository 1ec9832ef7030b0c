// The tuned kernel (section 3.2): its packed layout, its results in both builds
// (relaxed-SIMD FMA and plain SIMD) and both dtypes, the shared-memory version,
// and the peak probe. The unit project runs Node with --experimental-wasm-relaxed-simd.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkResult } from '../../src/check/allclose.ts';
import { generateInputs } from '../../src/data/generate.ts';
import { referenceProduct } from '../../src/data/reference.ts';
import { measurePeak, type PeakExports, type PeakProbe } from '../../src/kernels/peak.ts';
import { findSerialVariant, serialVariants, type KernelContext } from '../../src/kernels/registry.ts';
import { tuned } from '../../src/kernels/tuned.ts';
import { arrayFor, bytesPer, type Dtype, type FloatArray, type Shape } from '../../src/kernels/types.ts';
import {
  createWasmKernels,
  TUNED_SCRATCH_BYTES,
  type TunedExports,
  type TunedParallelExports,
  type WasmKernels,
} from '../../src/kernels/wasm-module.ts';
import { loadWasmKernels } from '../../src/wasm/load.ts';
import { loadPeakProbeNode, loadWasmKernelsNode } from '../../src/wasm/load-node.ts';

const SIZES = [1, 3, 7, 13, 17, 33, 65]; // none a multiple of the 5×8 / 5×4 tile
const dtypes: Dtype[] = ['f32', 'f64'];
const buildDir = new URL('../../src/wasm/build/', import.meta.url);

async function fromFile(name: string): Promise<WebAssembly.Instance> {
  return (await WebAssembly.instantiate(await readFile(new URL(`${name}.wasm`, buildDir)), {})).instance;
}

function sync(result: FloatArray | Promise<FloatArray>): FloatArray {
  if (result instanceof Promise) throw new Error('a serial variant returned a promise');
  return result;
}

let relaxed: WasmKernels;
let plain: WasmKernels;
beforeAll(async () => {
  relaxed = await loadWasmKernels();
  plain = await loadWasmKernels({ relaxed: false });
});

describe('loading the tuned kernel', () => {
  it('uses the relaxed-SIMD build when it compiles, and can be forced to plain SIMD', () => {
    expect(relaxed.tuned).not.toBeNull();
    expect(relaxed.tunedError).toBeNull();
    expect(relaxed.tuned!.build).toBe('relaxed-simd');
    expect(relaxed.tuned!.fallbackReason).toBeNull();
    expect(relaxed.tuned!.instance.exports.fmaBuild()).toBe(1);
    expect(plain.tuned!.build).toBe('simd');
    expect(plain.tuned!.fallbackReason).toBe('relaxed SIMD turned off');
    expect(plain.tuned!.instance.exports.fmaBuild()).toBe(0);
  });

  it('loads the same way in plain Node (load-node.ts)', async () => {
    const node = await loadWasmKernelsNode();
    expect(node.tuned!.build).toBe('relaxed-simd');
    expect((await loadWasmKernelsNode(undefined, { relaxed: false })).tuned!.build).toBe('simd');
  });

  it('falls back to plain SIMD with the reason when the relaxed build fails to instantiate', async () => {
    const kernels = await createWasmKernels(async (name) => {
      if (name === 'tuned-relaxed') throw new Error('CompileError: relaxed simd opcode not available');
      return fromFile(name);
    });
    expect(kernels.tuned!.build).toBe('simd');
    expect(kernels.tuned!.fallbackReason).toMatch(/relaxed simd opcode not available/);
    expect(kernels.simd).not.toBeNull();
  });

  it('is null with a reason when neither build compiles; the other kernels still load', async () => {
    const kernels = await createWasmKernels(async (name) => {
      if (name.startsWith('tuned')) throw new Error(`no ${name} here`);
      return fromFile(name);
    });
    expect(kernels.tuned).toBeNull();
    expect(kernels.tunedError).toBe('no tuned here');
    expect(kernels.simd).not.toBeNull();
    const shape = { m: 2, l: 2, n: 2 };
    const inputs = { ...generateInputs(shape, 'f32', 1), shape, dtype: 'f32' as const };
    expect(() => tuned.setup(inputs, { wasm: kernels })).toThrow(/cannot run the tuned WebAssembly SIMD kernel \(no tuned here\)/);
    expect(() => tuned.setup(inputs, { wasm: null })).toThrow(/not loaded/);
  });

  it('reports its blocking parameters and scratch size', () => {
    const e = relaxed.tuned!.instance.exports;
    expect([e.tileM(), e.tileN_f32(), e.tileN_f64(), e.blockK(), e.blockN_f32(), e.blockN_f64()]).toEqual([5, 8, 4, 256, 512, 256]);
    expect(e.scratchBytes()).toBe(TUNED_SCRATCH_BYTES);
  });
});

describe('the tuned variant', () => {
  it('sits right after wasm-simd in the registry, section 3.2, both dtypes', () => {
    const ids = serialVariants.map((v) => v.id);
    expect(ids.indexOf('tuned')).toBe(ids.indexOf('wasm-simd') + 1);
    expect(findSerialVariant('tuned')).toBe(tuned);
    expect(tuned.section).toBe('3.2');
    expect([...tuned.dtypes].sort()).toEqual(['f32', 'f64']);
    expect(tuned.description).toMatch(/packs B/);
    expect(tuned.description).toMatch(/register tile/);
    expect(tuned.description).toMatch(/FMA/);
  });

  it('says which build runs', () => {
    expect(tuned.build!({ wasm: relaxed })).toBe('relaxed-simd');
    expect(tuned.build!({ wasm: plain })).toBe('simd');
  });

  it('counts its scratch in extraBytes', () => {
    expect(tuned.extraBytes({ m: 2, l: 3, n: 4 }, 'f32')).toBe((6 + 12 + 8) * 4 + TUNED_SCRATCH_BYTES);
  });

  for (const [label, kernels] of [['relaxed SIMD (FMA)', () => relaxed], ['plain SIMD', () => plain]] as const) {
    it.each(dtypes)(`matches the float64 reference on every odd shape, ${label} (%s)`, (dtype) => {
      const ctx: KernelContext = { wasm: kernels() };
      let index = 0;
      for (const m of SIZES) for (const l of SIZES) for (const n of SIZES) {
        const shape = { m, l, n };
        const { A, B } = generateInputs(shape, dtype, 500 + index++);
        const C = sync(tuned.setup({ A, B, shape, dtype }, ctx)());
        expect(C).toBeInstanceOf(arrayFor(dtype));
        const check = checkResult(C, referenceProduct(A, B, shape), shape, dtype);
        if (!check.correct) expect(check, `${m}×${l}×${n}`).toMatchObject({ correct: true, mismatches: 0 });
      }
    });

    it.each(dtypes)(`crosses the k, n and m blocks (l > 256, n > 512, m > 60) and handles l = 0, ${label} (%s)`, (dtype) => {
      const ctx: KernelContext = { wasm: kernels() };
      const shapes: Shape[] = [{ m: 70, l: 300, n: 530 }, { m: 129, l: 513, n: 9 }, { m: 5, l: 1, n: 1025 }, { m: 2, l: 0, n: 3 }];
      for (const [index, shape] of shapes.entries()) {
        const { A, B } = generateInputs(shape, dtype, 900 + index);
        const run = tuned.setup({ A, B, shape, dtype }, ctx);
        sync(run());
        const C = sync(run()); // a second call overwrites, it does not accumulate
        const check = checkResult(C, referenceProduct(A, B, shape), shape, dtype);
        expect(check, `${shape.m}×${shape.l}×${shape.n}`).toMatchObject({ correct: true, mismatches: 0 });
      }
    });
  }

  it('computes a hand-worked product exactly in both builds', () => {
    const shape = { m: 2, l: 2, n: 2 };
    for (const wasm of [relaxed, plain]) {
      const run = tuned.setup({ A: new Float64Array([1, 2, 3, 4]), B: new Float64Array([5, 6, 7, 8]), shape, dtype: 'f64' }, { wasm });
      expect(Array.from(sync(run()))).toEqual([19, 22, 43, 50]);
    }
  });
});

describe('pack_b: the packed layout of B', () => {
  /** Reads the packed panels back into a kc × nc block (row-major), checking the zero padding. */
  function unpack(P: FloatArray, kc: number, nc: number, nr: number): number[] {
    const out: number[] = new Array(kc * nc).fill(NaN);
    const panels = Math.ceil(nc / nr);
    for (let p = 0; p < panels; p++) {
      for (let k = 0; k < kc; k++) {
        for (let j = 0; j < nr; j++) {
          const v = P[(p * kc + k) * nr + j]!;
          const col = p * nr + j;
          if (col < nc) out[k * nc + col] = v;
          else if (v !== 0) throw new Error(`padding at panel ${p}, k ${k}, lane ${j} is ${v}`);
        }
      }
    }
    return out;
  }

  for (const dtype of dtypes) {
    it(`round-trips on odd shapes, whole B and sub-blocks (${dtype})`, () => {
      const e: TunedExports = relaxed.tuned!.instance.exports;
      const pack = dtype === 'f64' ? e.pack_b_f64 : e.pack_b_f32;
      const nr = dtype === 'f64' ? e.tileN_f64() : e.tileN_f32();
      const size = bytesPer(dtype);
      const Ctor = arrayFor(dtype);
      for (const l of SIZES) for (const n of SIZES) {
        const { B } = generateInputs({ m: 1, l, n }, dtype, l * 100 + n);
        // Whole B, then the block k ∈ [l/3, l), j ∈ [n/2, n).
        for (const [k0, j0] of [[0, 0], [Math.floor(l / 3), Math.floor(n / 2)]] as const) {
          const kc = l - k0;
          const nc = n - j0;
          const packedLength = kc * Math.ceil(nc / nr) * nr;
          e.reset();
          const b = e.alloc(l * n * size);
          const dst = e.alloc((packedLength + 4) * size);
          new Ctor(e.memory.buffer, b, l * n).set(B);
          const P = new Ctor(e.memory.buffer, dst, packedLength + 4);
          P.fill(-1); // canaries after the packed block must survive
          pack(b, n, k0, kc, j0, nc, dst);
          const expected: number[] = [];
          for (let k = k0; k < l; k++) for (let j = j0; j < n; j++) expected.push(B[k * n + j]!);
          expect(unpack(P, kc, nc, nr), `${l}×${n} from (${k0}, ${j0})`).toEqual(expected);
          expect(Array.from(P.subarray(packedLength))).toEqual([-1, -1, -1, -1]);
        }
      }
    });
  }
});

describe('tuned-parallel: rows of C on a shared memory', () => {
  async function instantiate(name: string, memory: WebAssembly.Memory): Promise<TunedParallelExports> {
    const bytes = await readFile(new URL(`${name}.wasm`, buildDir));
    const { instance } = await WebAssembly.instantiate(bytes, { env: { memory } });
    return instance.exports as unknown as TunedParallelExports;
  }

  for (const [name, fma] of [['tuned-parallel-relaxed', 1], ['tuned-parallel', 0]] as const) {
    it.each(dtypes)(`${name}: two "workers" (two instances, one memory) compute disjoint rows (%s)`, async (dtype) => {
      const shape = { m: 67, l: 259, n: 521 };
      const { m, l, n } = shape;
      const size = bytesPer(dtype);
      const Ctor = arrayFor(dtype);
      const align = (x: number) => Math.ceil(x / 16) * 16;
      const scratch = (await instantiate(name, new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true }))).scratchBytes();
      const a = 65536;
      const b = align(a + m * l * size);
      const c = align(b + l * n * size);
      const pack0 = align(c + m * n * size);
      const pack1 = pack0 + align(scratch);
      const pages = Math.ceil((pack1 + scratch) / 65536);
      const memory = new WebAssembly.Memory({ initial: pages, maximum: 65536, shared: true });
      const [w0, w1] = await Promise.all([instantiate(name, memory), instantiate(name, memory)]);
      expect(w0.fmaBuild()).toBe(fma);
      const { A, B } = generateInputs(shape, dtype, 77);
      new Ctor(memory.buffer, a, m * l).set(A);
      new Ctor(memory.buffer, b, l * n).set(B);
      const C = new Ctor(memory.buffer, c, m * n);
      C.fill(NaN);
      const rows = dtype === 'f64' ? ([w0.rowsTunedF64, w1.rowsTunedF64] as const) : ([w0.rowsTunedF32, w1.rowsTunedF32] as const);
      rows[0](a, b, c, l, n, 0, 31, pack0); // a split that is not a multiple of the 5-row tile
      rows[1](a, b, c, l, n, 31, m, pack1);
      expect(checkResult(C, referenceProduct(A, B, shape), shape, dtype)).toMatchObject({ correct: true, mismatches: 0 });
    });
  }
});

describe('the peak probe', () => {
  it('computes GFLOP/s from the flops per iteration and an injected clock', () => {
    let clock = 0;
    let calls = 0;
    // A fake probe that "takes" 1 ns per iteration on the fake clock.
    const fake: PeakExports = {
      peak_f32: (iterations) => { calls++; clock += iterations * 1e-6; return iterations; },
      peak_f64: (iterations) => { calls++; clock += iterations * 2e-6; return iterations; },
      peakFlopsPerIteration_f32: () => 96,
      peakFlopsPerIteration_f64: () => 48,
      fmaBuild: () => 1,
    };
    const r32 = measurePeak(fake, 'f32', { now: () => clock, minMs: 50, repetitions: 3 });
    expect(r32.gflops).toBeCloseTo(96, 6);
    expect(r32).toMatchObject({ dtype: 'f32', fma: true });
    expect(r32.ms).toBeGreaterThanOrEqual(50);
    expect(calls).toBeLessThan(15);
    const r64 = measurePeak(fake, 'f64', { now: () => clock, minMs: 50, repetitions: 1 });
    expect(r64.gflops).toBeCloseTo(24, 6);
  });

  it('refuses a clock that never advances', () => {
    const fake: PeakExports = {
      peak_f32: () => 1, peak_f64: () => 1,
      peakFlopsPerIteration_f32: () => 96, peakFlopsPerIteration_f64: () => 48, fmaBuild: () => 0,
    };
    expect(() => measurePeak(fake, 'f32', { now: () => 0 })).toThrow(/clock did not advance/);
  });

  it('exports exact flops per iteration: 12 chains × lanes × (2 fused, 1 plain)', async () => {
    const probe = await loadPeakProbeNode();
    expect(probe.exports.fmaBuild()).toBe(1);
    expect(probe.exports.peakFlopsPerIteration_f32()).toBe(96);
    expect(probe.exports.peakFlopsPerIteration_f64()).toBe(48);
    expect(Number.isFinite(probe.exports.peak_f32(1000))).toBe(true);
    const plainProbe = await loadPeakProbeNode(undefined, { relaxed: false });
    expect(plainProbe.exports.fmaBuild()).toBe(0);
    expect(plainProbe.exports.peakFlopsPerIteration_f32()).toBe(48);
    expect(plainProbe.exports.peakFlopsPerIteration_f64()).toBe(24);
    expect(Number.isFinite(plainProbe.exports.peak_f64(1000))).toBe(true);
  });

  for (const [label, options, fma] of [['relaxed', {}, true], ['plain', { relaxed: false }, false]] as const) {
    it.each(dtypes)(`measures a finite positive figure with the real clock, ${label} build (%s)`, async (dtype) => {
      const probe: PeakProbe = await loadPeakProbeNode(undefined, options);
      expect(probe.build).toBe(fma ? 'relaxed-simd' : 'simd');
      const result = measurePeak(probe.exports, dtype, { now: () => performance.now(), minMs: 10, repetitions: 2 });
      expect(result.fma).toBe(fma);
      expect(result.dtype).toBe(dtype);
      expect(Number.isFinite(result.gflops)).toBe(true);
      expect(result.gflops).toBeGreaterThan(0.1);
    });
  }
});
