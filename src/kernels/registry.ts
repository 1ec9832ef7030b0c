// Every serial variant, in the order the lecture introduces them. Pure.
import type { KernelContext } from './context.ts';
import type { Variant } from './variant.ts';
import { naive, naivePlain } from './naive.ts';
import { elementVectorised } from './element-vectorised.ts';
import { indexing } from './indexing.ts';
import { broadcasting } from './broadcasting.ts';
import { ikj, transposedB } from './loop-order.ts';
import { layoutCC, layoutCR, layoutRC, layoutRR } from './layout.ts';
import { wasmElement, wasmScalar, wasmSimd, wasmWhole } from './wasm.ts';
import { tuned } from './tuned.ts';
import { libTfjs } from './lib-tfjs.ts';

export type { KernelContext } from './context.ts';

/**
 * The serial variants' ids, in the order of `serialVariants` (a unit test holds
 * the two together). Slides name variants by these, so a misspelt id on a slide
 * fails the type check instead of a panel at run time.
 */
export const serialVariantIds = [
  'naive',
  'naive-plain',
  'element-vectorised',
  'indexing',
  'broadcasting',
  'wasm-element',
  'wasm-whole',
  'wasm-scalar',
  'wasm-simd',
  'tuned',
  'lib-tfjs',
  'ikj',
  'transposed-b',
  'layout-rr',
  'layout-rc',
  'layout-cr',
  'layout-cc',
] as const;

export type SerialVariantId = (typeof serialVariantIds)[number];

export const serialVariants: readonly Variant<KernelContext>[] = [
  naive, // 1.2
  naivePlain, // 1.2, contrast: what typed arrays buy
  elementVectorised, // 3.1
  indexing, // 3.1.1
  broadcasting, // 3.1.2
  wasmElement, // 3.1: compiled per element
  wasmWhole, // 3.1: compiled whole
  wasmScalar, // 3.2: SIMD's scalar twin
  wasmSimd, // 3.2 / 3.2.1
  tuned, // 3.2: packing, register tile, FMA
  libTfjs, // 3.2: the library row (TensorFlow.js / XNNPACK), as the notebook had numpy
  ikj, // 3.2.2: loop order
  transposedB, // 3.2.2
  layoutRR, // 3.2.2: the four layouts
  layoutRC,
  layoutCR,
  layoutCC,
];

export function findSerialVariant(id: string): Variant<KernelContext> | undefined {
  return serialVariants.find((variant) => variant.id === id);
}
