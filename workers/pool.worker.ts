// One worker of the pool (src/pool/pool.ts). It implements the pool's contract
// (src/pool/protocol.ts) by adapting the pure task functions of src/parallel/ to
// comlink calls, and keeps, per worker, the operands a variant attached once
// (shared arrays, a wasm instance on shared memory).
import * as Comlink from 'comlink';
import type { PoolWorkerApi, RaceLoopRecord, RaceLoopSpec, WasmLayout } from '../src/pool/protocol.ts';
import { generateInputs } from '../src/data/generate.ts';
import { referenceProduct } from '../src/data/reference.ts';
import { arrayFor, type Dtype, type FloatArray, type Shape } from '../src/kernels/types.ts';
import { NOT_ATTACHED } from '../src/parallel/attach.ts';
import { raceLoop, RACE_SLOTS } from '../src/parallel/race-kernels.ts';
import { sharedCopy } from '../src/parallel/shared-arrays.ts';
import { elementsInto, packedDots, rowsInto } from '../src/parallel/tasks.ts';
import { PEAK_BARRIER } from '../src/parallel/peaks.ts';
import { measurePeak, type PeakOptions, type PeakProbe, type PeakResult } from '../src/kernels/peak.ts';
import type { SimdBuild, TunedParallelExports } from '../src/kernels/wasm-module.ts';
import { loadPeakProbe } from '../src/wasm/load.ts';
import initParallelWasm from '../src/wasm/build/parallel.wasm?init';
import initTunedParallel from '../src/wasm/build/tuned-parallel.wasm?init';
import initTunedParallelRelaxed from '../src/wasm/build/tuned-parallel-relaxed.wasm?init';

interface SharedOperands {
  readonly token: string;
  readonly A: FloatArray;
  readonly B: FloatArray;
  readonly C: FloatArray;
  readonly shape: Shape;
}

interface ParallelWasmExports {
  rowsF32(a: number, b: number, c: number, l: number, n: number, r0: number, r1: number): void;
  rowsF64(a: number, b: number, c: number, l: number, n: number, r0: number, r1: number): void;
}

interface WasmAttachment {
  readonly exports: ParallelWasmExports;
  readonly layout: WasmLayout;
}

interface TunedAttachment {
  readonly exports: TunedParallelExports;
  readonly layout: WasmLayout;
}

/**
 * Attachments by token. Several variants of one run keep their own C (so one
 * cannot spoil another's check), but only the last few stay: the page re-attaches
 * an evicted one (see src/parallel/attach.ts).
 */
const KEEP = 4;
const shared = new Map<string, SharedOperands>();
const wasm = new Map<string, WasmAttachment>();
const tuned = new Map<string, TunedAttachment>();

/** The peak probe of each build, loaded on first use and kept (it holds no data). */
const probes = new Map<boolean, Promise<PeakProbe>>();
function peakProbe(relaxed: boolean): Promise<PeakProbe> {
  let p = probes.get(relaxed);
  if (!p) {
    p = loadPeakProbe({ relaxed });
    probes.set(relaxed, p);
    p.catch(() => probes.delete(relaxed));
  }
  return p;
}

/** How long a worker waits for the others at the peak probe's gates before giving up. */
const PEAK_GATE_MS = 10_000;

function remember<T>(map: Map<string, T>, token: string, value: T): void {
  map.delete(token);
  map.set(token, value);
  while (map.size > KEEP) map.delete(map.keys().next().value as string);
}
let scratch = new Float64Array(0);

function accumulator(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(n);
  return scratch;
}

function operands(token: string): SharedOperands {
  const found = shared.get(token);
  if (found === undefined) throw new Error(`shared operands ${token} ${NOT_ATTACHED}`);
  return found;
}

