// Section 5: every result measured in this visit, read back from what the
// other panels kept, in one table and one chart.
import type { BenchResult } from '../../bench/protocol.ts';
import { mergeResults } from '../../charts/series.ts';
import type { PanelKindBehaviour } from '../host.ts';
import { loadAllResults } from '../storage.ts';
import { RESULTS_CHANGED } from '../host.ts';
import { renderResults } from './matmul.ts';

/** The lecture's order of variants, so the summary reads like the deck. */
export const LECTURE_ORDER = [
  'naive', 'naive-plain', 'element-vectorised', 'indexing', 'broadcasting', 'wasm-element', 'wasm-whole', 'wasm-scalar',
  'wasm-simd', 'webgpu-naive', 'webgpu-tiled', 'ikj', 'transposed-b', 'layout-rr', 'layout-rc', 'layout-cr', 'layout-cc',
  'pool-element', 'pool-row', 'parallel-wasm', 'shared-element', 'shared-row',
];

/** Every kept result, the later of two with the same variant and settings, grouped by shape in lecture order. Pure. */
export function collectVisit(entries: readonly { results: BenchResult[] }[]): BenchResult[] {
  const byTime = entries.flatMap((e) => e.results).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const latest = byTime.reduce<BenchResult[]>((kept, r) => mergeResults(kept, [r]), []);
  const rank = (v: string) => {
    const i = LECTURE_ORDER.indexOf(v);
    return i < 0 ? LECTURE_ORDER.length : i;
  };
  const shapeKey = (r: BenchResult) => `${r.dtype}|${String(r.m * r.l * r.n).padStart(15, '0')}|${r.m}|${r.l}|${r.n}`;
  return latest.sort((a, b) => shapeKey(a).localeCompare(shapeKey(b)) || rank(a.variant) - rank(b.variant) || a.workers - b.workers);
}

export const summaryKind: PanelKindBehaviour<BenchResult[]> = {
  fields: [],
  runLabel: '',
  runnable: false,
  async run() {
    return [];
  },
  mount(host) {
    const b = host.doc.createElement('button');
    b.type = 'button';
    b.className = 'bp-action bp-refresh';
    b.textContent = 'Refresh';
    const update = () => {
      const data = summaryKind.load(host);
      if (data) {
        host.setStatus(`${data.length} results kept in this visit.`);
        void summaryKind.render(host, data);
      } else host.setStatus('Nothing measured yet in this visit.');
    };
    b.addEventListener('click', update);
    // Other panels announce new results; the summary follows without a reload.
    host.doc.addEventListener(RESULTS_CHANGED, update);
    host.extra.append(b);
  },
  render: (host, data) => renderResults(host, data, `Every result kept in this visit (${data.length}); speedup against naive of the same shape (else its first result)`, 'naive'),
  load(host) {
    // summary variants="…" narrows it to one section's variants; without, everything.
    const only = host.config.variants.length > 0 ? new Set(host.config.variants) : null;
    const all = collectVisit(loadAllResults(host.store)).filter((r) => only === null || only.has(r.variant));
    return all.length > 0 ? all : null;
  },
  save: () => true,
  clear: () => undefined,
  exportable: (data) => data,
};
