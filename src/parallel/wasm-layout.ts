// Where A, B and C live in the shared WebAssembly memory of parallel-wasm and
// parallel-tuned, and (parallel-tuned) each worker's own scratch region, where it
// packs its blocks of B and A. Pure.
import { bytesPer, type Dtype, type Shape } from '../kernels/types.ts';
import type { WasmLayout } from '../pool/protocol.ts';

export const WASM_PAGE_BYTES = 65536;
/** The module declares at most 65536 pages (4 GiB, the wasm32 limit); see src/wasm/build.mjs. */
const WASM_MAX_PAGES = 65536;
/** The first page is left to the module (its stack and globals), the operands start after it. */
const BASE = WASM_PAGE_BYTES;
/**
 * Scratch regions start on their own 4 KiB page: one worker's packing never
 * writes a cache line (or page) that another worker's region or C shares.
 */
const SCRATCH_ALIGN = 4096;

export interface ScratchRequest {
  /** One region per worker. */
  readonly workers: number;
  /** Bytes each region holds (the kernel's scratchBytes()). */
  readonly bytes: number;
}

const align = (x: number, to: number): number => Math.ceil(x / to) * to;

export function wasmLayout(shape: Shape, dtype: Dtype, scratch?: ScratchRequest, label = 'parallel-wasm'): WasmLayout {
  const size = bytesPer(dtype);
  const a = BASE;
  const b = align(a + shape.m * shape.l * size, 16);
  const c = align(b + shape.l * shape.n * size, 16);
  let end = c + shape.m * shape.n * size;
  const regions: number[] = [];
  const scratchBytes = scratch ? scratch.bytes : 0;
  if (scratch) {
    if (!Number.isInteger(scratch.workers) || scratch.workers < 1) throw new RangeError(`scratch needs a whole number ≥ 1 of workers, got ${scratch.workers}`);
    if (!Number.isInteger(scratch.bytes) || scratch.bytes < 1) throw new RangeError(`scratch regions need a whole number ≥ 1 of bytes, got ${scratch.bytes}`);
    const stride = align(scratch.bytes, SCRATCH_ALIGN);
    let at = align(end, SCRATCH_ALIGN);
    for (let w = 0; w < scratch.workers; w++) {
      regions.push(at);
      at += stride;
    }
    end = at;
  }
  const pages = Math.ceil(end / WASM_PAGE_BYTES);
  if (pages > WASM_MAX_PAGES) {
    throw new Error(`${label}: ${(end / 2 ** 30).toFixed(2)} GiB of operands${scratch ? ' and scratch' : ''} exceed the 4 GiB of a wasm32 memory`);
  }
  return { shape, dtype, a, b, c, scratch: regions, scratchBytes, pages };
}
