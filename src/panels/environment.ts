// The environment a measurement was taken in, and the "env" button that shows
// it from any slide. Timings mean little without it: isolation changes the
// clock's resolution (100 µs vs 5 µs) and whether the shared-memory variants
// can run at all. Detection is probeEnvironment (src/bench/environment.ts) (the same probe the bench
// worker runs), here applied to the page through the injected EnvironmentProbe
// (services.ts); browserName and the facts are pure.
import type { Environment, MeasuredPeaks, PeakFigure } from '../bench/protocol.ts';
import { adapterLabel, type GpuAdapterReport } from '../gpu/meta.ts';
import type { EnvironmentProbe } from './services.ts';
import { formatBytes, formatGflops } from '../format/units.ts';
import { whenText } from './progress.ts';
import { button as makeButton, note } from './layout.ts';

/** "Chromium 156", "Firefox 140", "Safari 18": enough to compare machines. Pure. */
export function browserName(userAgent: string): string {
  const rules: [RegExp, string][] = [
    [/Edg\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/HeadlessChrome\/(\d+)/, 'Headless Chrome'],
    [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[.\d]* .*Safari\//, 'Safari'],
    [/Node\.js\/(\d+)|node\/v?(\d+)/i, 'Node.js'],
  ];
  for (const [re, name] of rules) {
    const m = re.exec(userAgent);
    if (m) return `${name} ${m[1] ?? m[2] ?? ''}`.trim();
  }
  return userAgent.slice(0, 40) || 'unknown';
}

/** The clock's step: "5 µs", "0.1 ms" (few digits: it is a measured step, not a timing). */
function timerText(ms: number): string {
  return ms < 1 ? `${+(ms * 1000).toFixed(1)} µs` : `${+ms.toFixed(2)} ms`;
}

/** Label/value pairs shared by the dialog and each panel's footer. Pure. */
export function environmentFacts(env: Environment): [string, string][] {
  return [
    ['Cross-origin isolated', env.crossOriginIsolated ? 'yes' : 'no (SharedArrayBuffer variants cannot run)'],
    ['SharedArrayBuffer', env.sharedArrayBuffer ? 'available' : 'unavailable'],
    ['Cores (hardwareConcurrency)', String(env.cores)],
    ['Timer resolution (measured)', timerText(env.timerResolutionMs)],
    ['WebAssembly SIMD', env.wasmSimd ? 'supported' : 'not supported'],
    ['Browser', browserName(env.userAgent)],
  ];
}

/** One line for under a chart: where those numbers come from. */
/** The small print under every panel's results: when, and in what environment, they were measured. */
export function measuredLine(at: string | null, env: Environment): string {
  return `Measured ${at === null ? 'at an unknown time' : whenText(at)} in ${environmentLine(env)}.`;
}

export function environmentLine(env: Environment): string {
  return `${browserName(env.userAgent)} · ${env.cores} cores · ${env.crossOriginIsolated ? 'isolated' : 'not isolated'} · timer ${timerText(env.timerResolutionMs)}${env.wasmSimd ? ' · wasm SIMD' : ''}`;
}

const yesNo = (b: boolean): string => (b ? 'supported' : 'not supported');

/** The GPU rows of the env view: what the GPU worker's adapter is and can do, or why there is none. Pure. */
export function gpuFacts(report: GpuAdapterReport): [string, string][] {
  if (!report.available) return [['WebGPU', `unavailable: ${report.reason}`]];
  const { limits, tiles } = report;
  return [
    ['WebGPU adapter', adapterLabel(report) ?? ''],
    ['Fallback (software) adapter', report.isFallbackAdapter ? 'yes: a CPU emulating a GPU; its timings say nothing about GPU speed' : 'no: a hardware GPU'],
    ['timestamp-query', `${yesNo(report.timestampQuery)}${report.timestampQuery ? ' (kernel times measured)' : ' (no kernel-only times)'}`],
    ['shader-f16', yesNo(report.shaderF16)],
    [
      'Workgroup limits',
      `${limits.maxComputeInvocationsPerWorkgroup} invocations, ${limits.maxComputeWorkgroupSizeX}×${limits.maxComputeWorkgroupSizeY} max size, ` +
        `${formatBytes(limits.maxComputeWorkgroupStorageSize)} workgroup memory`,
    ],
    ['Buffer limits', `storage binding ${formatBytes(limits.maxStorageBufferBindingSize)}, buffer ${formatBytes(limits.maxBufferSize)}, ${limits.maxComputeWorkgroupsPerDimension} workgroups per dimension`],
    ['Tiles of webgpu-tiled', tiles.reason],
    ...(report.lost ? ([['Device', report.lost]] as [string, string][]) : []),
  ];
}

/** "52.1 FMA · 26.4 plain": one dtype's figures of one worker count (no FMA figure where relaxed SIMD is missing). */
function peakText(fma: PeakFigure, plain: PeakFigure): string {
  return `${fma.fma ? `${formatGflops(fma.gflops)} FMA · ` : ''}${formatGflops(plain.gflops)} plain`;
}

/**
 * The peak rows of the env view: per dtype, the bench worker's one-worker figures and
 * the dispatcher's figures for `workers` pool workers probing at once, in GFLOP/s.
 * A side that could not be measured says so. Pure.
 */
export function peakFacts(one: MeasuredPeaks | null, many: MeasuredPeaks | null, workers: number): [string, string][] {
  const side = (p: MeasuredPeaks | null, dtype: 'f32' | 'f64'): string =>
    p === null ? 'not measured' : dtype === 'f32' ? peakText(p.f32, p.f32Plain) : peakText(p.f64, p.f64Plain);
  const n = many?.f32.workers ?? workers;
  return (['f32', 'f64'] as const).map((dtype) => [
    `Peak ${dtype} (1 worker / ${n} workers)`,
    `${side(one, dtype)} / ${side(many, dtype)} GFLOP/s (measured by the peak probe in the workers)`,
  ]);
}

/**
 * A small fixed "env" button, present on every slide, opening a dialog with the
 * facts above. Idempotent: calling it twice keeps one button.
 */
export function mountEnvironmentButton(doc: Document, probe: EnvironmentProbe): HTMLButtonElement {
  const existing = doc.querySelector<HTMLButtonElement>('button.env-button');
  if (existing) return existing;
  const button = makeButton(doc, 'env-button', 'env', undefined, 'Measurement environment');
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-label', 'Show the measurement environment');

  const dialog = doc.createElement('dialog');
  dialog.className = 'env-dialog';
  dialog.setAttribute('aria-labelledby', 'env-dialog-title');
  const heading = doc.createElement('h2');
  heading.id = 'env-dialog-title';
  heading.textContent = 'Where these benchmarks run';
  const table = doc.createElement('table');
  const envNote = note(doc, 'env-note', 'Measured in this page now; the WebGPU rows come from the GPU worker. Each result also records the environment of the worker that produced it.');
  const close = makeButton(doc, '', 'Close', () => dialog.close());
  dialog.append(heading, table, envNote, close);

  const row = ([k, v]: [string, string]): HTMLTableRowElement => {
    const tr = doc.createElement('tr');
    const th = doc.createElement('th');
    th.scope = 'row';
    th.textContent = k;
    const td = doc.createElement('td');
    td.textContent = v;
    tr.append(th, td);
    return tr;
  };
  // The GPU rows come from the GPU worker, asked only now that someone looks.
  const gpuBody = doc.createElement('tbody');
  gpuBody.className = 'env-gpu';
  let asked = 0;
  const askGpu = (): void => {
    const ask = ++asked;
    gpuBody.replaceChildren(row(['WebGPU', 'asking the GPU worker…']));
    probe.gpuAdapter().then(
      (report) => ask === asked && gpuBody.replaceChildren(...gpuFacts(report).map(row)),
      (e: unknown) => ask === asked && gpuBody.replaceChildren(row(['WebGPU', `could not ask the GPU worker: ${e instanceof Error ? e.message : String(e)}`])),
    );
  };

  // The peaks come from the bench worker (one worker) and the dispatcher (its pool),
  // measured there once and cached for the visit; the page only asks.
  const peakBody = doc.createElement('tbody');
  peakBody.className = 'env-peaks';
  let askedPeaks = 0;
  const askPeaks = (): void => {
    const ask = ++askedPeaks;
    const workers = probe.page().cores;
    peakBody.replaceChildren(row(['Peak (1 worker / N workers)', 'measuring in the bench worker and the pool…']));
    probe.peaks(workers).then(
      ([one, many]) => ask === askedPeaks && peakBody.replaceChildren(...peakFacts(one, many, workers).map(row)),
    );
  };

  button.addEventListener('click', () => {
    const pageBody = doc.createElement('tbody');
    pageBody.append(...environmentFacts(probe.page()).map(row));
    table.replaceChildren(pageBody, peakBody, gpuBody);
    askPeaks();
    askGpu();
    dialog.showModal();
    close.focus();
  });
  // Reveal listens for keys on the document; keep them inside the open dialog.
  dialog.addEventListener('keydown', (e) => e.stopPropagation());
  doc.body.append(button, dialog);
  return button;
}
