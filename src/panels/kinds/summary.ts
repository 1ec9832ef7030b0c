// Section summaries, read back from what the other panels kept:
// `<bench-panel kind="summary" variants="…">` shows every kept result of those
// variants in one chart and one table. Without variants it is the lecture's
// conclusion, the ladder (ladder.ts).
import type { BenchResult } from '../../bench/protocol.ts';
import { mergeResults } from '../../charts/series.ts';
import type { PanelHost, PanelKindBehaviour } from '../host.ts';
import { loadAllResults } from '../storage.ts';
import { renderResults } from './matmul.ts';
import { button } from '../layout.ts';
import type { VariantId } from '../../deck/slide.ts';

/**
 * The lecture's order of variants, so the summary reads like the deck. Written out:
 * the registries list kernels by module (the GPU ones apart), not in the order the
 * deck shows them. Typed, so a misspelt id fails the type check; a unit test holds
 * it to every registry id.
 */
export const LECTURE_ORDER: readonly VariantId[] = [
  'naive', 'naive-plain', 'element-vectorised', 'indexing', 'broadcasting', 'wasm-element', 'wasm-whole', 'wasm-scalar',
  'wasm-simd', 'tuned', 'lib-tfjs', 'webgpu-naive', 'webgpu-tiled', 'ikj', 'transposed-b', 'layout-rr', 'layout-rc', 'layout-cr', 'layout-cc',
  'pool-element', 'pool-row', 'parallel-wasm', 'parallel-tuned', 'shared-element', 'shared-row',
];

/** Every kept result, the later of two with the same variant and settings, grouped by shape in lecture order. Pure. */
export function collectVisit(entries: readonly { results: BenchResult[] }[]): BenchResult[] {
  const byTime = entries.flatMap((e) => e.results).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const latest = byTime.reduce<BenchResult[]>((kept, r) => mergeResults(kept, [r]), []);
  const rank = (v: string) => {
    const i = (LECTURE_ORDER as readonly string[]).indexOf(v);
    return i < 0 ? LECTURE_ORDER.length : i;
  };
  const shapeKey = (r: BenchResult) => `${r.dtype}|${String(r.m * r.l * r.n).padStart(15, '0')}|${r.m}|${r.l}|${r.n}`;
  return latest.sort((a, b) => shapeKey(a).localeCompare(shapeKey(b)) || rank(a.variant) - rank(b.variant) || a.workers - b.workers);
}

function refreshButton(host: PanelHost, update: () => void): void {
  host.extra.append(button(host.doc, 'bp-action bp-refresh', 'Refresh', update));
}

/** Every kept result of the slide's variants (all of them when it names none). */
function loadSection(host: PanelHost): BenchResult[] | null {
  const only = host.config.variants.length > 0 ? new Set(host.config.variants) : null;
  const all = collectVisit(loadAllResults(host.store)).filter((r) => only === null || only.has(r.variant));
  return all.length > 0 ? all : null;
}

const renderSection = (host: PanelHost, data: readonly BenchResult[]): Promise<void> =>
  renderResults(host, data, `Every result kept in this visit (${data.length}); speedup (in the details) against naive of the same shape (else its first result)`, 'naive');

export const summaryKind = (): PanelKindBehaviour<BenchResult[]> => ({
  fields: [],
  runLabel: '',
  runnable: false,
  runsVariants: true,
  title: () => 'Everything measured in this visit',
  async run() {
    return [];
  },
  mount(host) {
    const update = () => {
      const data = loadSection(host);
      if (data) {
        host.setStatus(`${data.length} results kept in this visit.`);
        void renderSection(host, data);
      } else host.setStatus('Nothing measured yet in this visit.');
    };
    refreshButton(host, update);
    // Other panels announce new results; the summary follows without a reload.
    host.followChanges(update);
  },
  render: renderSection,
  load: loadSection,
  // Nothing of its own to keep: it reads every other panel's.
  save: () => true,
  clear: () => undefined,
  exportable: (data) => data,
});
