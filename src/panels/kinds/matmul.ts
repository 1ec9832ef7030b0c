// The common benchmark panel: run variants through the host's runner, chart the
// median per variant with its spread, table twin, environment line.
import type { BenchResult } from '../../bench/protocol.ts';
import { renderTimesChart, timesLegend } from '../../charts/render.ts';
import { deriveSeries, matchingRows, shapeText, type ChartSeries, type OtherSeries } from '../../charts/series.ts';
import { measuredLine } from '../environment.ts';
import type { PanelHost, PanelKindBehaviour, RunArgs } from '../host.ts';
import { compactResults, detailsOpen } from '../compact-table.ts';
import { environmentLabel, importedFor, loadImports } from '../imports.ts';
import { keptResults } from '../kept.ts';
import { formatBytes, formatMs } from '../../format/units.ts';
import { note } from '../layout.ts';

export async function runResults(host: PanelHost, { request, signal, onProgress }: RunArgs, variants: readonly string[]): Promise<BenchResult[]> {
  return host.services.runner.run(
    {
      variants,
      shape: request.shape,
      dtype: request.dtype,
      samples: request.samples,
      ...(request.workers !== undefined ? { workers: request.workers } : {}),
      ...(request.chunkSize !== undefined ? { chunkSize: request.chunkSize } : {}),
    },
    { signal, onProgress },
  );
}

/** "pool-element 100 elements per message (800 messages per product)", one per variant and shape. Pure. */
export function chunkNotes(results: readonly BenchResult[]): string[] {
  const notes = results.flatMap((r) => {
    if (r.status !== 'ok' || r.chunkSize === undefined) return [];
    const messages = Math.ceil((r.m * r.n) / r.chunkSize);
    const per = r.chunkSize.toLocaleString('en');
    return [`${r.variant} ${per} element${r.chunkSize === 1 ? '' : 's'} per message (${messages.toLocaleString('en')} message${messages === 1 ? '' : 's'} per product${messages === r.workers ? ', one per worker' : ''})`];
  });
  return [...new Set(notes)];
}

/** Footer: where the numbers were measured, and anything a presenter must not miss. */
export function resultFooter(host: PanelHost, results: readonly BenchResult[]): void {
  const doc = host.doc;
  host.foot.replaceChildren();
  const first = results[0];
  if (!first) return;
  host.foot.append(note(doc, 'bp-env', measuredLine(first.at, first.env)));
  const wrong = results.filter((r) => r.status === 'ok' && !r.correct).map((r) => r.variant);
  if (wrong.length > 0) {
    host.foot.append(note(doc, 'bp-warning', `✗ Wrong result from ${wrong.join(', ')}: its time does not count.`));
  }
  // Caveats a result carries with it (GPU results on a software adapter): never shown apart from the figures.
  const notes = new Map<string, Set<string>>();
  for (const r of results) if (r.note) notes.set(r.note, (notes.get(r.note) ?? new Set()).add(r.variant));
  for (const [text, variants] of notes) {
    host.foot.append(note(doc, 'bp-warning bp-result-note', `⚠ ${[...variants].join(', ')}: ${text}.`));
  }
  const noisy = results.filter((r) => r.status === 'ok' && r.stats.noisy).map((r) => r.variant);
  if (noisy.length > 0) {
    host.foot.append(note(doc, 'bp-note', `⚠ Samples of ${noisy.join(', ')} disagree by more than 1.5×: the machine was busy; compare p10 rather than medians.`));
  }
  const extra = results.filter((r) => r.status === 'ok' && r.extraBytes > 0);
  if (extra.length > 0) {
    const named = [...new Set(extra.map((r) => `${r.variant} ${formatBytes(r.status === 'ok' ? r.extraBytes : 0)}`))];
    host.foot.append(note(doc, 'bp-note', `Extra memory: ${named.join(', ')}.`));
  }
  const chunks = chunkNotes(results);
  if (chunks.length > 0) {
    host.foot.append(note(doc, 'bp-note bp-chunk', `Chunk size: ${chunks.join('; ')}.`));
  }
  // What starting the pool cost, measured when it started (apart from every sample):
  // the reason a pool is made once and reused.
  const startups = [...new Set(results.flatMap((r) => (r.status === 'ok' && r.startupMs !== undefined && r.startupMs > 0 ? [`${r.workers} worker${r.workers === 1 ? '' : 's'}: ${formatMs(r.startupMs)}`] : [])))];
  if (startups.length > 0) {
    host.foot.append(note(doc, 'bp-note bp-startup', `Worker pool start-up (each worker fetched, compiled and answering a first message; measured apart from the samples): ${startups.join(', ')}.`));
  }
  // Parallel variants: what messages copied between threads in one product (4.2's lesson).
  const copied = results.flatMap((r) => (r.status === 'ok' && r.copiedBytes !== undefined ? [r] : []));
  if (copied.length > 0) {
    const named = [...new Set(copied.map((r) => {
      const total = r.copiedBytes ?? 0;
      return total === 0
        ? `${r.variant} nothing (shared)`
        : `${r.variant} ${formatBytes(total)} (${formatBytes(total / r.workers)} per worker)`;
    }))];
    host.foot.append(note(doc, 'bp-note', `Copied by messages per product: ${named.join(', ')}.`));
  }
}

