// 3.1: the JIT's warm-up made visible. The harness times the first call after
// set-up apart (coldMs) from the warmed samples; here they sit side by side.
import type { BenchResult } from '../../bench/protocol.ts';
import { renderWarmupChart } from '../../charts/render.ts';
import { deriveSeries, warmupRows } from '../../charts/series.ts';
import type { PanelKindBehaviour } from '../host.ts';
import { keptResults } from '../kept.ts';
import { warmupTable, resultsTable } from '../results-table.ts';
import { resultFooter, runResults } from './matmul.ts';

export const jitKind = (): PanelKindBehaviour<BenchResult[]> => ({
  fields: ['m', 'l', 'n', 'samples', 'dtype'],
  runLabel: 'Run',
  runnable: true,
  runsVariants: true,
  title: () => 'First call vs warmed calls',
  async run(host, args) {
    const out: BenchResult[] = [];
    for (const shape of args.shapes) out.push(...(await runResults(host, { ...args, request: { ...args.request, shape } }, host.config.variants)));
    return out;
  },
  async render(host, data) {
    const rows = warmupRows(data);
    const chart = await renderWarmupChart(rows, { document: host.doc, width: host.width() });
    host.showChart(chart, 'First call and warmed median per variant, log scale; the table has the figures.');
    const failed = data.filter((r) => r.status === 'error');
    host.table.replaceChildren(
      warmupTable(host.doc, rows, 'First call after set-up vs the median of warmed calls'),
      ...(failed.length > 0 ? [resultsTable(host.doc, deriveSeries(failed), 'Variants that could not run')] : []),
    );
    resultFooter(host, data);
  },
  ...keptResults,
});
