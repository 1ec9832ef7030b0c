// What a pool worker answers: the contract between the calling side of the pool
// (src/pool/pool.ts and the parallel variants that call through it) and
// workers/pool.worker.ts, which implements it. Written out here, instead of
// being read off the worker's implementation, so the caller never imports the
// worker's module (and with it everything the worker loads) to learn its
// types, and a change to either side that breaks the other fails the type check.
// Every argument and result is structured-cloneable: typed arrays, shared
// memory, plain records. Types only.
import type { PeakOptions, PeakResult } from '../kernels/peak.ts';
import type { Dtype, FloatArray, Shape } from '../kernels/types.ts';
import type { SimdBuild } from '../kernels/wasm-module.ts';

/**
 * Where A, B and C live in the shared WebAssembly memory of parallel-wasm and
 * parallel-tuned, and each worker's scratch region (src/parallel/wasm-layout.ts
 * computes it). Declared here, with the calls that carry it, so the pool's
 * contract depends on nothing in src/parallel/.
 */
export interface WasmLayout {
  readonly shape: Shape;
  readonly dtype: Dtype;
  /** Byte offsets of A, B and C. */
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** Byte offset of each worker's scratch region (worker w packs into scratch[w]); empty when none was asked for. */
  readonly scratch: readonly number[];
  /** Bytes of each scratch region (0 when none). */
  readonly scratchBytes: number;
  /** Pages the memory needs. */
  readonly pages: number;
}

/** One worker's part of the race demo (src/parallel/race-kernels.ts raceLoop). */
export interface RaceLoopSpec {
  readonly worker: number;
  readonly workers: number;
  /** This worker's share of increments. */
  readonly times: number;
  readonly atomic: boolean;
}

/** What one worker's race loop did, as plain data. Stamps are in the worker's clock (ms). */
export interface RaceLoopRecord {
  readonly worker: number;
  /** Increments this worker performed: at least its share, more when it waited for the others to run. */
  readonly increments: number;
  readonly chunks: number;
  /** Chunks during which at least one other worker's progress counter moved: direct evidence the loops ran together. */
  readonly chunksWithOthers: number;
  readonly startStamp: number;
  readonly endStamp: number;
}

/** What the worker saw of a message-cost payload. */
export interface Received {
  readonly byteLength: number;
  /** First plus last byte: reading them proves the data arrived. */
  readonly firstPlusLast: number;
}

/** Operands made in a worker: shared views when the page may share, else buffers handed over by transfer. */
export interface GeneratedInputs {
  readonly A: FloatArray;
  readonly B: FloatArray;
}

/**
 * The calls of one pool worker. Methods may answer synchronously or with a
 * promise; through comlink the page always gets a promise. Calls that name a
 * `token` act on operands attached earlier with that token and throw an error
 * containing NOT_ATTACHED (src/parallel/attach.ts) when the worker has none.
 */
export interface PoolWorkerApi {
  /** First round trip: the worker's script is loaded and answering. */
  ping(): boolean;
  crossOriginIsolated(): boolean;

  /** pool-element: one c_ij per packed (row, column) pair; the result comes back by transfer. */
  elementChunk(rows: FloatArray, cols: FloatArray, l: number, count: number): FloatArray;
  /** pool-row: a block of rows of A (and all of B) arrive by copy; that block of C comes back. */
  rowChunk(aRows: FloatArray, B: FloatArray, shape: Shape): FloatArray;

  /** Shared variants: views on SharedArrayBuffers, sent once and kept under `token`. */
  attachShared(token: string, A: FloatArray, B: FloatArray, C: FloatArray, shape: Shape): void;
  /** Rows [r0, r1) of C into the shared C. */
  sharedRows(token: string, r0: number, r1: number): void;
  /** Elements [e0, e1) of C (row-major) into the shared C. */
  sharedElements(token: string, e0: number, e1: number): void;

  /** parallel-wasm: instantiate the module on the page's shared memory. */
  attachWasm(token: string, memory: WebAssembly.Memory, layout: WasmLayout): Promise<void>;
  wasmRows(token: string, r0: number, r1: number): void;
  /** parallel-tuned: instantiate the tuned kernel's `build` on the page's shared memory. */
  attachTuned(token: string, memory: WebAssembly.Memory, layout: WasmLayout, build: SimdBuild): Promise<void>;
  /** Rows [r0, r1) of C, packing into the scratch region at byte offset `packBuf` (one of `layout.scratch`). */
  tunedRows(token: string, r0: number, r1: number, packBuf: number): void;
  /** Drops every attached operand so its memory can be freed. */
  detach(): void;

  /**
   * The peak probe while `workers` workers run it at once; `cells` holds the
   * start and finish gates (PEAK_BARRIER, src/parallel/peaks.ts).
   */
  peak(cells: Int32Array, workers: number, dtype: Dtype, relaxed: boolean, timing: Omit<PeakOptions, 'now'>): Promise<PeakResult>;

  /** Message-cost demo: acknowledge a payload after reading it. */
  receive(data: ArrayBuffer | SharedArrayBuffer): Received;
  /** Race demo: one worker's loop, started at the shared gate in `cells` (RACE_SLOTS). */
  race(cells: Int32Array, spec: RaceLoopSpec): RaceLoopRecord;

  /** Big case: seeded operands made in the worker (`shared`: into SharedArrayBuffers). */
  generate(shape: Shape, dtype: Dtype, seed: number, shared: boolean): GeneratedInputs;
  /** Big case: rows [r0, r1) of the float64 reference product. */
  referenceRows(A: FloatArray, B: FloatArray, shape: Shape, r0: number, r1: number): Float64Array;

  /** Keeps the worker busy for `ms` and returns the loop count (tests of cancel). */
  spin(ms: number): number;
}
