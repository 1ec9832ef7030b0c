// The parallel variants of section 4, in the one contract every variant fulfils
// (src/kernels/variant.ts). Their timed call only hands out tasks and awaits:
// all arithmetic happens in the pool's workers.
import { arrayFor, bytesPer, operandBytes, type Dtype, type FloatArray, type Shape } from '../kernels/types.ts';
import type { RunOnce, Variant, VariantInputs } from '../kernels/variant.ts';
import type { PoolWorker, WorkerPool } from '../pool/pool.ts';
import { newToken, withAttached } from './attach.ts';
import { isShared, NO_ISOLATION, sharedArray, sharedCopy, viewOn } from './shared-arrays.ts';
import { chunkRanges, packElements, splitEvenly } from './tasks.ts';
import { wasmLayout } from './wasm-layout.ts';
import { TUNED_SCRATCH_BYTES, type SimdBuild } from '../kernels/wasm-module.ts';

export interface ParallelContext {
  readonly pool: WorkerPool;
  /** Workers asked for; the variants use at most the pool's size. */
  readonly workers: number;
  /** Elements per message for the per-element variants; 'auto' = one chunk per worker, the notebook's chunksize. */
  readonly chunkSize: number | 'auto';
  /** Whether the page is cross-origin isolated (SharedArrayBuffer and wasm threads need it). */
  readonly crossOriginIsolated: boolean;
  /**
   * parallel-tuned: which build of the tuned kernel the workers load (found out by
   * src/parallel/tuned-support.ts where the pool lives). Absent: not looked up here.
   */
  readonly tuned?: TunedSupport;
  /**
   * The shared copies of A and B the shared variants of this run made, by the
   * inputs' A (so an entry goes when its inputs do): made once per inputs, used by
   * every shared variant. A new, empty map per run.
   */
  readonly sharedCopies: WeakMap<FloatArray, { readonly A: FloatArray; readonly B: FloatArray }>;
}

/** The tuned kernel for shared memory as this engine runs it. */
export interface TunedSupport {
  /** 'relaxed-simd' (fused multiply-add) or 'simd'; null when neither build compiles here. */
  readonly build: SimdBuild | null;
  /** Why the relaxed build is not the one (null when it is), or why there is none. */
  readonly reason: string | null;
  /** Bytes of scratch each worker packs into (the module's scratchBytes()). */
  readonly scratchBytes: number;
}

const ALL_DTYPES: readonly Dtype[] = ['f64', 'f32'];

/** Workers a variant really uses in this context. */
export function usedWorkers(ctx: ParallelContext): number {
  return Math.max(1, Math.min(Math.floor(ctx.workers) || 1, ctx.pool.size));
}

/** Elements per message of the per-element variants. */
export function elementChunkSize(ctx: ParallelContext, elements: number, workers: number): number {
  if (ctx.chunkSize === 'auto') return Math.max(1, Math.ceil(elements / workers));
  if (!Number.isInteger(ctx.chunkSize) || ctx.chunkSize < 1) {
    throw new RangeError(`chunk size must be a whole number ≥ 1 or 'auto', got ${ctx.chunkSize}`);
  }
  return ctx.chunkSize;
}

function requireIsolation(id: string, ctx: ParallelContext): void {
  if (!ctx.crossOriginIsolated || typeof SharedArrayBuffer === 'undefined') throw new Error(`${id} ${NO_ISOLATION}`);
}

/** A copy that a structured clone really copies: not a view on a shared or larger buffer. */
function ownedCopy(x: FloatArray): FloatArray {
  return isShared(x) || x.byteLength !== x.buffer.byteLength ? x.slice() : x;
}

/** A and B in SharedArrayBuffers, made once per inputs and shared by every shared variant of a run. */
function sharedOperands(ctx: ParallelContext, { A, B, dtype }: VariantInputs): { readonly A: FloatArray; readonly B: FloatArray } {
  let found = ctx.sharedCopies.get(A);
  if (found === undefined || found.B.length !== B.length) {
    found = { A: sharedCopy(A, dtype), B: sharedCopy(B, dtype) };
    ctx.sharedCopies.set(A, found);
  }
  return found;
}

