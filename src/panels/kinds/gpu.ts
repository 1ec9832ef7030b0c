// 3.2.2: the CPU's best kernel against the two WebGPU kernels over a sweep of
// square sizes, float32. GFLOP/s against size, one line per variant, two for the
// GPU ones (whole call with transfers, kernel alone), so the size where the GPU
// starts to pay is visible. Every run goes through the host's runner: the CPU
// kernel in the bench worker, the GPU ones in the GPU worker; the page only draws.
import type { BenchResult } from '../../bench/protocol.ts';
import { renderSweepChart } from '../../charts/gpu-render.ts';
import { crossover, sweepSeries, type SweepRow } from '../../charts/gpu-series.ts';
import { NO_WEBGPU_REASON, navigatorGpu } from '../../gpu/device.ts';
import { isGpuVariant } from '../../gpu/meta.ts';
import type { PanelHost, PanelKindBehaviour } from '../host.ts';
import { refuseByMemory } from '../memory-guard.ts';
import { formatBytes, formatMs, sig } from '../../format/units.ts';
import { progressText } from '../progress.ts';
import { buildTable, type Column } from '../results-table.ts';
import { keptResults } from '../kept.ts';
import { DEFAULT_SWEEP_SIZES, parseSizes, square } from '../sweep-sizes.ts';
import { measuredLine } from '../environment.ts';
import { note } from '../layout.ts';

function readSizes(host: PanelHost, input: HTMLInputElement | null) {
  const text = input?.value ?? host.config.sizes ?? DEFAULT_SWEEP_SIZES.join(',');
  return parseSizes(text, { variants: host.config.variants, dtype: 'f32', refuse: refuseByMemory });
}

function cpuVariants(host: PanelHost): string[] {
  return host.config.variants.filter((v) => !isGpuVariant(v));
}

/** The table's columns; a reason shared by every GPU row is said once, above the chart, not in each row. */
const columns = (sharedReason: string | null): readonly Column<SweepRow>[] => [
  { head: 'Size', cell: (r) => String(r.size), numeric: true, title: 'n: an n×n matrix times an n×n matrix' },
  { head: 'Variant', cell: (r) => `${r.variant}${r.note ? ' ⚠' : ''}` },
  { head: 'Median', cell: (r) => (r.status === 'ok' ? formatMs(r.medianMs) : 'failed'), numeric: true, title: 'median time of the whole call; for the GPU: upload, kernel, read back' },
  { head: 'First call', cell: (r) => formatMs(r.coldMs), numeric: true, title: 'the first call, kept apart: shader compile and pipeline creation (GPU), JIT (CPU)' },
  { head: 'Kernel', cell: (r) => (r.gpu ? formatMs(r.kernelMs) : ''), numeric: true, title: 'median time of the compute pass alone, from timestamp-query (– when the device has none)' },
  { head: 'Moved', cell: (r) => (r.bytesMoved === null ? '' : formatBytes(r.bytesMoved)), numeric: true, title: 'bytes uploaded (A, B) and read back (C) per call' },
  { head: 'GFLOP/s', cell: (r) => (r.gflops === null ? '' : `${sig(r.gflops)}${r.kernelGflops === null ? '' : ` (kernel ${sig(r.kernelGflops)})`}`), numeric: true },
  {
    head: 'Correct',
    cell: (r) =>
      r.status === 'error'
        ? r.gpu && sharedReason !== null && r.error === sharedReason
          ? 'not run: WebGPU unavailable (see above)'
          : (r.error ?? 'failed')
        : r.correct
          ? '✓ correct'
          : '✗ WRONG',
    cls: (r) => (r.status === 'error' ? 'bp-failed' : r.correct ? 'bp-ok' : 'bp-wrong'),
  },
];

/** Where the numbers come from and what to distrust, once per variant (a sweep repeats each variant per size). */
function sweepFooter(host: PanelHost, results: readonly BenchResult[]): void {
  const doc = host.doc;
  host.foot.replaceChildren();
  const first = results[0];
  if (!first) return;
  host.foot.append(note(doc, 'bp-env', measuredLine(first.at, first.env)));
  const at = (pick: (r: BenchResult) => boolean) => {
    const bySize = new Map<string, number[]>();
    for (const r of results) if (pick(r)) bySize.set(r.variant, [...(bySize.get(r.variant) ?? []), r.n]);
    return [...bySize].map(([v, sizes]) => `${v} at n = ${sizes.join(', ')}`).join('; ');
  };
  const wrong = at((r) => r.status === 'ok' && !r.correct);
  if (wrong) host.foot.append(note(doc, 'bp-warning', `✗ Wrong result from ${wrong}: its time does not count.`));
  const noisy = at((r) => r.status === 'ok' && r.stats.noisy);
  if (noisy) host.foot.append(note(doc, 'bp-note', `⚠ Samples disagree by more than 1.5× (the machine was busy): ${noisy}.`));
}

