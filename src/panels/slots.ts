// The deck's benchmark slots (`<div class="bench-slot" data-bench="ID">`, left by
// the slide model) and the panel each one becomes. Data, not code: a slide
// author changes a line here, or writes the <bench-panel> tag directly.
import { BENCH_PANEL_TAG } from './bench-panel.ts';

/** Attributes of the <bench-panel> that replaces each slot. `id` = the slot id (storage key). */
export const SLOT_PANELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // 2.2 driver: line profile of the naive kernel (2 profiled calls on low l).
  'profile-naive': { kind: 'profile', datasets: 'lowL,highL', samples: '2' },
  // 3.1 array programming, step one.
  'element-vectorised': { variants: 'naive,element-vectorised', datasets: 'lowL,highL', samples: '10' },
  // 3.1.1 indexing: fast on small data, its gathered copies shown as extra memory.
  indexing: { variants: 'naive,element-vectorised,indexing', datasets: 'lowL,highL', samples: '10' },
  // 3.1.2 broadcasting: the four array-programming variants together.
  broadcasting: { variants: 'naive,element-vectorised,indexing,broadcasting', datasets: 'lowL,highL', samples: '10' },
  // 3.1 JIT tiering: first call vs warmed calls.
  'jit-tiering': { kind: 'jit', variants: 'naive,element-vectorised,wasm-element,wasm-whole', datasets: 'lowL,highL', samples: '10' },
  // 3.1 compiled: JS naive, wasm per element, wasm whole.
  'wasm-compiled': { variants: 'naive,wasm-element,wasm-whole', datasets: 'lowL,highL', samples: '10' },
  // 3.2 SIMD beside its scalar twin (f32: 4 lanes).
  simd: { variants: 'wasm-scalar,wasm-simd', datasets: 'lowL,highL', dataset: 'highL', dtype: 'f32', samples: '10' },
  // 3.2.1 data type: the same kernels in float64 and float32.
  dtype: { variants: 'naive,wasm-scalar,wasm-simd', datasets: 'lowL,highL', dataset: 'highL', dtypes: 'f64,f32', samples: '10' },
  // 3.2.2 layout: the four combinations plus the two loop-order fixes, both types.
  layout: { variants: 'layout-rr,layout-rc,layout-cr,layout-cc,ikj,transposed-b', datasets: 'lowL,highL', dataset: 'highL', dtypes: 'f64,f32', samples: '10' },
  // 3 summary: every section-3 result of this visit.
  'summary-vectorisation': {
    kind: 'summary',
    variants: 'naive,naive-plain,element-vectorised,indexing,broadcasting,wasm-element,wasm-whole,wasm-scalar,wasm-simd,ikj,transposed-b,layout-rr,layout-rc,layout-cr,layout-cc',
    title: 'Section 3 as measured in this visit',
  },
  // 4.1.2 the freeze demo.
  'freeze-demo': { kind: 'freeze', dataset: 'lowL' },
  // 4.1 pool: speedup against workers, per-row and compiled parallel, against naive.
  pool: { kind: 'speedup', variants: 'pool-row,parallel-wasm', dataset: 'highL', samples: '5', workers: '2' },
  // 4.2.1 messages: operands handed over by clone, transfer, share. Starts at a
  // tenth of the big set's l (24 MB in f32); "big" in the chooser gives 240 MB.
  'transfer-cost': { kind: 'messages', datasets: 'big,highL', m: '200', l: '10000', n: '400', dtype: 'f32', samples: '5' },
  // 4.2.2 race demo.
  'race-demo': { kind: 'race', workers: '2' },
  // 4.2 the big guns: shared vs messages. The big set takes seconds per call:
  // it starts at a tenth of l; pick "big" in the chooser for the full size.
  shared: {
    variants: 'pool-row,shared-element,shared-row,parallel-wasm',
    datasets: 'big',
    m: '200',
    l: '10000',
    n: '400',
    dtype: 'f32',
    samples: '3',
    workers: '2',
  },
  // 5 everything.
  'summary-all': { kind: 'summary' },
};

/**
 * Replace every `.bench-slot[data-bench]` under root by its panel (idempotent).
 * Slots without a mapping become a plain matmul panel of the id's variants,
 * so a new slot still works before this table knows it.
 */
export function upgradeBenchSlots(root: ParentNode = document): number {
  let count = 0;
  for (const slot of Array.from(root.querySelectorAll<HTMLElement>('.bench-slot[data-bench]'))) {
    const id = slot.dataset.bench!;
    if (slot.querySelector(BENCH_PANEL_TAG)) continue;
    const doc = slot.ownerDocument;
    const panel = doc.createElement(BENCH_PANEL_TAG);
    const attrs = SLOT_PANELS[id] ?? { variants: id };
    panel.setAttribute('id', `bench-${id}`);
    for (const [k, v] of Object.entries(attrs)) panel.setAttribute(k, v);
    slot.replaceChildren(panel);
    count++;
  }
  return count;
}
