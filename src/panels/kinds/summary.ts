// Section 5: every result measured in this visit, read back from what the
// other panels kept, in one table and one chart.
import type { BenchResult } from '../../bench/protocol.ts';
import { mergeResults } from '../../charts/series.ts';
import type { PanelKindBehaviour } from '../host.ts';
import { loadAllResults } from '../storage.ts';
import { RESULTS_CHANGED } from '../host.ts';
import { renderResults } from './matmul.ts';

export function collectVisit(entries: readonly { results: BenchResult[] }[]): BenchResult[] {
  // The same variant and settings measured on two slides: keep the later one.
  const all = entries.flatMap((e) => e.results).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return all.reduce<BenchResult[]>((kept, r) => mergeResults(kept, [r]), []);
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
  render: (host, data) => renderResults(host, data, `Every result kept in this visit (${data.length}); speedup against the first result of the same shape`),
  load(host) {
    const all = collectVisit(loadAllResults(host.store));
    return all.length > 0 ? all : null;
  },
  save: () => true,
  clear: () => undefined,
  exportable: (data) => data,
};