const api: PoolWorkerApi = {
  /** First round trip: the worker's script is loaded and answering. */
  ping(): boolean {
    return true;
  },

  crossOriginIsolated(): boolean {
    return self.crossOriginIsolated === true;
  },

  /** pool-element: one c_ij per packed (row, column) pair; the result goes back by transfer. */
  elementChunk(rows: FloatArray, cols: FloatArray, l: number, count: number): FloatArray {
    const out = packedDots(rows, cols, l, new (arrayFor(rows instanceof Float32Array ? 'f32' : 'f64'))(count));
    return Comlink.transfer(out, [out.buffer]);
  },

  /** pool-row: a block of rows of A (and all of B) arrived by copy; returns that block of C. */
  rowChunk(aRows: FloatArray, B: FloatArray, shape: Shape): FloatArray {
    const out = new (arrayFor(aRows instanceof Float32Array ? 'f32' : 'f64'))(shape.m * shape.n);
    rowsInto(aRows, B, out, shape, 0, shape.m, accumulator(shape.n));
    return Comlink.transfer(out, [out.buffer]);
  },

  /** Shared variants: views on SharedArrayBuffers arrive once and stay (the structured clone shares them). */
  attachShared(token: string, A: FloatArray, B: FloatArray, C: FloatArray, shape: Shape): void {
    remember(shared, token, { token, A, B, C, shape });
  },

  sharedRows(token: string, r0: number, r1: number): void {
    const { A, B, C, shape } = operands(token);
    rowsInto(A, B, C, shape, r0, r1, accumulator(shape.n));
  },

  sharedElements(token: string, e0: number, e1: number): void {
    const { A, B, C, shape } = operands(token);
    elementsInto(A, B, C, shape, e0, e1);
  },

  /** parallel-wasm: instantiate the module on the page's shared memory (once per memory). */
  async attachWasm(token: string, memory: WebAssembly.Memory, layout: WasmLayout): Promise<void> {
    const instance = await initParallelWasm({ env: { memory } });
    remember(wasm, token, { exports: instance.exports as unknown as ParallelWasmExports, layout });
  },

  wasmRows(token: string, r0: number, r1: number): void {
    const found = wasm.get(token);
    if (found === undefined) throw new Error(`wasm memory ${token} ${NOT_ATTACHED}`);
    const { a, b, c, shape, dtype } = found.layout;
    const rows = dtype === 'f32' ? found.exports.rowsF32 : found.exports.rowsF64;
    rows(a, b, c, shape.l, shape.n, r0, r1);
  },

  /**
   * parallel-tuned: instantiate the tuned kernel's `build` on the page's shared memory
   * (once per memory). The dispatcher chose the build (src/parallel/tuned-support.ts);
   * a module that is not that build, or whose scratch the layout cannot hold, is refused.
   */
  async attachTuned(token: string, memory: WebAssembly.Memory, layout: WasmLayout, build: SimdBuild): Promise<void> {
    const init = build === 'relaxed-simd' ? initTunedParallelRelaxed : initTunedParallel;
    const exports = (await init({ env: { memory } })).exports as unknown as TunedParallelExports;
    if (exports.fmaBuild() !== (build === 'relaxed-simd' ? 1 : 0)) throw new Error(`parallel-tuned: the ${build} module reports fmaBuild() = ${exports.fmaBuild()}`);
    if (exports.scratchBytes() > layout.scratchBytes) {
      throw new Error(`parallel-tuned: the kernel needs ${exports.scratchBytes()} bytes of scratch, the layout gives ${layout.scratchBytes}`);
    }
    remember(tuned, token, { exports, layout });
  },

  /** parallel-tuned: rows [r0, r1) of C, packing into this call's scratch region `packBuf` (a byte offset of the layout). */
  tunedRows(token: string, r0: number, r1: number, packBuf: number): void {
    const found = tuned.get(token);
    if (found === undefined) throw new Error(`wasm memory ${token} ${NOT_ATTACHED}`);
    const { a, b, c, shape, dtype, scratch } = found.layout;
    if (!scratch.includes(packBuf)) throw new Error(`parallel-tuned: ${packBuf} is not one of the layout's scratch regions`);
    const rows = dtype === 'f32' ? found.exports.rowsTunedF32 : found.exports.rowsTunedF64;
    rows(a, b, c, shape.l, shape.n, r0, r1, packBuf);
  },

  /**
   * The peak probe on this worker while `workers` workers run it at once (src/parallel/peaks.ts):
   * check in at the start gate and spin until everyone has; measure; then keep the core
   * busy with the probe until every worker has finished measuring, so that no worker's
   * best call ran beside an idle neighbour (that would overstate the sum).
   */
  async peak(cells: Int32Array, workers: number, dtype: Dtype, relaxed: boolean, timing: Omit<PeakOptions, 'now'>): Promise<PeakResult> {
    let probe: PeakProbe | undefined;
    let failure: unknown;
    try {
      probe = await peakProbe(relaxed);
    } catch (e) {
      failure = e;
    }
    Atomics.add(cells, PEAK_BARRIER.ready, 1);
    if (probe === undefined) {
      Atomics.add(cells, PEAK_BARRIER.done, 1); // the others must not wait for this one
      throw failure;
    }
    const now = (): number => performance.now();
    const deadline = now() + PEAK_GATE_MS;
    while (Atomics.load(cells, PEAK_BARRIER.ready) < workers) {
      if (now() > deadline) {
        Atomics.add(cells, PEAK_BARRIER.done, 1);
        throw new Error(`peak probe: ${workers - Atomics.load(cells, PEAK_BARRIER.ready)} worker(s) did not start within ${PEAK_GATE_MS / 1000} s`);
      }
    }
    try {
      return measurePeak(probe.exports, dtype, { now, ...timing });
    } finally {
      Atomics.add(cells, PEAK_BARRIER.done, 1);
      const run = dtype === 'f64' ? probe.exports.peak_f64 : probe.exports.peak_f32;
      const stop = now() + PEAK_GATE_MS;
      while (Atomics.load(cells, PEAK_BARRIER.done) < workers && now() < stop) run(20_000);
    }
  },

  /** Drops attached operands so their memory can be freed. */
  detach(): void {
    shared.clear();
    wasm.clear();
    tuned.clear();
  },

  /** Message-cost demo: touch the data that arrived (first and last byte) and acknowledge. */
  receive(data: ArrayBuffer | SharedArrayBuffer): { byteLength: number; firstPlusLast: number } {
    const bytes = new Uint8Array(data);
    const firstPlusLast = (bytes.at(0) ?? 0) + (bytes.at(-1) ?? 0);
    return { byteLength: bytes.length, firstPlusLast };
  },

  /**
   * Race demo: every worker checks in, then spins on the start gate, so that all
   * loops start within a few nanoseconds of each other when the OS runs them
   * (a blocked Atomics.wait takes far longer to wake up than a chunk lasts).
   * Stamps use timeOrigin + now so the page can line up the workers' clocks.
   */
  race(cells: Int32Array, spec: RaceLoopSpec): RaceLoopRecord {
    Atomics.add(cells, RACE_SLOTS.ready, 1);
    Atomics.notify(cells, RACE_SLOTS.ready);
    while (Atomics.load(cells, RACE_SLOTS.go) === 0) {
      // spin: the page opens the gate as soon as everyone has checked in
    }
    return raceLoop(cells, spec, () => performance.timeOrigin + performance.now());
  },

  /**
   * Big case: generate the operands here, so the caller's thread never does it: into
   * SharedArrayBuffers when the caller may share, else handed back by transfer.
   */
  generate(shape: Shape, dtype: Dtype, seed: number, shared: boolean): { A: FloatArray; B: FloatArray } {
    const { A, B } = generateInputs(shape, dtype, seed);
    if (shared) return { A: sharedCopy(A, dtype), B: sharedCopy(B, dtype) };
    return Comlink.transfer({ A, B }, [A.buffer as ArrayBuffer, B.buffer as ArrayBuffer]);
  },

  /** Big case: rows [r0, r1) of the float64 reference product, so several workers share that work too. */
  referenceRows(A: FloatArray, B: FloatArray, shape: Shape, r0: number, r1: number): Float64Array {
    const part = referenceProduct(A.subarray(r0 * shape.l, r1 * shape.l), B, { m: r1 - r0, l: shape.l, n: shape.n });
    return Comlink.transfer(part, [part.buffer]);
  },

  /** Keeps the worker busy for `ms` (tests of cancel). */
  spin(ms: number): number {
    const end = performance.now() + ms;
    let x = 0;
    while (performance.now() < end) x++;
    return x;
  },
};

Comlink.expose(api);
