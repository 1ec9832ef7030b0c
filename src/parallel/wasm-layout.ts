// Where A, B and C live in the shared WebAssembly memory of parallel-wasm. Pure.
import { bytesPer, type Dtype, type Shape } from '../kernels/types.ts';

export const WASM_PAGE_BYTES = 65536;
/** The module declares at most 65536 pages (4 GiB, the wasm32 limit); see src/wasm/build.mjs. */
export const WASM_MAX_PAGES = 65536;
/** The first page is left to the module (its stack and globals), the operands start after it. */
const BASE = WASM_PAGE_BYTES;

export interface WasmLayout {
  readonly shape: Shape;
  readonly dtype: Dtype;
  /** Byte offsets of A, B and C. */
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** Pages the memory needs. */
  readonly pages: number;
}

const align16 = (x: number): number => Math.ceil(x / 16) * 16;

export function wasmLayout(shape: Shape, dtype: Dtype): WasmLayout {
  const size = bytesPer(dtype);
  const a = BASE;
  const b = align16(a + shape.m * shape.l * size);
  const c = align16(b + shape.l * shape.n * size);
  const end = c + shape.m * shape.n * size;
  const pages = Math.ceil(end / WASM_PAGE_BYTES);
  if (pages > WASM_MAX_PAGES) {
    throw new Error(`parallel-wasm: ${(end / 2 ** 30).toFixed(2)} GiB of operands exceed the 4 GiB of a wasm32 memory`);
  }
  return { shape, dtype, a, b, c, pages };
}