/** This browser's series in legends and the "Measured in" column. */
export function liveSourceLabel(results: readonly BenchResult[]): string {
  return results.length > 0 ? `this browser (${environmentLabel(results)})` : 'this browser';
}

/** Imported results on the same rows as these: same variant, shape, type and workers. */
export function importedSeries(host: PanelHost, series: ChartSeries, baseline?: string): OtherSeries[] {
  const variants = new Set(series.rows.map((r) => r.variant));
  return importedFor(loadImports(host.store), (r) => variants.has(r.variant))
    .map((set) => ({ source: set.label, rows: matchingRows(series, set.results, baseline === undefined ? {} : { baseline }) }))
    .filter((o) => o.rows.length > 0);
}

/** How many data samples the measured variants went through (2.1), for the table's caption; '' for older kept results. */
export function dataSamplesText(results: readonly BenchResult[]): string {
  const counts = [...new Set(results.flatMap((r) => (r.status === 'ok' && r.dataSamples !== undefined ? [r.dataSamples] : [])))].sort((a, b) => a - b);
  if (counts.length === 0) return '';
  const n = counts.length === 1 ? `${counts[0]}` : `${counts[0]}–${counts[counts.length - 1]}`;
  return `, each variant timed and checked on ${n} data sample${n === '1' ? '' : 's'}`;
}

export async function renderResults(host: PanelHost, results: readonly BenchResult[], caption?: string, baseline?: string): Promise<void> {
  const series = deriveSeries(results, baseline === undefined ? {} : { baseline });
  const shapes = [...new Set(results.map((r) => `${shapeText(r)} ${r.dtype}`))].join(', ');
  const others = importedSeries(host, series, baseline);
  const liveSource = liveSourceLabel(results);
  const chart = await renderTimesChart(series, { document: host.doc, width: host.width(), others, liveSource });
  const legend = chart ? timesLegend(host.doc, liveSource, others) : null;
  host.showChart(
    chart,
    `Median time per variant with p10–max spread${series.log ? ', log scale' : ''}${others.length > 0 ? `, beside ${others.length} imported series` : ''}; the table below has the figures.`,
    { before: legend ? [legend] : [] },
  );
  const failed = series.rows.filter((r) => r.status === 'error');
  if (failed.length > 0 && series.measured.length === 0) {
    host.chart.append(note(host.doc, 'bp-failed', 'Nothing could be measured: see the reasons in the table.'));
  }
  const open = detailsOpen(host.table);
  host.table.replaceChildren(
    compactResults(host.doc, series, caption ?? `Per product, m×l×n = ${shapes}${dataSamplesText(results)}; speedup (in the details) against ${series.baseline ?? 'the first variant'}`, { others, liveSource: 'this browser', open }),
  );
  resultFooter(host, results);
}

export const matmulKind = (): PanelKindBehaviour<BenchResult[]> => ({
  fields: ['m', 'l', 'n', 'samples', 'workers', 'chunk', 'dtype'],
  runLabel: 'Run',
  runnable: true,
  runsVariants: true,
  title: (c) => `Live benchmark: ${c.variants.join(' vs ')}`,
  async run(host, args) {
    const dtypes = host.config.dtypes ?? [args.request.dtype];
    const out: BenchResult[] = [];
    for (const shape of args.shapes) {
      for (const dtype of dtypes) {
        args.signal.throwIfAborted();
        out.push(...(await runResults(host, { ...args, request: { ...args.request, shape, dtype } }, host.config.variants)));
      }
    }
    return out;
  },
  render: (host, data) => renderResults(host, data),
  ...keptResults,
});