/** Attaches in the background right after set-up, so the first call rarely waits; errors surface in the call. */
function prime(ctx: ParallelContext, token: string, send: (w: PoolWorker) => Promise<void>): void {
  for (const w of ctx.pool.workers.slice(0, usedWorkers(ctx))) {
    withAttached(ctx.pool, w, token, send, async () => undefined).catch(() => {});
  }
}

// #region pool-element
/** One task per c_ij: each message carries, per element, row i of A and column j of B (copied). */
export const poolElement: Variant<ParallelContext> = {
  id: 'pool-element',
  description: 'worker pool, one task per element, chunks of tasks sent by message (copies)',
  section: '4.1',
  dtypes: ALL_DTYPES,
  extraBytes: ({ m, l, n }, dtype) => 2 * m * n * l * bytesPer(dtype),
  workersUsed: usedWorkers,
  copiedBytes: ({ m, l, n }, dtype) => 2 * m * n * l * bytesPer(dtype),
  chunkSize: ({ m, n }, ctx) => elementChunkSize(ctx, m * n, usedWorkers(ctx)),
  setup({ A, B, shape, dtype }, ctx): RunOnce {
    const { m, l, n } = shape;
    const Ctor = arrayFor(dtype);
    const C = new Ctor(m * n);
    return async () => {
      const workers = usedWorkers(ctx);
      const chunks = chunkRanges(m * n, elementChunkSize(ctx, m * n, workers));
      await ctx.pool.map(chunks, workers, async (w, { start, end }) => {
        const count = end - start;
        const rows = new Ctor(count * l);
        const cols = new Ctor(count * l);
        packElements(A, B, shape, start, end, rows, cols);
        C.set(await w.api.elementChunk(rows, cols, l, count), start);
      });
      return C;
    };
  },
};
// #endregion pool-element

// #region pool-row
/** Rows cut into one block per worker (one task each); each block and all of B travel by copy. */
export const poolRow: Variant<ParallelContext> = {
  id: 'pool-row',
  description: 'worker pool, one task per worker: a block of rows, with its A rows and all of B copied by message',
  section: '4.1',
  dtypes: ALL_DTYPES,
  // The rows of A cut out and their copies in the workers, B copied on the sending side
  // (when it lives in shared memory, see setup); then one copy of B in every worker
  // (at least: a message may hold a serialised copy on the way too).
  extraBytes: ({ m, l, n }, dtype) => (2 * m * l + l * n) * bytesPer(dtype),
  workerBytes: ({ l, n }, dtype) => l * n * bytesPer(dtype),
  workersUsed: usedWorkers,
  copiedBytes: ({ m, l, n }, dtype, workers) => (m * l + Math.min(m, workers) * l * n) * bytesPer(dtype),
  setup({ A, B, shape, dtype }, ctx): RunOnce {
    const { m, l, n } = shape;
    const C = new (arrayFor(dtype))(m * n);
    const B0 = ownedCopy(B); // a view on a shared buffer would be shared, not copied
    return async () => {
      const workers = usedWorkers(ctx);
      await ctx.pool.map(splitEvenly(m, workers), workers, async (w, { start, end }) => {
        const rows = A.slice(start * l, end * l);
        C.set(await w.api.rowChunk(rows, B0, { m: end - start, l, n }), start * n);
      });
      return C;
    };
  },
};
// #endregion pool-row

