// 4.1: speedup against worker count. The serial reference runs once, then each
// parallel variant with 1, 2, … W workers; the chart shows measured speedups
// beside the ideal line (speedup = workers). Wrong results are not plotted.
import type { BenchResult } from '../../bench/protocol.ts';
import { renderSpeedupChart } from '../../charts/render.ts';
import { deriveSeries, selfSpeedupPoints } from '../../charts/series.ts';
import type { PanelKindBehaviour } from '../host.ts';
import { progressText } from '../progress.ts';
import { compactResults, detailsOpen } from '../compact-table.ts';
import { keptResults } from '../kept.ts';
import { liveSourceLabel, resultFooter } from './matmul.ts';
import { note } from '../layout.ts';

/** Worker counts of the sweep: 1 … max. Pure. */
export function workerCounts(max: number): number[] {
  return Array.from({ length: Math.max(1, Math.floor(max)) }, (_, i) => i + 1);
}

export const speedupKind = (): PanelKindBehaviour<BenchResult[]> => ({
  // The worker count is the sweep's top: config.ts always gives a speedup panel the field.
  fields: ['m', 'l', 'n', 'samples', 'workers', 'chunk', 'dtype'],
  runLabel: 'Run sweep',
  runnable: true,
  runsVariants: true,
  title: (c) => `Speedup vs workers: ${c.variants.join(', ')}`,
  async run(host, { request, signal }) {
    const runner = host.services.runner;
    const counts = workerCounts(request.workers ?? 2);
    const base = {
      shape: request.shape,
      dtype: request.dtype,
      samples: request.samples,
      ...(request.chunkSize !== undefined ? { chunkSize: request.chunkSize } : {}),
    };
    const steps = 1 + counts.length;
    const out: BenchResult[] = [];
    host.setStatus(`Step 1 of ${steps}: serial reference ${host.config.reference}`);
    out.push(...(await runner.run({ ...base, variants: [host.config.reference] }, { signal, onProgress: (p) => host.setStatus(`Step 1 of ${steps} (serial reference): ${progressText(p)}`) })));
    for (const [i, w] of counts.entries()) {
      signal.throwIfAborted();
      const results = await runner.run(
        { ...base, variants: host.config.variants, workers: w },
        { signal, onProgress: (p) => host.setStatus(`Step ${i + 2} of ${steps}, ${w} worker${w > 1 ? 's' : ''}: ${progressText(p)}`) },
      );
      out.push(...results);
    }
    return out;
  },
  async render(host, data) {
    const ref = data.find((r) => r.variant === host.config.reference && r.status === 'ok');
    // Speedup as the slide defines it, T1 / Tp per variant; the serial reference is in the table.
    const points = selfSpeedupPoints(data.filter((r) => r.variant !== host.config.reference));
    const chart = await renderSpeedupChart(points, { document: host.doc, width: host.width() });
    host.showChart(chart, `Speedup T1/Tp for 1 to ${Math.max(1, ...points.map((p) => p.workers))} workers, with the ideal line; the table has the figures.`);
    if (points.length === 0 && data.length > 0) {
      host.chart.append(note(host.doc, 'bp-failed', 'No variant has a correct one-worker time, so no speedup can be drawn: see the table.'));
    }
    const open = detailsOpen(host.table);
    host.table.replaceChildren(
      compactResults(host.doc, deriveSeries(data, { baseline: host.config.reference }), `Chart: T1/Tp of each variant. Speedup in the details: ${host.config.reference} (serial) median / each median`, {
        open,
        liveSource: liveSourceLabel(data),
      }),
    );
    resultFooter(host, data);
    if (!ref) {
      host.foot.append(note(host.doc, 'bp-note', `The serial reference ${host.config.reference} did not run.`));
    }
  },
  ...keptResults,
});