export function gpuSweepKind(): PanelKindBehaviour<BenchResult[]> {
  let sizes: HTMLInputElement | null = null;
  return {
    fields: ['samples'],
    runLabel: 'Run sweep',
    runnable: true,
    runsVariants: true,
    title: (c) => `GFLOP/s against size: ${c.variants.join(', ')}`,
    mount(host) {
      sizes = host.addField({
        name: 'sizes',
        label: 'Sizes n (comma-separated)',
        value: host.config.sizes ?? DEFAULT_SWEEP_SIZES.join(','),
        size: 22,
        title: 'Square sizes n: each run multiplies an n×n matrix by an n×n matrix, in float32',
      });
      // Known before any run: without navigator.gpu the GPU lines cannot exist here.
      if (!navigatorGpu()) host.extra.append(note(host.doc, 'bp-note bp-gpu-missing', `${NO_WEBGPU_REASON} The CPU line still runs.`));
    },
    validate(host) {
      const parsed = readSizes(host, sizes);
      if (parsed.ok) sizes?.removeAttribute('aria-invalid');
      else sizes?.setAttribute('aria-invalid', 'true');
      return parsed.ok ? [] : parsed.errors;
    },
    async run(host, { request, signal }) {
      const parsed = readSizes(host, sizes);
      if (!parsed.ok) throw new Error(parsed.errors.join(' '));
      const out: BenchResult[] = [];
      // Progress messages cross a worker boundary and may trail the last result: once the sweep is over they must not overwrite the status.
      let over = false;
      for (const [i, size] of parsed.sizes.entries()) {
        signal.throwIfAborted();
        const step = `Size ${size} (${i + 1} of ${parsed.sizes.length})`;
        host.setStatus(`${step}: starting`);
        const results = await host.services.runner.run(
          { variants: host.config.variants, shape: square(size), dtype: 'f32', samples: request.samples },
          {
            signal,
            onProgress: (p) => {
              if (!signal.aborted && !over) host.setStatus(`${step}: ${progressText(p)}`);
            },
          },
        );
        out.push(...results);
      }
      over = true;
      return out;
    },
    async render(host, data) {
      const doc = host.doc;
      const series = sweepSeries(data);
      const chart = await renderSweepChart(series, { document: doc, width: host.width() });
      host.showChart(chart, `GFLOP/s against size, log scale, one line per variant${series.software ? '; software adapter: not a GPU timing' : ''}; the table has the figures.`);
      if (series.gpuUnavailable !== null) {
        host.extra.querySelector('.bp-gpu-missing')?.remove();
        host.chart.append(note(doc, 'bp-failed bp-gpu-unavailable', `WebGPU did not run here: ${series.gpuUnavailable} The CPU line was still measured.`));
      }
      if (series.points.length === 0 && data.length > 0) host.chart.append(note(doc, 'bp-failed', 'Nothing could be measured: see the reasons in the table.'));

      // Where the GPU starts to pay, as measured in this run.
      const cpu = cpuVariants(host).find((v) => series.lines.includes(v));
      const gpuLines = series.lines.filter((l) => !cpuVariants(host).includes(l));
      if (cpu && gpuLines.length > 0) {
        const faster = gpuLines.flatMap((line) => {
          const from = crossover(series.points, line, cpu);
          return from === null ? [] : [`${line} from n = ${from}`];
        });
        const text = faster.length === 0
          ? `Crossover in this run: no GPU line is faster than ${cpu} at the sizes measured.`
          : `Crossover in this run, faster than ${cpu}: ${faster.join('; ')}${faster.length < gpuLines.length ? '; the other GPU lines never are at these sizes' : ''}.`;
        host.chart.append(note(doc, 'bp-note bp-crossover', text));
      }

      const adapterNote = series.software ? ` ⚠ = software adapter: not a GPU timing${series.adapter ? ` (${series.adapter})` : ''}.` : '';
      const caption = `Per product, n×n · n×n, float32. Median and GFLOP/s: the whole call; Kernel: the compute pass alone.${adapterNote}`;
      host.table.replaceChildren(
        buildTable(doc, caption, columns(series.gpuUnavailable), series.rows, (r) => (r.status === 'error' ? 'bp-row-failed' : r.correct ? null : 'bp-row-wrong')),
      );
      sweepFooter(host, data);
      if (series.adapter) host.foot.append(note(doc, 'bp-note bp-adapter', `GPU adapter: ${series.adapter}.`));
    },
    ...keptResults,
  };
}