function sharedVariant(
  id: 'shared-element' | 'shared-row',
  description: string,
  tasks: (shape: Shape, ctx: ParallelContext, workers: number) => { start: number; end: number }[],
  call: (w: PoolWorker, token: string, start: number, end: number) => Promise<void>,
  chunkSize?: Variant<ParallelContext>['chunkSize'],
): Variant<ParallelContext> {
  return {
    ...(chunkSize ? { chunkSize } : {}),
    id,
    description,
    section: '4.2',
    dtypes: ALL_DTYPES,
    // Shared copies of A, B and C, made once (none of A and B when they already live in shared memory).
    extraBytes: operandBytes,
    workersUsed: usedWorkers,
    copiedBytes: () => 0,
    setup(inputs, ctx): RunOnce {
      requireIsolation(id, ctx);
      const { shape, dtype } = inputs;
      const { A, B } = sharedOperands(ctx, inputs);
      const C = sharedArray(dtype, shape.m * shape.n);
      const token = newToken(id);
      const send = (w: PoolWorker): Promise<void> => w.api.attachShared(token, A, B, C, shape);
      prime(ctx, token, send);
      return async () => {
        const workers = usedWorkers(ctx);
        await ctx.pool.map(tasks(shape, ctx, workers), workers, (w, { start, end }) =>
          withAttached(ctx.pool, w, token, send, (pw) => call(pw, token, start, end)),
        );
        return C;
      };
    },
  };
}

// #region shared-element
/** A, B and C in SharedArrayBuffers (sent once); tasks are ranges of elements, written into C in place. */
export const sharedElement = sharedVariant(
  'shared-element',
  'worker pool over SharedArrayBuffers, tasks = ranges of elements written in place',
  ({ m, n }, ctx, workers) => chunkRanges(m * n, elementChunkSize(ctx, m * n, workers)),
  (w, token, start, end) => w.api.sharedElements(token, start, end),
  ({ m, n }, ctx) => elementChunkSize(ctx, m * n, usedWorkers(ctx)),
);
// #endregion shared-element

// #region shared-row
/** The same with a block of rows per worker: long contiguous loops, no copies. */
export const sharedRow = sharedVariant(
  'shared-row',
  'worker pool over SharedArrayBuffers, a block of rows per worker written in place',
  ({ m }, _ctx, workers) => splitEvenly(m, workers),
  (w, token, start, end) => w.api.sharedRows(token, start, end),
);
// #endregion shared-row

// #region parallel-wasm
/**
 * The whole product compiled to WebAssembly (SIMD) and split by rows across the
 * workers, all on one shared WebAssembly.Memory: numba's prange, in the browser.
 */
export const parallelWasm: Variant<ParallelContext> = {
  id: 'parallel-wasm',
  description: 'WebAssembly SIMD kernel on shared wasm memory, a block of rows per worker',
  section: '4.1',
  dtypes: ALL_DTYPES,
  extraBytes: operandBytes, // A, B and C live again in the wasm memory
  workersUsed: usedWorkers,
  copiedBytes: () => 0,
  setup({ A, B, shape, dtype }, ctx): RunOnce {
    requireIsolation('parallel-wasm', ctx);
    const layout = wasmLayout(shape, dtype);
    const memory = new WebAssembly.Memory({ initial: layout.pages, maximum: layout.pages, shared: true });
    viewOn(memory.buffer, dtype, layout.a, A.length).set(A);
    viewOn(memory.buffer, dtype, layout.b, B.length).set(B);
    const C = viewOn(memory.buffer, dtype, layout.c, shape.m * shape.n);
    const token = newToken('parallel-wasm');
    const send = (w: PoolWorker): Promise<void> => w.api.attachWasm(token, memory, layout);
    prime(ctx, token, send);
    return async () => {
      const workers = usedWorkers(ctx);
      // A static schedule: worker w gets the w-th block of rows.
      const blocks = splitEvenly(shape.m, workers);
      await Promise.all(
        blocks.map(({ start, end }, w) =>
          withAttached(ctx.pool, ctx.pool.worker(w), token, send, (pw) => pw.api.wasmRows(token, start, end)),
        ),
      );
      return C;
    };
  },
};
// #endregion parallel-wasm

function tunedBuildOf(ctx: ParallelContext): { build: SimdBuild; scratchBytes: number } {
  const t = ctx.tuned;
  if (!t) throw new Error('parallel-tuned: the tuned kernel for shared memory was not looked up here');
  if (t.build === null) throw new Error(`parallel-tuned: this browser cannot run the tuned WebAssembly SIMD kernel on shared memory (${t.reason ?? 'unknown reason'})`);
  return { build: t.build, scratchBytes: t.scratchBytes };
}

// #region parallel-tuned
/**
 * The tuned kernel of 3.2 (packing, 5×8 / 5×4 register tile, cache blocking,
 * FMA where relaxed SIMD compiles) on one shared WebAssembly.Memory, a block of
 * rows per worker. A and B are copied into the memory once, at set-up; each
 * worker packs its blocks of B and A into a scratch region of its own in the same
 * memory, so a call sends each worker a token and three numbers (rows, scratch).
 */
export const parallelTuned: Variant<ParallelContext> = {
  id: 'parallel-tuned',
  description: 'the tuned WebAssembly kernel (packing, register tile, FMA where supported) on shared wasm memory, a block of rows per worker',
  section: '4.1',
  dtypes: ALL_DTYPES,
  // A, B and C again in the wasm memory, and a scratch region per worker (about 0.6 MiB each).
  extraBytes: operandBytes,
  workerBytes: () => TUNED_SCRATCH_BYTES,
  workersUsed: usedWorkers,
  copiedBytes: () => 0,
  setup({ A, B, shape, dtype }, ctx): RunOnce {
    requireIsolation('parallel-tuned', ctx);
    const { build, scratchBytes } = tunedBuildOf(ctx);
    const workers = usedWorkers(ctx);
    // A, B, C, then one scratch region per worker, each on its own pages.
    const layout = wasmLayout(shape, dtype, { workers, bytes: scratchBytes }, 'parallel-tuned');
    const memory = new WebAssembly.Memory({ initial: layout.pages, maximum: layout.pages, shared: true });
    viewOn(memory.buffer, dtype, layout.a, A.length).set(A);
    viewOn(memory.buffer, dtype, layout.b, B.length).set(B);
    const C = viewOn(memory.buffer, dtype, layout.c, shape.m * shape.n);
    const token = newToken('parallel-tuned');
    const send = (w: PoolWorker): Promise<void> => w.api.attachTuned(token, memory, layout, build);
    prime(ctx, token, send);
    // Blocks of rows in multiples of the 5-row register tile, so only the last block has an edge.
    const blocks = tileAlignedBlocks(shape.m, workers, TUNED_TILE_ROWS);
    return async () => {
      await Promise.all(
        blocks.map(({ start, end }, w) =>
          withAttached(ctx.pool, ctx.pool.worker(w), token, send, (pw) => pw.api.tunedRows(token, start, end, layout.scratch[w]!)),
        ),
      );
      return C;
    };
  },
  /** 'relaxed-simd' or 'simd': the build every worker of this context loads. */
  build: (ctx) => ctx.tuned?.build ?? 'unavailable',
};
// #endregion parallel-tuned

/** Rows of the tuned kernel's register tile (src/wasm/assembly/tuned-core.ts MR). */
const TUNED_TILE_ROWS = 5;

/**
 * `rows` split into `parts` contiguous blocks whose sizes are multiples of `tile`
 * (the last takes the remainder), as even as that allows; empty blocks are dropped.
 */
export function tileAlignedBlocks(rows: number, parts: number, tile: number): { start: number; end: number }[] {
  const tiles = Math.ceil(rows / tile);
  return splitEvenly(tiles, Math.max(1, parts))
    .map(({ start, end }) => ({ start: Math.min(rows, start * tile), end: Math.min(rows, end * tile) }))
    .filter(({ start, end }) => end > start);
}

export const parallelVariants: readonly Variant<ParallelContext>[] = [poolElement, poolRow, parallelWasm, parallelTuned, sharedElement, sharedRow];

/** The ids of `parallelVariants`, in its order (a unit test holds the two together): the type slides name them by. */
export const parallelVariantIds = ['pool-element', 'pool-row', 'parallel-wasm', 'parallel-tuned', 'shared-element', 'shared-row'] as const;

export type ParallelVariantId = (typeof parallelVariantIds)[number];

/** Whether an id names a variant that runs on the worker pool (not in the bench worker). */
export function isParallelVariant(id: string): boolean {
  return parallelVariants.some((v) => v.id === id);
}

export function findParallelVariant(id: string): Variant<ParallelContext> | undefined {
  return parallelVariants.find((v) => v.id === id);
}
